# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trunks: read shapes, codecs kept in step with their ptimes, write-only secrets, lookups, server=1."""

import copy

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import diff as diffs
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_params, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.trunks import (
    TRUNK, TRUNK_READ, WRITE_ONLY_SECRETS, matched_ptimes, option_fields, provider_rows, trunk_resolver, validate)

LIST_ROW = {"name": "TestSIP", "protocol": "sip", "provider_id": "19", "provider_name": "SIP-Provider",
            "status": "enabled"}
# The reference's trunk.configuration example (its "sendpai": "test" and others as shown).
CONFIGURATION = {
    "name": "TestSIP", "provider_id": "19", "provider_name": "SIP-Provider", "status": "1", "protocol": "sip",
    "options": {
        "type": "user", "dtmfmode": "rfc2833", "context": "TestSIP", "transport": "udp", "canreinvite": "0",
        "qualify": "0", "host": "test", "incominglimit": "1", "outgoinglimit": "1", "username": "TestSip",
        "secret": "test", "insecure": "port,invite", "allow": ["ulaw,10", "opus,20"],
        "addconfig_sipheader": "TestHeader: 123", "register": "0", "register_suffix": "1", "register_expiration": "5",
        "country": "135", "national": "0", "international": "00", "e164a": "0", "fromuser": "101", "fromdomain": "123",
        "allow_es_callerid": "1", "additional_config": "test", "prefix": "1", "prefix_emerg": "", "testnum": "1",
        "callerid": "677", "sendpai": "test"}}
RAW = dict(LIST_ROW, **CONFIGURATION)
PROVIDERS = {"Generic Analog": ["12", "pstn"], "SIP-Provider": ["19", "voip"], "Generic SIP": ["20", "voip"]}
ROUTES = {"135": ["387", "Bosnia and Herzegovina"], "869": ["1", "United States"]}
NEW_TRUNK = {"name": "Carrier", "provider": "Generic SIP", "type": "friend", "dtmfmode": "rfc2833",
             "country": "United States", "national": "1", "international": "011", "host": "sip.example.net",
             "username": "acme", "secret": "S3cret-Trunk", "insecure": "port,invite", "loose_routing": True,
             "incoming_limit": 30, "outgoing_limit": 30, "codecs": ["ulaw", "alaw"], "codecs_ptime": [20]}


class FakeClient(object):
    """Canned read answers; every read and write recorded with its arguments."""

    def __init__(self, answers=None):
        self.answers = answers or {}
        self.reads = []
        self.writes = []

    def read(self, action, params=None):
        self.reads.append((action, dict(params or {})))
        return copy.deepcopy(self.answers[action])

    def write(self, action, params=None):
        self.writes.append((action, dict(params or {})))
        return {"success": "Trunk ID: 7", "id": 7}


def desired(params, options=None):
    resource = TRUNK.extended(option_fields(options))
    return resource, desired_params(resource, dict(params, options=options))


def test_the_reference_configuration_reads_into_options():
    view = read_view(TRUNK_READ, RAW)
    assert view["status"] == "active" and view["provider"] == "19" and view["country"] == "135"
    assert (view["codecs"], view["codecs_ptime"]) == (["ulaw", "opus"], [10, 20])
    assert (view["incoming_limit"], view["secret"], view["insecure"]) == (1, "test", "port,invite")
    assert view["options.e164a"] is False and view["options.allow_es_callerid"] is True
    assert view["options.prefix_emerg"] is False and view["options.register_suffix"] == "1"
    # Never returned: no key at all, rather than a value that would look known.
    assert not set(view) & {"peer_secret", "auth", "peer_host", "emergency_trunk", "loose_routing"}


@pytest.mark.parametrize("status,name", [("1", "active"), ("0", "inactive"), ("2", "suspended"),
                                         ("enabled", "active"), ("disabled", "inactive")])
def test_status_from_the_configuration_and_the_list(status, name):
    assert read_view(TRUNK, {"status": status})["status"] == name


def test_status_is_written_in_the_apis_words():
    current = read_view(TRUNK, RAW)
    assert plan(TRUNK, {"name": "TestSIP", "status": "inactive"}, current).payload == {"status": "not active"}
    assert plan(TRUNK, {"name": "TestSIP", "status": "active"}, current).operation is None


