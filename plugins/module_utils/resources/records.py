# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Call records: CDRs (``pbxware.cdr.download|billamount|mos``), transcriptions
(``pbxware.transcription.get``) and archiving reports (``pbxware.archiving.list``).

Reads only. Every query is built and checked here before any call; answers are put into
one stable form: CDR rows as dicts keyed by the answer's own ``header`` (snake case, so that
a server's extra or renamed columns still read), numbers as numbers, ``[]`` for nothing.
"""

import json
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.dates import api_day_and_time, api_time, parse_day
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_bool, to_int, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import TenantNotFound, list_tenants

# The reference's values for ``status`` (flags, summed) and ``cdrtype``.
CDR_STATUSES = {"answered": 8, "unanswered": 4, "busy": 2, "failed": 1}
CDR_DIRECTIONS = {"incoming": 1, "outgoing": 2, "all": 3}
CDR_REPORTS = ("records", "billamount", "mos")
# ``limit``: the API's default is 16 and its maximum 1000.
MAX_PAGE_SIZE = 1000
DEFAULT_PAGE_SIZE = 1000
DEFAULT_MAX_RECORDS = 10000
ARCHIVING_STATUSES = ("success", "failure", "partial")

NUMBER = re.compile(r"^\+?\d+$")
UNIQUEID = re.compile(r"^\d+\.\d+$")
TIMEZONE = re.compile(r"^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+)*$")
NOT_KEY = re.compile(r"[^a-z0-9]+")
# Columns with a known type (the reference's header, snake-cased; the Postman reading's ``id`` too).
COLUMN_TYPES = {
    "date_time": "int", "total_duration": "int", "rating_duration": "int", "rating_cost": "float",
    "recording_available": "bool", "mos": "float",
}


# -- input -----------------------------------------------------------------------

def window(params, api_names=("start", "end", "starttime", "endtime")):
    """The API arguments of the range ``start``-``end``: days as ``mmm-dd-YYYY``, times as ``hh:mm:ss``.

    ``start``/``end`` take ``YYYY-MM-DD``, the API's ``mmm-dd-YYYY`` or an ISO date and time
    (``YYYY-MM-DDThh:mm[:ss]``, the server's local time); the time may instead be given in
    ``start_time``/``end_time``. A range that ends before it starts is refused.
    """
    found, moments = {}, []
    sides = (("start", api_names[0], api_names[2], "00:00:00"), ("end", api_names[1], api_names[3], "23:59:59"))
    for day_name, day_arg, time_arg, default in sides:
        time_name = day_name + "_time"
        if params.get(day_name) in (None, ""):
            raise ReconcileError("%s is required: a date as YYYY-MM-DD (or mmm-dd-YYYY), or a date and time as "
                                 "YYYY-MM-DDThh:mm[:ss]" % day_name, day_name)
        day, clock = api_day_and_time(params[day_name], day_name)
        if params.get(time_name) not in (None, ""):
            if clock is not None:
                raise ReconcileError("%s is given twice: in %s and in %s; give it once"
                                     % (time_name, day_name, time_name), time_name)
            clock = api_time(params[time_name], time_name)
        found[day_arg] = day
        if clock is not None:
            found[time_arg] = clock
        moments.append((parse_day(day, day_name), clock or default))
    if moments[1] < moments[0]:
        raise ReconcileError("end must not be before start", "end")
    return found


def _numbers(params, name):
    items = [to_str(item) for item in params.get(name) or []]
    bad = [item for item in items if not NUMBER.match(item or "")]
    if bad:
        raise ReconcileError("%s must be extension or phone numbers (digits), got %s" % (name, ", ".join(
            repr(item) for item in bad)), name)
    return ",".join(items)


def cdr_query(params):
    """The filter arguments of ``cdr.download``/``cdr.billamount`` (no ``server``, page or limit)."""
    query = window(params)
    for option, api_name in (("source_extensions", "ext"), ("destination_extensions", "extdst")):
        if params.get(option):
            query[api_name] = _numbers(params, option)
    for option, api_name in (("source_trunk", "trunk"), ("destination_trunk", "trunkdst")):
        if params.get(option) not in (None, ""):
            query[api_name] = to_str(params[option])
    for trunk, extensions in (("source_trunk", "source_extensions"), ("destination_trunk", "destination_extensions")):
        if params.get(trunk) not in (None, "") and params.get(extensions):
            raise ReconcileError("%s and %s cannot be used together (the API refuses both at once)"
                                 % (trunk, extensions), trunk)
    if params.get("status"):
        query["status"] = sum(CDR_STATUSES[name] for name in set(params["status"]))
    if params.get("direction"):
        query["cdrtype"] = CDR_DIRECTIONS[params["direction"]]
    if params.get("timezone"):
        if not TIMEZONE.match(params["timezone"]):
            raise ReconcileError("timezone must be a time zone name such as America/New_York, got %r"
                                 % params["timezone"], "timezone")
        query["timezone"] = params["timezone"]
    return query


def check_paging(params):
    """``(page_size, max_records)`` within the API's bounds."""
    page_size, max_records = params.get("page_size"), params.get("max_records")
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise ReconcileError("page_size must be 1 to %d (the API's maximum), got %s" % (MAX_PAGE_SIZE, page_size),
                             "page_size")
    if max_records < 1:
        raise ReconcileError("max_records must be 1 or more, got %s" % max_records, "max_records")
    return page_size, max_records


def check_uniqueids(values, parameter):
    """Unique IDs as the API writes them (``1368458822.12``), each once, in the order given."""
    found = []
    for value in values or []:
        text = to_str(value)
        if not UNIQUEID.match(text or ""):
            raise ReconcileError("%s items must be call Unique IDs such as 1368458822.12, got %r"
                                 % (parameter, value), parameter)
        if text not in found:
            found.append(text)
    if not found:
        raise ReconcileError("%s must name at least one call Unique ID" % parameter, parameter)
    return found


def tenant_code(module):
    """The code of the tenant the task names (archiving filters by code), ``None`` when it names none."""
    if module.params.get("tenant") is None and module.params.get("tenant_id") is None:
        return None
    module.server()
    if module.tenant_row is not None:
        return module.tenant_row["tenant_code"]
    tenant_id = module.params["tenant_id"]
    for row in list_tenants(module.client):
        if row["id"] == tenant_id:
            return row["tenant_code"]
    raise TenantNotFound("tenant ID %s not found in tenant.list" % tenant_id, "tenant_id")


def archiving_query(params):
    """The filter arguments of ``archiving.list`` (no tenant)."""
    query = window(params, api_names=("start_date", "end_date", "start_time", "end_time"))
    if params.get("status"):
        query["status"] = ",".join(status.upper() for status in ARCHIVING_STATUSES if status in params["status"])
    return query


# -- answers ---------------------------------------------------------------------

def column_key(name):
    """``Date/Time`` -> ``date_time``, ``Unique ID`` -> ``unique_id``."""
    return NOT_KEY.sub("_", to_str(name).lower()).strip("_")


def _float(value):
    if value is None or value == "":
        return None
    return float(value)


def _typed(key, value):
    kind = COLUMN_TYPES.get(key)
    if kind == "int":
        return to_int(value)
    if kind == "float":
        return _float(value)
    if kind == "bool":
        return to_bool(value)
    return value


def cdr_rows(answer):
    """``(rows as dicts, next_page)`` of one ``cdr.download`` answer; no rows when ``header`` is null."""
    if not isinstance(answer, dict):
        raise ValueError("cdr.download answered %s instead of an object" % type(answer).__name__)
    header, rows = answer.get("header"), answer.get("csv") or []
    if not rows:
        return [], False
    if not isinstance(header, list):
        raise ValueError("cdr.download answered rows without a header: %r" % (header,))
    keys = [column_key(name) for name in header]
    records = []
    for row in rows:
        if not isinstance(row, list) or len(row) != len(keys):
            raise ValueError("a CDR row does not match the header's %d columns: %r" % (len(keys), row))
        records.append(dict((key, _typed(key, value)) for key, value in zip(keys, row)))
    return records, to_bool(answer.get("next_page")) or False


def download_cdrs(client, query, page_size, max_records):
    """Every matching CDR up to ``max_records``, following ``next_page``: ``(records, pages read, truncated)``.

    A row seen on an earlier page is not repeated (newest-first pages shift when calls end while
    paging). The loop ends at the last page, at an empty page, or at ``max_records``.
    """
    records, seen, page = [], set(), 0
    truncated = False
    while True:
        page += 1
        answer = client.read("pbxware.cdr.download", dict(query, page=page, limit=page_size))
        rows, next_page = cdr_rows(answer)
        for row in rows:
            fingerprint = json.dumps(row, sort_keys=True)
            if fingerprint in seen:
                continue
            if len(records) == max_records:
                truncated = True
                break
            seen.add(fingerprint)
            records.append(row)
        if truncated or not next_page or not rows:
            break
        if len(records) == max_records:
            truncated = True
            break
    return records, page, truncated


def billamount(answer):
    """The sum of billing amounts, a number (the reference shows a number, Postman a string)."""
    if not isinstance(answer, dict) or "billamount" not in answer:
        raise ValueError("cdr.billamount answered without billamount: %r" % (answer,))
    return _float(answer["billamount"]) or 0.0


def mos_channels(answer):
    """The channels of one ``cdr.mos`` answer, MOS values as numbers (0: no MOS data)."""
    data = answer.get("data") if isinstance(answer, dict) else None
    return [{"channel": to_str(item.get("channel")), "linked_id": to_str(item.get("linkedid")),
             "uniqueid": to_str(item.get("uniqueid")), "max_mos": _float(item.get("maxmes")),
             "avg_mos": _float(item.get("avgmes")), "min_mos": _float(item.get("minmes"))}
            for item in data or [] if isinstance(item, dict)]


def transcription(uniqueid, answer):
    """One ``transcription.get`` answer in a flat form; ``None`` when the call has none (``[]``)."""
    if not isinstance(answer, dict) or not answer:
        return None
    vtt = answer.get("vtt") if isinstance(answer.get("vtt"), dict) else {}
    return {
        "uniqueid": uniqueid,
        "text": to_str(answer.get("text")),
        "language": to_str(vtt.get("language")),
        "duration": _float(vtt.get("duration")),
        "words": [{"word": to_str(word.get("word")), "start": _float(word.get("start")), "end": _float(word.get("end"))}
                  for word in vtt.get("words") or [] if isinstance(word, dict)],
        "segments": [{"id": to_int(segment.get("id")), "seek": _float(segment.get("seek")),
                      "start": _float(segment.get("start")), "end": _float(segment.get("end")),
                      "text": to_str(segment.get("text"))}
                     for segment in vtt.get("segments") or [] if isinstance(segment, dict)],
    }


def archiving_report(report):
    """One archiving report: counts as numbers, ``status`` in lower case (``FAILED`` reads as failure)."""
    status = to_str(report.get("status")).lower()
    view = {"tenant": to_str(report.get("tenant")), "date_time": to_str(report.get("date_time")),
            "status": "failure" if status == "failed" else status}
    for kind, counts in sorted(report.items()):
        if isinstance(counts, dict):
            view[kind] = {"success": to_int(counts.get("success")) or 0, "failed": to_int(counts.get("failed")) or 0}
    return view


def archiving_reports(answer):
    if answer in (None, "", [], {}):
        return []
    if isinstance(answer, dict):  # one report, as the reference's example shows it, or reports keyed by ID
        answer = [answer] if "tenant" in answer else list(answer.values())
    if not isinstance(answer, list):
        raise ValueError("archiving.list answered %s instead of a list" % type(answer).__name__)
    return [archiving_report(report) for report in answer if isinstance(report, dict)]
