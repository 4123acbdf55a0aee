# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Apps templates (both answer shapes of templates.list) and the apps slots."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_view, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.apps import (
    APPS_TEMPLATE, app_slots, template_rows)

ROW = {"department_id": 5, "department_name": "Sales", "editions": "business,agent", "modules": "call popup,crm"}
KEYED = {"5": ROW}   # the reference's answer
LISTED = [ROW]       # the vendor's Postman test's


class FakeClient(object):
    def __init__(self, answer):
        self.answer = answer
        self.writes = []

    def read(self, action, params=None):
        return self.answer

    def write(self, action, params=None):
        self.writes.append((action, dict(params)))
        return {"success": "Department ID: 5", "id": 5}


def test_lists_compare_as_sets():
    current = read_view(APPS_TEMPLATE, ROW)
    assert current == {"department": "5", "editions": ["agent", "business"], "modules": ["crm", "call popup"]}
    same = {"department": "5", "editions": ["business", "agent"], "modules": ["crm", "call popup"]}
    assert not plan(APPS_TEMPLATE, same, current).changed


@pytest.mark.parametrize("stored,wanted", [("all", ["all"]), ("none", []), ("", []), ("none", ["none"])])
def test_all_and_none_as_either_side_writes_them(stored, wanted):
    current = read_view(APPS_TEMPLATE, dict(ROW, modules=stored))
    assert not plan(APPS_TEMPLATE, {"department": "5", "modules": wanted}, current).changed


@pytest.mark.parametrize("answer", [KEYED, LISTED], ids=["reference", "postman"])
def test_set_names_the_department_in_either_answer_shape(answer):
    client = FakeClient(answer)
    result = Converger(client, APPS_TEMPLATE, "2").converge({"department": "5", "editions": ["mobile"]})
    assert result["proposed"] == {"editions": ["mobile"]}
    sent = {"server": "2", "department_id": "5", "editions": ["mobile"]}
    assert client.writes == [("pbxware.apps.templates.set", sent)]


def test_a_department_without_template_gets_one():
    result = plan(APPS_TEMPLATE, {"department": "6", "editions": [], "modules": ["crm"]}, None)
    assert result.operation == "create"
    assert result.payload == {"department_id": "6", "editions": "none", "modules": ["crm"]}


def test_unknown_names_are_refused():
    with pytest.raises(ReconcileError, match="unknown gold"):
        desired_view(APPS_TEMPLATE, {"editions": ["gold"]})


def test_slots_and_rows_in_one_shape():
    slots = app_slots({"OFFICE": {"total": 100, "in_use": 2, "extensions": [100, 102]},
                       "Call Popup": {"total": "15", "in_use": "0", "extensions": []}})
    assert slots == {"office": {"total": 100, "in_use": 2, "extensions": ["100", "102"]},
                     "call popup": {"total": 15, "in_use": 0, "extensions": []}}
    assert app_slots([]) == {}
    assert template_rows({"6": dict(ROW, department_id=6), "5": ROW}) == template_rows([ROW, dict(ROW, department_id=6)])
