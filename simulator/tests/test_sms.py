"""pbxware.sms.trunks.* and pbxware.sms.trunks.tenants.* over HTTP."""
import json

import pytest

from pbxware_sim.registry import load_objects, lookup

load_objects()

TELNYX = {"enabled": 1, "name": "Telnyx main", "provider": "telnyx", "national_prefix": "49",
          "description": "Main SMS", "api_key": "KEY-telnyx-1", "public_key": "pub-1",
          "messaging_profile_id": "profile-1"}
TWILIO = {"account_sid": "AC0001", "auth_token": "Token-twilio-1"}


def add(sim, **args):
    answer = sim.post("pbxware.sms.trunks.add", **args)
    assert isinstance(answer.get("id"), int), answer
    return str(answer["id"])


def test_empty_lists_are_arrays(sim):
    assert sim.post("pbxware.sms.trunks.list") == []
    assert sim.post("pbxware.sms.trunks.tenants.list") == {
        "2": {"id": None, "enabled": None, "name": None, "provider": None},
        "3": {"id": None, "enabled": None, "name": None, "provider": None}}


def test_add_list_and_configuration(sim):
    assert sim.post("pbxware.sms.trunks.add", **TELNYX) == {"success": "SMS Trunk ID: 1", "id": 1}
    assert sim.post("pbxware.sms.trunks.list") == {"1": {"name": "Telnyx main", "provider": "telnyx"}}
    config = sim.post("pbxware.sms.trunks.configuration", id=1)
    assert config == {"id": 1, "enabled": 1, "name": "Telnyx main", "provider": "telnyx", "national_prefix": "+49",
                      "description": "Main SMS", "api_key": "KEY-telnyx-1", "public_key": "pub-1",
                      "messaging_profile_id": "profile-1"}
    assert list(config) == ["id", "enabled", "name", "provider", "national_prefix", "description", "api_key",
                            "public_key", "messaging_profile_id"]


@pytest.mark.parametrize("provider,args", [
    ("bandwidth", {"username": "bw", "password": "Bw-Pass1", "user_id": "u1", "app_id": "a1"}),
    ("twilio", TWILIO),
    ("vi", {"secret": "Vi-Secret1", "login": "vilogin"}),
])
def test_each_provider_needs_its_arguments(sim, provider, args):
    base = {"enabled": 0, "name": "SMS %s" % provider, "provider": provider}
    for missing in args:
        partial = dict((k, v) for k, v in args.items() if k != missing)
        assert sim.post("pbxware.sms.trunks.add", **dict(base, **partial)) == {
            "error": "Required field '%s' is missing" % missing}
    trunk_id = add(sim, **dict(base, **args))
    config = sim.post("pbxware.sms.trunks.configuration", id=trunk_id)
    assert dict((k, config[k]) for k in args) == args
    assert config["enabled"] == 0 and config["national_prefix"] == "" and config["description"] == ""


def test_ozsms_from_postman_needs_nothing_more(sim):
    trunk_id = add(sim, enabled=1, name="Oz", provider="ozsms", api_key="oz-key")
    config = sim.post("pbxware.sms.trunks.configuration", id=trunk_id)
    assert (config["api_key"], config["username"]) == ("oz-key", "")


def test_arguments_of_another_provider_are_ignored(sim):
    trunk_id = add(sim, **dict(TELNYX, **TWILIO))
    assert "auth_token" not in sim.post("pbxware.sms.trunks.configuration", id=trunk_id)


@pytest.mark.parametrize("args,error", [
    ({"enabled": 1, "provider": "telnyx"}, "Required field 'name' is missing"),
    (dict(TELNYX, name=""), "Required field 'name' is missing"),
    (dict(TELNYX, enabled=2), "Required field 'enabled=2' contains invalid data (Regex: /^(1|0)$/)"),
    (dict(TELNYX, provider="nexmo"),
     "Required field 'provider=nexmo' contains invalid data (Regex: /^(telnyx|bandwidth|twilio|vi|ozsms)$/)"),
    (dict(TELNYX, national_prefix="+49"), "Field 'national_prefix=+49' contains invalid data (Regex: /^\\d+$/)"),
    (dict(TELNYX, server=1), "Unknown field 'server' for action pbxware.sms.trunks.add"),
])
def test_add_validation_creates_nothing(sim, args, error):
    assert sim.post("pbxware.sms.trunks.add", **args) == {"error": error}
    assert sim.post("pbxware.sms.trunks.list") == []


def test_edit_is_partial_and_answers_a_numeric_id(sim):
    trunk_id = add(sim, **TELNYX)
    assert sim.post("pbxware.sms.trunks.edit", id=trunk_id, description="Changed", enabled=0) == {
        "success": "SMS Trunk ID: %s" % trunk_id, "id": int(trunk_id)}
    config = sim.post("pbxware.sms.trunks.configuration", id=trunk_id)
    assert (config["description"], config["enabled"], config["api_key"], config["name"]) == (
        "Changed", 0, "KEY-telnyx-1", "Telnyx main")
    sim.post("pbxware.sms.trunks.edit", id=trunk_id, api_key="KEY-telnyx-2", national_prefix="")
    config = sim.post("pbxware.sms.trunks.configuration", id=trunk_id)
    assert (config["api_key"], config["public_key"], config["national_prefix"]) == ("KEY-telnyx-2", "pub-1", "")


