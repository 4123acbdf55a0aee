"""DID groups: ``pbxware.didgroup.{list,add,edit,delete}``.

``didgroups``: id -> {"group_name", "tenant" (tenant ID, str), "min_did", "max_did"}
(stored under the read names; the write name of ``tenant`` is ``tenantid``).

Reference ("DID Groups") and README: add/edit/delete take ``server`` and it must
always be 1 (``In tenant mode, make sure server=1.``); ``list`` documents no
argument and lists every group. ``add`` returns ``id`` as a number, ``edit`` as a
string (README: *.edit returns id as a string; the vendor's Postman test agrees).

Not documented, decided here: ``tenantid`` must name an existing tenant (in tenant
mode the master, 1, cannot own DIDs; without tenant mode only 1 exists), the
range end must not be lower than its start, and an empty optional argument on
edit leaves the value unchanged. Overlapping ranges are not rejected.
"""
from pbxware_sim.common import by_id, get_record, require_master
from pbxware_sim.registry import ApiError, action

ARGS = ("server", "group_name", "tenantid", "min_did", "max_did")
# Postman ("Adding DID Groups"). POSIX classes are spelled out for Python's re.
PATTERNS = {
    "group_name": r"^[A-Za-z0-9!-/:-@\[-`{-~ \t\r\n\f\v]+$",
    "tenantid": r"^\d+$", "min_did": r"^\d+$", "max_did": r"^\d+$",
}


def groups(state):
    return state.collection("didgroups")


def _check(req, record):
    state = req.state
    tenant = record["tenant"]
    if state.tenant_mode:
        if tenant not in state.collection("tenants"):
            raise ApiError("Invalid tenant ID.")
    elif tenant != "1":
        raise ApiError("Invalid tenant ID.")
    if int(record["max_did"]) < int(record["min_did"]):
        raise ApiError("DID Group range end must not be lower than its start.")


def _render(_id, rec):
    return {"group_name": rec["group_name"], "max_did": str(rec["max_did"]), "min_did": str(rec["min_did"]),
            "tenant": str(rec["tenant"])}


@action("pbxware.didgroup.list")
def didgroup_list(req):
    return by_id(groups(req.state), _render) or []


@action("pbxware.didgroup.add", args=ARGS, required=ARGS, write=True, patterns=PATTERNS)
def didgroup_add(req):
    require_master(req)
    record = {"group_name": req.get("group_name"), "tenant": req.get("tenantid"),
              "min_did": req.get("min_did"), "max_did": req.get("max_did")}
    _check(req, record)
    group_id = req.state.next_id("didgroups")
    groups(req.state)[str(group_id)] = record
    return {"success": "DID Group ID: %d" % group_id, "id": group_id}


@action("pbxware.didgroup.edit", args=ARGS + ("id",), required=("server", "id"), write=True,
        patterns=dict(PATTERNS, id=r"^\d+$"))
def didgroup_edit(req):
    require_master(req)
    group_id = req.get("id")
    current = get_record(groups(req.state), group_id, "DID Group")
    record = dict(current)
    for arg, key in (("group_name", "group_name"), ("tenantid", "tenant"), ("min_did", "min_did"),
                     ("max_did", "max_did")):
        if req.has(arg):
            record[key] = req.get(arg)
    _check(req, record)
    groups(req.state)[group_id] = record
    return {"success": "DID Group ID: %s" % group_id, "id": str(group_id)}


@action("pbxware.didgroup.delete", args=("server", "id"), required=("server", "id"), write=True,
        patterns={"id": r"^\d+$"})
def didgroup_delete(req):
    require_master(req)
    group_id = req.get("id")
    get_record(groups(req.state), group_id, "DID Group")
    del groups(req.state)[group_id]
    return {"success": "Deleted DID Group ID %s successfully." % group_id}
