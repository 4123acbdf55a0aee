#!/usr/bin/env python3
"""Run the vendor's PBXware Postman collection against pbxware-sim with newman.

Run from anywhere (``python3 simulator/conformance/run_newman.py``) with the
simulator installed in the current Python. The script:

1. starts ``python -m pbxware_sim.cli`` on a free port with a fresh state (and a
   second, single-tenant instance for the folders that need one);
2. runs the collection folder by folder, the way the vendor runs it ("Run
   folder" with a CSV data file). Before each run the simulator is reset
   (``POST /_sim/reset``) and the objects the requests expect are created
   through the API; their IDs go into a one-row iteration data file, which
   outranks the collection's own scripts (they overwrite ``ExtensionIDs``,
   ``TrunkIDs``... with JSON arrays);
3. reads newman's JSON reports and judges every request: it fails when an
   assertion fails, the request errors, a script errors, or the API answers
   ``{"error": ...}`` (the collection's own convention; it matters for the
   requests that carry no test script);
4. compares the failures with ``expected_failures.txt`` and exits 1 when a
   request fails that is not listed, when a listed request passes, or when a
   list entry matches no request.

``expected_failures.txt``: one entry per line, ``SELECTOR | reason``. SELECTOR
is an action (``pbxware.ext.es.*`` globs allowed), a request name, or a request
path (``Extensions > Listing Extensions``).

Dialects (``../DIALECTS.md``): by default the collection runs twice, once
against simulators in the ``reference`` dialect (every folder, judged against
``expected_failures.txt``) and once in the ``postman`` dialect (only the runs
whose requests the dialect changes, ``DIALECT_RUNS``, judged against
``expected_failures_postman.txt``). ``--dialect`` picks one.
"""
import argparse
import collections
import concurrent.futures
import fnmatch
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
COLLECTION = os.path.join(HERE, "PBXwareAPI_Doc.postman_collection.json")
ENVIRONMENT = os.path.join(HERE, "pbxware-sim.postman_environment.json")
EXPECTED = os.path.join(HERE, "expected_failures.txt")
DIALECTS = ("reference", "postman")
EXPECTED_FILES = {"reference": EXPECTED, "postman": os.path.join(HERE, "expected_failures_postman.txt")}
# The runs each dialect executes (None = all). The postman dialect changes only
# tenant, DID, enhanced-service, editions/MAC, trunk, ERG members, IVR, CDR and monitor requests (DIALECTS.md);
# the other runs would repeat the reference run request for request.
DIALECT_RUNS = {"reference": None,
                "postman": ("Extensions", "Extensions" + " > " + "Enhanced Services", "DIDs", "Tenants", "Trunks",
                            "Enhanced Ring Groups", "IVRs", "CDRs", "Monitor")}
API_KEY = "conformance-api-key-0123456789"
SEP = " > "
# newman from package.json / package-lock.json (``npm ci`` in this directory).
NEWMAN = os.path.join(HERE, "node_modules", "newman", "bin", "newman.js")

# How the collection is split into runs (top-level folders otherwise run whole,
# in collection order). Paths use SEP.
#  - "Extensions": "Deleting Extensions" deletes {{ExtensionIDs}}, which 140 later
#    requests of the folder read; it runs on its own after the rest. "Enhanced
#    Services" (130 requests) runs on its own only to shorten the run.
#  - "Tenants": "Deleting Tenants" deletes {{tenantID}}, and the requests after it
#    need {{Srv/Tenant-ID}}: tenantID is pinned to a seeded throw-away tenant.
#    Its "Editing/Deleting CLI Routing" use {{CLIRoutingID}}, which nothing in the
#    collection sets: it is pinned to a seeded CLI routing rule of the tenant.
#  - "DIDs": its "Editing/Deleting CLI Routing" use {{CLIRoutingID}} too: it is pinned
#    to a seeded CLI routing rule of the seeded DID.
#  - "Servers": server.* exists only on a PBXware that is not in tenant mode.
SPLIT = {"Extensions": ["Extensions" + SEP + "Enhanced Services", "Extensions" + SEP + "Deleting Extensions"]}
UNIT_DATA = {"Tenants": {"tenantID": "@spare_tenant", "CLIRoutingID": "@tenant_clirouting"},
             "DIDs": {"CLIRoutingID": "@did_clirouting"}}
