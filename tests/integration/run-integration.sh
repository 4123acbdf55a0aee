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

umask 077
cat >"$config" <<YAML
---
# Written by tests/integration/run-integration.sh for one run; do not commit.
pbxware_url: "$PBXWARE_URL"
pbxware_api_key: "$PBXWARE_API_KEY"
pbxware_sim_url: "$SIM_BASE_URL"
pbxware_request_log: "$request_log"
YAML
umask 022

# ansible-test shares one delegation venv between `units` and `integration`: start
# from a fresh one, so that only tests/integration/requirements.txt is in it.
if [ "${KEEP_TEST_VENV:-0}" = 0 ]; then
    rm -rf tests/output/.tmp/delegation
fi

echo "==> ansible-test integration --venv --allow-unsupported --python $pyver $* (${#targets[@]} targets)"
status=0
ansible-test integration --venv --allow-unsupported --python "$pyver" "$@" || status=$?
if [ "$status" -ne 0 ]; then
    echo "run-integration: FAILED (exit $status); simulator output: $simdir/simulator.log" >&2
    tail -n 20 "$simdir/simulator.log" | sed 's/^/  | /' >&2 || true
fi
exit "$status"
