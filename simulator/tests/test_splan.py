"""pbxware.splan.list|rates and pbxware.splan.sms_rates.list|edit over HTTP."""
import pytest

TELNYX = {"enabled": 1, "name": "Telnyx main", "provider": "telnyx", "api_key": "k", "public_key": "p",
          "messaging_profile_id": "m"}
UNSET = {"national_sms": 0.0, "international_sms": 0.0, "national_mms": 0.0, "international_mms": 0.0,
         "inclusive_messages": ""}


def test_seeded_plans_list_as_the_reference_shows(sim):
    plans = sim.post("pbxware.splan.list")
    assert sorted(plans) == ["1", "2"]
    assert plans["1"] == {"name": "Standard", "tbd": "0", "min_charge": "0.15000", "connection_charge": "0.00000",
                          "inclusive": "0", "inclusive_inbound": 0, "grace_period": "0", "billing": "1/1",
                          "call_rating": "1/1"}


def test_rates_keys_and_filters(sim):
    rates = sim.post("pbxware.splan.rates", id=1)
    assert list(rates) == ["1:862:1", "1:869:1", "1:869:2"]
    assert rates["1:869:1"] == {"inbound": "0.01000", "outbound": "0.02000", "inclusives": "0", "billing": "1/1",
                                "call_rating": "1/1", "min_charge": "0.00000", "connection_charge": "0.00000"}
    assert list(sim.post("pbxware.splan.rates", id=1, route=869)) == ["1:869:1", "1:869:2"]
    assert list(sim.post("pbxware.splan.rates", id=1, route=869, dgroup=2)) == ["1:869:2"]
    # dgroup counts only with route.
    assert len(sim.post("pbxware.splan.rates", id=1, dgroup=2)) == 3
    assert sim.post("pbxware.splan.rates", id=1, route=135) == []
    # A plan with TBD: a sub-array keyed by the TBD value.
    assert list(sim.post("pbxware.splan.rates", id=2)["2:869:1"]) == ["70"]


@pytest.mark.parametrize("args,error", [
    ({}, "Required field 'id' is missing"),
    ({"id": "x"}, "Required field 'id=x' contains invalid data (Regex: /^\\d+$/)"),
    ({"id": 1, "route": "US"}, "Field 'route=US' contains invalid data (Regex: /^\\d+$/)"),
    ({"id": 9}, "Service Plan ID 9 does not exist."),
])
def test_rates_errors(sim, args, error):
    assert sim.post("pbxware.splan.rates", **args) == {"error": error}


def test_sms_rates_list_every_trunk_then_edit_partially(sim):
    assert sim.post("pbxware.splan.sms_rates.list", id=1) == []
    trunk = str(sim.post("pbxware.sms.trunks.add", **TELNYX)["id"])
    assert sim.post("pbxware.splan.sms_rates.list", id=1) == {trunk: dict(UNSET, trunk_name="Telnyx main")}
    assert sim.post("pbxware.splan.sms_rates.edit", id=1, trunk_id=trunk, national_sms="0.1",
                    international_mms="1.10", inclusive_messages=0) == {"success": "Trunk ID: %s" % trunk,
                                                                        "id": int(trunk)}
    sim.post("pbxware.splan.sms_rates.edit", id=1, trunk_id=trunk, national_mms="0.2")
    assert sim.post("pbxware.splan.sms_rates.list", id=1)[trunk] == {
        "trunk_name": "Telnyx main", "national_sms": 0.1, "international_sms": 0.0, "national_mms": 0.2,
        "international_mms": 1.1, "inclusive_messages": "0"}
    # Other plans are untouched.
    assert sim.post("pbxware.splan.sms_rates.list", id=2)[trunk] == dict(UNSET, trunk_name="Telnyx main")
    sim.post("pbxware.splan.sms_rates.edit", id=1, trunk_id=trunk, inclusive_messages="")
    assert sim.post("pbxware.splan.sms_rates.list", id=1)[trunk]["inclusive_messages"] == ""


@pytest.mark.parametrize("args,error", [
    ({"id": 1}, "Required field 'trunk_id' is missing"),
    ({"id": 9, "trunk_id": 1}, "Service Plan ID 9 does not exist."),
    ({"id": 1, "trunk_id": 5}, "SMS Trunk ID 5 does not exist."),
    ({"id": 1, "trunk_id": 1, "national_sms": "-1"}, "Field 'national_sms=-1' contains invalid data"),
    ({"id": 1, "trunk_id": 1, "national_sms": "0.1", "inclusive_messages": "yes"},
     "Field 'inclusive_messages=yes' contains invalid data"),
    ({"id": 1, "trunk_id": 1, "server": 1}, "Unknown field 'server' for action pbxware.splan.sms_rates.edit"),
])
def test_sms_rates_edit_errors_change_nothing(sim, args, error):
    sim.post("pbxware.sms.trunks.add", **TELNYX)
    assert sim.post("pbxware.splan.sms_rates.edit", **args) == {"error": error}
    assert sim.post("pbxware.splan.sms_rates.list", id=1)["1"] == dict(UNSET, trunk_name="Telnyx main")


def test_sms_rates_list_of_an_unknown_plan(sim):
    assert sim.post("pbxware.splan.sms_rates.list", id=4) == {"error": "Service Plan ID 4 does not exist."}
