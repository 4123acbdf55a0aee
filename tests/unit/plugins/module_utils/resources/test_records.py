# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""CDR, transcription and archiving queries (checked before any call) and answers in their stable forms."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.records import (
    archiving_query, archiving_reports, billamount, cdr_query, cdr_rows, check_paging, check_uniqueids, column_key,
    download_cdrs, mos_channels, tenant_code, transcription, window)

REFERENCE_HEADER = ["From", "To", "Date/Time", "Total Duration", "Rating Duration", "Rating Cost", "Status",
                    "Unique ID", "Recording Path", "Recording Available", "Location Type", "MOS"]
POSTMAN_HEADER = ["Tenant", "From", "To", "Date/Time", "Total Duration", "Rating Duration", "Rating Cost", "Status",
                  "ID", "Recording Path", "Recording Available", "Location Type"]
# The reference's example row ("Downloading CDRs").
REFERENCE_ROW = ["Test (1000)", "Test (1002)", "1246462678", "6", "6", "1.00000", "Answered", "1368458822.12",
                 "path/to/archived/recording/file.mp3", "True", "Remote", 4.4]


def params(**given):
    base = dict(start=None, end=None, start_time=None, end_time=None, timezone=None, source_extensions=None,
                destination_extensions=None, source_trunk=None, destination_trunk=None, status=None, direction=None,
                page_size=1000, max_records=10000, tenant=None, tenant_id=None)
    base.update(given)
    return base


def refused(function, *args):
    with pytest.raises(ReconcileError) as info:
        function(*args)
    return info.value


# -- input -----------------------------------------------------------------------
@pytest.mark.parametrize("given, expected", [
    (dict(start="2026-11-01", end="2026-11-02"), {"start": "Nov-01-2026", "end": "Nov-02-2026"}),
    (dict(start="Nov-01-2026", end="nov-02-2026"), {"start": "Nov-01-2026", "end": "Nov-02-2026"}),
    (dict(start="2026-11-02T09:30", end="2026-11-02 17:00:59"),
     {"start": "Nov-02-2026", "starttime": "09:30:00", "end": "Nov-02-2026", "endtime": "17:00:59"}),
    (dict(start="Nov-02-2026", start_time="09:30", end="2026-11-02", end_time="17:00:00"),
     {"start": "Nov-02-2026", "starttime": "09:30:00", "end": "Nov-02-2026", "endtime": "17:00:00"}),
])
def test_window_in_the_api_formats(given, expected):
    assert window(params(**given)) == expected


@pytest.mark.parametrize("given, parameter, words", [
    (dict(end="2026-11-02"), "start", "start is required"),
    (dict(start="2026-11-02"), "end", "end is required"),
    (dict(start="02/11/2026", end="2026-11-02"), "start", "YYYY-MM-DD"),
    (dict(start="2026-11-02", end="2026-11-31"), "end", "YYYY-MM-DD"),
    (dict(start="2026-11-02", end="2026-11-01"), "end", "end must not be before start"),
    (dict(start="2026-11-02T12:00", end="2026-11-02T11:59"), "end", "not be before"),
    (dict(start="2026-11-02", start_time="25:00", end="2026-11-02"), "start_time", "hh:mm"),
    (dict(start="2026-11-02T09:00", start_time="10:00", end="2026-11-02"), "start_time", "given twice"),
    (dict(start="2026-11-02T09:00+01:00", end="2026-11-02"), "start", "UTC offset"),
])
def test_window_refused(given, parameter, words):
    err = refused(window, params(**given))
    assert err.parameter == parameter and words in err.message


def test_cdr_query_maps_every_filter():
    query = cdr_query(params(start="2026-11-01", end="2026-11-02", source_extensions=["101", "102"],
                             destination_extensions=["+12125550100"], status=["answered", "busy", "answered"],
                             direction="outgoing", timezone="America/New_York"))
    assert query == {"start": "Nov-01-2026", "end": "Nov-02-2026", "ext": "101,102", "extdst": "+12125550100",
                     "status": 10, "cdrtype": 2, "timezone": "America/New_York"}
    trunks = cdr_query(params(start="2026-11-01", end="2026-11-02", source_trunk="2316", destination_trunk="Carrier",
                              status=["answered", "unanswered", "busy", "failed"], direction="all"))
    assert (trunks["trunk"], trunks["trunkdst"], trunks["status"], trunks["cdrtype"]) == ("2316", "Carrier", 15, 3)


@pytest.mark.parametrize("given, parameter", [
    (dict(source_trunk="2316", source_extensions=["101"]), "source_trunk"),
    (dict(destination_trunk="2316", destination_extensions=["101"]), "destination_trunk"),
    (dict(source_extensions=["101", "abc"]), "source_extensions"),
    (dict(destination_extensions=[""]), "destination_extensions"),
    (dict(timezone="New York"), "timezone"),
])
def test_cdr_query_refused(given, parameter):
    assert refused(cdr_query, params(start="2026-11-01", end="2026-11-02", **given)).parameter == parameter


