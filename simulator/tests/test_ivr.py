"""pbxware.ivr.{list,add,edit,delete}: arguments, keymap rules, both keymap read shapes, dialects."""
import pytest

from ext_did_helpers import add_ext, call, make_state
from pbxware_sim.cli import parse_args
from pbxware_sim.objects.did import DEST_TYPES
from pbxware_sim.objects.ivr import KEYMAP_TYPES

IVR = {"server": "2", "name": "MainMenu", "ext": "700", "greeting": "greeting-main",
       "keymap[1][type]": "ex", "keymap[1][destination]": "100",
       "keymap[*][type]": "ra", "keymap[*][destination]": "voicemail",
       "keymap[0][type]": "dy"}


@pytest.fixture
def state():
    state = make_state()
    add_ext(state)  # extension 100 of tenant 2
    return state


def add_ivr(state, **overrides):
    args = dict(IVR)
    args.update(overrides)
    return call(state, "pbxware.ivr.add", **{k: v for k, v in args.items() if v is not None})


def listing(state, server="2"):
    return call(state, "pbxware.ivr.list", server=server)


def shape(state, value):
    state.live.update({"ivr_keymap_shape": value})


def test_add_and_list_in_the_reference_shape(state):
    assert listing(state) == []
    assert add_ivr(state) == {"success": "IVR ID: 1.", "id": 1}
    # One entry without its key: the lowest key's (0 here, a Directory entry without destination).
    assert listing(state) == {"1": {"name": "MainMenu", "type": "0", "ext": "700",
                                    "keymap": {"type": "Directory", "value": ""}, "status": "enabled",
                                    "operator": ""}}
    call(state, "pbxware.ivr.edit", server="2", id="1", **{"keymap[5][type]": "ex", "keymap[5][destination]": "100",
                                                             "keymap[*][type]": "en",
                                                             "keymap[*][destination]": "38761000000"})
    assert listing(state)["1"]["keymap"] == {"type": "Extension", "value": "100"}  # key 5 before *


def test_by_key_shape_shows_every_entry_in_key_order(state):
    add_ivr(state)
    shape(state, "by_key")
    assert listing(state)["1"]["keymap"] == {
        "0": {"type": "Directory", "value": ""},
        "1": {"type": "Extension", "value": "100"},
        "*": {"type": "Remote Access", "value": "voicemail"},
    }
    assert list(listing(state)["1"]["keymap"]) == ["0", "1", "*"]
    shape(state, "reference")
    assert listing(state)["1"]["keymap"] == {"type": "Directory", "value": ""}


def test_type_names_are_the_did_list_spellings():
    assert set(KEYMAP_TYPES.values()) - set(DEST_TYPES) == {"Directory"}
    assert len(set(KEYMAP_TYPES.values())) == 13


@pytest.mark.parametrize("code,destination,name", [
    ("aa", "700", "IVR"), ("qu", "600", "Queues"), ("rg", "601", "Ring Group"), ("cf", "602", "Conferences"),
    ("ex", "100", "Extension"), ("vm", "100", "Voicemail"), ("cr", "4", "CRM Routing"), ("aatree", "700", "IVR tree"),
    ("ra", "agentlogin", "Remote Access"), ("fx", "100", "Fax to E-mail"), ("en", "0038761000000", "External Number"),
    ("ari", "12", "ARI Application")])
def test_every_destination_type(state, code, destination, name):
    answer = add_ivr(state, **{"keymap[1][type]": code, "keymap[1][destination]": destination,
                               "keymap[*][type]": None, "keymap[*][destination]": None, "keymap[0][type]": None})
    assert answer["id"] == 1, answer
    assert listing(state)["1"]["keymap"] == {"type": name, "value": destination}


