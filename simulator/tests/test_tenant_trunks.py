"""pbxware.tenant.trunks.list|set (Trunks & Tenants) over HTTP."""
import pytest

from pbxware_sim.common import USE_SERVER_OBJECT

TRUNK = {"server": 1, "name": "TestSIP2", "provider_id": 20, "type": "peer", "dtmfmode": "rfc2833",
         "status": "active", "country": 869, "national": 1, "international": "011", "emerg_trunk": "yes",
         "host": "sip2.example.net", "username": "u2", "insecure": "port,invite", "looserouting": "yes",
         "incominglimit": 5, "outgoinglimit": 5, "codecs": "ulaw", "codecs_ptime": "20"}
KEYS = ["primary_trunk", "secondary_trunk", "tertiary_trunk", "trunks", "primary_emerg_trunk",
        "secondary_emerg_trunk", "tertiary_emerg_trunk", "primary_trunk_cid", "secondary_trunk_cid",
        "tertiary_trunk_cid"]


def test_list_of_a_tenant_without_trunks_is_all_empty_strings(sim):
    answer = sim.post("pbxware.tenant.trunks.list", tenant=2)
    assert list(answer) == KEYS
    assert answer == {key: "" for key in KEYS}


def test_set_then_list_shows_trunk_names(sim):
    second = str(sim.post("pbxware.trunk.add", **TRUNK)["id"])
    answer = sim.post("pbxware.tenant.trunks.set", tenant=2, trunks="2316,%s" % second, primary_trunk=2316,
                      secondary_trunk=second, primary_emerg_trunk=second, tertiary_emerg_trunk=2316)
    assert answer == {"success": "Success."}
    listed = sim.post("pbxware.tenant.trunks.list", tenant=2)
    assert listed == {"primary_trunk": "TestSIP", "secondary_trunk": "TestSIP2", "tertiary_trunk": "",
                      "trunks": "TestSIP, TestSIP2", "primary_emerg_trunk": "TestSIP2",
                      "secondary_emerg_trunk": "", "tertiary_emerg_trunk": "TestSIP",
                      "primary_trunk_cid": "", "secondary_trunk_cid": "", "tertiary_trunk_cid": ""}
    assert all(isinstance(value, str) for value in listed.values())
    # Other tenants are untouched.
    assert sim.post("pbxware.tenant.trunks.list", tenant=3)["trunks"] == ""


def test_set_is_partial_and_empty_values_clear(sim):
    second = str(sim.post("pbxware.trunk.add", **TRUNK)["id"])
    sim.post("pbxware.tenant.trunks.set", tenant=2, trunks="2316", primary_trunk=2316)
    assert sim.post("pbxware.tenant.trunks.set", tenant=2, secondary_trunk=second) == {"success": "Success."}
    listed = sim.post("pbxware.tenant.trunks.list", tenant=2)
    assert (listed["trunks"], listed["primary_trunk"], listed["secondary_trunk"]) == ("TestSIP", "TestSIP",
                                                                                   "TestSIP2")
    sim.post("pbxware.tenant.trunks.set", tenant=2, trunks="", primary_trunk="")
    listed = sim.post("pbxware.tenant.trunks.list", tenant=2)
    assert (listed["trunks"], listed["primary_trunk"], listed["secondary_trunk"]) == ("", "", "TestSIP2")


def test_set_keeps_order_and_drops_duplicates(sim):
    second = str(sim.post("pbxware.trunk.add", **TRUNK)["id"])
    sim.post("pbxware.tenant.trunks.set", tenant=2, trunks="%s,2316,%s" % (second, second))
    assert sim.post("pbxware.tenant.trunks.list", tenant=2)["trunks"] == "TestSIP2, TestSIP"


