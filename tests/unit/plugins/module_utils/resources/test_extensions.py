# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The extension mapping table: read/write names, options, input checks, UAD resolution."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EXTENSION, check_length, option_fields, resolve_user_agent, user_agent_resolver, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_params, flatten_options, nest_options, plan, read_view)

# ext.configuration over the ext.list row, as the reference documents them.
CONFIGURATION = {
    "name": "User 530", "email": "u@example.com", "pin": "1234", "protocol": "sip", "ext": "530",
    "location": "local", "user_language": "en", "ua_id": "50", "ua_name": "generic_sip",
    "ua_fullname": "Generic SIP", "status": "enabled", "service_plan": "", "department": "4,6",
    "options": {"dtmfmode": "rfc2833", "voicemail": "1", "incominglimit": "1", "outgoinglimit": "2",
                "secret": "Abcdef-12", "allow": ["ulaw", "alaw"], "ringtime": "32", "mac": ""},
}
UADS = {"50": {"name": "generic_sip", "fullname": "Generic SIP", "enabled": True},
        "135": {"name": "yealinkt41", "fullname": "Yealink T41", "enabled": True}}


class FakeClient(object):
    def __init__(self):
        self.calls = []

    def read(self, action, params=None):
        self.calls.append(action)
        return UADS


def test_read_names_map_to_options():
    view = read_view(EXTENSION, CONFIGURATION)
    assert view == {
        "extension": "530", "name": "User 530", "email": "u@example.com", "protocol": "sip", "location": "local",
        "user_agent": "50", "status": "enabled", "pin": "1234", "secret": "Abcdef-12", "incoming_limit": 1,
        "outgoing_limit": 2, "voicemail": True, "department": ["4", "6"], "service_plan": "",
        "user_language": "en", "codecs": ["ulaw", "alaw"],
    }


def test_write_names_and_values_on_create():
    params = {"extension": "531", "name": "N", "email": "n@example.com", "protocol": "sip", "location": "remote",
              "user_agent": "135", "status": "disabled", "pin": "1234", "secret": "Abcdef-12",
              "incoming_limit": 2, "outgoing_limit": 2, "voicemail": False, "codecs": ["ulaw"], "department": ["4"]}
    payload = plan(EXTENSION, params).payload
    assert payload == {"ext": "531", "name": "N", "email": "n@example.com", "prot": "sip", "location": 2,
                       "ua": "135", "status": 0, "pin": "1234", "secret": "Abcdef-12", "incominglimit": 2,
                       "outgoinglimit": 2, "voicemail": False, "acodecs": ["ulaw"], "department": ["4"]}


def test_create_lists_what_the_api_requires():
    with pytest.raises(ReconcileError) as info:
        plan(EXTENSION, {"extension": "531", "name": "N"})
    for name in ("email", "protocol", "location", "user_agent", "status", "pin", "secret",
                 "incoming_limit", "outgoing_limit", "voicemail"):
        assert name in info.value.message


def test_options_readable_compared_write_only_not():
    resource = EXTENSION.extended(option_fields({"dtmfmode": "info", "nat": 1, "ringtime": 32}))
    params = flatten_options({"extension": "530", "options": {"dtmfmode": "info", "nat": 1, "ringtime": 32}})
    result = plan(resource, params, read_view(resource, CONFIGURATION))
    assert result.changes == {"options.dtmfmode": ("rfc2833", "info")}
    assert result.payload == {"dtmfmode": "info"}


@pytest.mark.parametrize("options,message", [
    ({"dtmfmod": "x"}, "did you mean dtmfmode"),
    ({"prot": "sip"}, "set it with the protocol option"),
    ({"id": "5"}, "set it with the extension option"),
    ({"server": "2"}, "tenant or tenant_id"),
    ({"qwertyuiop": 1}, "see the module documentation"),
])
def test_bad_option_keys_are_refused(options, message):
    with pytest.raises(ReconcileError, match=message):
        option_fields(options)


def test_nest_is_the_inverse_of_flatten():
    params = {"extension": "1", "options": {"nat": 1}}
    assert nest_options(flatten_options(params)) == params