def test_paging_bounds_and_uniqueids():
    assert check_paging(params(page_size=5, max_records=7)) == (5, 7)
    assert refused(check_paging, params(page_size=1001)).parameter == "page_size"
    assert refused(check_paging, params(page_size=0)).parameter == "page_size"
    assert refused(check_paging, params(max_records=0)).parameter == "max_records"
    assert check_uniqueids(["1368458822.12", "1368458822.12", "1.2"], "uniqueids") == ["1368458822.12", "1.2"]
    assert "Unique IDs" in refused(check_uniqueids, ["1368458822"], "uniqueids").message
    assert "at least one" in refused(check_uniqueids, [], "uniqueids").message


def test_archiving_query():
    query = archiving_query(params(start="2026-11-01T01:00", end="Nov-02-2026", status=["partial", "failure"]))
    assert query == {"start_date": "Nov-01-2026", "start_time": "01:00:00", "end_date": "Nov-02-2026",
                     "status": "FAILURE,PARTIAL"}
    assert refused(archiving_query, params(start="2026-11-02", end="2026-11-01")).parameter == "end"


# -- CDR answers -----------------------------------------------------------------
def test_rows_are_keyed_by_the_header():
    records, next_page = cdr_rows({"success": "Success.", "next_page": False, "limit": 16, "records": 1,
                                   "header": REFERENCE_HEADER, "csv": [REFERENCE_ROW]})
    assert next_page is False
    assert records == [{"from": "Test (1000)", "to": "Test (1002)", "date_time": 1246462678, "total_duration": 6,
                        "rating_duration": 6, "rating_cost": 1.0, "status": "Answered", "unique_id": "1368458822.12",
                        "recording_path": "path/to/archived/recording/file.mp3", "recording_available": True,
                        "location_type": "Remote", "mos": 4.4}]
    postman, more = cdr_rows({"next_page": True, "header": POSTMAN_HEADER, "csv": [["344"] + REFERENCE_ROW[:11]]})
    assert more is True and postman[0]["tenant"] == "344" and postman[0]["id"] == "1368458822.12"
    assert "mos" not in postman[0]
    assert cdr_rows({"next_page": False, "header": None, "csv": []}) == ([], False)
    assert column_key("Date/Time") == "date_time" and column_key(" Recording  Available ") == "recording_available"
    with pytest.raises(ValueError):
        cdr_rows({"header": REFERENCE_HEADER, "csv": [REFERENCE_ROW[:5]]})
    with pytest.raises(ValueError):
        cdr_rows([])


class FakeClient(object):
    """Answers ``cdr.download`` from ``rows`` like the API: newest first, pages of ``limit``."""

    def __init__(self, count, repeat_on_page=None):
        self.rows = [[str(n), "100", str(1793600000 - n), "6", "6", "0.00000", "Answered", "%d.%d" % (n, n), "",
                      "False", "Local", 0] for n in range(count)]
        self.repeat_on_page = repeat_on_page
        self.calls = []

    def read(self, action, query):
        self.calls.append((action, dict(query)))
        page, limit = query["page"], query["limit"]
        start = (page - 1) * limit
        if self.repeat_on_page and page >= self.repeat_on_page:  # a new call came in: later pages shift by one
            start -= 1
        rows = self.rows[start:start + limit]
        return {"success": "Success.", "next_page": start + limit < len(self.rows), "limit": limit,
                "records": len(rows), "header": REFERENCE_HEADER if rows else None, "csv": rows}


@pytest.mark.parametrize("count, page_size, max_records, expected_pages, expected_records, truncated", [
    (12, 5, 100, 3, 12, False),
    (15, 5, 100, 3, 15, False),
    (12, 5, 7, 2, 7, True),
    (12, 5, 10, 2, 10, True),
    (10, 5, 10, 2, 10, False),
    (0, 5, 100, 1, 0, False),
])
def test_download_follows_next_page_up_to_max_records(count, page_size, max_records, expected_pages,
                                                      expected_records, truncated):
    client = FakeClient(count)
    records, pages, was_truncated = download_cdrs(client, {"start": "Nov-01-2026", "end": "Nov-02-2026"},
                                                  page_size, max_records)
    assert (pages, len(records), was_truncated) == (expected_pages, expected_records, truncated)
    assert [call[1]["page"] for call in client.calls] == list(range(1, expected_pages + 1))
    assert all(call == ("pbxware.cdr.download", dict(call[1], start="Nov-01-2026", end="Nov-02-2026",
                                                     limit=page_size)) for call in client.calls)
    assert [record["from"] for record in records] == [str(n) for n in range(expected_records)]


