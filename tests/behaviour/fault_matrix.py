# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fault matrix: what every module must do when the server (or the way to it) fails.

One table, two readers: ``test_fault_matrix.py`` runs every row against the simulator,
and ``python tests/behaviour/fault_matrix.py --markdown > docs/fault-matrix.md`` prints it
as a page (a test fails when the committed page differs from this table).

A row is a *target* (a module doing one create, update or delete, or one enhanced-service
write) with a simulator fault on one of its actions: its write, or one of its reads.
What each row expects follows from the fault's nature, by these rules:

Writes (sent once, never re-sent; the fault fires on the write only):

- answered, not performed (HTTP errors, pages, text, empty, ``{"error"}``, ``[]``): the
  task fails, reports no change, names the write and the cause, and does not say the
  server may still apply it (it answered), except after HTTP 502/504: a gateway answered,
  and PBXware behind it may still have the request. A rerun makes the change.
- not answered, not performed (timeout, dropped connection): the task fails, reports no
  change, and says the server may still apply it. A rerun makes the change.
- performed, answer garbled or lost (truncated JSON, answer lost): a fresh read decides,
  the task reports the change, with a warning naming the write. A rerun changes nothing.
- performed late (after the client gave up and after its fresh read): the task fails and
  says the server may still apply it; once the server has applied it, a rerun changes
  nothing and sends no write (no duplicate).

Reads (retried with backoff; the fault fires on one read action):

- transient (HTTP 5xx and 429, timeout, drop, busy pages, text, empty, truncated): retried
  once, the task succeeds and makes its one write; a 429's ``Retry-After`` sets the wait.
- not transient (a login page, ``{"error"}``, ``[]`` where an object is expected, an HTTP
  503 that never ends): the task fails naming the read and the cause, and sends no write.
  Except where a read finds an object by its identity (``ext.configuration`` with ``ext=100``):
  ``{"error"}`` or ``[]`` there may mean "no such object", so the list decides, the object is
  read by its ID, and the task makes its one write.

