# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tenants: the normalised ``pbxware.tenant.list`` rows and tenant selection.

``server`` in the API always takes the internal tenant ID; users say a tenant
name or its 3-digit code, so every tenant-scoped module resolves it here.
"""

import difflib

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_int, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ParentMissing

MASTER_SERVER_ID = "1"


class TenantNotFound(ParentMissing):
    """No tenant has the name or code a task gives."""


def tenant_row(tenant_id, raw):
    """One tenant in the collection's stable shape (numbers as numbers, codes as text)."""
    return {
        "id": to_int(tenant_id),
        "name": to_str(raw.get("name")),
        "tenant_code": to_str(raw.get("tenantcode")),
        "package_id": to_int(raw.get("package_id")),
        "package": to_str(raw.get("package")),
        "ext_length": to_int(raw.get("ext_length")),
        "country_id": to_int(raw.get("country_id")),
        "country_code": to_str(raw.get("country_code")),
    }


def list_tenants(client):
    """Every tenant, sorted by ID."""
    rows = [tenant_row(tenant_id, raw) for tenant_id, raw in collection(client.read("pbxware.tenant.list")).items()]
    return sorted(rows, key=lambda row: row["id"])


def find_tenant(rows, tenant):
    """The row whose name (case-insensitive) or 3-digit code is ``tenant``, else ``None``."""
    wanted = to_str(tenant)
    for row in rows:
        if row["tenant_code"] == wanted or (row["name"] or "").lower() == wanted.lower():
            return row
    return None


def closest_tenants(rows, tenant, limit=3):
    names = [row["name"] for row in rows if row["name"]] + [row["tenant_code"] for row in rows if row["tenant_code"]]
    return difflib.get_close_matches(to_str(tenant), names, n=limit, cutoff=0.4)


def resolve_server(client, tenant=None, tenant_id=None):
    """The ``server`` argument for a tenant given by name, code or ID.

    With neither, the master server (ID 1): what a PBXware not in tenant mode
    uses for everything. ``tenant_id`` is trusted as given (no API call).
    """
    return resolve_tenant(client, tenant, tenant_id)[0]


def resolve_tenant(client, tenant=None, tenant_id=None):
    """``(server, tenant row)``; the row is ``None`` unless ``tenant`` was looked up in ``tenant.list``."""
    if tenant_id is not None:
        return ident(tenant_id), None
    if tenant is None:
        return MASTER_SERVER_ID, None
    rows = list_tenants(client)
    row = find_tenant(rows, tenant)
    if row is None:
        suggestions = closest_tenants(rows, tenant)
        hint = "; closest: %s" % ", ".join(suggestions) if suggestions else "; no tenant has a similar name or code"
        raise TenantNotFound("tenant %r not found by name or tenant code%s" % (tenant, hint), "tenant")
    return ident(row["id"]), row
