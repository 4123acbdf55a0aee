"""Extensions: ``pbxware.ext.{list,configuration,add,edit,delete}``.

Records live in ``state.collection("extensions")`` keyed by ID, stored under
the API's *write* names (``prot``, ``ua``, ``status=1``, ``location=1`` ...)
plus ``server``, ``ext`` and ``allow`` (the filtered codec list). Reads map
them to the *read* names real servers send (``protocol``, ``ua_id``,
``status: "enabled"``, ``location: "local"``, secret/limits/voicemail under
``options``).
"""
import re

from pbxware_sim.registry import ApiError, action, check_pattern

# Every argument the reference documents for ext.add (in its order), plus
# ``page``, which only the vendor's Postman collection documents.
ADD_ARGS = (
    "server", "title", "name", "email", "ext", "location", "ua", "uad_sipheaders", "label",
    "user_location", "user_language", "status", "authname", "auth", "pin", "incominglimit",
    "outgoinglimit", "voicemail", "prot", "secret", "password", "sso_enabled", "billing",
    "call_rating", "sms_rating", "creditlimit", "reminderbalance", "service_plan", "nat",
    "canreinvite", "qualify", "ringtime", "incoming_dialoptions", "outgoing_dialoptions",
    "autoprovisiong", "dhcp", "staticip", "netmask", "gateway", "dns1", "dns2", "macaddress",
    "sn", "voicemail_timezone", "vm_greeting_message", "setcallerid", "acodecs", "page_custom",
    "recordcalls", "recordsilent", "vmailsend", "vmailattach", "vmaildelete", "acc_slave",
    "slave_accountcode", "send_email", "service_plan_date", "limitenable", "limittype",
    "softlimit", "hardlimit", "rating_info_osc", "notification_email", "cf_billing_disable",
    "cf_call_rating_disable", "webrtc", "defaultip", "max_contacts", "encryption",
    "directrtpsetup", "callingpres", "cid_anon", "ringtoneforlocalcalls",
    "ringtonefortransferredcalls", "cidmatchdid", "dropanonymous", "trustrpid", "sendrpid",
    "trust_id_outbound", "rpid_connectedline", "rpid_update", "pai_header", "callgroup",
    "pickupgroup", "primary_trunk", "secondary_trunk", "tertiary_trunk", "primary_emerg_trunk",
    "secondary_emerg_trunk", "tertiary_emerg_trunk", "busylevel", "limit_notify_play_sound",
    "limit_notify_send_email", "busyvoicemail", "mailboxes", "vmailpager", "vmailskipinst",
    "vmailskippin", "vmailsaycid", "vmailreview", "vmailoperator", "vmailenvelope",
    "vmailhidefromdir", "videosupport", "autoframing", "vmaildelay", "vmailopext", "vmailnrings",
    "force_codec", "hd_logout_time", "record_beep_ext", "pbd_pin", "areacode",
    "busylevel_incoming", "jbimpl", "jbmaxsize", "jbresyncthreshold", "jbtargetextra",
    "show_in_dir", "show_in_app", "disable_fax_for_app", "disable_my_dialer_for_app",
    "app_default_client_phone", "app_hide_meeting_icon", "max_connected_apps",
    "ms_teams_presence_sync", "additional_config", "ua_autoprov", "department", "override_lcr",
    "dtmfmode", "page",
)
ADD_REQUIRED = ("server", "name", "email", "location", "ua", "status", "pin", "incominglimit",
                "outgoinglimit", "voicemail", "prot", "secret")
SECRETS = ("secret", "password", "pin", "pbd_pin", "auth")

