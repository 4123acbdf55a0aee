# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Departments of a tenant (``pbxware.department.*``): a name, nothing else.

``department.list`` (filtered by ``server``) is the only read and returns every
argument (``name``), so nothing is write-only. Extensions refer to departments
by ID (the extension's ``department`` list); apps templates by ID too.
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ParentMissing, ReconcileError, Resource)

# Found by name: created when missing, deleted by name.
DEPARTMENT = Resource(
    "department",
    [Field("name", required_on_create=True)],
    identity=["name"],
    api_object="department",
)

# Found by ID (the ``department.list`` key): renamed with ``department.edit``. An ID that
# does not exist cannot be created (the API hands out IDs).
DEPARTMENT_BY_ID = Resource(
    "department",
    [Field("id", normalize=ident), Field("name")],
    identity=["id"],
    api_object="department",
    key_field="id",
    write_methods={"update": "edit", "delete": "delete"},
)


def validate(params):
    """Refuse, before any call, what no department can be."""
    if params.get("id") is not None and not to_str(params["id"]).isdigit():
        raise ReconcileError("id is a department's internal ID (digits), got %r" % params["id"], "id")
    if params.get("name") is not None and not to_str(params["name"]):
        raise ReconcileError("name cannot be empty", "name")


def list_departments(client, server):
    """``[{"id", "name"}]`` of tenant ``server``, by ID (one ``department.list`` read)."""
    rows = collection(client.read("pbxware.department.list", {"server": server}))
    return [{"id": ident(key), "name": to_str(row.get("name"))}
            for key, row in sorted(rows.items(), key=lambda item: int(item[0]))]


def find_department_id(client, server, department, parameter="department"):
    """The ID of the department whose ID or (else) name is ``department``; it must exist."""
    wanted = to_str(department)
    found = list_departments(client, server)
    for key in ("id", "name"):
        for row in found:
            if row[key] == wanted:
                return row["id"]
    known = ", ".join(row["name"] for row in found) or "none"
    raise ParentMissing("department %r does not exist in this tenant (by ID or name; known: %s)" % (wanted, known),
                        parameter)
