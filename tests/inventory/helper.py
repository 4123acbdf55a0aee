# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Helpers of tests/inventory/run.sh (run with the main venv's Python).

  helper.py fixture N OUT        the simulator's default fixture with N generated tenants
  helper.py normalise FILE       ansible-inventory --list JSON, stable: unsafe wrappers unwrapped,
                                 keys and group members sorted
  helper.py calls BASE_URL       API requests the simulator has seen (GET /_sim/requests): total
  helper.py clear BASE_URL       forget the simulator's request log
  helper.py fault BASE_URL KIND PATTERN   add a fault that fires forever
"""

import json
import os
import sys
import urllib.request


def fixture(count, out):
    import pbxware_sim
    base = os.path.join(os.path.dirname(pbxware_sim.__file__), "fixtures", "default.json")
    with open(base, encoding="utf-8") as handle:
        data = json.load(handle)
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


def main(argv):
    command = argv[1]
    if command == "fixture":
        fixture(int(argv[2]), argv[3])
    elif command == "normalise":
        normalise(argv[2])
    elif command == "calls":
        print(control(argv[2], "/_sim/requests")["total"])
    elif command == "clear":
        control(argv[2], "/_sim/requests/clear", "POST")
    elif command == "fault":
        control(argv[2], "/_sim/faults", "POST", {"kind": argv[3], "pattern": argv[4], "count": 0})
    else:
        raise SystemExit("unknown command %s" % command)


if __name__ == "__main__":
    main(sys.argv)
