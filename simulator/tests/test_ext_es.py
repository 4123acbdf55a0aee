"""Extension enhanced services (``pbxware.ext.es.*``) against the reference and the vendor's Postman collection."""
import json
import os

import pytest

from ext_did_helpers import add_ext, call, make_state
from pbxware_sim import registry
from pbxware_sim.objects import ext_es

ACTIONS_FILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance", "actions.txt")

# The reference's configuration examples (ext.es.<service>.configuration).
REFERENCE_CONFIG = {
    "callerid": {"callerid": "Mr. Smith"},
    "callfilters": {"telemarketer": "0", "callers": ["anonymous", "300"], "dtypes": ["voicemail", "busy"],
                    "destinations": ["123", ""]},
    "callscreening": {"timeout": "16", "dopts": "tTr", "dtype": "", "replacecid": "123412341234", "preamble": "",
                      "greeting": "", "pausebeforerec": "1", "recordlen": "11", "greetingwithname": "1",
                      "lastd": "5435345", "voicemail": "1", "destinations": ["100", "101", "102"],
                      "delays": ["16", "22", "33"], "suspends": {"0": "on", "2": "on"}},
    "dnd": {"dnd": "0", "dst": "123", "dsttype": "voicemail", "duration": "1"},
    "callfwd": {"play": "1", "cid": "1", "enabled": ["unconditional", "busy"],
                "destinations": {"unconditional": [], "busy": ["106", "107"], "no answer": ["106", "107"],
                                 "line unavailable": []},
                "timeouts": {"unconditional": [], "busy": ["", ""], "no answer": ["10", "10"],
                             "line unavailable": []}},
    "followme": {"destinations": ["106", "107", "108"], "timeouts": ["10", "10", "10"], "dopts": "tr",
                 "lastd": "102", "voicemail": "1", "confirm_calls": "1"},
    "instrecord": {"silent": "0", "emailrec": "0"},
    "remoteaccess": {"callerids": ["21345678", "11223344", "55667788"], "pins": ["1", "0", "1"], "pid": "3",
                     "require_pin": "1", "timeout": "12", "dial_opts": "rT"},
    "phonecallback": {"callerids": ["12015618445", "12015618446"], "numbers": ["447441907999", "447441907888"]},
    "grouphunt": {"destinations": ["100", "101", "102", "103"], "delays": ["1", "2", "3", "4"],
                  "suspends": ["1", "0", "0", "1"], "dopts": "tT", "lastd": "66666666", "timeout": "64",
                  "voicemail": "1", "confirmcalls": "1"},
    "mobilenumbers": {"mobiles": ["12015618445", "12015618444"], "labels": ["Number one", "Number two"]},
    "sppage": {"extensions": ["106", "107", "108"]},
    "blflist": {"exts": ["122", "123"], "labels": ["Test", "Test 1"], "blfs": [1, 0], "blf_start": 1,
                "blf_cleanup": 1, "cart_only": 0},
    "speeddial": {"codes": ["11", "22"], "names": ["test1", "test2"], "destinations": ["106", "107"]},
}

# Edit arguments that reproduce each reference example (pid is assigned by the server).
EDIT_FOR_EXAMPLE = {
    "callerid": dict(callerid="Mr. Smith"),
    "callfilters": dict(callers="anonymous,300", dtypes="voicemail,busy", destinations="123,", telemarketer="0"),
    "callscreening": dict(destinations="100,101,102", delays="16,22,33", suspends="1,0,1", recordlen="11",
                          timeout="16", dopts="tTr", replacecid="123412341234", pausebeforerec="1",
                          greetingwithname="1", lastd="5435345", voicemail="1"),
    "dnd": dict(dnd="0", dst="123", dsttype="voicemail", duration="1"),
    "callfwd": dict(enabled="unconditional,busy", busy_dests="106,107", busy_timeouts=",",
                    noansw_dests="106,107", noansw_timeouts="10,10", play="1", cid="1"),
    "followme": dict(destinations="106,107,108", timeouts="10,10,10", dopts="tr", lastd="102", voicemail="1",
                     confirm_calls="1"),
    "instrecord": dict(silent="0", emailrec="0"),
    "remoteaccess": dict(callerids="21345678,11223344,55667788", pins="1,0,1", requirepin="1", timeout="12",
                         dopts="rT"),
    "phonecallback": dict(callerids="12015618445,12015618446", numbers="447441907999,447441907888"),
    "grouphunt": dict(destinations="100,101,102,103", delays="1,2,3,4", suspends="1,0,0,1", dopts="tT",
                      lastd="66666666", timeout="64", voicemail="1", confirmcalls="1"),
    "mobilenumbers": dict(mobiles="12015618445,12015618444", labels="Number one,Number two"),
    "sppage": dict(extensions="106,107,108", quiet="1"),
    "blflist": dict(exts="122,123", labels="Test,Test 1", blfs="1,0", blf_start="1", blf_cleanup="1",
                    cart_only="0"),
    "speeddial": dict(codes="11,22", names="test1,test2", destinations="106,107"),
}

