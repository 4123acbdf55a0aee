"""IVRs: ``pbxware.ivr.{list,add,edit,delete}``.

``ivrs``: id -> {"server", "name", "ext", "greeting", "status" ("1"/"0"), "operator",
"type" ("0": the reference lists IVR types 0-2 for ``list`` only, no add/edit argument
sets one), "keymap": {key: {"type": code, "destination": value}}, and every other
add/edit argument (``tresponse``, ``ringtype``...) under its write name}. ``ivr.list``
shows name, type, ext, keymap, status and operator; the greeting and the other
settings are stored but never shown.

Keymaps arrive as ``keymap[<key>][type]=ex&keymap[<key>][destination]=100`` (keys
0-9 and ``*``). An edit that sends a keymap replaces the whole keymap (keys it does
not send are gone); an edit without one keeps it. Destination rules (reference,
"Adding IVRs"): Directory (``dy``) takes none; Remote Access (``ra``) one of
agentlogin, destinations, voicemail; Call External Number (``en``) digits; CRM
Routing (``cr``) and ARI Application (``ari``) an ID (digits: the simulator holds
neither); Extension, Voicemail and Fax to E-mail (``ex``, ``vm``, ``fx``) an
extension of the tenant; IVR and IVR tree (``aa``, ``aatree``) an IVR of the tenant
(or the IVR itself); Queue, Ring Group and Conference (``qu``, ``rg``, ``cf``), which
the simulator does not hold, a number of the tenant's extension length.

How ``ivr.list`` shows a keymap is the live setting ``ivr_keymap_shape``
(``/_sim/settings``, ``--ivr-keymap-shape``):

- ``reference`` (default), as the reference's example: ONE ``{"type", "value"}``
  without its key, the entry of the lowest key (0-9 ascending, ``*`` after 9).
- ``by_key``, as a migration client reads it: an object keyed by the key pressed,
  each entry ``{"type", "value"}``, keys in the same order.

Types read as names, spelled as ``did.list`` spells the same destinations
(``Queues``, ``Conferences``, ``Ring Group``, ``External Number``...).

Dialects (DIALECTS.md): the reference says a name takes no spaces, Postman's regex
``^[\\w\\s]+$`` allows them; ``timeoutext`` may be ``ari-<ID>`` in the reference,
digits only in Postman; the postman dialect reads an unset ``operator`` as null
(Postman's list test: ``oneOf([null, 'string'])``), the reference dialect as "".
"""
from pbxware_sim.objects import otimes
from pbxware_sim.objects.did import DEST_TYPES, check_server
from pbxware_sim.objects.ext import ext_length
from pbxware_sim.registry import ApiError, action, check_pattern

KEYS = tuple("0123456789*")  # in this order: the lowest key first
# Keymap destination codes -> the names ivr.list reads (as did.list names them; Directory has no DID type).
KEYMAP_TYPES = {
    "aa": DEST_TYPES[3], "qu": DEST_TYPES[4], "rg": DEST_TYPES[2], "cf": DEST_TYPES[9], "ex": DEST_TYPES[0],
    "vm": DEST_TYPES[7], "cr": DEST_TYPES[14], "aatree": DEST_TYPES[6], "dy": "Directory", "ra": DEST_TYPES[8],
    "fx": DEST_TYPES[11], "en": DEST_TYPES[5], "ari": DEST_TYPES[16],
}
TYPE_PATTERN = "^(%s)$" % "|".join(KEYMAP_TYPES)
EXTENSION_TYPES = ("ex", "vm", "fx")
IVR_TYPES = ("aa", "aatree")
DESTINATION_PATTERNS = {"ra": r"^(agentlogin|destinations|voicemail)$", "en": r"^\d+$", "cr": r"^\d+$",
                        "ari": r"^\d+$"}

SETTINGS = (
    "disablecid", "tresponse", "rtpdelay", "tdigit", "rings", "faxemail", "customring", "local2fax", "rangelimit",
    "rangestart", "rangeend", "ringtype", "moh", "loops", "timeoutext", "timeoutextvm", "localdial",
    "skip_invalid_selection",
)
ADD_ARGS = ("server", "name", "ext", "greeting", "keymap", "status", "operator") + SETTINGS
ADD_REQUIRED = ("server", "name", "ext", "greeting", "keymap")

