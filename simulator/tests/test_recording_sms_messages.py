"""pbxware.recording.* and pbxware.sms.send_message / sms.reports.*: shapes, errors, determinism
under the seed, and agreement with the state (live calls of monitor, SMS trunks of tenants)."""
import base64
import copy
import datetime

import pytest

from ext_did_helpers import FIXTURE, add_ext, call
from pbxware_sim.activity import TODAY
from pbxware_sim.objects import monitor, sms_messages
from pbxware_sim.state import State

METHODS = ("start", "stop", "pause", "unpause")
UPDATED = {"success": "Call status updated successfully.", "affected_calls": 1}
NONE = {"success": "No calls have been updated.", "affected_calls": 0}
REPORT_FIELDS = ["server", "provider", "from", "to", "direction", "date/time", "status", "error", "type"]
BULK_FIELDS = ["name", "sent", "failed", "time_start", "time_end", "from", "csv_file", "status", "message"]


def make_state(seed=1, tenant_mode=True, extensions=6):
    state = State(copy.deepcopy(FIXTURE), tenant_mode=tenant_mode, seed=seed)
    server = "2" if tenant_mode else "1"
    for index in range(extensions):
        number = str(101 + index) if tenant_mode else str(201 + index)
        assert "success" in add_ext(state, server=server, ext=number, name="User %s" % number,
                                    email="u%s@example.com" % number)
    return state


def numbers_by_call(state, server="2"):
    """(extension numbers on a live call, those not), as monitor.list shows them."""
    rows = call(state, "pbxware.monitor.list", server=server)
    busy = sorted(row["ext"] for row in rows.values() if row["on_call"] == "true")
    idle = sorted(row["ext"] for row in rows.values() if row["on_call"] == "false")
    return busy, idle


def record(state, method, ext, server="2"):
    return call(state, "pbxware.recording." + method, server=server, ext=ext)


# -- call recording --------------------------------------------------------------------------

def test_the_default_seed_has_extensions_on_a_call_and_off_one():
    busy, idle = numbers_by_call(make_state())
    assert busy and idle


def test_a_live_call_goes_through_start_pause_unpause_stop():
    state = make_state()
    ext = numbers_by_call(state)[0][0]
    steps = [("start", UPDATED), ("start", NONE), ("unpause", NONE), ("pause", UPDATED), ("pause", NONE),
             ("start", NONE), ("unpause", UPDATED), ("stop", UPDATED), ("stop", NONE), ("pause", NONE),
             ("start", UPDATED), ("pause", UPDATED), ("stop", UPDATED)]
    for method, answer in steps:
        assert record(state, method, ext) == answer, method
    assert isinstance(record(state, "start", ext)["affected_calls"], int)


def test_no_live_call_updates_nothing_and_keeps_no_state():
    state = make_state()
    ext = numbers_by_call(state)[1][0]
    for method in METHODS:
        assert record(state, method, ext) == NONE
    assert state.collection("call_recordings") == {}


def test_a_disabled_extension_is_never_on_a_call():
    state = make_state()
    busy = numbers_by_call(state)[0]
    ext_id = next(ext_id for ext_id, rec in state.collection("extensions").items() if rec["ext"] == busy[0])
    assert "success" in call(state, "pbxware.ext.edit", server=2, id=ext_id, status=0)
    assert busy[0] not in numbers_by_call(state)[0]
    assert record(state, "start", busy[0]) == NONE


def test_the_recording_ends_with_the_call():
    state = make_state()
    ext = numbers_by_call(state)[0][0]
    ext_id = next(ext_id for ext_id, rec in state.collection("extensions").items() if rec["ext"] == ext)
    assert record(state, "start", ext) == UPDATED
    call(state, "pbxware.ext.edit", server=2, id=ext_id, status=0)
    assert record(state, "stop", ext) == NONE and ext_id not in state.collection("call_recordings")
    call(state, "pbxware.ext.edit", server=2, id=ext_id, status=1)
    assert record(state, "stop", ext) == NONE and record(state, "start", ext) == UPDATED


def test_which_extensions_are_on_a_call_depends_on_the_seed_only():
    answers = {}
    for seed in (1, 1, 7, 8, 9):
        state = make_state(seed=seed, extensions=10)
        answers.setdefault(seed, []).append([record(state, "start", str(101 + index))["affected_calls"]
                                             for index in range(10)])
    assert answers[1][0] == answers[1][1]
    assert len({tuple(answers[seed][0]) for seed in answers}) > 1
    busy = numbers_by_call(make_state(extensions=10))[0]
    assert [str(101 + index) for index, hit in enumerate(answers[1][0]) if hit] == busy


