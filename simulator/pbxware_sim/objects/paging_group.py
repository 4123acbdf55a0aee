"""Paging groups: ``pbxware.paging_group.{list,add,edit,delete}``.

``paging_groups``: id -> {"server", "name", "number", "quiet" ("1"/"0"),
"destinations": [extension numbers, in order]}.

The reference is the only source (the vendor's Postman collection has no paging
group requests). ``paging_group.list`` answers as its example does: ``number``,
``quiet`` and the ``destinations`` items are numbers, not strings. ``edit``
returns the ID as a string (README: *.edit; the example shows a number).

Server and group numbers: see ``ring_group``. Not documented, decided here:
``number`` and the destinations are digits; ``quiet`` is 1 or 0 ("Yes=1, No=0").
"""
from pbxware_sim.common import by_id
from pbxware_sim.objects.ring_group import DIGIT_LIST, check_number_free, digit_list, owned, tenant_server
from pbxware_sim.registry import ApiError, action, check_pattern

ARGS = ("server", "name", "number", "quiet", "destinations")
PATTERNS = {"number": r"^\d+$", "quiet": r"^(0|1)$", "destinations": DIGIT_LIST}
LABEL = "Paging Group"


def _apply(req, server, record, record_id=None):
    new = dict(record)
    for name in ("name", "number", "quiet"):
        if name in req.args:
            new[name] = req.get(name)
    if "destinations" in req.args:
        new["destinations"] = digit_list(req.get("destinations"))
    if not new["name"]:
        raise ApiError("Required field 'name' is missing")
    check_pattern("number", new["number"], PATTERNS["number"], True)
    new["quiet"] = new["quiet"] or "0"
    check_number_free(req.state, server, new["number"], "paging_groups", record_id)
    return new


def _row(_id, record):
    return {"name": record["name"], "number": int(record["number"]), "quiet": int(record["quiet"]),
            "destinations": [int(number) for number in record["destinations"]]}


@action("pbxware.paging_group.list", args=("server",))
def paging_group_list(req):
    server = tenant_server(req, required=False)
    groups = {key: rec for key, rec in req.state.data.get("paging_groups", {}).items()
              if server is None or rec["server"] == server}
    return by_id(groups, _row) or []


@action("pbxware.paging_group.add", args=ARGS, required=("server", "name", "number"), write=True,
        patterns=PATTERNS)
def paging_group_add(req):
    server = tenant_server(req)
    record = _apply(req, server, {"server": server, "name": "", "number": "", "quiet": "0", "destinations": []})
    group_id = req.state.next_id("paging_groups")
    req.state.collection("paging_groups")[str(group_id)] = record
    return {"success": "Paging Group ID: %d" % group_id, "id": group_id}


@action("pbxware.paging_group.edit", args=ARGS + ("id",), required=("server", "id"), write=True,
        patterns=PATTERNS)
def paging_group_edit(req):
    server = tenant_server(req)
    group_id, record = owned(req, "paging_groups", server, LABEL)
    req.state.collection("paging_groups")[group_id] = _apply(req, server, record, group_id)
    return {"success": "Paging Group ID: %s" % group_id, "id": group_id}


@action("pbxware.paging_group.delete", args=("server", "id"), required=("server", "id"), write=True)
def paging_group_delete(req):
    server = tenant_server(req)
    group_id, _record = owned(req, "paging_groups", server, LABEL)
    del req.state.collection("paging_groups")[group_id]
    return {"success": "Deleted Paging Group with ID %s successfully." % group_id}
