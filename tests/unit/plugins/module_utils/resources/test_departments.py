# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Departments: found by name or by ID (renamed), and looked up for other objects."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ParentMissing, ReconcileError, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.departments import (
    DEPARTMENT, DEPARTMENT_BY_ID, find_department_id, validate)

LIST = {"4": {"name": "Sales"}, "6": {"name": "Support"}}


class FakeClient(object):
    def __init__(self, answer):
        self.answer = answer
        self.reads, self.writes = [], []

    def read(self, action, params=None):
        self.reads.append((action, params))
        return self.answer

    def write(self, action, params=None):
        self.writes.append((action, dict(params)))
        return {"success": "Department ID: 4", "id": "4", "name": params.get("name")}


def test_by_name_creates_what_is_missing_and_keeps_what_is_there():
    created = plan(DEPARTMENT, {"name": "Sales"}, None)
    assert created.operation == "create" and created.payload == {"name": "Sales"}
    assert not plan(DEPARTMENT, {"name": "Sales"}, read_view(DEPARTMENT, LIST["4"])).changed
    assert plan(DEPARTMENT, {"name": "Sales"}, {"name": "Sales"}, state="absent").operation == "delete"


def test_by_id_renames_with_edit():
    client = FakeClient(LIST)
    result = Converger(client, DEPARTMENT_BY_ID, "2").converge({"id": "4", "name": "Sales EMEA"}, check_mode=True)
    assert result["operation"] == "update" and result["proposed"] == {"name": "Sales EMEA"}
    assert result["before"] == {"id": "4", "name": "Sales"} and client.writes == []
    Converger(client, DEPARTMENT_BY_ID, "2").converge({"id": "4", "name": "Sales EMEA"})
    assert client.writes == [("pbxware.department.edit", {"server": "2", "id": "4", "name": "Sales EMEA"})]


def test_an_unknown_id_is_not_created():
    with pytest.raises(ParentMissing):
        Converger(FakeClient(LIST), DEPARTMENT_BY_ID, "2").converge({"id": "9", "name": "X"})


def test_info_item_fed_back_changes_nothing():
    client = FakeClient(LIST)
    result = Converger(client, DEPARTMENT_BY_ID, "2").converge({"id": "6", "name": "Support"})
    assert not result["changed"] and client.writes == []


def test_lookup_by_id_then_name():
    client = FakeClient({"4": {"name": "6"}, "6": {"name": "Support"}})
    assert find_department_id(client, "2", "6") == "6"
    assert find_department_id(client, "2", "Support") == "6"
    assert client.reads[0] == ("pbxware.department.list", {"server": "2"})
    with pytest.raises(ParentMissing, match="known: 6, Support"):
        find_department_id(client, "2", "Sales")
    with pytest.raises(ParentMissing):
        find_department_id(FakeClient([]), "2", "Sales")


@pytest.mark.parametrize("params,parameter", [({"id": "four"}, "id"), ({"name": ""}, "name")])
def test_bad_input(params, parameter):
    with pytest.raises(ReconcileError) as err:
        validate(params)
    assert err.value.parameter == parameter