# Postman ("Editing IVRs"; "Adding IVRs" carries no regexes, the arguments are the same).
# status and the Yes/No/NotSet flags have no regex there: their documented values.
PATTERNS = {
    "ext": r"^\d+$", "greeting": r"^greeting\-([\w\-]+)$", "status": r"^(1|0)$", "operator": r"^\d+$",
    "disablecid": r"^(1|0|2)$", "tresponse": r"^\d{1,5}$", "rtpdelay": r"^\d{1,3}$", "tdigit": r"^\d{1,5}$",
    "rings": r"^\d{1}$", "faxemail": r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]+$", "customring": r"^\w+$",
    "local2fax": r"^(1|0|2)$", "rangelimit": r"^(1|0|2)$", "rangestart": r"^\d{1,3}$", "rangeend": r"^\d{1,3}$",
    "ringtype": r"^(ring|moh|none)$", "loops": r"^([1-9]|1[0-9]|20)$", "timeoutextvm": r"^(1|0|2)$",
    "localdial": r"^(1|0)$", "skip_invalid_selection": r"^(1|0)$",
}
# Reference: "No spaces are allowed" (Postman's own regex allows them); timeoutext may name an
# ARI application as ari-<ID> (Postman: digits only).
DIALECT_PATTERNS = {
    "reference": {"name": r"^\w+$", "timeoutext": r"^(\d+|ari-\d+)$"},
    "postman": {"name": r"^[\w\s]+$", "timeoutext": r"^\d+$"},
}


def ivrs(state):
    return state.collection("ivrs")


def _stored(state):
    """The IVRs without creating the collection (operation times accept any IVR ID until it exists)."""
    return state.data.get("ivrs", {})


def _ordered(keymap):
    return sorted(keymap, key=KEYS.index)


def render_keymap(keymap, shape):
    entries = {key: {"type": KEYMAP_TYPES[keymap[key]["type"]], "value": keymap[key]["destination"]}
               for key in _ordered(keymap)}
    if not entries:
        return []  # PHP's empty array
    if shape == "by_key":
        return entries
    return entries[_ordered(keymap)[0]]


def render(rec, shape, postman=False):
    operator = rec.get("operator", "")
    return {
        "name": rec["name"],
        "type": rec.get("type", "0"),
        "ext": rec["ext"],
        "keymap": render_keymap(rec.get("keymap", {}), shape),
        "status": "enabled" if rec.get("status", "1") == "1" else "disabled",
        "operator": None if postman and operator == "" else operator,
    }


def _number_in_use(state, server, number, ivr_id):
    for other_id, other in _stored(state).items():
        if other_id != ivr_id and other["server"] == server and other["ext"] == number:
            return True
    return any(str(ext.get("server")) == server and str(ext.get("ext")) == number
               for ext in state.collection("extensions").values())


def _check_destination(state, server, key, kind, destination, ivr_ext, ivr_id):
    name = "keymap[%s][destination]" % key
    if kind == "dy":
        if destination != "":
            raise ApiError("Field '%s' must not be set for destination type dy (Directory)." % name)
        return
    if destination == "":
        raise ApiError("Required field '%s' is missing" % name)
    if kind in DESTINATION_PATTERNS:
        check_pattern(name, destination, DESTINATION_PATTERNS[kind], True)
    elif kind in EXTENSION_TYPES:
        check_pattern(name, destination, r"^\d+$", True)
        if not any(str(ext.get("server")) == server and str(ext.get("ext")) == destination
                   for ext in state.collection("extensions").values()):
            raise ApiError("Keymap %s: extension %s does not exist." % (key, destination))
    elif kind in IVR_TYPES:
        check_pattern(name, destination, r"^\d+$", True)
        known = destination == ivr_ext or any(
            other["server"] == server and other["ext"] == destination
            for other_id, other in _stored(state).items() if other_id != ivr_id)
        if not known:
            raise ApiError("Keymap %s: IVR %s does not exist." % (key, destination))
    else:  # qu, rg, cf: objects the simulator does not hold, numbered like extensions
        check_pattern(name, destination, r"^\d{%d}$" % ext_length(state, server), True)


