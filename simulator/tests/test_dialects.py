"""Dialects (--dialect reference|postman) and edit semantics (--edit-semantics partial|whole).

One test (or parametrized group) per point of DIALECTS.md, each run under both
dialects; the edit-semantics tests run under both semantics (and both dialects).
Most tests dispatch in-process on a State of the bundled fixture; the settings
and command-line tests go over HTTP.
"""
import json
import os

import pytest

from pbxware_sim import registry
from pbxware_sim.cli import parse_args
from pbxware_sim.server import DEFAULT_FIXTURE
from pbxware_sim.state import State

registry.load_objects()

REFERENCE, POSTMAN = "reference", "postman"
DIALECTS = (REFERENCE, POSTMAN)
SEMANTICS = ("partial", "whole")
DIALECTS_MD = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "DIALECTS.md")
EXT = {"server": "2", "name": "User", "email": "user@example.com", "ext": "100", "location": "1", "ua": "50",
       "status": "1", "pin": "1234", "incominglimit": "2", "outgoinglimit": "2", "voicemail": "1", "prot": "sip",
       "secret": "Secret-Pw1"}


class Api:
    """In-process calls on a fresh State of the bundled fixture, with one extension (ID 1, tenant 2)."""

    def __init__(self, dialect=REFERENCE, semantics="partial", strict=True):
        with open(DEFAULT_FIXTURE, encoding="utf-8") as handle:
            self.state = State(json.load(handle))
        self.strict = strict
        self.use(dialect, semantics)
        assert self("pbxware.ext.add", **EXT)["id"] == "1"

    def use(self, dialect=None, semantics=None):
        changes = {"dialect": dialect, "edit_semantics": semantics}
        self.state.live.update({k: v for k, v in changes.items() if v is not None})
        return self

    def __call__(self, action, pairs=(), **args):
        sent = [("action", action)] + list(pairs) + [(k, str(v)) for k, v in args.items()]
        return registry.dispatch(self.state, sent, strict=self.strict)

    def es(self, service, method, **args):
        args.setdefault("server", "2")
        args.setdefault("id", "1")
        return self("pbxware.ext.es.%s.%s" % (service, method), **args)


def unknown(name, action):
    return {"error": "Unknown field '%s' for action %s" % (name, action)}


def invalid(name, value, pattern, required=False):
    return {"error": "%s '%s=%s' contains invalid data (Regex: /%s/)"
                     % ("Required field" if required else "Field", name, value, pattern)}


def ok(answer):
    assert isinstance(answer, dict) and "error" not in answer, answer
    return answer


@pytest.fixture(params=DIALECTS)
def dialect(request):
    return request.param


@pytest.fixture
def api(dialect):
    return Api(dialect)


# --- settings: command line, /_sim/settings, reset ------------------------------------------------

def test_cli_options_default_and_choices(capsys):
    args = parse_args(["--api-key", "k" * 12])
    assert (args.dialect, args.edit_semantics) == (REFERENCE, "partial")
    args = parse_args(["--api-key", "k" * 12, "--dialect", POSTMAN, "--edit-semantics", "whole"])
    assert (args.dialect, args.edit_semantics) == (POSTMAN, "whole")
    for option, value in (("--dialect", "vendor"), ("--edit-semantics", "replace")):
        with pytest.raises(SystemExit):
            parse_args(["--api-key", "k" * 12, option, value])
        assert "invalid choice" in capsys.readouterr().err


def test_cli_flags_reach_the_server(run_cli):
    process = run_cli("--dialect", POSTMAN, "--edit-semantics", "whole")
    settings = process.client.control("GET", "/_sim/settings")[1]["settings"]
    assert (settings["dialect"], settings["edit_semantics"]) == (POSTMAN, "whole")
    # The answers follow the dialect: Postman's DID end number is accepted.
    client = process.client
    answer = client.post("pbxware.did.add", server="2", trunk="2316", did="5550100", did2="5550109", dest_type="0",
                         destination="100", disabled="0")
    assert answer["id"] == 1 and client.post("pbxware.did.list", server="2")["1"]["number2"] == "5550109"