@pytest.mark.parametrize("args,error", [
    ({"server": 2, "ext": "199"}, "Extension 199 does not exist."),
    ({"server": 3, "ext": "101"}, "Extension 101 does not exist."),
    ({"server": 1, "ext": "101"}, "In tenant mode, make sure server is a valid tenant ID."),
    ({"server": 9, "ext": "101"}, "Invalid server ID."),
    ({"ext": "101"}, "Invalid server ID."),
    ({"server": 2}, "Required field 'ext' is missing"),
    ({"server": 2, "ext": "101", "id": 1}, "Unknown field 'id' for action pbxware.recording.start"),
])
def test_recording_errors(args, error):
    assert call(make_state(), "pbxware.recording.start", **args) == {"error": error}


def test_recording_in_single_tenant_mode():
    state = make_state(tenant_mode=False, extensions=8)
    busy, idle = numbers_by_call(state, server="1")
    assert busy and idle
    assert record(state, "start", busy[0], server="1") == UPDATED
    assert record(state, "start", idle[0], server="1") == NONE
    assert record(state, "start", busy[0], server="2") == {"error": "Invalid server ID."}


def test_recording_is_a_write(sim):
    assert sim.post("pbxware.recording.start", server=2, ext="100") == {"error": "Extension 100 does not exist."}
    assert sim.control("GET", "/_sim/requests")[1]["writes"] == 1


# -- SMS: send and reports -------------------------------------------------------------------

def with_sms_trunk(state, tenant="2"):
    trunk = call(state, "pbxware.sms.trunks.add", enabled=1, name="Twilio US", provider="twilio",
                 account_sid="AC1", auth_token="Token-1")
    assert call(state, "pbxware.sms.trunks.tenants.set", tenant=tenant, id=trunk["id"]) == {"success": "Success."}
    return state


def encoded(text):
    return base64.b64encode(text.encode()).decode()


def api_day(day):
    return "%s-%02d-%d" % (sms_messages.MONTHS[day.month - 1], day.day, day.year)


def report(state, start, end=None, action="pbxware.sms.reports.list", **filters):
    return call(state, action, start_date=api_day(start), end_date=api_day(end or start), **filters)


def test_a_sent_message_shows_in_the_report():
    state = with_sms_trunk(make_state(extensions=0))
    assert "success" in call(state, "pbxware.did.add", server=2, trunk=1, did="2125550100", e164="12125550100",
                             dest_type=13, destination="", disabled=0, sms_enabled=1)
    before = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None, microsecond=0)
    assert call(state, "pbxware.sms.send_message", server=2, to_number="+38761000111",
                body=encoded("Hello\nthere")) == {"success": "Success."}
    today = before.date()
    rows = report(state, today, to_number="38761000111")
    assert len(rows) == 1
    message_id, row = next(iter(rows.items()))
    assert int(message_id) > sms_messages.SENT_BASE
    assert list(row) == REPORT_FIELDS and all(isinstance(value, str) for value in row.values())
    assert dict(row, **{"date/time": ""}) == {
        "server": "2", "provider": "Twilio US", "from": "+12125550100", "to": "+38761000111",
        "direction": "Outbound", "date/time": "", "status": "COMPLETED", "error": "", "type": "SMS"}
    assert before <= datetime.datetime.strptime(row["date/time"], "%Y-%m-%d %H:%M:%S") <= before + datetime.timedelta(
        minutes=5)
    assert report(state, today, to_number="38761000112") == []
    assert report(state, today, server=3) == []


def test_a_tenant_without_an_sms_trunk_sends_but_the_message_fails():
    state = make_state(extensions=0)
    assert call(state, "pbxware.sms.send_message", server=3, to_number="+12125550111",
                body=encoded("hi")) == {"success": "Success."}
    today = datetime.datetime.now(datetime.timezone.utc).date()
    row = next(iter(report(state, today, server=3).values()))
    assert (row["provider"], row["status"], row["error"]) == ("", "FAILED", sms_messages.NO_TRUNK_ERROR)
    assert row["from"].startswith("+1") and len(row["from"]) == 12


