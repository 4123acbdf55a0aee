"""Operation times: ``pbxware.otimes.<kind>.{list,set}`` for kind in did, ivr,
dial_group, servers, routes, queues, erg.

``otimes``: kind -> object ID -> {"server", "status", "greeting", "default_dest_ext",
"default_dest_is_vm", "pin" (routes only, never shown), "closed_dates": [...],
"custom_destinations": [...], "open_days": [...]} with the list entries already
in the read shape of the reference ("Listing Operation Times state").

What the object ID refers to (reference: "Request the Operation Times state by
destination ID / number / extension / server"):

- ``did``: a DID ID (``dids``); ``list`` may name the DID by ``ext`` (its number)
  instead. In tenant mode ``server`` is required with an ID and must be the DID's
  tenant (1 cannot be used, as for every DID call).
- ``servers``: a server/tenant ID (1 = master); ``server`` is not needed.
- ``routes``: a route ID from ``route.list`` (``routes``); ``pin`` ("PIN number
  used for Routes Operation Times only") is accepted by routes.set only.
- ``ivr``, ``dial_group``, ``queues``, ``erg``: objects the simulator does not hold
  yet. While their collection (``ivrs``, ``dial_groups``, ``queues``, ``ergs``) does
  not exist any positive ID is accepted; once it exists the ID must be in it.
  ``queues.list`` may name the queue by ``number`` (taken as the queue's ID while
  queues are not simulated). These are tenant objects: in tenant mode ``server``
  must be a valid tenant ID when an ID is given.

``set`` sets the state ("set the entire state of the destination Operation
Times"): the three lists are replaced as a whole (a list left out becomes empty);
``status``, ``greeting``, ``default_dest_ext``, ``default_dest_is_vm`` and ``pin`` keep
their value when left out (a new state starts as status "off", no greeting, no
default destination, "no"). With ``edit_semantics`` "whole" (``/_sim/settings``,
``--edit-semantics``) they are reset to those defaults instead. List entries arrive as parallel ``name[]=`` arguments
(indexed ``name[0]=`` works too); the arrays of one group must have the same
size, dates are yyyy-mm-dd (reference, "Important note") and real dates, times
are HH:MM, days are comma-separated weekday numbers 1-7.

``list`` without an ID lists every state of that kind (filtered by ``server`` when
given). A destination whose operation times were never set lists as ``[]`` (the
vendor's Postman test: "There is no Operation times defined for given parameters!").
"""
import datetime
import re

from pbxware_sim.registry import ApiError, action, check_pattern

KINDS = ("did", "ivr", "dial_group", "servers", "routes", "queues", "erg")
UNSIMULATED = {"ivr": "ivrs", "dial_group": "dial_groups", "queues": "queues", "erg": "ergs"}
LABELS = {"did": "DID", "ivr": "IVR", "dial_group": "Dial Group", "servers": "Server", "routes": "Route",
          "queues": "Queue", "erg": "Enhanced Ring Group"}

SCALARS = ("status", "greeting", "default_dest_ext", "default_dest_is_vm")
DEFAULTS = {"status": "off", "greeting": "", "default_dest_ext": "", "default_dest_is_vm": "no"}
# Postman ("Set Operation Times"); status's pattern there ends in a stray ')'.
PATTERNS = {"id": r"^\d+$", "status": r"^(on|off|inherit)$", "greeting": r"^greeting\-([\w\-]+)$",
            "default_dest_ext": r"^\d+$", "default_dest_is_vm": r"^(yes|no)$"}

DATE = r"^\d{4}-\d{2}-\d{2}$"
TIME = r"^([01]\d|2[0-3]):[0-5]\d$"
DAYS = r"^[1-7](,[1-7])*$"
# group -> [(argument, read key, pattern)] in the reference's order.
GROUPS = {
    "closed_dates": [
        ("closed_dates_desc", "description", r"^.*$"),
        ("closed_dates_dest", "destination", r"^\d*$"),
        ("closed_dates_date_from", "date_from", DATE),
        ("closed_dates_date_to", "date_to", DATE),
        ("closed_dates_time_from", "time_from", TIME),
        ("closed_dates_time_to", "time_to", TIME),
    ],
    "custom_destinations": [
        ("custom_destinations_dest", "destination", r"^\d+$"),
        ("custom_destinations_is_open", "is_open_range", r"^(yes|no)$"),
        ("custom_destinations_days", "days", DAYS),
        ("custom_destinations_time_from", "time_from", TIME),
        ("custom_destinations_time_to", "time_to", TIME),
    ],
    "open_days": [
        ("open_days_desc", "description", r"^.*$"),
        ("open_days", "days", DAYS),
        ("open_days_time_from", "time_from", TIME),
        ("open_days_time_to", "time_to", TIME),
    ],
}
LIST_ARGS = tuple(arg for fields in GROUPS.values() for arg, _key, _pattern in fields)


def table(state, kind):
    return state.collection("otimes").setdefault(kind, {})


def _check_server(req, kind, needed):
    """The ``server`` rule of ``kind``; returns the server the object must belong to (or None)."""
    server = req.get("server") or None
    if kind in ("servers", "routes") or not req.tenant_mode:
        if server is not None and not req.state.valid_server(server):
            raise ApiError("Invalid server ID.")
        return server if req.tenant_mode else "1"
    if server is None:
        if needed:
            raise ApiError("Required field 'server' is missing")
        return None
    if not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    if server == "1":
        raise ApiError("In tenant mode, make sure server is a valid tenant ID.")
    return server