def test_runtime_settings_and_reset(make_sim):
    client = make_sim(dialect=POSTMAN)
    base = dict(server="2", trunk="2316", dest_type="0", destination="100", disabled="0")
    assert client.post("pbxware.did.add", did="5550100", did2="5550109", **base)["id"] == 1
    status, answer = client.control("POST", "/_sim/settings", {"dialect": REFERENCE, "edit_semantics": "whole"})
    assert status == 200 and (answer["settings"]["dialect"], answer["settings"]["edit_semantics"]) == (
        REFERENCE, "whole")
    assert client.post("pbxware.did.add", did="5550200", did2="5550209", **base) == unknown("did2", "pbxware.did.add")
    assert client.control("GET", "/_sim/health")[1]["settings"]["dialect"] == REFERENCE
    client.control("POST", "/_sim/reset")  # back to the startup values
    settings = client.control("GET", "/_sim/settings")[1]["settings"]
    assert (settings["dialect"], settings["edit_semantics"]) == (POSTMAN, "partial")


@pytest.mark.parametrize("payload", [{"dialect": "vendor"}, {"dialect": None}, {"edit_semantics": "replace"},
                                     {"edit_semantics": 1}, {"dialect": POSTMAN, "edit_semantics": "all"}])
def test_bad_settings_change_nothing(sim, payload):
    status, answer = sim.control("POST", "/_sim/settings", payload)
    assert status == 400 and answer["error"].startswith("bad settings")
    settings = sim.control("GET", "/_sim/settings")[1]["settings"]
    assert (settings["dialect"], settings["edit_semantics"]) == (REFERENCE, "partial")


def test_inventory_names_every_point():
    with open(DIALECTS_MD, encoding="utf-8") as handle:
        text = handle.read()
    for name in ("greetingwithname", "cspark_timeout", "cpark_timeout", "ringtone_local", "custompresenceetime",
                 "remotecodecs", "did_2", "did2", "blfs", "functions", "uncond_timeouts", "number2",
                 "call popup", "quiet", "pin", "dest_type", "set_osc", "sso_enforced_tenant", "edit_semantics"):
        assert name in text, name


# --- a. call screening greetingwithname -------------------------------------------------------------

CS = dict(destinations="100", delays="10", suspends="0", recordlen="30")
GREETING = {REFERENCE: ("1", "0", "^(0|1)$", ("yes", "no")), POSTMAN: ("yes", "no", "^(yes|no)$", ("1", "0"))}


def test_greetingwithname_follows_the_dialect(api, dialect):
    on, off, pattern, refused = GREETING[dialect]
    assert api.es("callscreening", "configuration")["greetingwithname"] == off  # default
    for value in refused:
        assert api.es("callscreening", "edit", greetingwithname=value, **CS) == invalid(
            "greetingwithname", value, pattern)
    ok(api.es("callscreening", "edit", greetingwithname=on, **CS))
    assert api.es("callscreening", "configuration")["greetingwithname"] == on
    ok(api.es("callscreening", "edit", greetingwithname=off, **CS))
    assert api.es("callscreening", "configuration")["greetingwithname"] == off


def test_greetingwithname_is_stored_neutrally(api, dialect):
    ok(api.es("callscreening", "edit", greetingwithname=GREETING[dialect][0], **CS))
    other = POSTMAN if dialect == REFERENCE else REFERENCE
    api.use(other)
    assert api.es("callscreening", "configuration")["greetingwithname"] == GREETING[other][0]


# --- b. tenant write and read names -----------------------------------------------------------------

# (reference write, postman write, stored value's reference read name, postman read name, value)
TENANT_NAMES = [
    ("cspark_timeout", "cpark_timeout", "cspark_timeout", "cpark_timeout", "45"),
    ("cspark_dial", "cpark_dial", "cspark_dial", "cpark_dial", "701"),
    ("cspark_goto", "cpark_goto", "cspark_goto", "cpark_goto", "702"),
    ("ringtone_local", "ringtonelocal", "ringtonelocal", "ringtonelocal", "classic"),
    ("custompresenceetime", "custompresencetime", "custompresenceetime", "custompresencetime", "15"),
    ("remote_codecs", "remotecodecs", "remote_codecs", "remote_codecs", "g722:ulaw"),
]