# Parallel lists: (service, base args, the argument made one item shorter, message).
MISMATCH = [
    ("callfilters", dict(callers="anonymous,300", dtypes="voicemail,busy", destinations="123"),
     "Fields callers, dtypes and destinations must match in size"),
    ("callscreening", dict(destinations="100,101", delays="16", suspends="0,1", recordlen="11"),
     "Fields destinations, delays and suspends must match in size"),
    ("callfwd", dict(busy_dests="106,107", busy_timeouts="10"),
     "Fields busy_dests and busy_timeouts must match in size"),
    ("callfwd", dict(noansw_timeouts="10"), "Fields noansw_dests and noansw_timeouts must match in size"),
    ("followme", dict(destinations="106,107", timeouts="10"), "Fields destinations and timeouts must match in size"),
    ("remoteaccess", dict(callerids="1,2", pins="1", requirepin="1"), "Fields callerids and pins must match in size"),
    ("phonecallback", dict(callerids="1,2", numbers="3"), "Fields callerids and numbers must match in size"),
    ("grouphunt", dict(destinations="100,101", delays="1,2", suspends="1"),
     "Fields destinations, delays and suspends must match in size"),
    ("mobilenumbers", dict(mobiles="1,2", labels="a"), "Fields mobiles and labels must match in size"),
    ("blflist", dict(exts="122,123", labels="Test"), "Fields exts and labels must match in size"),
    ("blflist", dict(exts="122,123", blfs="1,0,1"), "Fields exts and blfs must match in size"),
    ("speeddial", dict(codes="11,22", names="a,b", destinations="106"),
     "Fields codes, names and destinations must match in size"),
]

REQUIRED = {
    "callerid": ("callerid",),
    "callfilters": ("callers", "dtypes", "destinations"),
    "callscreening": ("destinations", "delays", "suspends", "recordlen"),
    "followme": ("destinations", "timeouts"),
    "instrecord": ("silent", "emailrec"),
    "remoteaccess": ("callerids", "pins", "requirepin"),
    "phonecallback": ("callerids", "numbers"),
    "grouphunt": ("destinations", "delays", "suspends"),
    "mobilenumbers": ("mobiles", "labels"),
    "speeddial": ("codes", "names", "destinations"),
}


@pytest.fixture
def state():
    s = make_state()
    assert add_ext(s)["id"] == "1"  # tenant 2, ext 100
    return s


def es(_state, _service, _method, strict=True, **args):
    """Call ``pbxware.ext.es.<service>.<method>`` (server 2, id 1 unless given); ``state`` may be an argument."""
    args.setdefault("server", "2")
    args.setdefault("id", "1")
    pairs = [("action", "pbxware.ext.es.%s.%s" % (_service, _method))] + [(k, str(v)) for k, v in args.items()]
    return registry.dispatch(_state, pairs, strict=strict)


def shape(value):
    if isinstance(value, dict):
        return {k: shape(v) for k, v in value.items()}
    if isinstance(value, list):
        return [shape(v) for v in value[:1]]
    return type(value).__name__


# --- coverage ------------------------------------------------------------------------