SINGLE_TENANT = {"Servers"}


# ---------------------------------------------------------------------------
# Collection helpers
# ---------------------------------------------------------------------------

def load_collection():
    with open(COLLECTION, encoding="utf-8") as handle:
        return json.load(handle)


def flatten(items, path=()):
    """[(path tuple, item)] for every request, depth first (newman's order)."""
    out = []
    for item in items:
        here = path + (item["name"],)
        if "item" in item:
            out.extend(flatten(item["item"], here))
        else:
            out.append((here, item))
    return out


def request_action(item):
    url = item["request"].get("url", {})
    if isinstance(url, dict):
        for query in url.get("query", []):
            if query.get("key") == "action" and not query.get("disabled"):
                return query.get("value", "")
        raw = url.get("raw", "")
    else:
        raw = url
    match = re.search(r"[?&]action=([^&]+)", raw)
    return match.group(1) if match else ""


def local_copy(collection):
    """A copy whose every request goes to {{IP}} over plain HTTP, and the list of rewrites.

    The vendor's file hard-codes its lab host in one request (``http://10.1.165.94/``)
    and uses ``https://`` in a few: the conformance run must never send anything
    (API key included) to a foreign host, and the transport is not under test.
    """
    copy = json.loads(json.dumps(collection))
    rewrites = []
    for path, item in flatten(copy["item"]):
        url = item["request"].get("url")
        if not isinstance(url, dict):
            continue
        host = ".".join(url.get("host") or [])
        protocol = url.get("protocol", "http")
        if host == "{{IP}}" and protocol == "http":
            continue
        rewrites.append("%s: %s://%s -> http://{{IP}}" % (SEP.join(path), protocol, host))
        url["host"], url["protocol"] = ["{{IP}}"], "http"
        if "raw" in url:
            url["raw"] = re.sub(r"^[a-z]+://[^/?]+", "http://{{IP}}", url["raw"])
    return copy, rewrites


def find_node(items, path):
    node = {"item": items}
    for name in path:
        node = next(child for child in node["item"] if child["name"] == name)
    return node


def plan_units(collection):
    """[(label, entrypoint paths, settings)]: what each newman run executes."""
    units = []
    for top in collection["item"]:
        name = top["name"]
        settings = {"data": UNIT_DATA.get(name, {}), "single_tenant": name in SINGLE_TENANT}
        later = SPLIT.get(name)
        if not later:
            units.append((name, [(name,)], settings))
            continue
        later_paths = [tuple(p.split(SEP)) for p in later]
        first = [(name, child["name"]) for child in top["item"] if (name, child["name"]) not in later_paths]
        units.append((name, first, settings))
        for path in later_paths:
            units.append((SEP.join(path), [path], settings))
    return units


def unit_requests(collection, entrypoints):
    """The requests a run executes, in order: [(path, item)]."""
    wanted = []
    for path in entrypoints:
        node = find_node(collection["item"], path)
        if "item" in node:
            wanted.extend(flatten(node["item"], path))
        else:
            wanted.append((path, node))
    order = {p: i for i, (p, _) in enumerate(flatten(collection["item"]))}
    return sorted(wanted, key=lambda pair: order[pair[0]])


def check_entrypoints_unique(collection, units):
    """newman's --folder picks the first item of a name: make sure that is the one meant."""
    names = collections.Counter()

    def count(items):
        for item in items:
            names[item["name"]] += 1
            if "item" in item:
                count(item["item"])

    count(collection["item"])
    for label, entrypoints, _ in units:
        for path in entrypoints:
            node = find_node(collection["item"], path)
            if names[path[-1]] > 1:
                # Acceptable only when the first match in depth-first order is this node
                # (e.g. a folder named like the single request inside it).
                first = _first_named(collection["item"], path[-1])
                if first is not node:
                    raise SystemExit("run %r: --folder %r is ambiguous in the collection" % (label, path[-1]))