def test_desired_params_cover_every_field_and_option():
    resource = EXTENSION.extended(option_fields({"nat": 1}))
    desired = desired_params(resource, {"extension": "1", "name": None, "options": {"nat": 1}, "state": "present"})
    assert desired["options.nat"] == 1 and desired["extension"] == "1" and "state" not in desired
    assert set(desired) == set(resource.by_name)


@pytest.mark.parametrize("params,parameter", [
    ({"extension": "10a"}, "extension"),
    ({"pin": "123"}, "pin"),
    ({"pin": "12345"}, "pin"),
    ({"secret": "abc def"}, "secret"),
    ({"secret": "abcdefgh1"}, "secret"),
    ({"password": "pa ss"}, "password"),
    ({"incoming_limit": 1000}, "incoming_limit"),
    ({"outgoing_limit": -1}, "outgoing_limit"),
])
def test_input_the_server_would_reject(params, parameter):
    with pytest.raises(ReconcileError) as info:
        validate(params)
    assert info.value.parameter == parameter


def test_good_input_and_iax_secrets_pass():
    validate({"extension": "101", "pin": "0000", "secret": "Abcdef-12", "incoming_limit": 999})
    validate({"protocol": "iax", "secret": "plainsecret"})


@pytest.mark.parametrize("wanted", ["135", "yealinkt41", "Yealink T41", "YEALINK t41"])
def test_user_agent_by_id_codename_or_name(wanted):
    assert resolve_user_agent(FakeClient(), wanted) == "135"


def test_unknown_user_agent_names_the_closest():
    with pytest.raises(ReconcileError, match="closest: Yealink T41") as info:
        resolve_user_agent(FakeClient(), "Yealink T40")
    assert info.value.parameter == "user_agent"


def test_unchanged_user_agent_needs_no_lookup():
    client = FakeClient()
    resolve = user_agent_resolver(client)
    assert resolve({"user_agent": "Generic SIP"}, CONFIGURATION)["user_agent"] == "50"
    assert resolve({"user_agent": "generic_sip"}, CONFIGURATION)["user_agent"] == "50"
    assert client.calls == []
    assert resolve({"user_agent": "Yealink T41"}, CONFIGURATION)["user_agent"] == "135"
    assert resolve({"user_agent": "Yealink T41"}, None)["user_agent"] == "135"
    assert client.calls == ["pbxware.uads.list", "pbxware.uads.list"]


# -- checks the server would fail anyway, done first ------------------------------------

@pytest.mark.parametrize("params,parameter,words", [
    ({"codecs": ["ulaw", "nosuchcodec"]}, "codecs", "unknown codec 'nosuchcodec'"),
    ({"codecs": ["ulaw,alaw"]}, "codecs", "unknown codec"),
    ({"name": "  "}, "name", "cannot be empty"),
    ({"email": "not-an-address"}, "email", "e-mail address"),
    ({"email": "a@b.com,c@d.com"}, "email", "e-mail address"),
    ({"pin": "83"}, "pin", "quote it"),
    ({"pin": "12345"}, "pin", "exactly 4 digits"),
])
def test_bad_extension_input_is_refused(params, parameter, words):
    with pytest.raises(ReconcileError) as info:
        validate(params)
    assert info.value.parameter == parameter and words in info.value.message


def test_known_codecs_in_any_case_pass():
    validate({"codecs": ["ULAW", "g723.1", "opus"], "email": "front.desk@example.com"})


def test_the_extension_length_is_the_tenants():
    row = {"name": "t1.example.com", "ext_length": 3}
    check_length("101", row)
    check_length("1001", None)  # tenant given by ID: not looked up, not checked
    with pytest.raises(ReconcileError, match="1001 has 4 digits; tenant t1.example.com uses 3-digit"):
        check_length("1001", row)


@pytest.mark.parametrize("read,names", [
    (["ulaw", "alaw"], ["ulaw", "alaw"]),
    (["ulaw,0", "alaw,0"], ["ulaw", "alaw"]),  # a live server's options.allow
    ("ulaw:alaw", ["ulaw", "alaw"]),
    (["G729"], ["g729"]),
])
def test_codecs_are_compared_by_name(read, names):
    assert EXTENSION.by_name["codecs"].normalize(read) == names