def test_create_sends_write_names_defaults_and_both_codec_lists():
    client = FakeClient({"pbxware.trunk.providers": PROVIDERS, "pbxware.route.list": ROUTES})
    resource, params = desired(NEW_TRUNK, {"transport": "udp", "e164a": True, "busylevel": 0})
    result = plan(resource, trunk_resolver(client)(params, None))
    assert result.operation == "create"
    assert result.payload == {
        "name": "Carrier", "provider_id": "20", "type": "friend", "dtmfmode": "rfc2833", "status": "active",
        "country": "869", "national": "1", "international": "011", "emerg_trunk": "no", "host": "sip.example.net",
        "username": "acme", "secret": "S3cret-Trunk", "insecure": "port,invite", "looserouting": "yes",
        "incominglimit": 30, "outgoinglimit": 30, "codecs": ["ulaw", "alaw"], "codecs_ptime": [20, 20],
        "transport": "udp", "e164a": "yes", "busylevel": "0"}
    assert [action for action, args in client.reads] == ["pbxware.trunk.providers", "pbxware.route.list"]
    assert diffs.diff(resource, result)["after"]["secret"] == "******** (changed)"


def test_create_needs_what_the_reference_requires():
    resource, params = desired({"name": "Carrier", "provider": "20"})
    with pytest.raises(ReconcileError) as err:
        plan(resource, params)
    assert "type" in err.value.message and "codecs_ptime" in err.value.message and "status" not in err.value.message


def test_codecs_alone_keep_their_ptimes_and_travel_with_them():
    current = read_view(TRUNK, RAW)
    resource, params = desired({"name": "TestSIP", "codecs": ["opus", "ulaw"]})
    result = plan(resource, trunk_resolver(FakeClient())(params, RAW), current)
    assert result.payload == {"codecs": ["opus", "ulaw"], "codecs_ptime": [20, 10]}
    # A ptime change alone brings the codecs, so the two lists always have one size.
    resource, params = desired({"name": "TestSIP", "codecs_ptime": [30]})
    result = plan(resource, trunk_resolver(FakeClient())(params, RAW), current)
    assert result.payload == {"codecs": ["ulaw", "opus"], "codecs_ptime": [30, 30]}


def test_codec_items_with_suffixes_or_other_case_are_no_change():
    current = read_view(TRUNK, RAW)
    resource, params = desired({"name": "TestSIP", "codecs": ["ULAW", "opus"], "codecs_ptime": [10, 20]})
    assert plan(resource, trunk_resolver(FakeClient())(params, RAW), current).operation is None


@pytest.mark.parametrize("codecs,ptimes,message", [
    (["ulaw", "g729"], None, "codecs_ptime is needed for g729"),
    (None, [20, 30, 40], "3 ptimes for the trunk's 2 codecs"),
    ([], [20], "no codecs yet"),
])
def test_ptimes_that_cannot_match_the_codecs_are_refused(codecs, ptimes, message):
    with pytest.raises(ReconcileError) as err:
        matched_ptimes(codecs, ptimes, CONFIGURATION["options"]["allow"])
    assert message in err.value.message and err.value.parameter == "codecs_ptime"


def test_write_only_secrets_are_sent_only_when_forced():
    current = read_view(TRUNK, RAW)
    params = {"name": "TestSIP", "peer_secret": "Peer-Secret-9", "auth": "user:pw@realm", "secret": "test"}
    quiet = plan(TRUNK, params, current)
    assert quiet.operation is None and sorted(quiet.unverified) == ["auth", "peer_secret"]
    forced = plan(TRUNK, params, current, force_write_only=list(WRITE_ONLY_SECRETS))
    assert forced.payload == {"peer_secret": "Peer-Secret-9", "auth": "user:pw@realm"}
    shown = diffs.diff(TRUNK, forced)
    assert shown["after"]["peer_secret"] == "******** (changed)" and shown["before"]["secret"] == "********"
    assert "Peer-Secret-9" not in str(shown) and "Peer-Secret-9" not in str(diffs.proposed(TRUNK, forced))


