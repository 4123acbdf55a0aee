# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extension parts (MACs, editions) and one-shot actions."""


import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.actions import run_once
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareTransportError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EDITIONS, EXTENSION_EDITIONS, EXTENSION_MACS, mac_user_agent_resolver,
    selection, validate_macs)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError, plan, read_view

READ_MACS = {"ext": "210", "additional_macaddress": [
    {"macaddress": "805EC0123456", "sn": "SN1", "ua_id": "135", "location": "local", "device_address": ""}]}


class FakeClient(object):
    def __init__(self, answers=None, fail=None):
        self.answers = answers or {}
        self.fail = fail
        self.calls = []

    def read(self, action, params=None):
        self.calls.append((action, params))
        return self.answers.get(action, [])

    def write(self, action, params=None):
        self.calls.append((action, params))
        if self.fail:
            raise self.fail


def test_macs_compare_in_canonical_form():
    current = read_view(EXTENSION_MACS, READ_MACS)
    wanted = [{"mac": "80:5e:c0:12:34:56", "serial": "SN1", "user_agent": "135"}]
    same = plan(EXTENSION_MACS, {"extension": "210", "macs": wanted}, current)
    assert not same.changed


def test_macs_are_written_as_parallel_lists():
    current = read_view(EXTENSION_MACS, {"ext": "210", "additional_macaddress": ""})
    wanted = [{"mac": "80:5e:c0:12:34:56", "user_agent": "135"},
              {"mac": "805ec0abcdef", "location": "remote", "serial": "X"}]
    result = plan(EXTENSION_MACS, {"extension": "210", "macs": wanted}, current)
    assert result.operation == "update"
    assert dict((key, list(value)) for key, value in result.payload.items()) == {
        "values": ["805ec0123456", "805ec0abcdef"], "sn": ["", "X"], "devices": ["135", ""],
        "locations": [1, 2], "device_addresses": ["", ""]}


@pytest.mark.parametrize("macs,message", [
    ([], "at least one"),
    ([{"mac": "zz"}], "macs\\[0\\].mac"),
    ([{"mac": "805ec0123456"}, {"mac": "80-5E-C0-12-34-56"}], "listed twice"),
    ([{"mac": "805ec0123456", "serial": "a,b"}], "comma"),
])
def test_bad_mac_lists(macs, message):
    with pytest.raises(ReconcileError, match=message):
        validate_macs(macs)


def test_mac_user_agents_resolved_with_one_read():
    client = FakeClient({"pbxware.uads.list": {"135": {"name": "yealinkt41", "fullname": "Yealink T41"}}})
    resolved = mac_user_agent_resolver(client)(
        {"macs": [{"mac": "a", "user_agent": "Yealink T41"}, {"mac": "b", "user_agent": "yealinkt41"},
                  {"mac": "c", "user_agent": "50"}]}, None)
    assert [item["user_agent"] for item in resolved["macs"]] == ["135", "135", "50"]
    assert len(client.calls) == 2  # one read per distinct name, none for IDs


def test_selection_reads_flags_and_user_lists_alike():
    modules = selection(("crm", "call popup", "skype"))
    assert modules({"all": 0, "crm": 1, "call_popup": 1, "skype": 0}) == ["crm", "call popup"]
    assert modules(["Call_Popup", "crm"]) == ["crm", "call popup"]
    assert modules({"all": 1, "crm": 0}) == ["crm", "call popup", "skype"]
    assert modules(["none"]) == [] and modules([]) == []
    with pytest.raises(ValueError, match="unknown gold"):
        modules(["gold"])


def test_editions_update_sends_none_for_an_empty_selection():
    current = read_view(EXTENSION_EDITIONS, {"ext": "1", "editions": {"office": 1}, "modules": {},
                                             "use_department_templates": "0"})
    result = plan(EXTENSION_EDITIONS, {"extension": "1", "editions": [], "use_department_templates": False}, current)
    assert result.payload == {"editions": "none"}
    assert read_view(EXTENSION_EDITIONS, {"editions": {"all": 1}})["editions"] == list(EDITIONS)


def test_run_once_looks_before_and_after():
    client = FakeClient()
    assert run_once(client, "pbxware.ext.balance", {}, False, lambda: True) == (False, [])
    assert client.calls == []
    assert run_once(client, "pbxware.ext.balance", {}, True, lambda: False) == (True, [])
    assert client.calls == []
    assert run_once(client, "pbxware.ext.balance", {"refno": "R"}, False, lambda: False) == (True, [])
    assert client.calls == [("pbxware.ext.balance", {"refno": "R"})]


def test_run_once_after_a_timeout_trusts_only_a_fresh_read():
    timeout = PBXwareTransportError("no answer within 30s", "pbxware.ext.balance")
    looks = iter([False, True])
    changed, warnings = run_once(FakeClient(fail=timeout), "pbxware.ext.balance", {}, False, lambda: next(looks))
    assert changed and "fresh read shows it was applied" in warnings[0]
    looks = iter([False, False])
    with pytest.raises(PBXwareTransportError):
        run_once(FakeClient(fail=timeout), "pbxware.ext.balance", {}, False, lambda: next(looks))
    client = FakeClient(fail=timeout)
    with pytest.raises(PBXwareTransportError):
        run_once(client, "pbxware.ext.voicemail.delete", {}, False)
    assert len(client.calls) == 1
