#!/usr/bin/env bash
# Prove that the collection build is an allow-list (`make build-check`):
#
#   hack/test-build-allowlist.sh [VENV_BIN]      (default: .venv/main/bin)
#
#  1. copies the checkout (git-tracked files, plus untracked files git does not
#     ignore) into a temporary directory and adds stray files a user might have
#     lying around: my/env.sh holding PBXWARE_API_KEY, request.log, notes.txt,
#     playbooks/mine.yml, a .env, a __pycache__/*.pyc under plugins/, ...;
#  2. builds the collection there with ansible-galaxy from VENV_BIN;
#  3. fails if any stray file (or the fake key) is in the tarball, if a shipped
#     source file is missing from it, or if hack/check-tarball.sh rejects it;
#  4. adds a stray file to the built tarball and fails unless check-tarball.sh
#     then rejects it and names the offender.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
vbin=${1:-$root/.venv/main/bin}
[ -x "$vbin/ansible-galaxy" ] || { echo "test-build-allowlist: $vbin/ansible-galaxy not found (run make venv)" >&2; exit 1; }
if ! command -v git >/dev/null || [ ! -e "$root/.git" ]; then
    echo "test-build-allowlist: needs git and a git checkout" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src=$tmp/src
mkdir -p "$src"

# 1. The checkout as git sees it (files deleted in the work tree are skipped).
(cd "$root" && git ls-files -z --cached --others --exclude-standard) |
    (cd "$root" && while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done) |
    (cd "$root" && tar --null -T - -cf -) | tar -C "$src" -xf -

fake_key=stray-key-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
strays=(
    my/env.sh
    request.log
    notes.txt
    .env
    playbooks/mine.yml
    plugins/modules/__pycache__/x.pyc
    plugins/modules/pbxware_extension.py.orig
    plugins/modules/notes.md
    tests/output/junk.txt
    meta/secrets.json
    changelogs/fragments/wip.yml
)
for f in "${strays[@]}"; do
    mkdir -p "$src/$(dirname "$f")"
    printf '# stray file\n' >"$src/$f"
done
printf 'export PBXWARE_URL=https://pbx.example.com/index.php\nexport PBXWARE_API_KEY=%s\n' "$fake_key" >"$src/my/env.sh"
printf 'POST /index.php apikey=%s\n' "$fake_key" >"$src/request.log"
printf -- '---\n- hosts: localhost\n  vars:\n    api_key: %s\n' "$fake_key" >"$src/playbooks/mine.yml"
printf 'PBXWARE_API_KEY=%s\n' "$fake_key" >"$src/.env"

# 2. Build.
version=$(sed -nE 's/^version:[[:space:]]*"?([0-9][^"[:space:]]*)"?.*/\1/p' "$src/galaxy.yml")
tarball=$tmp/dist/bicom-pbxware-$version.tar.gz
mkdir -p "$tmp/dist"
"$vbin/ansible-galaxy" collection build --force --output-path "$tmp/dist" "$src" >"$tmp/build.log" 2>&1 ||
    { cat "$tmp/build.log" >&2; echo "test-build-allowlist: FAILED: ansible-galaxy collection build" >&2; exit 1; }
list=$(tar -tzf "$tarball" | sed 's#^\./##')

# 3. Nothing stray in it, everything shipped in it, and check-tarball agrees.
failed=0
fail() { echo "test-build-allowlist: FAILED: $*" >&2; failed=1; }
for f in "${strays[@]}"; do
    if grep -qxF "$f" <<<"$list"; then fail "stray file $f is in the tarball"; fi
done
never=$(grep -E '(^|/)(__pycache__/|[^/]*\.pyc$)|^(my|playbooks|tests|hack|simulator)/' <<<"$list" || true)
[ -z "$never" ] || fail "the tarball has paths that must never ship: $(paste -sd' ' <<<"$never")"
mkdir -p "$tmp/unpacked"
tar -C "$tmp/unpacked" -xzf "$tarball"
if grep -rqF "$fake_key" "$tmp/unpacked"; then fail "the fake API key from the stray files is in the tarball"; fi
mapfile -t shipped < <(git -C "$root" ls-files --cached --others --exclude-standard \
    README.md LICENSE CHANGELOG.rst meta plugins docs changelogs/config.yaml changelogs/changelog.yaml |
    grep -E '^(README\.md|LICENSE|CHANGELOG\.rst|meta/.*\.(yml|txt)|plugins/.*\.py|docs/.*\.(rst|yml|md)|changelogs/.*\.yaml)$' |
    while IFS= read -r f; do [ -f "$root/$f" ] && echo "$f"; done)
[ "${#shipped[@]}" -gt 0 ] || fail "found no source file that should ship"
for f in "${shipped[@]}"; do
    grep -qxF "$f" <<<"$list" || fail "$f is missing from the tarball"
done
if ! "$here/check-tarball.sh" "$tarball" >"$tmp/check.log" 2>&1; then
    cat "$tmp/check.log" >&2
    fail "check-tarball.sh rejects the allow-listed build"
fi

# 4. check-tarball must reject a tarball that does hold a stray file.
mkdir -p "$tmp/unpacked/my"
cp "$src/my/env.sh" "$tmp/unpacked/my/env.sh"
tar -C "$tmp/unpacked" -czf "$tmp/bad.tar.gz" .
if "$here/check-tarball.sh" "$tmp/bad.tar.gz" >"$tmp/check-bad.log" 2>&1; then
    fail "check-tarball.sh accepted a tarball containing my/env.sh"
elif ! grep -qE '^  my/env\.sh$' "$tmp/check-bad.log"; then
    cat "$tmp/check-bad.log" >&2
    fail "check-tarball.sh rejected the bad tarball but did not name my/env.sh"
fi

[ "$failed" -eq 0 ] || exit 1
echo "test-build-allowlist: ok (${#strays[@]} stray files kept out, ${#shipped[@]} source files shipped," \
    "$(grep -c . <<<"$list") entries; check-tarball rejects a stray file)"
