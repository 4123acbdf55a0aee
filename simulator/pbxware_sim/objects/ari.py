"""ARI applications: ``pbxware.ari.list`` and ``pbxware.ari.tenant_permissions.list``.

The reference documents these two reads and nothing that adds, changes or deletes an ARI
application or a permission, so the fixture seeds them:

- ``ari_applications``: id -> {"name", "description", "username", "password", "address"};
  ``ari.list`` answers each with the reference's response fields (``id`` included; its example
  shows only ``name`` and ``description``), the password too, as the reference lists it.
- ``ari_permissions``: server/tenant id -> {"permission_type": "permit"|"deny",
  "applications": [application IDs as strings]}; ``tenant_permissions.list`` answers the rows
  of servers that exist (a deleted tenant's row is gone with it).
"""
from pbxware_sim.common import by_id
from pbxware_sim.registry import action

FIELDS = ("name", "description", "username", "password", "address")


@action("pbxware.ari.list")
def ari_list(request):
    return by_id(request.state.collection("ari_applications"),
                 lambda app_id, app: dict({"id": app_id}, **{name: app.get(name, "") for name in FIELDS}))


@action("pbxware.ari.tenant_permissions.list")
def ari_tenant_permissions_list(request):
    state = request.state
    rows = {key: row for key, row in state.collection("ari_permissions").items() if state.valid_server(key)}
    return by_id(rows, lambda _id, row: {"permission_type": row["permission_type"],
                                         "applications": list(row["applications"])})