def _keymap(req, server, ivr_ext, ivr_id):
    """The keymap the request sends (None when it sends none), every entry checked."""
    if "keymap" in req.args or "keymap" in req.lists:
        raise ApiError("Field 'keymap' must be sent as keymap[key][field]=value")
    sent = req.nested.get("keymap")
    if sent is None:
        return None
    keymap = {}
    for key in sorted(sent, key=lambda k: KEYS.index(k) if k in KEYS else len(KEYS)):
        fields = sent[key]
        if key not in KEYS:
            raise ApiError("Field 'keymap[%s]': invalid key (supported keys: 0-9 and *)." % key)
        if not isinstance(fields, dict) or set(fields) - {"type", "destination"} or \
                any(not isinstance(value, str) for value in fields.values()):
            raise ApiError("Field 'keymap[%s]' contains invalid data (supported fields: type, destination)." % key)
        kind = fields.get("type", "")
        if kind == "":
            raise ApiError("Required field 'keymap[%s][type]' is missing" % key)
        check_pattern("keymap[%s][type]" % key, kind, TYPE_PATTERN, True)
        destination = fields.get("destination", "")
        _check_destination(req.state, server, key, kind, destination, ivr_ext, ivr_id)
        keymap[key] = {"type": kind, "destination": destination}
    return keymap


def _apply(req, server, rec, ivr_id=None):
    """Validate the request against ``rec`` ({} on add) and return the new record."""
    new = dict(rec)
    for name in ADD_ARGS:
        if name in req.args and name not in ("server", "keymap"):
            new[name] = req.args[name]
    new["server"] = server
    new.setdefault("status", "1")
    new.setdefault("type", "0")
    for name in ("name", "ext", "greeting"):  # emptied on edit: invalid, as on add
        if new.get(name, "") == "":
            raise ApiError("Required field '%s' is missing" % name)
    if _number_in_use(req.state, server, new["ext"], ivr_id):
        raise ApiError("Extension number %s is already in use." % new["ext"])
    keymap = _keymap(req, server, new["ext"], ivr_id)
    if keymap is not None:
        new["keymap"] = keymap  # the whole keymap: keys not sent are removed
    if not new.get("keymap"):
        raise ApiError("At least one keymap is required.")
    return new


def _find(req, server):
    ivr_id = req.get("id", "")
    rec = _stored(req.state).get(ivr_id)
    if rec is None or rec["server"] != server:
        raise ApiError("IVR ID %s does not exist." % ivr_id)
    return ivr_id, rec


@action("pbxware.ivr.list", args=("server",))
def ivr_list(req):
    server = check_server(req, tenant_only=True) if req.tenant_mode or "server" in req.args else None
    shape = req.state.live.ivr_keymap_shape
    result = {}
    for ivr_id, rec in sorted(_stored(req.state).items(), key=lambda kv: int(kv[0])):
        if server is None or rec["server"] == server:
            result[ivr_id] = render(rec, shape, req.postman)
    return result or []


@action("pbxware.ivr.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, patterns=PATTERNS,
        dialect_patterns=DIALECT_PATTERNS)
def ivr_add(req):
    server = check_server(req, tenant_only=True)
    record = _apply(req, server, {})
    ivr_id = req.state.next_id("ivrs")
    ivrs(req.state)[str(ivr_id)] = record
    return {"success": "IVR ID: %d." % ivr_id, "id": ivr_id}


@action("pbxware.ivr.edit", args=ADD_ARGS + ("id",), required=("server", "id"), write=True, patterns=PATTERNS,
        dialect_patterns=DIALECT_PATTERNS)
def ivr_edit(req):
    server = check_server(req, tenant_only=True)
    ivr_id, current = _find(req, server)
    ivrs(req.state)[ivr_id] = _apply(req, server, current, ivr_id)
    return {"success": "IVR ID: %s." % ivr_id, "id": ivr_id}  # edit returns id as a string


@action("pbxware.ivr.delete", args=("id", "server"), required=("id", "server"), write=True)
def ivr_delete(req):
    server = check_server(req, tenant_only=True)  # reference: in tenant mode always greater than 1
    ivr_id, _record = _find(req, server)
    del ivrs(req.state)[ivr_id]
    otimes.forget(req.state, "ivr", ivr_id)
    return {"success": "Deleted IVR ID %s successfully." % ivr_id}
