# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Call recording, sending SMS and the SMS reports: input checks, arguments and answers."""

import base64

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.messaging import (
    affected_calls, bulk_report_items, e164_numbers, encode_body, recording_action, recording_summary, report_query,
    send_arguments, sms_report_items)

# The reference's examples ("Listing SMS", "Listing Bulk SMS").
SMS_ANSWER = {"1": {"server": "100", "provider": "Test Name", "from": "+1234567890", "to": "+1234567891",
                    "direction": "Outbound", "date/time": "2023-09-22 12:43:53", "status": "COMPLETED", "error": "",
                    "type": "SMS"}}
BULK_ANSWER = {"1": {"name": "Test Name", "sent": "3", "failed": "0", "time_start": "2023-09-25 08:57:12",
                     "time_end": "2023-09-25 08:57:23", "from": "+1234567892", "csv_file": "Bulk Messages.csv",
                     "status": "Paused", "message": "This message is used for testing."}}


def query(**params):
    base = dict(report="sms", start_date="2026-11-02", end_date=None, start_time=None, end_time=None,
                direction=None, from_number=None, to_number=None, message_type=None, status=None, campaign=None)
    base.update(params)
    return report_query(base)


def refused(parameter, call, *args, **kwargs):
    with pytest.raises(ReconcileError) as info:
        call(*args, **kwargs)
    assert info.value.parameter == parameter
    return info.value.message


# -- call recording ----------------------------------------------------------------------------

@pytest.mark.parametrize("answer, calls", [
    ({"success": "Call status updated successfully.", "affected_calls": 1}, 1),
    ({"success": "No calls have been updated.", "affected_calls": 0}, 0),
    ({"success": "Call status updated successfully.", "affected_calls": "2"}, 2),
])
def test_affected_calls_as_a_number(answer, calls):
    assert affected_calls(answer) == calls


@pytest.mark.parametrize("answer", [{"success": "Success."}, {"affected_calls": "some"}, {"affected_calls": -1}, []])
def test_an_answer_without_a_count_is_unexpected(answer):
    with pytest.raises(ValueError, match="affected_calls"):
        affected_calls(answer)


def test_recording_actions_and_summaries():
    assert [recording_action(command) for command in ("start", "unpause")] == [
        "pbxware.recording.start", "pbxware.recording.unpause"]
    assert recording_summary("pause", "101") == "would pause recording the live calls of extension 101"
    assert recording_summary("start", "101", 1) == "start recording: 1 live call of extension 101"
    assert recording_summary("stop", "101", 0) == "stop recording: 0 live calls of extension 101"


# -- sending SMS -------------------------------------------------------------------------------

def test_numbers_are_checked_and_sent_once_each():
    assert e164_numbers(["+12125550100", "+38761000111", "+12125550100"]) == ["+12125550100", "+38761000111"]
    assert e164_numbers(["+44"]) == ["+44"]


@pytest.mark.parametrize("number", ["12125550100", "+0123456", "+1 212 555 0100", "+1-212-5550100", "",
                                    "+1234567890123456", "+", "00441234567"])
def test_numbers_not_in_e164_are_refused(number):
    message = refused("to", e164_numbers, ["+12125550100", number], "to")
    assert repr(number) in message and "E.164" in message


def test_no_number_is_refused():
    assert "at least one" in refused("to", e164_numbers, [], "to")


@pytest.mark.parametrize("text", ["hi", u"Line one\nLine two: caf\u00e9 \u2713", "a" * 500])
def test_the_body_is_base64_of_utf8(text):
    encoded = encode_body(text)
    assert base64.b64decode(encoded, validate=True).decode("utf-8") == text
    assert send_arguments("2", "+12125550100", text) == {"server": "2", "to_number": "+12125550100", "body": encoded}


def test_a_known_encoding():
    assert encode_body("hi") == "aGk="


# -- SMS reports -------------------------------------------------------------------------------

def test_one_day_by_default_in_the_api_format():
    assert query() == ("pbxware.sms.reports.list", {"start_date": "Nov-02-2026", "end_date": "Nov-02-2026"})
    assert query(start_date="Oct-19-2023", end_date="oct-20-2023", report="bulk") == (
        "pbxware.sms.reports.bulk_list", {"start_date": "Oct-19-2023", "end_date": "Oct-20-2023"})