def test_provider_change_needs_every_argument_of_the_new_provider(sim):
    trunk_id = add(sim, **TELNYX)
    assert sim.post("pbxware.sms.trunks.edit", id=trunk_id, provider="twilio", account_sid="AC1") == {
        "error": "Required field 'auth_token' is missing"}
    assert sim.post("pbxware.sms.trunks.configuration", id=trunk_id)["provider"] == "telnyx"
    sim.post("pbxware.sms.trunks.edit", id=trunk_id, provider="twilio", **TWILIO)
    config = sim.post("pbxware.sms.trunks.configuration", id=trunk_id)
    assert config["provider"] == "twilio" and "api_key" not in config
    assert dict((k, config[k]) for k in TWILIO) == TWILIO


def test_unknown_ids(sim):
    for action in ("configuration", "edit", "delete"):
        assert sim.post("pbxware.sms.trunks.%s" % action, id=7) == {"error": "SMS Trunk ID 7 does not exist."}
    assert sim.post("pbxware.sms.trunks.configuration") == {"error": "Required field 'id' is missing"}


def test_tenant_assignment(sim):
    trunk_id = add(sim, **TELNYX)
    assert sim.post("pbxware.sms.trunks.tenants.set", tenant=2, id=trunk_id) == {"success": "Success."}
    assigned = {"id": trunk_id, "enabled": "1", "name": "Telnyx main", "provider": "telnyx"}
    assert sim.post("pbxware.sms.trunks.tenants.get", tenant=2) == assigned
    listed = sim.post("pbxware.sms.trunks.tenants.list")
    assert listed["2"] == assigned and listed["3"]["id"] is None
    assert sim.post("pbxware.sms.trunks.tenants.set", tenant=2) == {"success": "Success."}
    assert sim.post("pbxware.sms.trunks.tenants.get", tenant=2)["id"] is None


@pytest.mark.parametrize("args,error", [
    ({}, "Required field 'tenant' is missing"),
    ({"tenant": 9, "id": 1}, "Tenant ID 9 does not exist."),
    ({"tenant": 1, "id": 1}, "Tenant ID 1 does not exist."),
    ({"tenant": 2, "id": 8}, "SMS Trunk ID 8 does not exist."),
    ({"tenant": 2, "id": 1, "server": 1}, "Unknown field 'server' for action pbxware.sms.trunks.tenants.set"),
])
def test_set_validation(sim, args, error):
    add(sim, **TELNYX)
    assert sim.post("pbxware.sms.trunks.tenants.set", **args) == {"error": error}
    assert sim.post("pbxware.sms.trunks.tenants.get", tenant=2)["id"] is None


def test_delete_unassigns_and_drops_rates(sim):
    trunk_id = add(sim, **TELNYX)
    sim.post("pbxware.sms.trunks.tenants.set", tenant=3, id=trunk_id)
    sim.post("pbxware.splan.sms_rates.edit", id=1, trunk_id=trunk_id, national_sms="0.1")
    assert sim.post("pbxware.sms.trunks.delete", id=trunk_id) == {
        "success": "Deleted SMS Trunk ID '%s' successfully." % trunk_id}
    assert sim.post("pbxware.sms.trunks.list") == []
    assert sim.post("pbxware.sms.trunks.tenants.get", tenant=3)["id"] is None
    assert sim.post("pbxware.splan.sms_rates.list", id=1) == []
    # IDs are never reused.
    assert add(sim, **TELNYX) == str(int(trunk_id) + 1)


def test_credentials_are_declared_secret_and_never_logged(make_sim, tmp_path):
    for name in ("add", "edit"):
        assert lookup("pbxware.sms.trunks.%s" % name).secrets == {"api_key", "password", "auth_token", "secret"}
    log = tmp_path / "requests.jsonl"
    sim = make_sim(request_log=str(log))
    add(sim, **TELNYX)
    assert sim.post("pbxware.sms.trunks.edit", id=1, provider="vi", secret="Vi-Secret1") == {
        "error": "Required field 'login' is missing"}
    entries = [json.loads(line) for line in log.read_text().splitlines()]
    assert [entry["outcome"] for entry in entries] == ["ok", "error"]
    assert "KEY-telnyx-1" not in log.read_text() and "Vi-Secret1" not in log.read_text()


def test_single_tenant_server_has_no_tenants_to_assign(make_sim):
    single = make_sim(tenant_mode=False)
    assert single.post("pbxware.sms.trunks.tenants.list") == []
    assert single.post("pbxware.sms.trunks.tenants.get", tenant=1) == {"error": "Tenant ID 1 does not exist."}