def _object_id(req, kind, server, for_set):
    """The object's ID from the request (None when none is named), checked to exist."""
    state = req.state
    obj_id = req.get("id") or None
    if not for_set and obj_id is None:
        if kind == "did" and req.get("ext"):
            number = req.get("ext")
            check_pattern("ext", number, r"^\d+$", False)
            for did_id, did in state.collection("dids").items():
                if str(did.get("number")) == number and (server is None or str(did["server"]) == server):
                    return did_id
            raise ApiError("DID %s does not exist." % number)
        if kind == "queues" and req.get("number"):
            obj_id = req.get("number")
            check_pattern("number", obj_id, r"^\d+$", False)
    if obj_id is None:
        return None
    if kind == "did":
        did = state.collection("dids").get(obj_id)
        if did is None or (server is not None and str(did["server"]) != server):
            raise ApiError("DID ID %s does not exist." % obj_id)
    elif kind == "servers":
        if not state.valid_server(obj_id):
            raise ApiError("Invalid server ID.")
    elif kind == "routes":
        if obj_id not in state.collection("routes"):
            raise ApiError("Route ID %s does not exist." % obj_id)
    else:
        check_pattern("id", obj_id, r"^[1-9]\d*$", True)
        collection = state.data.get(UNSIMULATED[kind])
        if collection is not None and obj_id not in collection:
            raise ApiError("%s ID %s does not exist." % (LABELS[kind], obj_id))
    return obj_id


def _render(rec):
    out = {key: rec.get(key, DEFAULTS[key]) for key in SCALARS}
    for group in GROUPS:
        out[group] = [dict(entry) for entry in rec.get(group, [])]
    return out


def _exists(state, kind, obj_id):
    if kind == "did":
        return obj_id in state.collection("dids")
    if kind == "servers":
        return state.valid_server(obj_id)
    return True


def _list_values(req, name):
    """Values of a repeated argument: ``name[]=`` (or indexed ``name[0]=``) in order."""
    if name in req.args:
        raise ApiError("Field '%s' must be sent as a list (%s[]=...)." % (name, name))
    if name in req.lists:
        return list(req.lists[name])
    nested = req.nested.get(name)
    if nested is None:
        return []
    if not all(k.isdigit() and isinstance(v, str) for k, v in nested.items()):
        raise ApiError("Field '%s' contains invalid data." % name)
    return [nested[k] for k in sorted(nested, key=int)]


def _entries(req, group):
    fields = GROUPS[group]
    columns = [_list_values(req, arg) for arg, _key, _pattern in fields]
    if len({len(column) for column in columns}) > 1:
        names = [arg for arg, _key, _pattern in fields]
        raise ApiError("Fields %s and %s must match in size" % (", ".join(names[:-1]), names[-1]))
    entries = []
    for row in zip(*columns):
        entry = {}
        for (arg, key, pattern), value in zip(fields, row):
            check_pattern(arg + "[]", value, pattern, False)
            if pattern == DATE:
                try:
                    datetime.date(*map(int, value.split("-")))
                except ValueError:
                    raise ApiError("Field '%s[]=%s' is not a valid date (yyyy-mm-dd)" % (arg, value))
            entry[key] = value
        if group == "closed_dates" and entry["date_to"] < entry["date_from"]:
            raise ApiError("Closed date '%s' ends before it starts." % entry["description"])
        entries.append(entry)
    return entries


def _make(kind):
    list_args = ("id", "server") + {"did": ("ext",), "queues": ("number",)}.get(kind, ())
    set_args = ("id", "server") + SCALARS + LIST_ARGS + (("pin",) if kind == "routes" else ())
    set_patterns = dict(PATTERNS, pin=r"^\d+$") if kind == "routes" else PATTERNS

    @action("pbxware.otimes.%s.list" % kind, args=list_args, patterns={"id": r"^\d+$"})
    def otimes_list(req):
        server = _check_server(req, kind, needed=bool(req.get("id") or req.get("ext") or req.get("number")))
        obj_id = _object_id(req, kind, server, for_set=False)
        states = table(req.state, kind)
        if obj_id is not None:
            return {obj_id: _render(states[obj_id])} if obj_id in states else []
        out = {}
        for key in sorted(states, key=int):
            rec = states[key]
            if server is not None and kind not in ("servers", "routes") and rec["server"] != server:
                continue
            if _exists(req.state, kind, key):
                out[key] = _render(rec)
        return out or []

    @action("pbxware.otimes.%s.set" % kind, args=set_args, required=("id",), write=True, patterns=set_patterns)
    def otimes_set(req):
        server = _check_server(req, kind, needed=True)
        obj_id = _object_id(req, kind, server, for_set=True)
        states = table(req.state, kind)
        # edit_semantics "whole": the reference's "set the entire state" read literally,
        # every scalar not sent goes back to the default of a new state.
        rec = dict(DEFAULTS) if req.whole_edits else dict(states.get(obj_id) or dict(DEFAULTS))
        for key in SCALARS + ("pin",):
            if req.has(key):
                rec[key] = req.get(key)
        for group in GROUPS:
            rec[group] = _entries(req, group)
        rec["server"] = server or "1"
        states[obj_id] = rec
        return {"success": "Edited Operation Times successfully."}

    return otimes_list, otimes_set


for _kind in KINDS:
    _make(_kind)


def forget(state, kind, obj_id):
    """Drop the operation times of a deleted object."""
    state.data.get("otimes", {}).get(kind, {}).pop(str(obj_id), None)