@pytest.mark.parametrize("keymap,error", [
    ({"keymap[#][type]": "ex", "keymap[#][destination]": "100"}, "Field 'keymap[#]': invalid key"),
    ({"keymap[10][type]": "ex", "keymap[10][destination]": "100"}, "Field 'keymap[10]': invalid key"),
    ({"keymap[][type]": "ex"}, "Field 'keymap[]': invalid key"),
    ({"keymap": "ex"}, "Field 'keymap' must be sent as keymap[key][field]=value"),
    ({"keymap[1]": "ex"}, "Field 'keymap[1]' contains invalid data"),
    ({"keymap[1][kind]": "ex"}, "Field 'keymap[1]' contains invalid data"),
    ({"keymap[1][destination]": "100"}, "Required field 'keymap[1][type]' is missing"),
    ({"keymap[1][type]": "xx", "keymap[1][destination]": "100"},
     "Required field 'keymap[1][type]=xx' contains invalid data (Regex: /^(aa|qu|rg|cf|ex|vm|cr|aatree|dy|ra|fx|"
     "en|ari)$/)"),
    ({"keymap[1][type]": "ex"}, "Required field 'keymap[1][destination]' is missing"),
    ({"keymap[1][type]": "dy", "keymap[1][destination]": "100"},
     "Field 'keymap[1][destination]' must not be set for destination type dy (Directory)."),
    ({"keymap[1][type]": "ra", "keymap[1][destination]": "100"},
     "Required field 'keymap[1][destination]=100' contains invalid data "
     "(Regex: /^(agentlogin|destinations|voicemail)$/)"),
    ({"keymap[1][type]": "en", "keymap[1][destination]": "+38761"},
     "Required field 'keymap[1][destination]=+38761' contains invalid data (Regex: /^\\d+$/)"),
    ({"keymap[1][type]": "ex", "keymap[1][destination]": "101"}, "Keymap 1: extension 101 does not exist."),
    ({"keymap[1][type]": "vm", "keymap[1][destination]": "abc"},
     "Required field 'keymap[1][destination]=abc' contains invalid data (Regex: /^\\d+$/)"),
    ({"keymap[1][type]": "aa", "keymap[1][destination]": "701"}, "Keymap 1: IVR 701 does not exist."),
    ({"keymap[1][type]": "qu", "keymap[1][destination]": "6000"},
     "Required field 'keymap[1][destination]=6000' contains invalid data (Regex: /^\\d{3}$/)"),
    ({"keymap[1][type]": "cr", "keymap[1][destination]": "rule"},
     "Required field 'keymap[1][destination]=rule' contains invalid data (Regex: /^\\d+$/)"),
])
def test_keymap_rules(state, keymap, error):
    args = {k: v for k, v in IVR.items() if not k.startswith("keymap")}
    answer = call(state, "pbxware.ivr.add", **dict(args, **keymap))
    assert set(answer) == {"error"} and answer["error"].startswith(error), answer
    assert listing(state) == []


def test_add_requires_its_arguments(state):
    for name in ("server", "name", "ext", "greeting"):
        args = {k: v for k, v in IVR.items() if k != name}
        assert call(state, "pbxware.ivr.add", **args) == {"error": "Required field '%s' is missing" % name}
    args = {k: v for k, v in IVR.items() if not k.startswith("keymap")}
    assert call(state, "pbxware.ivr.add", **args) == {"error": "Required field 'keymap' is missing"}


@pytest.mark.parametrize("server,error", [("1", "In tenant mode, make sure server is a valid tenant ID."),
                                          ("9", "Invalid server ID.")])
def test_server_must_be_a_tenant(state, server, error):
    assert add_ivr(state, server=server) == {"error": error}
    assert call(state, "pbxware.ivr.list", server=server) == {"error": error}
    assert call(state, "pbxware.ivr.list") == {"error": "Required field 'server' is missing"}


def test_single_tenant_mode_uses_server_1():
    state = make_state(tenant_mode=False)
    add_ext(state, server="1")
    assert add_ivr(state, server="1")["id"] == 1
    assert list(call(state, "pbxware.ivr.list")) == ["1"]
    assert add_ivr(state, server="2", ext="701") == {"error": "Invalid server ID."}


@pytest.mark.parametrize("name,value,pattern", [
    ("greeting", "main", r"^greeting\-([\w\-]+)$"), ("ext", "7a", r"^\d+$"), ("name", "Main Menu", r"^\w+$"),
    ("status", "2", "^(1|0)$"), ("operator", "x", r"^\d+$"), ("loops", "21", "^([1-9]|1[0-9]|20)$"),
    ("ringtype", "music", "^(ring|moh|none)$"), ("rings", "10", r"^\d{1}$"), ("tresponse", "123456", r"^\d{1,5}$"),
    ("faxemail", "fax@", r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]+$"), ("customring", "a-b", r"^\w+$"),
    ("disablecid", "3", "^(1|0|2)$"), ("localdial", "2", "^(1|0)$"), ("timeoutext", "ari-x", r"^(\d+|ari-\d+)$"),
    ("rangestart", "1000", r"^\d{1,3}$"), ("skip_invalid_selection", "yes", "^(1|0)$"),
])
def test_postman_patterns(state, name, value, pattern):
    kind = "Required field" if name in ("greeting", "ext", "name") else "Field"
    assert add_ivr(state, **{name: value}) == {
        "error": "%s '%s=%s' contains invalid data (Regex: /%s/)" % (kind, name, value, pattern)}


def test_settings_are_stored_but_not_listed(state):
    settings = {"disablecid": "2", "tresponse": "4", "rtpdelay": "1", "tdigit": "1", "rings": "1",
                "faxemail": "fax@example.com", "customring": "vip", "local2fax": "0", "rangelimit": "1",
                "rangestart": "100", "rangeend": "199", "ringtype": "moh", "moh": "default", "loops": "3",
                "timeoutext": "ari-5", "timeoutextvm": "0", "localdial": "1", "skip_invalid_selection": "1",
                "operator": "100", "status": "0"}
    add_ivr(state, **settings)
    stored = state.data["ivrs"]["1"]
    assert {k: stored[k] for k in settings} == settings and stored["greeting"] == "greeting-main"
    row = listing(state)["1"]
    assert set(row) == {"name", "type", "ext", "keymap", "status", "operator"}
    assert (row["status"], row["operator"]) == ("disabled", "100")
    # The IVR type is read-only: no add/edit argument sets it.
    assert add_ivr(state, ext="701", type="1") == {"error": "Unknown field 'type' for action pbxware.ivr.add"}