def test_a_row_repeated_by_a_shifted_page_is_listed_once():
    records, pages, truncated = download_cdrs(FakeClient(12, repeat_on_page=2), {}, 5, 100)
    assert [record["from"] for record in records] == [str(n) for n in range(12)] and (pages, truncated) == (3, False)


def test_billamount_and_mos():
    assert billamount({"billamount": 8}) == 8.0 and billamount({"billamount": "12.50000"}) == 12.5
    assert billamount({"billamount": ""}) == 0.0
    with pytest.raises(ValueError):
        billamount({"success": "Success."})
    answer = {"success": "Success.", "data": [
        {"channel": "PJSIP/2001001-0000000b", "linkedid": "1734599701.10", "uniqueid": "1734599701.11",
         "maxmes": 4.1, "avgmes": 4, "minmes": 3.9}]}
    assert mos_channels(answer) == [{"channel": "PJSIP/2001001-0000000b", "linked_id": "1734599701.10",
                                     "uniqueid": "1734599701.11", "max_mos": 4.1, "avg_mos": 4.0, "min_mos": 3.9}]
    assert mos_channels({"success": "Success.", "data": []}) == [] and mos_channels([]) == []


# -- transcriptions and archiving ------------------------------------------------
def test_transcription_in_a_flat_form():
    # The reference's example ("Transcription information"), shortened.
    answer = {"text": "Thanks for watching!", "vtt": {
        "language": "english", "duration": 14.109999656677246,
        "words": [{"word": "Thanks", "start": 12.880000114440918, "end": 12.920000076293945}],
        "segments": [{"id": 0, "seek": 0, "start": 12.880000114440918, "end": 12.960000038146973,
                      "text": " Thanks for watching!"}]}}
    assert transcription("1.2", answer) == {
        "uniqueid": "1.2", "text": "Thanks for watching!", "language": "english", "duration": 14.109999656677246,
        "words": [{"word": "Thanks", "start": 12.880000114440918, "end": 12.920000076293945}],
        "segments": [{"id": 0, "seek": 0.0, "start": 12.880000114440918, "end": 12.960000038146973,
                      "text": "Thanks for watching!"}]}
    assert transcription("1.2", []) is None and transcription("1.2", {}) is None


def test_archiving_reports_in_a_stable_form():
    # The reference's example ("Listing Archivings"), and Postman's reading (FAILED, null counts, cdr/chat).
    reference = {"tenant": "333", "date_time": "2023-04-04 10:42:36", "status": "SUCCESS",
                 "recording": {"success": "1", "failed": "2"}, "fax": {"success": "3", "failed": "4"},
                 "voicemail": {"success": "1", "failed": "2"}}
    expected = {"tenant": "333", "date_time": "2023-04-04 10:42:36", "status": "success",
                "recording": {"success": 1, "failed": 2}, "fax": {"success": 3, "failed": 4},
                "voicemail": {"success": 1, "failed": 2}}
    assert archiving_reports([reference]) == [expected] and archiving_reports(reference) == [expected]
    postman = dict(reference, status="FAILED", fax={"success": None, "failed": None},
                   cdr={"success": "5", "failed": None})
    view = archiving_reports([postman])[0]
    assert view["status"] == "failure" and view["fax"] == {"success": 0, "failed": 0}
    assert view["cdr"] == {"success": 5, "failed": 0}
    assert archiving_reports([]) == [] and archiving_reports({"7": reference}) == [expected]
    with pytest.raises(ValueError):
        archiving_reports("Archiving: none")


# -- tenant filters --------------------------------------------------------------
class FakeModule(object):
    def __init__(self, tenant=None, tenant_id=None, rows=()):
        self.params = {"tenant": tenant, "tenant_id": tenant_id}
        self.tenant_row = None
        self.client = self
        self.rows = rows
        self.reads = []

    def server(self):
        if self.params["tenant"] is not None:
            self.tenant_row = {"id": 2, "tenant_code": "344"}
            return "2"
        return str(self.params["tenant_id"])

    def read(self, action, query=None):
        self.reads.append(action)
        return self.rows


def test_tenant_filters():
    assert tenant_code(FakeModule()) is None
    assert tenant_code(FakeModule(tenant="t1.example.com")) == "344"
    tenants = {"2": {"name": "a", "tenantcode": "344"}, "3": {"name": "b", "tenantcode": "454"}}
    by_id = FakeModule(tenant_id=3, rows=tenants)
    assert tenant_code(by_id) == "454" and by_id.reads == ["pbxware.tenant.list"]
    assert refused(tenant_code, FakeModule(tenant_id=9, rows=[])).parameter == "tenant_id"