def tenant_read(api, key):
    return api("pbxware.tenant.configuration", id="2")[key]


@pytest.mark.parametrize("names", TENANT_NAMES, ids=[n[0] for n in TENANT_NAMES])
@pytest.mark.parametrize("method", ["add", "edit"])
def test_tenant_write_names_follow_the_dialect(api, dialect, names, method):
    ref_write, pm_write, ref_read, pm_read, value = names
    own, other = (ref_write, pm_write) if dialect == REFERENCE else (pm_write, ref_write)
    action = "pbxware.tenant.%s" % method
    base = (dict(server="1", tenant_name="new.example.com", tenant_code="808", package="1", ext_length="3",
                 country="869", national="1", international="011") if method == "add" else dict(server="1", id="2"))
    assert api(action, **dict(base, **{other: value})) == unknown(other, action)
    tenant_id = str(ok(api(action, **dict(base, **{own: value})))["id"])
    read = api("pbxware.tenant.configuration", id=tenant_id)
    expected = value.split(":") if "codecs" in ref_read else value
    assert read[ref_read if dialect == REFERENCE else pm_read] == expected
    if ref_read != pm_read:  # the other dialect's read name is not shown
        assert (pm_read if dialect == REFERENCE else ref_read) not in read


def test_tenant_reads_use_the_dialects_names(api, dialect):
    read = api("pbxware.tenant.configuration", id="2")
    names = {REFERENCE: ("cspark_timeout", "cspark_dial", "cspark_goto", "custompresenceetime"),
             POSTMAN: ("cpark_timeout", "cpark_dial", "cpark_goto", "custompresencetime")}
    other = POSTMAN if dialect == REFERENCE else REFERENCE
    assert all(name in read for name in names[dialect]) and not any(name in read for name in names[other])
    assert {"ringtonelocal", "local_codecs", "remote_codecs", "network_codecs"} <= set(read)


def test_tenant_value_written_in_one_dialect_reads_in_the_other():
    api = Api(REFERENCE)
    ok(api("pbxware.tenant.edit", server="1", id="2", cspark_timeout="30", custompresenceetime="9"))
    api.use(POSTMAN)
    read = api("pbxware.tenant.configuration", id="2")
    assert (read["cpark_timeout"], read["custompresencetime"]) == ("30", "9")


def test_tenant_other_spelling_is_ignored_without_strict(dialect):
    api = Api(dialect, strict=False)
    other = "cpark_timeout" if dialect == REFERENCE else "cspark_timeout"
    ok(api("pbxware.tenant.edit", server="1", id="2", **{other: "30"}))
    read = api("pbxware.tenant.configuration", id="2")
    key = "cspark_timeout" if dialect == REFERENCE else "cpark_timeout"
    assert read[key] in ("", None)


def test_tenant_common_codec_names_in_both(api):
    ok(api("pbxware.tenant.edit", server="1", id="2", localcodecs="g722", networkcodecs="alaw"))
    read = api("pbxware.tenant.configuration", id="2")
    assert (read["local_codecs"], read["network_codecs"]) == (["g722"], ["alaw"])


# --- DID end number (did_2 / did2), list nulls, dest_type and destination regexes -----------------------

DID = dict(server="2", trunk="2316", dest_type="0", destination="100", disabled="0")
END = {REFERENCE: "did_2", POSTMAN: "did2"}


