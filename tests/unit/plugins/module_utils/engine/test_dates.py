# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dates and times: ISO as users write them, each action's format as the API wants it."""

import datetime

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.dates import (
    api_day, api_day_and_time, api_time, unix_timestamp)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError


@pytest.mark.parametrize("value, expected", [
    ("2009-02-01", "Feb-01-2009"),
    (datetime.date(2026, 11, 28), "Nov-28-2026"),
    ("Feb-01-2009", "Feb-01-2009"),     # the API's own format passes through
    ("feb-01-2009", "Feb-01-2009"),
])
def test_days_in_the_api_format(value, expected):
    assert api_day(value, "start") == expected


@pytest.mark.parametrize("value", ["01/02/2009", "2009-02-30", "Fbr-01-2009", "", "2009-2-1x"])
def test_bad_days_name_the_parameter(value):
    with pytest.raises(ReconcileError) as info:
        api_day(value, "history_start")
    assert info.value.parameter == "history_start" and "YYYY-MM-DD" in str(info.value)


@pytest.mark.parametrize("value, expected", [("09:05", "09:05:00"), ("23:59:59", "23:59:59")])
def test_times(value, expected):
    assert api_time(value, "start_time") == expected


@pytest.mark.parametrize("value", ["24:00", "9:05", "12:60:00", "noon"])
def test_bad_times(value):
    with pytest.raises(ReconcileError, match="start_time"):
        api_time(value, "start_time")


@pytest.mark.parametrize("value, end_of_day, expected", [
    (1700000000, False, 1700000000),
    ("1700000000", False, 1700000000),
    ("2026-11-02", False, 1793577600),
    ("2026-11-02", True, 1793577600 + 86399),          # an end date includes its day
    ("2026-11-02T10:30", False, 1793577600 + 37800),
    ("2026-11-02 10:30:15Z", False, 1793577600 + 37815),
    ("2026-11-02T10:30:00+01:00", False, 1793577600 + 37800 - 3600),
    ("2026-11-02T10:30:00-0230", False, 1793577600 + 37800 + 9000),
])
def test_unix_timestamps(value, end_of_day, expected):
    assert unix_timestamp(value, "start", end_of_day) == expected


@pytest.mark.parametrize("value", ["yesterday", "2026-13-01", "2026-11-02T25:00", True, "-5"])
def test_bad_timestamps(value):
    with pytest.raises(ReconcileError) as info:
        unix_timestamp(value, "start")
    assert info.value.parameter == "start"


@pytest.mark.parametrize("value, expected", [
    ("2026-11-02", ("Nov-02-2026", None)),
    ("Nov-02-2026", ("Nov-02-2026", None)),
    ("2026-11-02T09:30", ("Nov-02-2026", "09:30:00")),
    ("2026-11-02 23:59:59", ("Nov-02-2026", "23:59:59")),
])
def test_a_day_with_or_without_a_time(value, expected):
    assert api_day_and_time(value, "start_date") == expected


@pytest.mark.parametrize("value, message", [
    ("2026-11-02T09:30:00+01:00", "without a UTC offset"),
    ("2026-11-02T09:30Z", "without a UTC offset"),
    ("2026-11-02T24:00", "hh:mm"),
    ("2026-02-30T10:00", "YYYY-MM-DD"),
    ("tomorrow", "YYYY-MM-DD"),
])
def test_bad_days_with_times(value, message):
    with pytest.raises(ReconcileError) as info:
        api_day_and_time(value, "start_date")
    assert info.value.parameter == "start_date" and message in str(info.value)
