"""DIDs: ``pbxware.did.{list,add,edit,delete}``.

Records live in ``state.collection("dids")`` keyed by ID, stored under the
API's *write* names (``did``, ``did_2``, ``dest_type``, ``destination``,
``disabled`` ...) plus ``server`` and ``number`` (= ``did``). ``did.list`` is
the only read: it shows ``type`` as a name, ``status`` as enabled/disabled and
the destination as ``ext``; callerid, greeting, recordcall and the other
settings are stored but never shown. Dialects (DIALECTS.md): the end number is
``did_2`` (reference) or ``did2`` (postman); the postman dialect reads unset
``number2``/``e164``/``e164_2`` as null and applies Postman's ``dest_type`` and
``destination`` regexes.
"""
from pbxware_sim.objects.ext import ext_length
from pbxware_sim.registry import ApiError, action, check_pattern

# Names for dest_type 0-17 (reference "Adding DIDs"; 1 uses the short name the
# reference gives in parentheses and in CLI routing, "Multi User").
DEST_TYPES = (
    "Extension", "Multi User", "Ring Group", "IVR", "Queues", "External Number", "IVR tree",
    "Voicemail", "Remote Access", "Conferences", "Trunk", "Fax to E-mail", "Phone Callback",
    "Deny Access", "CRM Routing", "Agents", "ARI Application", "Parking Lot",
)
EXTERNAL, MULTI_USER, PHONE_CALLBACK, DENY_ACCESS = 5, 1, 12, 13

# Every argument the reference documents for did.add except the end number: the
# reference spells it ``did_2``, the vendor's Postman collection ``did2``; each
# dialect accepts only its own (DIALECTS.md). Both are stored as ``did_2``.
ADD_ARGS = (
    "server", "trunk", "name", "did", "groupid", "dest_type", "destination", "e164",
    "e164_2", "disabled", "callerid", "splan", "billingext", "call_rating_ext", "greeting",
    "stripn", "qprio", "codec", "ringtone", "recordcall", "state_text", "city", "areacode",
    "sms_enabled", "preserve_callerid", "notify", "prioritize_clirouting",
)
END_NUMBER = {"reference": "did_2", "postman": "did2"}
DIALECT_ARGS = {dialect: (name,) for dialect, name in END_NUMBER.items()}
ADD_REQUIRED = ("server", "trunk", "did", "dest_type", "destination", "disabled")

# Postman regexes ("Adding DIDs" / "Editing DIDs"). Left to the handler on purpose:
# dest_type (Postman's ^\d{1}$ would forbid the documented types 10-17), destination
# (External Number may start with '+', Multi User takes a list) and
# billingext/call_rating_ext (^\d{3}$ is the tenant's extension length). The
# postman dialect applies Postman's dest_type and destination regexes as they are
# (POSTMAN_PATTERNS); the extension-length regexes are the same reading in both.
PATTERNS = {
    "trunk": r"^\d+$", "did": r"^\d+$", "e164": r"^\d+$", "e164_2": r"^\d+$",
    "callerid": r"^[\+\w\s%]+(\s*<[\+\w%]+>)?$", "splan": r"^(0|-1|2147483647)$",
    "greeting": r"^greeting\-did\-([\w\-]+)$", "stripn": r"^\d+$", "qprio": r"^\d{1,2}$",
    "codec": r"^(ulaw|alaw|g722|opus|g723|g726|g726aal2|g729|gsm|ilbc|speex|speex16|speex32"
             r"|lpc10|h261|h263|h263p|h264)+$",
    "ringtone": r"^.+$", "recordcall": r"^(1|0|2)$", "state_text": r"^.+$", "city": r"^.+$",
    "areacode": r"^.+$", "sms_enabled": r"^(1|0)$", "preserve_callerid": r"^(1|0)$",
}

POSTMAN_PATTERNS = {"dest_type": r"^\d{1}$", "destination": r"^\d+$"}


def dids(state):
    return state.collection("dids")


def check_server(req, tenant_only):
    """Reference: in tenant mode ``server`` must be a valid tenant ID (1, the master, cannot be used)."""
    server = req.get("server", "")
    if req.tenant_mode and tenant_only and "server" not in req.args:
        raise ApiError("Required field 'server' is missing")
    if not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    if req.tenant_mode and tenant_only and server == "1":
        raise ApiError("In tenant mode, make sure server is a valid tenant ID.")
    return server


def render(rec, postman=False):
    """The ``did.list`` entry. ``postman``: an unset end number and E.164 numbers read as
    null, as the vendor's Postman test expects (the reference example shows "")."""
    # Write names are the stored form; read names are tolerated for fixture-seeded records.
    kind = DEST_TYPES[int(rec["dest_type"])] if "dest_type" in rec else rec.get("type", DEST_TYPES[0])
    unset = None if postman else ""
    return {
        "number": str(rec["number"]),
        "number2": str(rec.get("did_2", rec.get("number2", ""))) or unset,
        "server": str(rec["server"]),
        "trunk": str(rec.get("trunk", "")),
        "type": kind,
        "ext": str(rec.get("destination", rec.get("ext", ""))),
        "e164": rec.get("e164", "") or unset,
        "e164_2": rec.get("e164_2", "") or unset,
        "status": "disabled" if rec.get("disabled") == "1" else "enabled",
        "name": rec.get("name", ""),
        "sms_enabled": rec.get("sms_enabled", "0"),
        "e911": "0",
        "prioritize_clirouting": rec.get("prioritize_clirouting", "0"),
    }


