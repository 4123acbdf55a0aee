"""CLI routing of a DID: ``pbxware.did.clirouting.{list,add,edit,delete}``.

``did_clirouting``: id -> {"did" (DID ID), "server", "callerid", "dest_type",
"destination", "matchexplicitly"}. IDs are global (the reference's list example
shows IDs 25 and 52 under one DID). Rules of a deleted DID go with it
(``did.delete`` calls :func:`forget_did`).

Reference ("Adding/Editing/Listing/Deleting CLI Routing" under DIDs):
- ``id`` is the DID ID; ``server`` is required in tenant mode and must be a valid
  tenant (1, the master, cannot be used); without tenant mode it may be left out
  (then it is 1). The DID must belong to ``server``.
- ``dest_type`` 0-11 as the reference numbers them (they differ from ``did.add``'s):
  0 Extension, 1 Multi User, 2 Ring Group, 3 IVR, 4 Queues, 5 Voicemail,
  6 Remote Access, 7 Conferences, 8 Trunk (destination = trunk ID), 9 Fax to
  E-mail, 10 Deny Access (no value: destination is ignored and stored empty),
  11 CRM Routing (destination = CRM routing rule ID).
- ``list`` shows ``callerid``, ``ext`` (the destination), ``type`` and
  ``matchtype`` (= matchexplicitly), all strings; an empty list is ``[]``.
- ``add`` and ``edit`` return ``id`` as a string (both reference examples do).

Decided here: ``type`` reads "network user" for an extension (the only label the
reference's examples show) and the reference's own names for the other types;
an Extension destination must be an extension of the DID's tenant, a Trunk
destination an existing trunk; other destinations are only checked for form.
Empty optional arguments on edit leave the value unchanged.
"""
from pbxware_sim.common import by_id
from pbxware_sim.registry import ApiError, action, check_pattern

DEST_LABELS = (
    "network user", "Multi User", "Ring Group", "IVR", "Queues", "Voicemail", "Remote Access", "Conferences",
    "Trunk", "Fax to E-mail", "Deny Access", "CRM Routing",
)
EXTENSION, MULTI_USER, TRUNK, DENY_ACCESS = 0, 1, 8, 10

FIELDS = ("callerid", "dest_type", "destination", "matchexplicitly")
ARGS = ("id", "server") + FIELDS
# Postman: id and callerid /^\d+$/ (cliroutingid too); dest_type and matchexplicitly
# are the reference's enumerations.
PATTERNS = {"id": r"^\d+$", "callerid": r"^\d+$", "dest_type": r"^([0-9]|1[01])$",
            "matchexplicitly": r"^(0|1)$"}


def rules(state):
    return state.collection("did_clirouting")


def forget_did(state, did_id):
    """Drop the CLI routing rules of a deleted DID."""
    table = state.data.get("did_clirouting", {})
    for rule_id in [k for k, v in table.items() if v["did"] == str(did_id)]:
        del table[rule_id]


def _did(req):
    """(server, DID ID) after the reference's server rule and the DID's existence."""
    server = req.get("server")
    if req.tenant_mode:
        if server is None:
            raise ApiError("Required field 'server' is missing")
        if not req.state.valid_server(server):
            raise ApiError("Invalid server ID.")
        if server == "1":
            raise ApiError("In tenant mode, make sure server is a valid tenant ID.")
    else:
        if server is None:
            server = "1"
        elif server != "1":
            raise ApiError("Invalid server ID.")
    did_id = req.get("id")
    did = req.state.collection("dids").get(did_id)
    if did is None or str(did["server"]) != server:
        raise ApiError("DID ID %s does not exist." % did_id)
    return server, did_id


def _check_destination(state, server, rule):
    dest_type = int(rule["dest_type"])
    if dest_type == DENY_ACCESS:
        rule["destination"] = ""
        return
    destination = rule["destination"]
    if destination == "":
        raise ApiError("Required field 'destination' is missing")
    check_pattern("destination", destination, r"^[\d,]+$" if dest_type == MULTI_USER else r"^\d+$", True)
    if dest_type == TRUNK and destination not in state.collection("trunks"):
        raise ApiError("Trunk ID %s does not exist." % destination)
    if dest_type == EXTENSION and not any(
            str(e.get("server")) == server and str(e.get("ext")) == destination
            for e in state.collection("extensions").values()):
        raise ApiError("Extension %s does not exist." % destination)


def _rule(state, did_id, rule_id):
    rule = rules(state).get(str(rule_id))
    if rule is None or rule["did"] != did_id:
        raise ApiError("CLI Routing ID %s does not exist." % rule_id)
    return rule


def _render(_id, rule):
    return {"callerid": rule["callerid"], "ext": rule["destination"],
            "type": DEST_LABELS[int(rule["dest_type"])], "matchtype": rule["matchexplicitly"]}


@action("pbxware.did.clirouting.list", args=("id", "server"), required=("id",), patterns={"id": r"^\d+$"})
def clirouting_list(req):
    _server, did_id = _did(req)
    mine = {k: v for k, v in rules(req.state).items() if v["did"] == did_id}
    return by_id(mine, _render) or []


@action("pbxware.did.clirouting.add", args=ARGS, required=("id",) + FIELDS, write=True, patterns=PATTERNS)
def clirouting_add(req):
    server, did_id = _did(req)
    rule = {"did": did_id, "server": server}
    rule.update({name: req.get(name) for name in FIELDS})
    rule["dest_type"] = str(int(rule["dest_type"]))
    _check_destination(req.state, server, rule)
    rule_id = str(req.state.next_id("did_clirouting"))
    rules(req.state)[rule_id] = rule
    return {"success": "CLI Routing ID: %s." % rule_id, "id": rule_id}


@action("pbxware.did.clirouting.edit", args=ARGS + ("cliroutingid",), required=("id", "cliroutingid"),
        write=True, patterns=dict(PATTERNS, cliroutingid=r"^\d+$"))
def clirouting_edit(req):
    server, did_id = _did(req)
    rule_id = req.get("cliroutingid")
    rule = _rule(req.state, did_id, rule_id)
    updated = dict(rule)
    for name in FIELDS:
        if req.has(name):
            updated[name] = req.get(name)
    updated["dest_type"] = str(int(updated["dest_type"]))
    if req.has("dest_type") and not req.has("destination") and int(updated["dest_type"]) != DENY_ACCESS \
            and updated["dest_type"] != rule["dest_type"]:
        raise ApiError("Required field 'destination' is missing")
    _check_destination(req.state, server, updated)
    rules(req.state)[rule_id] = updated
    return {"success": "CLI Routing ID: %s." % rule_id, "id": str(rule_id)}


@action("pbxware.did.clirouting.delete", args=("id", "server", "cliroutingid"), required=("id", "cliroutingid"),
        write=True, patterns={"id": r"^\d+$", "cliroutingid": r"^\d+$"})
def clirouting_delete(req):
    _server, did_id = _did(req)
    rule_id = req.get("cliroutingid")
    _rule(req.state, did_id, rule_id)
    del rules(req.state)[rule_id]
    return {"success": "CLI Routing successfully deleted!"}
