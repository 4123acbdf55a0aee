"""Tenants: ``pbxware.tenant.list|configuration|add|edit|delete``.

A record in ``tenants`` holds the shared core keys (``name``, ``tenantcode``,
``package_id``, ``ext_length`` as int, ``country_id``) plus every other setting
under its READ name (``incominglimit``, ``conch``...). Writes use different
names (``local_channels``, ``conferences``...): ``WRITE_TO_READ`` maps them.
Read names sent on a write are silently ignored by the real server; in strict
mode they are undocumented and rejected before reaching the handler.

Where the reference and the Postman collection spell a setting apart
(``cspark_*``/``cpark_*``, ``ringtone_local``/``ringtonelocal``,
``custompresenceetime``/``custompresencetime``, ``remote_codecs``/``remotecodecs``)
the dialect decides which write name is accepted (``DIALECT_WRITES``) and how
``tenant.configuration`` names it (``DIALECT_READS``); records store one
dialect-neutral name. See ``DIALECTS.md``.
"""
import copy
import re
import time

from pbxware_sim.common import (
    USE_TENANT_OBJECT, by_id, get_record, require_master, tenant_mode_only)
from pbxware_sim.registry import ApiError, action

BOOL3 = "^(1|0|2)$"
EMAIL = r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]+$"
CODECS = (r"^(:|ulaw|alaw|g722|opus|g723.1|g726|g726aal2|g729|gsm|ilbc|speex|speex16|speex32|lpc10|h261|h263|"
          r"h263p|h264)+$")

# Postman collection regexes (identical for add and edit). Enumerations the
# reference spells out but Postman leaves without a regex are added as regexes.
PATTERNS = {
    "tenant_name": "^.+$", "tenant_code": r"^\d{3}$", "package": r"^\d+$",
    "ext_length": "^([2-9]|(1[0-6]))$", "country": r"^\d{1,10}$", "area_code": r"^\d{1,50}$",
    "national": r"^\d{1,10}$", "international": r"^\d{1,10}$", "glocom_dns_srv_lookup": BOOL3,
    "glocomproxy": "^.+$", "apusername": "^.+$", "appassword": r"^\S.+\S$", "defaultserver": BOOL3,
    "announcetrunks": BOOL3, "absolutetimeout": r"^\d{1,5}$", "cdrvoicemail": BOOL3,
    "faxformat": "^(letter|legal|A4|auto)$", "faxfiletype": "^(1|2|3)$", "default_location": "^(1|2)$",
    "enabletcalls": BOOL3, "disabletcid": BOOL3, "tenantcid": "^.+$", "tenant_faxcid": "^.+$",
    "usedefaultcid": BOOL3, "usedidcid": BOOL3, "finde164": BOOL3, "recordlimit": r"^\d{1,3}$",
    "showdirosc": BOOL3, "recordglobal": BOOL3, "recordsilent": BOOL3,
    "mp3_auto_conv": "^(yes|keep|no)$", "recordbeep": r"^\d{1,3}$",
    "recordformat": "^(gsm|wav|wav49|g729|ogg)$", "audiolang": "^.+$",
    "cpark_timeout": r"^\d{1,3}$", "cpark_dial": r"^\d{3}$", "cpark_goto": r"^\d{3}$",
    "cspark_timeout": r"^\d{1,3}$", "cspark_dial": r"^\d{3}$", "cspark_goto": r"^\d{3}$",
    "limitsound": BOOL3, "limitemail": BOOL3, "notifyemail": EMAIL, "leavenational": BOOL3,
    "currency": "^.{1,3}$", "currencypos": "^(left|right)$", "dialed_num_minimum_length": r"^\d{1,4}$",
    "pstn_mode": BOOL3, "callgroups": "^[0-9]+(,[0-9]+)*$", "localcodecs": CODECS,
    "remotecodecs": CODECS, "remote_codecs": CODECS, "networkcodecs": CODECS, "hdcheck": BOOL3,
    "hdlockext": r"^\d{1}$", "hdlockdevice": r"^\d{1}$", "hdautologout": BOOL3,
    "hdlogoutinactive": r"^\d{1}$", "ringtonelocal": "^.+$", "ringtone_local": "^.+$",
    "hidecallerid": BOOL3, "allowescallerid": BOOL3, "enablecnamlookup": BOOL3,
    "setcidforgrouphunt": BOOL3, "cidmatchdid": BOOL3, "dropanonymous": BOOL3,
    "didsaveupdatecid": BOOL3, "forceunknown": BOOL3, "hideextnodir": BOOL3,
    "custompresencetime": r"^\d{1,4}$", "custompresenceetime": r"^\d{1,4}$", "usedynfeatures": BOOL3,
    "nobillingfwd": BOOL3, "cf_call_rating_disable": BOOL3,
    "jbimpl": "^(inherit|disabled|fixed|adaptive)$", "jbmaxsize": r"^\d{1,4}$",
    "jbresyncthreshold": r"^\d{1,5}$", "jbtargetextra": r"^\d{1,4}$", "allowextipauth": BOOL3,
    "voiceskippin": "^(1|0)$", "email_from": EMAIL, "vm_email_from": EMAIL,
    "local_channels": r"^\d{1,5}$", "remote_channels": r"^\d{1,5}$", "conferences": r"^\d{1,5}$",
    "queues": r"^\d{1,5}$", "enhanced_ring_groups": r"^\d{1,5}$", "auto_attendants": r"^\d{1,5}$",
    "dahdi": r"^\d{1,5}$", "dids_notify_email": EMAIL, "dids_notify_order": "^(did|date)$",
    "es_ambulance": r"^\d{3,16}$", "es_fire": r"^\d{3,16}$", "es_police": r"^\d{3,16}$",
    "es_notification_email": r"^([a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,30};?)+$",
    "ldap_enabled": "^(1|0)$", "ldap_local_exts": "^(1|0)?$", "ldap_hotdesking": "^(1|0)?$",
    "ldap_tls": "^(1|0)$", "ldap_password": "^.+$", "emerg_location_header": r"^[\w\-,]{1,100}$",
    "sso_enforced_tenant": "^(1|0)$", "max_contacts": r"^\d{1,2}$",
}