def test_a_changed_secret_is_compared_and_masked():
    result = plan(TRUNK, {"name": "TestSIP", "secret": "N3w-Secret"}, read_view(TRUNK, RAW))
    assert result.payload == {"secret": "N3w-Secret"}
    assert diffs.proposed(TRUNK, result) == {"secret": "******** (changed)"}


def test_options_compare_flags_as_booleans_and_leave_write_only_ones_unverified():
    resource, params = desired({"name": "TestSIP"}, {"e164a": "no", "allow_es_callerid": "yes", "fromuser": 101,
                                                     "videosupport": True})
    result = plan(resource, params, read_view(resource, RAW))
    assert result.operation is None and result.unverified == ["options.videosupport"]


@pytest.mark.parametrize("options,message", [
    ({"looserouting": "yes"}, "set it with the loose_routing option"),
    ({"provider_id": 20}, "set it with the provider option"),
    ({"server": 1}, "options.server"),
    ({"qualifiy": 1}, "did you mean qualify"),
])
def test_options_accept_only_other_documented_arguments(options, message):
    with pytest.raises(ReconcileError) as err:
        option_fields(options)
    assert message in err.value.message and err.value.parameter == "options"


@pytest.mark.parametrize("params,parameter", [
    ({"national": "+1"}, "national"),
    ({"codecs": ["ulaw", "g711"]}, "codecs"),
    ({"codecs": []}, "codecs"),
    ({"codecs_ptime": [25]}, "codecs_ptime"),
    ({"codecs": ["ulaw", "alaw", "gsm"], "codecs_ptime": [20, 30]}, "codecs_ptime"),
    ({"incoming_limit": -1}, "incoming_limit"),
    ({"options": {"defaultip": "10.0.0"}}, "options.defaultip"),
    ({"options": {"privacy": "hidden"}}, "options.privacy"),
    ({"options": {"fromuser": "a@b"}}, "options.fromuser"),
])
def test_bad_input_is_refused_naming_the_parameter(params, parameter):
    with pytest.raises(ReconcileError) as err:
        validate(dict({"name": "Carrier"}, **params))
    assert err.value.parameter == parameter


def test_good_input_passes_validation():
    validate(dict(NEW_TRUNK, options={"transport": "udp", "area_code": "212", "register": 1, "prefix_emerg": "",
                                      "direct_media": "nonat,update"}))


def test_provider_by_name_costs_one_read_and_only_when_needed():
    client = FakeClient({"pbxware.trunk.providers": PROVIDERS})
    resolve = trunk_resolver(client)
    assert resolve({"provider": "generic sip"}, None)["provider"] == "20"
    assert client.reads == [("pbxware.trunk.providers", {"server": "1"})]
    assert resolve({"provider": "SIP-Provider"}, RAW)["provider"] == "19"  # the trunk's own: no read
    assert resolve({"provider": "12"}, RAW)["provider"] == "12"  # an ID: no read
    assert len(client.reads) == 1
    with pytest.raises(ReconcileError) as err:
        resolve({"provider": "Generic Analog"}, None)
    assert err.value.parameter == "provider" and "pstn" in err.value.message and "Generic SIP" in err.value.message
    with pytest.raises(ReconcileError) as err:
        resolve({"provider": "Generic SPI"}, None)
    assert "closest: Generic SIP" in err.value.message


def test_provider_rows_from_the_reference_shape():
    assert provider_rows(PROVIDERS)[0] == {"id": "12", "name": "Generic Analog", "type": "pstn"}
    assert provider_rows([]) == []


def test_every_call_but_the_list_names_server_1_and_the_configuration_takes_trunkid():
    client = FakeClient({"pbxware.trunk.list": {"2316": LIST_ROW},
                         "pbxware.trunk.configuration": {"2316": CONFIGURATION}})
    result = Converger(client, TRUNK).converge({"name": "TestSIP", "status": "inactive"})
    assert result["operation"] == "update"
    assert client.reads[:2] == [("pbxware.trunk.list", {}),
                                ("pbxware.trunk.configuration", {"server": "1", "trunkid": "2316"})]
    assert client.writes == [("pbxware.trunk.edit", {"server": "1", "id": "2316", "status": "not active"})]
    client.writes = []
    Converger(client, TRUNK).converge({"name": "TestSIP"}, state="absent")
    assert client.writes == [("pbxware.trunk.delete", {"server": "1", "id": "2316"})]
