"""pbxware.cdr.download|billamount|mos, pbxware.transcription.get, pbxware.archiving.list (generated activity)."""
import copy
import json

import pytest

from pbxware_sim import registry
from pbxware_sim.objects import cdr
from pbxware_sim.server import DEFAULT_FIXTURE
from pbxware_sim.state import State

registry.load_objects()

with open(DEFAULT_FIXTURE, encoding="utf-8") as _handle:
    FIXTURE = json.load(_handle)

EXT = dict(location="1", ua="50", status="1", pin="1234", incominglimit="2", outgoinglimit="2", voicemail="1",
           prot="sip", secret="Cdr-Secret9")
DAY = "Nov-02-2026"  # activity.TODAY, a Monday
WEEK = dict(start="Oct-27-2026", end="Nov-02-2026")
COLUMNS = {name: index for index, name in enumerate(cdr.REFERENCE_HEADER)}


class Api:
    """In-process calls on a State from the default fixture, with extensions in tenant 2 (code 344)."""

    def __init__(self, seed=1, tenant_mode=True, numbers=("101", "102", "103"), dialect="reference"):
        self.state = State(copy.deepcopy(FIXTURE), tenant_mode=tenant_mode, seed=seed)
        self.state.live.dialect = dialect
        server = "2" if tenant_mode else "1"
        for number in numbers:
            self.ok("pbxware.ext.add", server=server, name="User %s" % number, email="u%s@example.com" % number,
                    ext=number, **EXT)
        if numbers:  # one remote extension, for the Location Type column
            self.ok("pbxware.ext.edit", server=server, id="1", location="2")

    def __call__(self, action, **args):
        return registry.dispatch(self.state, [("action", action)] + [(k, str(v)) for k, v in args.items()])

    def ok(self, action, **args):
        answer = self(action, **args)
        assert not (isinstance(answer, dict) and "error" in answer), (action, args, answer)
        return answer

    def rows(self, **args):
        """Every matching row (one page of the maximum size)."""
        answer = self.ok("pbxware.cdr.download", limit=1000, **args)
        assert answer["next_page"] is False
        return answer["csv"]


@pytest.fixture(name="api")
def api_fixture():
    return Api()


def column(rows, name):
    return [row[COLUMNS[name]] for row in rows]


# -- cdr.download: shape ---------------------------------------------------------
def test_download_answers_the_reference_shape(api):
    answer = api.ok("pbxware.cdr.download", start=DAY, end=DAY)
    assert list(answer) == ["success", "next_page", "limit", "records", "header", "csv"]
    # A weekday has 8-16 calls per server: one page of the default 16.
    assert (answer["success"], answer["limit"], answer["next_page"]) == ("Success.", 16, False)
    assert 8 <= answer["records"] <= 16
    assert answer["header"] == cdr.REFERENCE_HEADER and len(answer["csv"]) == answer["records"]
    for row in answer["csv"]:
        assert len(row) == 12 and all(isinstance(value, str) for value in row[:11])
        assert isinstance(row[11], (int, float)) and row[COLUMNS["Status"]] in ("Answered", "Unanswered", "Busy",
                                                                                  "Failed")
        assert (row[11] > 0) == (row[COLUMNS["Status"]] == "Answered")
        assert row[COLUMNS["Recording Available"]] == ("True" if row[COLUMNS["Recording Path"]] else "False")
        assert row[COLUMNS["Location Type"]] in ("Local", "Remote")
    stamps = [int(value) for value in column(answer["csv"], "Date/Time")]
    assert stamps == sorted(stamps, reverse=True), "newest first, as the reference's example"


def test_download_postman_dialect_header(api):
    api.state.live.dialect = "postman"
    answer = api.ok("pbxware.cdr.download", start=DAY, end=DAY, limit=3)
    assert answer["header"] == cdr.POSTMAN_HEADER
    assert [row[0] for row in answer["csv"]] == ["344"] * 3 and all(isinstance(v, str) for v in answer["csv"][0])


