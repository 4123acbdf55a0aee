# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Harness of the behaviour tests: the simulator process and an in-process module runner.

One simulator (strict mode, random API key, free loopback port) serves the session. Its
fixture is the bundled one plus a few objects the failure paths need to exist (see
``seeded_fixture``); every test starts from that state with an empty request log.
"""

import contextlib
import copy
import http.client
import importlib
import io
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from unittest import mock
from urllib.parse import urlencode, urlsplit

from ansible.module_utils.testing import patch_module_args

import pbxware_sim

START_TIMEOUT = 30
MODULE_PACKAGE = "ansible_collections.bicom.pbxware.plugins.modules."


def bundled_fixture():
    """The simulator's bundled fixture (simulator/README.md, "The bundled fixture")."""
    path = os.path.join(os.path.dirname(pbxware_sim.__file__), "fixtures", "default.json")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)


BUNDLED = bundled_fixture()
# The catalogue's tenant: ID 2 (t1.example.com), named by its tenant code; its extension length.
T1_CODE = str(BUNDLED["tenants"]["2"]["tenantcode"])
T1_EXT_LENGTH = int(BUNDLED["tenants"]["2"]["ext_length"])

# Objects the catalogue refers to, added to the bundled fixture (stored as the simulator stores them:
# write names, see simulator/README.md "Your own fixture").
EXISTING_EXTENSION = "1" + "0" * (T1_EXT_LENGTH - 1)      # tenant 2: 100
EXISTING_DID = "5551000"                                 # tenant 2
SEEDED_PIN = "4826"
SEEDED_SECRET = "Seeded!Secret9"


def seeded_fixture():
    data = copy.deepcopy(BUNDLED)
    common = {"prot": "sip", "ua": "50", "status": "1", "location": "1", "pin": SEEDED_PIN,
              "secret": SEEDED_SECRET, "incominglimit": "2", "outgoinglimit": "2", "voicemail": "1",
              "allow": ["ulaw", "alaw"]}
    data.setdefault("extensions", {}).update({
        "1": dict(common, server="2", ext=EXISTING_EXTENSION, name="Alice", email="alice@example.com"),
    })
    data.setdefault("dids", {}).update({
        "1": {"server": "2", "number": EXISTING_DID, "did": EXISTING_DID, "trunk": "2316", "dest_type": "0",
              "destination": EXISTING_EXTENSION, "disabled": "0", "name": "Main line"},
    })
    return data


