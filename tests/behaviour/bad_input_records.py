# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue, the call records: CDRs, transcriptions and archiving reports. Same shape as
bad_input_cases (which appends these CASES).

Derived from plugins/modules/pbxware_{cdr,transcription,archiving}_info.py,
plugins/module_utils/resources/records.py and engine/dates.py: a range of real dates (YYYY-MM-DD or
mmm-dd-YYYY, times hh:mm[:ss], no UTC offset, a time given once) that does not end before it starts,
digits-only extension filters, a trunk filter without the extension filter of the same side, a
page size of 1 to 1000, max_records of 1 or more, Unique IDs as 1368458822.12 (only with report
mos), reports and statuses from their choices, a tenant ID of 1 or more and an existing tenant.
"""

from bad_input_common import NONE, READS, case

RANGE = dict(start="2026-01-01", end="2026-01-31")
UNIQUEID = "1368458822.12"

CASES = [
    # -- pbxware_cdr_info -----------------------------------------------------------------------------------
    case("cdr-info-report-empty", "cdr_info", dict(RANGE, report=[]), "report", "at least one of", NONE),
    case("cdr-info-report-choice", "cdr_info", dict(RANGE, report=["calls"]), "report", "one or more of", NONE),
    case("cdr-info-start-missing", "cdr_info", dict(end="2026-01-31"), "start", "start is required", NONE),
    case("cdr-info-start-format", "cdr_info", dict(RANGE, start="01/02/2026"), "start", "must be a date as YYYY-MM-DD",
         NONE),
    case("cdr-info-end-no-such-day", "cdr_info", dict(RANGE, end="2026-02-30"), "end", "must be a date as YYYY-MM-DD",
         NONE),
    case("cdr-info-end-before-start", "cdr_info", dict(start="2026-02-01", end="2026-01-31"), "end",
         "end must not be before start", NONE),
    case("cdr-info-end-time-before-start-time", "cdr_info", dict(start="2026-01-05T10:00", end="2026-01-05T09:59"),
         "end", "end must not be before start", NONE),
    case("cdr-info-start-utc-offset", "cdr_info", dict(RANGE, start="2026-01-01T09:00+02:00"), "start",
         "without a UTC offset", NONE),
    case("cdr-info-start-time-twice", "cdr_info", dict(RANGE, start="2026-01-01T09:00", start_time="10:00"),
         "start_time", "given twice", NONE),
    case("cdr-info-end-time-format", "cdr_info", dict(RANGE, end_time="24:00"), "end_time", "must be a time as hh:mm",
         NONE),
    case("cdr-info-source-extensions-letters", "cdr_info", dict(RANGE, source_extensions=["100", "10a"]),
         "source_extensions", "must be extension or phone numbers", NONE),
    case("cdr-info-trunk-and-extensions", "cdr_info",
         dict(RANGE, destination_trunk="2316", destination_extensions=["100"]), "destination_trunk",
         "cannot be used together", NONE),
    case("cdr-info-timezone-format", "cdr_info", dict(RANGE, timezone="New York"), "timezone", "time zone name", NONE),
    case("cdr-info-status-choice", "cdr_info", dict(RANGE, status=["missed"]), "status", "one or more of", NONE),
    case("cdr-info-direction-choice", "cdr_info", dict(RANGE, direction="inbound"), "direction", "must be one of",
         NONE),
    case("cdr-info-page-size-over", "cdr_info", dict(RANGE, page_size=1001), "page_size", "1 to 1000", NONE),
    case("cdr-info-max-records-zero", "cdr_info", dict(RANGE, max_records=0), "max_records", "1 or more", NONE),
    case("cdr-info-uniqueids-without-mos", "cdr_info", dict(RANGE, uniqueids=[UNIQUEID]), "uniqueids",
         "used only by report mos", NONE),
    case("cdr-info-mos-uniqueids-missing", "cdr_info", dict(report=["mos"]), "uniqueids",
         "at least one call Unique ID", NONE),
    case("cdr-info-mos-uniqueid-format", "cdr_info", dict(report=["mos"], uniqueids=[UNIQUEID, "1368458822"]),
         "uniqueids", "call Unique IDs such as", NONE),
    case("cdr-info-tenant-id-zero", "cdr_info", dict(RANGE, tenant_id=0), "tenant_id", "1 or more", NONE),
    case("cdr-info-tenant-unknown", "cdr_info", dict(RANGE, tenant="nosuch"), "tenant", "not found", READS),
    case("cdr-info-source-trunk-unknown", "cdr_info", dict(RANGE, source_trunk="NoSuchTrunk"), "source_trunk",
         "is not the name or ID of a trunk", READS),
    # -- pbxware_transcription_info -------------------------------------------------------------------------
    case("transcription-info-uniqueids-missing", "transcription_info", dict(), "uniqueids",
         "missing required arguments", NONE),
    case("transcription-info-uniqueids-empty", "transcription_info", dict(uniqueids=[]), "uniqueids",
         "at least one call Unique ID", NONE),
    case("transcription-info-uniqueid-no-dot", "transcription_info", dict(uniqueids=["1368458822"]), "uniqueids",
         "call Unique IDs such as", NONE),
    case("transcription-info-uniqueid-letters", "transcription_info", dict(uniqueids=[UNIQUEID, "abc.def"]),
         "uniqueids", "call Unique IDs such as", NONE),
    case("transcription-info-tenant-both", "transcription_info", dict(uniqueids=[UNIQUEID], tenant="344", tenant_id=2),
         "tenant_id", "mutually exclusive", NONE),
    case("transcription-info-tenant-unknown", "transcription_info", dict(uniqueids=[UNIQUEID], tenant="nosuch"),
         "tenant", "not found", READS),
    case("transcription-info-tenant-id-zero", "transcription_info", dict(uniqueids=[UNIQUEID], tenant_id=0),
         "tenant_id", "1 or more", NONE),
    # -- pbxware_archiving_info -----------------------------------------------------------------------------
    case("archiving-info-start-missing", "archiving_info", dict(end="2026-01-31"), "start",
         "missing required arguments", NONE),
    case("archiving-info-start-format", "archiving_info", dict(RANGE, start="2026.01.01"), "start",
         "must be a date as YYYY-MM-DD", NONE),
    case("archiving-info-end-month-name", "archiving_info", dict(RANGE, end="Foo-01-2026"), "end",
         "must be a date as YYYY-MM-DD", NONE),
    case("archiving-info-end-before-start", "archiving_info", dict(start="Feb-01-2026", end="2026-01-31"), "end",
         "end must not be before start", NONE),
    case("archiving-info-end-time-before-start-time", "archiving_info",
         dict(start="2026-01-05", end="2026-01-05", start_time="12:00", end_time="11:00"), "end",
         "end must not be before start", NONE),
    case("archiving-info-end-time-twice", "archiving_info", dict(RANGE, end="2026-01-31T18:00", end_time="19:00"),
         "end_time", "given twice", NONE),
    case("archiving-info-start-time-format", "archiving_info", dict(RANGE, start_time="9.30"), "start_time",
         "must be a time as hh:mm", NONE),
    case("archiving-info-status-choice", "archiving_info", dict(RANGE, status=["failed"]), "status", "one or more of",
         NONE),
    case("archiving-info-tenant-id-zero", "archiving_info", dict(RANGE, tenant_id=0), "tenant_id", "1 or more", NONE),
    case("archiving-info-tenant-unknown", "archiving_info", dict(RANGE, tenant="nosuch"), "tenant", "not found",
         READS),
    case("archiving-info-tenant-id-unknown", "archiving_info", dict(RANGE, tenant_id=99), "tenant_id",
         "not found in tenant.list", READS),
]