@pytest.mark.parametrize("method", ["add", "edit"])
def test_did_end_number_follows_the_dialect(api, dialect, method):
    own, other = END[dialect], END[POSTMAN if dialect == REFERENCE else REFERENCE]
    action = "pbxware.did.%s" % method
    if method == "edit":
        ok(api("pbxware.did.add", did="5550100", **DID))
        base = dict(server="2", id="1")
    else:
        base = dict(DID, did="5550100")
    assert api(action, **dict(base, **{other: "5550109"})) == unknown(other, action)
    ok(api(action, **dict(base, **{own: "5550109"})))
    assert api("pbxware.did.list", server="2")["1"]["number2"] == "5550109"
    assert api(action, **dict(base, **{own: "55501x"})) == invalid(own, "55501x", r"^\d+$")


def test_did_list_unset_values(api, dialect):
    ok(api("pbxware.did.add", did="5550100", **DID))
    ok(api("pbxware.did.add", did="5550200", e164="15550200", **DID))
    listed = api("pbxware.did.list", server="2")
    unset = None if dialect == POSTMAN else ""
    assert (listed["1"]["number2"], listed["1"]["e164"], listed["1"]["e164_2"]) == (unset, unset, unset)
    assert listed["2"]["e164"] == "15550200"


@pytest.mark.parametrize("args, postman_error", [
    (dict(dest_type="10", destination="2316"), invalid("dest_type", "10", r"^\d{1}$", True)),
    (dict(dest_type="5", destination="+15551234"), invalid("destination", "+15551234", r"^\d+$", True)),
    (dict(dest_type="1", destination="100,101"), invalid("destination", "100,101", r"^\d+$", True)),
])
def test_did_dest_type_and_destination_patterns(api, dialect, args, postman_error):
    if dialect == REFERENCE:
        answer = api("pbxware.did.add", **dict(DID, did="5550100", **args))
        assert "error" not in answer or "contains invalid data" not in answer["error"], answer
    else:
        assert api("pbxware.did.add", **dict(DID, did="5550100", **args)) == postman_error


# --- d. BLF list: blfs, labels, functions --------------------------------------------------------------

def test_single_blf(api, dialect):
    answer = api.es("blflist", "edit", exts="122", blfs="1")
    if dialect == REFERENCE:
        ok(answer)
        assert api.es("blflist", "configuration")["blfs"] == [1]
    else:
        assert answer == invalid("blfs", "1", "^[0-1](,[0-1])+$", required=True)
    ok(api.es("blflist", "edit", exts="122,123", blfs="1,0"))


def test_blf_labels_and_functions(api, dialect):
    sent = dict(exts="421,423,424", labels="Ext421,", blfs="1,0,1", functions="1,0,1,2,3")  # Postman's request
    if dialect == REFERENCE:
        assert api.es("blflist", "edit", **sent) == unknown("functions", "pbxware.ext.es.blflist.edit")
        del sent["functions"]
        assert api.es("blflist", "edit", **sent) == {"error": "Fields exts, labels and blfs must match in size"}
        assert "functions" not in api.es("blflist", "configuration")
    else:
        assert "functions" in api.es("blflist", "configuration")  # [] before any edit
        ok(api.es("blflist", "edit", **sent))
        config = api.es("blflist", "configuration")
        assert config["labels"] == ["Ext421", "", ""] and config["functions"] == [1, 0, 1, 2, 3]
        assert api.es("blflist", "edit", exts="1", labels="a,b") == {
            "error": "Fields exts and labels must match in size"}


# --- e/f. call forwarding: configuration shape, dests/timeouts sizes --------------------------------------

def test_callfwd_configuration_shape(api, dialect):
    empty = api.es("callfwd", "configuration")
    ok(api.es("callfwd", "edit", enabled="unconditional,busy", uncond_dests="422", uncond_timeouts="15",
              busy_dests="424,425", busy_timeouts="10,", play="1", cid="0"))
    config = api.es("callfwd", "configuration")
    if dialect == REFERENCE:
        assert empty == {"play": "0", "cid": "0", "enabled": [],
                         "destinations": {c: [] for c in ("unconditional", "busy", "no answer", "line unavailable")},
                         "timeouts": {c: [] for c in ("unconditional", "busy", "no answer", "line unavailable")}}
        assert config["enabled"] == ["unconditional", "busy"] and config["play"] == "1"
        assert config["destinations"]["busy"] == ["424", "425"] and config["timeouts"]["busy"] == ["10", ""]
    else:
        assert empty == {"play": 0, "cid": 0, "enabled": "", "destinations": "", "timeouts": ""}
        assert (config["play"], config["cid"], config["enabled"]) == (1, 0, "unconditional,busy")
        assert json.loads(config["destinations"]) == {"unconditional": ["422"], "busy": ["424", "425"],
                                                      "no answer": [], "line unavailable": []}
        assert json.loads(config["timeouts"])["busy"] == ["10", ""]


