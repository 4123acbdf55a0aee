# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates and times as users write them (ISO 8601) and as each PBXware action wants them.

The API has three formats: ``mmm-dd-YYYY`` (``Feb-01-2009``: balance history, SMS
reports), ``hh:mm:ss`` and Unix timestamps (CDRs). Users may write the ISO form or the
API's own; both are checked before any call, and an error names the parameter.
"""

import calendar
import datetime
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

# %b and strptime's month names depend on the locale; the API wants English ones.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
API_DAY = re.compile(r"^([A-Za-z]{3})-(\d{2})-(\d{4})$")
ISO_DATETIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$")
TIME = re.compile(r"^(\d{2}):(\d{2})(?::(\d{2}))?$")


def parse_day(value, parameter):
    """A date from ``YYYY-MM-DD``, the API's ``mmm-dd-YYYY`` or a ``datetime.date``."""
    if isinstance(value, datetime.date):
        return value
    text = to_str(value).strip()
    match = API_DAY.match(text)
    try:
        if match and match.group(1).title() in MONTHS:
            return datetime.date(int(match.group(3)), MONTHS.index(match.group(1).title()) + 1, int(match.group(2)))
        return datetime.datetime.strptime(text, "%Y-%m-%d").date()
    except ValueError:
        pass
    raise ReconcileError("%s must be a date as YYYY-MM-DD (or the API's mmm-dd-YYYY, e.g. Feb-01-2009), got %r"
                         % (parameter, value), parameter)


def api_day(value, parameter):
    """``Feb-01-2009``, the format of the actions that take a day."""
    day = parse_day(value, parameter)
    return "%s-%02d-%04d" % (MONTHS[day.month - 1], day.day, day.year)


def api_time(value, parameter):
    """``hh:mm:ss`` from ``hh:mm`` or ``hh:mm:ss``."""
    match = TIME.match(to_str(value).strip())
    if match:
        hours, minutes, seconds = int(match.group(1)), int(match.group(2)), int(match.group(3) or 0)
        if hours < 24 and minutes < 60 and seconds < 60:
            return "%02d:%02d:%02d" % (hours, minutes, seconds)
    raise ReconcileError("%s must be a time as hh:mm or hh:mm:ss, got %r" % (parameter, value), parameter)


def api_day_and_time(value, parameter):
    """``(day, time)`` for actions that take a day and a time apart (SMS reports): ``time`` is
    ``hh:mm:ss`` when ``value`` is an ISO date and time (``2009-02-01T09:30``), else ``None``.

    A UTC offset is refused: such actions take the server's local time, which the API does not tell.
    """
    match = ISO_DATETIME.match(to_str(value).strip()) if isinstance(value, str) else None
    if not match or match.group(2) is None:
        return api_day(value, parameter), None
    if match.group(5):
        raise ReconcileError("%s takes the PBXware server's local time, without a UTC offset, got %r"
                             % (parameter, value), parameter)
    clock = "%s:%s:%s" % (match.group(2), match.group(3), match.group(4) or "00")
    return api_day(match.group(1), parameter), api_time(clock, parameter)


def unix_timestamp(value, parameter, end_of_day=False):
    """Seconds since the epoch from a timestamp, ``YYYY-MM-DD`` or an ISO date and time.

    Without a UTC offset a date or time is taken as UTC (the API's timestamps are). A bare date
    is its first second, or with ``end_of_day`` its last (so that an end date includes that day).
    """
    if isinstance(value, bool):
        value = None
    elif isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit()):
        return int(value)
    match = ISO_DATETIME.match(to_str(value).strip()) if value is not None else None
    try:
        if match:
            day = datetime.datetime.strptime(match.group(1), "%Y-%m-%d")
            if match.group(2) is None:
                moment = day + datetime.timedelta(days=1, seconds=-1) if end_of_day else day
            else:
                moment = day.replace(hour=int(match.group(2)), minute=int(match.group(3)), second=int(match.group(4) or 0))
            offset = match.group(5)
            seconds = calendar.timegm(moment.timetuple())
            if offset and offset != "Z":
                sign = -1 if offset[0] == "-" else 1
                digits = offset[1:].replace(":", "")
                seconds -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
            return seconds
    except ValueError:
        pass
    raise ReconcileError("%s must be a Unix timestamp, a date as YYYY-MM-DD or a date and time as "
                         "YYYY-MM-DDThh:mm[:ss][+hh:mm], got %r" % (parameter, value), parameter)
