# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Parts of a tenant with actions of their own: trunk assignment and CLI routing.

Both name the tenant with ``tenant`` (its ID), not ``server``.
"""

import difflib

from ansible_collections.bicom.pbxware.plugins.module_utils.destinations import cli_route_resource
from ansible_collections.bicom.pbxware.plugins.module_utils.encoding import CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.reconcile import Field, Resource

TENANT_CLI_ROUTE = cli_route_resource("tenant CLI routing rule", "tenant.clirouting", list_key="success")

# Module option -> API name of the trunk slots (read and written under the same names).
TRUNK_SLOTS = (
    ("primary_trunk", "primary_trunk"), ("secondary_trunk", "secondary_trunk"), ("tertiary_trunk", "tertiary_trunk"),
    ("primary_emergency_trunk", "primary_emerg_trunk"), ("secondary_emergency_trunk", "secondary_emerg_trunk"),
    ("tertiary_emergency_trunk", "tertiary_emerg_trunk"),
)


class TrunkNames(object):
    """``trunks.list`` reads trunk names, ``trunks.set`` writes IDs: both sides compared as names."""

    def __init__(self, trunk_list):
        self.names = dict((ident(trunk_id), to_str(row.get("name"))) for trunk_id, row in collection(trunk_list).items())
        self.ids = dict((name.lower(), trunk_id) for trunk_id, name in self.names.items() if name)

    def name(self, value):
        """The trunk's name from its name (any case) or ID; ``""`` is an empty slot."""
        text = to_str(value)
        if text is None or text == "":
            return text
        if text in self.names:
            return self.names[text]
        if text.lower() in self.ids:
            return self.names[self.ids[text.lower()]]
        close = difflib.get_close_matches(text, list(self.names.values()), n=3, cutoff=0.4)
        raise ValueError("%r is not the name or ID of a trunk on this PBXware%s"
                         % (text, "; closest: %s" % ", ".join(close) if close else ""))

    def names_list(self, value):
        if value is None:
            return None
        items = value if isinstance(value, (list, tuple)) else to_str(value).split(",")
        return [self.name(item) for item in items if to_str(item)]

    def trunk_id(self, name):
        return self.ids[name.lower()] if name else ""


def tenant_trunks_resource(trunk_names):
    fields = [Field("trunks", normalize=trunk_names.names_list,
                    to_api=lambda names: CommaList(trunk_names.trunk_id(name) for name in names))]
    fields += [Field(option, api=api, normalize=trunk_names.name, to_api=trunk_names.trunk_id)
               for option, api in TRUNK_SLOTS]
    return Resource("tenant trunks", fields, identity=(), api_object="tenant.trunks", singleton=True,
                    write_methods={"update": "set"})