def test_callfwd_dests_and_timeouts_sizes(api, dialect):
    # Postman's "Call Forwarding Edit": 3 unconditional destinations, 1 timeout.
    sent = dict(enabled="unconditional,busy,no answer", uncond_dests="422,423,424", uncond_timeouts="15",
                busy_dests="424,425", busy_timeouts="15", noansw_dests="423", noansw_timeouts="15", play="0", cid="1")
    missing = dict(busy_dests="106,107")
    if dialect == REFERENCE:
        assert api.es("callfwd", "edit", **sent) == {
            "error": "Fields uncond_dests and uncond_timeouts must match in size"}
        assert api.es("callfwd", "edit", **missing) == {"error": "Fields busy_dests and busy_timeouts must match in size"}
    else:
        ok(api.es("callfwd", "edit", **sent))
        assert json.loads(api.es("callfwd", "configuration")["timeouts"])["unconditional"] == ["15", "", ""]
        ok(api.es("callfwd", "edit", **missing))
        assert json.loads(api.es("callfwd", "configuration")["timeouts"])["busy"] == ["", ""]
    # Both: an empty timeouts list next to one destination is one empty timeout (PHP's explode).
    ok(api.es("callfwd", "edit", busy_dests="106", busy_timeouts=""))
    config = api.es("callfwd", "configuration")
    timeouts = config["timeouts"] if dialect == REFERENCE else json.loads(config["timeouts"])
    assert timeouts["busy"] == [""]
    for args in (dict(busy_dests="106", busy_timeouts="10,20"), dict(busy_timeouts="10")):
        assert api.es("callfwd", "edit", **args) == {"error": "Fields busy_dests and busy_timeouts must match in size"}


# --- g. more points -----------------------------------------------------------------------------------

@pytest.mark.parametrize("service, postman_pin", [("callerid", False), ("followme", False), ("smsnotifications", False),
                                                  ("callpickup", True), ("callfwd", True), ("sppage", True),
                                                  ("operationtimes", True)])
def test_set_pin_per_service(api, dialect, service, postman_pin):
    answer = api.es(service, "set", state="pin")
    if dialect == REFERENCE or postman_pin:
        assert answer["state"] == "pin"
    else:
        assert answer == invalid("state", "pin", "^(yes|no)$", required=True)
    assert api.es(service, "set", state="yes")["state"] == "yes"


@pytest.mark.parametrize("value, read", [("1", "yes"), ("0", "no"), ("yes", "yes")])
def test_set_osc_takes_one_and_zero_in_both(api, value, read):
    assert api.es("callerid", "set_osc", state=value)["state"] == read


def test_sppage_quiet_read(api, dialect):
    ok(api.es("sppage", "edit", extensions="106,107", quiet="1"))
    config = api.es("sppage", "configuration")
    assert config == ({"extensions": ["106", "107"]} if dialect == REFERENCE else
                      {"extensions": ["106", "107"], "quiet": 1})


def test_editions_modules(api, dialect):
    answer = ok(api("pbxware.ext.editions_modules.set", server="2", id="1", modules="call popup,customer survey"))
    assert answer["id"] == (1 if dialect == REFERENCE else "1")
    modules = api("pbxware.ext.editions_modules.configuration", server="2", id="1")["modules"]
    if dialect == REFERENCE:
        assert (modules["call_popup"], modules["customer_survey"], modules["crm"]) == (1, 1, 0)
    else:
        assert (modules["call popup"], modules["customer survey"], modules["crm"]) == (1, 1, 0)
        assert "call_popup" not in modules


