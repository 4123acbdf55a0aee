# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Destination types: written as numbers (``dest_type=5``), read as names (``"External Number"``).

One table for every object that routes calls (DIDs, CLI routing rules).
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, to_bool, to_lower, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError, Resource

# Module choice -> API code, in the reference's order (0-17).
DESTINATION_TYPES = (
    "extension", "multi_user", "ring_group", "ivr", "queue", "external_number", "ivr_tree", "voicemail",
    "remote_access", "conference", "trunk", "fax_to_email", "phone_callback", "deny_access", "crm_routing",
    "agents", "ari_application", "parking_lot",
)
# CLI routing rules number their own, shorter list (reference "Adding CLI Routing").
CLI_ROUTING_TYPES = (
    "extension", "multi_user", "ring_group", "ivr", "queue", "voicemail", "remote_access", "conference", "trunk",
    "fax_to_email", "deny_access", "crm_routing",
)
# Types whose calls go nowhere that needs naming.
WITHOUT_DESTINATION = frozenset(("phone_callback", "deny_access"))

# Read-side spellings (letters only, lower case) that differ from the choice names;
# CLI routing lists read an extension as "network user" (reference example).
_READ_ALIASES = {
    "forwarddidtoextensionmultiuser": "multi_user",
    "networkuser": "extension",
    "networkuserforwarddid": "multi_user",
    "queues": "queue",
    "conferences": "conference",
}


def _letters(value):
    return re.sub(r"[^a-z]", "", value.lower())


class DestinationTypes(object):
    """Normaliser (``normalize``) and encoder (``code``) for one numbering of destination types."""

    def __init__(self, names):
        self.names = tuple(names)
        self._by_letters = dict((_letters(name), name) for name in self.names)
        self._by_letters.update(_READ_ALIASES)

    def normalize(self, value):
        """The choice name from a choice, an API code (``5``) or a read name (``"External Number"``)."""
        text = to_str(value)
        if text is None or text == "":
            return None
        if text.isdigit():
            if int(text) >= len(self.names):
                raise ValueError("unknown destination type code %s" % text)
            return self.names[int(text)]
        name = self._by_letters.get(_letters(text))
        if name not in self.names:
            raise ValueError("unknown destination type %r; allowed: %s" % (text, ", ".join(self.names)))
        return name

    def code(self, name):
        return self.names.index(name)


DID_DESTINATIONS = DestinationTypes(DESTINATION_TYPES)
CLI_ROUTING_DESTINATIONS = DestinationTypes(CLI_ROUTING_TYPES)


def cli_route_resource(name, api_object, list_key=None):
    """A CLI routing rule (of a DID or a tenant): calls from ``callerid`` go to their own destination.

    The rule is ``cliroutingid`` in every call (``id`` names a DID, ``tenant`` a tenant).
    """
    return Resource(
        name,
        [
            Field("callerid", required_on_create=True),
            Field("destination_type", api="dest_type", read="type", normalize=CLI_ROUTING_DESTINATIONS.normalize,
                  to_api=CLI_ROUTING_DESTINATIONS.code, required_on_create=True, send_with=("destination",)),
            Field("destination", read="ext", required_on_create=True),
            Field("match_explicitly", api="matchexplicitly", read="matchtype", normalize=to_bool,
                  create_default=False),
        ],
        identity=["callerid"],
        api_object=api_object,
        id_param="cliroutingid",
        list_key=list_key,
    )


def clirouting_desired(resource, params):
    """The wanted rule from module params; refuses a missing destination before any call."""
    kind = params["destination_type"]
    if params["state"] == "present" and kind and kind != "deny_access" and not params["destination"]:
        raise ReconcileError("destination is required with destination_type %s (only deny_access takes none)"
                             % kind, "destination")
    desired = dict((name, params[name]) for name in resource.by_name)
    if kind == "deny_access" and desired["destination"] is None:
        desired["destination"] = ""  # the API requires the argument even where it means nothing
    return desired


# The argument spec matching the bicom.pbxware.clirouting doc fragment.
CLI_ROUTING_ARGS = dict(
    callerid=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    destination_type=dict(type="str", choices=list(CLI_ROUTING_TYPES)),
    destination=dict(type="str"),
    match_explicitly=dict(type="bool"),
)


# Destinations that may be given by the object's name where the API wants its number:
# type -> the lists to look in, in order, as (list action, the row key holding the number).
# "Ring group" covers dial groups and enhanced ring groups (the ERG list calls the number "number").
NAMED_DESTINATIONS = {
    "ring_group": (("pbxware.ring_group.list", "ext"), ("pbxware.erg.list", "number")),
    "ivr": (("pbxware.ivr.list", "ext"),),
}


class NamedDestinations(object):
    """Numbers of destinations given by name, each list read at most once (many entries, one read)."""

    def __init__(self, client, server):
        self.client = client
        self.server = server
        self._rows = {}

    def _list(self, action):
        if action not in self._rows:
            self._rows[action] = list(collection(self.client.read(action, {"server": self.server})).values())
        return self._rows[action]

    def number(self, kind, destination, parameter="destination"):
        """The number ``destination`` stands for: itself when it is digits, else the named object's number
        (ring groups are looked for among dial groups, then enhanced ring groups)."""
        text = to_str(destination)
        if kind not in NAMED_DESTINATIONS or not text or text.isdigit():
            return destination
        names = []
        for action, number_key in NAMED_DESTINATIONS[kind]:
            rows = self._list(action)
            for row in rows:
                if to_lower(row.get("name")) == text.lower() and to_str(row.get(number_key)):
                    return to_str(row.get(number_key))
            names.extend(to_str(row.get("name")) for row in rows if row.get("name"))
        close = difflib.get_close_matches(text, names, n=3, cutoff=0.4)
        hint = "closest: %s" % ", ".join(close) if close else "known: %s" % (", ".join(sorted(names)[:10]) or "none")
        raise ReconcileError("%s %r is neither a number nor the name of a %s in this tenant; %s"
                             % (parameter, text, kind.replace("_", " "), hint), parameter)


def clirouting_resolver(client, server):
    """Resolve a CLI routing rule's destination given by name (a ring group's or an IVR's)."""

    def resolve(params, current):
        if params.get("destination") is not None:
            named = NamedDestinations(client, server)
            params["destination"] = named.number(params.get("destination_type"), params["destination"])
        return params

    return resolve
