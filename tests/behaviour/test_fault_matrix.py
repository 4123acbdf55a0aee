# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Honest failures under faults: every row of fault_matrix.ROWS, run against the simulator.

The client's waits between read retries are recorded, not slept (the computed delay is what
is checked: a 429's Retry-After must set it); everything else is the real module.
"""

import importlib
import os
import time
from unittest import mock

import pytest

import fault_matrix
from fault_matrix import FAULTS_BY_KEY, ROWS, TARGETS_BY_KEY
from harness import EXISTING_DID, EXISTING_EXTENSION, T1_CODE, run_module

CLIENT_MODULE = "ansible_collections.bicom.pbxware.plugins.module_utils.engine.client"
PAGE = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                    "docs", "fault-matrix.md")
LATE_DEADLINE = 10      # seconds past the fault's own delay to wait for a late write to land
_BASELINE = {}          # (target, read action) -> how often a clean run sends it


def messages(result):
    """The result's warnings as text (Ansible returns them as strings or as warning summaries)."""
    found = []
    for item in result.get("warnings") or ():
        if isinstance(item, dict):
            item = (item.get("event") or {}).get("msg") or item.get("msg") or repr(item)
        found.append(str(item))
    return found


def run(sim, target, extra=None):
    """Run ``target``'s module; ``(result, retry delays the client asked for)``."""
    client = importlib.import_module(CLIENT_MODULE)
    original = client.PBXwareClient._delay
    delays = []

    def recorded(self, attempt, err):
        delays.append((err.action, original(self, attempt, err)))
        return 0.0

    # In-process runs share Ansible's global warning list: start each run with it empty.
    warnings = importlib.import_module("ansible.module_utils.common.warnings")
    warnings._global_warnings.clear()  # pylint: disable=protected-access
    warnings._global_deprecations.clear()  # pylint: disable=protected-access
    args = dict(target["args"], **(extra or {}))
    with mock.patch.object(client.PBXwareClient, "_delay", recorded):
        result = run_module(sim, target["module"], args)
    return result, delays


def state(sim):
    return sim.control("GET", "/_sim/state")


def calls(log, action):
    return log["by_action"].get(action, 0)


def describe(result, log):
    shown = dict((key, result.get(key)) for key in ("failed", "changed", "msg"))
    shown["warnings"] = messages(result)
    return "%r; API calls: %s" % (shown, ", ".join("%s x%d" % pair for pair in sorted(log["by_action"].items())))


def baseline(sim, row):
    key = (row["target"], row["action"])
    if key not in _BASELINE:
        sim.reset()
        run(sim, TARGETS_BY_KEY[row["target"]])
        _BASELINE[key] = calls(sim.requests(), row["action"])
        assert _BASELINE[key] >= 1, "a clean run of %s never sends %s" % key
        sim.reset()
    return _BASELINE[key]


def params():
    return [pytest.param(row, id=row["id"],
                         marks=[pytest.mark.xfail(reason=row["xfail"], strict=True)] if row.get("xfail") else [])
            for row in ROWS]