@pytest.mark.parametrize("args,error", [
    ({"to_number": "+12125550111", "body": "aGk="}, "Required field 'server' is missing"),
    ({"server": 2, "body": "aGk="}, "Required field 'to_number' is missing"),
    ({"server": 2, "to_number": "+12125550111"}, "Required field 'body' is missing"),
    ({"server": 2, "to_number": "12125550111", "body": "aGk="},
     "Required field 'to_number=12125550111' contains invalid data (Regex: /%s/)" % sms_messages.E164),
    ({"server": 2, "to_number": "+0123", "body": "aGk="},
     "Required field 'to_number=+0123' contains invalid data (Regex: /%s/)" % sms_messages.E164),
    ({"server": 2, "to_number": "+12125550111", "body": "hi there"},
     "Required field 'body=hi there' contains invalid data (Regex: /%s/)" % sms_messages.BASE64),
    ({"server": 2, "to_number": "+12125550111", "body": ""},
     "Required field 'body=' contains invalid data (Regex: /%s/)" % sms_messages.BASE64),
    ({"server": 2, "to_number": "+12125550111", "body": "aGk"},
     "Required field 'body=aGk' contains invalid data (Regex: /%s/)" % sms_messages.BASE64),
    ({"server": 1, "to_number": "+12125550111", "body": "aGk="},
     "In tenant mode, make sure server is a valid tenant ID."),
    ({"server": 9, "to_number": "+12125550111", "body": "aGk="}, "Invalid server ID."),
    ({"server": 2, "to_number": "+12125550111", "body": "aGk=", "from_number": "+1"},
     "Unknown field 'from_number' for action pbxware.sms.send_message"),
])
def test_send_errors_store_nothing(args, error):
    state = make_state(extensions=0)
    assert call(state, "pbxware.sms.send_message", **args) == {"error": error}
    assert state.collection("sms_messages") == {}


def test_history_belongs_to_tenants_with_an_sms_trunk():
    day = TODAY - datetime.timedelta(days=20)
    state = make_state(extensions=0)
    assert report(state, day, TODAY) == [] and report(state, day, TODAY, "pbxware.sms.reports.bulk_list") == []
    with_sms_trunk(state)
    rows = report(state, day, TODAY)
    assert rows and {row["server"] for row in rows.values()} == {"2"}
    assert all(list(row) == REPORT_FIELDS and all(isinstance(v, str) for v in row.values()) for row in rows.values())
    assert {row["direction"] for row in rows.values()} == {"Inbound", "Outbound"}
    assert {row["provider"] for row in rows.values()} == {"Twilio US"}
    number = sms_messages._sms_number(state, "2")
    assert all((row["to"] if row["direction"] == "Inbound" else row["from"]) == number for row in rows.values())
    assert all(row["error"] == "" for row in rows.values() if row["status"] == "COMPLETED")
    assert list(rows) == sorted(rows, key=int)
    campaigns = report(state, TODAY - datetime.timedelta(days=120), TODAY, "pbxware.sms.reports.bulk_list")
    assert campaigns and all(list(row) == BULK_FIELDS for row in campaigns.values())
    assert all(isinstance(value, str) for row in campaigns.values() for value in row.values())
    assert {row["status"] for row in campaigns.values()} <= {"Completed", "Stopped", "Active", "Paused"}
    assert report(state, TODAY + datetime.timedelta(days=1)) == []
    assert report(state, sms_messages.HISTORY_START - datetime.timedelta(days=1)) == []


def test_history_is_the_same_for_the_same_seed_and_differs_for_another():
    day = TODAY - datetime.timedelta(days=60)

    def history(seed):
        state = with_sms_trunk(make_state(seed=seed, extensions=0))
        return (report(state, day, TODAY), report(state, day, TODAY, "pbxware.sms.reports.bulk_list"))

    assert history(3) == history(3)
    assert history(3) != history(4)


