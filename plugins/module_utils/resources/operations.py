# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Operations reads: the dashboard (``pbxware.dashboard.*``), the license (``pbxware.license.*``)
and the monitor (``pbxware.monitor.*``).

None of them is an object to converge: each answer is put into one stable form
(numbers as numbers, names in snake case, ``[]`` for nothing) so that playbooks
can compare and loop without caring how a server spells it. The reference's
typo ``answared calls`` and its field list's ``registered`` (its example says
``success``) are read too; the vendor's Postman tests want booleans for the
monitor's ``dnd``/``on_call`` and a number for a live call's ``timestamp``
where the reference's examples show ``"false"`` and ``"12334"``: both read alike.
"""

import datetime
import math
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, to_bool, to_int, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

# Dashboard views in the reference's order; the first six take the tenant filter (``server``).
SERVER_VIEWS = ("ext_online", "sip_registrations", "calls", "glocom_editions", "glocom_users", "licensing")
SYSTEM_VIEWS = ("services", "disk_usage", "cpu", "memory")
DASHBOARD_VIEWS = SERVER_VIEWS + SYSTEM_VIEWS
MONITOR_VIEWS = ("extensions", "live_calls", "trunks")
MONITOR_ACTIONS = {"extensions": "pbxware.monitor.list", "live_calls": "pbxware.monitor.live_calls",
                   "trunks": "pbxware.monitor.trunks"}
# A server with no live call may answer with this text instead of JSON (the vendor's Postman test looks for it).
NO_LIVE_CALLS = "Live Calls: 0"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
STAMP = re.compile(r"^(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2})$")
PARTY = re.compile(r"^(.*\S)\s*\(([^()]*)\)$")
CALLS_KEYS = {"now": "now", "last hour": "last_hour", "today": "today", "answared calls": "answered",
              "answered calls": "answered"}


def selected_views(requested, parameter):
    """The views a task asks for, each once, in the order given; an empty list is refused."""
    views = []
    for view in requested or []:
        if view not in views:
            views.append(view)
    if not views:
        raise ReconcileError("%s must name at least one view" % parameter, parameter)
    return views


def snake(name):
    """``"PBXware proxy"`` -> ``pbxware_proxy``; ``"Hot Desking"`` -> ``hot_desking``."""
    return re.sub(r"[^a-z0-9]+", "_", to_str(name).lower()).strip("_")


def number(value):
    """A count or limit as a number; text that is no number stays text."""
    text = to_str(value)
    if text is not None and re.match(r"^-?\d+$", text):
        return int(text)
    return text


def _object(answer, what):
    if not isinstance(answer, dict):
        raise ValueError("%s: expected an object, got %r" % (what, answer))
    return answer


def percent(value):
    """``"45%"`` (or ``45``) -> ``45``, a whole percentage (``"12.5%"`` -> ``13``)."""
    text = to_str(value)
    match = re.match(r"^(\d+(?:\.\d+)?)\s*%?$", text or "")
    if not match:
        raise ValueError("expected a percentage, got %r" % (value,))
    return int(math.floor(float(match.group(1)) + 0.5))


def dashboard_view(view, answer):
    """One dashboard view's answer in its stable form (see the module's RETURN)."""
    answer = _object(answer, "pbxware.dashboard.%s" % view)
    if view == "ext_online":
        return to_int(answer.get("count"))
    if view == "glocom_users":
        return to_int(answer.get("glocom_users"))
    if view in ("disk_usage", "cpu", "memory"):
        return percent(answer.get("inuse"))
    if view == "services":
        return dict((snake(name), to_str(status)) for name, status in answer.items())
    if view == "sip_registrations":
        counts = _object(answer.get("SIP Registrations", answer), "SIP Registrations")
        success = counts.get("success", counts.get("registered"))
        return {"success": to_int(success), "failed": to_int(counts.get("failed")),
                "lagged": to_int(counts.get("lagged"))}
    if view == "calls":
        return dict((CALLS_KEYS.get(key, snake(key)), to_int(value)) for key, value in answer.items())
    if view == "glocom_editions":
        return dict((snake(name), to_int(count)) for name, count in answer.items())
    if view == "licensing":
        return dict((snake(name), {"in_use": to_int(_object(usage, name).get("inuse")),
                                   "max": to_int(usage.get("max"))})
                    for name, usage in answer.items())
    raise ValueError("unknown dashboard view %r" % view)


def read_dashboard(client, views, scope):
    """``{view: stable form}`` for ``views``; ``scope`` (``{"server": ID}`` or ``{}``) for those that take it."""
    found = {}
    for view in views:
        answer = client.read("pbxware.dashboard.%s" % view, dict(scope) if view in SERVER_VIEWS else {})
        found[view] = dashboard_view(view, answer)
    return found


def license_info(answer):
    """``license.info`` by snake-case name, counts and flags as numbers (``{"edition": "Multi-Tenant",
    "channels": 512, "sms_module": 1, ...}``)."""
    return dict((snake(name), number(value)) for name, value in _object(answer, "pbxware.license.info").items())


def iso_moment(stamp):
    """``"25 Jan 2022 16:53:32"`` (the API's form) -> ``"2022-01-25T16:53:32"``; ``None`` if it reads otherwise."""
    match = STAMP.match(to_str(stamp) or "")
    if not match or match.group(2).lower() not in MONTHS:
        return None
    try:
        moment = datetime.datetime(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1, int(match.group(1)),
                                   int(match.group(4)), int(match.group(5)), int(match.group(6)))
    except ValueError:
        return None
    return moment.isoformat()


def read_last_refreshed(client):
    """``(as the server writes it, ISO form or None)``."""
    stamp = to_str(_object(client.read("pbxware.license.last_refreshed"), "pbxware.license.last_refreshed")
                   .get("last_refreshed"))
    return stamp, iso_moment(stamp)


def flag(value):
    """``dnd``/``on_call``: ``true``/``"true"`` -> True, ``false``/``"false"`` -> False, ``""`` (unknown) -> None."""
    if value is None or value == "":
        return None
    return to_bool(value)


def party(text):
    """``"User1 (203)"`` -> ``{"name": "User1", "number": "203"}``; an external number: ``{"name": None, ...}``."""
    text = to_str(text) or ""
    match = PARTY.match(text)
    if match:
        return {"name": match.group(1), "number": match.group(2).strip()}
    return {"name": None, "number": text}


def _by_number(row):
    digits = row.get("extension") or ""
    return (len(digits), digits, row["id"])


def monitor_extensions(answer):
    """``monitor.list`` rows, by extension number."""
    rows = []
    for ext_id, row in collection(answer).items():
        row = _object(row, "pbxware.monitor.list")
        rows.append({"id": ext_id, "extension": to_str(row.get("ext")), "name": to_str(row.get("name")),
                     "status": to_str(row.get("status")), "ip": to_str(row.get("ip")),
                     "user_agent": to_str(row.get("ua")), "dnd": flag(row.get("dnd")),
                     "on_call": flag(row.get("on_call"))})
    return sorted(rows, key=_by_number)


def live_calls(answer):
    """``monitor.live_calls`` rows, oldest first (by the channel key, ``<start>.<sequence>``)."""
    rows = []
    for key, row in collection(answer).items():
        row = _object(row, "pbxware.monitor.live_calls")
        rows.append({"id": key, "from": to_str(row.get("from")), "to": to_str(row.get("to")),
                     "caller": party(row.get("from")), "callee": party(row.get("to")),
                     "timestamp": to_int(row.get("timestamp"))})
    return sorted(rows, key=lambda row: tuple(int(part) if part.isdigit() else 0 for part in row["id"].split(".")))


def monitor_trunks(answer):
    """``monitor.trunks`` rows, by trunk ID."""
    rows = []
    for trunk_id, row in collection(answer).items():
        row = _object(row, "pbxware.monitor.trunks")
        rows.append({"id": trunk_id, "name": to_str(row.get("name")), "address": to_str(row.get("ip")),
                     "status": to_str(row.get("status"))})
    return sorted(rows, key=lambda row: int(row["id"]) if row["id"].isdigit() else 0)


def read_live_calls(client, scope):
    try:
        answer = client.read(MONITOR_ACTIONS["live_calls"], dict(scope))
    except PBXwareError as err:
        if NO_LIVE_CALLS in (err.message or ""):
            return []
        raise
    return live_calls(answer)


def read_monitor(client, views, scope):
    """``{view: rows}`` for ``views``; ``scope`` filters extensions and live calls (trunks are system-wide)."""
    found = {}
    for view in views:
        if view == "live_calls":
            found[view] = read_live_calls(client, scope)
        elif view == "extensions":
            found[view] = monitor_extensions(client.read(MONITOR_ACTIONS[view], dict(scope)))
        else:
            found[view] = monitor_trunks(client.read(MONITOR_ACTIONS[view], {}))
    return found
