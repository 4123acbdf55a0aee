# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Directory reads: routes (countries), rating destinations and their groups, ARI applications.

None of these can be written through the API (the reference documents reads only), so there is
no resource table: these functions turn answers into the items the info modules return, filter
them, and resolve what a task names (a country, a destination group) into the IDs the API takes.

- ``route.list``: ``{"869": ["1", "United States"]}`` (ID -> [dialling code, country]).
- ``destination.list`` (``route``, ``dgroup``: the group filter applies "only if ``route`` is
  supplied"): ``{"135": {"route", "destination", "destination_group", "codes": [{"code1",
  "code2"}]}}``. A destination here is a rating destination of a route ("GSM BiH"), not a call
  destination. ``destination.groups``: ``{"1": "mobile", ...}``.
- ``ari.list``: ``{"2": {"name", "description", ...}}``; the reference also lists ``id``,
  ``username``, ``password`` and ``address``. The password is a credential: never returned.
- ``ari.tenant_permissions.list``: ``{"2": {"permission_type": "permit", "applications": ["2"]}}``
  keyed by server/tenant ID.
"""

import difflib

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_int, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError


def _id_order(row):
    return (0, int(row["id"])) if row["id"].isdigit() else (1, row["id"])


def check_filters(params, names):
    """Refuse, before any call, a filter that is empty or holds an empty item (it could match nothing)."""
    for name in names:
        value = params.get(name)
        if value is None:
            continue
        items = value if isinstance(value, list) else [value]
        if isinstance(value, list) and not value:
            raise ReconcileError("%s cannot be an empty list; leave it out to list everything" % name, name)
        if any(not to_str(item) for item in items):
            raise ReconcileError("%s cannot be empty or hold an empty item" % name, name)


def matches(wanted, *values):
    """Whether any of ``values`` is one of ``wanted`` (case-insensitive); no ``wanted`` matches all."""
    if not wanted:
        return True
    wanted = set(to_str(item).lower() for item in wanted)
    return any(value is not None and to_str(value).lower() in wanted for value in values)


def _close(text, names):
    close = difflib.get_close_matches(text, [name for name in names if name], n=3, cutoff=0.4)
    return "; closest: %s" % ", ".join(close) if close else "; known: %s" % (", ".join(sorted(names)[:10]) or "none")


# -- routes -------------------------------------------------------------------------------


def route_rows(answer):
    """``route.list`` as ``[{"id", "code", "name"}]`` by ID (a row may also come as ``{"code", "name"}``)."""
    rows = []
    for route_id, row in collection(answer).items():
        if isinstance(row, dict):
            code, name = row.get("code"), row.get("name")
        elif isinstance(row, (list, tuple)) and len(row) >= 2:
            code, name = row[0], row[1]
        else:
            raise ValueError("route %s: expected [dialling code, country], got %r" % (route_id, row))
        rows.append({"id": ident(route_id), "code": to_str(code) or "", "name": to_str(name) or ""})
    return sorted(rows, key=_id_order)


def filter_routes(rows, names=None, codes=None):
    """Routes whose ID or country name is one of ``names`` and whose dialling code is one of ``codes``."""
    codes = [to_str(code).lstrip("+") for code in codes or []]
    return [row for row in rows if matches(names, row["id"], row["name"]) and matches(codes, row["code"])]


def resolve_route(rows, wanted):
    """The ID of the route whose country name (any case) is ``wanted``; a ``ReconcileError`` naming ``route``."""
    text = to_str(wanted)
    for row in rows:
        if row["name"].lower() == text.lower():
            return row["id"]
    raise ReconcileError("route %r is not a route ID or country name known to pbxware.route.list%s"
                         % (text, _close(text, [row["name"] for row in rows])), "route")


# -- rating destinations ------------------------------------------------------------------


def destination_group_rows(answer):
    """``destination.groups`` as ``[{"id", "name"}]`` by ID."""
    return sorted(({"id": ident(group_id), "name": to_str(name) or ""}
                   for group_id, name in collection(answer).items()), key=_id_order)


def resolve_destination_group(rows, wanted):
    """The ID of the destination group whose ID or name (any case) is ``wanted``."""
    text = to_str(wanted)
    for row in rows:
        if text == row["id"] or text.lower() == row["name"].lower():
            return row["id"]
    raise ReconcileError("destination_group %r is not the ID or name of a destination group on this PBXware%s"
                         % (text, _close(text, [row["name"] for row in rows])), "destination_group")


def destination_rows(answer, groups):
    """``destination.list`` as ``[{"id", "name", "route_id", "destination_group_id", "destination_group",
    "codes"}]`` by ID; ``groups`` (rows of :func:`destination_group_rows`) name the groups."""
    names = dict((row["id"], row["name"]) for row in groups)
    rows = []
    for destination_id, row in collection(answer).items():
        group_id = ident(row.get("destination_group"))
        rows.append({
            "id": ident(destination_id),
            "name": to_str(row.get("destination")) or "",
            "route_id": ident(row.get("route")),
            "destination_group_id": group_id,
            "destination_group": names.get(group_id),
            "codes": [{"code1": to_str(code.get("code1")) or "", "code2": to_str(code.get("code2")) or ""}
                      for code in row.get("codes") or [] if isinstance(code, dict)],
        })
    return sorted(rows, key=_id_order)


# -- ARI applications ----------------------------------------------------------------------


def ari_application_rows(answer):
    """``ari.list`` as ``[{"id", "name", "description", "username", "address"}]`` by ID, without the password."""
    rows = []
    for app_id, row in collection(answer).items():
        rows.append({"id": ident(app_id), "name": to_str(row.get("name")) or "",
                     "description": to_str(row.get("description")) or "",
                     "username": to_str(row.get("username")), "address": to_str(row.get("address"))})
    return sorted(rows, key=_id_order)


def ari_permission_rows(answer, applications):
    """``ari.tenant_permissions.list`` as ``[{"tenant_id", "permission_type", "applications": [{"id", "name"}]}]``
    by tenant ID; ``applications`` (rows of :func:`ari_application_rows`) name the applications."""
    names = dict((row["id"], row["name"]) for row in applications)
    rows = []
    for tenant_id, row in collection(answer).items():
        app_ids = [ident(app_id) for app_id in row.get("applications") or []]
        rows.append({"tenant_id": to_int(tenant_id), "permission_type": to_str(row.get("permission_type")),
                     "applications": [{"id": app_id, "name": names.get(app_id)} for app_id in app_ids]})
    return sorted(rows, key=lambda row: row["tenant_id"])