def test_empty_answers(api):
    future = api.ok("pbxware.cdr.download", start="Dec-01-2026", end="Dec-31-2026")
    assert future == {"success": "Success.", "next_page": False, "limit": 16, "records": 0, "header": None, "csv": []}
    assert api.ok("pbxware.cdr.download", start=DAY, end="Nov-01-2026")["csv"] == []  # end before start
    assert api.ok("pbxware.cdr.download", start=DAY, end=DAY, server=3)["csv"] == []  # a tenant without extensions
    assert api.ok("pbxware.cdr.download", start="Jan-01-2000", end="Jan-31-2000")["csv"] == []  # before service
    assert Api(numbers=()).ok("pbxware.cdr.download", **WEEK)["csv"] == []
    assert api.ok("pbxware.cdr.billamount", start="Dec-01-2026", end="Dec-31-2026") == {"billamount": 0}
    assert api.ok("pbxware.cdr.mos", uniqueid="1700000000.5") == {"success": "Success.", "data": []}
    assert api.ok("pbxware.transcription.get", uniqueid="1700000000.5", server=2) == []
    assert api.ok("pbxware.archiving.list", start_date="Dec-01-2026", end_date="Dec-31-2026") == []


# -- paging ----------------------------------------------------------------------
def test_pages_add_up_to_the_whole_set_without_duplicates(api):
    whole = api.rows(**WEEK)
    assert len(whole) > 40
    pages, page = [], 1
    while True:
        answer = api.ok("pbxware.cdr.download", page=page, limit=7, **WEEK)
        assert answer["limit"] == 7 and answer["records"] == len(answer["csv"]) <= 7
        pages.extend(answer["csv"])
        if not answer["next_page"]:
            break
        page += 1
    assert page == (len(whole) + 6) // 7 and pages == whole
    assert len(set(column(whole, "Unique ID"))) == len(whole)
    beyond = api.ok("pbxware.cdr.download", page=page + 1, limit=7, **WEEK)
    assert (beyond["records"], beyond["header"], beyond["next_page"]) == (0, None, False)


def test_limit_default_and_maximum(api):
    month = dict(start="Oct-01-2026", end="Nov-02-2026")
    assert api.ok("pbxware.cdr.download", **month)["limit"] == 16
    capped = api.ok("pbxware.cdr.download", limit=5000, **month)
    assert capped["limit"] == 1000 and capped["records"] == len(api.rows(**month))


def test_generation_is_deterministic_by_seed():
    first, again, other = Api(seed=1).rows(**WEEK), Api(seed=1).rows(**WEEK), Api(seed=2).rows(**WEEK)
    assert first == again and first != other


def test_seed_from_the_server(make_sim):
    answers = []
    for seed in (5, 5, 6):
        client = make_sim(seed=seed)
        client.post("pbxware.ext.add", server=2, name="A", email="a@example.com", ext=101, **EXT)
        answers.append(client.post("pbxware.cdr.download", start=DAY, end=DAY, limit=1000)["csv"])
    assert answers[0] == answers[1] != answers[2] and answers[0]


# -- filters ---------------------------------------------------------------------
def test_extension_and_trunk_filters(api):
    whole = api.rows(**WEEK)
    labels = {"101": "User 101 (101)", "102": "User 102 (102)"}
    by_source = api.rows(ext="101,102", **WEEK)
    assert by_source and set(column(by_source, "From")) == set(labels.values())
    assert by_source == [row for row in whole if row[0] in labels.values()]
    by_destination = api.rows(extdst="103", **WEEK)
    assert by_destination and set(column(by_destination, "To")) == {"User 103 (103)"}
    incoming = api.rows(trunk=2316, **WEEK)
    outgoing = api.rows(trunkdst=2316, **WEEK)
    assert incoming and all(row[0].isdigit() and row[1].endswith(")") for row in incoming)
    assert outgoing and all(row[1].isdigit() and row[0].endswith(")") for row in outgoing)
    assert api.rows(trunk=9999, **WEEK) == []
    assert api.rows(cdrtype=1, **WEEK) == incoming and api.rows(cdrtype=2, **WEEK) == outgoing
    assert api.rows(cdrtype=3, **WEEK) == whole
    internal = [row for row in whole if row not in incoming and row not in outgoing]
    assert internal and all(row[0].endswith(")") and row[1].endswith(")") for row in internal)
    assert api.rows(server=2, **WEEK) == whole and api.rows(server=1, **WEEK) == []


