#!/usr/bin/env bash
# `make demo`: run playbooks/demo.yml against a throwaway PBXware API simulator.
#
# Expects the collection installed where ANSIBLE_COLLECTIONS_PATH points, and
# ansible-playbook and pbxware-sim on PATH (the Makefile sets both up).
# Starts the simulator on 127.0.0.1, a free port and a random API key, runs the
# playbook, runs it again with --check --diff, and stops the simulator on exit,
# whether the playbook passed or not. Extra arguments go to ansible-playbook.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$PWD
: "${ANSIBLE_COLLECTIONS_PATH:?set ANSIBLE_COLLECTIONS_PATH to where the collection is installed}"
playbook=${DEMO_PLAYBOOK:-playbooks/demo.yml}
[ -f "$playbook" ] || { echo "demo: $playbook not found" >&2; exit 1; }

# shellcheck source=hack/sim-lib.sh
. hack/sim-lib.sh
trap sim_stop EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

workdir=$root/build/demo
rm -rf "$workdir"
mkdir -p "$workdir"
echo "==> demo: starting the PBXware API simulator"
sim_start "$workdir" --request-log "$workdir/requests.log"

# The modules read PBXWARE_URL and PBXWARE_API_KEY (exported by sim_start).
# No inventory: the implicit localhost runs modules with this venv's Python.
export ANSIBLE_COLLECTIONS_PATH
export ANSIBLE_STDOUT_CALLBACK=${ANSIBLE_STDOUT_CALLBACK:-default}
export ANSIBLE_NOCOLOR=${ANSIBLE_NOCOLOR:-$([ "${CI:-}" = true ] && echo 1 || echo 0)}
export ANSIBLE_LOCALHOST_WARNING=false
export ANSIBLE_INVENTORY_UNPARSED_WARNING=false

echo
echo "==> demo: PBXWARE_URL=$PBXWARE_URL PBXWARE_API_KEY=<random, hidden> ansible-playbook $playbook $*"
ansible-playbook "$playbook" "$@"

echo
echo "==> demo: ansible-playbook $playbook --check --diff $*   (a second run must change nothing)"
ansible-playbook "$playbook" --check --diff "$@" | tee "$workdir/check-run.log"
if grep -qE 'changed=[1-9]' "$workdir/check-run.log"; then
    echo "==> demo: FAILED: the --check --diff run reports drift: the first run did not converge" >&2
    exit 1
fi

echo
echo "==> demo: the tenants as Ansible hosts: ansible-inventory -i playbooks/inventory/demo.pbxware.yml --graph"
ansible-inventory -i playbooks/inventory/demo.pbxware.yml --graph

requests=$( (grep -c . "$workdir/requests.log" 2>/dev/null) || true)
echo
echo "==> demo: done; the simulator logged ${requests:-0} API requests ($workdir/requests.log)"