def test_every_documented_es_action_is_registered():
    registry.load_objects()
    with open(ACTIONS_FILE, encoding="utf-8") as handle:
        documented = {line.strip() for line in handle if line.startswith("pbxware.ext.es.")}
    simulated = {name for name in registry.ACTIONS if name.startswith("pbxware.ext.es.")}
    assert documented == simulated
    assert len(ext_es.NAMES) == 25
    assert sorted(n for n in ext_es.DEFAULT_CONFIGS if n != "extoperationtimes") == sorted(REFERENCE_CONFIG)


# --- set / get / set_osc / get_osc ------------------------------------------------------

@pytest.mark.parametrize("service", ext_es.NAMES)
def test_state_round_trip(state, service):
    assert es(state, service, "get") == {"state": ext_es.DEFAULT_STATES[service]}
    for value, code in (("pin", 1), ("yes", 2), ("no", 0)):
        assert es(state, service, "set", state=value) == {"success": "1: %d." % code, "state": value}
        assert es(state, service, "get") == {"state": value}
    assert es(state, service, "get_osc") == {"state": ext_es.DEFAULT_OSC[service]}
    for value, read, code in (("yes", "yes", 1), ("0", "no", 0), ("1", "yes", 1), ("no", "no", 0)):
        assert es(state, service, "set_osc", state=value) == {"success": "1: %d." % code, "state": read}
        assert es(state, service, "get_osc") == {"state": read}
    # the OSC state and the state are independent
    assert es(state, service, "get") == {"state": "no"}


@pytest.mark.parametrize("service", ("callerid", "sppagegroups"))
def test_state_validation(state, service):
    assert es(state, service, "set", state="maybe") == {
        "error": "Required field 'state=maybe' contains invalid data (Regex: /^(yes|no|pin)$/)"}
    assert es(state, service, "set", state="") == {
        "error": "Required field 'state=' contains invalid data (Regex: /^(yes|no|pin)$/)"}
    assert es(state, service, "set_osc", state="pin") == {
        "error": "Required field 'state=pin' contains invalid data (Regex: /^(yes|no|1|0)$/)"}
    assert registry.dispatch(state, [("action", "pbxware.ext.es.%s.set" % service), ("server", "2"),
                                     ("id", "1")]) == {"error": "Required field 'state' is missing"}
    assert call(state, "pbxware.ext.es.%s.get" % service, server="2") == {"error": "Required field 'id' is missing"}
    assert call(state, "pbxware.ext.es.%s.get" % service, id="1") == {
        "error": "Required field 'server' is missing"}


def test_unknown_extension_server_and_strict_mode(state):
    assert es(state, "dnd", "get", id="99") == {"error": "Extension ID 99 does not exist."}
    assert es(state, "dnd", "get", server="3") == {"error": "Extension ID 1 does not exist."}
    assert es(state, "dnd", "get", server="9") == {"error": "Invalid server ID."}
    assert es(state, "dnd", "get", server="1") == {
        "error": "In tenant mode, make sure server is a valid tenant ID."}
    assert es(state, "dnd", "get", id="x") == {"error": "Required field 'id=x' contains invalid data (Regex: /^\\d+$/)"}
    assert es(state, "dnd", "get", ext="100") == {"error": "Unknown field 'ext' for action pbxware.ext.es.dnd.get"}
    assert es(state, "dnd", "set", state="yes", foo="1") == {
        "error": "Unknown field 'foo' for action pbxware.ext.es.dnd.set"}
    assert es(state, "dnd", "get", strict=False, foo="1") == {"state": "no"}


def test_state_lives_on_the_extension(state):
    assert es(state, "dnd", "set", state="yes")["state"] == "yes"
    assert es(state, "dnd", "edit", dnd="2")["success"] == "Do Not Disturb."
    assert call(state, "pbxware.ext.edit", server="2", id="1", name="Renamed")["success"]
    assert es(state, "dnd", "get") == {"state": "yes"}
    assert es(state, "dnd", "configuration")["dnd"] == "2"
    assert call(state, "pbxware.ext.delete", server="2", id="1")["success"]
    assert es(state, "dnd", "get") == {"error": "Extension ID 1 does not exist."}
    assert add_ext(state)["id"] == "2"
    assert es(state, "dnd", "get", id="2") == {"state": "no"}
    assert es(state, "dnd", "configuration", id="2")["dnd"] == "0"
    assert all("es" not in rec for key, rec in state.data["extensions"].items())