def _first_named(items, name):
    # postman-runtime looks at an item group's own children before its grandchildren.
    for item in items:
        if item["name"] == name:
            return item
    for item in items:
        if "item" in item:
            found = _first_named(item["item"], name)
            if found is not None:
                return found
    return None


# ---------------------------------------------------------------------------
# Simulator process and API helpers
# ---------------------------------------------------------------------------

class Simulator:
    def __init__(self, single_tenant=False, request_log=None, stderr_path=None, dialect="reference"):
        cmd = [sys.executable, "-m", "pbxware_sim.cli", "--host", "127.0.0.1", "--port", "0",
               "--api-key", API_KEY, "--dialect", dialect]
        if single_tenant:
            cmd.append("--single-tenant")
        if request_log:
            cmd += ["--request-log", request_log]
        self._stderr = open(stderr_path or os.devnull, "w", encoding="utf-8")
        self.proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=self._stderr, text=True)
        line = self.proc.stdout.readline()
        match = re.search(r"listening on http://([^/]+)/", line or "")
        if not match:
            self.stop()
            detail = ""
            if stderr_path:
                with open(stderr_path, encoding="utf-8") as handle:
                    detail = handle.read()[-2000:]
            raise SystemExit("pbxware-sim did not start: %r %s" % (line, detail))
        # Keep draining stdout so the simulator can never block on a full pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()
        self.hostport = match.group(1)
        self.base = "http://%s/" % self.hostport

    def call(self, action, **args):
        """POST an API call; returns the decoded JSON (or raises on a non-JSON body)."""
        body = urllib.parse.urlencode(dict(args, apikey=API_KEY, action=action)).encode()
        with urllib.request.urlopen(self.base, data=body, timeout=10) as resp:
            return json.loads(resp.read().decode())

    def reset(self):
        req = urllib.request.Request(self.base + "_sim/reset", data=b"", method="POST")
        with urllib.request.urlopen(req, timeout=10) as resp:
            resp.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self._stderr.close()


def env_values():
    with open(ENVIRONMENT, encoding="utf-8") as handle:
        return {v["key"]: v["value"] for v in json.load(handle)["values"] if v.get("enabled", True)}


