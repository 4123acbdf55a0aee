#!/usr/bin/env bash
# Integration tests against the bundled PBXware API simulator.
#
#   COLLECTION_ROOT=.../ansible_collections/bicom/pbxware tests/integration/run-integration.sh [ansible-test args...]
#
# `make integration` runs this in the staged copy under build/. It
#  1. starts the simulator (pbxware-sim, from PATH or SIM_BIN) on 127.0.0.1, a
#     free port and a random API key, with a request log;
#  2. writes tests/integration/integration_config.yml, which ansible-test loads
#     as variables (it strips the environment, so env lookups see nothing):
#       pbxware_url          API endpoint, http://127.0.0.1:PORT/index.php
#       pbxware_api_key      the random key
#       pbxware_sim_url      base URL of the simulator's /_sim/ control paths
#       pbxware_request_log  absolute path of the simulator's request log
#  3. runs `ansible-test integration --venv --allow-unsupported` (targets that
#     need the simulator are marked `unsupported` in their aliases);
#  4. stops the simulator and removes the config on exit, pass or fail.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=${COLLECTION_ROOT:-$(cd "$here/../.." && pwd)}
root=$(cd "$root" && pwd)
case "$root" in
    */ansible_collections/bicom/pbxware) ;;
    *)
        echo "run-integration: $root is not inside ansible_collections/bicom/pbxware;" >&2
        echo "run-integration: use 'make integration', or set COLLECTION_ROOT to such a copy" >&2
        exit 1
        ;;
esac
cd "$root"

mapfile -t targets < <(find tests/integration/targets -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort)
if [ "${#targets[@]}" -eq 0 ]; then
    echo "run-integration: ERROR: no integration targets in tests/integration/targets" >&2
    exit 1
fi

python=$(command -v python3)
pyver=${ANSIBLE_TEST_PYTHON:-$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')}

# shellcheck source=/dev/null
. "${SIM_LIB:-$here/../../hack/sim-lib.sh}"
config=tests/integration/integration_config.yml
cleanup() {
    sim_stop
    rm -f "$config"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

simdir=$root/tests/output/simulator
rm -rf "$simdir"
request_log=$simdir/requests.log
sim_start "$simdir" --request-log "$request_log"

# Secret values for this run only: the targets use them, and the -vvv output
# is searched for them afterwards (none may show).
rand_hex() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }
test_secret="Sx-$(rand_hex 6)Q9"
test_secret_new="Sy-$(rand_hex 6)R8"
test_password="Pw-$(rand_hex 6)T7"
test_pin=$(printf '%04d' $((0x$(rand_hex 2) % 10000)))

umask 077
cat >"$config" <<YAML
---
# Written by tests/integration/run-integration.sh for one run; do not commit.
pbxware_url: "$PBXWARE_URL"
pbxware_api_key: "$PBXWARE_API_KEY"
pbxware_sim_url: "${SIM_BASE_URL%/}"
pbxware_request_log: "$request_log"
pbxware_test_secret: "$test_secret"
pbxware_test_secret_new: "$test_secret_new"
pbxware_test_password: "$test_password"
pbxware_test_pin: "$test_pin"
YAML
umask 022

# ansible-test shares one delegation venv between `units` and `integration`: start
# from a fresh one, so that only tests/integration/requirements.txt is in it.
if [ "${KEEP_TEST_VENV:-0}" = 0 ]; then
    rm -rf tests/output/.tmp/delegation
fi

echo "==> ansible-test integration -vvv --venv --allow-unsupported --python $pyver $* (${#targets[@]} targets)"
output=$simdir/integration-vvv.log
status=0
ansible-test integration -vvv --venv --allow-unsupported --python "$pyver" "$@" >"$output" 2>&1 || status=$?
# A summary: the targets run and their recaps (expected failures are ignored tasks, so not shown).
grep -E '^(PLAY RECAP|testhost +:|Running |WARNING|ERROR|FATAL)' "$output" || true
if [ "$status" -ne 0 ]; then
    echo "run-integration: FAILED (exit $status); full -vvv output: $output" >&2
    grep -E -B5 -A25 'fatal: .*FAILED!' "$output" | grep -v '...ignoring' | tail -n 80 >&2 || true
    tail -n 20 "$simdir/simulator.log" | sed 's/^/  | /' >&2 || true
    exit "$status"
fi

# No secret may appear anywhere in the -vvv output. The PIN is 4 digits, which
# also occur in timings and ports, so it is searched for as a value ("1234", =1234).
leaks=0
for name in PBXWARE_API_KEY test_secret test_secret_new test_password; do
    if grep -qF -- "${!name}" "$output"; then
        echo "run-integration: FAILED: the value of $name appears in the -vvv output ($output)" >&2
        leaks=1
    fi
done
if grep -qE "([\"'=]|: )$test_pin([\"',]|$)" "$output"; then
    echo "run-integration: FAILED: the test PIN appears as a value in the -vvv output ($output)" >&2
    leaks=1
fi
[ "$leaks" -eq 0 ] || exit 1
echo "run-integration: no secret (API key, secrets, password, PIN) in $(wc -l <"$output") lines of -vvv output"

# ACTION_COVERAGE (set by `make integration` when no target is named): the command that
# counts the documented actions modules sent, and fails on any not sent (tests/integration/action_coverage.py).
if [ -n "${ACTION_COVERAGE:-}" ]; then
    $ACTION_COVERAGE "$request_log" --report "$simdir/action-coverage.tsv"
fi
