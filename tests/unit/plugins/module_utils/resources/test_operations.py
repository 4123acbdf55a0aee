# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Dashboard, license and monitor answers in their stable forms (both vendor readings), and input checks."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareApiError, PBXwareResponseError)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operations import (
    DASHBOARD_VIEWS, dashboard_view, iso_moment, license_info, live_calls, monitor_extensions, monitor_trunks,
    party, percent, read_dashboard, read_last_refreshed, read_monitor, selected_views)

# The reference's examples ("Dashboard", "License", "Monitor").
REFERENCE = {
    "ext_online": {"type": "Extensions Online", "count": 1},
    "services": {"PBXware": "running", "PBXware service": "running", "PBXware proxy": "running",
                 "Push notification": "running", "Chat server": "running", "Memcached": "running"},
    "sip_registrations": {"SIP Registrations": {"success": 4, "failed": 0, "lagged": 0}},
    "calls": {"now": 0, "last hour": 6, "today": 6, "answared calls": 6},
    "glocom_editions": {"office": 0, "business": 0, "agent": 0, "supervisor": 0, "ios": 0, "android": 0},
    "glocom_users": {"glocom_users": 0},
    "licensing": {"ext": {"inuse": 14, "max": 100}, "ivr": {"inuse": 0, "max": 200},
                  "queue": {"inuse": 0, "max": 200}, "conference": {"inuse": 1, "max": 200}},
    "disk_usage": {"inuse": "45%"},
    "cpu": {"inuse": "7%"},
    "memory": {"inuse": "34%"},
}


class FakeClient(object):
    def __init__(self, answers):
        self.answers = answers
        self.calls = []

    def read(self, action, params=None):
        self.calls.append((action, dict(params or {})))
        answer = self.answers[action]
        if isinstance(answer, Exception):
            raise answer
        return answer


class FakeModule(object):
    def __init__(self, tenant=None, tenant_id=None):
        self.params = {"tenant": tenant, "tenant_id": tenant_id}

    def server(self):
        return str(self.params["tenant_id"] or 7)


def test_dashboard_views_in_their_stable_form():
    client = FakeClient(dict(("pbxware.dashboard.%s" % view, answer) for view, answer in REFERENCE.items()))
    assert read_dashboard(client, list(DASHBOARD_VIEWS), {"server": "2"}) == {
        "ext_online": 1,
        "services": {"pbxware": "running", "pbxware_service": "running", "pbxware_proxy": "running",
                     "push_notification": "running", "chat_server": "running", "memcached": "running"},
        "sip_registrations": {"success": 4, "failed": 0, "lagged": 0},
        "calls": {"now": 0, "last_hour": 6, "today": 6, "answered": 6},
        "glocom_editions": {"office": 0, "business": 0, "agent": 0, "supervisor": 0, "ios": 0, "android": 0},
        "glocom_users": 0,
        "licensing": {"ext": {"in_use": 14, "max": 100}, "ivr": {"in_use": 0, "max": 200},
                      "queue": {"in_use": 0, "max": 200}, "conference": {"in_use": 1, "max": 200}},
        "disk_usage": 45, "cpu": 7, "memory": 34,
    }
    # The tenant filter goes only to the views that take it (the others' argument lists have no server).
    filtered = [action for action, params in client.calls if params == {"server": "2"}]
    assert filtered == ["pbxware.dashboard.%s" % view for view in DASHBOARD_VIEWS[:6]]
    assert [params for action, params in client.calls[6:]] == [{}] * 4


@pytest.mark.parametrize("view,answer,expected", [
    # the reference's field list names ``registered``; its example ``success``
    ("sip_registrations", {"SIP Registrations": {"registered": "3", "failed": "1", "lagged": "0"}},
     {"success": 3, "failed": 1, "lagged": 0}),
    ("calls", {"now": "1", "last hour": "2", "today": "3", "answered calls": "3"},
     {"now": 1, "last_hour": 2, "today": 3, "answered": 3}),
    ("ext_online", {"type": "Extensions Online", "count": "5"}, 5),
    ("cpu", {"inuse": "12.5%"}, 13),
    ("memory", {"inuse": 40}, 40),
])
def test_dashboard_other_spellings(view, answer, expected):
    assert dashboard_view(view, answer) == expected


@pytest.mark.parametrize("view,answer", [("cpu", {"inuse": "high"}), ("ext_online", []), ("licensing", {"ext": 3})])
def test_dashboard_answers_of_another_shape_are_refused(view, answer):
    with pytest.raises(ValueError):
        dashboard_view(view, answer)


def test_percent():
    assert (percent("7%"), percent("100 %"), percent("0")) == (7, 100, 0)
    with pytest.raises(ValueError):
        percent("")


def test_views_once_each_and_never_none():
    assert selected_views(["cpu", "calls", "cpu"], "views") == ["cpu", "calls"]
    with pytest.raises(ReconcileError) as err:
        selected_views([], "views")
    assert err.value.parameter == "views" and "at least one" in err.value.message