def test_additional_macs_id(api, dialect):
    answer = ok(api("pbxware.ext.additional_macs", server="2", id="1", values="00156512ab01", devices="50",
                    locations="1"))
    assert answer["id"] == (1 if dialect == REFERENCE else "1")


def test_tenant_configuration_unset_values(api, dialect):
    read = api("pbxware.tenant.configuration", id="2")
    if dialect == REFERENCE:
        assert (read["status"], read["glocomproxy"], read["area_code"], read["cdrvoicemail"]) == ("1", "", "", "0")
    else:  # never written or empty: null (Postman's test allows null for these)
        assert (read["status"], read["glocomproxy"], read["area_code"], read["cdrvoicemail"]) == (None,) * 4
    # Those Postman requires as strings stay strings; written values read as written.
    assert read["recordformat"] == "wav" and read["incominglimit"] == "8" and read["absolutetimeout"] == ""
    ok(api("pbxware.tenant.edit", server="1", id="2", cdrvoicemail="2", glocomproxy="sip.example.com"))
    read = api("pbxware.tenant.configuration", id="2")
    assert (read["cdrvoicemail"], read["glocomproxy"]) == ("2", "sip.example.com")


@pytest.mark.parametrize("action, args", [
    ("pbxware.tenant.edit", dict(server="1", id="2", sso_enforced_tenant="1")),   # Postman only
    ("pbxware.tenant.edit", dict(server="1", id="2", ldap_tls="1")),              # reference only
    ("pbxware.ext.edit", dict(server="2", id="1", page="4")),                     # Postman only
    ("pbxware.ext.edit", dict(server="2", id="1", sms_rating="0")),               # reference only
])
def test_one_sided_arguments_accepted_in_both(api, action, args):
    ok(api(action, **args))


# --- j. ring groups and ERGs ------------------------------------------------------------------------------

ERG_ADD = dict(server="2", name="Support", ext="300", max_wait_callers="5", rings_answer="0")


def test_ring_group_last_dest(api, dialect):
    answer = api("pbxware.ring_group.add", server="2", name="Sales", ext="200", last_dest="101")
    if dialect == REFERENCE:
        ok(answer)
    else:
        assert answer == invalid("last_dest", "101", "^(yes|no)$")


def test_erg_queue_url(api, dialect):
    answer = api("pbxware.erg.add", queue_url="http://crm.example.com/caller", **ERG_ADD)
    if dialect == REFERENCE:
        ok(answer)
    else:
        assert answer == invalid("queue_url", "http://crm.example.com/caller", r"^[\w\s]+$")


def test_erg_members_id(api, dialect):
    ok(api("pbxware.erg.add", **ERG_ADD))
    answer = ok(api("pbxware.erg.members", server="2", id="1", numbers="100", penalties="0"))
    assert answer["id"] == (1 if dialect == REFERENCE else "1")
    assert ok(api("pbxware.erg.edit", server="2", id="1", name="Help"))["id"] == "1"  # README: *.edit, both


# --- 2. edit semantics -------------------------------------------------------------------------------

@pytest.fixture(params=SEMANTICS)
def semantics(request):
    return request.param


@pytest.fixture
def api2(dialect, semantics):
    return Api(dialect, semantics)


def test_es_edit_semantics(api2, semantics):
    whole = semantics == "whole"
    ok(api2.es("followme", "edit", destinations="106,107", timeouts="10,10", dopts="tr", lastd="102", voicemail="1"))
    ok(api2.es("followme", "edit", destinations="201", timeouts="30"))
    config = api2.es("followme", "configuration")
    assert config["destinations"] == ["201"] and config["timeouts"] == ["30"]
    assert (config["dopts"], config["lastd"], config["voicemail"]) == (("", "", "0") if whole else ("tr", "102", "1"))

    ok(api2.es("dnd", "edit", dnd="2", dst="123", dsttype="call forward", duration="4"))
    ok(api2.es("dnd", "edit", duration="8"))
    assert api2.es("dnd", "configuration") == (
        {"dnd": "0", "dst": "", "dsttype": "voicemail", "duration": "8"} if whole else
        {"dnd": "2", "dst": "123", "dsttype": "call forward", "duration": "8"})


