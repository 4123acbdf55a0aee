"""Ring groups: ``pbxware.ring_group.{list,add,edit,configuration,delete}``, and the
rules the three call-group objects share (ring groups, ``erg``, ``paging_group``).

``ring_groups``: id -> {"server", "name", "ext", "extensions": [member numbers, in
order], "options": {every other setting under its ``configuration`` key, in read
form: yes/no arguments stored as "1"/"0"}}.

Written with ``extensions`` (comma-separated), read as ``destinations``.
``ring_group.list`` shows name, ext, destinations, last_dest and last_dest_vm
("yes"/"no"); ``ring_group.configuration`` (``{id: {name, ext, destinations,
options}}``) shows the rest under ``options``, yes/no arguments as "1"/"0" (the
reference's example; the README's live client reads it the same way).

Server (reference): in tenant mode every call needs a valid tenant ID, 1 (the
master) cannot be used; without tenant mode only 1 exists.

Not documented, decided here:

- a group number must be free in its tenant among ring groups, enhanced ring
  groups and paging groups (the simulator keeps no registry of numbers across
  other objects: extensions, IVRs... are not checked);
- members are digits; whether they are extensions of the tenant is not checked;
- ``exit_ext`` and ``call_rating_ext`` must have the tenant's extension length
  (Postman: ``^\\d{3}$``, read as the tenant's length as for extensions, DIALECTS.md g9);
- the prefix rules the reference states (greeting-, announce-, rg-announce-,
  rg-late-announce-) are checked in the form of Postman's greeting regex.

Dialects (DIALECTS.md): Postman gives ``last_dest`` the regex ``/^(yes|no)$/`` (the
reference's list example reads ``"last_dest": "108"``); only the postman dialect applies it.
"""
from pbxware_sim.common import by_id
from pbxware_sim.objects.ext import ext_length
from pbxware_sim.registry import ApiError, action, check_pattern

YES_NO = r"^(yes|no)$"
DIGIT_LIST = r"^\d+(,\d+)*$"
# yes/no arguments ("Specify yes or no"), read back as "1"/"0".
FLAGS = ("ganswer", "overwrite_timeout", "store_cdr", "last_dest_vm", "record", "record_silent", "confirm_calls",
         "skip_pbd_local", "preserve_callerid", "member_es_disable")
# Postman regexes ("Adding Ring Groups") and the reference's enumerations and prefix rules.
PATTERNS = dict(
    {flag: YES_NO for flag in FLAGS},
    extensions=DIGIT_LIST, max_limit=r"^\d{1,2}$", greeting=r"^greeting\-([\w\-]+)$",
    timeout_msg=r"^announce\-([\w\-]+)$", loops=r"^\d{1,2}$", timeout=r"^\d{1,8}$", dial_options=r"^\w+$",
    ring_strategy=r"^(all|leastrecent|round|round_memory)$", custom_ringtone=r"^\w+$",
    callerid=r"^[\+\w\s%]+(\s*<[\+%\w]+>)?$", exit_digit=r"^\d{1}$",
    confirm_msg=r"^rg\-announce\-([\w\-]+)$", confirm_answered_msg=r"^rg\-late\-announce\-([\w\-]+)$",
    looping_mode=r"^(per_ext|circular)$", ext=r"^\d+$",
)
# The tenant's extension length (checked in the handler).
EXTENSION_ARGS = ("exit_ext", "call_rating_ext")
# ``configuration``'s ``options``: the reference example's keys, in its order, with the
# documented defaults ("default is ...") and "" / "0" otherwise.
OPTION_DEFAULTS = {
    "timeout": "30", "last_dest": "", "greeting": "", "loops": "1", "exit_digit": "", "exit_ext": "",
    "record": "0", "record_silent": "0", "ganswer": "0", "max_limit": "1", "store_cdr": "0",
    "overwrite_timeout": "0", "call_rating_ext": "", "looping_mode": "per_ext", "skip_pbd_local": "0",
    "preserve_callerid": "0", "member_es_disable": "0", "last_dest_vm": "0", "confirm_calls": "0",
    "timeout_msg": "", "dial_options": "r", "ring_strategy": "all", "custom_ringtone": "", "callerid": "",
    "confirm_msg": "", "confirm_answered_msg": "",
}
ADD_ARGS = ("server", "name", "ext", "extensions") + tuple(OPTION_DEFAULTS)
POSTMAN_PATTERNS = {"last_dest": YES_NO}
LABEL = "Ring Group"


# --- shared by the call-group objects ------------------------------------------------------------

def tenant_server(req, required=True):
    """The ``server`` of a call-group call (``None`` when optional and left out): in tenant mode a
    valid tenant ID, never 1."""
    if "server" not in req.args:
        if required:
            raise ApiError("Required field 'server' is missing")
        return None
    server = req.get("server")
    if not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    if req.tenant_mode and server == "1":
        raise ApiError("In tenant mode, make sure server is a valid tenant ID.")
    return server