# --- configuration / edit --------------------------------------------------------------

@pytest.mark.parametrize("service", sorted(REFERENCE_CONFIG))
def test_default_configuration_has_the_reference_keys(state, service):
    config = es(state, service, "configuration")
    assert list(config) == list(REFERENCE_CONFIG[service])
    for key, value in REFERENCE_CONFIG[service].items():
        assert type(config[key]) is type(value), key


@pytest.mark.parametrize("service", sorted(REFERENCE_CONFIG))
def test_edit_reproduces_the_reference_example(state, service):
    response = es(state, service, "edit", **EDIT_FOR_EXAMPLE[service])
    if service == "callerid":
        assert response == {"success": "Caller ID: Mr. Smith.", "callerid": "OK"}
    else:
        assert response == {"success": "%s." % ext_es.TITLES[service], service: "OK"}
    config = es(state, service, "configuration")
    expected = dict(REFERENCE_CONFIG[service])
    if service == "remoteaccess":
        assert config.pop("pid") == "1"
        expected.pop("pid")
    assert config == expected
    # JSON-able and stable across a second identical edit
    json.dumps(config)
    es(state, service, "edit", **EDIT_FOR_EXAMPLE[service])
    assert es(state, service, "configuration") == dict(expected, **({"pid": "1"} if service == "remoteaccess"
                                                                   else {}))


def test_edit_is_partial_and_lists_replace(state):
    es(state, "followme", "edit", **EDIT_FOR_EXAMPLE["followme"])
    es(state, "followme", "edit", destinations="201", timeouts="30")
    config = es(state, "followme", "configuration")
    assert config["destinations"] == ["201"] and config["timeouts"] == ["30"]
    assert config["dopts"] == "tr" and config["lastd"] == "102"
    es(state, "callfwd", "edit", **EDIT_FOR_EXAMPLE["callfwd"])
    es(state, "callfwd", "edit", uncond_dests="300", uncond_timeouts="")
    config = es(state, "callfwd", "configuration")
    assert config["destinations"]["unconditional"] == ["300"] and config["timeouts"]["unconditional"] == [""]
    assert config["destinations"]["busy"] == ["106", "107"] and config["enabled"] == ["unconditional", "busy"]
    es(state, "callfwd", "edit", enabled="", busy_dests="", busy_timeouts="")
    config = es(state, "callfwd", "configuration")
    assert config["enabled"] == [] and config["destinations"]["busy"] == [] and config["timeouts"]["busy"] == []
    es(state, "blflist", "edit", exts="122,123")
    assert es(state, "blflist", "configuration")["labels"] == ["", ""]
    assert es(state, "blflist", "configuration")["blfs"] == [1, 1]


def test_remoteaccess_pid_is_assigned_once_per_extension(state):
    assert add_ext(state, ext="101", name="User 101", email="u101@example.com")["id"] == "2"
    es(state, "remoteaccess", "edit", callerids="1", pins="1", requirepin="0")
    es(state, "remoteaccess", "edit", callerids="2", pins="0", requirepin="0")
    es(state, "remoteaccess", "edit", id="2", callerids="3", pins="1", requirepin="1")
    assert es(state, "remoteaccess", "configuration")["pid"] == "1"
    assert es(state, "remoteaccess", "configuration", id="2")["pid"] == "2"
    assert es(state, "remoteaccess", "configuration")["require_pin"] == "0"


def test_extoperationtimes_configuration(state):
    assert es(state, "extoperationtimes", "configuration") == {
        "timeout": "", "dial_opts": "", "sequential": "", "last_dest": "", "destinations": [],
        "ot_time_from": [], "ot_time_to": [], "ot_days_array": []}
    assert "pbxware.ext.es.extoperationtimes.edit" not in registry.ACTIONS


@pytest.mark.parametrize("service,args,message", MISMATCH)
def test_parallel_lists_must_match_in_size(state, service, args, message):
    before = es(state, service, "configuration")
    assert es(state, service, "edit", **args) == {"error": message}
    assert es(state, service, "configuration") == before


