# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Objects given by name or ID (trunks, DID groups, phones): one lookup, one error style."""

import difflib

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_lower, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError


def resolve_by_name(client, action, params, wanted, parameter, what, name_keys=("name",)):
    """The ID of the object of ``action``'s list whose ID or any of ``name_keys`` is ``wanted``.

    An unknown name is a :class:`ReconcileError` naming ``parameter`` and the closest names.
    """
    rows = collection(client.read(action, params))
    text = to_str(wanted)
    for object_id, row in rows.items():
        if text == ident(object_id) or text.lower() in [to_lower(row.get(key)) for key in name_keys]:
            return ident(object_id)
    names = [to_str(row.get(key)) for row in rows.values() for key in name_keys if row.get(key)]
    close = difflib.get_close_matches(text, names, n=3, cutoff=0.4)
    hint = "; closest: %s" % ", ".join(close) if close else "; known: %s" % (", ".join(sorted(names)[:10]) or "none")
    raise ReconcileError("%s %r is not the name or ID of a %s on this PBXware%s" % (parameter, text, what, hint),
                         parameter)