def owned(req, collection, server, label):
    """The record ``id`` names in ``server``, or the server's "does not exist" error."""
    record_id = req.get("id")
    record = req.state.data.get(collection, {}).get(record_id)
    if record is None or record["server"] != server:
        raise ApiError("%s ID %s does not exist." % (label, record_id))
    return record_id, record


# (collection, label, key of the group number) of every object whose numbers share a tenant's plan.
GROUP_NUMBERS = (("ring_groups", LABEL, "ext"), ("ergs", "ERG", "ext"), ("paging_groups", "Paging Group", "number"))


def check_number_free(state, server, number, collection, record_id=None):
    """A group number may be used once per tenant by ring, enhanced ring and paging groups."""
    for name, label, key in GROUP_NUMBERS:
        for other_id, other in state.data.get(name, {}).items():
            if other["server"] == server and other[key] == number and (name, other_id) != (collection, record_id):
                raise ApiError("Extension number %s is already used by %s ID %s." % (number, label, other_id))


def check_extension_length(req, server, names, required=()):
    """Arguments holding an extension number have the tenant's extension length (Postman: ^\\d{3}$)."""
    pattern = r"^\d{%d}$" % ext_length(req.state, server)
    for name in names:
        if req.has(name) or (name in required and name in req.args):
            check_pattern(name, req.get(name), pattern, name in required)


def digit_list(value):
    return [item for item in value.split(",") if item] if value else []


# --- ring groups -----------------------------------------------------------------------------------

def _apply(req, server, record, record_id=None):
    check_extension_length(req, server, EXTENSION_ARGS)
    new = dict(record, options=dict(record["options"]))
    for name in ("name", "ext"):
        if name in req.args:
            new[name] = req.get(name)
    if not new["name"]:
        raise ApiError("Required field 'name' is missing")
    check_pattern("ext", new["ext"], PATTERNS["ext"], True)
    if "extensions" in req.args:
        new["extensions"] = digit_list(req.get("extensions"))
    for name in OPTION_DEFAULTS:
        if name in req.args:
            value = req.get(name)
            new["options"][name] = ("1" if value == "yes" else "0") if name in FLAGS else value
    check_number_free(req.state, server, new["ext"], "ring_groups", record_id)
    return new


def _row(_id, record):
    options = record["options"]
    return {"name": record["name"], "ext": record["ext"], "destinations": ",".join(record["extensions"]),
            "last_dest": options["last_dest"], "last_dest_vm": "yes" if options["last_dest_vm"] == "1" else "no"}


@action("pbxware.ring_group.list", args=("server",))
def ring_group_list(req):
    # Reference: "If PBXware is running in Tenant Mode this is a required field".
    server = tenant_server(req, required=req.tenant_mode)
    groups = {key: rec for key, rec in req.state.data.get("ring_groups", {}).items()
              if server is None or rec["server"] == server}
    return by_id(groups, _row) or []


@action("pbxware.ring_group.add", args=ADD_ARGS, required=("server", "name", "ext"), write=True,
        patterns=PATTERNS, dialect_patterns={"postman": POSTMAN_PATTERNS})
def ring_group_add(req):
    server = tenant_server(req)
    record = _apply(req, server, {"server": server, "name": "", "ext": "", "extensions": [],
                                  "options": dict(OPTION_DEFAULTS)})
    group_id = req.state.next_id("ring_groups")
    req.state.collection("ring_groups")[str(group_id)] = record
    return {"success": "Ring Group ID: %d" % group_id, "id": group_id}


@action("pbxware.ring_group.edit", args=ADD_ARGS + ("id",), required=("server", "id"), write=True,
        patterns=PATTERNS, dialect_patterns={"postman": POSTMAN_PATTERNS})
def ring_group_edit(req):
    server = tenant_server(req)
    group_id, record = owned(req, "ring_groups", server, LABEL)
    req.state.collection("ring_groups")[group_id] = _apply(req, server, record, group_id)
    return {"success": "Ring Group ID: %s." % group_id, "id": group_id}


@action("pbxware.ring_group.configuration", args=("server", "id"), required=("server", "id"))
def ring_group_configuration(req):
    server = tenant_server(req)
    group_id, record = owned(req, "ring_groups", server, LABEL)
    options = {name: record["options"].get(name, default) for name, default in OPTION_DEFAULTS.items()}
    return {group_id: {"name": record["name"], "ext": record["ext"], "destinations": ",".join(record["extensions"]),
                       "options": options}}


@action("pbxware.ring_group.delete", args=("server", "id"), required=("server", "id"), write=True)
def ring_group_delete(req):
    server = tenant_server(req)
    group_id, _record = owned(req, "ring_groups", server, LABEL)
    del req.state.collection("ring_groups")[group_id]
    return {"success": "Deleted Ring Group ID %s successfully." % group_id}
