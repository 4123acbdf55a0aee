# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Inbound routing tables: destination types, DIDs, CLI routing, operation times."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import (
    CLI_ROUTING_DESTINATIONS, DID_DESTINATIONS, NamedDestinations, clirouting_resolver)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import (
    DID, DID_CLI_ROUTE, option_fields, reference_resolver, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operation_times import (
    operation_times_resource, pin_warnings, validate as validate_hours)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError, plan, read_view

DID_ROW = {"number": "1212400700", "number2": "", "server": "7", "trunk": "6099", "type": "Extension", "ext": "530",
           "e164": "", "e164_2": "", "status": "enabled", "name": "DID name", "sms_enabled": "1",
           "prioritize_clirouting": "0"}


@pytest.mark.parametrize("value,name", [
    ("External Number", "external_number"), ("5", "external_number"), ("external_number", "external_number"),
    ("Forward DID to Extension (Multi User)", "multi_user"), ("Queues", "queue"), ("17", "parking_lot")])
def test_did_destination_types_from_every_spelling(value, name):
    assert DID_DESTINATIONS.normalize(value) == name


def test_cli_routing_numbers_its_own_types():
    assert CLI_ROUTING_DESTINATIONS.code("voicemail") == 5 and DID_DESTINATIONS.code("voicemail") == 7
    assert CLI_ROUTING_DESTINATIONS.normalize("network user") == "extension"
    assert CLI_ROUTING_DESTINATIONS.normalize("network user (Forward DID)") == "multi_user"
    with pytest.raises(ValueError):
        CLI_ROUTING_DESTINATIONS.normalize("external_number")
    with pytest.raises(ValueError):
        DID_DESTINATIONS.normalize("18")


def test_did_list_row_reads_into_options():
    assert read_view(DID, DID_ROW) == {
        "number": "1212400700", "number_end": "", "trunk": "6099", "destination_type": "extension",
        "destination": "530", "name": "DID name", "enabled": True, "e164": "", "e164_end": "", "sms_enabled": True,
        "prioritize_clirouting": False}


def test_did_create_writes_codes_and_the_enabled_default():
    result = plan(DID, {"number": "1212400701", "trunk": "6099", "destination_type": "external_number",
                        "destination": "+38761000000"})
    assert result.payload == {"did": "1212400701", "trunk": "6099", "dest_type": 5, "destination": "+38761000000",
                              "disabled": False}


def test_did_type_change_brings_the_destination():
    current = read_view(DID, DID_ROW)
    assert plan(DID, {"number": "1212400700", "destination_type": "voicemail"}, current).payload == {
        "dest_type": 7, "destination": "530"}


def test_did_options_are_write_only_and_checked():
    fields = option_fields({"callerid": "Main <1>", "greeting": "greeting-did-x"})
    assert all(field.write_only for field in fields)
    with pytest.raises(ReconcileError, match="options.trunk"):
        option_fields({"trunk": "1"})


@pytest.mark.parametrize("params,parameter", [
    ({"number": "12a"}, "number"),
    ({"number": "110", "number_end": "101"}, "number_end"),
    ({"number": "110", "number_end": "1101"}, "number_end"),
    ({"e164": "15550100", "e164_end": "15550099"}, "e164_end"),
    ({"number": "1", "destination_type": "extension"}, "destination"),
    ({"number": "1", "destination_type": "external_number", "destination": "+1-555"}, "destination"),
])
def test_did_input_refused_before_any_call(params, parameter):
    with pytest.raises(ReconcileError) as info:
        validate(params)
    assert info.value.parameter == parameter


def test_did_input_accepted():
    validate({"number": "101", "number_end": "199", "destination_type": "deny_access"})
    validate({"number": "1", "destination_type": "external_number", "destination": "+38761000000"})


class FakeClient(object):
    def __init__(self):
        self.calls = []

    def read(self, action, params=None):
        self.calls.append(action)
        return {"6099": {"name": "Carrier A"}} if action == "pbxware.trunk.list" else {"4": {"group_name": "NY"}}


def test_trunk_and_group_names_resolve_ids_pass():
    client = FakeClient()
    resolve = reference_resolver(client, "2")
    resolved = resolve({"trunk": "Carrier A", "group": "ny", "destination_type": "deny_access", "destination": None},
                       None)
    assert resolved == {"trunk": "6099", "group": "4", "destination_type": "deny_access", "destination": ""}
    assert reference_resolver(client, "2")({"trunk": "6099", "group": "4"}, None) == {"trunk": "6099", "group": "4"}
    assert client.calls == ["pbxware.trunk.list", "pbxware.didgroup.list"]
    with pytest.raises(ReconcileError, match="closest: Carrier A"):
        reference_resolver(client, "2")({"trunk": "Carrier B"}, None)


class GroupsClient(object):
    """Ring groups, enhanced ring groups (numbered under "number", as the ERG list reads) and IVRs of tenant 2."""

    LISTS = {"pbxware.ring_group.list": {"7": {"name": "Sales", "ext": "600"}},
             "pbxware.erg.list": {"3": {"name": "Support", "number": "610"}},
             "pbxware.ivr.list": {"9": {"name": "MainMenu", "ext": "700"}}}

    def __init__(self):
        self.calls = []

    def read(self, action, params=None):
        self.calls.append((action, params))
        return self.LISTS[action]


@pytest.mark.parametrize("kind,name,number,reads", [
    ("ring_group", "sales", "600", ["pbxware.ring_group.list"]),
    ("ring_group", "Support", "610", ["pbxware.ring_group.list", "pbxware.erg.list"]),
    ("ivr", "MainMenu", "700", ["pbxware.ivr.list"]),
    ("ivr", "700", "700", []),
    ("extension", "100", "100", []),
])
def test_destinations_given_by_name_resolve_to_their_number(kind, name, number, reads):
    client = GroupsClient()
    for resolver in (reference_resolver(client, "2"), clirouting_resolver(client, "2")):
        resolved = resolver({"destination_type": kind, "destination": name}, None)
        assert resolved["destination"] == number
    assert [call[0] for call in client.calls] == reads * 2
    assert all(call[1] == {"server": "2"} for call in client.calls)


def test_each_list_is_read_once_however_many_names_use_it():
    client = GroupsClient()
    named = NamedDestinations(client, "2")
    assert [named.number("ring_group", name) for name in ("Sales", "Support", "sales")] == ["600", "610", "600"]
    assert [call[0] for call in client.calls] == ["pbxware.ring_group.list", "pbxware.erg.list"]


def test_an_unknown_destination_name_is_refused_naming_the_closest():
    with pytest.raises(ReconcileError, match="closest: Sales") as info:
        NamedDestinations(GroupsClient(), "2").number("ring_group", "Sale")
    assert info.value.parameter == "destination"
    validate({"number": "1", "destination_type": "ring_group", "destination": "Sales"})
    with pytest.raises(ReconcileError, match="digits"):
        validate({"number": "1", "destination_type": "queue", "destination": "Sales"})


def test_cli_rule_reads_and_defaults():
    view = read_view(DID_CLI_ROUTE, {"callerid": "1234%", "ext": "100", "type": "network user", "matchtype": "0"})
    assert view == {"callerid": "1234%", "destination_type": "extension", "destination": "100",
                    "match_explicitly": False}
    created = plan(DID_CLI_ROUTE, {"callerid": "1", "destination_type": "deny_access", "destination": ""})
    assert created.payload == {"callerid": "1", "dest_type": 10, "destination": "", "matchexplicitly": False}


OT_READ = {"id": "12451", "status": "on", "greeting": "greeting-Mar-27-2013-15-15-44", "default_dest_ext": "103",
           "default_dest_is_vm": "yes",
           "closed_dates": [{"description": "Closed #1", "destination": "100", "date_from": "2022-05-05",
                             "date_to": "2022-05-06", "time_from": "00:00", "time_to": "06:00"}],
           "custom_destinations": [{"destination": "104", "is_open_range": "yes", "days": "1,2,3,4,5",
                                    "time_from": "08:00", "time_to": "17:00"}],
           "open_days": [{"description": "Open1", "days": "1,2,6", "time_from": "01:01", "time_to": "21:56"}]}


def test_operation_times_compare_in_canonical_form():
    resource = operation_times_resource("erg")
    current = read_view(resource, OT_READ)
    same = plan(resource, {"object_id": 12451, "open_days": [
        {"description": "Open1", "days": [1, 2, 6], "time_from": "1:01", "time_to": "21:56"}],
        "custom_destinations": [{"destination": "104", "is_open_range": True, "days": [1, 2, 3, 4, 5],
                                 "time_from": "08:00", "time_to": "17:00"}],
        "default_destination_is_voicemail": True}, current)
    assert not same.changed
    assert resource.action("set") == "pbxware.otimes.erg.set"


def test_operation_times_write_sends_every_list():
    resource = operation_times_resource("did")
    current = read_view(resource, OT_READ)
    result = plan(resource, {"object_id": "12451", "status": "off"}, current)
    assert result.payload["status"] == "off"
    assert result.payload["closed_dates_date_from"] == ["2022-05-05"]
    assert result.payload["custom_destinations_is_open"] == ["yes"]
    assert result.payload["open_days"] == ["1,2,6"] and result.payload["open_days_time_to"] == ["21:56"]


def test_operation_times_set_carries_the_whole_state():
    # "set the entire state" (reference L6531): a server may reset what a set leaves out, so changing only the
    # opening hours still sends status, greeting and the default destination as they are.
    resource = operation_times_resource("did")
    current = read_view(resource, OT_READ)
    result = plan(resource, {"object_id": "12451", "open_days": [
        {"description": "", "days": [1, 2], "time_from": "09:00", "time_to": "17:00"}]}, current)
    assert list(result.changes) == ["open_days"]
    assert result.payload["status"] == "on"
    assert result.payload["greeting"] == "greeting-Mar-27-2013-15-15-44"
    assert result.payload["default_dest_ext"] == "103" and result.payload["default_dest_is_vm"] == "yes"
    assert result.payload["open_days"] == ["1,2"] and result.payload["closed_dates_dest"] == ["100"]


def test_operation_times_route_pin_goes_with_every_set_and_is_warned_about_otherwise():
    resource = operation_times_resource("route")
    current = read_view(resource, OT_READ)
    with_pin = plan(resource, {"object_id": "12451", "status": "off", "pin": "1234"}, current)
    assert with_pin.payload["pin"] == "1234" and with_pin.unverified == ["pin"]
    assert pin_warnings("route", {"pin": "1234"}, {"changed": True, "operation": "update"}) == []
    unchanged = pin_warnings("route", {"pin": "1234"}, {"changed": False, "operation": None})
    assert len(unchanged) == 1 and "neither compared nor sent" in unchanged[0]
    without = pin_warnings("route", {"pin": None}, {"changed": True, "operation": "update"})
    assert len(without) == 1 and "clears the route's PIN" in without[0]
    assert pin_warnings("did", {"pin": None}, {"changed": True, "operation": "update"}) == []


@pytest.mark.parametrize("params,message", [
    ({"closed_dates": [{"date_from": "2026-13-01", "date_to": "2026-12-01"}]}, "yyyy-mm-dd"),
    ({"closed_dates": [{"date_from": "2026-12-02", "date_to": "2026-12-01"}]}, "before it starts"),
    ({"open_days": [{"days": [0], "time_from": "08:00", "time_to": "09:00"}]}, "days of the week"),
    ({"open_days": [{"days": [1], "time_from": "8h", "time_to": "09:00"}]}, "HH:MM"),
])
def test_operation_times_input_refused(params, message):
    with pytest.raises(ReconcileError, match=message):
        validate_hours(params)