Every row also checks: no write sent twice, and ``changed: true`` only with the change
on the server (read back from the simulator's state).
"""

import sys

# The seeded objects (tests/behaviour/harness.py, seeded_fixture; test_fault_matrix checks they agree).
TENANT = "344"          # t1.example.com, tenant ID 2
EXT = "100"             # extension ID 1 of tenant 2
NEW_EXT = "101"
DID = "5551000"

TIMEOUT = 2                 # the module's ``timeout`` in rows whose fault withholds the answer
HANG = TIMEOUT + 1          # ``hang``: no answer for this long, then the connection closes
LATE = TIMEOUT + 1.5        # ``apply_late``: performed this long after it arrived (after the fresh read)
RETRY_AFTER_DATE = 2        # ``http429_date``: Retry-After this many seconds ahead, as an HTTP-date
READ_RETRIES = 3            # the client's retries of a read (engine/client.py)

# -- faults ---------------------------------------------------------------------------------
# key: the row's name for it; kind/count/seconds: the simulator fault; label: the page's words;
# performs: "no" | "yes" | "late"; answered: an HTTP answer came back; transient: a read is retried;
# cause: a piece of the task's message (case-insensitive); on: "both" | "write" | "read";
# retry_after: the wait a 429 asks for (seconds; a (low, high] range for an HTTP-date).

FAULTS = [
    dict(key="http500", kind="http500", label="HTTP 500", performs="no", answered=True, transient=True,
         cause="HTTP 500"),
    # A gateway answered, not PBXware: the request may still be in PBXware's hands.
    dict(key="http502", kind="http502", label="HTTP 502 (a gateway's answer)", performs="no", answered=True,
         transient=True, cause="HTTP 502", gateway=True),
    dict(key="http503", kind="http503", label="HTTP 503", performs="no", answered=True, transient=True,
         cause="HTTP 503"),
    dict(key="http429", kind="http429", label="HTTP 429, `Retry-After: 1`", performs="no", answered=True,
         transient=True, cause="HTTP 429", retry_after=1.0),
    dict(key="http429_date", kind="http429_date", seconds=RETRY_AFTER_DATE,
         label="HTTP 429, `Retry-After` as an HTTP-date (%ds ahead)" % RETRY_AFTER_DATE, performs="no",
         answered=True, transient=True, cause="HTTP 429", retry_after=(0.0, float(RETRY_AFTER_DATE))),
    dict(key="timeout", kind="hang", seconds=HANG, label="no answer (timeout %ds)" % TIMEOUT, performs="no",
         answered=False, transient=True, cause="no answer within %ss" % TIMEOUT, timeout=True),
    dict(key="drop", kind="drop", label="connection dropped", performs="no", answered=False, transient=True,
         cause="connection failed"),
    dict(key="login_page", kind="login_page", label="HTML login page", performs="no", answered=True,
         transient=False, cause="login page", read_count=0),
    dict(key="html", kind="html", label="HTML error page (busy)", performs="no", answered=True, transient=True,
         cause="not JSON"),
    dict(key="plain_text", kind="nonjson", label="plain text", performs="no", answered=True, transient=True,
         cause="not JSON: Failed to generate configuration"),
    dict(key="empty", kind="empty", label="empty body", performs="no", answered=True, transient=True,
         cause="empty body"),
    dict(key="truncated_json", kind="truncated_json", label="truncated JSON (performed)", performs="yes",
         answered=True, transient=True, cause="not JSON"),
    dict(key="api_error", kind="api_error", label='`{"error": ...}`', performs="no", answered=True,
         transient=False, cause="simulated api_error fault"),
    dict(key="empty_list", kind="empty_list", label="`[]` for an object", performs="no", answered=True,
         transient=False, cause="[]"),
    dict(key="answer_lost", kind="drop_after_success", label="performed, answer lost", performs="yes",
         answered=False, transient=True, cause="connection failed", on="write"),
    dict(key="apply_late", kind="apply_late", seconds=LATE,
         label="performed %.1fs late, never answered" % LATE, performs="late", answered=False, transient=True,
         cause="no answer within %ss" % TIMEOUT, timeout=True, on="write"),
    dict(key="http503_forever", kind="http503", count=0, label="HTTP 503 on every try", performs="no",
         answered=True, transient=False, cause="HTTP 503", on="read"),
]
FAULTS_BY_KEY = dict((fault["key"], fault) for fault in FAULTS)

# -- targets --------------------------------------------------------------------------------
# family: "engine" (engine/runner.py's Converger) or "es" (resources/enhanced_services.py's own loop);
# present(state): whether the simulator's state (GET /_sim/state) holds the change.


def _extension(state, number):
    found = [record for record in state.get("extensions", {}).values()
             if record.get("server") == "2" and record.get("ext") == number]
    assert len(found) <= 1, "extension %s exists %d times" % (number, len(found))
    return found[0] if found else None


def _service(state, service):
    return ((_extension(state, EXT) or {}).get("es") or {}).get(service) or {}


TARGETS = [
    dict(key="ext_create", module="pbxware_extension", family="engine", operation="create",
         title="pbxware_extension: create %s" % NEW_EXT, write="pbxware.ext.add",
         args=dict(tenant=TENANT, extension=NEW_EXT, name="Bob Example", email="bob@example.com", protocol="sip",
                   location="local", user_agent="generic_sip", status="enabled", pin="2580",
                   secret="Str0ng!Passw0rd", incoming_limit=2, outgoing_limit=2, voicemail=True),
         change="extension %s exists (once)" % NEW_EXT,
         present=lambda state: _extension(state, NEW_EXT) is not None),
    dict(key="ext_update", module="pbxware_extension", family="engine", operation="update",
         title="pbxware_extension: update %s" % EXT, write="pbxware.ext.edit",
         args=dict(tenant=TENANT, extension=EXT, name="Alice Renamed", email="alice@example.org"),
         change="extension %s is named Alice Renamed" % EXT,
         present=lambda state: (_extension(state, EXT) or {}).get("name") == "Alice Renamed"),
    dict(key="did_delete", module="pbxware_did", family="engine", operation="delete",
         title="pbxware_did: delete %s" % DID, write="pbxware.did.delete",
         args=dict(tenant=TENANT, number=DID, state="absent"),
         change="DID %s is gone" % DID,
         present=lambda state: not any(record.get("number") == DID for record in state.get("dids", {}).values())),
    dict(key="es_edit", module="pbxware_enhanced_service", family="es", operation="edit",
         title="pbxware_enhanced_service: dnd config", write="pbxware.ext.es.dnd.edit",
         args=dict(tenant=TENANT, extension=EXT, service="dnd", config=dict(dnd=2)),
         change="dnd config dnd is 2",
         present=lambda state: (_service(state, "dnd").get("config") or {}).get("dnd") == "2"),
    dict(key="es_set", module="pbxware_enhanced_service", family="es", operation="set",
         title="pbxware_enhanced_service: dnd state", write="pbxware.ext.es.dnd.set",
         args=dict(tenant=TENANT, extension=EXT, service="dnd", state="enabled"),
         change="dnd is enabled",
         present=lambda state: _service(state, "dnd").get("state") == "yes"),
    dict(key="es_set_osc", module="pbxware_enhanced_service", family="es", operation="set_osc",
         title="pbxware_enhanced_service: dnd OSC", write="pbxware.ext.es.dnd.set_osc",
         args=dict(tenant=TENANT, extension=EXT, service="dnd", osc=True),
         change="dnd's OSC state is on",
         present=lambda state: _service(state, "dnd").get("osc") == "yes"),
    dict(key="ess_set", module="pbxware_enhanced_services", family="es", operation="states.set",
         title="pbxware_enhanced_services: states", write="pbxware.ext.es.states.set",
         args=dict(tenant=TENANT, extension=EXT, states=dict(dnd="enabled", followme="pin")),
         change="dnd enabled and followme pin",
         present=lambda state: (_service(state, "dnd").get("state") == "yes"
                                and _service(state, "followme").get("state") == "pin")),
]
TARGETS_BY_KEY = dict((target["key"], target) for target in TARGETS)

# Reads faulted: (target, read action, whether it answers an object: `[]` is then a fault, not "none",
# faults after which the list decides). An extension is looked up by its number with ext.configuration;
# an error or `[]` there may only mean "no such extension", so ext.list decides and the run goes on.
READS = [
    ("ext_update", "pbxware.ext.configuration", True, ("api_error", "empty_list")),
    ("did_delete", "pbxware.did.list", False, ()),
    ("es_set", "pbxware.ext.es.dnd.get", True, ()),
    ("ess_set", "pbxware.ext.es.states.get", True, ()),
]

# Rows the code does not meet yet: strict xfails (they fail the run once fixed; then drop them here).
XFAIL = {}


def _write_row(target, fault):
    performs = fault["performs"]
    row = dict(id="write-%s-%s" % (target["key"], fault["key"]), side="write", target=target["key"],
               action=target["write"], fault=fault["key"], count=1)
    if performs == "yes":
        row.update(outcome="changed", change="present", rerun="unchanged")
        row["says"] = [target["write"], "did not answer cleanly", "fresh read shows the change was applied"]
        row["warns"] = True
    else:
        row.update(outcome="failed", change="late" if performs == "late" else "absent",
                   rerun="unchanged" if performs == "late" else "changed")
        row["says"] = [target["write"], fault["cause"]]
        refused = target["family"] == "engine" and fault["key"] == "api_error"
        if not refused:
            row["says"].append("re-sent")   # "was not re-sent" / "nothing was re-sent"
        row["still_apply"] = not fault["answered"] or fault.get("gateway", False)
        row["warns"] = False
    row["writes"] = 1
    row["retries"] = None
    return row


def _read_row(target, action, answers_object, fault, list_decides=()):
    row = dict(id="read-%s-%s" % (target["key"], fault["key"]), side="read", target=target["key"], action=action,
               fault=fault["key"], count=fault.get("read_count", fault.get("count", 1)), warns=False)
    if fault["transient"] or fault["key"] in list_decides:
        # Retried, or (a lookup by identity) read again by ID once the list has found the object.
        row.update(outcome="changed", change="present", writes=1, retries=1, says=[], rerun=None)
    else:
        retries = READ_RETRIES if fault.get("count") == 0 else 0
        row.update(outcome="failed", change="absent", writes=0, retries=retries, says=[action, fault["cause"]],
                   rerun=None)
    return row


def rows():
    """Every row, in page order: the writes of each target, then the reads."""
    found = []
    for target in TARGETS:
        for fault in FAULTS:
            if fault.get("on", "both") in ("both", "write"):
                found.append(_write_row(target, fault))
    for key, action, answers_object, list_decides in READS:
        for fault in FAULTS:
            if fault.get("on", "both") not in ("both", "read"):
                continue
            if fault["key"] == "empty_list" and not answers_object:
                continue  # `[]` is how PHP answers an empty list: no fault to see
            found.append(_read_row(TARGETS_BY_KEY[key], action, answers_object, fault, list_decides))
    for row in found:
        if row["id"] in XFAIL:
            row["xfail"] = XFAIL[row["id"]]
    return found


ROWS = rows()

# -- the page -------------------------------------------------------------------------------

OUTCOMES = {"changed": "changed", "failed": "**failed**", "unchanged": "ok"}
CHANGES = {"present": "there", "absent": "not there", "late": "not there; there %.1fs later" % LATE}


def _code(text):
    return "`%s`" % text


def _message(row):
    fault = FAULTS_BY_KEY[row["fault"]]
    if not row["says"]:
        return "-"
    words = ["names %s" % _code(row["action"])]
    if row["side"] == "read" or row["outcome"] == "failed":
        words.append("the cause (%s)" % _code(fault["cause"]))
    if row.get("warns"):
        words = ["warning: %s did not answer cleanly, a fresh read shows it applied" % _code(row["action"])]
    if "re-sent" in row["says"]:
        words.append("not re-sent")
    if row.get("still_apply") is True:
        words.append("**may still apply**")
    elif row.get("still_apply") is False:
        words.append("no \"may still apply\"")
    return "; ".join(words)


def _retries(row):
    if row["retries"] is None:
        return "-"
    fault = FAULTS_BY_KEY[row["fault"]]
    text = str(row["retries"])
    wait = fault.get("retry_after")
    if row["retries"] and isinstance(wait, tuple):
        text += " (waits the HTTP-date's %g-%gs)" % wait
    elif row["retries"] and wait:
        text += " (waits %gs)" % wait
    return text


def markdown():
    """The page docs/fault-matrix.md."""
    targets = dict((target["key"], target) for target in TARGETS)
    out = [
        "# Fault matrix",
        "",
        "<!-- Generated by `python tests/behaviour/fault_matrix.py --markdown > docs/fault-matrix.md`;",
        "     tests/behaviour/test_fault_matrix.py fails when this page differs from the table. -->",
        "",
        "What the modules do when PBXware, or the way to it, fails. Every row runs in `make behaviour`",
        "(tests/behaviour/test_fault_matrix.py): the real module, in-process, against the simulator with",
        "one fault injected (`POST /_sim/faults`, simulator/README.md). Each row checks the task's outcome",
        "and message, the writes the server received (each at most once: a write is never re-sent) and,",
        "from the simulator's state, that the change is there exactly when the task says so.",
        "",
        "Rules:",
        "",
        "- **A write** is sent once. When its answer is unclear, a fresh read decides: the change is there,",
        "  the task reports it with a warning; it is not, the task fails, says the write was not re-sent",
        "  and, when no answer came (timeout, dropped connection), that the server **may still apply** it.",
        "  A refused write (`{\"error\": ...}`) fails naming the server's error.",
        "- **A late write** (applied after the client gave up and after its fresh read) leaves a failed",
        "  task saying it may still apply; the rerun, once it has landed, finds it and sends nothing.",
        "- **A read** is retried (up to %d times, with backoff; a 429's `Retry-After`, seconds or" % READ_RETRIES,
        "  HTTP-date, sets the wait) on transient faults, and the task then succeeds. Other faults fail the",
        "  task naming the read and the cause, and no write is sent.",
        "- Timeout rows run with `timeout: %d`." % TIMEOUT,
        "",
        "Columns: *outcome* of the task (`changed`, **failed**, `ok`); *writes*: write requests the server",
        "received; *read retries*: extra requests of the faulted read; *change*: whether the simulator's",
        "state holds the change after the task; *rerun*: the same task run again (faults gone).",
        "",
        "## Faults",
        "",
        "| fault | simulator kind | performed | answer |",
        "| --- | --- | --- | --- |",
    ]
    for fault in FAULTS:
        spec = fault["kind"] + (" (count 0: forever)" if fault.get("count") == 0 else "")
        if fault.get("seconds"):
            spec += ", seconds %g" % fault["seconds"]
        out.append("| %s | `%s` | %s | %s |" % (fault["key"], spec, {"no": "no", "yes": "yes", "late": "later"}[
            fault["performs"]], fault["label"] if fault["answered"] else "none: " + fault["label"]))
    out += ["", "## Targets", "", "| target | module | operation | write | the change |",
            "| --- | --- | --- | --- | --- |"]
    for target in TARGETS:
        cells = (target["key"], target["module"], target["operation"], target["write"], target["change"])
        out.append("| %s | `%s` | %s | `%s` | %s |" % cells)
    for side, heading in (("write", "Faults on the write"), ("read", "Faults on a read")):
        out += ["", "## %s" % heading, "",
                "| row | faulted action | fault | outcome | writes | read retries | message | change | rerun |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        for row in ROWS:
            if row["side"] != side:
                continue
            outcome = OUTCOMES[row["outcome"]]
            if row.get("xfail"):
                outcome += " (xfail)"
            out.append("| %s | `%s` | %s | %s | %d | %s | %s | %s | %s |" % (
                row["id"], row["action"], FAULTS_BY_KEY[row["fault"]]["label"], outcome, row["writes"],
                _retries(row), _message(row), CHANGES[row["change"]],
                {"changed": "changed, 1 write", "unchanged": "ok, no write", None: "-"}[row["rerun"]]))
    out += ["", "## Known gaps (strict xfail)", ""]
    out += ["- `%s`: %s" % (key, reason) for key, reason in sorted(XFAIL.items())] or ["None."]
    counts = {}
    for row in ROWS:
        counts[row["side"]] = counts.get(row["side"], 0) + 1
    out += ["", "%d rows: %d on writes, %d on reads (%s targets)." % (
        len(ROWS), counts.get("write", 0), counts.get("read", 0), len(targets)), ""]
    return "\n".join(out)


def main(argv):
    if argv[1:] != ["--markdown"]:
        sys.stderr.write("usage: python tests/behaviour/fault_matrix.py --markdown > docs/fault-matrix.md\n")
        return 2
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
