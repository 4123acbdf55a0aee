"""pbxware.ext.{list,configuration,add,edit,delete} against the reference and observed behaviour."""
import json

import pytest

from ext_did_helpers import EXT_ARGS, GOOD_SECRET, add_ext, call, make_state
from pbxware_sim import registry
from pbxware_sim.objects.ext import DEFAULT_CODECS, allowed_codecs


@pytest.fixture
def state():
    return make_state()


def config(state, ext_id, server="2"):
    return call(state, "pbxware.ext.configuration", server=server, id=ext_id)[ext_id]


# --- add -------------------------------------------------------------------------------

def test_add_success_shape_and_types(state):
    res = add_ext(state)
    assert res == {"success": "Extension ID: 1", "id": "1", "ext": 100}
    assert isinstance(res["id"], str) and isinstance(res["ext"], int)


def test_add_missing_required_in_server_style(state):
    args = dict(EXT_ARGS)
    for name in ("name", "secret", "pin", "prot", "server"):
        partial = {k: v for k, v in args.items() if k != name}
        assert call(state, "pbxware.ext.add", **partial) == {"error": "Required field '%s' is missing" % name}


def test_add_assigns_next_free_number_when_ext_omitted(state):
    add_ext(state)
    res = add_ext(state, ext=None)
    assert res["ext"] == 101


@pytest.mark.parametrize("arg,value,pattern", [
    ("pin", "12345", r"^\d{4,4}$"),
    ("pin", "12a4", r"^\d{4,4}$"),
    ("email", "not-an-email", r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]+$"),
    ("secret", "Abc def1!", r"^[a-zA-Z0-9%\$\*!@\_\-]+$"),
    ("incominglimit", "12345", r"^\d{1,4}$"),
])
def test_add_postman_regex_failures(state, arg, value, pattern):
    res = add_ext(state, **{arg: value})
    assert res == {"error": "Required field '%s=%s' contains invalid data (Regex: /%s/)" % (arg, value, pattern)}


def test_optional_regex_failure_says_field(state):
    res = add_ext(state, macaddress="xyz")
    assert res == {"error": "Field 'macaddress=xyz' contains invalid data (Regex: /^[0-9a-fA-F]{12}$/)"}


def test_ext_must_match_tenant_length(state):
    assert add_ext(state, ext="1000") == {
        "error": "Required field 'ext=1000' contains invalid data (Regex: /^\\d{3}$/)"}
    # tenant 3 has ext_length 4: the observed message
    assert add_ext(state, server="3", ext="100") == {
        "error": "Required field 'ext=100' contains invalid data (Regex: /^\\d{4}$/)"}
    assert add_ext(state, server="3", ext="1000")["ext"] == 1000


def test_ext_unique_per_tenant(state):
    add_ext(state)
    assert "error" in add_ext(state)
    assert "error" not in add_ext(state, server="3", ext="1000")


@pytest.mark.parametrize("secret", ["Short1!", "abcdefg1!", "ABCDEFG1!", "Abcdefgh!", "Abcdefgh1", "Abcdefg1@"])
def test_weak_sip_secret_rejected(state, secret):
    assert "error" in add_ext(state, secret=secret)


def test_iax_secret_only_needs_charset(state):
    assert add_ext(state, prot="iax", ua="52", secret="abc")["id"] == "1"


def test_unknown_ua_rejected(state):
    assert "error" in add_ext(state, ua="999")
    assert "error" in add_ext(state, ua="abc")


@pytest.mark.parametrize("arg,value", [("location", "3"), ("status", "5"), ("prot", "pjsip"), ("voicemail", "2")])
def test_enumerations(state, arg, value):
    assert "contains invalid data" in add_ext(state, **{arg: value})["error"]


def test_billing_needs_its_fields(state):
    assert add_ext(state, call_rating="1") == {"error": "Required field 'creditlimit' is missing"}
    assert "id" in add_ext(state, call_rating="1", creditlimit="10", reminderbalance="1", service_plan="1")


def test_strict_mode_rejects_undocumented_args(state):
    assert "error" in add_ext(state, protocol="sip")
    assert "id" in call(state, "pbxware.ext.add", strict=False, protocol="iax", **EXT_ARGS)
    assert config(state, "1")["protocol"] == "sip"  # read names are ignored on write


# --- server rules --------------------------------------------------------------------------

