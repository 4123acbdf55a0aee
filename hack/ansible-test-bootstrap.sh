#!/usr/bin/env bash
# Make `ansible-test ... --venv` work without access to ci-files.testing.ansible.com.
#
#   hack/ansible-test-bootstrap.sh VENV_PYTHON...
#
# ansible-test bootstraps pip into each virtual environment it creates with a
# get-pip.py script that it downloads from a host these machines cannot reach,
# unless the script is already cached as ~/.ansible/test/cache/get_pip_X_Y.py
# (X.Y = the pip version that ansible-test pins). We cache a small stand-in that
# uses ensurepip, then installs the requested packages (pip==X.Y) from PyPI.
# The pip version is read from each ansible-test installation; 24.2 (ansible-core
# 2.19) and 25.2 (2.21) are always written.
set -euo pipefail
cache=${ANSIBLE_TEST_CACHE_DIR:-$HOME/.ansible/test/cache}
mkdir -p "$cache"
versions=(24.2 25.2)
for py in "$@"; do
    v=$("$py" - <<'PY'
import os, re
try:
    import ansible_test
except ImportError:
    raise SystemExit(0)
path = os.path.join(os.path.dirname(ansible_test.__file__), '_internal', 'python_requirements.py')
with open(path) as f:
    m = re.search(r"default_packages = dict\(\s*pip='([0-9.]+)'", f.read())
print(m.group(1) if m else '')
PY
)
    [ -n "$v" ] && versions+=("$v")
done
for v in $(printf '%s\n' "${versions[@]}" | sort -u); do
    f=$cache/get_pip_${v//./_}.py
    new=$(cat <<'PY'
# Stand-in for get-pip.py, written by hack/ansible-test-bootstrap.sh (offline ansible-test --venv).
import subprocess
import sys

args = [a for a in sys.argv[1:] if a not in ('--no-setuptools', '--no-wheel')]
subprocess.check_call([sys.executable, '-m', 'ensurepip', '--default-pip'])
sys.exit(subprocess.call([sys.executable, '-m', 'pip', 'install'] + args))
PY
)
    if [ ! -f "$f" ] || [ "$(cat "$f")" != "$new" ]; then
        if [ -f "$f" ] && ! grep -q 'hack/ansible-test-bootstrap.sh' "$f"; then
            echo "ansible-test-bootstrap: keeping existing $f (not ours)"
            continue
        fi
        printf '%s\n' "$new" >"$f"
        echo "ansible-test-bootstrap: wrote $f"
    fi
done