# Write name -> stored (read) name where they differ. ``enhanced_ring_groups`` is
# the README's observed write name for ERG channels.
WRITE_TO_READ = {
    "tenant_name": "name", "tenant_code": "tenantcode", "package": "package_id", "country": "country_id",
    "local_channels": "incominglimit", "remote_channels": "outgoinglimit", "conferences": "conch",
    "queues": "quech", "enhanced_ring_groups": "ergch", "auto_attendants": "aach", "dahdi": "zapch",
    "localcodecs": "local_codecs", "networkcodecs": "network_codecs",
}
# The reference and the Postman collection spell some write arguments apart
# (DIALECTS.md): each dialect accepts only its own spelling (strict mode refuses
# the other, non-strict ignores it). Write name -> stored name.
DIALECT_WRITES = {
    "reference": {"cspark_timeout": "cpark_timeout", "cspark_dial": "cpark_dial", "cspark_goto": "cpark_goto",
                  "ringtone_local": "ringtonelocal", "custompresenceetime": "custompresencetime",
                  "remote_codecs": "remote_codecs"},
    "postman": {"cpark_timeout": "cpark_timeout", "cpark_dial": "cpark_dial", "cpark_goto": "cpark_goto",
                "ringtonelocal": "ringtonelocal", "custompresencetime": "custompresencetime",
                "remotecodecs": "remote_codecs"},
}
# Stored name -> the name ``tenant.configuration`` shows, where a dialect's read
# differs from the stored one: the reference's "Tenant Configuration" lists
# cspark_* and custompresenceetime (ringtonelocal as stored); Postman's test
# reads cpark_*, custompresencetime, ringtonelocal (the stored names).
DIALECT_READS = {
    "reference": {"cpark_timeout": "cspark_timeout", "cpark_dial": "cspark_dial", "cpark_goto": "cspark_goto",
                  "custompresencetime": "custompresenceetime"},
    "postman": {},
}
# Postman's "Tenant Configuration" test lets these be null (or the literal word
# 'string', which no server sends): the postman dialect reads a setting of
# these that was never written, or is empty, as null. The others it requires
# as strings.
POSTMAN_NULLABLE = frozenset((
    "glocom_dns_srv_lookup", "glocomproxy", "cdrvoicemail", "faxformat", "faxfiletype", "status", "recordbeep",
    "ringtonelocal", "didsaveupdatecid", "enabletcalls", "tenantcid", "tenant_faxcid", "recordlimit",
    "area_code", "emergency_callerid_tenant", "audiolang", "apusername", "appassword", "notifyemail",
    "cpark_timeout", "cpark_dial", "cpark_goto", "hdlockext", "hdlockdevice", "hdlogoutinactive",
    "custompresencetime", "dialed_num_minimum_length", "recordglobal", "recordsilent", "hidecallerid",
    "allowescallerid", "enablecnamlookup", "setcidforgrouphunt", "cidmatchdid", "dropanonymous",
    "forceunknown", "hideextnodir", "usedynfeatures", "nobillingfwd", "cf_call_rating_disable",
    "allowextipauth", "voiceskippin", "usedefaultcid", "usedidcid", "finde164", "showdirosc",
    "leavenational", "limitsound", "limitemail", "pstn_mode", "hdcheck", "hdautologout",
))
# Observed live (not in the reference): ``aach`` is both read and write name.
# Accepted only when strict mode is off, like any other undocumented argument.
UNDOCUMENTED_WRITES = {"aach": "aach"}
CODEC_FIELDS = ("local_codecs", "remote_codecs", "network_codecs")

