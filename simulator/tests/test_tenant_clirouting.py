"""pbxware.tenant.clirouting.list|add|edit|delete over HTTP."""
import pytest

EXT = {"server": 2, "name": "Cli User", "email": "cli@example.com", "ext": "101", "location": "1", "ua": "50",
       "status": "1", "pin": "1234", "incominglimit": "2", "outgoinglimit": "2", "voicemail": "1", "prot": "sip",
       "secret": "Cli-Secret9"}
RULE = {"tenant": 2, "callerid": "12125550100", "dest_type": "0", "destination": "101", "matchexplicitly": "0"}


@pytest.fixture
def cli(sim):
    assert "error" not in sim.post("pbxware.ext.add", **EXT)
    return sim


def test_empty_list_is_success_empty_array(sim):
    assert sim.post("pbxware.tenant.clirouting.list", tenant=2) == {"success": []}


def test_add_returns_string_id_and_lists(cli):
    assert cli.post("pbxware.tenant.clirouting.add", **RULE) == {"success": "CLI Routing ID: 1.", "id": "1"}
    assert cli.post("pbxware.tenant.clirouting.add", **dict(RULE, callerid="555", dest_type="8",
                                                           destination="2316", matchexplicitly="1")) == {
        "success": "CLI Routing ID: 2.", "id": "2"}
    assert cli.post("pbxware.tenant.clirouting.list", tenant=2) == {"success": {
        "1": {"callerid": "12125550100", "ext": "101", "type": "network user", "matchtype": "0"},
        "2": {"callerid": "555", "ext": "2316", "type": "trunk", "matchtype": "1"},
    }}
    # Per tenant.
    assert cli.post("pbxware.tenant.clirouting.list", tenant=3) == {"success": []}


def test_deny_access_takes_no_value(cli):
    answer = cli.post("pbxware.tenant.clirouting.add", **dict(RULE, dest_type="10", destination=""))
    assert answer["id"] == "1"
    rule = cli.post("pbxware.tenant.clirouting.list", tenant=2)["success"]["1"]
    assert (rule["type"], rule["ext"]) == ("deny access", "")


@pytest.mark.parametrize("missing", ["tenant", "callerid", "dest_type", "destination", "matchexplicitly"])
def test_add_requires_every_argument(cli, missing):
    args = {k: v for k, v in RULE.items() if k != missing}
    assert cli.post("pbxware.tenant.clirouting.add", **args) == {"error": "Required field '%s' is missing" % missing}


@pytest.mark.parametrize("changes,error", [
    ({"tenant": "x"}, "Required field 'tenant=x' contains invalid data (Regex: /^\\d+$/)"),
    ({"callerid": "1234%"}, "Required field 'callerid=1234%' contains invalid data (Regex: /^\\d+$/)"),
    ({"dest_type": "12"}, "Required field 'dest_type=12' contains invalid data (Regex: /^([0-9]|1[01])$/)"),
    ({"matchexplicitly": "2"}, "Required field 'matchexplicitly=2' contains invalid data (Regex: /^(0|1)$/)"),
    ({"tenant": "99"}, "Tenant ID 99 does not exist."),
    ({"tenant": "1"}, "Tenant ID 1 does not exist."),
    ({"destination": ""}, "Required field 'destination' is missing"),
    ({"destination": "199"}, "Extension 199 does not exist."),
    ({"dest_type": "8", "destination": "7"}, "Trunk ID 7 does not exist."),
    ({"server": "2"}, "Unknown field 'server' for action pbxware.tenant.clirouting.add"),
])
def test_add_validation_changes_nothing(cli, changes, error):
    assert cli.post("pbxware.tenant.clirouting.add", **dict(RULE, **changes)) == {"error": error}
    assert cli.post("pbxware.tenant.clirouting.list", tenant=2) == {"success": []}


def test_extension_of_another_tenant_is_no_destination(cli):
    answer = cli.post("pbxware.tenant.clirouting.add", **dict(RULE, tenant=3, destination="101"))
    assert answer == {"error": "Extension 101 does not exist."}


def test_edit_is_partial_and_returns_string_id(cli):
    cli.post("pbxware.tenant.clirouting.add", **RULE)
    assert cli.post("pbxware.tenant.clirouting.edit", tenant=2, cliroutingid=1, matchexplicitly=1) == {
        "success": "CLI Routing ID: 1.", "id": "1"}
    assert cli.post("pbxware.tenant.clirouting.list", tenant=2)["success"]["1"] == {
        "callerid": "12125550100", "ext": "101", "type": "network user", "matchtype": "1"}
    cli.post("pbxware.tenant.clirouting.edit", tenant=2, cliroutingid=1, dest_type=8, destination=2316,
             callerid="777")
    assert cli.post("pbxware.tenant.clirouting.list", tenant=2)["success"]["1"] == {
        "callerid": "777", "ext": "2316", "type": "trunk", "matchtype": "1"}