def test_callerid_list_sizes_non_tenant_mode():
    s = make_state(tenant_mode=False)
    assert add_ext(s, server="1")["id"] == "1"
    base = dict(server="1", callerid="100")
    assert es(s, "callerid", "edit", trunks="trunk1:trunk2", tcallerids="111", **base) == {
        "error": "Fields trunks and tcallerids must match in size"}
    assert es(s, "callerid", "edit", trunks="trunk1", tcallerids="111", tprivacies="0:1", **base) == {
        "error": "Fields trunks, tcallerids and tprivacies must match in size"}
    assert es(s, "callerid", "edit", anums="111:222", alabels="a", **base) == {
        "error": "Fields anums and alabels must match in size"}
    assert es(s, "callerid", "edit", trunks="nosuch", tcallerids="111", **base) == {
        "error": "Trunk 'nosuch' does not exist."}


def test_callerid_configuration_non_tenant_mode():
    s = make_state(tenant_mode=False)
    assert add_ext(s, server="1")["id"] == "1"
    assert es(s, "callerid", "configuration", server="1") == {
        "callerid": "", "emergency_callerid": "", "allowed_callerids": {}}
    response = es(s, "callerid", "edit", server="1", callerid="6666667", emergencycid="88888888",
                  trunks="trunk1:trunk2", tcallerids="111:333", tprivacies="0:1", anums="111:222",
                  alabels="999:888", acodes="1:2")
    assert response == {"success": "Caller ID: 6666667.", "callerid": "OK"}
    assert es(s, "callerid", "configuration", server="1") == {
        "callerid": "6666667", "emergency_callerid": "88888888",
        "callerid:trunk1": "111", "callerid:trunk1:privacy": "anonymous",
        "callerid:trunk2": "333", "callerid:trunk2:privacy": "anonymous_id",
        "allowed_callerids": {"1": {"callerid": "111", "label": "999"}, "2": {"callerid": "222", "label": "888"}},
    }
    es(s, "callerid", "edit", server="1", callerid="7", trunks="trunk2", tcallerids="444")
    config = es(s, "callerid", "configuration", server="1")
    assert config["callerid:trunk2:privacy"] == "none" and "callerid:trunk1" not in config
    assert len(config["allowed_callerids"]) == 2


def test_callerid_tenant_mode_refuses_trunk_arguments(state):
    assert es(state, "callerid", "edit", callerid="1", trunks="trunk1", tcallerids="1") == {
        "error": "Field 'trunks' is not available in tenant mode."}
    assert es(state, "callerid", "edit", callerid="1", emergencycid="")["callerid"] == "OK"
    assert es(state, "callerid", "configuration") == {"callerid": "1"}


@pytest.mark.parametrize("service", sorted(REQUIRED))
def test_required_edit_arguments(state, service):
    full = EDIT_FOR_EXAMPLE[service]
    for name in REQUIRED[service]:
        args = {k: v for k, v in full.items() if k != name}
        assert es(state, service, "edit", **args) == {"error": "Required field '%s' is missing" % name}


def test_required_arguments_sent_empty(state):
    assert es(state, "callerid", "edit", callerid="") == {"error": "Required field 'callerid' is missing"}
    assert es(state, "phonecallback", "edit", callerids="", numbers="") == {
        "error": "Required field 'callerids' is missing"}
    assert es(state, "speeddial", "edit", codes="", names="", destinations="") == {
        "error": "Required field 'codes=' contains invalid data (Regex: /^(,|\\d+)+$/)"}


def test_edit_validation(state):
    assert es(state, "dnd", "edit", dsttype="email") == {
        "error": "Field 'dsttype=email' contains invalid data (Regex: /^(voicemail|call forward)$/)"}
    assert es(state, "dnd", "edit", dnd="3")["error"].startswith("Field 'dnd=3' contains invalid data")
    assert es(state, "callfwd", "edit", enabled="sometimes")["error"].startswith("Field 'enabled=sometimes'")
    assert es(state, "followme", "edit", destinations="a", timeouts="1")["error"].startswith(
        "Required field 'destinations=a' contains invalid data")
    assert es(state, "callfilters", "edit", callers="300", dtypes="busy", destinations="1") == {
        "error": "Field 'callers' must start with 'anonymous'."}
    assert "error" in es(state, "callfilters", "edit", callers="anonymous", dtypes="busy", destinations="1")
    assert "error" in es(state, "callfilters", "edit", callers="anonymous,300", dtypes="voicemail,always busy",
                         destinations="1,2")
    assert es(state, "speeddial", "edit", codes="11,11", names="a,b", destinations="1,2") == {
        "error": "Field 'codes' contains duplicate codes."}
    assert es(state, "blflist", "edit", blf_start="123")["error"].startswith("Field 'blf_start=123'")


