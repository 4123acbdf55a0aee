"""pbxware.package.*, route.list, uads.*, trunk.* and server.configuration over HTTP."""
import pytest

PACKAGE = {"name": "Gold", "call_recordings": 1, "monitoring": 0, "call_screening": 1, "extensions": 50,
           "voicemails": 51, "queues": 52, "cfs": 53, "rgroups": 54, "hot_desking": 55, "ivrs": 56}
TRUNK = {"server": 1, "name": "Carrier", "provider_id": 20, "type": "friend", "dtmfmode": "rfc2833",
         "status": "active", "country": 135, "national": 0, "international": "00", "emerg_trunk": "no",
         "host": "111.111.111.111", "username": "admin", "insecure": "port,invite", "looserouting": "yes",
         "incominglimit": 100, "outgoinglimit": 100, "busylevel": 0, "codecs": "ulaw,alaw", "codecs_ptime": "50,60"}


# -- packages -------------------------------------------------------------
def test_package_list_and_configuration(sim):
    assert sim.post("pbxware.package.list") == {"1": "Basic", "2": "Business"}
    config = sim.post("pbxware.package.configuration", id=2)
    assert list(config) == ["2"]
    assert config["2"]["ext"] == "200" and config["2"]["call_recordings"] == "1"
    assert set(config["2"]) == {"name", "service_plan", "allowed_service_plans", "ext", "voicemail", "queues",
                                "ivr", "cf", "rgroups", "hot_desking", "restrict_splans", "call_recordings",
                                "monitoring", "call_screening"}
    assert all(isinstance(v, str) for v in config["2"].values())
    assert sim.post("pbxware.package.configuration", id=9) == {"error": "Tenant package ID 9 does not exist."}


def test_package_add_uses_write_names(sim):
    answer = sim.post("pbxware.package.add", **PACKAGE)
    assert answer == {"success": "Tenant package: 3.", "id": 3}
    config = sim.post("pbxware.package.configuration", id=3)["3"]
    assert (config["ext"], config["voicemail"], config["queues"], config["cf"], config["ivr"]) == (
        "50", "51", "52", "53", "56")
    assert sim.post("pbxware.package.list")["3"] == "Gold"
    assert "Unknown field 'ext'" in sim.post("pbxware.package.add", ext=5, **PACKAGE)["error"]


def test_package_add_validation(sim):
    args = dict(PACKAGE)
    del args["cfs"]
    assert sim.post("pbxware.package.add", **args) == {"error": "Required field 'cfs' is missing"}
    assert sim.post("pbxware.package.add", **dict(PACKAGE, extensions=12345)) == {
        "error": "Required field 'extensions=12345' contains invalid data (Regex: /^\\d{1,4}$/)"}
    assert sim.post("pbxware.package.add", **dict(PACKAGE, restrict_splans=1)) == {
        "error": "Required field 'allowed_service_plans' is missing"}
    assert sim.post("pbxware.package.add", **dict(PACKAGE, name="basic")) == {
        "error": "Tenant package basic already exists."}


def test_package_edit_and_delete(sim):
    assert sim.post("pbxware.package.edit", server=1, id=1, extensions=25, name="Basic+") == {
        "success": "Tenant package: 1.", "id": "1"}
    assert sim.post("pbxware.package.configuration", id=1)["1"]["ext"] == "25"
    assert sim.post("pbxware.tenant.list")["2"]["package"] == "Basic+"
    assert sim.post("pbxware.package.edit", server=2, id=1) == {"error": "In tenant mode, make sure server=1."}
    assert sim.post("pbxware.package.delete", server=1, id=1) == {
        "error": "Tenant package ID 1 is used by tenant ID 2."}
    new_id = sim.post("pbxware.package.add", **PACKAGE)["id"]
    assert sim.post("pbxware.package.delete", server=1, id=new_id) == {
        "success": "Tenant package ID: %d." % new_id, "id": str(new_id)}
    assert "3" not in sim.post("pbxware.package.list")


# -- routes and UADs -------------------------------------------------------
def test_route_list(sim):
    routes = sim.post("pbxware.route.list")
    assert routes["869"] == ["1", "United States"] and routes["862"] == ["44", "United Kingdom"]
    assert routes["135"] == ["387", "Bosnia and Herzegovina"] and routes["373"][0] == "49"
    assert list(routes) == sorted(routes, key=int)


