# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Call recording (``pbxware.recording.*``), sending SMS (``pbxware.sms.send_message``) and the SMS
and bulk SMS reports (``pbxware.sms.reports.list|bulk_list``).

No object to converge: recording and sending are one-shot actions, the reports are reads. What
is shared lives here: the input checks (E.164 numbers, the reports' dates and filters), the
arguments each action takes and one stable form for the answers (numbers as numbers, the
reference's ``date/time`` as ``date_time``, ``[]`` for nothing).
"""

import base64
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.dates import api_day_and_time, api_time, parse_day
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_int, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

RECORDING_COMMANDS = ("start", "stop", "pause", "unpause")
# What each command does to the extension's live calls, for messages.
RECORDING_VERBS = {"start": "start recording", "stop": "stop recording", "pause": "pause recording",
                   "unpause": "resume recording"}
# E.164: a +, a country code that does not start with 0, at most 15 digits in all.
E164 = re.compile(r"^\+[1-9]\d{1,14}$")
# The reports' number filters (the vendor's Postman regex /^\d{1,16}$/).
REPORT_NUMBER = re.compile(r"^\d{1,16}$")
CAMPAIGN_NAME_LENGTH = 100

REPORT_ACTIONS = {"sms": "pbxware.sms.reports.list", "bulk": "pbxware.sms.reports.bulk_list"}
# Report filter option -> (API argument, the report that takes it).
REPORT_FILTERS = {
    "direction": ("direction", "sms"),
    "from_number": ("from_number", "sms"),
    "to_number": ("to_number", "sms"),
    "message_type": ("type", "sms"),
    "status": ("status", "bulk"),
    "campaign": ("name", "bulk"),
}
DIRECTIONS = ("inbound", "outbound")
MESSAGE_TYPES = ("sms", "mms")
CAMPAIGN_STATUSES = ("active", "paused", "stopped", "completed")


# -- call recording ----------------------------------------------------------------------------

def recording_action(command):
    return "pbxware.recording.%s" % command


def recording_summary(command, extension, calls=None):
    """What a command does (``calls`` None) or did, in words."""
    if calls is None:
        return "would %s the live calls of extension %s" % (RECORDING_VERBS[command], extension)
    plural = "" if calls == 1 else "s"
    return "%s: %d live call%s of extension %s" % (RECORDING_VERBS[command], calls, plural, extension)


def affected_calls(answer):
    """The number of calls a recording command updated (the answer's ``affected_calls``)."""
    count = answer.get("affected_calls") if isinstance(answer, dict) else None
    if count is None or not re.match(r"^\d+$", to_str(count)):
        raise ValueError("expected affected_calls in the answer, got %r" % (answer,))
    return to_int(count)


# -- sending SMS -------------------------------------------------------------------------------

def e164_numbers(numbers, parameter="to"):
    """``numbers`` each once, in the order given; every one must be E.164 (``+12125550100``)."""
    checked = []
    for number in numbers or []:
        text = to_str(number) or ""
        if not E164.match(text):
            raise ReconcileError("%s: %r is not an E.164 number: a +, the country code and the number, 2 to 15 "
                                 "digits in all, without spaces (e.g. +12125550100)" % (parameter, number), parameter)
        if text not in checked:
            checked.append(text)
    if not checked:
        raise ReconcileError("%s must name at least one number" % parameter, parameter)
    return checked


def encode_body(text):
    """The message as ``send_message`` takes it: its UTF-8 bytes, base64-encoded."""
    return base64.b64encode(to_str(text).encode("utf-8")).decode("ascii")


def send_arguments(server, number, body):
    return {"server": server, "to_number": number, "body": encode_body(body)}


# -- SMS reports -------------------------------------------------------------------------------

def report_number(value, parameter):
    """A number filter as the reports take it: digits only (a leading ``+`` is dropped)."""
    text = (to_str(value) or "").lstrip("+")
    if not REPORT_NUMBER.match(text):
        raise ReconcileError("%s must be a phone number of 1 to 16 digits (a leading + is dropped), got %r"
                             % (parameter, value), parameter)
    return text


def _filter_value(option, value):
    if option in ("from_number", "to_number"):
        return report_number(value, option)
    if option == "message_type":
        return to_str(value).upper()
    if option in ("direction", "status"):
        return to_str(value).title()
    text = to_str(value)
    if not 1 <= len(text) <= CAMPAIGN_NAME_LENGTH:
        raise ReconcileError("%s must be 1 to %d characters long, got %d" % (option, CAMPAIGN_NAME_LENGTH, len(text)),
                             option)
    return text


def _moment(params, date_option, time_option):
    """``(day, time or None)`` from a date option (a date, or a date and time) and its time option."""
    day, clock = api_day_and_time(params[date_option], date_option)
    if params.get(time_option) is not None:
        if clock is not None:
            raise ReconcileError("%s holds a time, so %s cannot be given too" % (date_option, time_option),
                                 time_option)
        clock = api_time(params[time_option], time_option)
    return day, clock


def report_query(params):
    """``(action, arguments)`` of the report ``params["report"]`` asks for, every input checked
    (the tenant filter aside). ``end_date`` defaults to ``start_date``'s day; a filter of the other
    report is refused."""
    report = params.get("report") or "sms"
    if report not in REPORT_ACTIONS:
        raise ReconcileError("report must be one of: %s, got %r" % (", ".join(sorted(REPORT_ACTIONS)), report),
                             "report")
    if params.get("start_date") is None:
        raise ReconcileError("start_date is required", "start_date")
    start_day, start_time = _moment(params, "start_date", "start_time")
    if params.get("end_date") is None:
        params = dict(params, end_date=start_day)
    end_day, end_time = _moment(params, "end_date", "end_time")
    start_key = (parse_day(start_day, "start_date"), start_time or "00:00:00")
    end_key = (parse_day(end_day, "end_date"), end_time or "23:59:59")
    if end_key < start_key:
        raise ReconcileError("the end (%s %s) is before the start (%s %s)"
                             % (end_day, end_key[1], start_day, start_key[1]), "end_date")
    arguments = {"start_date": start_day, "end_date": end_day}
    if start_time is not None:
        arguments["start_time"] = start_time
    if end_time is not None:
        arguments["end_time"] = end_time
    for option, (argument, takes_it) in sorted(REPORT_FILTERS.items()):
        value = params.get(option)
        if value is None:
            continue
        if takes_it != report:
            raise ReconcileError("%s filters the %s report only; this task reads report=%s"
                                 % (option, takes_it, report), option)
        arguments[argument] = _filter_value(option, value)
    return REPORT_ACTIONS[report], arguments


def _text(row, key):
    return to_str(row.get(key)) or ""


def sms_report_items(answer):
    """``reports.list`` rows, by ID, in one form (``date/time`` as ``date_time``, the server's ID a number)."""
    items = []
    for message_id, row in collection(answer).items():
        items.append({
            "id": ident(message_id),
            "server": to_int(row.get("server")),
            "provider": _text(row, "provider"),
            "from": _text(row, "from"),
            "to": _text(row, "to"),
            "direction": _text(row, "direction"),
            "date_time": _text(row, "date/time"),
            "status": _text(row, "status"),
            "error": _text(row, "error"),
            "type": _text(row, "type"),
        })
    return sorted(items, key=_by_id)


def bulk_report_items(answer):
    """``reports.bulk_list`` rows (campaigns), by ID, counts as numbers."""
    items = []
    for campaign_id, row in collection(answer).items():
        items.append({
            "id": ident(campaign_id),
            "name": _text(row, "name"),
            "sent": to_int(row.get("sent")),
            "failed": to_int(row.get("failed")),
            "time_start": _text(row, "time_start"),
            "time_end": _text(row, "time_end"),
            "from": _text(row, "from"),
            "csv_file": _text(row, "csv_file"),
            "status": _text(row, "status"),
            "message": _text(row, "message"),
        })
    return sorted(items, key=_by_id)


def _by_id(item):
    return (0, int(item["id"]), "") if item["id"].isdigit() else (1, 0, item["id"])