_DIALECT_NAMES = {name for names in DIALECT_WRITES.values() for name in names}
ADD_ARGS = sorted((set(PATTERNS) | {"server", "ldap_search_type"}) - _DIALECT_NAMES)
ADD_REQUIRED = ("tenant_name", "tenant_code", "package", "ext_length", "country", "national", "international")
EDIT_ARGS = sorted(set(ADD_ARGS) | {"id", "status"})
DIALECT_ARGS = {dialect: tuple(names) for dialect, names in DIALECT_WRITES.items()}
SECRETS = ("appassword", "ldap_password")

# Settings of a new tenant (read names; tenant.configuration shows exactly
# these keys plus the core ones). Channel limits default to 8 as observed.
DEFAULTS = {
    "area_code": "", "national": "", "international": "", "status": "1", "default_location": "1",
    "glocom_dns_srv_lookup": "0", "glocomproxy": "", "apusername": "", "appassword": "",
    "defaultserver": "0", "announcetrunks": "0", "absolutetimeout": "", "cdrvoicemail": "0",
    "faxformat": "letter", "faxfiletype": "1", "enabletcalls": "0", "disabletcid": "0", "tenantcid": "",
    "tenant_faxcid": "", "usedefaultcid": "0", "usedidcid": "0", "finde164": "0", "recordlimit": "10",
    "showdirosc": "0", "recordglobal": "0", "recordsilent": "0", "mp3_auto_conv": "no", "recordbeep": "",
    "recordformat": "wav", "audiolang": "en", "cpark_timeout": "", "cpark_dial": "", "cpark_goto": "",
    "limitsound": "0", "limitemail": "0", "notifyemail": "", "leavenational": "0", "currency": "$",
    "currencypos": "left", "dialed_num_minimum_length": "", "pstn_mode": "0", "callgroups": "",
    "incominglimit": "8", "outgoinglimit": "8", "conch": "8", "quech": "8", "ergch": "8", "aach": "8",
    "zapch": "8", "local_codecs": ["ulaw", "alaw"], "remote_codecs": ["ulaw", "alaw", "g729"],
    "network_codecs": ["ulaw", "alaw"], "hdcheck": "0", "hdlockext": "", "hdlockdevice": "",
    "hdautologout": "0", "hdlogoutinactive": "", "ringtonelocal": "", "hidecallerid": "0",
    "allowescallerid": "0", "enablecnamlookup": "0", "setcidforgrouphunt": "0", "cidmatchdid": "0",
    "dropanonymous": "0", "didsaveupdatecid": "0", "forceunknown": "0", "hideextnodir": "0",
    "custompresencetime": "", "usedynfeatures": "0", "nobillingfwd": "0", "cf_call_rating_disable": "0",
    "allowextipauth": "0", "voiceskippin": "0", "es_ambulance": "", "es_fire": "", "es_police": "",
    "es_notification_email": "", "emergency_callerid_tenant": "", "emerg_location_header": "",
    "max_contacts": "",
}
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)