def test_uads_list_activate_deactivate(sim):
    uads = sim.post("pbxware.uads.list", server=2)
    assert uads["50"] == {"name": "generic_sip", "fullname": "Generic SIP", "enabled": True}
    assert uads["136"] == {"name": "yealinkt42g", "fullname": "Yealink T42G", "enabled": False}
    assert sim.post("pbxware.uads.activate", server=2, id=136) == {"success": "UAD: 136.", "id": "136"}
    assert sim.post("pbxware.uads.list")["136"]["enabled"] is True
    assert sim.post("pbxware.uads.deactivate", server=2, id=136) == {"success": "UAD: 136.", "id": "136"}
    assert sim.post("pbxware.uads.list")["136"]["enabled"] is False
    assert sim.post("pbxware.uads.activate", id=999) == {"error": "UAD ID 999 does not exist."}
    assert sim.post("pbxware.uads.list", server=99) == {"error": "Invalid server ID."}
    assert sim.post("pbxware.uads.list", server="x")["error"].startswith("Field 'server=x'")


# -- trunks ----------------------------------------------------------------
def test_trunk_list_providers_configuration(sim):
    assert sim.post("pbxware.trunk.list") == {"2316": {"name": "TestSIP", "protocol": "sip", "provider_id": "20",
                                                       "provider_name": "Generic SIP", "status": "enabled"}}
    assert sim.post("pbxware.trunk.list", server=2) == sim.post("pbxware.trunk.list")  # no filter in tenant mode
    providers = sim.post("pbxware.trunk.providers", server=1)
    assert providers["Generic SIP"] == ["20", "voip"] and providers["Generic Analog"] == ["12", "pstn"]
    config = sim.post("pbxware.trunk.configuration", trunkid=2316, server=1)["2316"]
    assert (config["status"], config["protocol"], config["options"]["allow"]) == ("1", "sip", ["ulaw,20", "alaw,20"])
    assert sim.post("pbxware.trunk.configuration", trunkid=1, server=1) == {"error": "Trunk ID 1 does not exist."}
    assert sim.post("pbxware.trunk.configuration", trunkid=2316)["error"] == "Required field 'server' is missing"


def test_trunk_add_like_the_vendor_collection(sim):
    answer = sim.post("pbxware.trunk.add", **TRUNK)
    assert answer == {"success": "Trunk ID: 2317", "id": 2317}
    assert sim.post("pbxware.trunk.list")["2317"]["name"] == "Carrier"
    options = sim.post("pbxware.trunk.configuration", trunkid=2317, server=1)["2317"]["options"]
    assert options["allow"] == ["ulaw,50", "alaw,60"] and options["incominglimit"] == "100"
    assert options["context"] == "Carrier" and "codecs" not in options
    # Only the reference example's keys: busylevel, emerg_trunk, looserouting are kept, not shown.
    assert "busylevel" not in options and "emerg_trunk" not in options and "looserouting" not in options


@pytest.mark.parametrize("changes,error", [
    ({"server": 2}, "In tenant mode, make sure server=1."),
    ({"codecs_ptime": "20"}, "Fields codecs and codecs_ptime must match in size"),
    ({"codecs": "ulaw,xyz"}, "Field 'codecs=ulaw,xyz' contains invalid codec 'xyz'"),
    ({"codecs_ptime": "20,5"}, "Field 'codecs_ptime=20,5' contains invalid data"),
    ({"provider_id": 12}, "Provider ID 12 is not a SIP provider (SIP only)."),
    ({"provider_id": 99}, "Provider ID 99 does not exist."),
    ({"name": "testsip"}, "Trunk name testsip already exists."),
    ({"type": "boss"}, "Required field 'type=boss' contains invalid data (Regex: /^(user|friend|peer)$/)"),
])
def test_trunk_add_validation(sim, changes, error):
    assert sim.post("pbxware.trunk.add", **dict(TRUNK, **changes)) == {"error": error}