class Simulator(object):
    """A running ``pbxware-sim`` process and its control endpoints."""

    def __init__(self, workdir):
        self.api_key = "bhv" + secrets.token_hex(12)
        binary = os.path.join(os.path.dirname(sys.executable), "pbxware-sim")
        if not os.path.exists(binary):
            binary = shutil.which("pbxware-sim")
        if not binary:
            raise RuntimeError("pbxware-sim not found next to %s nor on PATH (make venv installs it)" % sys.executable)
        self.fixture_path = os.path.join(workdir, "fixture.json")
        with open(self.fixture_path, "w", encoding="utf-8") as handle:
            json.dump(seeded_fixture(), handle)
        self.log_path = os.path.join(workdir, "simulator.out")
        self._out = open(self.log_path, "w", encoding="utf-8")
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        env.pop("PBXWARE_SIM_API_KEY", None)
        # Strict mode is the default: an undocumented argument is an error, not silently ignored.
        self.process = subprocess.Popen(
            [binary, "--host", "127.0.0.1", "--port", "0", "--api-key", self.api_key, "--fixture", self.fixture_path],
            stdout=self._out, stderr=subprocess.STDOUT, env=env)
        self.base_url = self._wait_ready()
        parts = urlsplit(self.base_url)
        self.host, self.port = parts.hostname, parts.port
        self.url = self.base_url + "index.php"
        health = self.control("GET", "/_sim/health")
        if health.get("status") != "ok" or not health.get("strict") or not health.get("tenant_mode"):
            self.stop()
            raise RuntimeError("simulator not healthy, strict and in tenant mode: %r" % health)
        try:
            self.probe()
        except RuntimeError:
            self.stop()
            raise

    def _wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            with open(self.log_path, encoding="utf-8") as handle:
                for line in handle:
                    if "listening on " in line:
                        url = line.split("listening on ", 1)[1].split()[0]
                        return url if url.endswith("/") else url + "/"
            if self.process.poll() is not None:
                raise RuntimeError("pbxware-sim exited (%s) before it was ready:\n%s"
                                   % (self.process.returncode, self.output()))
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("pbxware-sim did not report 'listening on' within %ss:\n%s" % (START_TIMEOUT, self.output()))

    def output(self):
        with open(self.log_path, encoding="utf-8") as handle:
            return handle.read()

    def control(self, method, path, body=None):
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            connection.request(method, path, body=json.dumps(body) if body is not None else None,
                               headers={"Content-Type": "application/json"})
            answer = connection.getresponse()
            payload = answer.read()
            if answer.status != 200:
                raise RuntimeError("%s %s answered %s: %r" % (method, path, answer.status, payload[:300]))
            return json.loads(payload)
        finally:
            connection.close()

    def reset(self):
        """Back to the fixture, the API proven to answer, the request log empty."""
        self.control("POST", "/_sim/reset")
        self.probe()
        self.control("POST", "/_sim/requests/clear")

    def probe(self):
        """One real API read; raise at once (instead of letting modules retry) if the API does not answer."""
        connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        try:
            body = urlencode({"apikey": self.api_key, "action": "pbxware.tenant.list"})
            connection.request("POST", "/index.php", body=body,
                               headers={"Content-Type": "application/x-www-form-urlencoded"})
            answer = connection.getresponse()
            payload = answer.read()
        except (OSError, http.client.HTTPException) as err:
            raise RuntimeError("the simulator's API does not answer (%s); its output:\n%s"
                               % (err, self.output()[-3000:]))
        finally:
            connection.close()
        try:
            tenants = json.loads(payload)
        except ValueError:
            tenants = None
        if answer.status != 200 or not isinstance(tenants, dict) or "2" not in tenants:
            raise RuntimeError("the simulator's API answered pbxware.tenant.list with HTTP %s: %r"
                               % (answer.status, payload[:300]))

    def requests(self):
        return self.control("GET", "/_sim/requests")

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._out.close()


def run_module(sim, name, args, check_mode=False, connection=True):
    """Run module ``name`` in-process with ``args``; its result dict (what it printed as JSON).

    ``connection``: add the simulator's url and api_key unless ``args`` sets them
    (a key mapped to ``None`` is left out, to test a missing option).
    """
    module = importlib.import_module(MODULE_PACKAGE + name)
    module_args = dict(url=sim.url, api_key=sim.api_key) if connection else {}
    module_args.update(args)
    module_args = dict((key, value) for key, value in module_args.items() if value is not None)
    if check_mode:
        module_args["_ansible_check_mode"] = True
    out = io.StringIO()
    # No PBXWARE_* fallback from the environment running the tests.
    clean_env = dict((key, value) for key, value in os.environ.items() if not key.startswith("PBXWARE_"))
    with mock.patch.dict(os.environ, clean_env, clear=True), patch_module_args(module_args), \
            contextlib.redirect_stdout(out):
        try:
            module.main()
        except SystemExit:
            pass
    text = out.getvalue()
    try:
        result = json.loads(text)
    except ValueError:
        raise AssertionError("module %s printed no JSON result: %r" % (name, text[:2000]))
    result["_printed"] = text
    return result


def staged_collections_root():
    """The directory holding ``ansible_collections/bicom/pbxware`` that the tests import (the staged copy)."""
    package = importlib.import_module("ansible_collections.bicom.pbxware.plugins")
    collection = os.path.dirname(os.path.abspath(package.__file__ if package.__file__ else list(package.__path__)[0]))
    if os.path.basename(collection) == "plugins":
        collection = os.path.dirname(collection)
    return os.path.dirname(os.path.dirname(os.path.dirname(collection)))
