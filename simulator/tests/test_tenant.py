"""pbxware.tenant.list|configuration|add|edit|delete over HTTP."""
import pytest

NEW = {"tenant_name": "t9.example.com", "tenant_code": "909", "package": "2", "ext_length": "4",
       "country": "373", "national": "0", "international": "00"}


def test_list_shape_and_types(sim):
    tenants = sim.post("pbxware.tenant.list")
    assert list(tenants) == ["2", "3"]
    assert tenants["2"] == {"name": "t1.example.com", "tenantcode": "344", "package_id": 1, "package": "Basic",
                            "ext_length": 3, "country_id": 869, "country_code": 1}


def test_configuration_shape(sim):
    config = sim.post("pbxware.tenant.configuration", id=2)
    assert (config["server_name"], config["tenantcode"], config["package_id"], config["country"]) == (
        "t1.example.com", "344", "1", "869")
    assert config["ext_length"] == "3" and config["international"] == "011"
    for key in ("incominglimit", "outgoinglimit", "conch", "quech", "ergch", "aach", "zapch"):
        assert config[key] == "8"
    assert all(isinstance(config[k], list) for k in ("local_codecs", "remote_codecs", "network_codecs"))
    assert "local_channels" not in config and "ldap_password" not in config


def test_configuration_errors(sim):
    assert sim.post("pbxware.tenant.configuration", id=99) == {"error": "Tenant ID 99 does not exist."}
    assert "Tenant mode enabled" in sim.post("pbxware.tenant.configuration", id=1)["error"]
    assert sim.post("pbxware.tenant.configuration")["error"] == "Required field 'id' is missing"


def test_add_returns_numeric_id_and_reads_back(sim):
    answer = sim.post("pbxware.tenant.add", **dict(NEW, local_channels=20, remote_channels=21, conferences=22,
                                                  queues=23, enhanced_ring_groups=24, auto_attendants=25,
                                                  dahdi=26, localcodecs="ulaw:g722", appassword="Xs3cret!x"))
    assert answer == {"success": "Tenant ID: 4", "id": 4}
    listed = sim.post("pbxware.tenant.list")["4"]
    assert listed == {"name": "t9.example.com", "tenantcode": "909", "package_id": 2, "package": "Business",
                      "ext_length": 4, "country_id": 373, "country_code": 49}
    config = sim.post("pbxware.tenant.configuration", id=4)
    assert [config[k] for k in ("incominglimit", "outgoinglimit", "conch", "quech", "ergch", "aach", "zapch")] == [
        "20", "21", "22", "23", "24", "25", "26"]
    assert config["local_codecs"] == ["ulaw", "g722"] and config["appassword"] == "Xs3cret!x"


def test_add_server_must_be_master_when_given(sim):
    assert sim.post("pbxware.tenant.add", server=2, **NEW) == {"error": "In tenant mode, make sure server=1."}
    assert sim.post("pbxware.tenant.add", server=1, **NEW)["id"] == 4


@pytest.mark.parametrize("changes,error", [
    ({"tenant_code": "344"}, "Tenant code 344 already exists."),
    ({"tenant_name": "T1.example.com"}, "Tenant name T1.example.com already exists."),
    ({"tenant_name": "not_a_fqdn"}, "Tenant name 'not_a_fqdn' is not a valid FQDN."),
    ({"package": "42"}, "Tenant package ID 42 does not exist."),
    ({"country": "4242"}, "Country ID 4242 does not exist."),
    ({"ext_length": "17"}, "Required field 'ext_length=17' contains invalid data (Regex: /^([2-9]|(1[0-6]))$/)"),
    ({"ext_length": "1"}, "Required field 'ext_length=1' contains invalid data (Regex: /^([2-9]|(1[0-6]))$/)"),
    ({"tenant_code": "1234"}, "Required field 'tenant_code=1234' contains invalid data (Regex: /^\\d{3}$/)"),
    ({"national": "x"}, "Required field 'national=x' contains invalid data (Regex: /^\\d{1,10}$/)"),
])
def test_add_validation(sim, changes, error):
    assert sim.post("pbxware.tenant.add", **dict(NEW, **changes)) == {"error": error}
    assert sorted(sim.post("pbxware.tenant.list")) == ["2", "3"]


def test_add_rejects_read_names_and_status_in_strict_mode(sim):
    assert "Unknown field 'conch'" in sim.post("pbxware.tenant.add", conch=5, **NEW)["error"]
    assert "Unknown field 'status'" in sim.post("pbxware.tenant.add", status=1, **NEW)["error"]


def test_edit_returns_string_id_and_applies(sim):
    answer = sim.post("pbxware.tenant.edit", server=1, id=2, tenant_name="renamed.example.com", tenant_code="345",
                      package=2, country=862, local_channels=40, status=2, area_code="212")
    assert answer == {"success": "Tenant ID: 2", "id": "2"}
    config = sim.post("pbxware.tenant.configuration", id=2)
    assert (config["server_name"], config["tenantcode"], config["package_id"], config["country"]) == (
        "renamed.example.com", "345", "2", "862")
    assert (config["incominglimit"], config["status"], config["area_code"]) == ("40", "2", "212")
    assert config["ext_length"] == "3"  # untouched


def test_edit_resending_core_fields_is_harmless(sim):
    core = {"tenant_name": "t1.example.com", "tenant_code": "344", "package": 1, "country": 869, "national": 1,
            "international": "011", "ext_length": 3}
    assert sim.post("pbxware.tenant.edit", server=1, id=2, **core)["id"] == "2"


def test_edit_rules(sim):
    assert sim.post("pbxware.tenant.edit", server=1, id=2, ext_length=4) == {
        "error": "Extensions length cannot be changed."}
    assert sim.post("pbxware.tenant.edit", server=2, id=2, national=0) == {
        "error": "In tenant mode, make sure server=1."}
    assert sim.post("pbxware.tenant.edit", id=2, national=0) == {"error": "Required field 'server' is missing"}
    assert sim.post("pbxware.tenant.edit", server=1, id=77) == {"error": "Tenant ID 77 does not exist."}
    assert sim.post("pbxware.tenant.edit", server=1, id=2, tenant_code="454") == {
        "error": "Tenant code 454 already exists."}
    assert sim.post("pbxware.tenant.edit", server=1, id=2, status=5)["error"].startswith("Field 'status=5'")
    assert sim.post("pbxware.tenant.configuration", id=2)["tenantcode"] == "344"


def test_delete(sim):
    assert sim.post("pbxware.tenant.delete", server=2, id=3) == {"error": "In tenant mode, make sure server=1."}
    assert sim.post("pbxware.tenant.delete", server=1, id=3) == {"success": "Deleted Tenant ID 3 successfully."}
    assert sim.post("pbxware.tenant.delete", server=1, id=3) == {"error": "Tenant ID 3 does not exist."}
    assert list(sim.post("pbxware.tenant.list")) == ["2"]
    # IDs are never reused, and the freed code can be taken again.
    assert sim.post("pbxware.tenant.add", **dict(NEW, tenant_code="454"))["id"] == 4


def test_delete_takes_the_tenants_objects(sim):
    state = sim.sim.state
    state.collection("extensions").update({"10": {"server": "3", "ext": "1000"}, "11": {"server": "2", "ext": "100"}})
    state.collection("dids").update({"5": {"server": "3", "number": "123"}})
    sim.post("pbxware.tenant.delete", server=1, id=3)
    assert list(state.collection("extensions")) == ["11"] and state.collection("dids") == {}