def test_status_filter_is_a_sum_of_flags(api):
    whole = api.rows(**WEEK)
    answered, unanswered, busy = (api.rows(status=bit, **WEEK) for bit in (8, 4, 2))
    assert set(column(answered, "Status")) == {"Answered"} and set(column(unanswered, "Status")) == {"Unanswered"}
    both = api.rows(status=12, **WEEK)
    assert sorted(both) == sorted(answered + unanswered) and api.rows(status=15, **WEEK) == whole
    assert set(column(busy, "Status")) <= {"Busy"}


def test_time_window_and_timezone(api):
    whole = api.rows(start=DAY, end=DAY)
    morning = api.rows(start=DAY, end=DAY, starttime="07:00:00", endtime="11:59:59")
    afternoon = api.rows(start=DAY, end=DAY, starttime="12:00:00")
    assert sorted(morning + afternoon) == sorted(whole) and morning and afternoon
    base = 1793577600  # Nov-02-2026 00:00:00 UTC
    assert all(base + 12 * 3600 <= int(row[2]) for row in afternoon)
    # The same local day in New York starts five hours later (EST).
    new_york = api.rows(start=DAY, end=DAY, timezone="America/New_York")
    stamps = [int(value) for value in column(new_york, "Date/Time")]
    assert stamps and min(stamps) >= base + 5 * 3600 and max(stamps) <= base + 29 * 3600 - 1
    assert api.rows(start="Sep-31-2026", end="Sep-31-2026") == api.rows(start="Oct-01-2026", end="oct-01-2026")


# -- billamount and MOS ----------------------------------------------------------
def test_billamount_sums_the_rating_cost(api):
    total = round(sum(float(value) for value in column(api.rows(**WEEK), "Rating Cost")), 5)
    answer = api.ok("pbxware.cdr.billamount", page=2, limit=3, **WEEK)
    assert total > 0 and answer == {"billamount": total}
    outgoing = api.ok("pbxware.cdr.billamount", cdrtype=2, **WEEK)["billamount"]
    assert 0 < outgoing < total
    api.state.live.dialect = "postman"
    assert api.ok("pbxware.cdr.billamount", **WEEK) == {"billamount": "%.5f" % total}


def test_mos_lists_every_channel_of_the_call(api):
    rows = api.rows(**WEEK)
    answered = next(row for row in rows if row[COLUMNS["Status"]] == "Answered")
    unanswered = next(row for row in rows if row[COLUMNS["Status"]] != "Answered")
    data = api.ok("pbxware.cdr.mos", uniqueid=answered[7])
    assert data["success"] == "Success." and len(data["data"]) == 2
    assert [sorted(channel) for channel in data["data"]] == [["avgmes", "channel", "linkedid", "maxmes", "minmes",
                                                              "uniqueid"]] * 2
    assert {channel["linkedid"] for channel in data["data"]} == {answered[7]}
    assert data["data"][0]["avgmes"] == answered[11] and data["data"][0]["minmes"] <= data["data"][0]["maxmes"]
    assert any(channel["channel"].startswith("PJSIP/344") for channel in data["data"])
    assert api.ok("pbxware.cdr.mos", uniqueid=data["data"][1]["uniqueid"]) == data  # the other channel's ID
    quiet = api.ok("pbxware.cdr.mos", uniqueid=unanswered[7])["data"]
    assert [(c["maxmes"], c["avgmes"], c["minmes"]) for c in quiet] == [(0, 0, 0)] * 2