def is_fqdn(name):
    labels = name.rstrip(".").split(".")
    return len(name) <= 253 and len(labels) >= 2 and all(_LABEL.match(label) for label in labels) \
        and not labels[-1].isdigit()


def _apply(request, record):
    """Copy the given write arguments into ``record`` under their read names."""
    strict_names = set(ADD_ARGS) - {"server", "ext_length"}
    dialect_names = DIALECT_WRITES[request.dialect]
    for name, value in request.args.items():
        if name in strict_names:
            key = WRITE_TO_READ.get(name, name)
        elif name in dialect_names:
            key = dialect_names[name]
        elif name in UNDOCUMENTED_WRITES:
            key = UNDOCUMENTED_WRITES[name]
        else:
            continue  # read names and anything else: silently ignored, like the real server
        record[key] = [c for c in value.split(":") if c] if key in CODEC_FIELDS else value


def _validate(state, record, tenant_id=None):
    for key in ("package_id", "country_id", "tenantcode"):  # fixtures may hold numbers
        record[key] = str(record[key])
    if not is_fqdn(record["name"]):
        raise ApiError("Tenant name '%s' is not a valid FQDN." % record["name"])
    if record["package_id"] not in state.collection("packages"):
        raise ApiError("Tenant package ID %s does not exist." % record["package_id"])
    if record["country_id"] not in state.collection("routes"):
        raise ApiError("Country ID %s does not exist." % record["country_id"])
    for other_id, other in state.collection("tenants").items():
        if other_id == tenant_id:
            continue
        if other["tenantcode"] == record["tenantcode"]:
            raise ApiError("Tenant code %s already exists." % record["tenantcode"])
        if other["name"].lower() == record["name"].lower():
            raise ApiError("Tenant name %s already exists." % record["name"])


def visible(state, tenant_id, tenant):
    """What reads show of ``tenant``: with ``tenant_edit_lag``, an edit shows only once its time has come.

    ``state.tenant_views[id]`` = {"base": record before the first pending edit,
    "pending": [(monotonic time it shows, record after the edit), ...] in edit order}.
    """
    view = state.tenant_views.get(str(tenant_id))
    if view is None:
        return tenant
    now = time.monotonic()
    shown = view["base"]
    for due, record in view["pending"]:
        if due <= now:
            shown = record
    if view["pending"][-1][0] <= now:  # everything has landed
        del state.tenant_views[str(tenant_id)]
        return tenant
    return shown


def _lag_edit(state, tenant_id, before, after):
    """Record an edit that reads will show only after ``tenant_edit_lag`` seconds."""
    lag = state.live.tenant_edit_lag
    view = state.tenant_views.get(tenant_id)
    if lag <= 0 and view is None:
        return
    if view is None:
        view = state.tenant_views[tenant_id] = {"base": copy.deepcopy(before), "pending": []}
    view["pending"].append((time.monotonic() + max(lag, 0.0), copy.deepcopy(after)))


def not_ready_error(state, tenant_id):
    """The error ``ext.add`` gets while a new tenant is still being provisioned, else None."""
    born = state.tenant_born.get(str(tenant_id))
    delay = state.live.tenant_ready_delay
    if born is not None and delay > 0 and time.monotonic() < born + delay:
        return "Tenant ID %s is not ready yet (services are being configured). Try again later." % tenant_id
    return None


def _codecs_read(state, value):
    if isinstance(value, list) and state.live.codec_suffixes:
        return [c + state.live.CODEC_SUFFIX for c in value]
    return value


@action("pbxware.tenant.list", guard=tenant_mode_only)
def tenant_list(request):
    state = request.state
    packages, routes = state.collection("packages"), state.collection("routes")

    def render(tenant_id, tenant):
        tenant = visible(state, tenant_id, tenant)
        route = routes.get(str(tenant["country_id"]), {})
        return {
            "name": tenant["name"],
            "tenantcode": str(tenant["tenantcode"]),
            "package_id": int(tenant["package_id"]),
            "package": packages.get(str(tenant["package_id"]), {}).get("name", ""),
            "ext_length": int(tenant["ext_length"]),
            "country_id": int(tenant["country_id"]),
            "country_code": int(route["code"]) if route.get("code", "").isdigit() else route.get("code", ""),
        }

    return by_id(state.collection("tenants"), render)


