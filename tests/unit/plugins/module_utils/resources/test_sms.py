# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""SMS trunks, the SMS trunk of a tenant and service-plan SMS rates: tables, checks and calls."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.diff import proposed
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_view, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.service_plans import (
    SMS_RATE, price_text, rate_items, service_plan_item, sms_rate_items, validate_sms_rate)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.sms import (
    SmsTrunkNames, provider_change_resolver, provider_options, sms_trunk_item, sms_trunk_resource,
    tenant_sms_trunk_items, tenant_sms_trunk_resource, validate_sms_trunk)

# pbxware.sms.trunks.list row merged with pbxware.sms.trunks.configuration (the reference's example).
TELNYX_RAW = {"id": 3, "enabled": 1, "name": "SMS Trunk 1", "provider": "telnyx", "national_prefix": "+49",
              "description": "Test SMS Trunk for API", "api_key": "ThisIsApiKey", "public_key": "ThisIsPublicKey",
              "messaging_profile_id": "ThisIsMessagingProfileId"}
TELNYX = {"name": "SMS Trunk 1", "provider": "telnyx", "telnyx_api_key": "ThisIsApiKey",
          "telnyx_public_key": "ThisIsPublicKey", "telnyx_messaging_profile_id": "ThisIsMessagingProfileId"}


def trunk_plan(params, raw="current", force=True):
    raw = TELNYX_RAW if raw == "current" else raw
    resource = sms_trunk_resource(params.get("provider"))
    current = read_view(resource, raw) if raw is not None else None
    desired = dict((name, params.get(name)) for name in resource.by_name)
    return plan(resource, desired, current, force_write_only=provider_options(params.get("provider")) if force else ())


def test_configuration_reads_back_as_the_options():
    view = read_view(sms_trunk_resource("telnyx"), TELNYX_RAW)
    assert view == dict(TELNYX, enabled=True, national_prefix="49", description="Test SMS Trunk for API")


def test_create_sends_write_names_enabled_by_default():
    result = trunk_plan(dict(TELNYX, national_prefix="+49"), raw=None)
    assert result.operation == "create"
    assert result.payload == {"name": "SMS Trunk 1", "provider": "telnyx", "enabled": True, "national_prefix": "49",
                              "api_key": "ThisIsApiKey", "public_key": "ThisIsPublicKey",
                              "messaging_profile_id": "ThisIsMessagingProfileId"}


@pytest.mark.parametrize("provider,options", [
    ("telnyx", ["telnyx_api_key", "telnyx_public_key", "telnyx_messaging_profile_id"]),
    ("bandwidth", ["bandwidth_username", "bandwidth_password", "bandwidth_user_id", "bandwidth_app_id"]),
    ("twilio", ["twilio_account_sid", "twilio_auth_token"]),
    ("vi", ["vi_secret", "vi_login"]),
])
def test_create_requires_every_argument_of_a_reference_provider(provider, options):
    with pytest.raises(ReconcileError) as err:
        trunk_plan({"name": "New", "provider": provider}, raw=None)
    assert err.value.message == "creating SMS trunk requires %s" % ", ".join(options)


def test_ozsms_requires_nothing_more():
    assert trunk_plan({"name": "Oz", "provider": "ozsms"}, raw=None).payload == {
        "name": "Oz", "provider": "ozsms", "enabled": True}


def test_same_trunk_is_no_change_and_a_changed_credential_is_masked():
    assert trunk_plan(dict(TELNYX, enabled=True, national_prefix="49")).operation is None
    resource = sms_trunk_resource("telnyx")
    result = trunk_plan(dict(TELNYX, telnyx_api_key="NewKey", description="Other"))
    assert result.payload == {"api_key": "NewKey", "description": "Other"}
    assert proposed(resource, result) == {"telnyx_api_key": "******** (changed)", "description": "Other"}


def test_provider_change_sends_every_argument_of_the_new_provider():
    twilio = {"name": "SMS Trunk 1", "provider": "twilio", "twilio_account_sid": "AC1", "twilio_auth_token": "T"}
    result = trunk_plan(twilio)
    assert result.payload == {"provider": "twilio", "account_sid": "AC1", "auth_token": "T"}
    # Unforced, the new provider's arguments would be left out (the old configuration does not show them).
    assert trunk_plan(twilio, force=False).unverified == ["twilio_account_sid", "twilio_auth_token"]
    resolve = provider_change_resolver()
    assert resolve(dict(twilio), TELNYX_RAW) == twilio
    with pytest.raises(ReconcileError) as err:
        resolve({"name": "SMS Trunk 1", "provider": "twilio", "twilio_account_sid": "AC1"}, TELNYX_RAW)
    assert err.value.parameter == "twilio_auth_token"
    assert "from telnyx to twilio" in err.value.message
    # Same provider: nothing more is required.
    assert resolve({"name": "SMS Trunk 1", "provider": "telnyx"}, TELNYX_RAW) == {"name": "SMS Trunk 1",
                                                                                  "provider": "telnyx"}


