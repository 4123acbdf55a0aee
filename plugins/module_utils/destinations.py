# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Destination types: written as numbers (``dest_type=5``), read as names (``"External Number"``).

One table for every object that routes calls (DIDs, CLI routing rules).
"""

import re

from ansible_collections.bicom.pbxware.plugins.module_utils.normalize import to_str

# Module choice -> API code, in the reference's order (0-17).
DESTINATION_TYPES = (
    "extension", "multi_user", "ring_group", "ivr", "queue", "external_number", "ivr_tree", "voicemail",
    "remote_access", "conference", "trunk", "fax_to_email", "phone_callback", "deny_access", "crm_routing",
    "agents", "ari_application", "parking_lot",
)
# Types whose calls go nowhere that needs naming.
WITHOUT_DESTINATION = frozenset(("phone_callback", "deny_access"))

# Read-side spellings (letters only, lower case) that differ from the choice names.
_READ_ALIASES = {
    "forwarddidtoextensionmultiuser": "multi_user",
    "queues": "queue",
    "conferences": "conference",
}


def _letters(value):
    return re.sub(r"[^a-z]", "", value.lower())


_BY_LETTERS = dict((_letters(name), name) for name in DESTINATION_TYPES)
_BY_LETTERS.update(_READ_ALIASES)


def destination_type(value):
    """The choice name from a choice, an API code (``5``) or a read name (``"External Number"``)."""
    text = to_str(value)
    if text is None or text == "":
        return None
    if text.isdigit():
        code = int(text)
        if code >= len(DESTINATION_TYPES):
            raise ValueError("unknown destination type code %s" % text)
        return DESTINATION_TYPES[code]
    name = _BY_LETTERS.get(_letters(text))
    if name is None:
        raise ValueError("unknown destination type %r; allowed: %s" % (text, ", ".join(DESTINATION_TYPES)))
    return name


def destination_code(name):
    return DESTINATION_TYPES.index(name)
