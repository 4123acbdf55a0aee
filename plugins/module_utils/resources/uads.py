# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""UADs (phone models, ``pbxware.uads.*``): system-wide, enabled or disabled.

``uads.list`` (no argument) reads every UAD as ``{"name", "fullname", "enabled": bool}``
keyed by ID. The only writes are ``uads.activate`` and ``uads.deactivate``, which
take the UAD's ``id`` and a ``server`` the reference calls "Server ID" (the
system's, 1): a toggle whose direction is the method, not an argument. So the
resource is declared per wanted state, its one update method being the one that
reaches that state; the plan compares ``state`` and sends nothing else.
"""

import difflib

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_bool, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError, Resource

STATES = ("enabled", "disabled")


def uad_state(value):
    """``enabled``/``disabled`` from the list's boolean or the user's word."""
    flag = to_bool(value)
    if flag is None:
        return None
    return "enabled" if flag else "disabled"


def uad_resource(state):
    """The UAD resource that brings a UAD to ``state`` (``enabled`` or ``disabled``)."""
    return Resource(
        "UAD",
        [
            Field("id", normalize=ident),
            Field("name"),
            Field("fullname"),
            # Not an argument: the method (activate/deactivate) carries the value.
            Field("state", api=None, read="enabled", normalize=uad_state, to_api=lambda value: {}),
        ],
        identity=["id"],
        api_object="uads",
        key_field="id",
        write_methods={"update": "activate" if state == "enabled" else "deactivate"},
        master_server_actions=("activate", "deactivate"),
    )


def uad_rows(answer):
    """``uads.list`` as ``[{"id", "name", "fullname", "state"}]``, by ID."""
    rows = []
    for key, row in sorted(collection(answer).items(), key=lambda item: int(item[0])):
        rows.append({"id": ident(key), "name": to_str(row.get("name")) or "",
                     "fullname": to_str(row.get("fullname")) or "", "state": uad_state(row.get("enabled"))})
    return rows


def find_uad_id(client, name=None, uad_id=None, fullname=None):
    """The ID of the UAD a task names (one ``uads.list`` read).

    ``name`` may be the UAD's name, full name or ID (case-insensitive). ``uad_id``
    and ``fullname``, where given, must name the same UAD.
    """
    rows = uad_rows(client.read("pbxware.uads.list"))
    if uad_id is not None:
        found = [row for row in rows if row["id"] == ident(uad_id)]
        parameter, wanted = "id", ident(uad_id)
    else:
        text = to_str(name).lower()
        found = ([row for row in rows if row["id"] == text]
                 or [row for row in rows if text in (row["name"].lower(), row["fullname"].lower())])
        parameter, wanted = "name", to_str(name)
    if not found:
        names = [row["name"] for row in rows] + [row["fullname"] for row in rows]
        close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.4)
        raise ReconcileError("%s %r is not the name, full name or ID of a UAD on this PBXware%s"
                             % (parameter, wanted, "; closest: %s" % ", ".join(close) if close else ""), parameter)
    row = found[0]
    if uad_id is not None and name is not None and to_str(name).lower() not in (
            row["id"], row["name"].lower(), row["fullname"].lower()):
        raise ReconcileError("name %r is not UAD %s (%s)" % (to_str(name), row["id"], row["name"]), "name")
    if fullname is not None and to_str(fullname) != row["fullname"]:
        raise ReconcileError("fullname %r is not the full name of UAD %s, %r; it cannot be changed"
                             % (to_str(fullname), row["name"], row["fullname"]), "fullname")
    return row["id"]
