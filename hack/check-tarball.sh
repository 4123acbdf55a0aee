#!/usr/bin/env bash
# Check a built collection tarball: required files present, nothing that
# build_ignore in galaxy.yml should have kept out.
#
#   hack/check-tarball.sh bicom-pbxware-X.Y.Z.tar.gz
set -euo pipefail
tarball=$1
list=$(tar -tzf "$tarball" | sed 's#^\./##')
errors=0
for f in MANIFEST.json FILES.json README.md LICENSE meta/runtime.yml; do
    grep -qx "$f" <<<"$list" || { echo "check-tarball: ERROR: $f missing from $tarball" >&2; errors=1; }
done
grep -q '^plugins/modules/.*\.py$' <<<"$list" || { echo "check-tarball: ERROR: no module in $tarball" >&2; errors=1; }
bad=$(grep -E '^\.[^/]|(^|/)(simulator|build|\.venv[^/]*|\.tox|\.ansible|collections|tests/output|node_modules|__pycache__|\.git|\.ci|hack)(/|$)|\.tar\.gz$|\.pyc$|(^|/)integration_config\.yml$|^Makefile$|^requirements-dev|^constraints-dev' <<<"$list" || true)
if [ -n "$bad" ]; then
    echo "check-tarball: ERROR: $tarball contains files that build_ignore should exclude:" >&2
    sed 's/^/  /' <<<"$bad" | head -20 >&2
    errors=1
fi
[ "$errors" -eq 0 ] || exit 1
echo "check-tarball: ok ($(wc -l <<<"$list") entries, $(du -h "$tarball" | cut -f1))"
