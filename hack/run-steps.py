#!/usr/bin/env python
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run make targets, time each, and print a summary.

    hack/run-steps.py [--fail-fast] [--make MAKE] [--summary FILE] [--logs DIR]
                      [--assume-made T,T...] [!]TARGET | TARGET+TARGET ...

Arguments run one after another. TARGET+TARGET runs its targets side by side (one
`make` each); their output goes to DIR/TARGET.log and is printed whole when each
ends, so it never interleaves. A target written as !TARGET is a setup step: when it
fails, the run stops there. Other failing steps do not stop the run (unless
--fail-fast or FAIL_FAST=1): the remaining steps still run, so one run reports every
problem. Once the setup steps have passed, the targets of --assume-made are not
remade as prerequisites of later steps (make -o): two steps side by side would
otherwise both re-stage or reinstall the tree the other is reading.
Exits non-zero if any step failed or did not run. The summary goes to stdout and to FILE.
"""

import argparse
import os
import subprocess
import sys
import time


def fmt(seconds):
    seconds = int(round(seconds))
    return '%dm%02ds' % divmod(seconds, 60) if seconds >= 60 else '%ds' % seconds


def banner(text):
    print('\n' + text + '\n' + '=' * len(text), flush=True)


def run_group(group, make_cmd, logs):
    """Run the targets of one group side by side; return [(target, rc, seconds)]."""
    if len(group) == 1:
        t0 = time.monotonic()
        rc = subprocess.call(make_cmd + [group[0]])
        return [(group[0], rc, time.monotonic() - t0)]
    os.makedirs(logs, exist_ok=True)
    running = []
    for target in group:
        log_path = os.path.join(logs, target + '.log')
        log = open(log_path, 'w')
        proc = subprocess.Popen(make_cmd + [target], stdout=log, stderr=subprocess.STDOUT)
        running.append((target, proc, log, log_path, time.monotonic()))
    results = []
    while running:
        for item in list(running):
            target, proc, log, log_path, t0 = item
            if proc.poll() is None:
                continue
            elapsed = time.monotonic() - t0
            log.close()
            running.remove(item)
            banner('--- output of make %s (ran side by side with: %s)'
                   % (target, ', '.join(t for t in group if t != target)))
            with open(log_path, errors='replace') as f:
                sys.stdout.write(f.read())
            sys.stdout.flush()
            results.append((target, proc.returncode, elapsed))
        if running:
            time.sleep(0.2)
    order = {t: i for i, t in enumerate(group)}
    return sorted(results, key=lambda r: order[r[0]])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--fail-fast', action='store_true', default=os.environ.get('FAIL_FAST', '') not in ('', '0'))
    parser.add_argument('--make', default=os.environ.get('MAKE', 'make'))
    parser.add_argument('--summary', default='build/test-summary.txt')
    parser.add_argument('--logs', default='build/steps')
    parser.add_argument('--assume-made', default='', help='comma-separated targets')
    parser.add_argument('steps', nargs='+')
    args = parser.parse_args()

    fatal = {t for s in args.steps if s.startswith('!') for t in s.lstrip('!').split('+')}
    groups = [s.lstrip('!').split('+') for s in args.steps]
    assume_made = [t for t in args.assume_made.split(',') if t]
    targets = [t for group in groups for t in group]
    results = []
    start = time.monotonic()
    for i, group in enumerate(groups, 1):
        label = ' + '.join(group)
        banner('==> [%d/%d] make %s%s' % (i, len(groups), label, ' (side by side)' if len(group) > 1 else ''))
        make_cmd = [args.make, '--no-print-directory']
        if not any(t in fatal for t in group):
            for made in assume_made:
                make_cmd += ['-o', made]
        group_results = run_group(group, make_cmd, args.logs)
        results += group_results
        for target, rc, elapsed in group_results:
            print('<== make %s: %s in %s' % (target, 'ok' if rc == 0 else 'FAILED (exit %d)' % rc, fmt(elapsed)),
                  flush=True)
        failed_here = [target for target, rc, elapsed in group_results if rc != 0]
        if failed_here and (args.fail_fast or any(t in fatal for t in failed_here)):
            print('<== stopping: %s failed' % ', '.join(failed_here), flush=True)
            break

    ran = {r[0] for r in results}
    lines = ['', 'Summary (%s in all; steps joined by + ran side by side):' % fmt(time.monotonic() - start)]
    for group in groups:
        for target, rc, elapsed in (r for r in results if r[0] in group):
            mark = '+' if len(group) > 1 and target != group[0] else ' '
            lines.append(' %s %-16s %-8s %8s' % (mark, target, 'ok' if rc == 0 else 'FAILED', fmt(elapsed)))
        for target in group:
            if target not in ran:
                lines.append('   %-16s %-8s' % (target, 'skipped'))
    passed = sum(1 for r in results if r[1] == 0)
    failed = len(results) - passed
    lines.append('')
    lines.append('steps: %d passed, %d failed' % (passed, failed))
    text = '\n'.join(lines)
    print(text, flush=True)
    try:
        os.makedirs(os.path.dirname(args.summary), exist_ok=True)
        with open(args.summary, 'w') as f:
            f.write(text.lstrip('\n') + '\n')
    except OSError:
        pass
    return 0 if failed == 0 and len(results) == len(targets) else 1


if __name__ == '__main__':
    sys.exit(main())