# -- transcription ---------------------------------------------------------------
def test_transcription_of_recorded_calls(api):
    rows = api.rows(**WEEK)
    recorded = next(row for row in rows if row[COLUMNS["Recording Available"]] == "True")
    unrecorded = next(row for row in rows if row[COLUMNS["Recording Available"]] == "False")
    answer = api.ok("pbxware.transcription.get", uniqueid=recorded[7], server=2)
    assert sorted(answer) == ["text", "vtt"] and sorted(answer["vtt"]) == ["duration", "language", "segments", "words"]
    assert answer["vtt"]["language"] == "english" and isinstance(answer["vtt"]["duration"], float)
    words = answer["vtt"]["words"]
    assert words and all(sorted(word) == ["end", "start", "word"] and word["start"] < word["end"] for word in words)
    assert " ".join(word["word"] for word in words) in answer["text"].replace(",", "").replace(".", "") \
        .replace("?", "").replace("!", "")
    segments = answer["vtt"]["segments"]
    assert [segment["id"] for segment in segments] == list(range(len(segments)))
    assert "".join(segment["text"] for segment in segments).strip() == answer["text"]
    assert api.ok("pbxware.transcription.get", uniqueid=recorded[7], server=2) == answer
    assert api.ok("pbxware.transcription.get", uniqueid=unrecorded[7], server=2) == []
    assert api.ok("pbxware.transcription.get", uniqueid=recorded[7], server=3) == []  # another tenant's call
    assert api("pbxware.transcription.get", uniqueid=recorded[7]) == {"error": "Required field 'server' is missing"}
    assert api("pbxware.transcription.get", uniqueid=recorded[7], server=9) == {"error": "Invalid server ID."}
    single = Api(tenant_mode=False)
    single_recorded = next(row for row in single.rows(**WEEK) if row[COLUMNS["Recording Available"]] == "True")
    assert single.ok("pbxware.transcription.get", uniqueid=single_recorded[7])["text"]


# -- archiving -------------------------------------------------------------------
def test_archiving_reports(api):
    reports = api.ok("pbxware.archiving.list", start_date="Oct-01-2026", end_date="Oct-31-2026")
    assert len(reports) == 62 and {report["tenant"] for report in reports} == {"344", "454"}
    assert [r["date_time"] for r in reports] == sorted(r["date_time"] for r in reports)
    for report in reports:
        assert list(report) == ["tenant", "date_time", "status", "recording", "fax", "voicemail"]
        assert all(sorted(report[kind]) == ["failed", "success"] and all(isinstance(v, str) for v in
                                                                         report[kind].values())
                   for kind in ("recording", "fax", "voicemail"))
    assert {report["status"] for report in reports} >= {"SUCCESS", "PARTIAL"}
    # The recordings archived are the day before's recorded calls.
    report = next(r for r in reports if r["tenant"] == "344" and r["date_time"].startswith("2026-10-15"))
    recorded = [row for row in api.rows(start="Oct-14-2026", end="Oct-14-2026") if row[9] == "True"]
    assert int(report["recording"]["success"]) + int(report["recording"]["failed"]) == len(recorded) > 0
    assert all(r["recording"] == {"success": "0", "failed": "0"} for r in reports if r["tenant"] == "454")
    partial = api.ok("pbxware.archiving.list", start_date="Oct-01-2026", end_date="Oct-31-2026", status="partial")
    assert partial == [r for r in reports if r["status"] == "PARTIAL"]
    assert api.ok("pbxware.archiving.list", start_date="Oct-01-2026", end_date="Oct-31-2026", tenant="454") == [
        r for r in reports if r["tenant"] == "454"]
    night = api.ok("pbxware.archiving.list", start_date="Oct-10-2026", end_date="Oct-10-2026", start_time="00:00:00",
                   end_time="01:59:59")
    assert all("01:00:00" <= r["date_time"][11:] <= "01:59:59" for r in night)
    assert api.ok("pbxware.archiving.list", start_date="Oct-01-2026", end_date="Oct-31-2026", tenant="999") == []


