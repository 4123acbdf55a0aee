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
#
# It also creates the SSH key pair ansible-test makes on first use
# (~/.ansible/test/id_rsa and id_rsa.pub, as in ansible_test/_internal/core_ci.py
# SshKey.generate_key_pair). Two ansible-test runs started side by side on a fresh
# machine (`make integrations`) both see no key, both run ssh-keygen on the same
# file, and one fails ("ssh-keygen ... returned exit status 1"). Made here, once,
# before any ansible-test runs, the key is only ever read.
#
# Every write goes to a temporary file that is renamed into place, under a lock
# (flock), so that this script itself can run twice at once (`make venv` and
# `make venv-2.19` in a parallel make) and a reader never sees a half-written file.
set -euo pipefail
testdir=$HOME/.ansible/test
cache=${ANSIBLE_TEST_CACHE_DIR:-$testdir/cache}
mkdir -p "$cache" "$testdir"
if command -v flock >/dev/null 2>&1; then
    exec 9>"$testdir/.bootstrap.lock"
    flock 9
fi

# --- SSH key pair (ansible-test: ssh-keygen -m PEM -q -t rsa -N '' -f ~/.ansible/test/id_rsa)
key=$testdir/id_rsa
if [ ! -f "$key" ] || [ ! -f "$key.pub" ]; then
    if command -v ssh-keygen >/dev/null 2>&1; then
        tmpkey=$(mktemp -d "$testdir/.keygen.XXXXXX")
        ssh-keygen -m PEM -q -t rsa -N '' -f "$tmpkey/id_rsa" </dev/null
        # As ansible-test does: paramiko only reads the "RSA PRIVATE KEY" PEM header.
        sed -i -E 's/(BEGIN|END) PRIVATE KEY/\1 RSA PRIVATE KEY/' "$tmpkey/id_rsa"
        chmod 600 "$tmpkey/id_rsa"
        # ansible-test uses the pair only when both files exist: private key first.
        rm -f "$key.pub"
        mv -f "$tmpkey/id_rsa" "$key"
        mv -f "$tmpkey/id_rsa.pub" "$key.pub"
        rmdir "$tmpkey"
        echo "ansible-test-bootstrap: wrote $key and $key.pub"
    else
        echo "ansible-test-bootstrap: WARNING: ssh-keygen not found; ansible-test will fail to create $key" >&2
    fi
fi

# --- pip bootstrap scripts
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
        printf '%s\n' "$new" >"$f.tmp.$$"
        mv -f "$f.tmp.$$" "$f"
        echo "ansible-test-bootstrap: wrote $f"
    fi
done
