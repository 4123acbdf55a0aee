#!/usr/bin/env bash
# Check a built collection tarball against an allow-list: every entry must match
# one of the expected path patterns below (the same set galaxy.yml's `manifest:`
# directives pack), and the files every collection needs must be there. Any other
# path (a stray env file, a log, a playbook, a cache) fails the check and is listed.
#
#   hack/check-tarball.sh bicom-pbxware-X.Y.Z.tar.gz
#
# Keep ALLOWED in step with galaxy.yml `manifest.directives`.
set -euo pipefail
if [ "$#" -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 COLLECTION_TARBALL" >&2
    exit 2
fi
tarball=$1

# Extended regular expressions, matched against the whole path (no leading ./).
# Directory entries end with a slash.
name='[a-z0-9][a-z0-9_]*'
ALLOWED=(
    'MANIFEST\.json'
    'FILES\.json'
    'README\.md'
    'LICENSE'
    'CHANGELOG\.rst'
    'meta/'
    'meta/(runtime|execution-environment)\.yml'
    'meta/ee-(requirements|bindep)\.txt'
    'plugins/'
    "plugins/$name/($name/)*"
    "plugins/$name/($name/)*(__init__|$name)\.py"
    'docs/'
    'docs/[a-z0-9][a-z0-9_.-]*\.(md|rst)'
    'docs/docsite/'
    'docs/docsite/rst/'
    'docs/docsite/[a-z0-9][a-z0-9_-]*\.yml'
    "docs/docsite/rst/[a-z0-9][a-z0-9_.-]*\.(rst|md)"
    'changelogs/'
    'changelogs/(changelog|config)\.yaml'
)
REQUIRED=(MANIFEST.json FILES.json README.md LICENSE meta/runtime.yml)

# (A tarball made with `tar -C DIR .` names its root "./": not an entry to check.)
list=$(tar -tzf "$tarball" | sed 's#^\./##' | grep -v '^$' || true)
allowed_re="^($(IFS='|'; echo "${ALLOWED[*]}"))\$"
errors=0

for f in "${REQUIRED[@]}"; do
    grep -qxF "$f" <<<"$list" || { echo "check-tarball: ERROR: $f missing from $tarball" >&2; errors=1; }
done
grep -qE '^plugins/modules/[^/]+\.py$' <<<"$list" || { echo "check-tarball: ERROR: no module in $tarball" >&2; errors=1; }

offenders=$(grep -vE "$allowed_re" <<<"$list" || true)
if [ -n "$offenders" ]; then
    echo "check-tarball: ERROR: $tarball contains $(grep -c . <<<"$offenders") unexpected path(s) (not in the allow-list of hack/check-tarball.sh):" >&2
    while IFS= read -r f; do echo "  $f"; done <<<"$offenders" >&2
    errors=1
fi
[ "$errors" -eq 0 ] || exit 1
echo "check-tarball: ok ($(grep -c . <<<"$list") entries, all allow-listed; $(du -h "$tarball" | cut -f1))"