# Postman regexes (descriptions of "Add Extensions" / "Editing Extensions").
# POSIX classes ([[:alnum:][:punct:][:space:]]) are rewritten for Python's re:
# printable ASCII plus whitespace. ``ext`` is absent on purpose: its regex
# depends on the tenant's ext_length and is checked in the handler.
_EMAIL = r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]+$"
_PRINTABLE = r"^[!-~\s]+$"
_IPV4 = r"^\d{1,3}.\d{1,3}.\d{1,3}.\d{1,3}$"
_SECRET = r"^[a-zA-Z0-9%\$\*!@\_\-]+$"
_GROUPS = r"^([0-9]|[1-5][0-9]|6[0-3])(,([0-9]|[1-5][0-9]|6[0-3]))*$"
EDIT_PATTERNS = {
    "name": _PRINTABLE, "email": _EMAIL, "secret": _SECRET, "password": _SECRET,
    "pin": r"^\d{4,4}$", "incominglimit": r"^\d{1,4}$", "outgoinglimit": r"^\d{1,4}$",
    "title": r"^.{1,60}$", "label": r"^.{1,60}$", "user_location": r"^.{1,60}$",
    "user_language": r"^.{1,60}$", "uad_sipheaders": r"[\w\-,]+", "department": r"^[\d,]+$",
    "authname": r"^\w+$", "auth": r"^(\S+)(:\S+)?@\S+$", "ringtime": r"^\d{0,2}$",
    "incoming_dialoptions": r"^[0tTr]+$", "outgoing_dialoptions": r"^[tTr]+$",
    "staticip": _IPV4, "netmask": _IPV4, "gateway": _IPV4, "dns1": _IPV4, "dns2": _IPV4,
    "defaultip": _IPV4, "macaddress": r"^[0-9a-fA-F]{12}$", "voicemail_timezone": r"^[\w\s]+$",
    "page_custom": r"^[\w\s]+$", "slave_accountcode": r"^\d{3}$", "notification_email": _EMAIL,
    "vmailpager": _EMAIL, "cf_call_rating_disable": r"^(1|0|2)$", "webrtc": r"^(1|0|2)$",
    "override_lcr": r"^(1|0|2)$", "max_contacts": r"^\d{1,2}$",
    "callingpres": r"^(allowed_not_screened|allowed_passed_screen|allowed_failed_screen|allowed"
                   r"|prohib_not_screened|prohib_passed_screen|prohib_failed_screen|prohib"
                   r"|unavailable)$",
    "ringtoneforlocalcalls": r"^[a-zA-Z0-9._-]+$", "ringtonefortransferredcalls": r"^[a-zA-Z0-9._-]+$",
    "sendrpid": r"^(rpid|pai)$", "pai_header": r"^\w{1,64}$", "callgroup": _GROUPS,
    "pickupgroup": _GROUPS, "primary_trunk": _PRINTABLE, "secondary_trunk": _PRINTABLE,
    "tertiary_trunk": _PRINTABLE, "primary_emerg_trunk": _PRINTABLE,
    "secondary_emerg_trunk": _PRINTABLE, "tertiary_emerg_trunk": _PRINTABLE,
    "busylevel": r"^\d{1,2}$", "mailboxes": r"^[0-9,]+$", "vmaildelay": r"^[0-9]+$",
    "vmailopext": r"^[0-9]+$", "vmailnrings": r"^\d{1,3}$", "hd_logout_time": r"^\d$",
    "record_beep_ext": r"^\d{1,3}$", "areacode": r"^\d{1,3}$", "jbmaxsize": r"^\d{1,4}$",
    "jbresyncthreshold": r"^\d{1,5}$", "jbtargetextra": r"^\d{1,4}$",
    "app_default_client_phone": r"^(|softphone|deskphone)$", "additional_config": r"[\s\S]",
    "ua_autoprov": r"[\s\S]",
}
# Only the "Add Extensions" request gives pbd_pin a regex.
ADD_PATTERNS = dict(EDIT_PATTERNS, pbd_pin=r"^\d{1,5}$")

# Enumerations the reference spells out; checked in the handler, reported in the server's regex style.
ENUMS = {"location": r"^(1|2)$", "status": r"^(0|1|2)$", "prot": r"^(sip|iax)$", "voicemail": r"^(0|1)$"}
# Side-effect-only arguments: accepted, never stored (the API never returns them).
WRITE_ONLY = ("password", "send_email", "acodecs")
DEFAULT_CODECS = ("ulaw", "alaw", "gsm", "g729", "g722", "opus")
LIMIT_CAP = 999
SECRET_RULE = "Secret must be at least 8 characters long and contain upper case, lower case, digit and one of %*!_- characters."


# --- helpers -----------------------------------------------------------------