def seed(sim, env, log):
    """Create what the collection's requests expect to exist; return the pinned variables.

    Every step is independent: a failing step (object not simulated, error)
    leaves its variables out and is reported, and the requests that needed
    them fail visibly.
    """
    tenant = env["Srv/Tenant-ID"]
    pins = {}

    def step(label, func):
        try:
            func()
        except Exception as err:  # noqa: BLE001 - report and go on
            log.append("seed %s: %s" % (label, err))

    def ok(resp, what):
        if not isinstance(resp, dict) or "error" in resp:
            raise RuntimeError("%s answered %r" % (what, resp))
        return resp

    def trunk():
        trunks = sim.call("pbxware.trunk.list")
        if not trunks:
            raise RuntimeError("the fixture has no trunk")
        first = sorted(trunks, key=int)[0]
        pins.update({"TrunkIDs": first, "Primary": first, "PrimaryEm": first})

    def extension():
        resp = ok(sim.call("pbxware.ext.add", server=tenant, name="Seeded User", email="seeded@example.com",
                           ext=env["Destination"], location="1", ua="50", status="1", pin="1234",
                           incominglimit="2", outgoinglimit="2", voicemail="1", prot="sip",
                           secret="Seeded-Secret9"), "ext.add")
        pins["ExtensionIDs"] = str(resp["id"])
        # A slave of it, so that ext.slaves has something to list.
        ok(sim.call("pbxware.ext.add", server=tenant, name="Seeded Slave", email="slave@example.com", ext="102",
                    location="1", ua="50", status="1", pin="1234", incominglimit="2", outgoinglimit="2",
                    voicemail="1", prot="sip", secret="Seeded-Secret9", acc_slave="1",
                    slave_accountcode=env["Destination"]), "ext.add (slave)")

    def did():
        resp = ok(sim.call("pbxware.did.add", server=tenant, trunk=pins["TrunkIDs"], did="12125550123",
                           dest_type="0", destination=env["Destination"], disabled="0"), "did.add")
        pins["DID-IDs"] = str(resp["id"])

    def package():
        resp = ok(sim.call("pbxware.package.add", name="Seeded Package", call_recordings="0", monitoring="0",
                           call_screening="0", extensions="10", voicemails="10", queues="10", cfs="10",
                           rgroups="10", hot_desking="10", ivrs="10"), "package.add")
        pins["TenantPackageID"] = str(resp["id"])

    def spare_tenant():
        resp = ok(sim.call("pbxware.tenant.add", server="1", tenant_name="spare.example.com", tenant_code="555",
                           package="1", ext_length="3", country=env["Country"], national="1",
                           international="011"), "tenant.add")
        pins["@spare_tenant"] = str(resp["id"])

    def tenant_clirouting():
        # "Editing/Deleting CLI Routing" (Tenants) need {{CLIRoutingID}}, which nothing sets.
        resp = ok(sim.call("pbxware.tenant.clirouting.add", tenant=tenant, callerid="12125550111", dest_type="10",
                           destination="", matchexplicitly="0"), "tenant.clirouting.add")
        pins["@tenant_clirouting"] = str(resp["id"])

    def did_extras():
        # "DIDs > Editing/Deleting CLI Routing" need {{CLIRoutingID}} (nothing sets it); "DID Groups" lists
        # before it adds and edits/deletes {{DIDGroupID}}; "DID OT > Listing" runs before "Set".
        resp = ok(sim.call("pbxware.did.clirouting.add", id=pins["DID-IDs"], server=tenant, callerid="12125550111",
                           dest_type="0", destination=env["Destination"], matchexplicitly="0"),
                  "did.clirouting.add")
        pins["@did_clirouting"] = str(resp["id"])
        resp = ok(sim.call("pbxware.didgroup.add", server="1", group_name="Seeded Group", tenantid=tenant,
                           min_did="12125550100", max_did="12125550199"), "didgroup.add")
        pins["DIDGroupID"] = str(resp["id"])
        ok(sim.call("pbxware.otimes.did.set", id=pins["DID-IDs"], server=tenant, status="on",
                    default_dest_ext=env["Destination"], default_dest_is_vm="no"), "otimes.did.set")

    def department():
        # "Listing Departments" requires at least one department; the collection adds none.
        ok(sim.call("pbxware.department.add", server=tenant, name="Seeded Department"), "department.add")

    def ring_group():
        # "Listing Ring Groups" runs first, requires at least one group and sets {{RGsID}} for the folder's edit
        # and delete. The number differs from the folder's {{RGNum}} and {{ERG_Number}}.
        ok(sim.call("pbxware.ring_group.add", server=tenant, name="Seeded RG", ext="870",
                    extensions=env["Destination"]), "ring_group.add")

    def ivr():
        # "IVRs > Listing IVRs" runs first and requires an IVR; "Editing/Deleting IVRs" use {{IVRsID}}, which
        # nothing sets; "IVR OT > Listing Operation Times" (another run) uses {{IVR-ID}}, which only the IVRs
        # folder's listing sets. The number differs from the folder's {{IVRNum}}.
        resp = ok(sim.call("pbxware.ivr.add", server=tenant, name="SeededIVR", ext="701", greeting="greeting-seeded",
                           **{"keymap[1][type]": "ex", "keymap[1][destination]": env["Destination"]}), "ivr.add")
        pins["IVRsID"] = pins["IVR-ID"] = str(resp["id"])
        ok(sim.call("pbxware.otimes.ivr.set", id=pins["IVRsID"], server=tenant, status="on",
                    default_dest_ext=env["Destination"], default_dest_is_vm="no"), "otimes.ivr.set")

    def sms_trunks():
        # "Editing SMS trunks", "SMS Trunk Configuration", "Deleting SMS Trunks" and "Set Tenants SMS trunk" use
        # {{SMSTrunkIDs}}, which only "SMS Trunks List" sets (after the edits, to every ID at once); "Get Tenants
        # SMS trunk" needs the tenant to have an SMS trunk: another one than the trunk the folder deletes.
        trunks = []
        for name in ("Seeded SMS", "Seeded Tenant SMS"):
            resp = ok(sim.call("pbxware.sms.trunks.add", enabled="1", name=name, provider="twilio",
                               account_sid="AC0123", auth_token="Seeded-Token9"), "sms.trunks.add")
            trunks.append(str(resp["id"]))
        pins["SMSTrunkIDs"] = trunks[0]
        ok(sim.call("pbxware.sms.trunks.tenants.set", tenant=tenant, id=trunks[1]), "sms.trunks.tenants.set")

    def service_plan():
        # "Service Plans Rates" sends id={{SP-ID}}, which nothing in the collection sets.
        plans = sim.call("pbxware.splan.list")
        if not plans:
            raise RuntimeError("the fixture has no service plan")
        pins["SP-ID"] = sorted(plans, key=int)[0]

    def uad():
        uads = sim.call("pbxware.uads.list")
        disabled = [k for k, v in sorted(uads.items(), key=lambda kv: int(kv[0])) if not v.get("enabled")]
        pins["UADsID"] = (disabled or sorted(uads, key=int))[0]

    for label, func in (("trunk", trunk), ("extension", extension), ("did", did), ("package", package),
                        ("spare tenant", spare_tenant), ("uad", uad), ("tenant clirouting", tenant_clirouting),
                        ("did extras", did_extras), ("department", department), ("ring group", ring_group),
                        ("ivr", ivr), ("sms trunks", sms_trunks), ("service plan", service_plan)):
        if label == "did" and "TrunkIDs" not in pins:
            log.append("seed did: skipped (no trunk)")
            continue
        step(label, func)
    return pins


