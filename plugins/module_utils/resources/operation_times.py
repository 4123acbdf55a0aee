# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Operation times (``pbxware.otimes.<kind>.list``/``set``): one state per object.

``set`` "set[s] the entire state of the destination Operation Times"
(reference L6531): its three lists are sent as ordered, parallel ``name[]=``
arguments, and a list left out is emptied. Whether ``status``, ``greeting``
and the default destination survive a ``set`` that leaves them out, the
sources do not say, so every ``set`` carries the whole state: the task's
values merged with the current ones (``resend_on_edit`` on every field).
The route ``pin`` is never returned: it goes with every ``set`` when the task
gives it, and :func:`pin_warnings` says when it does not.
"""

import datetime
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import ident, to_bool, to_lower, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError, Resource

# Module choice -> the action's object name.
KINDS = {"did": "did", "ivr": "ivr", "dial_group": "dial_group", "server": "servers", "route": "routes",
         "queue": "queues", "erg": "erg"}

# List option -> (API argument prefix, [(row key, API suffix, read key)]).
LISTS = {
    "closed_dates": [("description", "closed_dates_desc", "description"),
                     ("destination", "closed_dates_dest", "destination"),
                     ("date_from", "closed_dates_date_from", "date_from"),
                     ("date_to", "closed_dates_date_to", "date_to"),
                     ("time_from", "closed_dates_time_from", "time_from"),
                     ("time_to", "closed_dates_time_to", "time_to")],
    "custom_destinations": [("destination", "custom_destinations_dest", "destination"),
                            ("is_open_range", "custom_destinations_is_open", "is_open_range"),
                            ("days", "custom_destinations_days", "days"),
                            ("time_from", "custom_destinations_time_from", "time_from"),
                            ("time_to", "custom_destinations_time_to", "time_to")],
    "open_days": [("description", "open_days_desc", "description"),
                  ("days", "open_days", "days"),
                  ("time_from", "open_days_time_from", "time_from"),
                  ("time_to", "open_days_time_to", "time_to")],
}
TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _time(value):
    match = TIME.match(to_str(value) or "")
    return "%02d:%s" % (int(match.group(1)), match.group(2)) if match else to_str(value)


def _days(value):
    items = value if isinstance(value, (list, tuple)) else (to_str(value) or "").split(",")
    return ",".join(to_str(item) for item in items if to_str(item))


def _cell(key, value):
    if key in ("time_from", "time_to"):
        return _time(value)
    if key == "days":
        return _days(value)
    if key == "is_open_range":
        return "yes" if to_bool(value) else "no"
    return to_str(value) or ""


def list_normalizer(name):
    keys = [key for key, api, read in LISTS[name]]

    def normalise(rows):
        if rows in (None, "", {}):
            return []
        return [dict((key, _cell(key, row.get(key))) for key in keys) for row in rows]

    return normalise


def list_encoder(name):
    def encode(rows):
        return dict((api, [row[key] for row in rows]) for key, api, read in LISTS[name])

    return encode


def operation_times_resource(kind):
    fields = [
        Field("object_id", api="id", read="id", normalize=ident),
        Field("status", normalize=to_lower, resend_on_edit=True),
        Field("greeting", resend_on_edit=True),
        Field("default_destination", api="default_dest_ext", read="default_dest_ext", resend_on_edit=True),
        Field("default_destination_is_voicemail", api="default_dest_is_vm", read="default_dest_is_vm",
              normalize=to_bool, to_api=lambda value: "yes" if value else "no", resend_on_edit=True),
        Field("pin", write_only=True, secret=True, resend_on_edit=True),
    ]
    fields += [Field(name, api=None, normalize=list_normalizer(name), to_api=list_encoder(name), resend_on_edit=True)
               for name in LISTS]
    return Resource("operation times", fields, identity=["object_id"], api_object="otimes." + KINDS[kind],
                    write_methods={"create": "set", "update": "set"}, key_field="object_id")


def validate(params):
    """Dates, times and days as the API wants them, checked before any call."""
    for name in LISTS:
        for index, row in enumerate(params.get(name) or []):
            where = "%s[%d]" % (name, index)
            for key in ("date_from", "date_to"):
                if key in row:
                    try:
                        datetime.datetime.strptime(to_str(row[key]), "%Y-%m-%d")
                    except (TypeError, ValueError):
                        raise ReconcileError("%s.%s must be a date as yyyy-mm-dd, got %r" % (where, key, row[key]),
                                             name)
            if row.get("date_from") and row.get("date_to") and row["date_to"] < row["date_from"]:
                raise ReconcileError("%s ends (%s) before it starts (%s)" % (where, row["date_to"], row["date_from"]),
                                     name)
            for key in ("time_from", "time_to"):
                if row.get(key) is not None and not TIME.match(to_str(row[key])):
                    raise ReconcileError("%s.%s must be a time as HH:MM, got %r" % (where, key, row[key]), name)
            if "days" in row and row["days"] is not None:
                days = _days(row["days"]).split(",")
                if not days or any(day not in "1234567" or len(day) != 1 for day in days):
                    raise ReconcileError("%s.days must be days of the week 1 to 7, got %r" % (where, row["days"]),
                                         name)


def pin_warnings(kind, params, result):
    """What a run did not do with a route's ``pin``, which no read returns (the module's warnings)."""
    if kind != "route":
        return []
    if params.get("pin") is not None and not result.get("changed"):
        return ["operation times: pin was neither compared nor sent (the API never returns it); it is sent with the "
                "next change of these operation times"]
    if params.get("pin") is None and result.get("operation") == "update":
        return ["operation times: pin was not sent (the API never returns it and the task does not set it); a server "
                "that sets the entire state on every set clears the route's PIN: give pin to keep it"]
    return []