def test_provider_change_resends_an_argument_both_providers_share():
    oz_raw = {"name": "Oz", "provider": "ozsms", "enabled": 1, "national_prefix": "", "description": "",
              "api_key": "K", "username": "u"}
    result = trunk_plan({"name": "Oz", "provider": "telnyx", "telnyx_api_key": "K", "telnyx_public_key": "P",
                         "telnyx_messaging_profile_id": "M"}, raw=oz_raw)
    assert result.payload == {"provider": "telnyx", "api_key": "K", "public_key": "P", "messaging_profile_id": "M"}


@pytest.mark.parametrize("params,parameter", [
    ({"provider": "telnyx", "twilio_auth_token": "x"}, "twilio_auth_token"),
    ({"provider": "ozsms", "bandwidth_username": "u"}, "bandwidth_username"),
    ({"provider": "telnyx", "national_prefix": "+4 9"}, "national_prefix"),
])
def test_bad_input_is_refused_before_any_call(params, parameter):
    with pytest.raises(ReconcileError) as err:
        validate_sms_trunk(params)
    assert err.value.parameter == parameter


def test_info_item_is_input_shape_without_credentials():
    item = sms_trunk_item(3, TELNYX_RAW)
    assert item == {"id": "3", "name": "SMS Trunk 1", "provider": "telnyx", "enabled": True, "national_prefix": "49",
                    "description": "Test SMS Trunk for API", "telnyx_public_key": "ThisIsPublicKey",
                    "telnyx_messaging_profile_id": "ThisIsMessagingProfileId"}


# -- the SMS trunk of a tenant ---------------------------------------------------------

SMS_TRUNKS = {"3": {"name": "Bandwidth", "provider": "bandwidth"}, "4": {"name": "Twilio US", "provider": "twilio"}}
TENANTS_LIST = {"2": {"id": None, "enabled": None, "name": None, "provider": None},
                "5": {"id": "3", "enabled": "1", "name": "Bandwidth", "provider": "bandwidth"}}


class FakeApi(object):
    """Answers reads from a dict; records writes, which answer like the reference."""

    def __init__(self, answers, write_answer):
        self.answers = answers
        self.write_answer = write_answer
        self.reads = []
        self.writes = []

    def read(self, action, params=None):
        self.reads.append((action, dict(params or {})))
        return self.answers[action]

    def write(self, action, params=None):
        self.writes.append((action, dict(params or {})))
        return self.write_answer


def test_trunk_names_compare_names_and_write_ids():
    names = SmsTrunkNames(SMS_TRUNKS)
    assert (names.name("4"), names.name("twilio us"), names.name(None), names.name("")) == (
        "Twilio US", "Twilio US", "", "")
    assert (names.trunk_id("Twilio US"), names.trunk_id("")) == ("4", "")
    with pytest.raises(ValueError) as err:
        names.name("Twillio")
    assert "closest: Twilio US" in str(err.value)


@pytest.mark.parametrize("tenant,wanted,payload", [
    ("2", "twilio us", {"tenant": "2", "id": "4"}),
    ("5", "", {"tenant": "5", "id": ""}),
    ("5", "3", None),
])
def test_tenant_sms_trunk_set_takes_the_tenant_and_the_trunk_id(tenant, wanted, payload):
    api = FakeApi({"pbxware.sms.trunks.tenants.list": TENANTS_LIST}, {"success": "Success."})
    resource = tenant_sms_trunk_resource(SmsTrunkNames(SMS_TRUNKS))
    result = Converger(api, resource).converge({"tenant_id": tenant, "sms_trunk": wanted}, check_mode=True)
    assert result["changed"] is (payload is not None)
    assert api.writes == []
    Converger(api, resource).converge({"tenant_id": tenant, "sms_trunk": wanted})
    assert api.writes == ([("pbxware.sms.trunks.tenants.set", payload)] if payload else [])


def test_a_tenant_the_list_does_not_show_is_missing():
    api = FakeApi({"pbxware.sms.trunks.tenants.list": TENANTS_LIST}, {})
    resource = tenant_sms_trunk_resource(SmsTrunkNames(SMS_TRUNKS))
    with pytest.raises(ReconcileError) as err:
        Converger(api, resource).converge({"tenant_id": "9", "sms_trunk": "Bandwidth"})
    assert "tenant_id 9 does not exist" in err.value.message and api.writes == []


