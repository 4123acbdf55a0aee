# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Enhanced services: config tables, plan (edit arguments, write order, idempotence), errors, converge.

Read shapes are those of ``pbxware.ext.es.<service>.configuration`` (the
simulator's defaults of a new extension and the vendor reference's examples,
and where the vendor's Postman collection reads otherwise, its shapes);
edit arguments are checked as the form fields they go over the wire as.
"""

import copy
import json

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareApiError, PBXwareError, PBXwareResponseError, PBXwareTransportError)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import ColonList, CommaList, encode_params
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_services import (
    EnhancedServiceConverger, check_input, check_service_names, check_states_input, config_of, converge_states,
    flatten_config, plan_service, plan_states, read_services, read_view, service_resource, shape)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_service_settings import (
    CONFIGS, EDITABLE)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_bool
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

CONDITIONS = ("unconditional", "busy", "no answer", "line unavailable")

# What ``configuration`` answers for a new extension: the simulator's defaults as read over HTTP
# (tenant mode, so caller ID shows only ``callerid``; ``_``-keys hidden; empty ``suspends`` as ``[]``).
DEFAULTS = {
    "callerid": {"callerid": ""},
    "callfilters": {"telemarketer": "0", "callers": ["anonymous"], "dtypes": ["do_nothing"], "destinations": [""]},
    "callscreening": {"timeout": "", "dopts": "", "dtype": "", "replacecid": "", "preamble": "", "greeting": "",
                      "pausebeforerec": "", "recordlen": "", "greetingwithname": "0", "lastd": "", "voicemail": "0",
                      "destinations": [], "delays": [], "suspends": []},
    "dnd": {"dnd": "0", "dst": "", "dsttype": "voicemail", "duration": ""},
    "callfwd": {"play": "0", "cid": "0", "enabled": [], "destinations": dict((c, []) for c in CONDITIONS),
                "timeouts": dict((c, []) for c in CONDITIONS)},
    "followme": {"destinations": [], "timeouts": [], "dopts": "", "lastd": "", "voicemail": "0", "confirm_calls": "0"},
    "instrecord": {"silent": "0", "emailrec": "0"},
    "remoteaccess": {"callerids": [], "pins": [], "pid": "", "require_pin": "1", "timeout": "", "dial_opts": ""},
    "phonecallback": {"callerids": [], "numbers": []},
    "grouphunt": {"destinations": [], "delays": [], "suspends": [], "dopts": "", "lastd": "", "timeout": "",
                  "voicemail": "0", "confirmcalls": "0"},
    "mobilenumbers": {"mobiles": [], "labels": []},
    "sppage": {"extensions": []},
    "blflist": {"exts": [], "labels": [], "blfs": [], "blf_start": 1, "blf_cleanup": 0, "cart_only": 0},
    "speeddial": {"codes": [], "names": [], "destinations": []},
    "extoperationtimes": {"timeout": "", "dial_opts": "", "sequential": "", "last_dest": "", "destinations": [],
                          "ot_time_from": [], "ot_time_to": [], "ot_days_array": []},
}

# The vendor reference's configuration examples used below.
FOLLOWME = {"destinations": ["106", "107"], "timeouts": ["10", "10"], "dopts": "tr", "lastd": "102", "voicemail": "1",
            "confirm_calls": "1"}
CALLSCREENING = {"timeout": "16", "dopts": "tTr", "dtype": "", "replacecid": "123412341234", "preamble": "",
                 "greeting": "", "pausebeforerec": "1", "recordlen": "11", "greetingwithname": "1", "lastd": "5435345",
                 "voicemail": "1", "destinations": ["100", "101", "102"], "delays": ["16", "22", "33"],
                 "suspends": {"0": "on", "2": "on"}}
REMOTEACCESS = {"callerids": ["21345678", "11223344"], "pins": ["1", "0"], "pid": "3", "require_pin": "1",
                "timeout": "12", "dial_opts": "rT"}
CALLFWD = {"play": "1", "cid": "1", "enabled": ["unconditional", "busy"],
           "destinations": {"unconditional": [], "busy": ["106", "107"], "no answer": ["106", "107"],
                            "line unavailable": []},
           "timeouts": {"unconditional": [], "busy": ["", ""], "no answer": ["10", "10"], "line unavailable": []}}
# Caller ID outside tenant mode.
CALLERID = {"callerid": "6666667", "emergency_callerid": "88888888", "callerid:TestTrunk": "111",
            "callerid:TestTrunk:privacy": "anonymous", "callerid:TestTrunk2": "333",
            "callerid:TestTrunk2:privacy": "anonymous_id",
            "allowed_callerids": {"1": {"callerid": "111", "label": "999"}}}


def wire(arguments):
    """Edit arguments as the form fields sent (lists joined as the API wants them)."""
    return dict(encode_params(arguments))


def plan_config(service, config, raw, **params):
    """Plan a config change of a disabled service, its OSC off."""
    return plan_service(service, dict(params, config=config), "no", "no", copy.deepcopy(raw))


def replan(service, params, service_plan):
    """Plan the same task against the predicted result, read back as ``configuration`` would answer."""
    after = service_plan.plan.after
    return plan_service(service, params, after["state"], after["osc"], config_of(after))


# -- one edit per service, in the API's names and encodings, then nothing left to do ------------------

EDITS = [
    ("callerid", {"callerid": "Mr Smith"}, {"callerid": "Mr Smith"}),
    ("callfilters", {"dtypes": ["voicemail"]},
     {"callers": "anonymous,", "dtypes": "voicemail,", "destinations": ","}),
    ("callscreening", {"destinations": [100, 101, 102], "delays": [16, 22, 33], "suspends": {"0": "on", "2": "on"},
                       "dtype": 1, "recordlen": 11},
     {"destinations": "100,101,102", "delays": "16,22,33", "suspends": "1,0,1", "dtypes": "1", "recordlen": "11"}),
    ("dnd", {"dnd": 1, "dst": 123, "dsttype": "call forward"}, {"dnd": "1", "dst": "123", "dsttype": "call forward"}),
    ("callfwd", {"enabled": ["busy", "unconditional"], "destinations": {"busy": ["106", "107"]},
                 "timeouts": {"busy": ["", 10]}},
     {"enabled": "unconditional,busy", "busy_dests": "106,107", "busy_timeouts": ",10"}),
    ("followme", {"destinations": [106, 107], "timeouts": [10, "10"], "voicemail": True},
     {"destinations": "106,107", "timeouts": "10,10", "voicemail": "1"}),
    ("instrecord", {"silent": True}, {"silent": "1", "emailrec": "0"}),
    ("remoteaccess", {"callerids": ["21345678"], "pins": [True], "require_pin": False, "dial_opts": "rT", "timeout": 12},
     {"callerids": "21345678", "pins": "1", "requirepin": "0", "dopts": "rT", "timeout": "12"}),
    ("phonecallback", {"callerids": ["12015618445", "12015618446"], "numbers": ["447441907999", "447441907888"]},
     {"callerids": "12015618445,12015618446", "numbers": "447441907999,447441907888"}),
    ("grouphunt", {"destinations": [100, 101], "delays": [1, 2], "suspends": [True, False], "confirmcalls": "yes"},
     {"destinations": "100,101", "delays": "1,2", "suspends": "1,0", "confirmcalls": "1"}),
    ("mobilenumbers", {"mobiles": ["12015618445", "12015618444"], "labels": ["Number one", "Number two"]},
     {"mobiles": "12015618445,12015618444", "labels": "Number one,Number two"}),
    ("sppage", {"extensions": [106, 107, 108]}, {"extensions": "106,107,108"}),
    ("blflist", {"exts": ["122", "123"], "labels": ["Test", "Test 1"], "blfs": [1, 0], "blf_cleanup": True},
     {"exts": "122,123", "labels": "Test,Test 1", "blfs": "1,0", "blf_cleanup": "1"}),
    ("speeddial", {"codes": [11, 22], "names": ["test1", "test2"], "destinations": [106, 107]},
     {"codes": "11,22", "names": "test1,test2", "destinations": "106,107"}),
]


# Every edit argument of each service in tenant mode, as a whole-configuration edit sends them
# (remote access's pid is assigned by the server, never sent; sppage's quiet where it is known).
WHOLE = {
    "callerid": {"callerid"},
    "callfilters": {"telemarketer", "callers", "dtypes", "destinations"},
    "callscreening": {"timeout", "dopts", "dtypes", "replacecid", "preamble", "greeting", "pausebeforerec",
                      "recordlen", "greetingwithname", "lastd", "voicemail", "destinations", "delays", "suspends"},
    "dnd": {"dnd", "dst", "dsttype", "duration"},
    "callfwd": {"play", "cid", "enabled"} | set(
        "%s_%s" % (short, kind) for short in ("uncond", "busy", "noansw", "unavail") for kind in ("dests", "timeouts")),
    "followme": {"destinations", "timeouts", "dopts", "lastd", "voicemail", "confirm_calls"},
    "instrecord": {"silent", "emailrec"},
    "remoteaccess": {"callerids", "pins", "requirepin", "timeout", "dopts"},
    "phonecallback": {"callerids", "numbers"},
    "grouphunt": {"destinations", "delays", "suspends", "dopts", "lastd", "timeout", "voicemail", "confirmcalls"},
    "mobilenumbers": {"mobiles", "labels"},
    "sppage": {"extensions"},
    "blflist": {"exts", "labels", "blfs", "blf_start", "blf_cleanup", "cart_only"},
    "speeddial": {"codes", "names", "destinations"},
}


def test_every_editable_service_has_an_edit_case():
    assert sorted(case[0] for case in EDITS) == sorted(EDITABLE) == sorted(WHOLE)
    assert len(EDITABLE) == 14 and "extoperationtimes" not in EDITABLE


@pytest.mark.parametrize("service,config,sent", EDITS, ids=[case[0] for case in EDITS])
def test_config_change_is_one_whole_edit_and_converges(service, config, sent):
    params = {"config": config}
    service_plan = plan_config(service, config, DEFAULTS[service])
    assert service_plan.changed
    assert [write[0] for write in service_plan.writes] == ["edit"]
    arguments = wire(service_plan.writes[0][1])
    assert set(arguments) == WHOLE[service]
    assert dict((name, arguments[name]) for name in sent) == sent
    again = replan(service, params, service_plan)
    assert not again.changed and again.writes == []


def test_callfilters_keeps_a_real_destination_without_a_trailing_row():
    service_plan = plan_config("callfilters", {"callers": ["anonymous", "300"], "dtypes": ["voicemail", "busy"],
                                               "destinations": ["123", ""]}, DEFAULTS["callfilters"])
    assert wire(service_plan.writes[0][1]) == {"callers": "anonymous,300", "dtypes": "voicemail,busy",
                                               "destinations": "123,", "telemarketer": "0"}


# -- whole edits: a change of one key sends the whole configuration, the others as they are -----------
# (the reference is silent on arguments an edit leaves out; a server may reset them)

WHOLE_EDITS = [
    ("followme", FOLLOWME, {"dopts": "T"}, {"dopts": "T", "destinations": "106,107", "timeouts": "10,10",
                                            "lastd": "102", "voicemail": "1", "confirm_calls": "1"}),
    ("dnd", {"dnd": "0", "dst": "123", "dsttype": "voicemail", "duration": "1"}, {"dst": "200"},
     {"dnd": "0", "dst": "200", "dsttype": "voicemail", "duration": "1"}),
    ("callscreening", CALLSCREENING, {"timeout": 20},
     {"timeout": "20", "dopts": "tTr", "dtypes": "", "replacecid": "123412341234", "preamble": "", "greeting": "",
      "pausebeforerec": "1", "recordlen": "11", "greetingwithname": "1", "lastd": "5435345", "voicemail": "1",
      "destinations": "100,101,102", "delays": "16,22,33", "suspends": "1,0,1"}),
    ("remoteaccess", REMOTEACCESS, {"timeout": 30},
     {"callerids": "21345678,11223344", "pins": "1,0", "requirepin": "1", "timeout": "30", "dopts": "rT"}),
    ("callfwd", CALLFWD, {"timeouts": {"no answer": [20, 20]}},
     {"play": "1", "cid": "1", "enabled": "unconditional,busy", "uncond_dests": "", "busy_dests": "106,107",
      "noansw_dests": "106,107", "unavail_dests": "", "uncond_timeouts": "", "busy_timeouts": ",",
      "noansw_timeouts": "20,20", "unavail_timeouts": ""}),
    ("instrecord", {"silent": "0", "emailrec": "1"}, {"silent": "1"}, {"silent": "1", "emailrec": "1"}),
]


@pytest.mark.parametrize("service,raw,config,sent", WHOLE_EDITS, ids=[case[0] for case in WHOLE_EDITS])
def test_edit_of_one_key_sends_the_whole_configuration(service, raw, config, sent):
    service_plan = plan_config(service, config, raw)
    assert len(service_plan.plan.changes) == 1
    assert wire(service_plan.writes[0][1]) == sent
    before, after = config_of(service_plan.plan.before), config_of(service_plan.plan.after)
    key = next(iter(config))
    assert before != after and dict(before, **{key: after[key]}) == after


def test_callscreening_suspends_follow_changed_destinations():
    config = {"destinations": [100, 101, 102, 103], "delays": [1, 2, 3, 4]}
    service_plan = plan_config("callscreening", config, CALLSCREENING)
    assert wire(service_plan.writes[0][1])["suspends"] == "1,0,1,0"


# -- parallel lists ---------------------------------------------------------------------------

@pytest.mark.parametrize("service,config,parameter", [
    ("followme", {"destinations": ["106"], "timeouts": ["10", "10"]}, "config.destinations"),
    ("callfwd", {"destinations": {"busy": ["106", "107"]}, "timeouts": {"busy": ["10"]}}, "config.destinations.busy"),
    ("speeddial", {"codes": ["11"], "names": ["a", "b"], "destinations": ["106"]}, "config.codes"),
    ("blflist", {"exts": ["122"], "labels": ["a"], "blfs": [1, 0]}, "config.exts"),
    ("callfilters", {"callers": ["anonymous"], "dtypes": ["voicemail"], "destinations": ["1", "2"]}, "config.callers"),
], ids=["followme", "callfwd", "speeddial", "blflist", "callfilters"])
def test_mismatched_lists_given_together_fail_before_any_read(service, config, parameter):
    with pytest.raises(ReconcileError) as err:
        check_input(service, {"config": config})
    assert err.value.parameter == parameter
    assert "must have the same number of items" in err.value.message


def test_mismatch_with_the_current_record_fails_when_planned():
    params = {"config": {"timeouts": ["10"]}}
    check_input("followme", params)
    with pytest.raises(ReconcileError) as err:
        plan_service("followme", params, "no", "no", FOLLOWME)
    assert err.value.parameter == "config.destinations" and "destinations=2, timeouts=1" in err.value.message


# -- refused input ------------------------------------------------------------------------------

ERRORS = [
    ("callpickup", None, {"enabled": True}, "config", "callpickup has no configuration"),
    ("followme", FOLLOWME, {"dopt": "t"}, "config.dopt",
     "allowed: confirm_calls, destinations, dopts, lastd, timeouts, voicemail"),
    ("callfwd", CALLFWD, {"destinations": {"bsy": ["1"]}}, "config.destinations.bsy", "is not a setting of callfwd"),
    ("callfwd", CALLFWD, {"destinations": ["1"]}, "config.destinations", "must be a dict by condition"),
    ("followme", FOLLOWME, {"destinations": [], "timeouts": []}, "config.destinations", "cannot be empty"),
    ("callfilters", DEFAULTS["callfilters"], {"callers": ["300"], "dtypes": ["busy"], "destinations": [""]},
     "config.callers", "must start with 'anonymous'"),
    ("callfilters", DEFAULTS["callfilters"], {"dtypes": ["busy"]}, "config.dtypes", "not allowed for anonymous"),
    ("callfilters", DEFAULTS["callfilters"],
     {"callers": ["anonymous", "300"], "dtypes": ["voicemail", "do_nothing"], "destinations": ["", ""]},
     "config.dtypes", "not allowed for caller 300"),
    ("callscreening", CALLSCREENING, {"dtype": 2}, "config.dtype", "must be one of"),
    ("speeddial", DEFAULTS["speeddial"], {"codes": [11, 11], "names": ["a", "b"], "destinations": [1, 2]},
     "config.codes", "lists 11 more than once"),
    ("callscreening", CALLSCREENING, {"suspends": {"3": "on"}}, "config.suspends", "only 3 destinations"),
    ("remoteaccess", REMOTEACCESS, {"pid": "4"}, "config.pid", "cannot be changed"),
    ("extoperationtimes", DEFAULTS["extoperationtimes"], {"timeout": "5"}, "config.timeout", "is read-only"),
    ("dnd", DEFAULTS["dnd"], {"dsttype": "email"}, "config.dsttype", "invalid value 'email'"),
    ("followme", DEFAULTS["followme"], {"destinations": ["106"], "timeouts": [""]}, "config",
     "cannot be sent as edit argument timeouts"),
    ("callerid", {"callerid": "x"}, {"callerid": "x", "emergency_callerid": "911"}, "config.emergency_callerid",
     "exist only outside tenant mode"),
]


@pytest.mark.parametrize("service,raw,config,parameter,message", ERRORS,
                         ids=["%s-%s" % (case[0], case[3]) for case in ERRORS])
def test_refused_config(service, raw, config, parameter, message):
    with pytest.raises(ReconcileError) as err:
        plan_config(service, config, raw)
    assert err.value.parameter == parameter
    assert message in err.value.message


@pytest.mark.parametrize("service,raw,config", [
    ("remoteaccess", REMOTEACCESS, {"pid": 3}),
    ("extoperationtimes", DEFAULTS["extoperationtimes"], dict(DEFAULTS["extoperationtimes"])),
    ("callfilters", DEFAULTS["callfilters"], {"telemarketer": False, "destinations": [None]}),
], ids=["remoteaccess-pid", "extoperationtimes", "callfilters-none-item"])
def test_read_only_values_equal_to_the_record_are_no_change(service, raw, config):
    service_plan = plan_config(service, config, raw)
    assert not service_plan.changed and service_plan.writes == []


def test_one_destination_without_timeout_goes_with_one_empty_timeout():
    # "dests, timeouts and dtypes lists must mach in size" (reference L2516): busy_timeouts= next to one
    # destination is one empty timeout (PHP's explode); Postman's reading pads it the same way.
    service_plan = plan_config("callfwd", {"destinations": {"busy": ["106"]}, "timeouts": {"busy": [""]}},
                               DEFAULTS["callfwd"])
    arguments = wire(service_plan.writes[0][1])
    assert arguments["busy_dests"] == "106" and arguments["busy_timeouts"] == ""
    assert arguments["noansw_dests"] == arguments["noansw_timeouts"] == ""
    assert service_plan.plan.after["config.timeouts.busy"] == [""]


def test_blflist_single_empty_label_is_left_for_the_server_to_fill():
    service_plan = plan_config("blflist", {"exts": [122], "labels": [""], "blfs": [1]}, DEFAULTS["blflist"])
    assert "labels" not in wire(service_plan.writes[0][1])


def test_sppage_quiet_unread_is_never_compared_but_sent_when_forced_or_with_an_edit():
    raw = {"extensions": ["106"]}
    assert plan_config("sppage", {"quiet": True}, raw).writes == []
    forced = plan_service("sppage", {"config": {"quiet": True}}, "no", "no", raw, force_write_only=True)
    assert wire(forced.writes[0][1]) == {"quiet": "1", "extensions": "106"}
    with_edit = plan_config("sppage", {"quiet": True, "extensions": [107]}, raw)
    assert wire(with_edit.writes[0][1]) == {"quiet": "1", "extensions": "107"}
    assert with_edit.unsent == []
    without = plan_config("sppage", {"extensions": [107]}, raw)
    assert wire(without.writes[0][1]) == {"extensions": "107"} and without.unsent == ["config.quiet"]


def test_sppage_quiet_read_as_a_number_is_compared_and_kept():
    # Postman's "Speakerphone Page configuration" test reads quiet as a number.
    raw = {"extensions": ["106"], "quiet": 1}
    assert not plan_config("sppage", {"quiet": True}, raw).changed
    changed = plan_config("sppage", {"quiet": False}, raw)
    assert changed.plan.changes == {"config.quiet": ("1", "0")}
    kept = plan_config("sppage", {"extensions": [107]}, raw)
    assert wire(kept.writes[0][1]) == {"extensions": "107", "quiet": "1"} and kept.unsent == []
    assert read_services_view("sppage", raw) == {"extensions": ["106"], "quiet": "1"}


def read_services_view(service, raw):
    """The ``config`` the info module shows for ``raw``."""
    answers = {"states.get": {service: "no"}, "states.get_osc": {service: "no"}}
    client = type("Reads", (object,), {"read": lambda self, action, params: copy.deepcopy(
        answers.get(action[len("pbxware.ext.es."):], raw))})()
    return read_services(client, "2", "11", [service])[service]["config"]


# -- where the reference and the Postman collection disagree (docs/dialects.md) -------------------------

POSTMAN_REFUSES_ONE_ZERO = "Field 'greetingwithname=1' contains invalid data (Regex: /^(yes|no)$/)"
POSTMAN_REFUSES_ONE_BLF = "Required field 'blfs=1' contains invalid data (Regex: /^[0-1](,[0-1])+$/)"


@pytest.mark.parametrize("read,config,sent", [
    ("0", {"greetingwithname": True}, "1"),      # the reference: read "1"/"0", sent 1/0
    ("no", {"greetingwithname": True}, "yes"),   # Postman: Regex /^(yes|no)$/, read yes/no
    ("1", {"timeout": 30}, "1"),                 # kept, in the server's form, by a whole edit
    ("yes", {"timeout": 30}, "yes"),
    ("no", {"greetingwithname": "yes", "timeout": 30}, "yes"),
], ids=["reference", "postman", "reference-kept", "postman-kept", "postman-yes-given"])
def test_greetingwithname_is_sent_in_the_form_the_server_reads(read, config, sent):
    service_plan = plan_config("callscreening", config, dict(CALLSCREENING, greetingwithname=read))
    assert wire(service_plan.writes[0][1])["greetingwithname"] == sent
    assert service_plan.plan.after["config.greetingwithname"] == ("1" if sent in ("1", "yes") else "0")


@pytest.mark.parametrize("read", ["1", "yes"])
def test_greetingwithname_compares_normalised_in_either_form(read):
    assert not plan_config("callscreening", {"greetingwithname": True},
                           dict(CALLSCREENING, greetingwithname=read)).changed


def test_greetingwithname_refusal_asks_for_the_other_form_only_when_it_names_it():
    adapt = CONFIGS["callscreening"].adapt
    arguments = {"greetingwithname": "1", "timeout": "16"}
    assert adapt(arguments, {}, POSTMAN_REFUSES_ONE_ZERO) == {"greetingwithname": "yes", "timeout": "16"}
    assert adapt({"greetingwithname": "no"}, {}, "Field 'greetingwithname=no' contains invalid data "
                                                 "(Regex: /^(0|1)$/)") == {"greetingwithname": "0"}
    assert adapt(arguments, {}, "Fields destinations, delays and suspends must match in size") is None


POSTMAN_CALLFWD = {"play": 1, "cid": 1, "enabled": "unconditional,busy",
                   "destinations": json.dumps(CALLFWD["destinations"]), "timeouts": json.dumps(CALLFWD["timeouts"])}


@pytest.mark.parametrize("raw", [
    {"play": 0, "cid": 0, "enabled": "", "destinations": "", "timeouts": ""},   # Postman's test, unconfigured
    {"play": 0, "cid": 0, "enabled": [], "destinations": {}, "timeouts": []},   # empty PHP arrays
], ids=["postman-strings", "empty-arrays"])
def test_callfwd_unconfigured_reads_the_same_in_every_shape(raw):
    assert read_services_view("callfwd", raw) == read_services_view("callfwd", DEFAULTS["callfwd"])
    assert not plan_config("callfwd", DEFAULTS["callfwd"], raw).changed


def test_callfwd_configured_reads_the_same_as_strings_and_does_not_flap():
    assert read_services_view("callfwd", POSTMAN_CALLFWD) == CALLFWD
    assert not plan_config("callfwd", CALLFWD, POSTMAN_CALLFWD).changed
    changed = plan_config("callfwd", {"cid": False}, POSTMAN_CALLFWD)
    assert wire(changed.writes[0][1])["busy_dests"] == "106,107"
    assert wire(changed.writes[0][1])["enabled"] == "unconditional,busy"


def test_callfwd_lists_inside_the_text_may_be_php_arrays_as_objects():
    raw = dict(POSTMAN_CALLFWD, destinations=json.dumps({"busy": {"0": "106", "1": "107"}, "no answer": ["106", "107"]}))
    assert read_services_view("callfwd", raw)["destinations"] == CALLFWD["destinations"]


def test_callfwd_unreadable_shape_is_refused_by_name():
    with pytest.raises(ReconcileError) as err:
        plan_config("callfwd", {"cid": True}, dict(POSTMAN_CALLFWD, destinations="106,107"))
    assert err.value.parameter == "config.destinations" and "neither" in err.value.message


BLF_ONE = {"exts": ["122"], "labels": ["Test"]}


def test_one_blf_goes_as_blfs_where_the_server_reads_as_the_reference():
    service_plan = plan_config("blflist", dict(BLF_ONE, blfs=[0]), DEFAULTS["blflist"])
    assert wire(service_plan.writes[0][1])["blfs"] == "0"


def test_one_blf_goes_without_blfs_where_the_server_reads_as_postman():
    # Postman's configuration shows functions; its edit Regex /^[0-1](,[0-1])+$/ needs two or more BLFs.
    raw = dict(DEFAULTS["blflist"], functions=[])
    service_plan = plan_config("blflist", dict(BLF_ONE, blfs=[1]), raw)
    arguments = wire(service_plan.writes[0][1])
    assert "blfs" not in arguments and arguments["exts"] == "122" and arguments["functions"] == ""
    assert service_plan.plan.after["config.blfs"] == ["1"]
    two = plan_config("blflist", {"exts": [1, 2], "labels": ["a", "b"], "blfs": [1, 0]}, raw)
    assert wire(two.writes[0][1])["blfs"] == "1,0"


def test_one_blf_off_is_refused_before_any_write_where_the_server_reads_as_postman():
    with pytest.raises(ReconcileError) as err:
        plan_config("blflist", dict(BLF_ONE, blfs=[0]), dict(DEFAULTS["blflist"], functions=[]))
    assert err.value.parameter == "config.blfs" and "two or more" in err.value.message


def test_one_blf_refusal_leaves_blfs_out_or_explains():
    adapt = CONFIGS["blflist"].adapt
    sent = {"exts": "122", "labels": "Test", "blfs": ["1"]}
    assert adapt(sent, {}, POSTMAN_REFUSES_ONE_BLF) == {"exts": "122", "labels": "Test"}
    with pytest.raises(ReconcileError):
        adapt(dict(sent, blfs=["0"]), {}, POSTMAN_REFUSES_ONE_BLF)
    assert adapt(sent, {}, "Fields exts, labels and blfs must match in size") is None
    assert adapt(dict(sent, blfs=["1", "0"]), {}, POSTMAN_REFUSES_ONE_BLF) is None


def test_blf_functions_exist_only_where_the_server_shows_them():
    raw = dict(DEFAULTS["blflist"], functions=[1, 0])
    assert not plan_config("blflist", {"functions": ["1", 0]}, raw).changed
    with pytest.raises(ReconcileError) as err:
        plan_config("blflist", {"functions": [1]}, DEFAULTS["blflist"])
    assert err.value.parameter == "config.functions"


# -- state and OSC --------------------------------------------------------------------------------

@pytest.mark.parametrize("params,state,osc,writes", [
    ({"state": "enabled"}, "no", "no", [("set", {"state": "yes"})]),
    ({"state": "pin"}, "yes", "no", [("set", {"state": "pin"})]),
    ({"state": "disabled"}, "pin", "no", [("set", {"state": "no"})]),
    ({"osc": True}, "no", "no", [("set_osc", {"state": "yes"})]),
    ({"osc": False}, "no", "yes", [("set_osc", {"state": "no"})]),
    ({"state": "enabled", "osc": True}, "yes", "yes", []),
    ({"state": "pin", "osc": False, "config": {"dopts": "t"}}, "no", "yes",
     [("edit", dict(FOLLOWME, dopts="t")), ("set_osc", {"state": "no"}), ("set", {"state": "pin"})]),
    ({"state": "disabled", "osc": True, "config": {"dopts": "t"}}, "yes", "no",
     [("set", {"state": "no"}), ("edit", dict(FOLLOWME, dopts="t")), ("set_osc", {"state": "yes"})]),
], ids=["enable", "pin", "disable", "osc-on", "osc-off", "equal", "edit-osc-set", "disable-first"])
def test_state_and_osc_writes_in_order(params, state, osc, writes):
    service_plan = plan_service("followme", params, state, osc, FOLLOWME)
    assert service_plan.writes == writes
    assert service_plan.changed == bool(writes)


def test_current_state_and_osc_read_as_names_and_booleans():
    service_plan = plan_service("callpickup", {}, "pin", "yes", None)
    assert service_plan.plan.before == {"state": "pin", "osc": True}
    assert shape("callpickup", service_plan.plan.before) == {"state": "pin", "osc": True}


def test_invalid_state_is_refused():
    with pytest.raises(ReconcileError) as err:
        plan_service("dnd", {"state": "on"}, "no", "no", DEFAULTS["dnd"])
    assert err.value.parameter == "state"


def test_numbers_strings_and_booleans_compare_equal():
    config = {"timeouts": [10, "10"], "destinations": [106, "107"], "voicemail": True, "confirm_calls": "yes",
              "lastd": 102}
    service_plan = plan_config("followme", config, FOLLOWME)
    assert not service_plan.changed and service_plan.writes == []


def test_api_shapes_compare_equal_to_lists():
    raw = dict(DEFAULTS["blflist"], exts=["122"], labels=["Test"], blfs=[1])
    service_plan = plan_config("blflist", {"exts": "122", "labels": ["Test"], "blfs": ["yes"], "blf_start": "1"}, raw)
    assert not service_plan.changed
    suspended = plan_config("callscreening", {"suspends": [1, 0, 1]}, CALLSCREENING)
    assert not suspended.changed


# -- caller ID outside tenant mode -----------------------------------------------------------------

# What every edit of CALLERID carries besides the part a test changes: the whole record.
CALLERID_REST = {"callerid": "6666667", "emergencycid": "88888888", "anums": "111", "alabels": "999"}
CALLERID_TRUNKS = {"trunks": "TestTrunk:TestTrunk2", "tcallerids": "111:333", "tprivacies": "0:1"}


def test_one_trunk_change_sends_every_trunk_as_colon_lists():
    service_plan = plan_config("callerid", {"callerid:TestTrunk2": "444"}, CALLERID)
    arguments = service_plan.writes[0][1]
    assert isinstance(arguments["trunks"], ColonList)
    assert wire(arguments) == dict(CALLERID_REST, trunks="TestTrunk:TestTrunk2", tcallerids="111:444",
                                   tprivacies="0:1")
    assert not replan("callerid", {"config": {"callerid:TestTrunk2": "444"}}, service_plan).changed


def test_new_trunk_is_added_with_its_privacy_index():
    config = {"callerid:New.Trunk": "555", "callerid:New.Trunk:privacy": "anonymous_number_id"}
    service_plan = plan_config("callerid", config, CALLERID)
    assert service_plan.plan.changes["config.callerid:New.Trunk"] == ("", "555")
    assert wire(service_plan.writes[0][1]) == dict(CALLERID_REST, trunks="New.Trunk:TestTrunk:TestTrunk2",
                                                   tcallerids="555:111:333", tprivacies="3:0:1")
    after = config_of(service_plan.plan.after)
    assert after["callerid:New.Trunk"] == "555" and after["callerid:New.Trunk:privacy"] == "anonymous_number_id"
    assert not replan("callerid", {"config": config}, service_plan).changed


def test_trunk_without_privacy_defaults_to_none():
    service_plan = plan_config("callerid", {"callerid:NewTrunk": "555"}, CALLERID)
    assert wire(service_plan.writes[0][1])["tprivacies"] == "4:0:1"


def test_allowed_callerids_as_a_list_equal_the_numbered_dict():
    same = plan_config("callerid", {"allowed_callerids": [{"callerid": 111, "label": "999"}]}, CALLERID)
    assert not same.changed
    more = plan_config("callerid", {"allowed_callerids": [{"callerid": "111", "label": "999"},
                                                          {"callerid": "222", "label": "888"}]}, CALLERID)
    assert wire(more.writes[0][1]) == dict(CALLERID_TRUNKS, callerid="6666667", emergencycid="88888888",
                                           anums="111:222", alabels="999:888")


def test_emergency_callerid_is_sent_as_emergencycid():
    service_plan = plan_config("callerid", {"emergency_callerid": "112"}, CALLERID)
    assert wire(service_plan.writes[0][1]) == dict(CALLERID_REST, emergencycid="112", **CALLERID_TRUNKS)


def test_trunk_keys_are_refused_in_tenant_mode():
    with pytest.raises(ReconcileError) as err:
        plan_config("callerid", {"callerid:TestTrunk": "1"}, {"callerid": "x"})
    assert err.value.parameter == "config.callerid:TestTrunk"


def test_privacy_of_a_trunk_without_callerid_is_refused():
    # The trunk would be left out of trunks=, so the server could never store its privacy.
    with pytest.raises(ReconcileError) as err:
        plan_config("callerid", {"callerid:NewTrunk:privacy": "anonymous"}, CALLERID)
    assert err.value.parameter == "config.callerid:NewTrunk:privacy"


def test_trunk_with_an_emptied_callerid_is_left_out():
    service_plan = plan_config("callerid", {"callerid:TestTrunk": ""}, CALLERID)
    assert wire(service_plan.writes[0][1]) == dict(CALLERID_REST, trunks="TestTrunk2", tcallerids="333",
                                                   tprivacies="1")


def test_emptied_trunk_callerid_predicts_privacy_none():
    # The server drops the trunk, so its privacy then reads back as none.
    service_plan = plan_config("callerid", {"callerid:TestTrunk": ""}, CALLERID)
    assert service_plan.plan.after["config.callerid:TestTrunk:privacy"] == "none"


# -- bulk states -------------------------------------------------------------------------------------

def test_plan_states_applies_all_then_overrides():
    current = {"dnd": "no", "callpickup": "pin", "followme": "yes", "unknown": "yes"}
    changes, after = plan_states(current, {"dnd": "enabled", "followme": None}, "no")
    assert changes == {"dnd": ("disabled", "enabled"), "callpickup": ("pin", "disabled"),
                       "followme": ("enabled", "disabled")}
    assert after == {"dnd": "enabled", "callpickup": "disabled", "followme": "disabled"}


def test_plan_states_lists_only_differences():
    changes, after = plan_states({"dnd": "yes", "followme": "pin"}, {"dnd": "enabled", "followme": "disabled"})
    assert changes == {"followme": ("pin", "disabled")} and after["dnd"] == "enabled"


def test_plan_states_for_osc():
    changes, after = plan_states({"dnd": "yes", "callpickup": "no"}, {"dnd": False, "callpickup": "no"}, None,
                                 to_bool)
    assert changes == {"dnd": (True, False)} and after == {"dnd": False, "callpickup": False}


def test_unknown_service_names_are_refused():
    check_service_names({"dnd": "yes"}, "states")
    with pytest.raises(ReconcileError) as err:
        check_service_names({"dnd": "yes", "bogus": "no"}, "states")
    assert err.value.parameter == "states" and "unknown services bogus" in err.value.message


# -- converge against a fake API ----------------------------------------------------------------------

class FakeClient(object):
    """Follow me of one extension in memory; ``edit`` stores its arguments under their own names."""

    def __init__(self, config=None, fault=None, keep_edits=True, faults=None):
        self.state, self.osc = "no", "no"
        self.config = copy.deepcopy(config or FOLLOWME)
        self.calls = []
        self.fault = fault  # raised by the first write, after applying it
        self.faults = dict(faults or {})  # method -> (error raised by its write, whether the write is applied)
        self.keep_edits = keep_edits

    def read(self, action, params):
        self.calls.append((action, dict(params)))
        method = action.rsplit(".", 1)[1]
        if method == "configuration":
            return copy.deepcopy(self.config)
        return {"state": self.state if method == "get" else self.osc}

    def write(self, action, params):
        self.calls.append((action, dict(params)))
        method = action.rsplit(".", 1)[1]
        arguments = dict((key, value) for key, value in params.items() if key not in ("server", "id"))
        error, applied = self.faults.pop(method, (None, True))
        if not applied:
            raise error
        if method == "set":
            self.state = arguments["state"]
        elif method == "set_osc":
            self.osc = arguments["state"]
        elif self.keep_edits:
            self.config.update((key, list(value) if isinstance(value, list) else value)
                               for key, value in arguments.items())
        if error is not None:
            raise error
        if self.fault:
            fault, self.fault = self.fault, None
            raise fault
        return {"success": "ok"}

    def writes(self):
        return [call for call in self.calls if call[0].rsplit(".", 1)[1] in ("edit", "set", "set_osc")]


def converge(client, params, check_mode=False):
    converger = EnhancedServiceConverger(client, "2", "11", "followme")
    return converger, converger.converge(params, check_mode=check_mode)


TASK = {"state": "enabled", "config": {"timeouts": [20, 20]}}


def test_check_mode_predicts_without_writing():
    client = FakeClient()
    result = converge(client, TASK, check_mode=True)[1]
    assert result["changed"] and client.writes() == []
    assert result["after"]["state"] == "enabled" and result["after"]["config"]["timeouts"] == ["20", "20"]
    assert result["proposed"] == {"state": "enabled", "config": {"timeouts": ["20", "20"]}}
    assert result["diff"]["before"]["config"]["timeouts"] == ["10", "10"]


def test_real_run_writes_then_reads_back():
    client = FakeClient()
    converger, result = converge(client, TASK)
    assert client.writes() == [
        ("pbxware.ext.es.followme.edit", dict(FOLLOWME, server="2", id="11", timeouts=CommaList(["20", "20"]),
                                              destinations=CommaList(["106", "107"]))),
        ("pbxware.ext.es.followme.set", {"server": "2", "id": "11", "state": "yes"})]
    # The task sets no OSC state: get_osc is never read.
    assert [call[0] for call in client.calls[-2:]] == [
        "pbxware.ext.es.followme.get", "pbxware.ext.es.followme.configuration"]
    assert not any(call[0].endswith("get_osc") for call in client.calls)
    assert result["changed"] and result["after"]["config"]["timeouts"] == ["20", "20"]
    assert converger.warnings == []
    again = converge(client, TASK)[1]
    assert not again["changed"] and len(client.writes()) == 2


def test_uncertain_write_is_not_resent_and_warns():
    fault = PBXwareTransportError("no answer within 30s", "pbxware.ext.es.followme.edit", reached_server=True)
    client = FakeClient(fault=fault)
    converger, result = converge(client, TASK)
    assert [call[0] for call in client.writes()] == ["pbxware.ext.es.followme.edit", "pbxware.ext.es.followme.set"]
    assert result["after"]["config"]["timeouts"] == ["20", "20"]
    assert len(converger.warnings) == 1 and "did not answer cleanly" in converger.warnings[0]


def test_write_that_never_left_is_raised():
    fault = PBXwareTransportError("refused", "pbxware.ext.es.followme.edit", reached_server=False)
    client = FakeClient(fault=fault)
    with pytest.raises(PBXwareTransportError):
        converge(client, TASK)
    assert len(client.writes()) == 1


def test_change_the_server_did_not_keep_is_warned():
    converger, result = converge(FakeClient(keep_edits=False), TASK)
    assert result["changed"] and result["after"]["config"]["timeouts"] == ["10", "10"]
    assert converger.warnings == ["followme: the server accepted config.timeouts=['20', '20'] but now reports "
                                  "['10', '10']; a rerun will try again"]


class ScreeningServer(object):
    """Call screening of one extension on a server that takes greetingwithname as yes/no only, and reads no
    greetingwithname until it is set (so no read shows the form)."""

    def __init__(self):
        self.config = dict(CALLSCREENING)
        del self.config["greetingwithname"]
        self.edits = []

    def read(self, action, params):
        method = action.rsplit(".", 1)[1]
        return copy.deepcopy(self.config) if method == "configuration" else {"state": "no"}

    def write(self, action, params):
        arguments = wire(dict((key, value) for key, value in params.items() if key not in ("server", "id")))
        self.edits.append(arguments)
        if arguments.get("greetingwithname") not in (None, "yes", "no"):
            raise PBXwareApiError(action, POSTMAN_REFUSES_ONE_ZERO.replace("=1", "=" + arguments["greetingwithname"]))
        self.config.update(timeout=arguments["timeout"])
        return {"success": "Call Screening."}


def test_refused_form_is_sent_once_more_in_the_form_the_refusal_asks_for():
    server = ScreeningServer()
    server.config["greetingwithname"] = ""  # a value the form cannot be told from
    converger = EnhancedServiceConverger(server, "2", "11", "callscreening")
    result = converger.converge({"config": {"timeout": 30}})
    assert [edit["greetingwithname"] for edit in server.edits] == ["0", "no"]
    assert result["changed"] and result["after"]["config"]["timeout"] == "30"
    assert len(converger.warnings) == 1 and "sent once more in the form it takes" in converger.warnings[0]


def test_pin_refused_by_a_postman_server_is_explained():
    refusal = "Required field 'state=pin' contains invalid data (Regex: /^(yes|no)$/)"
    client = FakeClient(faults={"set": (PBXwareApiError(ACTION + "set", refusal), False)})
    err, writes = failure(client, {"state": "pin"})
    assert writes == [ACTION + "set"] and err.changed is False
    assert "offers no PIN state for followme" in err.message and "use state enabled or disabled" in err.message


def test_write_only_key_neither_compared_nor_sent_is_warned_and_so_is_one_an_edit_leaves_out():
    client = FakeClient(config={"extensions": ["106"]})
    converger = EnhancedServiceConverger(client, "2", "11", "sppage")
    result = converger.converge({"config": {"quiet": True}})
    assert not result["changed"] and client.writes() == []
    assert converger.warnings == ["sppage: config.quiet was neither compared nor sent (this server never returns "
                                  "it); it is sent with every other change of the configuration, or on every run "
                                  "with force_write_only: true"]
    converger = EnhancedServiceConverger(client, "2", "11", "sppage")
    converger.converge({"config": {"extensions": [107]}})
    assert len(converger.warnings) == 1 and "config.quiet is left out of the edit" in converger.warnings[0]


# -- nested config round trip ---------------------------------------------------------------------------

def test_callfwd_nested_config_round_trips():
    flat = flatten_config("callfwd", CALLFWD)
    assert flat["config.destinations.busy"] == ["106", "107"] and flat["config.timeouts.no answer"] == ["10", "10"]
    assert config_of(flat) == CALLFWD
    view = read_view(service_resource("callfwd"), "yes", "no", CALLFWD)
    assert view["config.timeouts.busy"] == ["", ""] and view["state"] == "enabled"
    assert shape("callfwd", view) == {"state": "enabled", "osc": False, "config": CALLFWD}


@pytest.mark.parametrize("service, config, parameter", [
    ("phonecallback", {"callerids": ["1,2"], "numbers": ["3"]}, "config.callerids"),
    ("callerid", {"allowed_callerids": [{"callerid": "1:2", "label": "x"}]}, "config.allowed_callerids"),
    ("callerid", {"callerid:TestTrunk": "a:b"}, "config.callerid:TestTrunk"),
])
def test_list_separators_inside_items_are_refused_before_any_call(service, config, parameter):
    with pytest.raises(ReconcileError) as err:
        check_input(service, {"config": config})
    assert err.value.parameter == parameter and "splits the list" in err.value.message


def test_garbled_answer_to_a_write_is_not_resent_and_warns():
    fault = PBXwareResponseError("the answer is not JSON", "pbxware.ext.es.followme.edit")
    client = FakeClient(fault=fault)
    converger, result = converge(client, TASK)
    assert [call[0] for call in client.writes()] == ["pbxware.ext.es.followme.edit", "pbxware.ext.es.followme.set"]
    assert result["after"]["config"]["timeouts"] == ["20", "20"] and len(converger.warnings) == 1


class FakeStates(object):
    """``states.*`` of one extension in memory."""

    def __init__(self, faults=None):
        self.values = {"states.get": {"dnd": "no", "callfwd": "pin", "followme": "no"},
                       "states.get_osc": {"dnd": "no", "callfwd": "yes", "followme": "no"}}
        self.calls = []
        self.faults = dict(faults or {})  # method -> (error raised by its write, whether the write is applied)

    def read(self, action, params):
        self.calls.append((action, dict(params)))
        return dict(self.values[action[len("pbxware.ext.es."):]])

    def write(self, action, params):
        self.calls.append((action, dict(params)))
        error, applied = self.faults.pop(action.rsplit(".", 1)[1], (None, True))
        if applied:
            target = self.values["states.get" if action.endswith(".set") else "states.get_osc"]
            target.update((key, value) for key, value in params.items() if key not in ("server", "id"))
        if error is not None:
            raise error


def test_converge_states_reads_once_and_writes_only_what_differs():
    client = FakeStates()
    task = {"all": "disabled", "states": {"dnd": "enabled"}, "osc": {"callfwd": True}}
    result = converge_states(client, "2", "11", task)
    assert [call[0] for call in client.calls] == [
        "pbxware.ext.es.states.get", "pbxware.ext.es.states.set", "pbxware.ext.es.states.get_osc"]
    assert client.calls[1][1] == {"server": "2", "id": "11", "dnd": "yes", "callfwd": "no"}
    assert result["changed"] and result["states"] == {"dnd": "enabled", "callfwd": "disabled", "followme": "disabled"}
    assert result["proposed"] == {"states": {"dnd": "enabled", "callfwd": "disabled"}, "osc": {}}
    assert not converge_states(client, "2", "11", task)["changed"]


def test_converge_states_in_check_mode_writes_nothing():
    client = FakeStates()
    result = converge_states(client, "2", "11", {"all_osc": True}, check_mode=True)
    assert [call[0] for call in client.calls] == ["pbxware.ext.es.states.get_osc"]
    assert result["changed"] and result["diff"]["after"]["osc"] == {"dnd": True, "callfwd": True, "followme": True}
    assert "states" not in result


@pytest.mark.parametrize("params, parameter", [
    ({"states": {"voicemail": "enabled"}}, "states"),
    ({"states": {"dnd": "maybe"}}, "states"),
    ({"osc": {"dnd": "sometimes"}}, "osc"),
])
def test_bad_bulk_input_is_refused(params, parameter):
    with pytest.raises(ReconcileError) as err:
        check_states_input(params)
    assert err.value.parameter == parameter


def test_read_services_uses_the_bulk_reads_and_one_configuration_per_service():
    client = FakeClient()
    client.read = lambda action, params: client.calls.append((action, dict(params))) or (
        {"followme": "pin", "callpickup": "yes"} if action.endswith("states.get")
        else {"followme": "no", "callpickup": "yes"} if action.endswith("states.get_osc") else copy.deepcopy(FOLLOWME))
    found = read_services(client, "2", "11", ["followme", "callpickup"])
    assert [call[0] for call in client.calls] == [
        "pbxware.ext.es.states.get", "pbxware.ext.es.states.get_osc", "pbxware.ext.es.followme.configuration"]
    assert client.calls[0][1]["services"] == "followme,callpickup"
    assert found == {"followme": {"state": "pin", "osc": False, "config": FOLLOWME},
                     "callpickup": {"state": "enabled", "osc": True}}


# -- writes that did not answer cleanly: a fresh read decides -------------------------------------------

def http500(action):
    return PBXwareResponseError("PBXware API action %s: HTTP 500: <html>Internal Server Error</html>" % action,
                                action, status=500, transient=True)


def lost(action):
    return PBXwareTransportError("PBXware API action %s: no answer within 2s (http://pbx/): timed out" % action, action)


def refused(action):
    return PBXwareTransportError("PBXware API action %s: connection failed (http://pbx/): refused" % action, action,
                                 reached_server=False)


def failure(client, params, service="followme"):
    """The error a run ends with, and the write actions sent."""
    converger = EnhancedServiceConverger(client, "2", "11", service)
    with pytest.raises(PBXwareError) as err:
        converger.converge(params)
    return err.value, [call[0] for call in client.writes()]


def methods(client):
    return [call[0].rsplit(".", 1)[1] for call in client.calls]


FOLLOWME_TASK = {"state": "enabled", "osc": True, "config": {"timeouts": [20, 20]}}
ACTION = "pbxware.ext.es.followme."


def test_fault_on_edit_not_applied_fails_and_sends_nothing_more():
    client = FakeClient(faults={"edit": (http500(ACTION + "edit"), False)})
    err, writes = failure(client, FOLLOWME_TASK)
    assert writes == [ACTION + "edit"]
    assert err.message.startswith(ACTION + "edit failed: HTTP 500: <html>Internal Server Error</html>; "
                                  "config.timeouts is still ['10', '10']; not sent: %sset_osc, %sset; "
                                  % (ACTION, ACTION))
    assert err.changed is False
    assert methods(client)[-3:] == ["get", "get_osc", "configuration"]  # the fresh read after the edit


def test_api_error_on_edit_after_an_applied_set_fails_and_says_what_landed():
    # Disabling goes first; the edit is refused: half applied.
    client = FakeClient(faults={"edit": (PBXwareApiError(ACTION + "edit", "Fields destinations and timeouts must "
                                                                          "match in size"), False)})
    client.state = "yes"
    err, writes = failure(client, {"state": "disabled", "config": {"timeouts": [20, 20]}})
    assert writes == [ACTION + "set", ACTION + "edit"]
    assert err.message.startswith(
        ACTION + "set applied; " + ACTION + "edit failed: the server answered with an error: Fields destinations and "
        "timeouts must match in size; config.timeouts is still ['10', '10']; ")
    assert err.changed is True and client.state == "no"


def test_fault_on_set_osc_after_an_applied_edit_fails_and_says_what_landed():
    client = FakeClient(faults={"set_osc": (http500(ACTION + "set_osc"), False)})
    err, writes = failure(client, FOLLOWME_TASK)
    assert writes == [ACTION + "edit", ACTION + "set_osc"]
    assert err.message.startswith(ACTION + "edit applied; " + ACTION + "set_osc failed: HTTP 500: "
                                  "<html>Internal Server Error</html>; osc is still False; not sent: %sset; " % ACTION)
    assert err.changed is True


def test_fault_on_set_alone_fails_unchanged():
    client = FakeClient(faults={"set": (http500(ACTION + "set"), False)})
    err, writes = failure(client, {"state": "enabled"})
    assert writes == [ACTION + "set"]
    assert err.message.startswith(ACTION + "set failed: HTTP 500: <html>Internal Server Error</html>; "
                                  "state is still 'disabled'; nothing was re-sent")
    assert err.changed is False and "accepted" not in err.message


def test_edit_ok_then_set_fails_is_a_failure_naming_the_applied_edit():
    client = FakeClient(faults={"set": (PBXwareApiError(ACTION + "set", "Extension is locked"), False)})
    err, writes = failure(client, {"state": "enabled", "config": {"timeouts": [20, 20]}})
    assert writes == [ACTION + "edit", ACTION + "set"]
    assert err.message.startswith(ACTION + "edit applied; " + ACTION + "set failed: the server answered with an "
                                  "error: Extension is locked; state is still 'disabled'; ")
    assert err.changed is True


def test_write_that_never_left_after_an_applied_one_is_a_failure_naming_both():
    client = FakeClient(faults={"set": (refused(ACTION + "set"), False)})
    err, writes = failure(client, {"state": "enabled", "config": {"timeouts": [20, 20]}})
    assert writes == [ACTION + "edit", ACTION + "set"]
    assert err.message.startswith(ACTION + "edit applied; " + ACTION + "set not sent: connection failed "
                                  "(http://pbx/): refused; state is still 'disabled'; ")
    assert err.changed is True


def test_lost_answer_but_applied_is_confirmed_before_the_next_write():
    client = FakeClient(faults={"edit": (lost(ACTION + "edit"), True)})
    converger, result = converge(client, {"state": "enabled", "config": {"timeouts": [20, 20]}})
    assert methods(client) == ["get", "configuration", "edit", "get", "configuration", "set", "get", "configuration"]
    assert result["changed"] and result["after"]["state"] == "enabled"
    assert converger.warnings == [ACTION + "edit: the server did not answer cleanly (no answer within 2s "
                                  "(http://pbx/): timed out), but a fresh read shows the change was applied"]


def test_lost_answer_to_the_last_write_is_decided_by_one_fresh_read():
    client = FakeClient(faults={"set": (lost(ACTION + "set"), True)})
    converger, result = converge(client, {"state": "enabled"})
    assert methods(client) == ["get", "configuration", "set", "get", "configuration"]
    assert result["changed"] and result["after"]["state"] == "enabled"
    assert len(converger.warnings) == 1 and "a fresh read shows the change was applied" in converger.warnings[0]


def test_lost_answer_not_applied_fails_unchanged():
    client = FakeClient(faults={"set": (lost(ACTION + "set"), False)})
    err, writes = failure(client, {"state": "pin"})
    assert writes == [ACTION + "set"]
    assert err.message.startswith(ACTION + "set failed: no answer within 2s (http://pbx/): timed out; state is still "
                                  "'disabled'; nothing was re-sent; the server may still apply it")
    assert err.changed is False


def test_fresh_read_that_fails_too_says_what_is_unknown():
    client = FakeClient(faults={"set": (lost(ACTION + "set"), False)})
    reads = []

    def read(action, params):
        reads.append(action)
        if len(reads) > 3:
            raise lost(action)
        return FakeClient.read(client, action, params)
    client.read = read
    err, writes = failure(client, {"state": "enabled", "config": {"timeouts": [20, 20]}})
    assert writes == [ACTION + "edit", ACTION + "set"]
    assert err.message == (ACTION + "edit sent before; " + ACTION + "set failed: no answer within 2s (http://pbx/): "
                           "timed out; a fresh read failed too (no answer within 2s (http://pbx/): timed out), so "
                           "what landed is unknown")


STATES_TASK = {"states": {"dnd": "enabled", "callfwd": "disabled"}, "osc": {"callfwd": False}}


def states_failure(client, params=None):
    with pytest.raises(PBXwareError) as err:
        converge_states(client, "2", "11", params or STATES_TASK)
    return err.value, [call[0] for call in client.calls]


def test_bulk_set_lost_but_applied_is_a_change_with_a_warning():
    client = FakeStates(faults={"set": (lost("pbxware.ext.es.states.set"), True)})
    result = converge_states(client, "2", "11", STATES_TASK)
    assert [call[0] for call in client.calls] == [
        "pbxware.ext.es.states.get", "pbxware.ext.es.states.set", "pbxware.ext.es.states.get",
        "pbxware.ext.es.states.get_osc", "pbxware.ext.es.states.set_osc"]
    assert result["changed"] and result["states"] == {"dnd": "enabled", "callfwd": "disabled", "followme": "disabled"}
    assert result["warnings"] == ["pbxware.ext.es.states.set: the server did not answer cleanly (no answer within 2s "
                                  "(http://pbx/): timed out), but a fresh read shows the change was applied"]


def test_bulk_set_failed_not_applied_fails_unchanged():
    client = FakeStates(faults={"set": (http500("pbxware.ext.es.states.set"), False)})
    err, calls = states_failure(client)
    assert calls == ["pbxware.ext.es.states.get", "pbxware.ext.es.states.set", "pbxware.ext.es.states.get"]
    assert err.message.startswith("pbxware.ext.es.states.set failed: HTTP 500: <html>Internal Server Error</html>; "
                                  "states.callfwd is still 'pin'; states.dnd is still 'disabled'; "
                                  "osc/all_osc not attempted; nothing was re-sent")
    assert err.changed is False


def test_bulk_set_osc_failed_after_an_applied_set_says_what_landed():
    client = FakeStates(faults={"set_osc": (PBXwareApiError("pbxware.ext.es.states.set_osc", "Invalid state"), False)})
    err, calls = states_failure(client)
    assert calls.count("pbxware.ext.es.states.set") == 1 and calls.count("pbxware.ext.es.states.set_osc") == 1
    assert err.message.startswith("pbxware.ext.es.states.set applied; pbxware.ext.es.states.set_osc failed: the server "
                                  "answered with an error: Invalid state; osc.callfwd is still True; ")
    assert err.changed is True
