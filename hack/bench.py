#!/usr/bin/env python
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The benchmark of issue 15 (`make bench`; not part of `make test`).

    hack/bench.py [--scale TENANTS,EXTENSIONS] [--repeat N] [--inventory-tenants N]
                  [--only a,b,c,d] [--out docs/benchmarks.md] [--note TEXT] [--workdir build/bench]

Against the bundled simulator, loaded from a generated fixture (no data is created
through the API), every figure is a ratio of two things run side by side in the
same run, interleaved (A B A B ...), median of --repeat runs each:

(a) a no-change converge of every extension with the aggregate module
    bicom.pbxware.pbxware_extensions (one task per tenant) against a `loop` of
    bicom.pbxware.pbxware_extension (one task per extension);
(b) the API calls of both (the simulator's request log) against the lower bound;
(c) one no-change bicom.pbxware.pbxware_extension task against an
    ansible.builtin.uri task making one API call;
(d) ansible-inventory with the bicom.pbxware.pbxware plugin over --inventory-tenants
    tenants (cold, cold with tenant_details, cached) against a plain `requests`
    loop making the same API calls, and the cached run against ansible-inventory's
    start-up over an empty static inventory.

Times are wall times around whole ansible-playbook / ansible-inventory / python
processes. Every run is checked (no change, no failure, no API error, no write,
the expected number of hosts) and the benchmark stops at the first that fails.
The table goes to --out and to stdout; each run's figures to WORKDIR/results.json.

Needs ansible-playbook and ansible-inventory on PATH, the collection installed where
ANSIBLE_COLLECTIONS_PATH points (default: build/collections, as `make install` does)
and, for this Python, the simulator (pbxware_sim) and requests: run it with the main
venv's Python, as `make bench` does.
"""

import argparse
import datetime
import json
import os
import platform
import secrets
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCALHOST_INVENTORY = os.path.join(ROOT, "playbooks", "inventory", "localhost.yml")

# The scale; figures are judged against the targets only at this scale or more.
FULL_SCALE = (10, 100)
FULL_INVENTORY_TENANTS = 1000
MIN_REPEAT = 3
# Every CONFIG_READ_EVERY-th extension's item also sets the channel limits, which
# pbxware.ext.list does not return: those extensions need a pbxware.ext.configuration read.
CONFIG_READ_EVERY = 10
USER_AGENT = "generic_sip"  # UAD 50 of the simulator's default fixture
TOOLS = {"ansible-playbook": None, "ansible-inventory": None}  # their paths, found on PATH by main()

RAW_LOOP = r"""
import os, sys, time, requests
url, key = os.environ["PBXWARE_URL"], os.environ["PBXWARE_API_KEY"]
start = time.monotonic()
with requests.Session() as session:
    tenants = session.post(url, data={"apikey": key, "action": "pbxware.tenant.list"}, timeout=60).json()
    if sys.argv[1] == "details":
        for tenant_id in tenants:
            session.post(url, data={"apikey": key, "action": "pbxware.tenant.configuration", "id": tenant_id},
                         timeout=60).json()
print(time.monotonic() - start)
"""


class BenchError(Exception):
    pass


# --- the data ------------------------------------------------------------------

def default_fixture():
    import pbxware_sim
    with open(os.path.join(os.path.dirname(pbxware_sim.__file__), "fixtures", "default.json"),
              encoding="utf-8") as handle:
        return json.load(handle)


def tenant_record(name, code):
    return {"name": name, "tenantcode": code, "package_id": "2", "ext_length": 3, "country_id": "869",
            "area_code": "", "national": "1", "international": "011"}


def converge_data(tenant_count, extension_count):
    """The simulator's fixture and the tasks' desired state: the same extensions, so every run is a no-change run."""
    length = max(3, len(str(99 + extension_count)))
    first = 10 ** (length - 1)
    if first + extension_count > 10 ** length:
        raise BenchError("too many extensions per tenant: %d" % extension_count)
    fixture = default_fixture()
    fixture["tenants"], fixture["extensions"] = {}, {}
    tenants = []
    ext_id = 0
    for index in range(tenant_count):
        tenant_id = str(index + 2)
        name = "bench%03d.example.com" % (index + 1)
        fixture["tenants"][tenant_id] = dict(tenant_record(name, "%03d" % (index + 1)), ext_length=length)
        items = []
        for offset in range(extension_count):
            number = str(first + offset)
            ext_id += 1
            email = "user%s@%s" % (number, name)
            fixture["extensions"][str(ext_id)] = {
                "server": tenant_id, "ext": number, "name": "User %s" % number, "email": email, "prot": "sip",
                "ua": "50", "status": "1", "location": "1", "secret": "Bench-%s-Pw1" % number, "pin": "1234",
                "incominglimit": "2", "outgoinglimit": "2", "voicemail": "1", "allow": ["ulaw", "alaw"]}
            item = {"extension": number, "name": "User %s" % number, "email": email, "protocol": "sip",
                    "location": "local", "user_agent": USER_AGENT, "status": "enabled"}
            if offset % CONFIG_READ_EVERY == 0:
                item.update(incoming_limit=2, outgoing_limit=2)
            items.append(item)
        tenants.append({"name": name, "id": tenant_id, "extensions": items})
    return fixture, tenants


def lower_bound(tenants):
    """Per task (one per tenant, naming it): one tenant.list to find it, one ext.list, and one
    ext.configuration for each extension whose item sets an option the list does not return."""
    return {
        "pbxware.tenant.list": len(tenants),
        "pbxware.ext.list": len(tenants),
        "pbxware.ext.configuration": sum(1 for tenant in tenants for item in tenant["extensions"]
                                         if "incoming_limit" in item),
    }


def inventory_fixture(count):
    fixture = default_fixture()
    fixture["tenants"] = dict((str(index + 2), tenant_record("inv%04d.example.com" % index, "%03d" % (index % 1000)))
                              for index in range(count))
    return fixture


# --- playbooks and inventory configurations -------------------------------------

AGGREGATE_PLAYBOOK = """---
- name: No-change converge, one pbxware_extensions task per tenant
  hosts: localhost
  gather_facts: false
  vars_files:
    - desired.json
  tasks:
    - name: All extensions of a tenant
      bicom.pbxware.pbxware_extensions:
        tenant: "{{ item.name }}"
        config: "{{ item.extensions }}"
      loop: "{{ bench_tenants }}"
      loop_control:
        label: "{{ item.name }}"
"""

LOOP_PLAYBOOK = """---
- name: No-change converge, one pbxware_extension task per extension
  hosts: localhost
  gather_facts: false
  vars_files:
    - desired.json
  tasks:
    - name: One extension
      bicom.pbxware.pbxware_extension:
        tenant: "{{ item.tenant }}"
        extension: "{{ item.extension }}"
        name: "{{ item.name }}"
        email: "{{ item.email }}"
        protocol: "{{ item.protocol }}"
        location: "{{ item.location }}"
        user_agent: "{{ item.user_agent }}"
        status: "{{ item.status }}"
        incoming_limit: "{{ item.incoming_limit | default(omit) }}"
        outgoing_limit: "{{ item.outgoing_limit | default(omit) }}"
      loop: "{{ bench_items }}"
      loop_control:
        label: "{{ item.tenant }} {{ item.extension }}"
"""

SINGLE_PLAYBOOK = """---
- name: One task
  hosts: localhost
  gather_facts: false
  tasks:
%s"""

URI_TASK = """    - name: One API call with ansible.builtin.uri
      ansible.builtin.uri:
        url: "{{ lookup('ansible.builtin.env', 'PBXWARE_URL') }}"
        method: POST
        body_format: form-urlencoded
        body:
          apikey: "{{ lookup('ansible.builtin.env', 'PBXWARE_API_KEY') }}"
          action: pbxware.ext.configuration
          server: "%(tenant_id)s"
          ext: "%(extension)s"
      no_log: true
"""

EXTENSION_TASK = """    - name: One extension, no change
      bicom.pbxware.pbxware_extension:
        %(tenant_option)s: "%(tenant)s"
        extension: "%(extension)s"
        name: "%(name)s"
        email: "%(email)s"
        protocol: %(protocol)s
        location: %(location)s
        user_agent: %(user_agent)s
        status: %(status)s
"""

# ansible-core has no JSON stdout callback (ansible.posix.json is not installed here): this one prints,
# at the end, each task's time (from its start to the next task's or the end) and the recap.
CALLBACK = """
import json
import time

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "stdout"
    CALLBACK_NAME = "bench_json"

    def __init__(self):
        super().__init__()
        self.tasks, self.failures = [], []

    def v2_playbook_on_task_start(self, task, is_conditional):
        self.tasks.append({"name": task.get_name(), "start": time.monotonic()})

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self.failures.append(result._result.get("msg"))

    def v2_runner_item_on_failed(self, result):
        self.failures.append(result._result.get("msg"))

    def v2_playbook_on_stats(self, stats):
        end = time.monotonic()
        for task, after in zip(self.tasks, self.tasks[1:] + [{"start": end}]):
            task["seconds"] = after["start"] - task.pop("start")
        self._display.display(json.dumps({
            "tasks": self.tasks, "failures": self.failures,
            "stats": dict((host, stats.summarize(host)) for host in sorted(stats.processed))}))
"""

INVENTORY_CONFIGS = {
    "cold": "plugin: bicom.pbxware.pbxware\n",
    "details": "plugin: bicom.pbxware.pbxware\ntenant_details: true\n",
    "cached": ("plugin: bicom.pbxware.pbxware\ntenant_details: true\ncache: true\n"
               "cache_plugin: ansible.builtin.jsonfile\ncache_timeout: 86400\ncache_connection: %(cache)s\n"),
}


# --- running things ----------------------------------------------------------------

class Simulator:
    """pbxware-sim on 127.0.0.1 and a free port, with a random API key, loaded from a fixture file."""

    def __init__(self, workdir, name, fixture):
        self.dir = os.path.join(workdir, name)
        os.makedirs(self.dir, exist_ok=True)
        self.fixture = os.path.join(self.dir, "fixture.json")
        with open(self.fixture, "w", encoding="utf-8") as handle:
            json.dump(fixture, handle)
        self.key = secrets.token_hex(16)
        self.process = None
        self.base = None

    def __enter__(self):
        log_path = os.path.join(self.dir, "simulator.log")
        with open(log_path, "w", encoding="utf-8") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "pbxware_sim", "--host", "127.0.0.1", "--port", "0", "--fixture", self.fixture],
                stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, PBXWARE_SIM_API_KEY=self.key,
                                                               PYTHONUNBUFFERED="1"))
        deadline = time.monotonic() + 30
        while self.base is None:
            with open(log_path, encoding="utf-8") as log:
                for line in log:
                    if "listening on http://" in line:
                        self.base = line.split("listening on ", 1)[1].split()[0].rstrip("/") + "/"
            if self.base is None:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.__exit__()
                    raise BenchError("the simulator did not start; see %s" % log_path)
                time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    @property
    def env(self):
        return {"PBXWARE_URL": self.base + "index.php", "PBXWARE_API_KEY": self.key}

    def control(self, path, method="GET"):
        request = urllib.request.Request(self.base + path, data=b"" if method == "POST" else None, method=method)
        with urllib.request.urlopen(request, timeout=60) as answer:
            return json.loads(answer.read().decode("utf-8"))

    def clear(self):
        self.control("_sim/requests/clear", "POST")

    def requests(self):
        """The API requests since the last clear: {"total", "writes", "by_action"}; refuses errors."""
        log = self.control("_sim/requests")
        bad = [entry for entry in log["entries"] if entry.get("outcome") != "ok"]
        if bad:
            raise BenchError("API requests failed: %s" % json.dumps(bad[:3]))
        return {"total": log["total"], "writes": log["writes"], "by_action": log["by_action"]}


def timed(command, env, out_path, cwd):
    """Run command; its stdout into out_path, stderr next to it. Returns the wall seconds."""
    with open(out_path, "w", encoding="utf-8") as out, open(out_path + ".err", "w", encoding="utf-8") as err:
        start = time.monotonic()
        status = subprocess.call(command, stdout=out, stderr=err, env=env, cwd=cwd)
        seconds = time.monotonic() - start
    if status != 0:
        with open(out_path + ".err", encoding="utf-8") as err:
            tail = err.read()[-2000:]
        raise BenchError("%s exited %d (output in %s):\n%s" % (" ".join(command), status, out_path, tail))
    return seconds


class Bench:
    def __init__(self, args):
        self.args = args
        self.workdir = args.workdir
        self.runs = []  # every timed run, in the order run
        self.base_env = dict(os.environ, ANSIBLE_NOCOLOR="1", ANSIBLE_STDOUT_CALLBACK="bench_json",
                             ANSIBLE_CALLBACK_PLUGINS=os.path.join(self.workdir, "callback_plugins"),
                             ANSIBLE_COLLECTIONS_PATH=os.environ.get("ANSIBLE_COLLECTIONS_PATH")
                             or os.path.join(ROOT, "build", "collections"))
        for name in ("PBXWARE_URL", "PBXWARE_API_KEY", "PBXWARE_TIMEOUT", "ANSIBLE_CONFIG"):
            self.base_env.pop(name, None)
        os.makedirs(self.base_env["ANSIBLE_CALLBACK_PLUGINS"])
        with open(os.path.join(self.base_env["ANSIBLE_CALLBACK_PLUGINS"], "bench_json.py"), "w",
                  encoding="utf-8") as handle:
            handle.write(CALLBACK)

    def record(self, label, seconds, calls=None, **extra):
        run = dict(label=label, seconds=round(seconds, 3), calls=calls, **extra)
        self.runs.append(run)
        print("bench: %-28s %8.2f s%s" % (label, seconds, "" if calls is None else "  %d API calls" % calls["total"]),
              flush=True)
        return run

    def playbook(self, sim, label, playbook, expect_calls=None):
        """One ansible-playbook run: checked (ok, no change, no write, no API error)."""
        sim.clear()
        out = os.path.join(self.workdir, "%s-%d.json" % (label, len([r for r in self.runs if r["label"] == label])))
        seconds = timed([TOOLS["ansible-playbook"], "-i", LOCALHOST_INVENTORY, playbook], dict(self.base_env, **sim.env),
                        out, self.workdir)
        calls = sim.requests()
        with open(out, encoding="utf-8") as handle:
            result = json.load(handle)
        stats = result["stats"]["localhost"]
        if stats["failures"] or stats["unreachable"] or stats["changed"] or calls["writes"]:
            raise BenchError("%s: not a clean no-change run: %s, %d writes, %s (%s)" % (
                label, stats, calls["writes"], result["failures"][:3], out))
        if expect_calls is not None and calls["by_action"] != expect_calls:
            raise BenchError("%s: API calls %s, expected %s" % (label, calls["by_action"], expect_calls))
        task_seconds = sum(task["seconds"] for task in result["tasks"])
        return self.record(label, seconds, calls, task_seconds=round(task_seconds, 3))

    def interleave(self, steps):
        """steps: [(label, callable)]; run them in turn, --repeat times: A B A B ..."""
        for _run in range(self.args.repeat):
            for label, step in steps:
                step(label)

    def seconds(self, label, key="seconds"):
        values = [run[key] for run in self.runs if run["label"] == label]
        return statistics.median(values) if values else None

    def calls(self, label):
        """The API calls of a label's runs (the same in each run, or the benchmark says so)."""
        seen = [run["calls"] for run in self.runs if run["label"] == label]
        if any(calls["by_action"] != seen[0]["by_action"] for calls in seen):
            raise BenchError("%s: the API calls differ between runs: %s" % (label, [c["by_action"] for c in seen]))
        return seen[0]

    # --- (a), (b), (c) --------------------------------------------------------------

    def converge(self, only):
        tenant_count, extension_count = self.args.scale
        fixture, tenants = converge_data(tenant_count, extension_count)
        items = [dict(item, tenant=tenant["name"]) for tenant in tenants for item in tenant["extensions"]]
        with open(os.path.join(self.workdir, "desired.json"), "w", encoding="utf-8") as handle:
            json.dump({"bench_tenants": [dict((k, t[k]) for k in ("name", "extensions")) for t in tenants],
                       "bench_items": items}, handle)
        playbooks = {"aggregate": AGGREGATE_PLAYBOOK, "loop": LOOP_PLAYBOOK}
        first = dict(tenants[0]["extensions"][1 if extension_count > 1 else 0])
        first.update(tenant_id=tenants[0]["id"])
        playbooks["single-uri"] = SINGLE_PLAYBOOK % (URI_TASK % first)
        playbooks["single-id"] = SINGLE_PLAYBOOK % (EXTENSION_TASK % dict(first, tenant_option="tenant_id",
                                                                          tenant=tenants[0]["id"]))
        playbooks["single-name"] = SINGLE_PLAYBOOK % (EXTENSION_TASK % dict(first, tenant_option="tenant",
                                                                            tenant=tenants[0]["name"]))
        paths = {}
        for name, text in playbooks.items():
            paths[name] = os.path.join(self.workdir, name + ".yml")
            with open(paths[name], "w", encoding="utf-8") as handle:
                handle.write(text)
        bound = lower_bound(tenants)
        with Simulator(self.workdir, "sim-converge", fixture) as sim:
            # Untimed: the first runs read Ansible and the collection from disk, the later ones from the page cache.
            for name in ("single-uri", "single-name"):
                self.playbook(sim, "warm-up", paths[name])
            if only & {"a", "b"}:
                self.interleave([
                    ("aggregate", lambda label: self.playbook(sim, label, paths["aggregate"])),
                    ("loop", lambda label: self.playbook(sim, label, paths["loop"])),
                ])
            if "c" in only:
                self.interleave([
                    ("single-uri", lambda label: self.playbook(sim, label, paths["single-uri"],
                                                               {"pbxware.ext.configuration": 1})),
                    ("single-id", lambda label: self.playbook(sim, label, paths["single-id"])),
                    ("single-name", lambda label: self.playbook(sim, label, paths["single-name"])),
                ])
        return bound

    # --- (d) ---------------------------------------------------------------------------

    def inventory(self):
        count = self.args.inventory_tenants
        configs = {}
        cache = os.path.join(self.workdir, "inventory-cache")
        shutil.rmtree(cache, ignore_errors=True)
        for name, text in INVENTORY_CONFIGS.items():
            configs[name] = os.path.join(self.workdir, "%s.pbxware.yml" % name)
            with open(configs[name], "w", encoding="utf-8") as handle:
                handle.write(text % {"cache": cache})
        empty = os.path.join(self.workdir, "empty.ini")
        open(empty, "w", encoding="utf-8").close()
        env = dict(self.base_env, ANSIBLE_INVENTORY_ENABLED="bicom.pbxware.pbxware",
                   ANSIBLE_INVENTORY_UNPARSED_FAILED="true")
        with Simulator(self.workdir, "sim-inventory", inventory_fixture(count)) as sim:
            env.update(sim.env)

            def plugin(label, config, expect):
                sim.clear()
                out = os.path.join(self.workdir, "%s.json" % label)
                seconds = timed([TOOLS["ansible-inventory"], "-i", configs[config], "--list"], env, out, self.workdir)
                calls = sim.requests()
                with open(out, encoding="utf-8") as handle:
                    hosts = len(json.load(handle)["_meta"]["hostvars"])
                if hosts != count or calls["total"] != expect:
                    raise BenchError("%s: %d hosts, %d API calls; expected %d and %d" % (
                        label, hosts, calls["total"], count, expect))
                self.record(label, seconds, calls)

            def raw(label, mode, expect):
                sim.clear()
                out = os.path.join(self.workdir, label + ".out")
                seconds = timed([sys.executable, "-c", RAW_LOOP, mode], env, out, self.workdir)
                calls = sim.requests()
                if calls["total"] != expect:
                    raise BenchError("%s: %d API calls, expected %d" % (label, calls["total"], expect))
                with open(out, encoding="utf-8") as handle:
                    self.record(label, seconds, calls, task_seconds=round(float(handle.read()), 3))

            def startup(label):
                sim.clear()
                seconds = timed([TOOLS["ansible-inventory"], "-i", empty, "--list"],
                                dict(env, ANSIBLE_INVENTORY_ENABLED="ansible.builtin.ini"),
                                os.path.join(self.workdir, label + ".json"), self.workdir)
                self.record(label, seconds, sim.requests())

            plugin("inventory-cache-fill", "cached", count + 1)
            self.interleave([
                ("inventory-cold", lambda label: plugin(label, "cold", 1)),
                ("raw-list", lambda label: raw(label, "list", 1)),
                ("inventory-details", lambda label: plugin(label, "details", count + 1)),
                ("raw-details", lambda label: raw(label, "details", count + 1)),
                ("inventory-cached", lambda label: plugin(label, "cached", 0)),
                ("inventory-startup", startup),
            ])


# --- the page ------------------------------------------------------------------------

def machine():
    import ansible.release
    import requests
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            cpu = next((line.split(":", 1)[1].strip() for line in handle if line.startswith("model name")), "")
    except OSError:
        pass
    try:
        commit = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True,
                                text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    return {"nproc": os.cpu_count(), "cpu": cpu, "os": platform.platform(), "python": platform.python_version(),
            "ansible_core": ansible.release.__version__, "requests": requests.__version__, "commit": commit}


def plural(count, noun):
    return "%d %s%s" % (count, noun, "" if count == 1 else "s")


def seconds_text(value):
    if value is None:
        return "-"
    return ("%.3f s" if value < 0.1 else "%.2f s") % value


def ratio_text(value):
    return "-" if value is None else "%.2f×" % value


def verdict(judged, met):
    if not judged:
        return "not judged (reduced scale)"
    return "met" if met else "**not met**"


def calls_text(by_action):
    return ", ".join("%d %s" % (count, action.replace("pbxware.", "")) for action, count in sorted(by_action.items())) \
        or "none"


def render(bench, args, bound, info, started, elapsed, loads):
    only = args.only
    tenants, extensions = args.scale
    full = (tenants >= FULL_SCALE[0] and extensions >= FULL_SCALE[1]
            and args.inventory_tenants >= FULL_INVENTORY_TENANTS
            and args.repeat >= MIN_REPEAT)
    command = "hack/bench.py --scale %d,%d --repeat %d --inventory-tenants %d --only %s" % (
        tenants, extensions, args.repeat, args.inventory_tenants, ",".join(sorted(only)))
    lines = ["# Benchmarks", "",
             "<!-- Written by `make bench` (hack/bench.py); rerun it rather than editing this page. -->", ""]
    if full:
        lines += ["Scale of issue 15: %d tenants × %d extensions, %d inventory tenants, median of %d runs each." % (
            tenants, extensions, args.inventory_tenants, args.repeat), ""]
    else:
        lines += ["> **Reduced scale: %s × %s, %d inventory tenants, %s of each.** "
                  "This run only proves the harness. The figures at the scale of issue 15 (10 tenants × 100 "
                  "extensions, 1,000 inventory tenants, median of at least 3) are still to be measured "
                  "(`make bench`); no target is judged from this run." % (
                      plural(tenants, "tenant"), plural(extensions, "extension"), args.inventory_tenants,
                      plural(args.repeat, "run")), ""]
    lines += [
        "Run %s UTC, `%s`, %s. Machine: %d CPUs (%s), %s; Python %s, ansible-core %s, requests %s. "
        "Load average (1 min) %.2f at the start, %.2f at the end; the run took %s." % (
            started, command, "commit " + info["commit"] if info["commit"] else "no git commit", info["nproc"],
            info["cpu"] or "unknown CPU", info["os"], info["python"], info["ansible_core"], info["requests"],
            loads[0], loads[1], "%dm%02ds" % divmod(int(round(elapsed)), 60)),
        "",
    ] + (["Note: " + args.note, ""] if args.note else []) + [
        "## How it is measured", "",
        "- The bundled simulator runs on the same machine, loaded from a generated fixture "
        "(every extension already as the tasks want it: each converge run is a no-change run).",
        "- Times are wall times around whole `ansible-playbook`, `ansible-inventory` or `python` processes "
        "(start-up included), the A and B of a figure interleaved (A B A B ...), the median of each; "
        "the ratio is the ratio of the medians. Playbooks run on `localhost` (`playbooks/inventory/localhost.yml`) "
        "with a small stdout callback of the harness that prints the recap and each task's time (from its "
        "start to the next task's start or the recap) as JSON at the end, instead of a line per item.",
        "- Each run is checked before it counts: no failure, `changed=0`, no write and no API error in the "
        "simulator's request log (`/_sim/requests`, cleared before each run), the expected hosts and calls.",
        "- Each extension's item sets `name`, `email`, `protocol`, `location`, `user_agent` (as the codename "
        "`%s`) and `status`, which `pbxware.ext.list` returns; every %dth extension's item also sets "
        "`incoming_limit` and `outgoing_limit`, which only `pbxware.ext.configuration` returns. "
        "Tasks name their tenant (`tenant:`)." % (USER_AGENT, CONFIG_READ_EVERY),
        "",
    ]
    if "a" in only:
        aggregate, loop = bench.seconds("aggregate"), bench.seconds("loop")
        lines += ["## (a) No-change converge of %s" % plural(tenants * extensions, "extension"), "",
                  "A: `bicom.pbxware.pbxware_extensions`, one task per tenant (a `loop` over %s). "
                  "B: `bicom.pbxware.pbxware_extension` in a `loop` over the %s." % (
                      plural(tenants, "tenant"), plural(tenants * extensions, "extension")), ""]
        speedup = loop / aggregate
        lines += ["| | A: aggregate (median) | B: loop (median) | B / A | target | verdict |",
                  "| --- | --- | --- | --- | --- | --- |",
                  "| playbook wall time | %s | %s | %s | ≥ 50× | %s |" % (
                      seconds_text(aggregate), seconds_text(loop), ratio_text(speedup), verdict(full, speedup >= 50)),
                  "| task time | %s | %s | %s | | |" % (
                      seconds_text(bench.seconds("aggregate", "task_seconds")),
                      seconds_text(bench.seconds("loop", "task_seconds")),
                      ratio_text(bench.seconds("loop", "task_seconds") / bench.seconds("aggregate", "task_seconds"))),
                  ""]
    if "b" in only:
        bound_total = sum(bound.values())
        lines += ["## (b) API calls of the runs of (a) against the lower bound", "",
                  "A and B as in (a): the aggregate module, one task per tenant, and a loop of the single module over "
                  "%s in %s." % (plural(tenants * extensions, "extension"), plural(tenants, "tenant")), "",
                  "Lower bound of the job: per tenant, one `pbxware.tenant.list` (the task names the tenant and a "
                  "module run cannot share another's read; with `tenant_id` this call goes), one `pbxware.ext.list`, "
                  "and one `pbxware.ext.configuration` per extension whose item sets an option the list does not "
                  "return: %s = **%d**." % (calls_text(bound), bound_total), "",
                  "| | API calls | by action | / lower bound | target | verdict |",
                  "| --- | --- | --- | --- | --- | --- |"]
        for label, name, target in (("aggregate", "A: aggregate", "= lower bound"), ("loop", "B: loop", "")):
            calls = bench.calls(label)
            lines.append("| %s | %d | %s | %s | %s | %s |" % (
                name, calls["total"], calls_text(calls["by_action"]), ratio_text(calls["total"] / bound_total),
                target, verdict(full, calls["by_action"] == bound) if target else ""))
        lines.append("")
    if "c" in only:
        uri = bench.seconds("single-uri")
        uri_task = bench.seconds("single-uri", "task_seconds")
        lines += ["## (c) One no-change `pbxware_extension` task against one `ansible.builtin.uri` call", "",
                  "A playbook of one task each. The `uri` task posts the `pbxware.ext.configuration` request the "
                  "module makes to find the extension (`no_log: true`, as it carries the key). The module task sets "
                  "the options of (a)'s items, with the tenant by `tenant_id` (1 API call) or by name (2).", "",
                  "| | API calls | playbook wall (median) | / uri | task time (median) | / uri | target | verdict |",
                  "| --- | --- | --- | --- | --- | --- | --- | --- |",
                  "| `ansible.builtin.uri` | %d | %s | 1.00× | %s | 1.00× | | |" % (
                      bench.calls("single-uri")["total"], seconds_text(uri), seconds_text(uri_task))]
        for label, name in (("single-id", "`pbxware_extension`, `tenant_id`"),
                            ("single-name", "`pbxware_extension`, `tenant` name")):
            wall, task = bench.seconds(label), bench.seconds(label, "task_seconds")
            lines.append("| %s | %d | %s | %s | %s | %s | ≤ 1.0× | %s |" % (
                name, bench.calls(label)["total"], seconds_text(wall), ratio_text(wall / uri), seconds_text(task),
                ratio_text(task / uri_task), verdict(full, wall / uri <= 1.0)))
        lines += ["", "The verdict is on the playbook wall time; the task time leaves out Ansible's start-up, "
                  "common to both.", ""]
    if "d" in only:
        count = args.inventory_tenants
        cold, raw_list = bench.seconds("inventory-cold"), bench.seconds("raw-list")
        details, raw_details = bench.seconds("inventory-details"), bench.seconds("raw-details")
        cached, startup = bench.seconds("inventory-cached"), bench.seconds("inventory-startup")
        cached_calls = bench.calls("inventory-cached")["total"]
        lines += ["## (d) Inventory of %d tenants" % count, "",
                  "`ansible-inventory --list` with the `bicom.pbxware.pbxware` plugin (the only enabled inventory "
                  "plugin; `tenant_details` with the default `max_workers` and `tenant_config_keys`), against a plain "
                  "`requests` loop in a fresh `python` process (its start-up and `import requests` included; the "
                  "loop's own time in parentheses) making the same calls one after another on one keep-alive "
                  "session. The cached runs read a jsonfile cache filled once before the timed runs (%s, %d calls); "
                  "their yardstick is `ansible-inventory --list` over an empty static (ini) inventory: Ansible's "
                  "start-up." % (seconds_text(bench.seconds("inventory-cache-fill")),
                                 bench.calls("inventory-cache-fill")["total"]),
                  "",
                  "| | API calls | plugin (median) | yardstick (median) | figure | target | verdict |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for label, name, plugin_time, raw_label, raw_time in (
                ("inventory-cold", "cold, no details", cold, "raw-list", raw_list),
                ("inventory-details", "cold, `tenant_details`", details, "raw-details", raw_details)):
            lines.append("| %s | %d | %s | %s `requests` (%s) | %s | ≤ 2× raw | %s |" % (
                name, bench.calls(label)["total"], seconds_text(plugin_time), seconds_text(raw_time),
                seconds_text(bench.seconds(raw_label, "task_seconds")), ratio_text(plugin_time / raw_time),
                verdict(full, plugin_time / raw_time <= 2)))
        lines += ["| cached, `tenant_details` | %d | %s | %s start-up | %+.2f s | ≤ 0.3 s over start-up, 0 calls "
                  "| %s |" % (cached_calls, seconds_text(cached), seconds_text(startup), cached - startup,
                              verdict(full, cached - startup <= 0.3 and cached_calls == 0)),
                  "",
                  "Over Ansible's start-up (the cached row's yardstick): cold %+.2f s, cold with `tenant_details` "
                  "%+.2f s. The cold run without details makes one call, so its figure is mostly `ansible-inventory`'s "
                  "start-up against `python`'s." % (cold - startup, details - startup),
                  ""]
    lines += ["## Every run, in order", "",
              "| run | wall | task or loop time | API calls |", "| --- | --- | --- | --- |"]
    for run in bench.runs:
        lines.append("| %s | %.2f s | %s | %s |" % (
            "warm-up (not counted)" if run["label"] == "warm-up" else run["label"], run["seconds"], seconds_text(run.get("task_seconds")),
            "-" if run["calls"] is None else run["calls"]["total"]))
    lines.append("")
    return "\n".join(lines)


def scale(text):
    try:
        tenants, extensions = (int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("expected TENANTS,EXTENSIONS, for example 10,100; got %r" % text)
    if tenants < 1 or extensions < 1:
        raise argparse.ArgumentTypeError("TENANTS and EXTENSIONS must be at least 1")
    return tenants, extensions


def parts(text):
    chosen = set(part.strip() for part in text.split(",") if part.strip())
    if not chosen or chosen - set("abcd"):
        raise argparse.ArgumentTypeError("expected a comma-separated subset of a,b,c,d; got %r" % text)
    return chosen


def positive(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("expected a number >= 1, got %r" % text)
    return value


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("--scale", type=scale, default=FULL_SCALE, metavar="TENANTS,EXTENSIONS",
                        help="tenants and extensions per tenant of (a)-(c) (default 10,100)")
    parser.add_argument("--repeat", type=positive, default=MIN_REPEAT, help="runs of each (default 3)")
    parser.add_argument("--inventory-tenants", type=positive, default=FULL_INVENTORY_TENANTS,
                        help="tenants of (d) (default 1000)")
    parser.add_argument("--only", type=parts, default=set("abcd"), help="which figures (default a,b,c,d)")
    parser.add_argument("--out", default=os.path.join(ROOT, "docs", "benchmarks.md"),
                        help="the page to write (default docs/benchmarks.md)")
    parser.add_argument("--note", default="",
                        help="a sentence for the page about the conditions of the run (e.g. what else ran)")
    parser.add_argument("--workdir", default=os.path.join(ROOT, "build", "bench"),
                        help="generated data, playbooks, outputs (default build/bench; emptied first)")
    args = parser.parse_args()
    for tool in TOOLS:
        TOOLS[tool] = shutil.which(tool)
        if not TOOLS[tool]:
            parser.error("%s is not on PATH (run `make bench`, or put .venv/main/bin on PATH)" % tool)
        TOOLS[tool] = os.path.abspath(TOOLS[tool])
    args.workdir, args.out = os.path.abspath(args.workdir), os.path.abspath(args.out)
    shutil.rmtree(args.workdir, ignore_errors=True)
    os.makedirs(args.workdir)
    started = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")
    load_start = os.getloadavg()[0]
    start = time.monotonic()
    bench = Bench(args)
    bound = None
    try:
        if args.only & {"a", "b", "c"}:
            bound = bench.converge(args.only)
        if "d" in args.only:
            bench.inventory()
    except BenchError as err:
        sys.exit("bench: FAILED: %s" % err)
    finally:
        with open(os.path.join(args.workdir, "results.json"), "w", encoding="utf-8") as handle:
            json.dump({"args": dict(vars(args), only=sorted(args.only)), "runs": bench.runs}, handle, indent=1)
    page = render(bench, args, bound, machine(), started, time.monotonic() - start, (load_start, os.getloadavg()[0]))
    with open(args.out, "w", encoding="utf-8") as handle:
        handle.write(page)
    print()
    print(page)
    print("bench: wrote %s (every run: %s)" % (args.out, os.path.join(args.workdir, "results.json")))


if __name__ == "__main__":
    main()
