#!/usr/bin/env bash
# Tests of the bicom.pbxware.pbxware inventory plugin against the bundled simulator.
#
#   make inventory-test      (installs the collection into build/collections first)
#
# Needs ansible-inventory and pbxware-sim on PATH, and ANSIBLE_COLLECTIONS_PATH naming
# an installed copy of the collection. UPDATE_EXPECTED=1 rewrites tests/inventory/expected/.
# SCALE_TENANTS (default 1000; 0 skips) sets the size of the timed large inventory.
# Output and timings: tests/output/inventory/ (timings in timings.txt).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
: "${ANSIBLE_COLLECTIONS_PATH:?set ANSIBLE_COLLECTIONS_PATH to an installed copy of bicom.pbxware}"
export ANSIBLE_COLLECTIONS_PATH
out=$root/tests/output/inventory
rm -rf "$out"
mkdir -p "$out"
python=$(command -v python3)
helper=("$python" "$here/helper.py")
configs=$here/configs
expected=$here/expected
scale=${SCALE_TENANTS:-1000}

# The Python that runs ansible-inventory: the plugin's default ansible_python_interpreter
# (normalised to CONTROLLER_PYTHON in the compared output).
INVENTORY_TEST_PYTHON=$(head -n 1 "$(command -v ansible-inventory)" | sed -nE 's/^#! *([^ ]+).*/\1/p')
export INVENTORY_TEST_PYTHON

# shellcheck source=/dev/null
. "${SIM_LIB:-$root/hack/sim-lib.sh}"
proxy_pid=""
proxy_stop() {
    if [ -n "$proxy_pid" ]; then
        kill "$proxy_pid" 2>/dev/null || true
        wait "$proxy_pid" 2>/dev/null || true
        proxy_pid=""
    fi
}
trap 'proxy_stop; sim_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Only this plugin parses the sources, and a source that fails to parse fails the run.
export ANSIBLE_INVENTORY_ENABLED=bicom.pbxware.pbxware
export ANSIBLE_INVENTORY_UNPARSED_FAILED=true
export ANSIBLE_INVENTORY_CACHE_CONNECTION=$out/cache
export ANSIBLE_NOCOLOR=1
unset PBXWARE_VALIDATE_CERTS PBXWARE_TIMEOUT PBXWARE_CA_PATH ANSIBLE_PYTHON_INTERPRETER

