# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Helpers of tests/drift/run.sh (the bicom.pbxware.drift_report callback against the simulator).

    python helper.py edit-ext NUMBER FIELD=VALUE...     change an extension of tenant 344 (server 2)
                                                          behind Ansible's back, through the raw API
                                                          (PBXWARE_URL, PBXWARE_API_KEY)
    python helper.py check DIR [options]                  check the one report in DIR (see --help)
"""

import argparse
import glob
import json
import os
import sys
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET

import yaml

TENANT_SERVER = "2"  # tenant 344 (t1.example.com) of the simulator's bundled data
MASK = "********"


def api(action, **args):
    body = dict(args, apikey=os.environ["PBXWARE_API_KEY"], action=action)
    request = urllib.request.Request(os.environ["PBXWARE_URL"], data=urllib.parse.urlencode(body).encode())
    with urllib.request.urlopen(request, timeout=10) as answer:  # nosec: the local simulator
        data = json.loads(answer.read().decode("utf-8"))
    if isinstance(data, dict) and "error" in data:
        sys.exit("helper: %s failed: %s" % (action, data["error"]))
    return data


def edit_ext(number, assignments):
    rows = api("pbxware.ext.list", server=TENANT_SERVER)
    ext_id = next((key for key, row in (rows or {}).items() if str(row.get("ext")) == number), None)
    if ext_id is None:
        sys.exit("helper: extension %s not found in server %s" % (number, TENANT_SERVER))
    changes = dict(item.split("=", 1) for item in assignments)
    answer = api("pbxware.ext.edit", server=TENANT_SERVER, id=ext_id, **changes)
    print("helper: changed extension %s (id %s) through the API: %s -> %s"
          % (number, ext_id, ", ".join(sorted(changes)), answer.get("success")))


def secret_values(path):
    """The values of every pin/secret key in an inventory file (never allowed in a report)."""
    found = set()

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ("pin", "secret", "password") and isinstance(value, str):
                    found.add(value)
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    with open(path, encoding="utf-8") as stream:
        walk(yaml.safe_load(stream))
    return found


class Checker(object):
    def __init__(self, name):
        self.name = name
        self.errors = []

    def expect(self, condition, message):
        if not condition:
            self.errors.append(message)

    def finish(self):
        if self.errors:
            for error in self.errors:
                print("drift-test: FAIL: %s: %s" % (self.name, error), file=sys.stderr)
            sys.exit(1)
        print("drift-test: ok: %s" % self.name)


def one(directory, pattern, check):
    found = glob.glob(os.path.join(directory, pattern))
    check.expect(len(found) == 1, "expected one %s in %s, found %s" % (pattern, directory, found))
    return found[0] if found else None


def matches(entry, want):
    return all(entry.get(key) == value for key, value in want.items() if key != "fields")


def check(args):
    check = Checker(args.name)
    json_path = one(args.dir, "drift-report-*.json", check)
    xml_path = one(args.dir, "drift-report-*.xml", check)
    md_path = one(args.dir, "drift-report-*.md", check)
    if check.errors:
        check.finish()
    with open(json_path, encoding="utf-8") as stream:
        report = json.load(stream)
    if args.show:
        print(json.dumps(report, indent=2))

    # JSON
    check.expect(report.get("report") == "bicom.pbxware.drift_report", "not a drift report: %s" % report.get("report"))
    check.expect(report["mode"] == args.mode, "mode %s, expected %s" % (report["mode"], args.mode))
    check.expect(report["drift_count"] == args.drift, "drift_count %s, expected %s" % (report["drift_count"], args.drift))
    check.expect(len(report["drifted"]) == args.drift, "%d drifted entries, expected %d" % (len(report["drifted"]), args.drift))
    check.expect(report["failed_count"] == args.failed, "failed_count %s, expected %s" % (report["failed_count"], args.failed))
    if args.hosts is not None:
        check.expect(len(report["hosts"]) == args.hosts, "hosts %s, expected %d" % (report["hosts"], args.hosts))
    if args.checked is not None:
        check.expect(report["checked_count"] == args.checked,
                     "checked_count %s, expected %d" % (report["checked_count"], args.checked))
    wanted = [json.loads(text) for text in args.expect]
    for want in wanted:
        hits = [entry for entry in report["drifted"] if matches(entry, want)]
        check.expect(len(hits) == 1, "expected one drifted entry like %s, found %d" % (want, len(hits)))
        if hits and "fields" in want:
            check.expect(hits[0]["fields"] == want["fields"],
                         "fields of %s are %s, expected exactly %s" % (want, hits[0]["fields"], want["fields"]))
    for want in (json.loads(text) for text in args.expect_failed):
        hits = [entry for entry in report["failed"] if matches(entry, want)]
        check.expect(len(hits) == 1, "expected one failed entry like %s, found %d" % (want, len(hits)))
    if args.drift == 0:
        check.expect(report["drifted"] == [], "a clean audit lists drift: %s" % report["drifted"])
    for entry in report["drifted"]:
        for field in entry["fields"]:
            if field["field"] in ("pin", "secret", "password"):
                for side in ("before", "after"):
                    value = field[side]
                    check.expect(value is None or str(value).startswith(MASK),
                                 "secret field %s shown in clear (%s)" % (field["field"], side))

    # JUnit
    root = ET.parse(xml_path).getroot()
    suite = root.find("testsuite")
    failures = suite.findall("testcase/failure")
    errors = suite.findall("testcase/error")
    check.expect(suite.get("failures") == str(args.drift), "JUnit failures=%s, expected %d" % (suite.get("failures"), args.drift))
    check.expect(len(failures) == args.drift, "JUnit has %d <failure>, expected %d" % (len(failures), args.drift))
    check.expect(len(errors) == args.failed, "JUnit has %d <error>, expected %d" % (len(errors), args.failed))
    for want in wanted:
        label = " ".join("%s=%s" % item for item in want.get("identity", {}).items())
        cases = [case for case in suite.findall("testcase")
                 if case.find("failure") is not None and label in case.get("name") and want.get("host", "") in case.get("name")]
        check.expect(len(cases) == 1, "JUnit: expected one failed test case naming %r, found %d" % (label, len(cases)))
        for case in cases:
            failure = case.find("failure")
            for field in want.get("fields", []):
                check.expect(field["field"] in failure.get("message"),
                             "JUnit failure message %r does not name %s" % (failure.get("message"), field["field"]))
                line = "%s: before %s, after %s" % (field["field"], field["before"], field["after"])
                check.expect(line in (failure.text or ""), "JUnit failure text %r lacks %r" % (failure.text, line))

    # Markdown
    with open(md_path, encoding="utf-8") as stream:
        markdown = stream.read()
    check.expect("**%d drifted object(s)**" % args.drift in markdown, "Markdown does not count %d drifted" % args.drift)
    for want in wanted:
        for field in want.get("fields", []):
            cell = "| %s | %s | %s |" % (field["field"], field["before"], field["after"])
            check.expect(cell in markdown, "Markdown lacks the row cells %r" % cell)

    # No secret anywhere
    for path in args.secrets_from:
        for secret in secret_values(path):
            for report_path in (json_path, xml_path, md_path):
                with open(report_path, encoding="utf-8") as stream:
                    check.expect(secret not in stream.read(), "a secret from %s is in %s" % (path, report_path))
    check.finish()


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    edit = sub.add_parser("edit-ext")
    edit.add_argument("number")
    edit.add_argument("assignments", nargs="+")
    chk = sub.add_parser("check")
    chk.add_argument("dir")
    chk.add_argument("--name", required=True)
    chk.add_argument("--mode", choices=["check", "apply"], required=True)
    chk.add_argument("--drift", type=int, required=True)
    chk.add_argument("--failed", type=int, default=0)
    chk.add_argument("--hosts", type=int)
    chk.add_argument("--checked", type=int)
    chk.add_argument("--expect", action="append", default=[], help="JSON: a drifted entry (host, module, identity, fields)")
    chk.add_argument("--expect-failed", action="append", default=[], help="JSON: a failed entry (host, module, identity)")
    chk.add_argument("--secrets-from", action="append", default=[], help="inventory whose pin/secret values must not appear")
    chk.add_argument("--show", action="store_true", help="print the JSON report")
    args = parser.parse_args()
    if args.command == "edit-ext":
        edit_ext(args.number, args.assignments)
    else:
        check(args)


if __name__ == "__main__":
    main()