@action("pbxware.tenant.configuration", args=("id",), required=("id",), patterns={"id": r"^\d+$"},
        guard=tenant_mode_only)
def tenant_configuration(request):
    if request.get("id") == "1":
        # Observed: the system scope of a multi-tenant PBXware answers this way.
        raise ApiError(USE_TENANT_OBJECT)
    state = request.state
    tenant = get_record(state.collection("tenants"), request.get("id"), "Tenant")
    tenant = visible(state, request.get("id"), tenant)
    config = {"server_name": tenant["name"], "tenantcode": str(tenant["tenantcode"]),
              "package_id": str(tenant["package_id"]), "ext_length": str(tenant["ext_length"]),
              "country": str(tenant["country_id"])}
    postman = request.postman
    names = DIALECT_READS[request.dialect]
    for key, default in DEFAULTS.items():
        value = tenant.get(key, default)
        if postman and key in POSTMAN_NULLABLE and (key not in tenant or value == ""):
            value = None
        config[names.get(key, key)] = _codecs_read(state, value) if key in CODEC_FIELDS else value
    return config


@action("pbxware.tenant.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, secrets=SECRETS,
        patterns=PATTERNS, guard=tenant_mode_only, dialect_args=DIALECT_ARGS)
def tenant_add(request):
    require_master(request, optional=True)
    state = request.state
    record = {"ext_length": int(request.get("ext_length"))}
    _apply(request, record)
    _validate(state, record)
    tenant_id = state.next_id("tenants")
    state.collection("tenants")[str(tenant_id)] = record
    state.tenant_born[str(tenant_id)] = time.monotonic()
    return {"success": "Tenant ID: %d" % tenant_id, "id": tenant_id}


@action("pbxware.tenant.edit", args=EDIT_ARGS, required=("server", "id"), write=True, secrets=SECRETS,
        patterns=dict(PATTERNS, id=r"^\d+$", status="^(0|1|2)$"), guard=tenant_mode_only,
        dialect_args=DIALECT_ARGS)
def tenant_edit(request):
    require_master(request)
    state = request.state
    tenant_id = request.get("id")
    tenant = get_record(state.collection("tenants"), tenant_id, "Tenant")
    # The reference: ext_length "cannot be changed". Resending the same value is harmless.
    if request.has("ext_length") and int(request.get("ext_length")) != int(tenant["ext_length"]):
        raise ApiError("Extensions length cannot be changed.")
    updated = dict(tenant)
    _apply(request, updated)
    if request.has("status"):
        updated["status"] = request.get("status")
    _validate(state, updated, tenant_id)
    _lag_edit(state, tenant_id, tenant, updated)
    tenant.clear()
    tenant.update(updated)
    return {"success": "Tenant ID: %s" % tenant_id, "id": str(tenant_id)}


@action("pbxware.tenant.delete", args=("server", "id"), required=("server", "id"), write=True,
        patterns={"id": r"^\d+$"}, guard=tenant_mode_only)
def tenant_delete(request):
    require_master(request)
    state = request.state
    tenant_id = request.get("id")
    get_record(state.collection("tenants"), tenant_id, "Tenant")
    del state.collection("tenants")[tenant_id]
    state.tenant_born.pop(tenant_id, None)
    state.tenant_views.pop(tenant_id, None)
    # A tenant's objects go with it.
    for name in ("extensions", "dids"):
        collection = state.collection(name)
        for object_id in [k for k, v in collection.items() if str(v.get("server")) == tenant_id]:
            del collection[object_id]
    state.collection("tenant_trunks").pop(tenant_id, None)
    rules = state.collection("tenant_clirouting")
    for rule_id in [k for k, v in rules.items() if v["tenant"] == tenant_id]:
        del rules[rule_id]
    return {"success": "Deleted Tenant ID %s successfully." % tenant_id}


