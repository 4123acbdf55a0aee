# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Honest failures: every bad input fails, names its parameter, and sends no write (or no call at all)."""

import collections
import os

import pytest

from bad_input_cases import CASES, NONE, READS
from harness import run_module

MODULES_DIR = os.path.join("plugins", "modules")
MIN_CASES = 120


def params():
    return [pytest.param(item, id=item["id"], marks=marks(item)) for item in CASES]


def marks(item):
    return [pytest.mark.xfail(reason=item["xfail"], strict=True)] if item.get("xfail") else []


def describe(result, log):
    calls = ", ".join("%s x%d" % pair for pair in sorted(log["by_action"].items())) or "none"
    return "msg: %r; API calls: %s" % (result.get("msg"), calls)


@pytest.mark.parametrize("item", params())
def test_refused_before_any_write(fresh_sim, item):
    result = run_module(fresh_sim, item["module"], item["args"], check_mode=item.get("check_mode", False))
    log = fresh_sim.requests()
    details = describe(result, log)
    assert result.get("failed") is True, "accepted: %s" % details
    assert not result.get("changed"), "failed but reported a change: %s" % details
    msg = result.get("msg") or ""
    assert item["parameter"] in msg, "the message does not name %s: %s" % (item["parameter"], details)
    assert item["match"] in msg, "the message lacks %r: %s" % (item["match"], details)
    assert log["writes"] == 0, "%d write(s) reached the server: %s" % (log["writes"], details)
    if item["calls"] == NONE:
        assert log["total"] == 0, "judgeable before any read, yet %d API call(s): %s" % (log["total"], details)


def test_catalogue_shape():
    ids = [item["id"] for item in CASES]
    duplicates = sorted(name for name, count in collections.Counter(ids).items() if count > 1)
    assert not duplicates, "duplicate ids: %s" % duplicates
    assert len(CASES) >= MIN_CASES, "the catalogue has %d cases; at least %d expected" % (len(CASES), MIN_CASES)
    for item in CASES:
        assert item["calls"] in (NONE, READS), item["id"]
        assert set(item) <= {"id", "module", "args", "parameter", "match", "calls", "check_mode", "xfail"}, item["id"]


def test_every_module_is_covered():
    """Each module in plugins/modules has cases; a new module needs its own."""
    here = os.path.dirname(os.path.abspath(__file__))
    modules_dir = os.path.join(os.path.dirname(os.path.dirname(here)), MODULES_DIR)
    modules = sorted(name[:-3] for name in os.listdir(modules_dir)
                     if name.startswith("pbxware_") and name.endswith(".py"))
    covered = collections.Counter(item["module"] for item in CASES)
    assert modules, "no modules found in %s" % modules_dir
    missing = [name for name in modules if covered[name] < 3]
    assert not missing, "modules with fewer than 3 bad-input cases: %s" % ", ".join(missing)
    unknown = sorted(set(covered) - set(modules))
    assert not unknown, "cases for modules that do not exist: %s" % ", ".join(unknown)