def exts(state):
    return state.collection("extensions")


def check_server(req, tenant_only=True):
    """``server`` must name the master or a tenant; in tenant mode extensions live in tenants."""
    server = req.get("server", "")
    if not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    if tenant_only and req.tenant_mode and server == "1":
        raise ApiError("In tenant mode, make sure server is a valid tenant ID.")
    return server


def _tenant(state, server):
    return state.collection("tenants").get(str(server)) or {}


def ext_length(state, server):
    tenant = _tenant(state, server)
    length = tenant.get("ext_length") or state.data.get("settings", {}).get("ext_length") or 3
    return int(length)


def _tenant_not_ready(state, server):
    """``--tenant-ready-delay``: a new tenant refuses extensions for a while (see ``tenant``)."""
    try:
        from pbxware_sim.objects.tenant import not_ready_error
    except ImportError:
        return None
    return not_ready_error(state, server)


def _tenant_codec_defaults():
    """What tenant.configuration reports for a tenant with no stored codecs (if that module is there)."""
    try:
        from pbxware_sim.objects.tenant import DEFAULTS
    except ImportError:
        return {}
    return DEFAULTS


def allowed_codecs(state, server, location):
    """Tenant-level codec set for the extension's location (local/remote), else a default set."""
    tenant = _tenant(state, server)
    remote = str(location) in ("2", "remote")
    keys = ("remote_codecs", "remotecodecs") if remote else ("local_codecs", "localcodecs")
    sources = [tenant]
    if str(server) in state.collection("tenants"):
        sources.append(_tenant_codec_defaults())
    for source in sources:
        for key in keys + ("codecs", "allowed_codecs"):
            value = source.get(key)
            if value:
                items = value if isinstance(value, list) else re.split(r"[,:]", str(value))
                return [c.strip() for c in items if c.strip()]
    return list(DEFAULT_CODECS)


def filter_codecs(state, server, location, codecs):
    """Keep order, drop duplicates and (silently) codecs the tenant does not allow."""
    allowed = set(allowed_codecs(state, server, location))
    out = []
    for codec in codecs:
        if codec in allowed and codec not in out:
            out.append(codec)
    return out


def find_by_ext(state, server, number):
    for ext_id, rec in exts(state).items():
        if str(rec["server"]) == str(server) and str(rec["ext"]) == str(number):
            return ext_id
    return None


def lookup(req, server):
    """Resolve ``id`` or ``ext`` (never both) to an extension ID in ``server``."""
    if req.has("id") and req.has("ext"):
        raise ApiError("You cannot supply id and ext at the same time")
    if req.has("id"):
        ext_id = req.get("id")
        rec = exts(req.state).get(ext_id)
        if rec is None or str(rec["server"]) != server:
            raise ApiError("Extension ID %s does not exist." % ext_id)
        return ext_id
    if req.has("ext"):
        ext_id = find_by_ext(req.state, server, req.get("ext"))
        if ext_id is None:
            raise ApiError("Extension %s does not exist." % req.get("ext"))
        return ext_id
    raise ApiError("Required field 'id' is missing")


def _ua(state, ua_id):
    return state.collection("uads").get(str(ua_id)) or {}


def render_list(state, rec):
    # Write names are the stored form; read names are tolerated for fixture-seeded records.
    ua_id = str(rec.get("ua", rec.get("ua_id", "")))
    ua = _ua(state, ua_id)
    return {
        "name": rec.get("name", ""),
        "email": rec.get("email", ""),
        "protocol": rec.get("prot", rec.get("protocol", "sip")),
        "ext": str(rec["ext"]),
        "location": "remote" if str(rec.get("location")) in ("2", "remote") else "local",
        "ua_id": ua_id,
        "ua_name": str(ua.get("name", "")),
        "ua_fullname": str(ua.get("fullname", "")),
        "status": "enabled" if str(rec.get("status", "1")) in ("1", "enabled") else "disabled",
        "macaddress": rec.get("macaddress", ""),
        "sn": rec.get("sn", ""),
        "linenum": rec.get("linenum", "1"),
        "user_location": rec.get("user_location", ""),
        "department": rec.get("department", ""),
    }


