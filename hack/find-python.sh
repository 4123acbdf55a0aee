#!/usr/bin/env bash
# Print the path of the newest working CPython 3.MINOR with MIN <= MINOR <= MAX.
#
#   hack/find-python.sh MIN_MINOR [MAX_MINOR]      e.g. hack/find-python.sh 12 99
#
# Looks in pyenv's versions directory first (its shims only answer when the
# version is selected), then on PATH. Exits 1 if none is found.
set -euo pipefail
min=$1
max=${2:-$1}
root=${PYENV_ROOT:-}
if [ -z "$root" ]; then
    root=$(pyenv root 2>/dev/null || echo "$HOME/.pyenv")
fi
works() { "$1" -c 'import sys, venv' >/dev/null 2>&1; }
candidates=()
if [ -d "$root/versions" ]; then
    while IFS= read -r d; do
        v=${d##*/}
        case "$v" in 3.[0-9]*.[0-9]*) ;; *) continue ;; esac
        minor=${v#3.}
        minor=${minor%%.*}
        case "$minor" in *[!0-9]*) continue ;; esac
        if [ "$minor" -ge "$min" ] && [ "$minor" -le "$max" ]; then
            candidates+=("$d/bin/python3.$minor")
        fi
    done < <(printf '%s\n' "$root"/versions/* | sort -V -r)
fi
for ((minor = max > 30 ? 30 : max; minor >= min; minor--)); do
    c=$(command -v "python3.$minor" 2>/dev/null || true)
    [ -n "$c" ] && candidates+=("$c")
done
for c in "${candidates[@]}"; do
    if [ -x "$c" ] && works "$c"; then
        echo "$c"
        exit 0
    fi
done
exit 1
