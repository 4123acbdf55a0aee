"""Trunks: ``pbxware.trunk.list|providers|configuration|add|edit|delete``.

``trunks``: id -> {"name", "server" ("1": trunks are system-wide), "provider_id",
"status" ("1" active, "0" not active, "2" suspended), "options": {...}} where
``options`` is the configuration read shape (``codecs``/``codecs_ptime`` are
stored as ``allow: ["ulaw,20", ...]``). Those items carry their ptime in every
read, as in the reference's example, so the ``codec_suffixes`` setting leaves them alone.
``providers``: id -> {"name", "type" ("pstn"|"voip"), "protocol"}.
"""
from pbxware_sim.common import YES_NO, by_id, check_server, get_record, require_master
from pbxware_sim.objects.tenant import forget_trunk
from pbxware_sim.registry import ApiError, action

DIGITS = r"^\d{1,10}$"
WORDS = r"^[\w\s]+$"
# Postman regexes plus the reference's enumerations. area_code: the reference's
# "Area code" reads as digits, Postman gives /^(yes|no|1|0)$/ (DIALECTS.md row h').
AREA_CODE_PATTERNS = {"postman": {"area_code": YES_NO}}
PATTERNS = {
    "name": "^.+$", "provider_id": "^[0-9]+$", "type": "^(user|friend|peer)$",
    "dtmfmode": "^(auto|inband|rfc2833|info|shortinfo)$", "status": "^(active|not active|suspended)$",
    "country": DIGITS, "national": DIGITS, "international": DIGITS, "emerg_trunk": YES_NO,
    "insecure": "^(port|invite|port,invite|very)$", "looserouting": YES_NO, "incominglimit": DIGITS,
    "outgoinglimit": DIGITS, "busylevel": DIGITS, "qualify": r"^\d{0,4}$", "e164a": YES_NO,
    "passthru_mode": YES_NO, "national_leave": YES_NO, "area_code": r"^\d{1,50}$", "prefix": WORDS,
    "testnum": WORDS, "authname": "^.+$", "auth": "^.+$", "register": "^([0-5])$",
    "register_suffix": r"^\w+$", "register_expiration": r"^\d{1,4}$", "fromuser": WORDS,
    "fromdomain": "^.+$", "phoneinuri": YES_NO, "outboundproxy": "^.+$", "from_ipaddr": "^[a-zA-Z0-9.,]+$",
    "transport": r"\w+$", "encryption": "^(yes|offer)$", "direct_media": "^(no|yes|nonat|update|nonat,update)$",
    "directrtpsetup": "^(yes|no)$", "defaultip": r"^\d{1,3}.\d{1,3}.\d{1,3}.\d{1,3}$", "trustrpid": YES_NO,
    "sendrpid": "^(rpid|pai)$", "trust_id_outbound": YES_NO, "rpid_connectedline": YES_NO,
    "rpid_update": YES_NO, "sendpai": WORDS,
    "privacy": "^(none|anonymous|anonymous_id|anonymous_number|anonymous_number_id)$", "callerid": WORDS,
    "dialed_num_minimum_length": r"^\d{1,4}$", "allow_es_callerid": YES_NO, "email_on_limit": YES_NO,
    "outgoing_dialoptions": "^[tTr]+$", "videosupport": YES_NO, "autoframing": YES_NO,
    "prefix_emerg": "^(yes|no)$", "emerg_location_header": r"^[\w\-,]{1,100}$",
}
ADD_ARGS = tuple(PATTERNS) + ("server", "host", "username", "secret", "peer_host", "peer_username",
                              "peer_secret", "codecs", "codecs_ptime")
# The reference also marks secret and peer_* required, but the vendor's own
# Postman request adds a friend trunk without them, so they are optional here.
ADD_REQUIRED = ("server", "name", "provider_id", "type", "dtmfmode", "status", "country", "national",
                "international", "emerg_trunk", "host", "username", "insecure", "looserouting",
                "incominglimit", "outgoinglimit", "codecs", "codecs_ptime")
