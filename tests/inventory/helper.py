# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers of tests/inventory/run.sh (run with the main venv's Python).

  helper.py fixture N OUT        the simulator's default fixture with N generated tenants
  helper.py unsafe OUT           the default fixture plus a tenant whose name, package name and
                                 settings are Jinja2 templates (never to be templated)
  helper.py normalise FILE       ansible-inventory --list JSON, stable: unsafe wrappers unwrapped,
                                 keys and group members sorted, the controller's Python
                                 ($INVENTORY_TEST_PYTHON) shown as CONTROLLER_PYTHON
  helper.py calls BASE_URL       API requests the simulator has seen (GET /_sim/requests): total
  helper.py api-loop             the API calls of tenant_details (the list, then each tenant's
                                 configuration) in a plain keep-alive requests loop, against
                                 $PBXWARE_URL with $PBXWARE_API_KEY: prints the seconds taken
  helper.py clear BASE_URL       forget the simulator's request log
  helper.py fault BASE_URL KIND PATTERN   add a fault that fires forever
  helper.py tls-proxy CERT KEY TARGET_URL   an HTTPS server on 127.0.0.1 (a free port, printed as
                                 "listening on https://..."), passing every POST on to TARGET_URL
"""

import json
import os
import ssl
import sys
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def fixture(count, out):
    data = _default_fixture()
    countries = ("869", "862", "3")
    tenants = {}
    for index in range(count):
        tenants[str(index + 2)] = {
            "name": "t%04d.example.com" % index,
            "tenantcode": "%03d" % (index % 1000),
            "package_id": str(1 + index % 2),
            "ext_length": 3 + index % 3,
            "country_id": countries[index % len(countries)],
            "area_code": "",
            "national": "0",
            "international": "00",
            "appassword": "pw-%d" % index,
        }
    data["tenants"] = tenants
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(data, handle)


UNSAFE_TENANT = "{{ 7 * 7 }}.example.com"
UNSAFE_PACKAGE = "{{ 6 * 7 }} Gold"
UNSAFE_SETTING = "{{ lookup('env', 'HOME') }}"


def _default_fixture():
    import pbxware_sim
    base = os.path.join(os.path.dirname(pbxware_sim.__file__), "fixtures", "default.json")
    with open(base, encoding="utf-8") as handle:
        return json.load(handle)


def unsafe(out):
    """tenant.add refuses a name that is not an FQDN: the template-like data comes in a fixture."""
    data = _default_fixture()
    data["packages"]["7"] = dict(data["packages"]["1"], name=UNSAFE_PACKAGE)
    data["tenants"]["7"] = {
        "name": UNSAFE_TENANT, "tenantcode": "777", "package_id": "7", "ext_length": 3,
        "country_id": "869", "area_code": "", "national": "0", "international": "00",
        "glocomproxy": UNSAFE_SETTING,
    }
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(data, handle)


def unwrap(value):
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return unwrap(value["__ansible_unsafe"])
        if set(value) == {"__ansible_vault"}:
            return "VAULT"
        return dict((key, unwrap(item)) for key, item in value.items())
    if isinstance(value, list):
        return [unwrap(item) for item in value]
    return value


def normalise(path):
    with open(path, encoding="utf-8") as handle:
        data = unwrap(json.load(handle))
    python = os.environ.get("INVENTORY_TEST_PYTHON")
    for host_vars in data.get("_meta", {}).get("hostvars", {}).values():
        if python and host_vars.get("ansible_python_interpreter") == python:
            host_vars["ansible_python_interpreter"] = "CONTROLLER_PYTHON"
    for name, group in data.items():
        if name != "_meta" and isinstance(group, dict):
            for key in ("hosts", "children"):
                if key in group:
                    group[key] = sorted(group[key])
    print(json.dumps(data, indent=2, sort_keys=True))


def control(base, path, method="GET", body=None):
    data = json.dumps(body).encode() if body is not None else (b"" if method == "POST" else None)
    request = urllib.request.Request(base.rstrip("/") + path, data=data, method=method)
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read().decode("utf-8"))


def api_loop():
    """The yardstick of the plugin's cold tenant_details run: the same calls, nothing else."""
    import requests
    url, key = os.environ["PBXWARE_URL"], os.environ["PBXWARE_API_KEY"]
    start = time.monotonic()
    with requests.Session() as session:
        tenants = session.post(url, data={"apikey": key, "action": "pbxware.tenant.list"}, timeout=60).json()
        for tenant_id in tenants:
            session.post(url, data={"apikey": key, "action": "pbxware.tenant.configuration", "id": tenant_id},
                         timeout=60).json()
    print("%.2f" % (time.monotonic() - start))


def tls_proxy(cert, key, target):
    """The simulator speaks plain HTTP: this puts a (self-signed) certificate in front of it."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            request = urllib.request.Request(target, data=body, method="POST", headers={
                "Content-Type": self.headers.get("Content-Type", "application/x-www-form-urlencoded")})
            with urllib.request.urlopen(request, timeout=60) as answer:
                data = answer.read()
                status, content_type = answer.status, answer.headers.get("Content-Type", "application/json")
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    print("listening on https://127.0.0.1:%d/" % server.server_address[1], flush=True)
    server.serve_forever()


def main(argv):
    command = argv[1]
    if command == "fixture":
        fixture(int(argv[2]), argv[3])
    elif command == "unsafe":
        unsafe(argv[2])
    elif command == "normalise":
        normalise(argv[2])
    elif command == "calls":
        print(control(argv[2], "/_sim/requests")["total"])
    elif command == "api-loop":
        api_loop()
    elif command == "clear":
        control(argv[2], "/_sim/requests/clear", "POST")
    elif command == "tls-proxy":
        tls_proxy(argv[2], argv[3], argv[4])
    elif command == "fault":
        control(argv[2], "/_sim/faults", "POST", {"kind": argv[3], "pattern": argv[4], "count": 0})
    else:
        raise SystemExit("unknown command %s" % command)


if __name__ == "__main__":
    main(sys.argv)