def test_archiving_failure_status_per_dialect(api):
    args = dict(start_date="Nov-01-2021", end_date="Nov-02-2026")
    failure = api.ok("pbxware.archiving.list", status="FAILURE", **args)
    assert failure and {r["status"] for r in failure} == {"FAILURE"}
    api.state.live.dialect = "postman"
    assert [r["status"] for r in api.ok("pbxware.archiving.list", status="failed", **args)] == ["FAILED"] * len(failure)
    assert "Regex" in api("pbxware.archiving.list", status="FAILURE", **args)["error"]


# -- refused input ---------------------------------------------------------------
@pytest.mark.parametrize("action, args, error", [
    ("pbxware.cdr.download", {"end": DAY}, "Required field 'start' is missing"),
    ("pbxware.cdr.billamount", {"start": DAY}, "Required field 'end' is missing"),
    ("pbxware.cdr.mos", {}, "Required field 'uniqueid' is missing"),
    ("pbxware.transcription.get", {"server": 2}, "Required field 'uniqueid' is missing"),
    ("pbxware.archiving.list", {"start_date": DAY}, "Required field 'end_date' is missing"),
    ("pbxware.cdr.download", {"start": "2026-11-02", "end": DAY},
     "Required field 'start=2026-11-02' contains invalid data (Regex: /%s/)" % cdr.DAY),
    ("pbxware.cdr.download", {"start": DAY, "end": "Nov-2-2026"}, "Required field 'end=Nov-2-2026'"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "starttime": "24:00:00"},
     "Field 'starttime=24:00:00' contains invalid data (Regex: /%s/)" % cdr.TIME),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "endtime": "23:59"}, "Field 'endtime=23:59'"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "limit": "ten"}, "Field 'limit=ten'"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "page": "0"}, "Field 'page=0'"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "status": "16"}, "Field 'status=16'"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "cdrtype": "4"}, "Field 'cdrtype=4'"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "server": "9"}, "Invalid server ID."),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "timezone": "Mars/Olympus"},
     "Field 'timezone=Mars/Olympus' is not a valid time zone"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "trunk": "2316", "ext": "101"},
     "You cannot supply trunk and ext at the same time!"),
    ("pbxware.cdr.billamount", {"start": DAY, "end": DAY, "trunkdst": "2316", "extdst": "101"},
     "You cannot supply trunkdst and extdst at the same time!"),
    ("pbxware.cdr.download", {"start": DAY, "end": DAY, "tenant": "344"},
     "Unknown field 'tenant' for action pbxware.cdr.download"),
    ("pbxware.cdr.mos", {"uniqueid": "1.2", "server": "2"}, "Unknown field 'server' for action pbxware.cdr.mos"),
    ("pbxware.archiving.list", {"start_date": DAY, "end_date": "Nov-02-26"}, "Required field 'end_date=Nov-02-26'"),
    ("pbxware.archiving.list", {"start_date": DAY, "end_date": DAY, "status": "DONE"}, "Field 'status=DONE'"),
    ("pbxware.archiving.list", {"start_date": DAY, "end_date": DAY, "end_time": "7:00:00"}, "Field 'end_time=7:00:00'"),
])
def test_refused(api, action, args, error):
    answer = api(action, **args)
    assert list(answer) == ["error"] and answer["error"].startswith(error), answer


def test_reads_are_not_writes():
    for name in ("pbxware.cdr.download", "pbxware.cdr.billamount", "pbxware.cdr.mos", "pbxware.transcription.get",
                 "pbxware.archiving.list"):
        assert registry.lookup(name).write is False
