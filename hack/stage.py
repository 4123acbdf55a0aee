#!/usr/bin/env python
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Mirror the collection sources into DEST (normally build/ansible_collections/bicom/pbxware).

ansible-test only runs from a directory named ansible_collections/NAMESPACE/NAME.
This copies the files git tracks, plus untracked (not git-ignored) files under
the collection's own trees and its tooling (plugins/, tests/, meta/, docs/,
changelogs/fragments/, hack/: a new module, test or fragment before `git add`).
Other untracked files (a stray my/env.sh holding an API key, request logs, your
own playbooks) are not copied, and are named in a note. Trees that are not part
of the collection (the simulator, build output, venvs) are skipped in any case.
Without git (no checkout, or no git command) it falls back to copying everything
but those trees, with a warning.
Files already up to date are left alone and stale ones are removed, so a re-run
is cheap. DEST/tests/output (ansible-test's results and venvs) is kept.
DEST gets an empty git repository of its own (see the comment in main()).
"""

import argparse
import filecmp
import os
import shutil
import subprocess
import sys

# Never staged: not part of the collection, or generated.
EXCLUDE_PREFIXES = (
    '.git/',
    '.venv',
    '.tox/',
    '.cache/',
    '.ansible/',
    'build/',
    'collections/',
    'simulator/',
    'tests/output/',
    'node_modules/',
)
EXCLUDE_NAMES = ('__pycache__', '.pytest_cache', 'node_modules')
# ansible.cfg at the root is for commands run in the checkout (it points at
# build/collections); ansible-test brings its own configuration.
EXCLUDE_FILES = ('tests/integration/integration_config.yml', 'changelogs/.plugin-cache.yaml', 'ansible.cfg')
# Untracked (but not git-ignored) files are staged only under these trees.
UNTRACKED_PREFIXES = ('plugins/', 'tests/', 'meta/', 'docs/', 'changelogs/fragments/', 'hack/')
# Kept in DEST even though they are not in the source list.
KEEP_PREFIXES = ('tests/output/', '.git/')


def excluded(rel):
    if rel in EXCLUDE_FILES or rel.endswith(('.pyc', '.pyo', '.tar.gz')):
        return True
    if rel.startswith(EXCLUDE_PREFIXES):
        return True
    return any(part in EXCLUDE_NAMES for part in rel.split('/'))


def git_files(src, *args):
    out = subprocess.run(['git', 'ls-files', '-z'] + list(args), cwd=src, check=True, capture_output=True).stdout
    return [n for n in out.decode('utf-8').split('\0') if n]


def source_files(src, quiet=False):
    try:
        tracked = git_files(src, '--cached')
        untracked = git_files(src, '--others', '--exclude-standard')
    except (OSError, subprocess.CalledProcessError) as e:
        detail = e.stderr.decode('utf-8', 'replace').strip() if getattr(e, 'stderr', None) else str(e)
        print('stage: WARNING: cannot list the files git knows in %s (%s); copying everything but '
              'the generated trees, stray untracked files included' % (src, detail), file=sys.stderr)
        tracked, untracked = None, []
    skipped = sorted(n for n in untracked if not n.startswith(UNTRACKED_PREFIXES) and not excluded(n))
    if skipped and not quiet:
        print('stage: note: not staging %d untracked file(s) outside %s (git add them to stage them): %s'
              % (len(skipped), ' '.join(UNTRACKED_PREFIXES), ' '.join(skipped[:10]) + (' ...' if len(skipped) > 10 else '')))
    if tracked is not None:
        names = tracked + [n for n in untracked if n.startswith(UNTRACKED_PREFIXES)]
    else:
        names = []
        for root, dirs, files in os.walk(src):
            rel_root = os.path.relpath(root, src)
            rel_root = '' if rel_root == '.' else rel_root + '/'
            dirs[:] = [d for d in dirs if not excluded(rel_root + d + '/')]
            names.extend(rel_root + f for f in files)
    result = set()
    for name in names:
        if excluded(name):
            continue
        path = os.path.join(src, name)
        if os.path.lexists(path) and not os.path.isdir(path):  # deleted but still in the index: skip
            result.add(name)
    return result


def same(a, b):
    if os.path.islink(a) or os.path.islink(b):
        return os.path.islink(a) and os.path.islink(b) and os.readlink(a) == os.readlink(b)
    try:
        sa, sb = os.stat(a), os.stat(b)
    except OSError:
        return False
    if sa.st_size != sb.st_size or (sa.st_mode & 0o777) != (sb.st_mode & 0o777):
        return False
    if int(sa.st_mtime) == int(sb.st_mtime):
        return True
    return filecmp.cmp(a, b, shallow=False)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('dest')
    parser.add_argument('--src', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument('-q', '--quiet', action='store_true')
    args = parser.parse_args()

    src = os.path.abspath(args.src)
    dest = os.path.abspath(args.dest)
    if dest == src or src.startswith(dest + os.sep):
        sys.exit('stage: refusing to stage into %s' % dest)
    files = source_files(src, quiet=args.quiet)
    copied = removed = 0

    for name in sorted(files):
        s, d = os.path.join(src, name), os.path.join(dest, name)
        if os.path.lexists(d) and same(s, d):
            continue
        os.makedirs(os.path.dirname(d), exist_ok=True)
        if os.path.lexists(d) or os.path.isdir(d):
            if os.path.isdir(d) and not os.path.islink(d):
                shutil.rmtree(d)
            else:
                os.unlink(d)
        if os.path.islink(s):
            os.symlink(os.readlink(s), d)
        else:
            shutil.copy2(s, d)
        copied += 1

    for root, dirs, names in os.walk(dest, topdown=True):
        rel_root = os.path.relpath(root, dest)
        rel_root = '' if rel_root == '.' else rel_root.replace(os.sep, '/') + '/'
        dirs[:] = [x for x in dirs if x not in EXCLUDE_NAMES and not (rel_root + x + '/').startswith(KEEP_PREFIXES)]
        for n in names:
            rel = rel_root + n
            if rel not in files:
                os.unlink(os.path.join(root, n))
                removed += 1
    for root, dirs, names in os.walk(dest, topdown=False):
        if root != dest and not os.listdir(root):
            rel = os.path.relpath(root, dest).replace(os.sep, '/') + '/'
            if not rel.startswith(KEEP_PREFIXES):
                os.rmdir(root)

    # ansible-test looks for version control from the collection root upwards. Without
    # a repository here it would find the enclosing checkout, in which build/ is
    # ignored, and see no files at all ("All targets skipped"). An empty repository
    # (no commit) makes it list this tree: `git ls-files --cached --others`.
    if not os.path.isdir(os.path.join(dest, '.git')) and shutil.which('git'):
        subprocess.run(['git', 'init', '--quiet', dest], check=True)

    if not args.quiet:
        print('stage: %s <- %s (%d files, %d copied, %d removed)' % (dest, src, len(files), copied, removed))


if __name__ == '__main__':
    main()
