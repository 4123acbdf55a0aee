#!/usr/bin/env python
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Collection consistency checks that ansible-test and ansible-lint do not make.

- every module in plugins/modules/ is in the `pbxware` action group of
  meta/runtime.yml, and every entry of the group names an existing module;
- the `tenant` action group lists exactly the tenant-scoped modules (those that
  take the tenant/tenant_id options), so a tenant default reaches no other module;
- galaxy.yml and meta/runtime.yml agree with what the collection promises
  (GPL-3.0-or-later, requires_ansible as a full x.y.z version);
- with --py39 PYTHON: module and module_utils code compiles on Python 3.9 (the
  oldest target Python, see tests/config.yml).
"""

import argparse
import glob
import os
import re
import subprocess
import sys

import yaml

GROUP = 'pbxware'
TENANT_GROUP = 'tenant'
FQCN_PREFIX = 'bicom.pbxware.'


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--root', default=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser.add_argument('--py39', metavar='PYTHON', help='Python 3.9 interpreter for a compile check')
    args = parser.parse_args()
    os.chdir(args.root)
    errors = []

    with open('meta/runtime.yml') as f:
        runtime = yaml.safe_load(f) or {}
    with open('galaxy.yml') as f:
        galaxy = yaml.safe_load(f) or {}

    modules = sorted(
        os.path.splitext(os.path.basename(p))[0]
        for p in glob.glob('plugins/modules/*.py')
        if os.path.basename(p) != '__init__.py'
    )
    group = (runtime.get('action_groups') or {}).get(GROUP)
    if group is None:
        errors.append('meta/runtime.yml: action_groups.%s is missing' % GROUP)
        group = []
    names = []
    for entry in group:
        if not isinstance(entry, str):
            continue  # metadata: extend_group etc.
        names.append(entry[len(FQCN_PREFIX):] if entry.startswith(FQCN_PREFIX) else entry)
    for m in modules:
        if m not in names:
            errors.append('meta/runtime.yml: module %s is not in action_groups.%s (add "    - %s")' % (m, GROUP, m))
    for n in names:
        if n not in modules:
            errors.append('meta/runtime.yml: action_groups.%s lists %s, but plugins/modules/%s.py does not exist' % (GROUP, n, n))
    if len(names) != len(set(names)):
        errors.append('meta/runtime.yml: action_groups.%s has duplicate entries' % GROUP)

    scoped = sorted(m for m in modules if 'tenant_scoped=True' in open('plugins/modules/%s.py' % m).read())
    tenant_group = sorted(e for e in (runtime.get('action_groups') or {}).get(TENANT_GROUP) or [] if isinstance(e, str))
    if tenant_group != scoped:
        errors.append('meta/runtime.yml: action_groups.%s must list exactly the tenant-scoped modules: missing %s, extra %s'
                      % (TENANT_GROUP, sorted(set(scoped) - set(tenant_group)), sorted(set(tenant_group) - set(scoped))))

    req = str(runtime.get('requires_ansible', ''))
    if not re.match(r'^>=\s*\d+\.\d+\.\d+', req):
        errors.append('meta/runtime.yml: requires_ansible must be a full version such as ">=2.19.0", got %r' % req)
    if galaxy.get('license') != ['GPL-3.0-or-later']:
        errors.append('galaxy.yml: license must be [GPL-3.0-or-later]')
    if (galaxy.get('namespace'), galaxy.get('name')) != ('bicom', 'pbxware'):
        errors.append('galaxy.yml: namespace/name must be bicom/pbxware')

    if args.py39:
        files = sorted(glob.glob('plugins/modules/*.py') + glob.glob('plugins/module_utils/**/*.py', recursive=True))
        if files:
            code = ('import sys\n'
                    'for f in sys.argv[1:]:\n'
                    '    with open(f, "rb") as fh:\n'
                    '        compile(fh.read(), f, "exec", dont_inherit=True)\n')
            rc = subprocess.call([args.py39, '-c', code] + files)
            if rc != 0:
                errors.append('module code does not compile on Python 3.9 (%s)' % args.py39)
            else:
                print('check-collection: %d module/module_utils files compile on %s' % (len(files), args.py39))

    for e in errors:
        print('ERROR: ' + e, file=sys.stderr)
    if errors:
        return 1
    print('check-collection: ok (%d modules, all in action group %r)' % (len(modules), GROUP))
    return 0


if __name__ == '__main__':
    sys.exit(main())