def test_license_info_and_last_refreshed():
    info = license_info({"Edition": "Multi-Tenant", "Version": "6.5.0.0", "Channels": "512", "Hot Desking": "9999",
                         "PSTN Trunks": "20", "Sms Module": "1", "Pin Based Dialling": 0})
    assert info == {"edition": "Multi-Tenant", "version": "6.5.0.0", "channels": 512, "hot_desking": 9999,
                    "pstn_trunks": 20, "sms_module": 1, "pin_based_dialling": 0}
    client = FakeClient({"pbxware.license.last_refreshed": {"last_refreshed": "25 Jan 2022 16:53:32"}})
    assert read_last_refreshed(client) == ("25 Jan 2022 16:53:32", "2022-01-25T16:53:32")
    with pytest.raises(ValueError):
        license_info([])


@pytest.mark.parametrize("stamp,iso", [
    ("25 Jan 2022 16:53:32", "2022-01-25T16:53:32"),
    ("5 dec 2026 01:02:03", "2026-12-05T01:02:03"),
    ("30 Feb 2022 16:53:32", None),
    ("2022-01-25 16:53:32", None),
    ("", None),
    (None, None),
])
def test_iso_moment(stamp, iso):
    assert iso_moment(stamp) == iso


# The reference's monitor.list example; the vendor's Postman test wants booleans (or "").
MONITOR_LIST = {"123": {"name": "User 530", "ext": "530", "ip": "192.168.1.2", "status": "online",
                        "ua": "Yealink T41", "dnd": "false", "on_call": "true"},
                "9": {"name": "User 99", "ext": "99", "ip": "", "status": "offline", "ua": "", "dnd": True,
                      "on_call": ""}}


def test_monitor_extensions_both_readings_by_number():
    assert monitor_extensions(MONITOR_LIST) == [
        {"id": "9", "extension": "99", "name": "User 99", "status": "offline", "ip": "", "user_agent": "",
         "dnd": True, "on_call": None},
        {"id": "123", "extension": "530", "name": "User 530", "status": "online", "ip": "192.168.1.2",
         "user_agent": "Yealink T41", "dnd": False, "on_call": True},
    ]
    assert monitor_extensions([]) == []


def test_live_calls_both_readings_oldest_first():
    answer = {"1675644925.12": {"from": "User1 (203)", "to": "User2 (210)", "timestamp": "1675644925"},
              "1675644900.3": {"from": "Front Desk (100)", "to": "12125550123", "timestamp": 1675644900}}
    assert live_calls(answer) == [
        {"id": "1675644900.3", "from": "Front Desk (100)", "to": "12125550123",
         "caller": {"name": "Front Desk", "number": "100"}, "callee": {"name": None, "number": "12125550123"},
         "timestamp": 1675644900},
        {"id": "1675644925.12", "from": "User1 (203)", "to": "User2 (210)",
         "caller": {"name": "User1", "number": "203"}, "callee": {"name": "User2", "number": "210"},
         "timestamp": 1675644925},
    ]
    assert live_calls([]) == []


@pytest.mark.parametrize("text,expected", [
    ("User1 (203)", {"name": "User1", "number": "203"}),
    ("Smith (Sales) (1001)", {"name": "Smith (Sales)", "number": "1001"}),
    ("+38733123456", {"name": None, "number": "+38733123456"}),
    ("", {"name": None, "number": ""}),
])
def test_party(text, expected):
    assert party(text) == expected


def test_monitor_trunks():
    assert monitor_trunks({"82": {"name": "Trunk", "ip": "192.168.60.4:5060", "status": "online"},
                           "7": {"name": "Backup", "ip": "", "status": "offline"}}) == [
        {"id": "7", "name": "Backup", "address": "", "status": "offline"},
        {"id": "82", "name": "Trunk", "address": "192.168.60.4:5060", "status": "online"}]
    assert monitor_trunks([]) == []


def test_read_monitor_filters_what_takes_a_tenant():
    client = FakeClient({"pbxware.monitor.list": [], "pbxware.monitor.live_calls": [],
                         "pbxware.monitor.trunks": []})
    assert read_monitor(client, ["trunks", "extensions", "live_calls"], {"server": "2"}) == {
        "trunks": [], "extensions": [], "live_calls": []}
    assert client.calls == [("pbxware.monitor.trunks", {}), ("pbxware.monitor.list", {"server": "2"}),
                            ("pbxware.monitor.live_calls", {"server": "2"})]


@pytest.mark.parametrize("error", [
    PBXwareResponseError("PBXware API action pbxware.monitor.live_calls: HTTP 200, not JSON: Live Calls: 0"),
    PBXwareApiError("pbxware.monitor.live_calls", "Live Calls: 0"),
])
def test_no_live_calls_text_reads_as_none(error):
    client = FakeClient({"pbxware.monitor.live_calls": error})
    assert read_monitor(client, ["live_calls"], {}) == {"live_calls": []}


def test_other_live_call_errors_are_raised():
    refused = PBXwareApiError("pbxware.monitor.live_calls", "Invalid server ID.")
    client = FakeClient({"pbxware.monitor.live_calls": refused})
    with pytest.raises(PBXwareApiError):
        read_monitor(client, ["live_calls"], {"server": "9"})
