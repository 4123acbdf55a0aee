#!/usr/bin/env bash
# Tests of the bicom.pbxware.drift_report callback against the bundled simulator.
#
#   make drift-test      (installs the collection into build/collections first)
#
# Needs ansible-playbook and pbxware-sim on PATH, ANSIBLE_COLLECTIONS_PATH naming an
# installed copy of the collection, and DRIFT_TEST_OUT (default tests/output/drift) for
# the reports. Every run of ansible-playbook gets its own report directory.
#
#   1. provision (a normal run): the report lists what was created, secrets masked
#   2. audit (--check --diff) right after: a clean report, zero count
#   3. the extension's name changed through the raw API, audit again: exactly that field
#   4. a failing task: listed as failed, a JUnit error
#   5. five hosts with forks 5, then serial 2: drift on two hosts aggregated into one report;
#      a normal run repairs it (and reports it), a last audit is clean
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${ANSIBLE_COLLECTIONS_PATH:?set ANSIBLE_COLLECTIONS_PATH to an installed copy of bicom.pbxware}"
export ANSIBLE_COLLECTIONS_PATH
out=${DRIFT_TEST_OUT:-$root/tests/output/drift}
rm -rf "$out"
mkdir -p "$out"
helper=(python3 "$here/helper.py")

# shellcheck source=/dev/null
. "${SIM_LIB:-$root/hack/sim-lib.sh}"
trap sim_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
sim_start "$out"

export ANSIBLE_CALLBACKS_ENABLED=bicom.pbxware.drift_report
export ANSIBLE_NOCOLOR=1 ANSIBLE_RETRY_FILES_ENABLED=0
unset DRIFT_REPORT_FORMATS DRIFT_REPORT_DISPLAY_SUMMARY PBXWARE_VALIDATE_CERTS PBXWARE_CA_PATH
cd "$here"
single=inventory/single.yml
fleet=inventory/fleet.yml
extension='"module": "bicom.pbxware.pbxware_extension"'

# playbook NAME EXPECTED_STATUS ansible-playbook args...: run with the report in $out/NAME.
playbook() {
    local name=$1 want=$2 status=0
    shift 2
    echo "==> drift-test: $name: ansible-playbook $*"
    DRIFT_REPORT_DIR=$out/$name ansible-playbook "$@" >"$out/$name.log" 2>&1 || status=$?
    if [ "$status" -ne "$want" ]; then
        echo "drift-test: FAIL: $name: ansible-playbook exited $status, expected $want; its output:" >&2
        tail -n 40 "$out/$name.log" >&2
        exit 1
    fi
    grep -A3 '^DRIFT REPORT' "$out/$name.log" | head -n 4 | sed 's/^/    /'
}

# 1. A normal run reports what it changed: two extensions and a DID group created.
playbook provision 0 -i "$single" provision.yml
"${helper[@]}" check "$out/provision" --name "provision reports what it created" --mode apply \
    --drift 3 --hosts 1 --checked 4 --secrets-from "$single" \
    --expect '{"host": "localhost", "module": "bicom.pbxware.pbxware_extension", "identity": {"extension": "200"}, "operation": "create", "tenant": "344"}' \
    --expect '{"host": "localhost", "module": "bicom.pbxware.pbxware_did_group", "identity": {"name": "Audit Sales"}, "operation": "create"}'

# 2. Nothing changed since: an empty report.
playbook clean 0 -i "$single" provision.yml --check --diff
"${helper[@]}" check "$out/clean" --name "clean audit: empty report, zero count" --mode check --drift 0 --checked 4 --hosts 1

# 3. Drift made on purpose, behind Ansible's back: the name of extension 200.
"${helper[@]}" edit-ext 200 "name=Ada Drifted"
playbook drift 0 -i "$single" provision.yml --check --diff
"${helper[@]}" check "$out/drift" --name "audit names exactly the drifted field" --mode check --drift 1 --checked 4 \
    --secrets-from "$single" --show \
    --expect "{\"host\": \"localhost\", $extension, \"identity\": {\"extension\": \"200\"}, \"id\": \"1\", \"tenant\": \"344\", \"operation\": \"update\", \"fields\": [{\"field\": \"name\", \"before\": \"Ada Drifted\", \"after\": \"Ada Audit\"}]}"
# --check sent no write: the drift is still there.
playbook drift-again 0 -i "$single" provision.yml --check
"${helper[@]}" check "$out/drift-again" --name "check mode wrote nothing" --mode check --drift 1

# 4. A failing task (unknown user agent) is a failed entry and a JUnit error.
playbook failing 2 -i "$single" failing.yml --check
"${helper[@]}" check "$out/failing" --name "a failed task is reported" --mode check --drift 0 --failed 1 \
    --expect-failed "{\"host\": \"localhost\", $extension, \"identity\": {\"extension\": \"299\"}}"

# 5. Five hosts: provisioned with forks 5, two drifted, audited with forks 5 and with serial 2.
playbook fleet-provision 0 -i "$fleet" provision.yml --forks 5
"${helper[@]}" check "$out/fleet-provision" --name "forks 5: every host's changes in one report" --mode apply \
    --drift 10 --hosts 5 --secrets-from "$fleet"
"${helper[@]}" edit-ext 301 "name=Bravo Drifted"
"${helper[@]}" edit-ext 303 "email=delta.moved@example.com"
bravo="{\"host\": \"tenant-bravo\", $extension, \"identity\": {\"extension\": \"301\"}, \"fields\": [{\"field\": \"name\", \"before\": \"Bravo Drifted\", \"after\": \"Bravo Fleet\"}]}"
delta="{\"host\": \"tenant-delta\", $extension, \"identity\": {\"extension\": \"303\"}, \"fields\": [{\"field\": \"email\", \"before\": \"delta.moved@example.com\", \"after\": \"delta.fleet@example.com\"}]}"
playbook fleet-forks 0 -i "$fleet" provision.yml --check --diff --forks 5
"${helper[@]}" check "$out/fleet-forks" --name "forks 5: drift of two hosts aggregated" --mode check \
    --drift 2 --hosts 5 --checked 15 --expect "$bravo" --expect "$delta" --secrets-from "$fleet"
playbook fleet-serial 0 -i "$fleet" provision.yml --check --diff -e drift_serial=2
grep -c '^PLAY \[' "$out/fleet-serial.log" | grep -qx 3 || { echo "drift-test: FAIL: serial 2 did not run 3 batches" >&2; exit 1; }
"${helper[@]}" check "$out/fleet-serial" --name "serial 2 (3 batches): one report for all batches" --mode check \
    --drift 2 --hosts 5 --checked 15 --expect "$bravo" --expect "$delta"
playbook fleet-repair 0 -i "$fleet" provision.yml --forks 5
"${helper[@]}" check "$out/fleet-repair" --name "a normal run reports what it changed back" --mode apply \
    --drift 2 --hosts 5 --expect "$bravo" --expect "$delta"
playbook fleet-clean 0 -i "$fleet" provision.yml --check --diff -e drift_serial=2
"${helper[@]}" check "$out/fleet-clean" --name "after the repair: a clean audit" --mode check --drift 0 --hosts 5 --checked 15

echo "drift-test: all passed (reports in $out)"
