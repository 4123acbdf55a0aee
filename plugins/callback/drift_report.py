# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
name: drift_report
type: aggregate
short_description: Write a drift report (JSON, JUnit XML, Markdown) of the collection's tasks
version_added: 0.1.0
description:
  - Collects the result of every task of this collection (modules whose name starts with C(bicom.pbxware.))
    on every host, and at the end of the run writes one report into O(output_dir).
  - Meant for a nightly audit, C(ansible-playbook site.yml --check --diff), where every changed task is an
    object that differs from what the playbook declares (drift). In a normal run the report lists what was
    changed.
  - "For each changed object the report gives the host (the tenant, with the inventory plugin
    P(bicom.pbxware.pbxware#inventory)), the tenant argument, the module, the object's identity (its C(id) and
    identity arguments such as C(extension), C(number), C(tenant_code), C(name) or C(service)), the operation
    (C(create), C(update), C(delete)) and every field whose value differs, with its value before and after
    (from the module's C(diff)). Failed tasks are listed too."
  - Secrets never reach the report. Modules already mask them in their diff (C(********)); on top of that,
    every field whose name looks like a secret (PIN, password, secret, token, API key...) is masked, and
    values of C(no_log) options are never read. A task with C(no_log=true) appears without any details.
  - Three files per run, named C(drift-report-<UTC time>-<process ID>) with the extensions C(.json),
    C(.xml) (JUnit, each drifted object a failed test case and each failed task an error, for CI
    servers) and C(.md) (a short summary table). A run without drift writes a report with a zero count.
  - Aggregates across forks, C(serial) batches and plays; the report is written when the run ends.
  - This plugin must be enabled, for example with C(callbacks_enabled = bicom.pbxware.drift_report) in the
    C([defaults]) section of C(ansible.cfg), or E(ANSIBLE_CALLBACKS_ENABLED=bicom.pbxware.drift_report).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
requirements:
  - Enabled in C(callbacks_enabled) (C(ansible.cfg)) or E(ANSIBLE_CALLBACKS_ENABLED).
options:
  output_dir:
    description:
      - The directory the reports are written into; created if missing.
    type: path
    default: ~/.ansible/drift_reports
    env:
      - name: DRIFT_REPORT_DIR
    ini:
      - section: callback_drift_report
        key: output_dir
  formats:
    description:
      - Which files to write.
      - V(json) is the full report, V(junit) the JUnit XML file, V(markdown) the summary table.
    type: list
    elements: str
    default: [json, junit, markdown]
    env:
      - name: DRIFT_REPORT_FORMATS
    ini:
      - section: callback_drift_report
        key: formats
  display_summary:
    description:
      - Whether to print the summary (the counts, each drifted field and the report's path) at the end of the
        run, so that it shows in the job output of AWX or a CI log.
    type: bool
    default: true
    env:
      - name: DRIFT_REPORT_DISPLAY_SUMMARY
    ini:
      - section: callback_drift_report
        key: display_summary
notes:
  - Fields come from the module's C(diff) result, which every module of the collection returns in check mode
    and normal runs alike; C(--diff) is not needed for the report (but shows the same changes on screen).
  - Tasks of other collections are ignored, and so are skipped tasks.
seealso:
  - ref: ansible_collections.bicom.pbxware.docsite.guide_audits
    description: Nightly audits with the drift report.
"""

import json
import os
import re
import tempfile
import time
import xml.etree.ElementTree as ET

from ansible import context
from ansible.module_utils.common.text.converters import to_text
from ansible.plugins.callback import CallbackBase

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import MASK, is_secret_key

COLLECTION = "bicom.pbxware."
FORMATS = ("json", "junit", "markdown")
NO_LOG_VALUE = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
# The arguments that name the object a module manages, in the order shown.
IDENTITY = {
    "pbxware_tenant": ("tenant_code", "name"),
    "pbxware_tenant_package": ("name",),
    "pbxware_extension": ("extension",),
    "pbxware_extension_macs": ("extension",),
    "pbxware_extension_editions": ("extension",),
    "pbxware_extension_balance": ("extension", "refno"),
    "pbxware_extension_inclusive_reset": ("extension",),
    "pbxware_extension_voicemail_delete": ("extension",),
    "pbxware_enhanced_service": ("extension", "service"),
    "pbxware_enhanced_services": ("extension",),
    "pbxware_did": ("number",),
    "pbxware_did_group": ("name",),
    "pbxware_did_clirouting": ("did", "callerid"),
    "pbxware_tenant_clirouting": ("callerid",),
    "pbxware_operation_times": ("kind", "did", "object_id"),
    "pbxware_tenant_trunks": (),
}
DEFAULT_IDENTITY = ("tenant_code", "extension", "number", "did", "service", "callerid", "kind", "object_id", "name")
TENANT_ARGS = ("tenant", "tenant_id")
MISSING = object()
MAX_TEXT = 200


def plain(value):
    """``value`` as plain JSON-able Python types (Ansible hands over tagged and unsafe subclasses)."""
    if isinstance(value, dict):
        return dict((to_text(key), plain(item)) for key, item in value.items())
    if isinstance(value, (list, tuple, set, frozenset)):
        return [plain(item) for item in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return to_text(value)


def masked(value):
    """``value`` with every secret hidden: a string already masked stays as it is (``******** (changed)``)."""
    if value is None or value == "" or value is MISSING:
        return None if value is MISSING else value
    if isinstance(value, str) and value.startswith(MASK):
        return value
    return MASK


def mask_secrets(value):
    """A copy of a dict or list with the value of every secret-named key masked."""
    if isinstance(value, dict):
        return dict((key, masked(item) if is_secret_key(key) else mask_secrets(item)) for key, item in value.items())
    if isinstance(value, list):
        return [mask_secrets(item) for item in value]
    if value == NO_LOG_VALUE:
        return MASK
    return value


def differences(before, after, path=()):
    """``[(dotted path, before, after)]`` of every value that differs, nested dicts walked, secrets masked."""
    found = []
    keys = list(before) + [key for key in after if key not in before]
    for key in keys:
        old, new = before.get(key, MISSING), after.get(key, MISSING)
        where = path + (to_text(key),)
        if isinstance(old, dict) and isinstance(new, dict):
            found.extend(differences(old, new, where))
            continue
        if old == new:
            continue
        if any(is_secret_key(part) for part in where):
            old, new = masked(old), masked(new)
        else:
            old = None if old is MISSING else mask_secrets(old)
            new = None if new is MISSING else mask_secrets(new)
        found.append((".".join(where), old, new))
    return found


def short(value):
    """A one-line rendering of a value for the XML and Markdown files."""
    text = value if isinstance(value, str) else json.dumps(value, sort_keys=True, ensure_ascii=False)
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= MAX_TEXT else text[:MAX_TEXT - 3] + "..."


def order(entry):
    """Sort key of report entries."""
    return (entry["host"], entry["module"], identity_text(entry))


def cell(value):
    """A Markdown table cell."""
    return short(value).replace("|", "\\|") if value is not None else ""


def identity_text(entry):
    parts = ["%s=%s" % (key, value) for key, value in entry["identity"].items()]
    if entry.get("id") not in (None, ""):
        parts.append("id=%s" % entry["id"])
    if entry.get("item"):
        parts.append("item=%s" % entry["item"])
    return " ".join(parts) or "-"


class CallbackModule(CallbackBase):
    """Collects the results of the collection's tasks; writes the drift report in v2_playbook_on_stats."""

    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "bicom.pbxware.drift_report"
    CALLBACK_NEEDS_ENABLED = True

    def __init__(self, display=None):
        super(CallbackModule, self).__init__(display=display)
        self.started = time.time()
        self.playbooks = []
        self.drifted = []
        self.failed = []
        self.checked = []
        self.hosts = set()
        self.written = []

    # --- events ------------------------------------------------------------------

    def v2_playbook_on_start(self, playbook):
        name = getattr(playbook, "_file_name", None)
        if name:
            self.playbooks.append(os.path.basename(to_text(name)))

    def v2_runner_on_ok(self, result):
        self._collect(result, failed=False)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._collect(result, failed=True, ignored=ignore_errors)

    def v2_runner_on_unreachable(self, result):
        self._collect(result, failed=True, unreachable=True)

    # A loop's items come one by one, each with the task as templated for that item; the
    # loop's own result (its ``results`` list) is then skipped.
    def v2_runner_item_on_ok(self, result):
        self._collect(result, failed=False, item=True)

    def v2_runner_item_on_failed(self, result):
        self._collect(result, failed=True, item=True)

    def v2_playbook_on_stats(self, stats):
        report = self._report()
        out_dir = os.path.abspath(os.path.expanduser(to_text(self.get_option("output_dir"))))
        formats = [to_text(name).strip().lower() for name in (self.get_option("formats") or [])]
        unknown = sorted(set(formats) - set(FORMATS))
        if unknown:
            self._display.warning("drift_report: unknown format(s) %s ignored; known: %s"
                                  % (", ".join(unknown), ", ".join(FORMATS)))
        base = os.path.join(out_dir, "drift-report-%s-%d" % (
            time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(self.started)), os.getpid()))
        writers = (("json", ".json", self._json), ("junit", ".xml", self._junit), ("markdown", ".md", self._markdown))
        try:
            os.makedirs(out_dir, exist_ok=True)
            for name, extension, render in writers:
                if name in formats:
                    self._write(base + extension, render(report))
                    self.written.append(base + extension)
        except (IOError, OSError) as err:
            self._display.warning("drift_report: could not write the report into %s: %s" % (out_dir, to_text(err)))
            return
        if self.get_option("display_summary"):
            self._display.display(self._summary(report))

    # --- collecting ----------------------------------------------------------------

    @staticmethod
    def _parts(result):
        """(host, task, result dict) on every ansible-core version (``result``/``_result`` and friends)."""
        host = getattr(result, "host", None) or getattr(result, "_host")
        task = getattr(result, "task", None) or getattr(result, "_task")
        res = getattr(result, "result", None)
        if res is None:
            res = getattr(result, "_result")
        return host, task, res

    @staticmethod
    def _module(task):
        for name in (getattr(task, "resolved_action", None), getattr(task, "action", None)):
            if name and to_text(name).startswith(COLLECTION):
                return to_text(name)
        return None

    def _collect(self, result, failed, ignored=False, unreachable=False, item=False):
        host, task, res = self._parts(result)
        module = self._module(task)
        if module is None or (not item and isinstance(res.get("results"), list)):
            return
        if item:
            ignored = bool(getattr(task, "ignore_errors", False))
        hostname = to_text(host.get_name())
        self.hosts.add(hostname)
        common = dict(host=hostname, module=module, task=to_text(task.get_name()))
        if getattr(task, "no_log", False) or res.get("censored"):
            # The user hid this task: say that something happened, nothing more.
            entry = dict(common, tenant=None, identity={}, id=None, item=None, operation=None, fields=[],
                         note="no_log task: details hidden")
            if failed:
                entry["msg"] = "failed (no_log task)"
            self._add(entry, failed and not ignored, failed and ignored, bool(res.get("changed")))
            return
        self._one(common, task, res, failed, ignored, unreachable, item)

    def _one(self, common, task, res, failed, ignored, unreachable, loop=False):
        args = self._args(task, res)
        short_name = common["module"][len(COLLECTION):]
        names = IDENTITY.get(short_name, DEFAULT_IDENTITY)
        views = [args] + [view for view in self._views(res) if isinstance(view, dict)]
        identity = {}
        for name in names:
            value = next((view[name] for view in views if view.get(name) not in (None, "")), None)
            if value in (None, "") or isinstance(value, (dict, list)):
                continue
            identity[name] = MASK if is_secret_key(name) or value == NO_LOG_VALUE else plain(value)
        tenant = next((plain(args[name]) for name in TENANT_ARGS if args.get(name) not in (None, "")), None)
        label = res.get("_ansible_item_label", res.get("item")) if loop else None
        entry = dict(common, tenant=tenant, identity=identity, id=plain(res.get("id")),
                     item=short(plain(mask_secrets(label))) if label not in (None, "") else None,
                     operation=plain(res.get("operation")), fields=self._fields(res))
        if res.get("parent_missing"):
            entry["note"] = to_text(res["parent_missing"])
        if failed:
            entry["msg"] = short(plain(res.get("msg") or ("host unreachable" if unreachable else "failed")))
        self._add(entry, failed and not ignored, failed and ignored, bool(res.get("changed")))

    def _add(self, entry, failed, ignored, changed):
        entry = plain(entry)
        if failed or ignored:
            entry["ignored"] = bool(ignored)
            self.failed.append(entry)
        elif changed:
            self.drifted.append(entry)
        else:
            self.checked.append(entry)

    @staticmethod
    def _views(res):
        """The object as the module reports it (its diff's after and before views), for identity arguments
        the task's arguments do not show."""
        diffs = res.get("diff")
        for diff in diffs if isinstance(diffs, list) else [diffs]:
            if isinstance(diff, dict):
                yield diff.get("after")
                yield diff.get("before")

    @staticmethod
    def _args(task, res):
        """The task's arguments as the module received them (templated, no_log values already hidden);
        the task's own arguments when the module did not run (only the literal ones)."""
        invocation = res.get("invocation")
        if isinstance(invocation, dict) and isinstance(invocation.get("module_args"), dict):
            return invocation["module_args"]
        raw = getattr(task, "args", None) or {}
        return dict((key, value) for key, value in raw.items()
                    if not (isinstance(value, str) and ("{{" in value or "{%" in value)))

    @staticmethod
    def _fields(res):
        diffs = res.get("diff")
        if isinstance(diffs, dict):
            diffs = [diffs]
        found = []
        for diff in diffs or []:
            if not isinstance(diff, dict):
                continue
            before, after = diff.get("before"), diff.get("after")
            before = before if isinstance(before, dict) else {}
            after = after if isinstance(after, dict) else {}
            found.extend(differences(before, after))
        if not found and isinstance(res.get("proposed"), dict):
            # A change that the before/after views cannot show (a write-only value sent again).
            found = [(to_text(key), None, masked(value) if is_secret_key(key) else mask_secrets(value))
                     for key, value in res["proposed"].items()]
        return [dict(field=field, before=old, after=new) for field, old, new in found]

    # --- writing -------------------------------------------------------------------

    def _report(self):
        check = bool(context.CLIARGS.get("check", False)) if context.CLIARGS else False
        failed = [entry for entry in self.failed if not entry.get("ignored")]
        return {
            "report": "bicom.pbxware.drift_report",
            "format_version": 1,
            "playbooks": self.playbooks,
            "mode": "check" if check else "apply",
            "started": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.started)),
            "finished": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "hosts": sorted(self.hosts),
            "drift_count": len(self.drifted),
            "failed_count": len(failed),
            "checked_count": len(self.drifted) + len(self.checked),
            "drifted": sorted(self.drifted, key=order),
            "failed": sorted(self.failed, key=order),
        }

    @staticmethod
    def _write(path, text):
        directory = os.path.dirname(path)
        handle, tmp = tempfile.mkstemp(prefix=".drift-report-", dir=directory)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
            os.chmod(tmp, 0o644)
            os.rename(tmp, path)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise

    @staticmethod
    def _json(report):
        return json.dumps(report, indent=2, sort_keys=False, ensure_ascii=False) + "\n"

    def _junit(self, report):
        cases = []
        for entry in report["drifted"]:
            case = self._case(entry)
            names = ", ".join(field["field"] for field in entry["fields"]) or "(no field shown)"
            message = "drift (%s): %s" % (entry.get("operation") or "changed", names)
            failure = ET.SubElement(case, "failure", message=message, type="drift")
            failure.text = "\n".join("%s: before %s, after %s" % (field["field"], short(field["before"]),
                                                                  short(field["after"]))
                                     for field in entry["fields"]) or entry.get("note", "")
            cases.append(case)
        for entry in report["failed"]:
            case = self._case(entry)
            if entry.get("ignored"):
                ET.SubElement(case, "skipped", message="failed, ignored: %s" % entry.get("msg", ""))
            else:
                ET.SubElement(case, "error", message=entry.get("msg", "failed"), type="task_failed")
            cases.append(case)
        for entry in sorted(self.checked, key=order):
            cases.append(self._case(entry))
        suite = ET.Element("testsuite", name="bicom.pbxware drift report: %s" % (", ".join(report["playbooks"]) or "-"),
                           tests=str(len(cases)), failures=str(report["drift_count"]),
                           errors=str(report["failed_count"]),
                           skipped=str(len(report["failed"]) - report["failed_count"]),
                           timestamp=report["started"], time="%.3f" % (time.time() - self.started))
        properties = ET.SubElement(suite, "properties")
        ET.SubElement(properties, "property", name="mode", value=report["mode"])
        ET.SubElement(properties, "property", name="hosts", value=",".join(report["hosts"]))
        suite.extend(cases)
        root = ET.Element("testsuites", name="bicom.pbxware.drift_report", tests=suite.get("tests"),
                          failures=suite.get("failures"), errors=suite.get("errors"))
        root.append(suite)
        if hasattr(ET, "indent"):
            ET.indent(root)
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    @staticmethod
    def _case(entry):
        name = "%s: %s %s" % (entry["host"], entry["module"][len(COLLECTION):], identity_text(entry))
        return ET.Element("testcase", classname="%s.%s" % (entry["host"], entry["module"]), name=name)

    @staticmethod
    def _markdown(report):
        lines = [
            "# PBXware drift report",
            "",
            "- Playbook: %s" % (", ".join(report["playbooks"]) or "-"),
            "- Mode: %s; started %s, finished %s" % (report["mode"], report["started"], report["finished"]),
            "- Hosts: %s" % (", ".join(report["hosts"]) or "-"),
            "- **%d drifted object(s)**, %d failed task(s), %d object(s) checked"
            % (report["drift_count"], report["failed_count"], report["checked_count"]),
            "",
        ]
        if report["drifted"]:
            lines += ["| Host | Tenant | Module | Object | Operation | Field | Before | After |",
                      "| --- | --- | --- | --- | --- | --- | --- | --- |"]
            for entry in report["drifted"]:
                for field in entry["fields"] or [dict(field="", before=None, after=None)]:
                    lines.append("| %s |" % " | ".join((
                        cell(entry["host"]), cell(entry["tenant"]), cell(entry["module"][len(COLLECTION):]),
                        cell(identity_text(entry)), cell(entry.get("operation")), cell(field["field"]),
                        cell(field["before"]), cell(field["after"]))))
            lines.append("")
        else:
            lines += ["No drift: every object matches the playbook.", ""]
        if report["failed"]:
            lines += ["## Failed tasks", "", "| Host | Module | Object | Task | Message |", "| --- | --- | --- | --- | --- |"]
            for entry in report["failed"]:
                lines.append("| %s |" % " | ".join((
                    cell(entry["host"]), cell(entry["module"][len(COLLECTION):]), cell(identity_text(entry)),
                    cell(entry["task"]), cell(("(ignored) " if entry.get("ignored") else "") + entry.get("msg", "")))))
            lines.append("")
        return "\n".join(lines)

    def _summary(self, report):
        lines = ["DRIFT REPORT: %d drifted object(s), %d failed task(s), %d object(s) checked (%s mode)"
                 % (report["drift_count"], report["failed_count"], report["checked_count"], report["mode"])]
        for entry in report["drifted"]:
            fields = ", ".join(field["field"] for field in entry["fields"]) or "-"
            lines.append("  %s %s %s: %s [%s]" % (
                entry["host"], entry["module"][len(COLLECTION):], identity_text(entry),
                entry.get("operation") or "changed", fields))
        for entry in report["failed"]:
            if not entry.get("ignored"):
                lines.append("  FAILED %s %s %s: %s" % (
                    entry["host"], entry["module"][len(COLLECTION):], identity_text(entry), entry.get("msg", "")))
        lines.append("  written to %s" % (", ".join(self.written) if self.written else "(nothing written)"))
        return "\n".join(lines)
