#!/usr/bin/env bash
# Build the collection's HTML documentation site (as docs.ansible.com renders it).
#
#   hack/build-docs.sh PYTHON COLLECTIONS_PATH DEST DOCS_VENV
#
# antsibull-docs sphinx-init writes a Sphinx project for bicom.pbxware (installed
# in COLLECTIONS_PATH) into DEST; its requirements go into DOCS_VENV (created with
# PYTHON); build.sh then renders DEST/build/html. Works offline (PyPI only).
set -euo pipefail
python=$1
collections=$2
dest=$3
venv=$4
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export ANSIBLE_COLLECTIONS_PATH=$collections
rm -rf "$dest"
mkdir -p "$dest"
"$(dirname "$python")/antsibull-docs" sphinx-init --use-current --squash-hierarchy --lenient \
    --fail-on-error --dest-dir "$dest" bicom.pbxware
"$here/mkvenv.sh" "$venv" "$python" "$dest/requirements.txt"
cd "$dest"
# build.sh runs ansible-doc: the main venv (ansible-core) stays on PATH after the docs venv.
PATH="$venv/bin:$(dirname "$python"):$PATH" ./build.sh
echo "docs: $dest/build/html/index.html"