SECRETS = ("secret", "peer_secret", "auth")
STATUS_CODES = {"active": "1", "not active": "0", "suspended": "2"}
KNOWN_CODECS = {"ulaw", "alaw", "g722", "opus", "g723.1", "g726", "g726aal2", "g729", "gsm", "ilbc", "speex",
                "speex16", "speex32", "lpc10", "h261", "h263", "h263p", "h264"}
TOP_LEVEL = ("name", "provider_id", "status", "server", "codecs", "codecs_ptime")
# ``trunk.configuration``'s ``options``: exactly the keys of the reference's
# example, in its order. Settings written but not shown there (emerg_trunk,
# looserouting, busylevel, authname...) are kept but not read back, like the
# example; ``addconfig_sipheader`` and ``additional_config`` have no write
# argument and read "". Yes/no settings the example shows as digits read as digits.
OPTION_KEYS = ("type", "dtmfmode", "context", "transport", "canreinvite", "qualify", "host", "incominglimit",
               "outgoinglimit", "username", "secret", "insecure", "allow", "addconfig_sipheader", "register",
               "register_suffix", "register_expiration", "country", "national", "international", "e164a",
               "fromuser", "fromdomain", "allow_es_callerid", "additional_config", "prefix", "prefix_emerg",
               "testnum", "callerid", "sendpai")
OPTION_DEFAULTS = {"transport": "udp", "canreinvite": "0", "qualify": "0", "register": "0", "allow": [],
                   "e164a": "0", "allow_es_callerid": "0"}
READ_AS_DIGIT = ("e164a", "allow_es_callerid")
YES_NO_DIGIT = {"yes": "1", "no": "0"}


def _allow(codecs, ptimes):
    """``codecs=ulaw,alaw`` + ``codecs_ptime=20,30`` -> ``["ulaw,20", "alaw,30"]``."""
    codecs, ptimes = codecs.split(","), ptimes.split(",")
    if len(codecs) != len(ptimes):
        raise ApiError("Fields codecs and codecs_ptime must match in size")
    for codec in codecs:
        if codec not in KNOWN_CODECS:
            raise ApiError("Field 'codecs=%s' contains invalid codec '%s'" % (",".join(codecs), codec))
    for ptime in ptimes:
        if not ptime.isdigit() or not 10 <= int(ptime) <= 300 or int(ptime) % 10:
            raise ApiError("Field 'codecs_ptime=%s' contains invalid data" % ",".join(ptimes))
    return ["%s,%s" % pair for pair in zip(codecs, ptimes)]


def _apply(request, trunk):
    state = request.state
    if request.has("provider_id"):
        provider = state.collection("providers").get(request.get("provider_id"))
        if provider is None:
            raise ApiError("Provider ID %s does not exist." % request.get("provider_id"))
        if provider["type"] != "voip":
            raise ApiError("Provider ID %s is not a SIP provider (SIP only)." % request.get("provider_id"))
        trunk["provider_id"] = request.get("provider_id")
    if request.has("name"):
        trunk["name"] = trunk["options"]["context"] = request.get("name")
    if request.has("status"):
        trunk["status"] = STATUS_CODES[request.get("status")]
    if request.has("codecs") or request.has("codecs_ptime"):
        old = trunk["options"].get("allow", [])
        codecs = request.get("codecs") or ",".join(a.split(",")[0] for a in old)
        ptimes = request.get("codecs_ptime") or ",".join(a.split(",")[1] for a in old)
        trunk["options"]["allow"] = _allow(codecs, ptimes)
    for name in ADD_ARGS:
        if name in request.args and name not in TOP_LEVEL:
            trunk["options"][name] = request.args[name]


def _check_unique_name(state, trunk, trunk_id=None):
    for other_id, other in state.collection("trunks").items():
        if other_id != trunk_id and other["name"].lower() == trunk["name"].lower():
            raise ApiError("Trunk name %s already exists." % trunk["name"])