def test_callfilters_trailing_empty_row_is_dropped(state):
    # the vendor's Postman request
    assert es(state, "callfilters", "edit", callers="anonymous,", dtypes="not in service,", destinations="0,",
              telemarketer="1") == {"success": "Call Filters & Blocking.", "callfilters": "OK"}
    assert es(state, "callfilters", "configuration") == {
        "telemarketer": "1", "callers": ["anonymous"], "dtypes": ["not in service"], "destinations": ["0"]}


@pytest.mark.parametrize("service", sorted(EDIT_FOR_EXAMPLE))
def test_edit_and_configuration_refuse_undocumented_arguments(state, service):
    assert es(state, service, "edit", functions="1", **EDIT_FOR_EXAMPLE[service]) == {
        "error": "Unknown field 'functions' for action pbxware.ext.es.%s.edit" % service}
    assert es(state, service, "configuration", state="yes") == {
        "error": "Unknown field 'state' for action pbxware.ext.es.%s.configuration" % service}


def test_edit_over_http_encodes_empty_maps_as_arrays(state):
    from pbxware_sim.encoding import _php_arrays
    assert _php_arrays(es(state, "callscreening", "configuration"))["suspends"] == []


# --- states (bulk) ------------------------------------------------------------------------

def test_states_get_all_in_reference_order(state):
    assert es(state, "states", "get", services="all") == ext_es.DEFAULT_STATES
    assert list(es(state, "states", "get", services="all")) == list(ext_es.DEFAULT_STATES)
    assert es(state, "states", "get_osc", services="all") == ext_es.DEFAULT_OSC
    assert es(state, "states", "get", services="followme,callerid") == {"callerid": "yes", "followme": "no"}
    assert es(state, "states", "get", services="nosuch")["error"].startswith(
        "Required field 'services=nosuch' contains invalid data")
    assert call(state, "pbxware.ext.es.states.get", server="2", id="1") == {
        "error": "Required field 'services' is missing"}


def test_states_set(state):
    assert es(state, "states", "set", all="no", dnd="pin", callfwd="yes") == {
        "success": "Updated Enhanced Service states successfully."}
    states = es(state, "states", "get", services="all")
    assert states["dnd"] == "pin" and states["callfwd"] == "yes"
    assert {v for k, v in states.items() if k not in ("dnd", "callfwd")} == {"no"}
    assert es(state, "dnd", "get") == {"state": "pin"}
    es(state, "wakeupcall", "set", state="yes")
    assert es(state, "states", "get", services="wakeupcall") == {"wakeupcall": "yes"}
    assert es(state, "states", "set", all="pin")["error"].startswith("Field 'all=pin' contains invalid data")
    assert es(state, "states", "set", dnd="maybe")["error"].startswith("Field 'dnd=maybe' contains invalid data")
    assert es(state, "states", "set", nosuch="yes") == {
        "error": "Unknown field 'nosuch' for action pbxware.ext.es.states.set"}
    assert es(state, "states", "set")["success"]
    assert es(state, "states", "get", services="dnd") == {"dnd": "pin"}


def test_states_set_osc(state):
    assert es(state, "states", "set_osc", all="yes", lastcaller="no") == {
        "success": "Updated Enhanced Service OSC states successfully."}
    osc = es(state, "states", "get_osc", services="all")
    assert osc["lastcaller"] == "no" and {v for k, v in osc.items() if k != "lastcaller"} == {"yes"}
    assert es(state, "lastcaller", "get_osc") == {"state": "no"}
    assert es(state, "states", "get", services="all") == ext_es.DEFAULT_STATES
    assert es(state, "states", "set_osc", dnd="pin")["error"].startswith("Field 'dnd=pin' contains invalid data")
    assert es(state, "states", "get_osc", id="7", services="all") == {"error": "Extension ID 7 does not exist."}
