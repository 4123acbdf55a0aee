#!/usr/bin/env bash
# Create or update a virtual environment, cheaply and idempotently.
#
#   hack/mkvenv.sh VENV_DIR PYTHON REQUIREMENTS_FILE [EDITABLE_DIR...]
#
# The venv is (re)built only when its inputs change: the interpreter's version,
# the requirements file (and any -r/-c files it names) and the pyproject.toml of
# each editable directory. A stamp file in the venv records a hash of the inputs;
# when it matches, this script returns at once.
set -euo pipefail

venv=$1
python=$2
reqs=$3
shift 3
editables=("$@")

if ! command -v "$python" >/dev/null 2>&1; then
    echo "mkvenv: Python interpreter '$python' not found" >&2
    exit 1
fi

# pip itself is pinned here (it cannot be pinned reliably in the file it installs).
PIP_VERSION=${PIP_VERSION:-26.3}

pyver=$("$python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])')

# Inputs of the venv: interpreter version, requirement files, editable projects.
inputs() {
    echo "python=$pyver pip=$PIP_VERSION"
    local f dir
    dir=$(dirname "$reqs")
    for f in "$reqs" $(sed -nE 's/^-[rc][[:space:]]+(.*)$/\1/p' "$reqs"); do
        case "$f" in /*) ;; *) [ "$f" = "$reqs" ] || f=$dir/$f ;; esac
        echo "== $f"
        cat "$f"
    done
    for f in "${editables[@]}"; do
        echo "== editable $f"
        cat "$f/pyproject.toml" "$f/setup.cfg" "$f/setup.py" 2>/dev/null || true
    done
}
want=$(inputs | sha256sum | cut -d' ' -f1)
stamp=$venv/.mkvenv-stamp

if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$venv/bin/python" ]; then
    exit 0
fi

start=$SECONDS
have=""
if [ -x "$venv/bin/python" ]; then
    have=$("$venv/bin/python" -c 'import sys; print("%d.%d.%d" % sys.version_info[:3])' 2>/dev/null || true)
fi
if [ "$have" != "$pyver" ]; then
    echo "mkvenv: creating $venv with $python (Python $pyver)"
    rm -rf "$venv"
    "$python" -m venv "$venv"
else
    echo "mkvenv: updating $venv (inputs changed)"
fi
rm -f "$stamp"

pip=("$venv/bin/python" -m pip --disable-pip-version-check)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# Run pip quietly; show its output only when it fails.
run_pip() {
    echo "mkvenv: pip install $*"
    if ! "${pip[@]}" install --progress-bar off "$@" >"$log" 2>&1; then
        grep -v "is ignored: it is neither a file nor a directory" "$log" >&2
        echo "mkvenv: pip install $* FAILED" >&2
        exit 1
    fi
}
run_pip --upgrade "pip==$PIP_VERSION"
run_pip -r "$reqs"
for e in "${editables[@]}"; do
    if [ -f "$e/pyproject.toml" ] || [ -f "$e/setup.py" ]; then
        run_pip -e "$e"
    else
        echo "mkvenv: WARNING: $e has no pyproject.toml/setup.py yet; not installed" >&2
        want=incomplete
    fi
done
"${pip[@]}" check >/dev/null || { "${pip[@]}" check >&2; exit 1; }
echo "$want" > "$stamp"
echo "mkvenv: $venv ready in $((SECONDS - start))s"