def test_callfwd_edit_semantics(api2, dialect, semantics):
    ok(api2.es("callfwd", "edit", enabled="busy", busy_dests="106", busy_timeouts="10", play="1"))
    ok(api2.es("callfwd", "edit", uncond_dests="300", uncond_timeouts="5"))
    config = api2.es("callfwd", "configuration")
    if dialect == POSTMAN:
        config = dict(config, enabled=[e for e in config["enabled"].split(",") if e], play=str(config["play"]),
                      destinations=json.loads(config["destinations"]))
    assert config["destinations"]["unconditional"] == ["300"]
    if semantics == "whole":
        assert config["destinations"]["busy"] == [] and config["enabled"] == [] and config["play"] == "0"
    else:
        assert config["destinations"]["busy"] == ["106"] and config["enabled"] == ["busy"] and config["play"] == "1"


def test_whole_edit_keeps_what_is_not_an_argument(api2, semantics):
    ok(api2.es("remoteaccess", "edit", callerids="1", pins="1", requirepin="0", timeout="12"))
    ok(api2.es("remoteaccess", "edit", callerids="2", pins="0", requirepin="1"))
    config = api2.es("remoteaccess", "configuration")
    assert config["pid"] == "1" and config["callerids"] == ["2"]
    assert config["timeout"] == ("" if semantics == "whole" else "12")


def test_blflist_and_callscreening_semantics(api2, dialect, semantics):
    ok(api2.es("blflist", "edit", exts="1,2", blfs="1,0", blf_start="5", cart_only="1"))
    ok(api2.es("blflist", "edit", blf_cleanup="1"))
    config = api2.es("blflist", "configuration")
    if semantics == "whole":
        assert (config["exts"], config["blf_start"], config["cart_only"], config["blf_cleanup"]) == ([], 1, 0, 1)
    else:
        assert (config["exts"], config["blf_start"], config["cart_only"], config["blf_cleanup"]) == (
            ["1", "2"], 5, 1, 1)
    on, off = GREETING[dialect][:2]
    ok(api2.es("callscreening", "edit", greetingwithname=on, timeout="20", **CS))
    ok(api2.es("callscreening", "edit", **CS))
    config = api2.es("callscreening", "configuration")
    assert (config["greetingwithname"], config["timeout"]) == ((off, "") if semantics == "whole" else (on, "20"))


def otimes_set(api, pairs=(), **args):
    return api("pbxware.otimes.did.set", pairs, **args)


def test_otimes_set_semantics(api2, semantics):
    ok(api2("pbxware.did.add", did="5550100", **DID))
    days = [("open_days_desc[]", "Week"), ("open_days[]", "1,2,3,4,5"), ("open_days_time_from[]", "08:00"),
            ("open_days_time_to[]", "17:00")]
    ok(otimes_set(api2, days, server="2", id="1", status="on", greeting="greeting-open", default_dest_ext="100",
                  default_dest_is_vm="yes"))
    ok(otimes_set(api2, server="2", id="1", default_dest_ext="101"))
    state = api2("pbxware.otimes.did.list", server="2", id="1")["1"]
    assert state["default_dest_ext"] == "101" and state["open_days"] == []  # lists: replaced in both
    expected = (("off", "", "no") if semantics == "whole" else ("on", "greeting-open", "yes"))
    assert (state["status"], state["greeting"], state["default_dest_is_vm"]) == expected


def test_tenant_and_did_edits_stay_partial(api2):
    """Only ext.es.<service>.edit and otimes.<kind>.set follow edit_semantics."""
    ok(api2("pbxware.did.add", did="5550100", name="Front", **DID))
    ok(api2("pbxware.did.edit", server="2", id="1", disabled="1"))
    assert api2("pbxware.did.list", server="2")["1"]["name"] == "Front"
