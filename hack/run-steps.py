#!/usr/bin/env python
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run make targets one after another, time each, and print a summary.

    hack/run-steps.py [--fail-fast] [--make MAKE] [--summary FILE] [!]TARGET...

A target written as !TARGET is a setup step: when it fails, the run stops there.
Other failing steps do not stop the run (unless --fail-fast or FAIL_FAST=1): the
remaining steps still run, so one run reports every problem. Exits non-zero if
any step failed or did not run. The summary goes to stdout and to build/test-summary.txt.
"""

import argparse
import os
import subprocess
import sys
import time


def fmt(seconds):
    seconds = int(round(seconds))
    return '%dm%02ds' % divmod(seconds, 60) if seconds >= 60 else '%ds' % seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--fail-fast', action='store_true', default=os.environ.get('FAIL_FAST', '') not in ('', '0'))
    parser.add_argument('--make', default=os.environ.get('MAKE', 'make'))
    parser.add_argument('--summary', default='build/test-summary.txt')
    parser.add_argument('targets', nargs='+')
    args = parser.parse_args()

    results = []
    start = time.monotonic()
    fatal = {t.lstrip('!') for t in args.targets if t.startswith('!')}
    args.targets = [t.lstrip('!') for t in args.targets]
    total = len(args.targets)
    for i, target in enumerate(args.targets, 1):
        banner = '==> [%d/%d] make %s' % (i, total, target)
        print('\n' + banner + '\n' + '=' * len(banner), flush=True)
        t0 = time.monotonic()
        rc = subprocess.call([args.make, '--no-print-directory', target])
        elapsed = time.monotonic() - t0
        results.append((target, rc, elapsed))
        status = 'ok' if rc == 0 else 'FAILED (exit %d)' % rc
        print('<== make %s: %s in %s' % (target, status, fmt(elapsed)), flush=True)
        if rc != 0 and (args.fail_fast or target in fatal):
            print('<== stopping: %s failed' % target, flush=True)
            break

    ran = {r[0] for r in results}
    lines = ['', 'Summary (%s in all):' % fmt(time.monotonic() - start)]
    for target, rc, elapsed in results:
        lines.append('  %-16s %-8s %8s' % (target, 'ok' if rc == 0 else 'FAILED', fmt(elapsed)))
    for target in args.targets:
        if target not in ran:
            lines.append('  %-16s %-8s' % (target, 'skipped'))
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
    return 0 if failed == 0 and len(results) == total else 1


if __name__ == '__main__':
    sys.exit(main())
