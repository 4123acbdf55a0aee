# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parts of an extension that have actions of their own.

Additional MAC addresses (``pbxware.ext.additional_macs``, read back in
``ext.configuration``), editions & modules (``ext.editions_modules.*``), and
the date format of the balance history actions.
"""

import datetime
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.encoding import CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.extensions import LOCATIONS, resolve_user_agent
from ansible_collections.bicom.pbxware.plugins.module_utils.normalize import ident, to_bool, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.reconcile import Field, ReconcileError, Resource

# -- dates -----------------------------------------------------------------------------


def api_date(value, parameter):
    """``yyyy-mm-dd`` (or a date) as the history actions want it: ``Feb-01-2009``."""
    if isinstance(value, datetime.date):
        day = value
    else:
        try:
            day = datetime.datetime.strptime(to_str(value), "%Y-%m-%d").date()
        except ValueError:
            raise ReconcileError("%s must be a date as yyyy-mm-dd, got %r" % (parameter, value), parameter)
    # %b depends on the locale; the API wants English month names.
    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    return "%s-%02d-%04d" % (months[day.month - 1], day.day, day.year)


# -- additional MAC addresses -----------------------------------------------------------

MAC_PATTERN = re.compile(r"^[0-9a-f]{12}$")
MAC_KEYS = ("mac", "serial", "user_agent", "location", "device_address")


def _mac(value):
    return re.sub(r"[^0-9a-f]", "", to_str(value).lower())


def normalize_macs(value):
    """The MAC list in one canonical form, from the module's input or from ``additional_macaddress``."""
    if value in (None, "", [], {}):
        return []
    rows = []
    for item in value:
        rows.append({
            "mac": _mac(item.get("mac", item.get("macaddress", ""))),
            "serial": to_str(item.get("serial", item.get("sn"))) or "",
            "user_agent": ident(item.get("user_agent", item.get("ua_id"))) or "",
            "location": to_str(item.get("location")) or "local",
            "device_address": to_str(item.get("device_address")) or "",
        })
    return rows


def encode_macs(rows):
    """Parallel comma lists, as ``pbxware.ext.additional_macs`` takes them."""
    return {
        "values": CommaList(row["mac"] for row in rows),
        "sn": CommaList(row["serial"] for row in rows),
        "devices": CommaList(row["user_agent"] for row in rows),
        "locations": CommaList(LOCATIONS[row["location"]] for row in rows),
        "device_addresses": CommaList(row["device_address"] for row in rows),
    }


def validate_macs(macs):
    if not macs:
        raise ReconcileError("macs must list at least one address: the API cannot remove them all", "macs")
    seen = set()
    for index, item in enumerate(macs):
        mac = _mac(item.get("mac") or "")
        if not MAC_PATTERN.match(mac):
            raise ReconcileError("macs[%d].mac %r is not a MAC address (12 hex digits)" % (index, item.get("mac")), "macs")
        if mac in seen:
            raise ReconcileError("macs[%d].mac %s is listed twice" % (index, item.get("mac")), "macs")
        seen.add(mac)
        for key in ("serial", "device_address"):
            if "," in (to_str(item.get(key)) or ""):
                raise ReconcileError("macs[%d].%s must not contain a comma" % (index, key), "macs")


def mac_user_agent_resolver(client):
    """Resolve each MAC's ``user_agent`` name to a UAD ID (one ``uads.list`` read at most)."""

    def resolve(params, current):
        macs = [dict(item) for item in params.get("macs") or []]
        names = [item.get("user_agent") for item in macs if item.get("user_agent") and not to_str(item["user_agent"]).isdigit()]
        resolved = dict((name, resolve_user_agent(client, name)) for name in set(names))
        for item in macs:
            if item.get("user_agent") in resolved:
                item["user_agent"] = resolved[item["user_agent"]]
        return dict(params, macs=macs)

    return resolve


EXTENSION_MACS = Resource(
    "additional MAC addresses",
    [
        Field("extension", api="ext"),
        Field("macs", api=None, read="additional_macaddress", normalize=normalize_macs, to_api=encode_macs),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="configuration",
    write_methods={"update": "additional_macs"},
)

# -- editions & modules ------------------------------------------------------------------

EDITIONS = ("agent", "office", "business", "operator", "supervisor", "mobile", "web")
MODULES = ("crm", "call popup", "skype", "omni channel", "customer survey")


def selection(known):
    """A normaliser for a set of names: the API's ``{"all": 0, "crm": 1}`` flags or the user's list.

    ``all`` means every known name; ``none`` or ``[]`` means nothing. Read keys
    use ``_`` where the write values use spaces (``call_popup``/``call popup``).
    """

    def normalise(value):
        if value is None:
            return None
        if isinstance(value, dict):
            names = [key for key, flag in value.items() if to_bool(flag)]
        elif isinstance(value, (list, tuple)):
            names = list(value)
        else:
            names = to_str(value).split(",")
        names = set(to_str(name).lower().replace("_", " ") for name in names if to_str(name))
        if "all" in names:
            return list(known)
        names.discard("none")
        unknown = sorted(names - set(known))
        if unknown:
            raise ValueError("unknown %s; allowed: all, none, %s" % (", ".join(unknown), ", ".join(known)))
        return [name for name in known if name in names]

    return normalise


def encode_selection(names):
    return CommaList(names) if names else "none"


EXTENSION_EDITIONS = Resource(
    "editions and modules",
    [
        Field("extension", api="ext"),
        Field("editions", normalize=selection(EDITIONS), to_api=encode_selection),
        Field("modules", normalize=selection(MODULES), to_api=encode_selection),
        Field("use_department_templates", normalize=to_bool),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="editions_modules.configuration",
    write_methods={"update": "editions_modules.set"},
)