def render_additional_macs(rec):
    """``additional_macaddress``: "" when none (as in the reference example), else the
    list ``pbxware.ext.additional_macs`` stored (see ``ext_extras``), under read names."""
    macs = rec.get("additional_macs") or []
    if not macs:
        return rec.get("additional_macaddress", "")
    return [{
        "macaddress": m.get("macaddress", ""),
        "sn": m.get("sn", ""),
        "ua_id": str(m.get("ua", "")),
        "location": "remote" if str(m.get("location")) in ("2", "remote") else "local",
        "device_address": m.get("device_address", ""),
    } for m in macs]


def render_configuration(state, rec):
    item = render_list(state, rec)
    code = str(_tenant(state, rec["server"]).get("tenantcode", ""))
    options = {
        "type": "friend",
        "dtmfmode": rec.get("dtmfmode", "rfc2833"),
        "context": "t-%s" % code if code else "default",
        "canreinvite": rec.get("canreinvite", "0"),
        "qualify": rec.get("qualify", "8000"),
        "host": "dynamic",
        "cid_enable": "yes",
        "callerid": "%s <%s>" % (rec.get("name", ""), item["ext"]),
        "voicemail": rec.get("voicemail", "0"),
        "incominglimit": rec.get("incominglimit", "1"),
        "outgoinglimit": rec.get("outgoinglimit", "1"),
        "username": code + item["ext"],
        "secret": rec.get("secret", ""),
        "disallow": "all",
        "allow": [c + state.live.CODEC_SUFFIX if state.live.codec_suffixes else c for c in rec.get("allow", [])],
        "recordcalls": rec.get("recordcalls", "0"),
        "mac": rec.get("macaddress", ""),
        "autoprovisiong": rec.get("autoprovisiong", "0"),
        "ringtime": rec.get("ringtime", "32"),
        "incoming_dialoptions": rec.get("incoming_dialoptions", "tr"),
        # Postman: page is the header preset; empty page means "use page_custom".
        "page_header": rec.get("page") or rec.get("page_custom", ""),
        "vmailsend": rec.get("vmailsend", "0"),
        "vmailattach": rec.get("vmailattach", "0"),
        "vmaildelete": rec.get("vmaildelete", "0"),
        "uad_sipheaders": rec.get("uad_sipheaders", ""),
    }
    return {
        "name": item["name"],
        "email": item["email"],
        "pin": rec.get("pin", ""),
        "protocol": item["protocol"],
        "ext": item["ext"],
        "location": item["location"],
        "user_language": rec.get("user_language", "en"),
        "ua_id": item["ua_id"],
        "ua_name": item["ua_name"],
        "ua_fullname": item["ua_fullname"],
        "status": item["status"],
        "linenum": item["linenum"],
        "smuser": "0",
        "service_plan": rec.get("service_plan", ""),
        "options": options,
        "options_raw": rec.get("ua_autoprov", ""),
        "ua_autoprov": rec.get("ua_autoprov", ""),
        "additional_macaddress": render_additional_macs(rec),
        "additional_config": rec.get("additional_config", ""),
    }