def test_trunk_edit_and_delete(sim):
    assert sim.post("pbxware.trunk.edit", server=1, id=2316, status="not active", codecs="g729",
                    codecs_ptime="30", secret="N3w-Secret!") == {"success": "Trunk ID: 2316", "id": "2316"}
    assert sim.post("pbxware.trunk.list")["2316"]["status"] == "disabled"
    options = sim.post("pbxware.trunk.configuration", trunkid=2316, server=1)["2316"]["options"]
    assert options["allow"] == ["g729,30"] and options["secret"] == "N3w-Secret!"
    assert sim.post("pbxware.trunk.edit", server=1, id=2316, codecs_ptime="10")["id"] == "2316"  # keeps g729
    assert sim.post("pbxware.trunk.edit", server=1, id=5) == {"error": "Trunk ID 5 does not exist."}
    assert sim.post("pbxware.trunk.delete", server=1, id=2316) == {"success": "Trunk ID: 2316", "id": "2316"}
    assert sim.post("pbxware.trunk.delete", server=1, id=2316) == {"error": "Trunk ID 2316 does not exist."}


def test_trunk_codecs_and_ptimes_stay_in_step_on_edit(sim):
    # A codec list of another size needs its ptimes: the stored ones no longer match.
    assert sim.post("pbxware.trunk.edit", server=1, id=2316, codecs="g729") == {
        "error": "Fields codecs and codecs_ptime must match in size"}
    assert sim.post("pbxware.trunk.edit", server=1, id=2316, codecs="g729,gsm")["id"] == "2316"
    options = sim.post("pbxware.trunk.configuration", trunkid=2316, server=1)["2316"]["options"]
    assert options["allow"] == ["g729,20", "gsm,20"]


def test_trunk_configuration_shows_the_secret_only(sim):
    """``secret`` reads back (the reference example shows it); ``peer_secret``, ``auth`` and the peer never do."""
    sim.post("pbxware.trunk.add", **dict(TRUNK, secret="Trunk-Secret-1", peer_secret="Peer-Secret-2",
                                         auth="user:pw@realm", peer_host="10.0.0.2", peer_username="peer"))
    options = sim.post("pbxware.trunk.configuration", trunkid=2317, server=1)["2317"]["options"]
    assert options["secret"] == "Trunk-Secret-1"
    assert not {"peer_secret", "auth", "peer_host", "peer_username"} & set(options)


def test_trunk_server_rules_outside_tenant_mode(make_sim):
    single = make_sim(tenant_mode=False)
    assert single.post("pbxware.trunk.add", **dict(TRUNK, server=2)) == {"error": "Invalid server ID."}
    assert single.post("pbxware.trunk.add", **TRUNK)["id"] == 2317
    # Outside tenant mode the list's server filter applies (every trunk is the server's).
    assert sorted(single.post("pbxware.trunk.list", server=1)) == ["2316", "2317"]
    assert single.post("pbxware.trunk.list", server=2) == []


@pytest.mark.parametrize("dialect", ["reference", "postman"])
def test_trunk_dialects(sim, dialect):
    """DIALECTS.md rows h (delete's server) and h' (area_code)."""
    sim.control("POST", "/_sim/settings", {"dialect": dialect})
    postman = dialect == "postman"
    digits = sim.post("pbxware.trunk.edit", server=1, id=2316, area_code=212)
    yes = sim.post("pbxware.trunk.edit", server=1, id=2316, area_code="yes")
    if postman:
        assert yes["id"] == "2316" and digits == {
            "error": "Field 'area_code=212' contains invalid data (Regex: /^(yes|no|1|0)$/)"}
    else:
        assert digits["id"] == "2316" and yes == {
            "error": "Field 'area_code=yes' contains invalid data (Regex: /^\\d{1,50}$/)"}
    deleted = sim.post("pbxware.trunk.delete", id=2316)
    if postman:
        assert deleted == {"success": "Trunk ID: 2316", "id": "2316"}
    else:
        assert deleted == {"error": "Required field 'server' is missing"}
        assert "2316" in sim.post("pbxware.trunk.list")


def test_server_configuration_refused_in_tenant_mode(sim):
    assert sim.post("pbxware.server.configuration") == {
        "error": 'Tenant mode enabled, please use action "tenant" object instead of "server"'}
