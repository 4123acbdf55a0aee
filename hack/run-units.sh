#!/usr/bin/env bash
# Run the collection's unit tests with ansible-test in a virtual environment.
#
#   hack/run-units.sh COLLECTION_ROOT VENV_BIN [ansible-test args...]
#
# Uses the Python of VENV_BIN (and its ansible-test), two pytest workers (one per
# core), and fails if there is no unit test to run.
set -euo pipefail
root=$1
vbin=$2
shift 2
cd "$root"
mapfile -t tests < <(find tests/unit -name 'test_*.py' -type f 2>/dev/null | sort)
if [ "${#tests[@]}" -eq 0 ]; then
    echo "units: ERROR: no unit tests (tests/unit/**/test_*.py) found" >&2
    exit 1
fi
pyver=$("$vbin/python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')
core=$("$vbin/python" -c 'import ansible.release as r; print(r.__version__)')
echo "==> ansible-test units (ansible-core $core, Python $pyver): ${#tests[@]} test files"
export PATH="$vbin:$PATH"
# ansible-test shares one delegation venv between `units` and `integration`: start
# from a fresh one, so that a requirement missing from tests/unit/requirements.txt
# is not hidden by what an earlier integration run installed (costs a few seconds).
if [ "${KEEP_TEST_VENV:-0}" = 0 ]; then
    rm -rf tests/output/.tmp/delegation
fi
mkdir -p tests/output/junit
marker=tests/output/junit/.units-start-$pyver
touch "$marker"
ansible-test units --venv --python "$pyver" --num-workers "${UNITS_WORKERS:-2}" "$@"
# ansible-test can exit 0 when pytest collected nothing: count what ran.
mapfile -t results < <(find tests/output/junit -name "python$pyver-*units.xml" -newer "$marker" 2>/dev/null)
"$vbin/python" - "${results[@]}" <<'PY'
import sys
import xml.etree.ElementTree as ET
tests = failures = skipped = 0
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()
    for s in ([root] if root.tag == 'testsuite' else root.findall('testsuite')):
        tests += int(s.get('tests', 0))
        failures += int(s.get('failures', 0)) + int(s.get('errors', 0))
        skipped += int(s.get('skipped', 0))
print('units: %d tests, %d failed, %d skipped (%d result files)' % (tests, failures, skipped, len(sys.argv) - 1))
if tests - skipped <= 0:
    sys.exit('units: ERROR: no unit test ran')
if failures:
    sys.exit('units: ERROR: %d tests failed' % failures)
PY
