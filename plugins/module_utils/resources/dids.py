# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The DID resource: ``pbxware.did.list`` is its only read.

Write names differ from read names (``did``/``number``, ``did_2``/``number2``,
``dest_type=5``/``type: "External Number"``, ``destination``/``ext``,
``disabled=0``/``status: "enabled"``); every argument ``did.list`` does not
return is write-only.
"""

import re

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import (
    DID_DESTINATIONS, NAMED_DESTINATIONS, WITHOUT_DESTINATION, NamedDestinations, cli_route_resource)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.lookups import resolve_by_name
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_bool, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ParentMissing, ReconcileError, Resource

# The arguments of one DID: pbxware_did's (with its state) and each pbxware_dids item's.
DID_ARGUMENTS = dict(
    number=dict(type="str", required=True),
    number_end=dict(type="str"),
    trunk=dict(type="str"),
    destination_type=dict(type="str", choices=list(DID_DESTINATIONS.names)),
    destination=dict(type="str"),
    name=dict(type="str"),
    enabled=dict(type="bool"),
    group=dict(type="str"),
    e164=dict(type="str"),
    e164_end=dict(type="str"),
    sms_enabled=dict(type="bool"),
    prioritize_clirouting=dict(type="bool"),
    options=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)

DID = Resource(
    "DID",
    [
        Field("number", api="did", read="number", required_on_create=True),
        # did_2 in the reference, did2 in the Postman collection: both read as number2.
        Field("number_end", api="did_2", read="number2", spellings=[("did2", "number2")]),
        Field("trunk", read="trunk", normalize=ident, required_on_create=True),
        # The API wants the destination with every destination type change.
        Field("destination_type", api="dest_type", read="type", normalize=DID_DESTINATIONS.normalize,
              to_api=DID_DESTINATIONS.code, required_on_create=True, send_with=("destination",)),
        Field("destination", read="ext"),
        Field("name"),
        Field("enabled", api="disabled", read="status", normalize=to_bool, to_api=lambda value: not value,
              create_default=True),
        Field("group", api="groupid", normalize=ident, write_only=True),
        Field("e164"),
        Field("e164_end", api="e164_2"),
        Field("sms_enabled", normalize=to_bool),
        Field("prioritize_clirouting", normalize=to_bool),
    ],
    identity=["number"],
    api_object="did",
    master_server_actions=("delete",),
)

# A DID group: named, with a number range, in a tenant; every write needs server=1.
DID_GROUP = Resource(
    "DID group",
    [
        Field("name", api="group_name", read="group_name", required_on_create=True),
        Field("tenant", api="tenantid", read="tenant", normalize=ident, required_on_create=True),
        Field("range_start", api="min_did", read="min_did", required_on_create=True),
        Field("range_end", api="max_did", read="max_did", required_on_create=True),
    ],
    identity=["name"],
    api_object="didgroup",
    master_server_actions=("add", "edit", "delete"),
)

DID_CLI_ROUTE = cli_route_resource("DID CLI routing rule", "did.clirouting")

# Every other did.add/edit argument: none of them comes back from did.list.
WRITE_ONLY_OPTIONS = (
    "callerid", "splan", "billingext", "call_rating_ext", "greeting", "stripn", "qprio", "codec", "ringtone",
    "recordcall", "state_text", "city", "areacode", "preserve_callerid", "notify",
)
DIGITS = re.compile(r"^\d+$")
# Destination types named by a number (an extension, a ring group's or IVR's number...).
NUMBERED_DESTINATIONS = frozenset(("extension", "ring_group", "ivr", "queue", "voicemail", "remote_access",
                                   "conference", "fax_to_email", "parking_lot"))
# Validation the vendor's Postman collection documents for did.add/edit options.
OPTION_PATTERNS = {"greeting": r"^greeting-did-[\w-]+$", "stripn": r"^\d+$", "qprio": r"^\d{1,2}$",
                   "recordcall": r"^(1|0|2)$", "sms_enabled": r"^(1|0)$", "preserve_callerid": r"^(1|0)$"}


def option_fields(options):
    fields = []
    for key in sorted(options or {}):
        if key not in WRITE_ONLY_OPTIONS:
            raise ReconcileError("options.%s is not an argument of pbxware.did.add/edit that has no option of its "
                                 "own; allowed: %s" % (key, ", ".join(WRITE_ONLY_OPTIONS)), "options")
        fields.append(Field("options." + key, api=key, write_only=True))
    return fields


def validate(params):
    """Refuse what the server would, before any API call."""
    for name in ("number", "number_end", "e164", "e164_end"):
        value = to_str(params.get(name))
        if value and not DIGITS.match(value):
            raise ReconcileError("%s must be digits only, got %r" % (name, value), name)
    for start, end in (("number", "number_end"), ("e164", "e164_end")):
        first, last = to_str(params.get(start)), to_str(params.get(end))
        if first and last and (len(first) != len(last) or int(last) < int(first)):
            raise ReconcileError("%s %s must have as many digits as %s %s and not be lower"
                                 % (end, last, start, first), end)
    kind = params.get("destination_type")
    if params.get("state", "present") == "present" and kind and kind not in WITHOUT_DESTINATION \
            and params.get("destination") in (None, ""):
        raise ReconcileError("destination is required with destination_type %s (only %s take none)"
                             % (kind, " and ".join(sorted(WITHOUT_DESTINATION))), "destination")
    destination = to_str(params.get("destination"))
    if destination and kind == "external_number" and not re.match(r"^\+?\d+$", destination):
        raise ReconcileError("an external number is digits, optionally after a +, got %r" % destination,
                             "destination")
    if destination and kind in NUMBERED_DESTINATIONS and kind not in NAMED_DESTINATIONS \
            and not DIGITS.match(destination):
        raise ReconcileError("a %s destination is its number (digits), got %r" % (kind, destination), "destination")
    for name, pattern in sorted(OPTION_PATTERNS.items()):
        value = to_str((params.get("options") or {}).get(name))
        if value and not re.match(pattern, value):
            raise ReconcileError("options.%s: %r does not match %s, which PBXware requires" % (name, value, pattern),
                                 "options.%s" % name)


def find_did_id(client, server, number):
    """The ID of DID ``number`` in ``server`` (one ``did.list`` read)."""
    for object_id, row in collection(client.read("pbxware.did.list", {"server": server})).items():
        if to_str(row.get("number")) == to_str(number):
            return ident(object_id)
    raise ParentMissing("DID %s does not exist in this tenant" % number, "did")


def reference_resolver(client, server):
    """Resolve ``trunk`` and ``group`` names to IDs and a destination's name to its number (one list read each,
    only for names)."""

    def resolve(params, current):
        if params.get("destination") is not None:
            named = NamedDestinations(client, server)
            params["destination"] = named.number(params.get("destination_type"), params["destination"])
        trunk = params.get("trunk")
        if trunk is not None and not to_str(trunk).isdigit():
            params["trunk"] = resolve_by_name(client, "pbxware.trunk.list", {}, trunk, "trunk", "trunk")
        group = params.get("group")
        if group is not None and not to_str(group).isdigit():
            params["group"] = resolve_by_name(client, "pbxware.didgroup.list", {}, group, "group", "DID group",
                                              ("group_name",))
        if params.get("destination_type") in WITHOUT_DESTINATION and params.get("destination") is None \
                and current is None:
            params["destination"] = ""  # did.add requires the argument even where it means nothing
        return params

    return resolve