def _apply(req, server, rec, ext_id=None):
    """Validate the request against ``rec`` (the current record, {} on add) and return the new record."""
    state, args = req.state, req.args
    new = dict(rec)
    # Only documented write names are stored: read names (protocol, ua_id ...) and
    # other unknown arguments are silently ignored, as on real servers.
    for name, value in args.items():
        if name in ADD_ARGS and name not in WRITE_ONLY and name not in ("ext", "server"):
            new[name] = value
    new["server"] = server

    for name, pattern in ENUMS.items():
        if name in args:
            check_pattern(name, args[name], pattern, name in ADD_REQUIRED)

    if req.has("ext") or not new.get("ext"):
        length = ext_length(state, server)
        if req.has("ext"):
            # Observed server message: "Required field 'ext=100' contains invalid data (Regex: /^\d{4}$/)".
            check_pattern("ext", args["ext"], r"^\d{%d}$" % length, True)
            new["ext"] = args["ext"]
        else:  # the server picks the first free number of the tenant's length
            taken = {str(r["ext"]) for r in exts(state).values() if str(r["server"]) == server}
            start = 10 ** (length - 1)
            new["ext"] = next((str(n) for n in range(start, 10 ** length) if str(n) not in taken), None)
            if new["ext"] is None:
                raise ApiError("No free extension numbers left.")
        other = find_by_ext(state, server, new["ext"])
        if other is not None and other != ext_id:
            raise ApiError("Extension %s already exists." % new["ext"])

    if "ua" in args and (not args["ua"].isdigit() or args["ua"] not in state.collection("uads")):
        raise ApiError("Invalid User Agent ID '%s'." % args["ua"])

    # Real systems enforce SIP secret complexity on top of the Postman charset regex.
    if "secret" in args and new.get("prot", "sip") == "sip":
        secret = args["secret"]
        if not (len(secret) >= 8 and re.search("[A-Z]", secret) and re.search("[a-z]", secret)
                and re.search("[0-9]", secret) and re.search(r"[%*!_\-]", secret)):
            raise ApiError(SECRET_RULE)

    for name in ("incominglimit", "outgoinglimit"):  # real servers cap per-extension limits
        if args.get(name, "") != "":
            new[name] = str(min(int(args[name]), LIMIT_CAP))
        elif name in rec:
            new[name] = rec[name]

    if new.get("billing") == "1" or new.get("call_rating") == "1":
        for name in ("creditlimit", "reminderbalance", "service_plan"):
            if not new.get(name):
                raise ApiError("Required field '%s' is missing" % name)

    location = new.get("location", "1")
    if "acodecs" in args:
        codecs = [c.strip() for c in args["acodecs"].split(":") if c.strip()]
    elif "allow" in new:
        codecs = new["allow"]
    else:
        codecs = allowed_codecs(state, server, location)
    new["allow"] = filter_codecs(state, server, location, codecs)
    return new


# --- actions -----------------------------------------------------------------

@action("pbxware.ext.list", args=("server",))
def ext_list(req):
    server = None
    if "server" in req.args:
        server = check_server(req, tenant_only=False)
    result = {
        ext_id: render_list(req.state, rec)
        for ext_id, rec in sorted(exts(req.state).items(), key=lambda kv: int(kv[0]))
        if server is None or str(rec["server"]) == server
    }
    return result or []


@action("pbxware.ext.configuration", args=("server", "id", "ext"), required=("server",))
def ext_configuration(req):
    server = check_server(req)
    ext_id = lookup(req, server)
    return {ext_id: render_configuration(req.state, exts(req.state)[ext_id])}


@action("pbxware.ext.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, secrets=SECRETS,
        patterns=ADD_PATTERNS)
def ext_add(req):
    server = check_server(req)
    not_ready = _tenant_not_ready(req.state, server)
    if not_ready:
        raise ApiError(not_ready)
    record = _apply(req, server, {})
    ext_id = str(req.state.next_id("extensions"))
    exts(req.state)[ext_id] = record
    # Observed types: id is a string, ext a number.
    return {"success": "Extension ID: %s" % ext_id, "id": ext_id, "ext": int(record["ext"])}


@action("pbxware.ext.edit", args=ADD_ARGS + ("id",), required=("server", "id"), write=True,
        secrets=SECRETS, patterns=EDIT_PATTERNS)
def ext_edit(req):
    server = check_server(req)
    ext_id = req.get("id")
    current = exts(req.state).get(ext_id)
    if current is None or str(current["server"]) != server:
        raise ApiError("Extension ID %s does not exist." % ext_id)
    record = _apply(req, server, current, ext_id)
    exts(req.state)[ext_id] = record
    return {"success": "Extension ID: %s" % ext_id, "id": ext_id, "ext": int(record["ext"])}


@action("pbxware.ext.delete", args=("id", "server"), required=("id", "server"), write=True)
def ext_delete(req):
    server = check_server(req)
    ext_id = req.get("id")
    current = exts(req.state).get(ext_id)
    if current is None or str(current["server"]) != server:
        raise ApiError("Extension ID %s does not exist." % ext_id)
    del exts(req.state)[ext_id]
    return {"success": "Deleted Extension ID %s successfully." % ext_id}