@pytest.mark.parametrize("row", params())
def test_fault_row(fresh_sim, row):
    sim, target, fault = fresh_sim, TARGETS_BY_KEY[row["target"]], FAULTS_BY_KEY[row["fault"]]
    expected_calls = None
    if row["side"] == "read":
        # A failed read ends the task: that read is its first and only use; else the run goes on as usual.
        first = 1 if row["outcome"] == "failed" else baseline(sim, row)
        expected_calls = first + row["retries"]
    assert not target["present"](state(sim)), "the fixture already holds the change of %s" % target["key"]
    spec = dict(kind=fault["kind"], pattern=row["action"], count=row["count"])
    if fault.get("seconds"):
        spec["seconds"] = fault["seconds"]
    sim.control("POST", "/_sim/faults", spec)
    extra = {"timeout": fault_matrix.TIMEOUT} if fault.get("timeout") else None
    started = time.monotonic()
    result, delays = run(sim, target, extra)
    log = sim.requests()
    if row["count"] == 0:
        sim.control("POST", "/_sim/faults/clear")  # a fault that never ends (a pending apply_late must not be cleared)
    now = state(sim)
    details = describe(result, log)
    present = target["present"](now)

    # Honesty first: never a change reported that is not there, never a write sent twice.
    assert not (result.get("changed") and not present), "changed: true, but the change is absent: %s" % details
    assert log["writes"] <= 1, "%d writes sent: %s" % (log["writes"], details)
    assert log["writes"] == row["writes"] and calls(log, target["write"]) == row["writes"], \
        "expected %d write(s): %s" % (row["writes"], details)

    # The outcome.
    if row["outcome"] == "failed":
        assert result.get("failed") is True, "did not fail: %s" % details
        assert bool(result.get("changed")) == present, "changed must say whether the change is there: %s" % details
    else:
        assert not result.get("failed"), "failed: %s" % details
        assert result.get("changed") is (row["outcome"] == "changed"), details
    assert present == (row["change"] == "present"), "change %s expected: %s" % (row["change"], details)

    # The message (or, when the task went on, the warning).
    text = " ".join(messages(result)) if row.get("warns") else (result.get("msg") or "")
    for piece in row["says"]:
        assert piece.lower() in text.lower(), "the message lacks %r: %s" % (piece, details)
    if row.get("still_apply") is not None:
        assert ("may still apply" in text.lower()) == row["still_apply"], \
            "the message %s say the server may still apply it: %s" % (
                "must" if row["still_apply"] else "must not", details)

    # Reads: retried as often as the row says, waiting what a 429 asks for.
    if row["side"] == "read":
        assert calls(log, row["action"]) == expected_calls, \
            "%s sent %d times, expected %d: %s" % (row["action"], calls(log, row["action"]), expected_calls, details)
        wait = fault.get("retry_after")
        asked = [delay for action, delay in delays if action == row["action"]]
        if wait is not None and row["retries"]:
            low, high = wait if isinstance(wait, tuple) else (wait - 0.001, wait)
            assert asked and low < asked[0] <= high + 0.001, "Retry-After %r, the client waited %r" % (wait, asked)

    # The late write lands after the task; the rerun then finds it and sends nothing.
    if row["change"] == "late":
        deadline = started + fault["seconds"] + LATE_DEADLINE
        while not target["present"](state(sim)):
            assert time.monotonic() < deadline, "the late write never landed: %s" % details
            time.sleep(0.1)

    if row["rerun"] is not None:
        sim.control("POST", "/_sim/faults/clear")
        sim.control("POST", "/_sim/requests/clear")
        again = run(sim, target)[0]
        relog = sim.requests()
        redetails = describe(again, relog)
        assert not again.get("failed"), "the rerun failed: %s" % redetails
        assert target["present"](state(sim)), "the rerun did not converge: %s" % redetails
        if row["rerun"] == "unchanged":
            assert not again.get("changed") and relog["writes"] == 0, "the rerun made a duplicate: %s" % redetails
        else:
            assert again.get("changed") and relog["writes"] == 1, "the rerun: %s" % redetails


def test_table_matches_the_fixture():
    assert (fault_matrix.TENANT, fault_matrix.EXT, fault_matrix.DID) == (T1_CODE, EXISTING_EXTENSION, EXISTING_DID)
    ids = [row["id"] for row in ROWS]
    assert len(ids) == len(set(ids)), "duplicate row ids"
    assert set(fault_matrix.XFAIL) <= set(ids), "xfails of rows that do not exist"


def test_page_is_generated_from_the_table():
    with open(PAGE, encoding="utf-8") as handle:
        committed = handle.read()
    assert committed == fault_matrix.markdown(), (
        "docs/fault-matrix.md differs from the table: run "
        "python tests/behaviour/fault_matrix.py --markdown > docs/fault-matrix.md")
