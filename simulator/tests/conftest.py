"""Fixtures that run a real simulator over HTTP (port 0, background thread)."""
import json
import os
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

import pytest

from pbxware_sim.server import Simulator, start_in_thread

API_KEY = "Test123456789"
SIM_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Client:
    """Tiny HTTP client for one running simulator."""

    def __init__(self, url, simulator=None):
        self.url = url
        self.sim = simulator

    def raw(self, method="POST", path="index.php", query=None, form=None, data=None, headers=None, timeout=10):
        """``(status, headers, body bytes)`` whatever the status."""
        url = self.url + path.lstrip("/")
        if query:
            url += "?" + urllib.parse.urlencode(query)
        if form is not None:
            data = urllib.parse.urlencode(form).encode()
        request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as err:
            return err.code, err.headers, err.read()

    def post(self, action, **args):
        """POST an API call (apikey in the body) and decode the JSON answer."""
        form = {"apikey": API_KEY, "action": action}
        form.update({k: str(v) for k, v in args.items() if v is not None})
        status, _, body = self.raw(form=form)
        assert status == 200, body
        return json.loads(body)

    def get(self, action, **args):
        query = {"apikey": API_KEY, "action": action}
        query.update({k: str(v) for k, v in args.items() if v is not None})
        status, _, body = self.raw("GET", query=query)
        assert status == 200, body
        return json.loads(body)

    def control(self, method, path, payload=None):
        data = json.dumps(payload).encode() if payload is not None else None
        status, _, body = self.raw(method, path, data=data, headers={"Content-Type": "application/json"})
        return status, json.loads(body)


@pytest.fixture
def make_sim(tmp_path):
    """Start simulators with custom options; all are stopped after the test."""
    servers = []

    def start(**options):
        options.setdefault("request_log", str(tmp_path / ("requests-%d.jsonl" % len(servers))))
        simulator = Simulator(API_KEY, **options)
        httpd, url = start_in_thread(simulator)
        servers.append((httpd, simulator))
        return Client(url, simulator)

    yield start
    for httpd, simulator in servers:
        httpd.shutdown()
        httpd.server_close()
        simulator.log.close()


@pytest.fixture
def sim(make_sim):
    """A default simulator: strict, tenant mode, bundled fixture."""
    return make_sim()


class Process:
    """``pbxware-sim`` run as a subprocess, as scripts would run it."""

    def __init__(self, *args):
        command = [sys.executable, "-m", "pbxware_sim", "--port", "0", "--api-key", API_KEY] + list(args)
        env = dict(os.environ, PYTHONPATH=SIM_ROOT + os.pathsep + os.environ.get("PYTHONPATH", ""))
        self.proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
        line = self.proc.stdout.readline()
        if not line.startswith("pbxware-sim listening on "):
            self.stop()
            raise AssertionError("no ready line: %r %s" % (line, self.proc.stderr.read()))
        self.ready_line = line.strip()
        self.client = Client(line.split(" on ", 1)[1].strip())

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(timeout=10)
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.proc.returncode


@pytest.fixture
def run_cli():
    processes = []

    def start(*args):
        process = Process(*args)
        processes.append(process)
        return process

    yield start
    for process in processes:
        process.stop()