def test_unknown_trunk_name_is_refused_before_any_call():
    resource = tenant_sms_trunk_resource(SmsTrunkNames(SMS_TRUNKS))
    with pytest.raises(ReconcileError) as err:
        desired_view(resource, {"tenant_id": "2", "sms_trunk": "Nexmo"})
    assert err.value.parameter == "sms_trunk"


def test_tenant_items_are_input_shape():
    assert tenant_sms_trunk_items(TENANTS_LIST) == [{"tenant_id": 2, "sms_trunk": ""},
                                                    {"tenant_id": 5, "sms_trunk": "Bandwidth"}]
    assert tenant_sms_trunk_items([]) == []


# -- service plans ------------------------------------------------------------------------

SMS_RATES = {"3": {"trunk_name": "Test", "national_sms": 0.1, "international_sms": 0.9, "national_mms": 0.2,
                   "international_mms": 1.1, "inclusive_messages": "0"},
             "4": {"trunk_name": "Other", "national_sms": 0.0, "international_sms": 0.0, "national_mms": 0.0,
                   "international_mms": 0.0, "inclusive_messages": ""}}


def test_sms_rate_edit_compares_prices_as_numbers():
    api = FakeApi({"pbxware.splan.sms_rates.list": SMS_RATES}, {"success": "Trunk ID: 3", "id": 3})
    unchanged = {"sms_trunk": "3", "national_sms": "0.10", "international_mms": 1.1, "inclusive_messages": "disabled"}
    assert not Converger(api, SMS_RATE, scope={"id": "1"}).converge(unchanged)["changed"]
    result = Converger(api, SMS_RATE, scope={"id": "1"}).converge(
        {"sms_trunk": "3", "national_sms": 0.00001, "inclusive_messages": "not_set"})
    assert result["changed"] and result["proposed"] == {"national_sms": 0.00001, "inclusive_messages": "not_set"}
    assert api.writes == [("pbxware.splan.sms_rates.edit",
                           {"id": "1", "trunk_id": "3", "national_sms": "0.00001", "inclusive_messages": ""})]
    assert all(params == {"id": "1"} for action, params in api.reads)


def test_sms_rate_of_a_trunk_the_list_lacks_is_the_same_edit():
    api = FakeApi({"pbxware.splan.sms_rates.list": []}, {"success": "Trunk ID: 7", "id": 7})
    result = Converger(api, SMS_RATE, scope={"id": "1"}).converge({"sms_trunk": "7", "national_sms": 0.5},
                                                                  check_mode=True)
    assert result["operation"] == "create" and api.writes == []
    assert plan(SMS_RATE, {"sms_trunk": "7", "national_sms": 0.5}).payload == {"trunk_id": "7", "national_sms": "0.5"}


def test_sms_rate_checks_and_formats():
    with pytest.raises(ReconcileError) as err:
        validate_sms_rate({"national_mms": -0.1})
    assert err.value.parameter == "national_mms"
    assert (price_text(0.1), price_text(2.0), price_text(1e-05)) == ("0.1", "2.0", "0.00001")


def test_sms_rate_items_are_input_shape():
    assert sms_rate_items(SMS_RATES, "Standard") == [
        {"service_plan": "Standard", "sms_trunk": "Test", "national_sms": 0.1, "international_sms": 0.9,
         "national_mms": 0.2, "international_mms": 1.1, "inclusive_messages": "disabled"},
        {"service_plan": "Standard", "sms_trunk": "Other", "national_sms": 0.0, "international_sms": 0.0,
         "national_mms": 0.0, "international_mms": 0.0, "inclusive_messages": "not_set"}]


def test_service_plan_rows_and_rates():
    row = {"name": "Test1", "tbd": "0", "min_charge": "0.15000", "connection_charge": "0.00000", "inclusive": "0",
           "inclusive_inbound": 0, "grace_period": "0", "billing": "1/1"}
    assert service_plan_item(1, row) == {"id": "1", "name": "Test1", "tbd": "0", "min_charge": "0.15000",
                                         "connection_charge": "0.00000", "inclusive": "0", "inclusive_inbound": False,
                                         "grace_period": "0", "call_rating": "1/1"}
    rate = {"inbound": "100.00000", "outbound": "100.00000", "inclusives": "1", "billing": "1/1",
            "call_rating": "1/1", "min_charge": "1.00000", "connection_charge": "0.00000"}
    assert rate_items({"1:135:1": rate}) == [{
        "route": "135", "destination_group": "1", "inbound": "100.00000", "outbound": "100.00000", "inclusives": "1",
        "call_rating": "1/1", "min_charge": "1.00000", "connection_charge": "0.00000"}]
    assert rate_items({"1:135:2": {"70": rate}})[0]["tbd"] == "70"
    assert rate_items([]) == []
