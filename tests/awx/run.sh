#!/usr/bin/env bash
# Runs the example AWX project (awx/project) the way AWX runs it, with ansible-runner,
# against the bundled simulator: the "Bicom PBXware" credential type's injectors
# rendered into env/envvars, the job templates' extra_vars into env/extravars, an
# inventory update through the inventory plugin (tests/awx/awx_job.py has the details).
#
#   make awx-test      (installs the collection into build/collections first)
#
# Needs ansible-runner, ansible-playbook and pbxware-sim on PATH, ANSIBLE_COLLECTIONS_PATH
# naming an installed copy of the collection, and AWX_TEST_OUT (default tests/output/awx).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${ANSIBLE_COLLECTIONS_PATH:?set ANSIBLE_COLLECTIONS_PATH to an installed copy of bicom.pbxware}"
out=${AWX_TEST_OUT:-$root/tests/output/awx}
rm -rf "$out"
mkdir -p "$out"

# shellcheck source=/dev/null
. "${SIM_LIB:-$root/hack/sim-lib.sh}"
trap sim_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
sim_start "$out"
url=$PBXWARE_URL
key=$PBXWARE_API_KEY
# Only the credential's injected environment may reach the jobs.
unset PBXWARE_URL PBXWARE_API_KEY PBXWARE_VALIDATE_CERTS PBXWARE_CA_PATH ANSIBLE_CALLBACKS_ENABLED DRIFT_REPORT_DIR
python3 "$here/awx_job.py" --sim-url "$url" --sim-key "$key" --collections "$ANSIBLE_COLLECTIONS_PATH" --out "$out/jobs"