def test_server_rules(state):
    assert add_ext(state, server="9") == {"error": "Invalid server ID."}
    assert "tenant" in add_ext(state, server="1")["error"]  # tenant mode: server must be a tenant
    plain = make_state(tenant_mode=False)
    assert add_ext(plain, server="2") == {"error": "Invalid server ID."}
    assert add_ext(plain, server="1")["id"] == "1"


# --- list / configuration ----------------------------------------------------------------

def test_list_shape_and_filter(state):
    assert call(state, "pbxware.ext.list") == []
    add_ext(state, macaddress="0015651234ab", user_location="HQ", department="4,6")
    add_ext(state, server="3", ext="1000", prot="iax", ua="52", location="2", status="0")
    listing = call(state, "pbxware.ext.list")
    assert list(listing) == ["1", "2"]
    assert listing["1"] == {
        "name": "User 100", "email": "u100@example.com", "protocol": "sip", "ext": "100",
        "location": "local", "ua_id": "50", "ua_name": "generic_sip", "ua_fullname": "Generic SIP",
        "status": "enabled", "macaddress": "0015651234ab", "sn": "", "linenum": "1",
        "user_location": "HQ", "department": "4,6",
    }
    other = listing["2"]
    assert (other["protocol"], other["location"], other["status"], other["ua_fullname"]) == (
        "iax", "remote", "disabled", "Generic IAX")
    assert list(call(state, "pbxware.ext.list", server="3")) == ["2"]
    assert call(state, "pbxware.ext.list", server="9") == {"error": "Invalid server ID."}
    json.dumps(listing)  # valid JSON, all strings
    assert all(isinstance(v, str) for v in listing["1"].values())


def test_configuration_shape(state):
    add_ext(state, acodecs="ulaw:alaw", incominglimit="1", outgoinglimit="2", user_language="de")
    res = call(state, "pbxware.ext.configuration", server="2", id="1")
    assert list(res) == ["1"]
    cfg = res["1"]
    for key in ("name", "email", "pin", "protocol", "ext", "location", "user_language", "ua_id", "ua_name",
                "ua_fullname", "status", "smuser", "options", "options_raw", "ua_autoprov",
                "additional_macaddress", "additional_config"):
        assert key in cfg
    assert cfg["pin"] == "1234" and cfg["user_language"] == "de"
    opts = cfg["options"]
    assert opts["secret"] == GOOD_SECRET
    assert (opts["incominglimit"], opts["outgoinglimit"], opts["voicemail"]) == ("1", "2", "1")
    assert opts["allow"] == ["ulaw", "alaw"] and opts["disallow"] == "all"
    assert opts["username"] == "344100" and opts["context"] == "t-344"
    assert opts["callerid"] == "User 100 <100>"
    assert "secret" not in cfg and "incominglimit" not in cfg


def test_configuration_id_or_ext(state):
    add_ext(state)
    by_ext = call(state, "pbxware.ext.configuration", server="2", ext="100")
    assert list(by_ext) == ["1"]
    assert call(state, "pbxware.ext.configuration", server="2", id="1", ext="100") == {
        "error": "You cannot supply id and ext at the same time"}
    assert call(state, "pbxware.ext.configuration", server="2") == {"error": "Required field 'id' is missing"}
    assert call(state, "pbxware.ext.configuration", id="1") == {"error": "Required field 'server' is missing"}
    assert "error" in call(state, "pbxware.ext.configuration", server="3", id="1")  # other tenant
    assert "error" in call(state, "pbxware.ext.configuration", server="2", id="77")


# --- mapping, codecs, limits, write-only ----------------------------------------------------

def test_write_read_round_trip(state):
    add_ext(state)
    call(state, "pbxware.ext.edit", server="2", id="1", prot="iax", ua="135", status="0", location="2")
    cfg = config(state, "1")
    assert (cfg["protocol"], cfg["ua_id"], cfg["ua_name"], cfg["ua_fullname"], cfg["status"], cfg["location"]) == (
        "iax", "135", "yealinkt41", "Yealink T41", "disabled", "remote")


def test_codecs_not_allowed_by_tenant_are_dropped(state):
    add_ext(state, server="3", ext="1000", acodecs="g729:alaw:speex:ulaw:alaw")  # tenant 3 allows ulaw,alaw
    assert config(state, "1", server="3")["options"]["allow"] == ["alaw", "ulaw"]
    # tenant 2 stores no codecs: whatever set applies, the result is its ordered, de-duplicated subset
    allowed = allowed_codecs(state, "2", "1")
    add_ext(state, acodecs="ulaw:speex:g729:h263p:ulaw:alaw")
    assert config(state, "2")["options"]["allow"] == [c for c in ("ulaw", "g729", "alaw") if c in allowed]
    assert "speex" not in allowed and "ulaw" in allowed


