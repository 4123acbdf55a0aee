# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Service plans: their rows and rates (read only) and their SMS rates per SMS trunk.

The API cannot create service plans; it lists them (``pbxware.splan.list``), their call
rates (``pbxware.splan.rates``, keyed ``plan:route:dgroup``, one level deeper per TBD value
when the plan has TBD) and their SMS rates (``pbxware.splan.sms_rates.list``: one row per
SMS trunk, keyed by trunk ID, prices as numbers), and edits the SMS rates of one plan and
trunk (``pbxware.splan.sms_rates.edit`` with the plan as ``id`` and the trunk as ``trunk_id``).
"""

import math
from decimal import Decimal

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, collection, ident, to_bool, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ReconcileError, Resource, read_view)

PRICES = ("national_sms", "international_sms", "national_mms", "international_mms")
# "1=Yes/0=No/''=Not Set" (reference).
INCLUSIVE_MESSAGES = {"1": "enabled", "0": "disabled", "": "not_set"}
INCLUSIVE_MESSAGES_CODES = dict((choice, code) for code, choice in INCLUSIVE_MESSAGES.items())


def price(value):
    """Prices compared as numbers (``0.10``, ``"0.1"`` and ``0.1`` are one price)."""
    return None if value is None else float(value)


def price_text(value):
    """A price as the decimal text the server takes (``1e-05`` -> ``0.00001``)."""
    return format(Decimal(repr(value)), "f")


# A row of sms_rates.list exists for every SMS trunk (reference); should a server list only the
# trunks whose rates were edited, the first edit of another trunk is the same call, so both are edits.
SMS_RATE = Resource(
    "service plan SMS rate",
    [Field("sms_trunk", api="trunk_id", read="trunk_id", normalize=ident)]
    + [Field(name, normalize=price, to_api=price_text) for name in PRICES]
    + [Field("inclusive_messages", normalize=choice_map(INCLUSIVE_MESSAGES),
             to_api=lambda choice: INCLUSIVE_MESSAGES_CODES[choice])],
    identity=["sms_trunk"], api_object="splan.sms_rates", key_field="sms_trunk", id_param="trunk_id",
    write_methods={"create": "edit", "update": "edit"})


def validate_sms_rate(params):
    for name in PRICES:
        if params.get(name) is not None and not (math.isfinite(params[name]) and params[name] >= 0):
            raise ReconcileError("%s is a price: a finite number that must not be negative, got %s"
                                 % (name, params[name]), name)


def service_plan_item(plan_id, raw):
    """A ``pbxware.splan.list`` row with its ID; ``call_rating`` falls back on the deprecated ``billing``."""
    return {
        "id": ident(plan_id),
        "name": to_str(raw.get("name")),
        "tbd": to_str(raw.get("tbd")),
        "min_charge": to_str(raw.get("min_charge")),
        "connection_charge": to_str(raw.get("connection_charge")),
        "inclusive": to_str(raw.get("inclusive")),
        "inclusive_inbound": to_bool(raw.get("inclusive_inbound")),
        "grace_period": to_str(raw.get("grace_period")),
        "call_rating": to_str(raw.get("call_rating", raw.get("billing"))),
    }


RATE_FIELDS = ("inbound", "outbound", "inclusives", "call_rating", "min_charge", "connection_charge")


def _rate(key, tbd, raw):
    parts = to_str(key).split(":")
    item = {"route": parts[1] if len(parts) > 1 else None, "destination_group": parts[2] if len(parts) > 2 else None}
    if tbd is not None:
        item["tbd"] = tbd
    item.update((name, to_str(raw.get(name, raw.get("billing") if name == "call_rating" else None)))
                for name in RATE_FIELDS)
    return item


def rate_items(answer):
    """``pbxware.splan.rates`` flattened: one item per route, destination group (and TBD value)."""
    items = []
    for key, value in collection(answer).items():
        by_tbd = isinstance(value, dict) and value and all(isinstance(inner, dict) for inner in value.values())
        if by_tbd:
            items.extend(_rate(key, ident(tbd), inner) for tbd, inner in value.items())
        else:
            items.append(_rate(key, None, value or {}))
    return items


def sms_rate_items(answer, service_plan):
    """``pbxware.splan.sms_rates.list`` as ``pbxware_service_plan_sms_rate`` takes it, trunks by name."""
    items = []
    for trunk_id, row in sorted(collection(answer).items(), key=lambda pair: int(pair[0])):
        view = read_view(SMS_RATE, row)
        view["sms_trunk"] = to_str(row.get("trunk_name")) or ident(trunk_id)
        items.append(dict(view, service_plan=service_plan))
    return items
