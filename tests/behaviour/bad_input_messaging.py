# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue, messaging: call recording, sending SMS and the SMS reports. Same shape as
bad_input_cases (which appends these CASES).

Derived from plugins/modules/pbxware_{call_recording,sms_send,sms_report_info}.py,
plugins/module_utils/resources/messaging.py and engine/dates.py: an existing extension of the
tenant's length, digits only, a command from its choices; E.164 recipients (every one checked before
the first message goes out), at least one; a report from its choices, real dates (no UTC offset, a
time given once) whose end is not before their start, each filter on the report that takes it,
report numbers of 1 to 16 digits, campaign names of 1 to 100 characters, a tenant ID of 1 or more and
an existing tenant.
"""

from bad_input_common import NONE, READS, case
from harness import EXISTING_EXTENSION, T1_CODE, T1_EXT_LENGTH

T1 = T1_CODE
EXT = EXISTING_EXTENSION
UNKNOWN_EXT = "9" * T1_EXT_LENGTH
TOO_LONG = EXT + "0"
NUMBER = "+12125550100"
DAY = "2026-01-05"

CASES = [
    # -- pbxware_call_recording -----------------------------------------------------------------------------
    case("call-recording-extension-letters", "call_recording", dict(tenant=T1, extension="10a", command="start"),
         "extension", "digits only", NONE),
    case("call-recording-extension-missing", "call_recording", dict(tenant=T1, command="start"), "extension",
         "missing required arguments", NONE),
    case("call-recording-command-choice", "call_recording", dict(tenant=T1, extension=EXT, command="record"),
         "command", "must be one of", NONE),
    case("call-recording-extension-unknown", "call_recording", dict(tenant=T1, extension=UNKNOWN_EXT, command="stop"),
         "extension", "does not exist", READS),
    case("call-recording-extension-length", "call_recording", dict(tenant=T1, extension=TOO_LONG, command="pause"),
         "extension", "uses %d-digit extensions" % T1_EXT_LENGTH, READS),
    case("call-recording-tenant-unknown", "call_recording", dict(tenant="nosuch", extension=EXT, command="unpause"),
         "tenant", "not found", READS),
    case("call-recording-tenant-id-zero", "call_recording", dict(tenant_id=0, extension=EXT, command="start"),
         "tenant_id", "1 or more", NONE),
    # -- pbxware_sms_send -----------------------------------------------------------------------------------
    case("sms-send-to-empty", "sms_send", dict(tenant=T1, to=[], body="Hello"), "to", "at least one number", NONE),
    case("sms-send-to-no-plus", "sms_send", dict(tenant=T1, to=["12125550100"], body="Hello"), "to",
         "is not an E.164 number", NONE),
    case("sms-send-to-spaces", "sms_send", dict(tenant=T1, to=["+1 212 555 0100"], body="Hello"), "to",
         "is not an E.164 number", NONE),
    case("sms-send-to-country-zero", "sms_send", dict(tenant=T1, to=["+0442071838750"], body="Hello"), "to",
         "is not an E.164 number", NONE),
    case("sms-send-to-second-bad", "sms_send", dict(tenant=T1, to=[NUMBER, "+1212555010012345"], body="Hello"), "to",
         "is not an E.164 number", NONE),
    case("sms-send-body-missing", "sms_send", dict(tenant=T1, to=[NUMBER]), "body", "missing required arguments",
         NONE),
    case("sms-send-tenant-unknown", "sms_send", dict(tenant="nosuch", to=[NUMBER], body="Hello"), "tenant",
         "not found", READS),
    case("sms-send-tenant-id-zero", "sms_send", dict(tenant_id=0, to=[NUMBER], body="Hello"), "tenant_id", "1 or more",
         NONE),
    # -- pbxware_sms_report_info ----------------------------------------------------------------------------
    case("sms-report-info-report-choice", "sms_report_info", dict(start_date=DAY, report="mms"), "report",
         "must be one of", NONE),
    case("sms-report-info-start-missing", "sms_report_info", dict(end_date=DAY), "start_date",
         "missing required arguments", NONE),
    case("sms-report-info-start-format", "sms_report_info", dict(start_date="2026-13-01"), "start_date",
         "must be a date as YYYY-MM-DD", NONE),
    case("sms-report-info-start-utc-offset", "sms_report_info", dict(start_date="2026-01-05T09:00Z"), "start_date",
         "without a UTC offset", NONE),
    case("sms-report-info-end-before-start", "sms_report_info", dict(start_date=DAY, end_date="Jan-04-2026"),
         "end_date", "is before the start", NONE),
    case("sms-report-info-end-time-before-start-time", "sms_report_info",
         dict(start_date=DAY, start_time="10:00", end_time="09:30"), "end_date", "is before the start", NONE),
    case("sms-report-info-start-time-twice", "sms_report_info", dict(start_date=DAY + "T09:00", start_time="10:00"),
         "start_time", "cannot be given too", NONE),
    case("sms-report-info-end-time-format", "sms_report_info", dict(start_date=DAY, end_time="23:60"), "end_time",
         "must be a time as hh:mm", NONE),
    case("sms-report-info-direction-on-bulk", "sms_report_info",
         dict(start_date=DAY, report="bulk", direction="inbound"), "direction", "filters the sms report only", NONE),
    case("sms-report-info-campaign-on-sms", "sms_report_info", dict(start_date=DAY, campaign="Spring sale"),
         "campaign", "filters the bulk report only", NONE),
    case("sms-report-info-from-number-letters", "sms_report_info", dict(start_date=DAY, from_number="+1-212-555"),
         "from_number", "1 to 16 digits", NONE),
    case("sms-report-info-campaign-too-long", "sms_report_info", dict(start_date=DAY, report="bulk", campaign="x" * 101),
         "campaign", "1 to 100 characters", NONE),
    case("sms-report-info-direction-choice", "sms_report_info", dict(start_date=DAY, direction="incoming"),
         "direction", "must be one of", NONE),
    case("sms-report-info-tenant-id-zero", "sms_report_info", dict(start_date=DAY, tenant_id=0), "tenant_id",
         "1 or more", NONE),
    case("sms-report-info-tenant-unknown", "sms_report_info", dict(start_date=DAY, tenant="nosuch"), "tenant",
         "not found", READS),
]
