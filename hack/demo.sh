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
# An explicit localhost-only inventory (local connection, this venv's Python):
# without -i, Ansible finds no inventory and warns "No inventory was parsed" on
# every run.
inventory=playbooks/inventory/localhost.yml

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
export ANSIBLE_COLLECTIONS_PATH
export ANSIBLE_STDOUT_CALLBACK=${ANSIBLE_STDOUT_CALLBACK:-default}
export ANSIBLE_NOCOLOR=${ANSIBLE_NOCOLOR:-$([ "${CI:-}" = true ] && echo 1 || echo 0)}

echo
echo "==> demo: PBXWARE_URL=$PBXWARE_URL PBXWARE_API_KEY=<random, hidden> ansible-playbook -i $inventory $playbook $*"
ansible-playbook -i "$inventory" "$playbook" "$@"

echo
echo "==> demo: ansible-playbook -i $inventory $playbook --check --diff $*   (a second run must change nothing)"
ansible-playbook -i "$inventory" "$playbook" --check --diff "$@" | tee "$workdir/check-run.log"
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
sim_stop
cat <<EOF

Next, from $root (its ansible.cfg points Ansible at build/collections):

  . .venv/main/bin/activate        # or: make shell (either puts .venv/main/bin on PATH)
  ansible-doc bicom.pbxware.pbxware_extension
  ansible-doc -t inventory bicom.pbxware.pbxware

  # against a simulator of your own (any free port; the demo's has stopped):
  pbxware-sim --host 127.0.0.1 --port 8765 --api-key demo-key-0123456789 &
  export PBXWARE_URL=http://127.0.0.1:8765/index.php PBXWARE_API_KEY=demo-key-0123456789
  ansible-playbook playbooks/demo.yml                  # provisions the simulator
  ansible-playbook playbooks/demo.yml --check --diff   # run again: no change
  ansible-inventory -i playbooks/inventory/demo.pbxware.yml --graph
  kill %1                          # stop that simulator

  # the collection in your own Ansible (see README.md, Installing):
  ansible-galaxy collection install -p ~/.ansible/collections build/dist/bicom-pbxware-*.tar.gz
EOF