def test_filters_narrow_the_same_rows():
    day = TODAY - datetime.timedelta(days=30)
    state = with_sms_trunk(with_sms_trunk(make_state(extensions=0)), tenant="3")
    everything = report(state, day, TODAY)
    assert {row["server"] for row in everything.values()} == {"2", "3"}

    def subset(**filters):
        return report(state, day, TODAY, **filters)

    assert subset(server=2) == {k: v for k, v in everything.items() if v["server"] == "2"}
    assert subset(direction="inbound") == {k: v for k, v in everything.items() if v["direction"] == "Inbound"}
    assert subset(type="mms") == {k: v for k, v in everything.items() if v["type"] == "MMS"}
    some = next(iter(everything.values()))
    assert subset(to_number=some["to"].lstrip("+")) == {k: v for k, v in everything.items() if v["to"] == some["to"]}
    assert subset(from_number=some["from"].lstrip("+"))
    assert subset(server=9) == [] and subset(direction="Sideways") == []
    stamp = datetime.datetime.strptime(some["date/time"], "%Y-%m-%d %H:%M:%S")
    window = call(state, "pbxware.sms.reports.list", start_date=api_day(stamp.date()), end_date=api_day(stamp.date()),
                  start_time=stamp.strftime("%H:%M:%S"), end_time=stamp.strftime("%H:%M:%S"))
    assert window and all(row["date/time"] == some["date/time"] for row in window.values())
    campaigns = report(state, TODAY - datetime.timedelta(days=200), TODAY, "pbxware.sms.reports.bulk_list")
    name = next(iter(campaigns.values()))["name"]
    assert report(state, TODAY - datetime.timedelta(days=200), TODAY, "pbxware.sms.reports.bulk_list", name=name) == {
        k: v for k, v in campaigns.items() if v["name"] == name}
    assert report(state, TODAY - datetime.timedelta(days=200), TODAY, "pbxware.sms.reports.bulk_list",
                  status="COMPLETED") == {k: v for k, v in campaigns.items() if v["status"] == "Completed"}


@pytest.mark.parametrize("action,args,error", [
    ("pbxware.sms.reports.list", {"end_date": "Oct-19-2023"}, "Required field 'start_date' is missing"),
    ("pbxware.sms.reports.list", {"start_date": "Oct-19-2023"}, "Required field 'end_date' is missing"),
    ("pbxware.sms.reports.list", {"start_date": "2023-10-19", "end_date": "Oct-19-2023"},
     "Required field 'start_date=2023-10-19' contains invalid data (Regex: /%s/)" % sms_messages.DATE),
    ("pbxware.sms.reports.list", {"start_date": "Feb-30-2024", "end_date": "Mar-01-2024"},
     "Invalid start_date date 'Feb-30-2024'."),
    ("pbxware.sms.reports.list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "start_time": "9:00"},
     "Field 'start_time=9:00' contains invalid data (Regex: /%s/)" % sms_messages.TIME),
    ("pbxware.sms.reports.list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "to_number": "+1212"},
     "Field 'to_number=+1212' contains invalid data (Regex: /^\\d{1,16}$/)"),
    ("pbxware.sms.reports.list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "type": "fax"},
     "Field 'type=fax' contains invalid data (Regex: /^(?i)(SMS|MMS)$/)"),
    ("pbxware.sms.reports.list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "status": "Active"},
     "Unknown field 'status' for action pbxware.sms.reports.list"),
    ("pbxware.sms.reports.bulk_list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "status": "Done"},
     "Field 'status=Done' contains invalid data (Regex: /^(?i)(Active|Paused|Stopped|Completed)$/)"),
    ("pbxware.sms.reports.bulk_list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "name": "x" * 101},
     "Field 'name=%s' contains invalid data (Regex: /^.{1,100}$/)" % ("x" * 101)),
    ("pbxware.sms.reports.bulk_list", {"start_date": "Oct-19-2023", "end_date": "Oct-19-2023", "type": "SMS"},
     "Unknown field 'type' for action pbxware.sms.reports.bulk_list"),
])
def test_report_errors(action, args, error):
    assert call(make_state(extensions=0), action, **args) == {"error": error}


def test_reports_accept_the_month_in_any_case_and_are_reads(sim):
    assert sim.post("pbxware.sms.reports.list", start_date="oct-19-2023", end_date="OCT-19-2023") == []
    assert sim.post("pbxware.sms.reports.bulk_list", start_date="Oct-19-2023", end_date="Oct-19-2023") == []
    assert sim.control("GET", "/_sim/requests")[1]["writes"] == 0


def test_single_tenant_mode_uses_the_first_sms_trunk():
    state = make_state(tenant_mode=False, extensions=0)
    day = TODAY - datetime.timedelta(days=10)
    assert report(state, day, TODAY) == []
    call(state, "pbxware.sms.trunks.add", enabled=1, name="Telnyx", provider="telnyx", api_key="k", public_key="p",
         messaging_profile_id="m")
    rows = report(state, day, TODAY)
    assert rows and {(row["server"], row["provider"]) for row in rows.values()} == {("1", "Telnyx")}
    assert call(state, "pbxware.sms.send_message", server=1, to_number="+12125550111", body="aGk=") == {
        "success": "Success."}