@pytest.mark.parametrize("args,error", [
    ({"cliroutingid": 1}, "Required field 'tenant' is missing"),
    ({"tenant": 2}, "Required field 'cliroutingid' is missing"),
    ({"tenant": 2, "cliroutingid": "a"}, "Required field 'cliroutingid=a' contains invalid data (Regex: /^\\d+$/)"),
    ({"tenant": 2, "cliroutingid": 9}, "CLI Routing ID 9 does not exist."),
    ({"tenant": 3, "cliroutingid": 1}, "CLI Routing ID 1 does not exist."),  # another tenant's rule
    ({"tenant": 2, "cliroutingid": 1, "dest_type": "8"}, "Trunk ID 101 does not exist."),
    ({"tenant": 2, "cliroutingid": 1, "callerid": "12a"},
     "Field 'callerid=12a' contains invalid data (Regex: /^\\d+$/)"),
])
def test_edit_validation_changes_nothing(cli, args, error):
    cli.post("pbxware.tenant.clirouting.add", **RULE)
    assert cli.post("pbxware.tenant.clirouting.edit", **args) == {"error": error}
    assert cli.post("pbxware.tenant.clirouting.list", tenant=2)["success"]["1"]["type"] == "network user"


def test_delete(cli):
    cli.post("pbxware.tenant.clirouting.add", **RULE)
    assert cli.post("pbxware.tenant.clirouting.delete", tenant=3, cliroutingid=1) == {
        "error": "CLI Routing ID 1 does not exist."}
    assert cli.post("pbxware.tenant.clirouting.delete", tenant=2) == {
        "error": "Required field 'cliroutingid' is missing"}
    assert cli.post("pbxware.tenant.clirouting.delete", tenant=2, cliroutingid=1) == {
        "success": "CLI Routing successfully deleted!"}
    assert cli.post("pbxware.tenant.clirouting.delete", tenant=2, cliroutingid=1) == {
        "error": "CLI Routing ID 1 does not exist."}
    assert cli.post("pbxware.tenant.clirouting.list", tenant=2) == {"success": []}
    # IDs are never reused.
    assert cli.post("pbxware.tenant.clirouting.add", **RULE)["id"] == "2"


def test_list_requires_tenant(sim):
    assert sim.post("pbxware.tenant.clirouting.list") == {"error": "Required field 'tenant' is missing"}
    assert sim.post("pbxware.tenant.clirouting.list", tenant=42) == {"error": "Tenant ID 42 does not exist."}


def test_deleted_tenant_takes_its_rules(cli):
    cli.post("pbxware.tenant.clirouting.add", **dict(RULE, tenant=3, dest_type="8", destination="2316"))
    cli.post("pbxware.tenant.clirouting.add", **RULE)
    cli.post("pbxware.tenant.delete", server=1, id=3)
    assert list(cli.post("pbxware.tenant.clirouting.list", tenant=2)["success"]) == ["2"]


def test_single_tenant_mode_uses_tenant_1(make_sim):
    single = make_sim(tenant_mode=False)
    assert single.post("pbxware.tenant.clirouting.list", tenant=1) == {"success": []}
    assert single.post("pbxware.tenant.clirouting.list", tenant=2) == {"error": "Tenant ID 2 does not exist."}
    answer = single.post("pbxware.tenant.clirouting.add", tenant=1, callerid="123", dest_type="8",
                         destination="2316", matchexplicitly="0")
    assert answer == {"success": "CLI Routing ID: 1.", "id": "1"}
    assert single.post("pbxware.tenant.clirouting.edit", tenant=1, cliroutingid=1, dest_type=10)["id"] == "1"
    assert single.post("pbxware.tenant.clirouting.list", tenant=1) == {"success": {
        "1": {"callerid": "123", "ext": "", "type": "deny access", "matchtype": "0"}}}
    assert single.post("pbxware.tenant.clirouting.delete", tenant=1, cliroutingid=1) == {
        "success": "CLI Routing successfully deleted!"}


def test_non_strict_mode_ignores_unknown_fields(make_sim):
    lax = make_sim(strict=False)
    answer = lax.post("pbxware.tenant.clirouting.add", server=2, **dict(RULE, dest_type="8", destination="2316"))
    assert answer["id"] == "1"