# ---------------------------------------------------------------------------
# Trunks & Tenants: ``pbxware.tenant.trunks.list|set``
# ---------------------------------------------------------------------------
# ``tenant_trunks``: tenant id -> {"trunks": [trunk ids in the order given],
# "primary_trunk": trunk id or "", ... "tertiary_emerg_trunk": ...}. A tenant
# without an entry has no trunks assigned. Reads show trunk NAMES (the
# reference example: "primary_trunk": "TestSIP", "trunks": "TestSIP, TestSIP2");
# writes take trunk IDs. ``*_trunk_cid`` cannot be written through the API:
# they read "" (unset).
TRUNK_SLOTS = ("primary_trunk", "secondary_trunk", "tertiary_trunk",
               "primary_emerg_trunk", "secondary_emerg_trunk", "tertiary_emerg_trunk")
TRUNK_CIDS = ("primary_trunk_cid", "secondary_trunk_cid", "tertiary_trunk_cid")
TRUNKS_SET_PATTERNS = dict({slot: r"^\d{1,10}$" for slot in TRUNK_SLOTS}, trunks="^[0-9,]+$")


def _tenant_of(request, name="tenant"):
    """The tenant an action names: an existing tenant in tenant mode, 1 otherwise."""
    tenant_id = request.get(name) or ""
    state = request.state
    if state.tenant_mode:
        get_record(state.collection("tenants"), tenant_id, "Tenant")
    elif tenant_id != "1":
        raise ApiError("Tenant ID %s does not exist." % tenant_id)
    return tenant_id


def _trunk_name(state, trunk_id):
    trunk = state.collection("trunks").get(str(trunk_id))
    return trunk["name"] if trunk else ""


def forget_trunk(state, trunk_id):
    """A deleted trunk leaves every tenant's trunk settings (called by ``trunk.delete``)."""
    trunk_id = str(trunk_id)
    for settings in state.collection("tenant_trunks").values():
        settings["trunks"] = [t for t in settings.get("trunks", []) if t != trunk_id]
        for slot in TRUNK_SLOTS:
            if settings.get(slot) == trunk_id:
                settings[slot] = ""


@action("pbxware.tenant.trunks.list", args=("tenant",), required=("tenant",), guard=tenant_mode_only)
def tenant_trunks_list(request):
    state = request.state
    tenant_id = _tenant_of(request)
    settings = state.collection("tenant_trunks").get(tenant_id, {})
    answer = {slot: _trunk_name(state, settings.get(slot, "")) for slot in TRUNK_SLOTS[:3]}
    names = [_trunk_name(state, t) for t in settings.get("trunks", [])]
    answer["trunks"] = ", ".join(n for n in names if n)
    answer.update({slot: _trunk_name(state, settings.get(slot, "")) for slot in TRUNK_SLOTS[3:]})
    answer.update({cid: "" for cid in TRUNK_CIDS})
    return answer


@action("pbxware.tenant.trunks.set", args=("tenant", "trunks") + TRUNK_SLOTS, required=("tenant",), write=True,
        patterns=TRUNKS_SET_PATTERNS, guard=tenant_mode_only)
def tenant_trunks_set(request):
    state = request.state
    tenant_id = _tenant_of(request)
    trunks = state.collection("trunks")
    settings = dict(state.collection("tenant_trunks").get(tenant_id, {}))
    if "trunks" in request.args:
        ids = []
        for trunk_id in request.get("trunks").split(","):
            if trunk_id == "":
                continue
            trunk_id = str(int(trunk_id))
            if trunk_id not in trunks:
                raise ApiError("Trunk ID %s does not exist." % trunk_id)
            if trunk_id not in ids:
                ids.append(trunk_id)
        settings["trunks"] = ids
    for slot in TRUNK_SLOTS:
        if slot not in request.args:
            continue
        trunk_id = str(int(request.get(slot))) if request.get(slot) else ""
        if trunk_id and trunk_id not in trunks:
            raise ApiError("Trunk ID %s does not exist." % trunk_id)
        settings[slot] = trunk_id
    state.collection("tenant_trunks")[tenant_id] = settings
    return {"success": "Success."}