@action("pbxware.trunk.list", args=("server",), patterns={"server": r"^\d+$"})
def trunk_list(request):
    state = request.state
    trunks = state.collection("trunks")
    providers = state.collection("providers")
    if request.has("server") and not state.tenant_mode:
        # The filter "does not apply in Tenant Mode".
        trunks = {k: t for k, t in trunks.items() if t.get("server", "1") == request.get("server")}

    def render(_id, trunk):
        provider_id = str(trunk.get("provider_id", ""))
        provider = providers.get(provider_id, {})
        return {"name": trunk["name"], "protocol": provider.get("protocol", "sip"),
                "provider_id": provider_id, "provider_name": provider.get("name", ""),
                "status": "enabled" if trunk.get("status", "1") == "1" else "disabled"}

    return by_id(trunks, render)


@action("pbxware.trunk.providers", args=("server",), patterns={"server": r"^\d+$"})
def trunk_providers(request):
    providers = request.state.collection("providers")
    return {providers[k]["name"]: [k, providers[k]["type"]] for k in sorted(providers, key=int)}


@action("pbxware.trunk.configuration", args=("trunkid", "server"), required=("trunkid", "server"),
        patterns={"trunkid": "^[a-zA-Z0-9_-]+$", "server": r"^\d+$"})
def trunk_configuration(request):
    state = request.state
    check_server(request)
    trunk_id = request.get("trunkid")
    trunk = get_record(state.collection("trunks"), trunk_id, "Trunk")
    provider_id = str(trunk.get("provider_id", ""))
    provider = state.collection("providers").get(provider_id, {})
    stored = trunk.get("options", {})
    options = {}
    for key in OPTION_KEYS:
        value = stored.get(key, OPTION_DEFAULTS.get(key, ""))
        if key in READ_AS_DIGIT:
            value = YES_NO_DIGIT.get(value, value)
        options[key] = list(value) if isinstance(value, list) else value
    return {trunk_id: {"name": trunk["name"], "provider_id": provider_id,
                       "provider_name": provider.get("name", ""), "status": trunk.get("status", "1"),
                       "protocol": provider.get("protocol", "sip"), "options": options}}


@action("pbxware.trunk.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, secrets=SECRETS,
        patterns=PATTERNS, dialect_patterns=AREA_CODE_PATTERNS)
def trunk_add(request):
    require_master(request)
    state = request.state
    trunk = {"name": "", "server": "1", "provider_id": "", "status": "1",
             "options": {"transport": "udp", "canreinvite": "0", "qualify": "0", "register": "0"}}
    _apply(request, trunk)
    _check_unique_name(state, trunk)
    trunk_id = state.next_id("trunks")
    state.collection("trunks")[str(trunk_id)] = trunk
    return {"success": "Trunk ID: %d" % trunk_id, "id": trunk_id}


@action("pbxware.trunk.edit", args=ADD_ARGS + ("id",), required=("server", "id"), write=True,
        secrets=SECRETS, patterns=dict(PATTERNS, id=r"^\d+$"), dialect_patterns=AREA_CODE_PATTERNS)
def trunk_edit(request):
    check_server(request)
    state = request.state
    trunk_id = request.get("id")
    trunk = get_record(state.collection("trunks"), trunk_id, "Trunk")
    updated = dict(trunk, options=dict(trunk.get("options", {})))
    _apply(request, updated)
    _check_unique_name(state, updated, trunk_id)
    trunk.update(updated)
    return {"success": "Trunk ID: %s" % trunk_id, "id": str(trunk_id)}


# The reference marks ``server`` required; the vendor's Postman request deletes
# without it and expects success (DIALECTS.md row h).
@action("pbxware.trunk.delete", args=("server", "id"), required=("id",), write=True,
        patterns={"id": r"^\d+$", "server": r"^\d+$"})
def trunk_delete(request):
    if not request.postman and not request.has("server"):
        raise ApiError("Required field 'server' is missing")
    check_server(request, required=False)
    state = request.state
    trunk_id = request.get("id")
    get_record(state.collection("trunks"), trunk_id, "Trunk")
    del state.collection("trunks")[trunk_id]
    forget_trunk(state, trunk_id)
    return {"success": "Trunk ID: %s" % trunk_id, "id": str(trunk_id)}
