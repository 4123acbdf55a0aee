"""Tenants: ``pbxware.tenant.list|configuration|add|edit|delete``.

A record in ``tenants`` holds the shared core keys (``name``, ``tenantcode``,
``package_id``, ``ext_length`` as int, ``country_id``) plus every other setting
under its READ name (``incominglimit``, ``conch``...). Writes use different
names (``local_channels``, ``conferences``...): ``WRITE_TO_READ`` maps them.
Read names sent on a write are silently ignored by the real server; in strict
mode they are undocumented and rejected before reaching the handler.
"""
import re

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

# Write name -> read name where they differ. The reference and the Postman
# collection spell some arguments differently (cspark_/cpark_, remote_codecs/
# remotecodecs...): both spellings are accepted. ``enhanced_ring_groups`` is the
# README's observed write name for ERG channels.
WRITE_TO_READ = {
    "tenant_name": "name", "tenant_code": "tenantcode", "package": "package_id", "country": "country_id",
    "local_channels": "incominglimit", "remote_channels": "outgoinglimit", "conferences": "conch",
    "queues": "quech", "enhanced_ring_groups": "ergch", "auto_attendants": "aach", "dahdi": "zapch",
    "localcodecs": "local_codecs", "remotecodecs": "remote_codecs", "networkcodecs": "network_codecs",
    "cspark_timeout": "cpark_timeout", "cspark_dial": "cpark_dial", "cspark_goto": "cpark_goto",
    "ringtone_local": "ringtonelocal", "custompresenceetime": "custompresencetime",
}
# Observed live (not in the reference): ``aach`` is both read and write name.
# Accepted only when strict mode is off, like any other undocumented argument.
UNDOCUMENTED_WRITES = {"aach": "aach"}
CODEC_FIELDS = ("local_codecs", "remote_codecs", "network_codecs")

ADD_ARGS = sorted(set(PATTERNS) | {"server", "ldap_search_type"})
ADD_REQUIRED = ("tenant_name", "tenant_code", "package", "ext_length", "country", "national", "international")
EDIT_ARGS = sorted(set(ADD_ARGS) | {"id", "status"})
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
    for name, value in request.args.items():
        if name in strict_names:
            key = WRITE_TO_READ.get(name, name)
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


@action("pbxware.tenant.list", guard=tenant_mode_only)
def tenant_list(request):
    state = request.state
    packages, routes = state.collection("packages"), state.collection("routes")

    def render(tenant_id, tenant):
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
    tenant = get_record(request.state.collection("tenants"), request.get("id"), "Tenant")
    config = {"server_name": tenant["name"], "tenantcode": str(tenant["tenantcode"]),
              "package_id": str(tenant["package_id"]), "ext_length": str(tenant["ext_length"]),
              "country": str(tenant["country_id"])}
    for key, default in DEFAULTS.items():
        config[key] = tenant.get(key, default)
    return config


@action("pbxware.tenant.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, secrets=SECRETS,
        patterns=PATTERNS, guard=tenant_mode_only)
def tenant_add(request):
    require_master(request, optional=True)
    state = request.state
    record = {"ext_length": int(request.get("ext_length"))}
    _apply(request, record)
    _validate(state, record)
    tenant_id = state.next_id("tenants")
    state.collection("tenants")[str(tenant_id)] = record
    return {"success": "Tenant ID: %d" % tenant_id, "id": tenant_id}


@action("pbxware.tenant.edit", args=EDIT_ARGS, required=("server", "id"), write=True, secrets=SECRETS,
        patterns=dict(PATTERNS, id=r"^\d+$", status="^(0|1|2)$"), guard=tenant_mode_only)
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
    # A tenant's objects go with it.
    for name in ("extensions", "dids"):
        collection = state.collection(name)
        for object_id in [k for k, v in collection.items() if str(v.get("server")) == tenant_id]:
            del collection[object_id]
    return {"success": "Deleted Tenant ID %s successfully." % tenant_id}