def test_numbers_are_unique_in_a_tenant(state):
    add_ivr(state)
    assert add_ivr(state, name="Other") == {"error": "Extension number 700 is already in use."}
    assert add_ivr(state, ext="100") == {"error": "Extension number 100 is already in use."}
    assert add_ivr(state, server="3", ext="700", **{"keymap[1][type]": "en", "keymap[1][destination]": "1"})["id"] == 2


def test_edit_keeps_or_replaces_the_whole_keymap(state):
    add_ivr(state)
    shape(state, "by_key")
    assert call(state, "pbxware.ivr.edit", server="2", id="1", name="Renamed", status="0") == {
        "success": "IVR ID: 1.", "id": "1"}
    row = listing(state)["1"]
    assert (row["name"], row["status"], list(row["keymap"])) == ("Renamed", "disabled", ["0", "1", "*"])
    call(state, "pbxware.ivr.edit", server="2", id="1", **{"keymap[2][type]": "aa", "keymap[2][destination]": "700"})
    assert listing(state)["1"]["keymap"] == {"2": {"type": "IVR", "value": "700"}}  # the IVR itself may be a target


def test_edit_refusals(state):
    add_ivr(state)
    add_ivr(state, ext="701", name="Second")
    edit = "pbxware.ivr.edit"
    assert call(state, edit, server="2", id="9", name="X") == {"error": "IVR ID 9 does not exist."}
    assert call(state, edit, server="3", id="1", name="X") == {"error": "IVR ID 1 does not exist."}
    assert call(state, edit, server="2", id="2", ext="700") == {"error": "Extension number 700 is already in use."}
    assert call(state, edit, server="2", id="2", name="") == {"error": "Required field 'name' is missing"}
    assert call(state, edit, id="2", name="X") == {"error": "Required field 'server' is missing"}
    assert call(state, edit, server="2", id="2", **{"keymap[1][type]": "ex"}) == {
        "error": "Required field 'keymap[1][destination]' is missing"}
    assert listing(state)["2"]["name"] == "Second"


def test_delete(state):
    add_ivr(state)
    call(state, "pbxware.otimes.ivr.set", id="1", server="2", status="on")
    assert call(state, "pbxware.ivr.delete", server="1", id="1") == {
        "error": "In tenant mode, make sure server is a valid tenant ID."}
    assert call(state, "pbxware.ivr.delete", server="2", id="1") == {"success": "Deleted IVR ID 1 successfully."}
    assert call(state, "pbxware.ivr.delete", server="2", id="1") == {"error": "IVR ID 1 does not exist."}
    assert listing(state) == []
    assert state.data["otimes"]["ivr"] == {}
    assert add_ivr(state)["id"] == 2  # IDs are not reused


def test_postman_dialect(state):
    state.live.update({"dialect": "postman"})
    assert add_ivr(state, name="Main Menu", timeoutext="ari-5") == {
        "error": "Field 'timeoutext=ari-5' contains invalid data (Regex: /^\\d+$/)"}
    assert add_ivr(state, name="Main Menu", timeoutext="105")["id"] == 1
    assert listing(state)["1"]["operator"] is None
    state.live.update({"dialect": "reference"})
    assert listing(state)["1"]["operator"] == ""


# --- the live setting -------------------------------------------------------------------------------------------

def test_keymap_shape_setting_over_http(make_sim):
    client = make_sim(ivr_keymap_shape="by_key")
    status, answer = client.control("POST", "/_sim/settings", {"ivr_keymap_shape": "reference"})
    assert status == 200 and answer["settings"]["ivr_keymap_shape"] == "reference"
    status, answer = client.control("POST", "/_sim/settings", {"ivr_keymap_shape": "keyed"})
    assert status == 400 and "ivr_keymap_shape must be one of: reference, by_key" in answer["error"]
    client.control("POST", "/_sim/reset")
    assert client.control("GET", "/_sim/settings")[1]["settings"]["ivr_keymap_shape"] == "by_key"


def test_keymap_shape_cli_option():
    assert parse_args(["--api-key", "k" * 12]).ivr_keymap_shape == "reference"
    assert parse_args(["--api-key", "k" * 12, "--ivr-keymap-shape", "by_key"]).ivr_keymap_shape == "by_key"
    with pytest.raises(SystemExit):
        parse_args(["--api-key", "k" * 12, "--ivr-keymap-shape", "keyed"])