def test_dates_and_times():
    assert query(start_date="2026-11-02T09:30", end_date="2026-11-03 18:00:15")[1] == {
        "start_date": "Nov-02-2026", "start_time": "09:30:00", "end_date": "Nov-03-2026", "end_time": "18:00:15"}
    assert query(start_time="08:00", end_time="08:05:30")[1] == {
        "start_date": "Nov-02-2026", "end_date": "Nov-02-2026", "start_time": "08:00:00", "end_time": "08:05:30"}
    # end_date defaults to start_date's day, without its time
    assert query(start_date="2026-11-02T09:30")[1] == {
        "start_date": "Nov-02-2026", "start_time": "09:30:00", "end_date": "Nov-02-2026"}


@pytest.mark.parametrize("params, parameter, text", [
    ({"start_date": "02/11/2026"}, "start_date", "YYYY-MM-DD"),
    ({"end_date": "2026-11-31"}, "end_date", "YYYY-MM-DD"),
    ({"start_date": "2026-11-02T09:30+01:00"}, "start_date", "UTC offset"),
    ({"start_time": "9:30"}, "start_time", "hh:mm"),
    ({"start_date": "2026-11-02T09:30", "start_time": "10:00"}, "start_time", "holds a time"),
    ({"end_date": "2026-11-01"}, "end_date", "before the start"),
    ({"start_time": "12:00", "end_time": "11:59:59"}, "end_date", "before the start"),
    ({"start_date": None}, "start_date", "required"),
])
def test_bad_periods_are_refused(params, parameter, text):
    assert text in refused(parameter, query, **params)


def test_filters_in_the_api_spelling():
    assert query(direction="outbound", message_type="mms", from_number="+12125550100", to_number="38761000111")[1] == {
        "start_date": "Nov-02-2026", "end_date": "Nov-02-2026", "direction": "Outbound", "type": "MMS",
        "from_number": "12125550100", "to_number": "38761000111"}
    assert query(report="bulk", status="completed", campaign="Holiday hours")[1] == {
        "start_date": "Nov-02-2026", "end_date": "Nov-02-2026", "status": "Completed", "name": "Holiday hours"}


@pytest.mark.parametrize("params, parameter, text", [
    ({"report": "bulk", "direction": "inbound"}, "direction", "sms report only"),
    ({"report": "bulk", "to_number": "+1"}, "to_number", "sms report only"),
    ({"status": "active"}, "status", "bulk report only"),
    ({"campaign": "x"}, "campaign", "bulk report only"),
    ({"to_number": "+1 212"}, "to_number", "1 to 16 digits"),
    ({"from_number": "12345678901234567"}, "from_number", "1 to 16 digits"),
    ({"report": "bulk", "campaign": "x" * 101}, "campaign", "1 to 100 characters"),
    ({"report": "fax"}, "report", "bulk, sms"),
])
def test_bad_filters_are_refused(params, parameter, text):
    assert text in refused(parameter, query, **params)


def test_messages_in_one_form():
    assert sms_report_items(SMS_ANSWER) == [{
        "id": "1", "server": 100, "provider": "Test Name", "from": "+1234567890", "to": "+1234567891",
        "direction": "Outbound", "date_time": "2023-09-22 12:43:53", "status": "COMPLETED", "error": "",
        "type": "SMS"}]


def test_campaigns_in_one_form():
    assert bulk_report_items(BULK_ANSWER) == [{
        "id": "1", "name": "Test Name", "sent": 3, "failed": 0, "time_start": "2023-09-25 08:57:12",
        "time_end": "2023-09-25 08:57:23", "from": "+1234567892", "csv_file": "Bulk Messages.csv",
        "status": "Paused", "message": "This message is used for testing."}]


def test_nothing_is_an_empty_list_and_items_go_by_numeric_id():
    assert sms_report_items([]) == [] and bulk_report_items([]) == [] and sms_report_items({}) == []
    answer = dict((key, SMS_ANSWER["1"]) for key in ("10", "9", "100"))
    assert [item["id"] for item in sms_report_items(answer)] == ["9", "10", "100"]