failures=0
fail() {
    echo "inventory-test: FAIL: $*" >&2
    failures=$((failures + 1))
}
pass() { echo "inventory-test: ok: $*"; }
calls() { "${helper[@]}" calls "$SIM_BASE_URL"; }
clear_calls() { "${helper[@]}" clear "$SIM_BASE_URL"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

# inventory NAME CONFIG [ansible-inventory args...]: --list into $out/NAME.json (normalised
# into $out/NAME.norm.json); sets LAST_CALLS and LAST_TIME.
inventory() {
    local name=$1 config=$2 start end
    shift 2
    clear_calls
    start=$(now)
    local status=0
    ansible-inventory -i "$config" --list "$@" >"$out/$name.json" 2>"$out/$name.err" || status=$?
    end=$(now)
    LAST_TIME=$(elapsed "$start" "$end")
    LAST_CALLS=$(calls)
    if [ "$status" -ne 0 ]; then
        fail "$name: ansible-inventory exited $status:"
        head -n 5 "$out/$name.err" >&2
        echo '{}' >"$out/$name.json"
    fi
    "${helper[@]}" normalise "$out/$name.json" >"$out/$name.norm.json"
}

# compare NAME: the normalised --list output against expected/NAME.json.
compare() {
    local name=$1
    if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
        cp "$out/$name.norm.json" "$expected/$name.json"
        echo "inventory-test: updated expected/$name.json"
    elif diff -u "$expected/$name.json" "$out/$name.norm.json" >"$out/$name.diff"; then
        pass "$name: --list matches expected/$name.json"
    else
        fail "$name: --list differs from expected/$name.json:"
        head -n 40 "$out/$name.diff" >&2
    fi
}

# expect_error NAME CONFIG PATTERN [env...]: ansible-inventory fails, says PATTERN, shows no key or traceback.
expect_error() {
    local name=$1 config=$2 pattern=$3 status=0
    shift 3
    env "$@" ansible-inventory -i "$config" --list >"$out/$name.json" 2>"$out/$name.err" || status=$?
    local text
    text=$(cat "$out/$name.json" "$out/$name.err")
    if [ "$status" -eq 0 ]; then
        fail "$name: ansible-inventory exited 0"
    elif ! grep -qE "$pattern" <<<"$text"; then
        fail "$name: no line matching '$pattern' in the output ($out/$name.err)"
    elif grep -qF -- "$PBXWARE_API_KEY" <<<"$text" || grep -qF -- "wrong-key-4d8b2f" <<<"$text"; then
        fail "$name: an API key appears in the output"
    elif grep -q "Traceback" <<<"$text"; then
        fail "$name: a traceback in the output"
    else
        pass "$name: exit $status, '$(grep -m1 -oE "bicom.pbxware.pbxware inventory: .*" <<<"$text")'"
    fi
}

add_tenant() {
    local args=() arg
    for arg in "$@"; do
        args+=(--data-urlencode "$arg")
    done
    curl -fsS "$PBXWARE_URL" --data-urlencode "apikey=$PBXWARE_API_KEY" --data-urlencode action=pbxware.tenant.add \
        --data-urlencode server=1 --data-urlencode national=0 --data-urlencode international=00 "${args[@]}" \
        >"$out/add.json"
    grep -q '"success"' "$out/add.json" || { echo "inventory-test: tenant.add failed: $(cat "$out/add.json")" >&2; exit 1; }
}

# --- 1. the default fixture plus tenants added through the API -----------------
sim_start "$out/sim-main"
http_secret="Http-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
ldap_secret="Ldap-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
add_tenant tenant_name=sales.example.com tenant_code=501 package=2 ext_length=4 country=869 \
    apusername=httpuser "appassword=$http_secret" "ldap_password=$ldap_secret"
add_tenant tenant_name=support.example.org tenant_code=502 package=1 ext_length=3 country=862
add_tenant tenant_name=t3.example.com tenant_code=503 package=1 ext_length=5 country=3

inventory basic "$configs/basic.pbxware.yml"
compare basic
if [ "$LAST_CALLS" = 1 ]; then pass "basic: 1 API call"; else fail "basic: $LAST_CALLS API calls, expected 1"; fi
ansible-inventory -i "$configs/basic.pbxware.yml" --graph >"$out/basic.graph" 2>"$out/basic.graph.err" ||
    fail "basic: --graph failed ($out/basic.graph.err)"
if [ "${UPDATE_EXPECTED:-0}" = 1 ]; then
    cp "$out/basic.graph" "$expected/basic.graph"
elif diff -u "$expected/basic.graph" "$out/basic.graph" >"$out/basic.graph.diff"; then
    pass "basic: --graph matches expected/basic.graph"
else
    fail "basic: --graph differs:"
    cat "$out/basic.graph.diff" >&2
fi

inventory details "$configs/details.pbxware.yml"
compare details
if [ "$LAST_CALLS" = 3 ]; then pass "details: 3 API calls (list + 2 configurations)"; else fail "details: $LAST_CALLS API calls, expected 3"; fi
if grep -qF -e "$http_secret" -e "$ldap_secret" "$out/details.json"; then
    fail "details: a tenant secret appears unmasked"
else
    pass "details: no HTTP or LDAP secret in the output"
fi

# Chosen settings: secrets among them masked; a misspelt key is a warning naming the closest key.
inventory keys "$configs/keys.pbxware.yml"
if "$python" -c 'import json, sys
config = json.load(open(sys.argv[1]))["_meta"]["hostvars"]["sales.example.com"]["pbxware_tenant_config"]
sys.exit(config != {"status": "1", "incominglimit": "8", "apusername": "********", "appassword": "********"})' \
    "$out/keys.norm.json" && ! grep -qF -e "$http_secret" -e httpuser "$out/keys.json"; then
    pass "keys: only the chosen settings, the HTTP user name and password masked"
else
    fail "keys: unexpected pbxware_tenant_config or an unmasked secret ($out/keys.norm.json)"
fi
warned=$(tr -s ' \n' ' ' <"$out/keys.err" | grep -oF "no tenant configuration has ext_lenght (closest: ext_length)" | wc -l)
if [ "$warned" = 1 ]; then
    pass "keys: a misspelt key warned about once, with the closest key"
else
    fail "keys: $warned warnings naming ext_lenght and ext_length, expected 1 ($out/keys.err)"
fi

inventory filters "$configs/filters.pbxware.yml"
compare filters

# A .yaml name, url and a vaulted api_key in the file (no environment).
vault_pass=$out/vault-pass
od -An -N12 -tx1 /dev/urandom | tr -d ' \n' >"$vault_pass"
vaulted=$(ansible-vault encrypt_string --vault-password-file "$vault_pass" --name api_key -- "$PBXWARE_API_KEY" 2>/dev/null)
{
    echo "plugin: bicom.pbxware.pbxware"
    echo "url: $PBXWARE_URL"
    echo "$vaulted"
} >"$out/vault.pbxware.yaml"
(
    unset PBXWARE_URL PBXWARE_API_KEY
    inventory vault "$out/vault.pbxware.yaml" --vault-password-file "$vault_pass"
)
if [ "$("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$out/vault.norm.json")" = 5 ]; then
    pass "vault: api_key from !vault in a .yaml file, 5 hosts"
else
    fail "vault: expected 5 hosts ($out/vault.err)"
fi

# ini fallbacks (ansible.cfg [pbxware] section).
cat >"$out/ansible.cfg" <<INI
[pbxware]
url = $PBXWARE_URL
api_key = $PBXWARE_API_KEY
validate_certs = false
INI
(
    unset PBXWARE_URL PBXWARE_API_KEY
    export ANSIBLE_CONFIG=$out/ansible.cfg
    inventory ini "$configs/plain.pbxware.yml"
)
if grep -q '"sales.example.com"' "$out/ini.norm.json"; then pass "ini: connection from ansible.cfg [pbxware]"; else fail "ini: no hosts ($out/ini.err)"; fi

# url and api_key as lookups in the file; the same text in the environment is taken literally.
(
    export SIM_URL=$PBXWARE_URL SIM_KEY=$PBXWARE_API_KEY
    unset PBXWARE_URL PBXWARE_API_KEY
    inventory templated "$configs/templated.pbxware.yml"
)
if [ "$("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$out/templated.norm.json")" = 5 ] &&
    grep -qF '"ansible_python_interpreter": "{{ ansible_playbook_python }}"' "$out/templated.norm.json"; then
    pass "templated: url and api_key from lookup('env') in the file, 5 hosts"
else
    fail "templated: expected 5 hosts and the python_interpreter option ($out/templated.err)"
fi
# shellcheck disable=SC2016 # a literal template
expect_error templated-env "$configs/plain.pbxware.yml" "bicom.pbxware.pbxware inventory: .*Invalid API key" \
    PBXWARE_API_KEY='{{ lookup("env", "SIM_KEY") }}' SIM_KEY="$PBXWARE_API_KEY"
# python_interpreter as a template ({{ ansible_playbook_python }}) runs a module.
if SIM_URL=$PBXWARE_URL SIM_KEY=$PBXWARE_API_KEY ansible -i "$configs/templated.pbxware.yml" t3.example.com \
    -m bicom.pbxware.pbxware_tenant_info -a tenant_code=503 >"$out/templated-module.log" 2>&1; then
    pass "templated: python_interpreter '{{ ansible_playbook_python }}' runs a module"
else
    fail "templated: the module failed: $(tail -n 5 "$out/templated-module.log")"
fi

# ca_path: the API behind HTTPS with a self-signed certificate.
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
    -keyout "$out/tls.key" -out "$out/tls.pem" >"$out/openssl.log" 2>&1
"${helper[@]}" tls-proxy "$out/tls.pem" "$out/tls.key" "$PBXWARE_URL" >"$out/tls-proxy.log" 2>&1 &
proxy_pid=$!
tls_url=""
for _ in $(seq 1 100); do
    tls_url=$(sed -nE 's#.*listening on (https://[^[:space:]]+).*#\1index.php#p' "$out/tls-proxy.log")
    [ -n "$tls_url" ] && break
    sleep 0.1
done
expect_error tls-untrusted "$configs/plain.pbxware.yml" "bicom.pbxware.pbxware inventory: .*TLS error" \
    PBXWARE_URL="$tls_url"
(
    export PBXWARE_URL=$tls_url PBXWARE_CA_PATH=$out/tls.pem
    inventory tls "$configs/plain.pbxware.yml"
)
if grep -q '"sales.example.com"' "$out/tls.norm.json"; then
    pass "tls: a self-signed certificate trusted through ca_path (PBXWARE_CA_PATH)"
else
    fail "tls: no hosts with ca_path ($out/tls.err)"
fi
proxy_stop

# The cache: the second run makes no API call and gives the same inventory.
inventory cache1 "$configs/cached.pbxware.yml"
first_calls=$LAST_CALLS
inventory cache2 "$configs/cached.pbxware.yml"
if [ "$LAST_CALLS" = 0 ] && cmp -s "$out/cache1.norm.json" "$out/cache2.norm.json"; then
    pass "cache: first run $first_calls API calls, cached run 0 and the same inventory"
else
    fail "cache: cached run made $LAST_CALLS API calls or differs"
fi
inventory cache3 "$configs/cached.pbxware.yml" --flush-cache
if [ "$LAST_CALLS" = "$first_calls" ]; then pass "cache: --flush-cache refetches ($LAST_CALLS calls)"; else fail "cache: --flush-cache made $LAST_CALLS calls"; fi

# A playbook on the inventory's hosts, forks 10: one extension per tenant, then no change.
hosts=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$out/basic.json")
for run in 1 2; do
    INVENTORY_TEST_PIN=4711 INVENTORY_TEST_SECRET=Inv3ntory-Secret \
        ansible-playbook -i "$configs/plain.pbxware.yml" -f 10 "$here/provision.yml" >"$out/provision-$run.log" 2>&1 ||
        fail "provision run $run failed: $(tail -n 5 "$out/provision-$run.log")"
done
created=$(grep -cE ' : ok=1 +changed=1 ' "$out/provision-1.log" || true)
unchanged=$(grep -cE ' : ok=1 +changed=0 ' "$out/provision-2.log" || true)
if [ "$created" = "$hosts" ] && [ "$unchanged" = "$hosts" ]; then
    pass "playbook on hosts: pbxware_tenants with -f 10: $hosts extensions created, rerun unchanged"
else
    fail "playbook on the tenants: $created of $hosts created, $unchanged of $hosts unchanged on rerun"
fi

# Errors: one clear line, no key, no traceback, non-zero exit.
expect_error wrong-key "$configs/plain.pbxware.yml" "bicom.pbxware.pbxware inventory: .*Invalid API key" \
    PBXWARE_API_KEY=wrong-key-4d8b2f
expect_error unreachable "$configs/plain.pbxware.yml" "bicom.pbxware.pbxware inventory: .*connection failed" \
    PBXWARE_URL=http://127.0.0.1:9/index.php PBXWARE_TIMEOUT=2
expect_error no-url "$configs/plain.pbxware.yml" "bicom.pbxware.pbxware inventory: No PBXware URL given" PBXWARE_URL=
"${helper[@]}" fault "$SIM_BASE_URL" nonjson pbxware.tenant.list
expect_error non-json "$configs/plain.pbxware.yml" "bicom.pbxware.pbxware inventory: .*not JSON"
sim_stop

# --- 2. a PBXware not in tenant mode: one host ----------------------------------
sim_start "$out/sim-single" --single-tenant
inventory single "$configs/all-details.pbxware.yaml"
compare single
sim_stop

# --- 2b. API data that looks like a template: never templated ----------------------
"${helper[@]}" unsafe "$out/fixture-unsafe.json"
sim_start "$out/sim-unsafe" --fixture "$out/fixture-unsafe.json"
inventory unsafe "$configs/unsafe.pbxware.yml"
compare unsafe
ansible -i "$configs/unsafe.pbxware.yml" pbxware_tenants -m ansible.builtin.debug -a var=pbxware_tenant_name \
    >"$out/unsafe-debug.log" 2>&1 || fail "unsafe: ansible -m debug failed ($out/unsafe-debug.log)"
# shellcheck disable=SC2016 # a literal template
if grep -qF '"pbxware_tenant_name": "{{ 7 * 7 }}.example.com"' "$out/unsafe-debug.log" &&
    ! grep -q '49\.example' "$out/unsafe-debug.log"; then
    pass "unsafe: a tenant named '{{ 7 * 7 }}.example.com' prints literally"
else
    fail "unsafe: the tenant name was templated or is missing ($out/unsafe-debug.log)"
fi
# Every host runs the module; the template-named one passes the checks as well.
if ansible-playbook -i "$configs/unsafe.pbxware.yml" "$here/unsafe.yml" >"$out/unsafe-play.log" 2>&1 &&
    [ "$(grep -cE ' : ok=[23] +changed=0 +unreachable=0 +failed=0' "$out/unsafe-play.log")" = 3 ] &&
    grep -qE '^\{\{ 7 \* 7 \}\}\.example\.com +: ok=3 ' "$out/unsafe-play.log"; then
    pass "unsafe: a playbook sees the name, package, settings and groups literally; a module runs on each host"
else
    fail "unsafe: the playbook failed: $(grep -E 'FAILED|fatal|ok=' "$out/unsafe-play.log" | head -n 8)"
fi
sim_stop

# --- 3. 200 tenants with tenant_details ------------------------------------------
timings=$out/timings.txt
: >"$timings"
"${helper[@]}" fixture 200 "$out/fixture-200.json"
sim_start "$out/sim-200" --fixture "$out/fixture-200.json"
inventory t200 "$configs/all-details.pbxware.yaml"
hosts=$("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$out/t200.norm.json")
echo "200 tenants, tenant_details: $hosts hosts, $LAST_CALLS API calls, ${LAST_TIME}s" | tee -a "$timings"
if [ "$hosts" = 200 ] && [ "$LAST_CALLS" = 201 ] && ! grep -q '"pw-' "$out/t200.json"; then
    pass "200 tenants with tenant_details"
else
    fail "200 tenants with tenant_details: $hosts hosts, $LAST_CALLS calls"
fi
sim_stop

# --- 4. scale: SCALE_TENANTS tenants, with and without tenant_details and cached ----
if [ "$scale" -gt 0 ]; then
    "${helper[@]}" fixture "$scale" "$out/fixture-scale.json"
    sim_start "$out/sim-scale" --fixture "$out/fixture-scale.json"
    inventory scale-plain "$configs/plain.pbxware.yml"
    echo "$scale tenants, no details: $LAST_CALLS API calls, ${LAST_TIME}s" | tee -a "$timings"
    inventory scale-details "$configs/all-details.pbxware.yaml"
    echo "$scale tenants, tenant_details (max_workers 8): $LAST_CALLS API calls, ${LAST_TIME}s" | tee -a "$timings"
    details_time=$LAST_TIME
    loop_time=$("${helper[@]}" api-loop)
    echo "$scale tenants, the same API calls in a keep-alive requests loop: ${loop_time}s" \
        "(tenant_details run: $(awk -v a="$details_time" -v b="$loop_time" 'BEGIN { printf "%.2f", a / b }')x)" |
        tee -a "$timings"
    inventory scale-cache1 "$configs/cached.pbxware.yml"
    echo "$scale tenants, tenant_details, cache cold: $LAST_CALLS API calls, ${LAST_TIME}s" | tee -a "$timings"
    inventory scale-cache2 "$configs/cached.pbxware.yml"
    echo "$scale tenants, tenant_details, cache warm: $LAST_CALLS API calls, ${LAST_TIME}s" | tee -a "$timings"
    warm_time=$LAST_TIME
    : >"$out/empty.ini"
    start=$(now)
    ANSIBLE_INVENTORY_ENABLED=ini ansible-inventory -i "$out/empty.ini" --list >/dev/null 2>"$out/empty.err" ||
        fail "ansible-inventory over an empty static inventory failed ($out/empty.err)"
    empty_time=$(elapsed "$start" "$(now)")
    echo "ansible-inventory --list over an empty static inventory: ${empty_time}s" \
        "(cache warm run: $(awk -v a="$warm_time" -v b="$empty_time" 'BEGIN { printf "%+.2f", a - b }')s)" |
        tee -a "$timings"
    if [ "$LAST_CALLS" = 0 ]; then pass "scale: cached run made no API call"; else fail "scale: cached run made $LAST_CALLS calls"; fi
    for name in scale-plain scale-details scale-cache1 scale-cache2; do
        hosts=$("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["_meta"]["hostvars"]))' "$out/$name.norm.json")
        [ "$hosts" = "$scale" ] || fail "$name: $hosts hosts, expected $scale"
    done
    cmp -s "$out/scale-details.norm.json" "$out/scale-cache2.norm.json" ||
        fail "scale: the cached inventory differs from the uncached one"
    sim_stop
fi

if [ "$failures" -ne 0 ]; then
    echo "inventory-test: $failures FAILED (output in $out)" >&2
    exit 1
fi
echo "inventory-test: all passed (timings in $timings)"