# ---------------------------------------------------------------------------
# newman
# ---------------------------------------------------------------------------

def ensure_newman():
    if not os.path.exists(NEWMAN):
        print("installing newman (npm ci) in %s" % HERE, flush=True)
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)


def run_newman(collection_file, unit_dir, label, entrypoints, data, hostport, verbose):
    data_file = os.path.join(unit_dir, "data.json")
    with open(data_file, "w", encoding="utf-8") as handle:
        json.dump([data], handle, indent=2)
    report = os.path.join(unit_dir, "report.json")
    cmd = ["node", NEWMAN, "run", collection_file, "-e", ENVIRONMENT, "-d", data_file,
           "--env-var", "IP=%s" % hostport, "--env-var", "API_Key=%s" % API_KEY,
           "--reporters", "cli,json", "--reporter-json-export", report,
           "--timeout-request", "5000", "--color", "off", "--disable-unicode"]
    for path in entrypoints:
        cmd += ["--folder", path[-1]]
    proc = subprocess.run(cmd, cwd=HERE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    with open(os.path.join(unit_dir, "newman-cli.txt"), "w", encoding="utf-8") as handle:
        handle.write(proc.stdout)
    if verbose:
        print(proc.stdout)
    if not os.path.exists(report):
        raise SystemExit("newman produced no report for %r (exit %d):\n%s" % (label, proc.returncode,
                                                                          proc.stdout[-3000:]))
    with open(report, encoding="utf-8") as handle:
        return json.load(handle)


def response_text(response):
    stream = (response or {}).get("stream")
    if isinstance(stream, dict) and stream.get("type") == "Buffer":
        return bytes(stream.get("data", [])).decode("utf-8", "replace")
    if isinstance(stream, str):
        return stream
    return None


def judge(report, expected_requests, label):
    """[(path, action, status, reasons, n_assertions, n_failed_assertions)] in execution order."""
    run = report["run"]
    executions = run["executions"]
    if len(executions) != len(expected_requests):
        raise SystemExit("run %r executed %d requests, expected %d" % (label, len(executions),
                                                                      len(expected_requests)))
    failures_at = collections.defaultdict(list)
    for failure in run.get("failures", []):
        cursor = failure.get("cursor") or {}
        error = failure.get("error") or {}
        if error.get("test") is None:  # assertion failures are read from the executions
            failures_at[cursor.get("position")].append(
                "%s: %s" % (failure.get("at", "error"), error.get("message", error.get("name", "?"))))
    results = []
    for position, execution in enumerate(executions):
        path, item = expected_requests[position]
        if execution["item"]["name"] != item["name"]:
            raise SystemExit("run %r: execution %d is %r, expected %r" % (label, position,
                                                                         execution["item"]["name"], item["name"]))
        reasons = []
        assertions = execution.get("assertions") or []
        failed = [a for a in assertions if a.get("error")]
        for assertion in failed:
            reasons.append("assertion %r: %s" % (assertion.get("assertion"), assertion["error"].get("message")))
        if execution.get("requestError"):
            err = execution["requestError"]
            reasons.append("request error: %s" % (err.get("message") or err.get("code") or err))
        reasons.extend(failures_at.get(execution.get("cursor", {}).get("position", position), []))
        body = response_text(execution.get("response"))
        if body is not None:
            try:
                decoded = json.loads(body)
            except ValueError:
                reasons.append("response is not JSON: %r" % body[:120])
            else:
                if isinstance(decoded, dict) and "error" in decoded:
                    message = "API error: %s" % decoded["error"]
                    if not any(message[len("API error: "):] in r for r in reasons):
                        reasons.append(message)
        results.append({
            "path": SEP.join(path), "name": path[-1], "action": request_action(item), "run": label,
            "status": "fail" if reasons else "pass", "reasons": reasons,
            "assertions": len(assertions), "failed_assertions": len(failed),
        })
    return results


# ---------------------------------------------------------------------------
# Expected failures
# ---------------------------------------------------------------------------

def load_expected(path=EXPECTED):
    entries = []
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            selector, _, reason = line.partition("|")
            selector, reason = selector.strip(), reason.strip()
            if not reason:
                raise SystemExit("%s:%d: entry without a reason: %r" % (path, number, line))
            entries.append({"selector": selector, "reason": reason, "line": number})
    return entries


def matches(entry, result):
    selector = entry["selector"]
    if selector.startswith("pbxware."):
        return fnmatch.fnmatchcase(result["action"], selector)
    return selector == result["path"] or selector == result["name"]


def compare(results, entries):
    unexpected, passed_listed = [], []
    used = collections.Counter()
    for result in results:
        entry = next((e for e in entries if matches(e, result)), None)
        result["expected"] = entry
        if entry is not None:
            used[entry["line"]] += 1
        if result["status"] == "fail" and entry is None:
            unexpected.append(result)
        elif result["status"] == "pass" and entry is not None:
            passed_listed.append(result)
    stale = [e for e in entries if not used[e["line"]]]
    return unexpected, passed_listed, stale


# ---------------------------------------------------------------------------

def run_unit(pool, env, collection, collection_file, report_dir, index, unit, verbose):
    """Reset a simulator from ``pool``, seed it, run one newman run; returns (results, seed log)."""
    label, entrypoints, settings = unit
    mode = ("single" if settings["single_tenant"] else "tenant", settings["dialect"])
    sim = pool.take(mode)
    try:
        sim.reset()
        log = []
        pins = {} if settings["single_tenant"] else seed(sim, env, log)
        data = {k: v for k, v in pins.items() if not k.startswith("@")}
        for key, value in settings["data"].items():
            if not value.startswith("@"):
                data[key] = value
            elif value in pins:
                data[key] = pins[value]
        unit_dir = os.path.join(report_dir, "%02d-%s-%s" % (index + 1, settings["dialect"],
                                                             re.sub(r"[^\w.-]+", "_", label)))
        os.makedirs(unit_dir, exist_ok=True)
        report = run_newman(collection_file, unit_dir, label, entrypoints, data, sim.hostport, verbose)
        results = judge(report, unit_requests(collection, entrypoints), label)
        for result in results:
            result["dialect"] = settings["dialect"]
        return results, ["[%s %s] %s" % (settings["dialect"], label, m) for m in log]
    finally:
        pool.give(mode, sim)


class Pool:
    """Simulators shared by the worker threads; each run gets one to itself."""

    def __init__(self, report_dir):
        self.report_dir = report_dir
        self.free = collections.defaultdict(list)  # (tenant|single, dialect) -> idle simulators
        self.all = []
        self.started = 0
        self.lock = threading.Lock()

    def take(self, mode):
        with self.lock:
            if self.free[mode]:
                return self.free[mode].pop()
            self.started += 1
            number = self.started
        name = "%s-%s-%d" % (mode[0], mode[1], number)
        sim = Simulator(single_tenant=(mode[0] == "single"), dialect=mode[1],
                        request_log=os.path.join(self.report_dir, "requests-%s.jsonl" % name),
                        stderr_path=os.path.join(self.report_dir, "simulator-%s.stderr" % name))
        with self.lock:
            self.all.append(sim)
        return sim

    def give(self, mode, sim):
        with self.lock:
            self.free[mode].append(sim)

    def stop(self):
        for sim in self.all:
            sim.stop()


def dialect_units(units, dialect):
    """The runs of ``dialect``: copies of ``units`` (all, or those named in DIALECT_RUNS)."""
    wanted = DIALECT_RUNS[dialect]
    return [(label, entrypoints, dict(settings, dialect=dialect)) for label, entrypoints, settings in units
            if wanted is None or label in wanted]


def report(dialect, results, entries, args):
    """Print one dialect's verdict; returns (ok, summary line)."""
    name = os.path.basename(EXPECTED_FILES[dialect] if args.expected is None or len(args.dialects) > 1
                            else args.expected)
    if args.only:
        entries = [e for e in entries if any(matches(e, r) for r in results)]
    unexpected, passed_listed, stale = compare(results, entries)
    passed = sum(r["status"] == "pass" for r in results)
    failed = len(results) - passed
    expected_fail = failed - len(unexpected)
    if args.verbose:
        by_reason = collections.OrderedDict()
        for r in results:
            if r["status"] == "fail" and r["expected"]:
                by_reason.setdefault(r["expected"]["reason"], []).append(r)
        for reason, items in by_reason.items():
            print("[%s] expected (%d): %s" % (dialect, len(items), reason))
            for r in items:
                print("    %s [%s]: %s" % (r["path"], r["action"], "; ".join(r["reasons"])[:200]))
    for r in unexpected:
        print("[%s] UNEXPECTED FAILURE: %s [%s]" % (dialect, r["path"], r["action"]))
        for reason in r["reasons"]:
            print("    " + reason[:300])
    for r in passed_listed:
        print("[%s] UNEXPECTED PASS (remove or narrow %s:%d %r): %s [%s]" % (
            dialect, name, r["expected"]["line"], r["expected"]["selector"], r["path"], r["action"]))
    for e in stale:
        print("[%s] STALE ENTRY (matches no request) %s:%d: %s" % (dialect, name, e["line"], e["selector"]))
    if args.suggest and unexpected:
        print("--- [%s] draft entries for %s (check every reason before adding them) ---" % (dialect, name))
        done = set()
        for r in unexpected:
            if any("Selected action not allowed" in reason for reason in r["reasons"]):
                line = "%s | not simulated yet" % r["action"]
            else:
                line = "%s | %s" % (r["path"], r["reasons"][0][:150])
            if line not in done:
                done.add(line)
                print(line)
        print("---")
    # Not "N passed, N failed": expected failures are not failures of this run.
    summary = ("newman [%s dialect]: %d requests passed; %d failed, all of them listed as expected failures"
               % (dialect, passed, expected_fail) if failed == expected_fail else
               "newman [%s dialect]: %d requests passed; %d failed, %d of them unexpected"
               % (dialect, passed, failed, failed - expected_fail))
    return not (unexpected or passed_listed or stale), summary


def main(argv=None):
    parser = argparse.ArgumentParser(description="Run the vendor's Postman collection against pbxware-sim.")
    parser.add_argument("--report-dir", help="keep newman reports, data files and request logs here")
    parser.add_argument("--only", action="append", default=[], metavar="FOLDER",
                        help="run only this top-level folder or run label (repeatable); list entries that "
                             "match nothing that ran are not reported as stale")
    parser.add_argument("--dialect", choices=DIALECTS + ("both",), default="both",
                        help="simulator dialect(s) to run (default both: reference on every folder, postman on "
                             "the runs it changes)")
    parser.add_argument("--expected", default=None,
                        help="expected failures file, with a single --dialect (default: expected_failures.txt, "
                             "expected_failures_postman.txt for postman)")
    parser.add_argument("-j", "--jobs", type=int, default=4, help="newman runs in parallel (default 4)")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="print newman's CLI output and every expected failure with its reason")
    parser.add_argument("--suggest", action="store_true",
                        help="print draft expected-failures lines for the unexpected failures")
    args = parser.parse_args(argv)
    args.dialects = DIALECTS if args.dialect == "both" else (args.dialect,)
    if args.expected is not None and len(args.dialects) > 1:
        parser.error("--expected needs a single --dialect")

    ensure_newman()
    collection = load_collection()
    planned = plan_units(collection)
    check_entrypoints_unique(collection, planned)
    if args.only:
        planned = [u for u in planned if u[0] in args.only or u[0].split(SEP)[0] in args.only]
        if not planned:
            raise SystemExit("--only matched no run")
    units = [unit for dialect in args.dialects for unit in dialect_units(planned, dialect)]
    env = env_values()
    entries = {dialect: load_expected(args.expected if args.expected and len(args.dialects) == 1
                                      else EXPECTED_FILES[dialect]) for dialect in args.dialects}

    report_dir = os.path.abspath(args.report_dir or tempfile.mkdtemp(prefix="pbxware-newman-"))
    os.makedirs(report_dir, exist_ok=True)
    local, rewrites = local_copy(collection)
    collection_file = os.path.join(report_dir, "collection.local.json")
    with open(collection_file, "w", encoding="utf-8") as handle:
        json.dump(local, handle)

    started = time.time()
    pool = Pool(report_dir)
    outcomes = [None] * len(units)
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as executor:
            futures = {executor.submit(run_unit, pool, env, collection, collection_file, report_dir, i, unit,
                                       args.verbose): i for i, unit in enumerate(units)}
            for future in concurrent.futures.as_completed(futures):
                outcomes[futures[future]] = future.result()
    finally:
        pool.stop()
    results = [r for unit_results, _ in outcomes for r in unit_results]
    seed_log = [m for _, log in outcomes for m in log]

    for line in rewrites:
        print("rewritten in the run's copy of the collection: " + line)
    for line in seed_log:
        print(line)
    ok, summaries = True, []
    for dialect in args.dialects:
        dialect_results = [r for r in results if r["dialect"] == dialect]
        good, summary = report(dialect, dialect_results, entries[dialect], args)
        ok, summaries = ok and good, summaries + [summary]
    with open(os.path.join(report_dir, "results.json"), "w", encoding="utf-8") as handle:
        json.dump([dict(r, expected=r["expected"]["selector"] if r["expected"] else None) for r in results],
                  handle, indent=2)
    for summary in summaries:
        print(summary)
    n_assert = sum(r["assertions"] for r in results)
    n_assert_failed = sum(r["failed_assertions"] for r in results)
    print("requests: %d in %d newman runs (%.0fs); assertions: %d, %d failed; reports: %s" % (
        len(results), len(units), time.time() - started, n_assert, n_assert_failed,
        report_dir if args.report_dir else "(temporary; keep them with --report-dir DIR)"))
    if not args.report_dir:
        shutil.rmtree(report_dir, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