# ---------------------------------------------------------------------------
# CLI routing of a tenant: ``pbxware.tenant.clirouting.list|add|edit|delete``
# ---------------------------------------------------------------------------
# ``tenant_clirouting``: id -> {"tenant", "callerid", "dest_type", "destination",
# "matchexplicitly"}. Works in both modes: without tenant mode ``tenant`` is 1.
# The list shows the destination as ``ext``, the destination type as a label
# (the reference's only example: "network user" for an extension) and
# ``matchexplicitly`` as ``matchtype``.
DEST_LABELS = {
    "0": "network user", "1": "multi user", "2": "ring group", "3": "ivr", "4": "queue", "5": "voicemail",
    "6": "remote access", "7": "conference", "8": "trunk", "9": "fax to e-mail", "10": "deny access",
    "11": "crm routing",
}
DEST_TRUNK, DEST_DENY, DEST_EXTENSION = "8", "10", "0"
CLIROUTING_ARGS = ("tenant", "callerid", "dest_type", "destination", "matchexplicitly")
# Postman: tenant and callerid /^\d+$/ (cliroutingid too on edit); dest_type and
# matchexplicitly are the reference's enumerations.
CLIROUTING_PATTERNS = {"tenant": r"^\d+$", "callerid": r"^\d+$", "dest_type": "^([0-9]|1[01])$",
                       "matchexplicitly": "^(0|1)$"}


def _check_destination(state, tenant_id, rule):
    dest_type, destination = rule["dest_type"], rule["destination"]
    if dest_type == DEST_DENY:
        rule["destination"] = ""
        return
    if destination == "":
        raise ApiError("Required field 'destination' is missing")
    if dest_type == DEST_TRUNK:
        if destination not in state.collection("trunks"):
            raise ApiError("Trunk ID %s does not exist." % destination)
    elif dest_type == DEST_EXTENSION:
        if not any(str(e.get("server")) == tenant_id and str(e.get("ext")) == destination
                   for e in state.collection("extensions").values()):
            raise ApiError("Extension %s does not exist." % destination)


def _rule(state, tenant_id, rule_id):
    rule = state.collection("tenant_clirouting").get(str(rule_id))
    if rule is None or rule["tenant"] != tenant_id:
        raise ApiError("CLI Routing ID %s does not exist." % rule_id)
    return rule


@action("pbxware.tenant.clirouting.list", args=("tenant",), required=("tenant",))
def tenant_clirouting_list(request):
    tenant_id = _tenant_of(request)
    rules = {k: v for k, v in request.state.collection("tenant_clirouting").items() if v["tenant"] == tenant_id}
    return {"success": by_id(rules, lambda _id, r: {
        "callerid": r["callerid"], "ext": r["destination"], "type": DEST_LABELS[r["dest_type"]],
        "matchtype": r["matchexplicitly"]}) or []}


@action("pbxware.tenant.clirouting.add", args=CLIROUTING_ARGS, required=CLIROUTING_ARGS, write=True,
        patterns=CLIROUTING_PATTERNS)
def tenant_clirouting_add(request):
    state = request.state
    tenant_id = _tenant_of(request)
    rule = {"tenant": tenant_id}
    rule.update({name: request.get(name) for name in CLIROUTING_ARGS[1:]})
    _check_destination(state, tenant_id, rule)
    rule_id = str(state.next_id("tenant_clirouting"))
    state.collection("tenant_clirouting")[rule_id] = rule
    return {"success": "CLI Routing ID: %s." % rule_id, "id": rule_id}


@action("pbxware.tenant.clirouting.edit", args=CLIROUTING_ARGS + ("cliroutingid",),
        required=("tenant", "cliroutingid"), write=True,
        patterns=dict(CLIROUTING_PATTERNS, cliroutingid=r"^\d+$"))
def tenant_clirouting_edit(request):
    state = request.state
    tenant_id = _tenant_of(request)
    rule_id = request.get("cliroutingid")
    rule = _rule(state, tenant_id, rule_id)
    updated = dict(rule)
    for name in CLIROUTING_ARGS[1:]:
        if request.has(name):
            updated[name] = request.get(name)
    _check_destination(state, tenant_id, updated)
    rule.update(updated)
    return {"success": "CLI Routing ID: %s." % rule_id, "id": str(rule_id)}


@action("pbxware.tenant.clirouting.delete", args=("tenant", "cliroutingid"), required=("tenant", "cliroutingid"),
        write=True)
def tenant_clirouting_delete(request):
    state = request.state
    tenant_id = _tenant_of(request)
    rule_id = request.get("cliroutingid")
    _rule(state, tenant_id, rule_id)
    del state.collection("tenant_clirouting")[rule_id]
    return {"success": "CLI Routing successfully deleted!"}