@pytest.mark.parametrize("args,error", [
    ({}, "Required field 'tenant' is missing"),
    ({"tenant": 99}, "Tenant ID 99 does not exist."),
    ({"tenant": 1}, "Tenant ID 1 does not exist."),
    ({"tenant": 2, "trunks": "2316;1"}, "Field 'trunks=2316;1' contains invalid data (Regex: /^[0-9,]+$/)"),
    ({"tenant": 2, "primary_trunk": "TestSIP"},
     "Field 'primary_trunk=TestSIP' contains invalid data (Regex: /^\\d{1,10}$/)"),
    ({"tenant": 2, "tertiary_emerg_trunk": "12345678901"},
     "Field 'tertiary_emerg_trunk=12345678901' contains invalid data (Regex: /^\\d{1,10}$/)"),
    ({"tenant": 2, "trunks": "2316,7"}, "Trunk ID 7 does not exist."),
    ({"tenant": 2, "secondary_trunk": 7}, "Trunk ID 7 does not exist."),
    ({"tenant": 2, "server": 1}, "Unknown field 'server' for action pbxware.tenant.trunks.set"),
])
def test_set_validation_changes_nothing(sim, args, error):
    assert sim.post("pbxware.tenant.trunks.set", **args) == {"error": error}
    assert sim.post("pbxware.tenant.trunks.list", tenant=2)["trunks"] == ""


def test_list_errors(sim):
    assert sim.post("pbxware.tenant.trunks.list") == {"error": "Required field 'tenant' is missing"}
    assert sim.post("pbxware.tenant.trunks.list", tenant=9) == {"error": "Tenant ID 9 does not exist."}
    assert sim.post("pbxware.tenant.trunks.list", tenant=2, id=2) == {
        "error": "Unknown field 'id' for action pbxware.tenant.trunks.list"}


def test_non_strict_mode_ignores_unknown_fields(make_sim):
    lax = make_sim(strict=False)
    assert lax.post("pbxware.tenant.trunks.set", tenant=2, trunks="2316", server=1) == {"success": "Success."}
    assert lax.post("pbxware.tenant.trunks.list", tenant=2)["trunks"] == "TestSIP"


def test_deleted_trunk_leaves_the_tenant(sim):
    second = str(sim.post("pbxware.trunk.add", **TRUNK)["id"])
    sim.post("pbxware.tenant.trunks.set", tenant=2, trunks="2316,%s" % second, primary_trunk=second,
             primary_emerg_trunk=2316)
    sim.post("pbxware.trunk.delete", server=1, id=second)
    listed = sim.post("pbxware.tenant.trunks.list", tenant=2)
    assert (listed["trunks"], listed["primary_trunk"], listed["primary_emerg_trunk"]) == ("TestSIP", "", "TestSIP")


def test_renamed_trunk_is_listed_under_its_new_name(sim):
    sim.post("pbxware.tenant.trunks.set", tenant=2, trunks="2316", primary_trunk=2316)
    sim.post("pbxware.trunk.edit", server=1, id=2316, name="Renamed")
    listed = sim.post("pbxware.tenant.trunks.list", tenant=2)
    assert (listed["trunks"], listed["primary_trunk"]) == ("Renamed", "Renamed")


def test_deleted_tenant_takes_its_trunk_settings(sim):
    sim.post("pbxware.tenant.trunks.set", tenant=3, trunks="2316", primary_trunk=2316)
    assert sim.post("pbxware.tenant.delete", server=1, id=3)["success"]
    assert sim.post("pbxware.tenant.trunks.list", tenant=3) == {"error": "Tenant ID 3 does not exist."}


@pytest.mark.parametrize("action,args", [
    ("pbxware.tenant.trunks.list", {"tenant": 1}),
    ("pbxware.tenant.trunks.set", {"tenant": 1, "trunks": "2316"}),
])
def test_single_tenant_mode_refuses(make_sim, action, args):
    single = make_sim(tenant_mode=False)
    assert single.post(action, **args) == {"error": USE_SERVER_OBJECT}