def test_codec_defaults_without_tenant_info():
    plain = make_state(tenant_mode=False)  # server 1 has no codec info at all
    assert allowed_codecs(plain, "1", "1") == list(DEFAULT_CODECS)
    add_ext(plain, server="1", acodecs="opus:speex:g722")
    assert config(plain, "1", server="1")["options"]["allow"] == ["opus", "g722"]


def test_remote_location_uses_remote_codecs():
    state = make_state()
    state.data["tenants"]["3"]["remote_codecs"] = ["g729"]
    add_ext(state, server="3", ext="1000", location="2", acodecs="ulaw:g729")
    assert config(state, "1", server="3")["options"]["allow"] == ["g729"]
    call(state, "pbxware.ext.edit", server="3", id="1", location="1")  # back to local: g729 not allowed there
    assert config(state, "1", server="3")["options"]["allow"] == []


def test_limits_cap_at_999(state):
    add_ext(state, incominglimit="5000", outgoinglimit="999")
    opts = config(state, "1")["options"]
    assert (opts["incominglimit"], opts["outgoinglimit"]) == ("999", "999")


def test_write_only_args_never_returned(state):
    add_ext(state, password="Secret123", send_email="1", title="Dr", nat="1", sso_enabled="1")
    blob = json.dumps([call(state, "pbxware.ext.list"), call(state, "pbxware.ext.configuration", server="2", id="1")])
    for value in ('"Secret123"', '"Dr"'):
        assert value not in blob
    for key in ("password", "send_email", "title", "nat", "sso_enabled"):
        assert '"%s"' % key not in blob
    assert "password" not in json.dumps(state.data)  # not stored anywhere


def test_secrets_declared():
    spec = registry.lookup("pbxware.ext.add")
    assert {"secret", "password", "pin"} <= spec.secrets
    assert registry.lookup("pbxware.ext.edit").secrets == spec.secrets


# --- edit / delete ---------------------------------------------------------------------------

def test_edit_success_partial_update(state):
    add_ext(state)
    res = call(state, "pbxware.ext.edit", server="2", id="1", name="Renamed", ext="105")
    assert res == {"success": "Extension ID: 1", "id": "1", "ext": 105}
    cfg = config(state, "1")
    assert (cfg["name"], cfg["ext"], cfg["pin"], cfg["options"]["secret"]) == ("Renamed", "105", "1234", GOOD_SECRET)


def test_edit_rules(state):
    add_ext(state)
    add_ext(state, ext="101")
    assert call(state, "pbxware.ext.edit", server="2", name="x") == {"error": "Required field 'id' is missing"}
    assert "error" in call(state, "pbxware.ext.edit", server="2", id="1", ext="101")  # taken
    assert "error" in call(state, "pbxware.ext.edit", server="2", id="1", secret="weak")
    assert "error" in call(state, "pbxware.ext.edit", server="3", id="1", name="x")  # wrong tenant
    assert "error" in call(state, "pbxware.ext.edit", server="2", id="9", name="x")
    assert call(state, "pbxware.ext.edit", server="2", id="1", ext="100")["ext"] == 100  # own number is fine


def test_delete(state):
    add_ext(state)
    assert call(state, "pbxware.ext.delete", server="2") == {"error": "Required field 'id' is missing"}
    assert "error" in call(state, "pbxware.ext.delete", server="3", id="1")
    assert call(state, "pbxware.ext.delete", server="2", id="1") == {"success": "Deleted Extension ID 1 successfully."}
    assert call(state, "pbxware.ext.list") == []
    assert "error" in call(state, "pbxware.ext.delete", server="2", id="1")
    assert add_ext(state)["id"] == "2"  # IDs are not reused


def test_declared_arguments():
    add = registry.lookup("pbxware.ext.add")
    assert len(add.args) == 132 and "page" in add.args
    assert set(add.required) == {"server", "name", "email", "location", "ua", "status", "pin",
                                 "incominglimit", "outgoinglimit", "voicemail", "prot", "secret"}
    assert add.write and not registry.lookup("pbxware.ext.list").write
    assert registry.lookup("pbxware.ext.edit").args == add.args | {"id"}
    assert registry.lookup("pbxware.ext.configuration").args == {"server", "id", "ext"}