def _span(rec):
    start = int(rec["number"])
    return start, int(rec.get("did_2") or rec.get("number2") or start)


def _apply(req, server, rec, did_id=None):
    """Validate the request against ``rec`` ({} on add) and return the new record."""
    state, args = req.state, dict(req.args)
    end_name = END_NUMBER[req.dialect]  # the dispatcher has dropped the other dialect's spelling
    if end_name in args:
        args["did_2"] = args.pop(end_name)
    new = dict(rec)
    if rec:  # records seeded by a fixture may carry only the read-side "number"
        new.setdefault("did", rec.get("number", ""))
        new.setdefault("trunk", "")
        new.setdefault("dest_type", str(DEST_TYPES.index(rec["type"])) if rec.get("type") in DEST_TYPES else "0")
        new.setdefault("destination", rec.get("ext", ""))
    for name, value in args.items():
        if (name in ADD_ARGS or name == "did_2") and name != "server":
            new[name] = value
    new["server"] = server
    for name in ("did", "trunk"):  # an emptied number or trunk on edit is invalid data
        check_pattern(name, new[name], r"^\d+$", True)
    new["number"] = new["did"]

    if "trunk" in args and args["trunk"] not in state.collection("trunks"):
        raise ApiError("Trunk ID %s does not exist." % args["trunk"])
    if "disabled" in args:
        check_pattern("disabled", args["disabled"], r"^(0|1)$", True)
    if "dest_type" in args:
        check_pattern("dest_type", args["dest_type"], r"^([0-9]|1[0-7])$", req.action.endswith(".add"))
        new["dest_type"] = str(int(args["dest_type"]))

    # Destination: required unless Phone Callback / Deny Access (reference, "Editing DIDs").
    dest_type = int(new["dest_type"])
    if "dest_type" in args or "destination" in args:
        if dest_type in (PHONE_CALLBACK, DENY_ACCESS):
            new["destination"] = ""
        else:
            if "destination" not in args:
                raise ApiError("Required field 'destination' is missing")
            pattern = {EXTERNAL: r"^\+?\d+$", MULTI_USER: r"^[\d,]+$"}.get(dest_type, r"^\d+$")
            check_pattern("destination", args["destination"], pattern, True)
    if dest_type != EXTERNAL:  # reference: only set for External Number destinations
        new["preserve_callerid"] = "0"

    length = ext_length(state, server)
    for name in ("billingext", "call_rating_ext"):
        if args.get(name):
            check_pattern(name, args[name], r"^\d{%s}$" % length, False)

    if new.get("did_2"):
        check_pattern(end_name, new["did_2"], r"^\d+$", False)
        if len(new["did_2"]) != len(new["did"]) or int(new["did_2"]) < int(new["did"]):
            raise ApiError("DID end number must have the same length as and not be lower than the DID number.")
    start, end = _span(new)
    for other_id, other in dids(state).items():
        if other_id != did_id and str(other.get("trunk")) == new["trunk"]:
            lo, hi = _span(other)
            if start <= hi and lo <= end:
                raise ApiError("DID %s already exists on this trunk." % new["number"])
    return new


@action("pbxware.did.list", args=("server", "ext"), patterns={"ext": r"^[\d,]+$"})
def did_list(req):
    server = check_server(req, tenant_only=True) if req.tenant_mode or "server" in req.args else None
    wanted = set(filter(None, req.get("ext", "").split(",")))
    result = {}
    for did_id, rec in sorted(dids(req.state).items(), key=lambda kv: int(kv[0])):
        if server is not None and str(rec["server"]) != server:
            continue
        if wanted and not wanted & set(rec.get("destination", "").split(",")):
            continue
        result[did_id] = render(rec, req.postman)
    return result or []


@action("pbxware.did.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, patterns=PATTERNS,
        dialect_args=DIALECT_ARGS, dialect_patterns={"postman": POSTMAN_PATTERNS})
def did_add(req):
    server = check_server(req, tenant_only=True)
    record = _apply(req, server, {})
    did_id = req.state.next_id("dids")
    dids(req.state)[str(did_id)] = record
    return {"success": "DID ID: %d." % did_id, "id": did_id}


@action("pbxware.did.edit", args=ADD_ARGS + ("id",), required=("server", "id"), write=True,
        patterns=PATTERNS, dialect_args=DIALECT_ARGS, dialect_patterns={"postman": POSTMAN_PATTERNS})
def did_edit(req):
    server = check_server(req, tenant_only=True)
    did_id = req.get("id")
    current = dids(req.state).get(did_id)
    if current is None or str(current["server"]) != server:
        raise ApiError("DID ID %s does not exist." % did_id)
    dids(req.state)[did_id] = _apply(req, server, current, did_id)
    return {"success": "DID ID: %s." % did_id, "id": did_id}  # edit returns id as a string


@action("pbxware.did.delete", args=("id", "server"), required=("id", "server"), write=True)
def did_delete(req):
    server = req.get("server")
    # Reference: "If running in Tenant Mode make sure this is always set to 1."
    if req.tenant_mode and server != "1":
        raise ApiError("In tenant mode, make sure server=1.")
    if not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    did_id = req.get("id")
    if did_id not in dids(req.state):
        raise ApiError("DID ID %s does not exist." % did_id)
    del dids(req.state)[did_id]
    # Its CLI routing rules and operation times go with it.
    from pbxware_sim.objects import did_clirouting, otimes
    did_clirouting.forget_did(req.state, did_id)
    otimes.forget(req.state, "did", did_id)
    return {"success": "Deleted DID ID %s successfully." % did_id}
