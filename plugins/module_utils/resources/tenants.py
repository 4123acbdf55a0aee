# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tenants, their packages, trunk assignment and CLI routing: resource tables and lookups.

Tenants are read with ``pbxware.tenant.list`` (core fields) merged with
``pbxware.tenant.configuration`` (everything else). Read and write names
differ: the list says ``name``/``tenantcode``/``package_id``, the
configuration ``server_name``/``country`` and channel limits under
``incominglimit``, ``conch``...; writes take ``tenant_name``, ``tenant_code``,
``package``, ``country`` and ``local_channels``, ``conferences``...
Every tenant write and every package edit/delete need ``server=1``.

Packages: ``pbxware.package.list`` answers ID -> name only (no row object),
``pbxware.package.configuration`` reads ``ext``/``voicemail``/``ivr``/``cf``
that are written as ``extensions``/``voicemails``/``ivrs``/``cfs``.

Trunk assignment (``tenant.trunks``) and CLI routing (``tenant.clirouting``)
name the tenant with ``tenant`` (its ID), not ``server``.
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import ColonList, CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, collection, comma_list, ident, to_bool, to_int, to_lower, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError, Resource
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import find_tenant, list_tenants
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.codecs import check_codecs, codec_list
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import cli_route_resource

TENANT_STATUS = {"0": "inactive", "1": "active", "2": "suspended"}
TENANT_STATUS_CODES = dict((name, int(code)) for code, name in TENANT_STATUS.items())

# (seconds, interval) of reading a tenant back after a write, documented in pbxware_tenant.
TENANT_SETTLE = (20, 2)

TENANT = Resource(
    "tenant",
    [
        Field("tenant_code", read="tenantcode", resend_on_edit=True),
        # An FQDN: compared (and sent) in lower case, as DNS names are case-insensitive.
        Field("name", api="tenant_name", read="name", normalize=to_lower, required_on_create=True, resend_on_edit=True),
        Field("package", read="package_id", normalize=ident, required_on_create=True, resend_on_edit=True),
        Field("ext_length", read="ext_length", required_on_create=True, create_only=True),
        Field("country", read="country", normalize=ident, required_on_create=True, resend_on_edit=True),
        Field("national", required_on_create=True, resend_on_edit=True),
        Field("international", required_on_create=True, resend_on_edit=True),
        Field("area_code"),
        # pbxware.tenant.edit only (Not Active=0, Active=1, Suspended=2); the module never sends it on add.
        Field("status", normalize=choice_map(TENANT_STATUS), to_api=lambda value: TENANT_STATUS_CODES[value]),
        Field("http_password", api="appassword", read="appassword", secret=True),
        Field("ldap_password", write_only=True, secret=True),
    ],
    identity=["tenant_code"],
    api_object="tenant",
    read_method="configuration",
    master_server_actions=("add", "edit", "delete"),
    # Live servers apply tenant edits with a lag: read back for up to 20 s before concluding anything.
    settle=TENANT_SETTLE,
)

# Every other documented argument of pbxware.tenant.add/edit, by WRITE name, with
# the key pbxware.tenant.configuration shows it under (None: not returned, write-only).
# Where the vendor's sources spell an argument apart, the reference's names are the
# keys here and TENANT_SPELLINGS has the others (docs/dialects.md).
TENANT_OPTIONS = {
    "glocom_dns_srv_lookup": "glocom_dns_srv_lookup", "glocomproxy": "glocomproxy", "apusername": "apusername",
    "defaultserver": "defaultserver", "announcetrunks": "announcetrunks", "absolutetimeout": "absolutetimeout",
    "cdrvoicemail": "cdrvoicemail", "faxformat": "faxformat", "faxfiletype": "faxfiletype",
    "default_location": "default_location", "enabletcalls": "enabletcalls", "disabletcid": "disabletcid",
    "tenantcid": "tenantcid", "tenant_faxcid": "tenant_faxcid", "usedefaultcid": "usedefaultcid",
    "usedidcid": "usedidcid", "finde164": "finde164", "recordlimit": "recordlimit", "showdirosc": "showdirosc",
    "recordglobal": "recordglobal", "recordsilent": "recordsilent", "mp3_auto_conv": "mp3_auto_conv",
    "recordbeep": "recordbeep", "recordformat": "recordformat", "audiolang": "audiolang",
    "cspark_timeout": "cspark_timeout", "cspark_dial": "cspark_dial", "cspark_goto": "cspark_goto",
    "limitsound": "limitsound", "limitemail": "limitemail", "notifyemail": "notifyemail",
    "leavenational": "leavenational", "currency": "currency", "currencypos": "currencypos",
    "dialed_num_minimum_length": "dialed_num_minimum_length", "pstn_mode": "pstn_mode",
    "callgroups": "callgroups", "localcodecs": "local_codecs", "remote_codecs": "remote_codecs",
    "networkcodecs": "network_codecs", "hdcheck": "hdcheck", "hdlockext": "hdlockext",
    "hdlockdevice": "hdlockdevice", "hdautologout": "hdautologout", "hdlogoutinactive": "hdlogoutinactive",
    "ringtone_local": "ringtonelocal", "hidecallerid": "hidecallerid", "allowescallerid": "allowescallerid",
    "enablecnamlookup": "enablecnamlookup", "setcidforgrouphunt": "setcidforgrouphunt",
    "cidmatchdid": "cidmatchdid", "dropanonymous": "dropanonymous", "didsaveupdatecid": "didsaveupdatecid",
    "forceunknown": "forceunknown", "hideextnodir": "hideextnodir", "custompresenceetime": "custompresenceetime",
    "usedynfeatures": "usedynfeatures", "nobillingfwd": "nobillingfwd",
    "cf_call_rating_disable": "cf_call_rating_disable", "allowextipauth": "allowextipauth",
    "voiceskippin": "voiceskippin", "es_ambulance": "es_ambulance", "es_fire": "es_fire",
    "es_police": "es_police", "es_notification_email": "es_notification_email",
    "emerg_location_header": "emerg_location_header", "max_contacts": "max_contacts",
    # Channel limits: written and read under different names.
    "local_channels": "incominglimit", "remote_channels": "outgoinglimit", "conferences": "conch",
    "queues": "quech", "enhanced_ring_groups": "ergch", "auto_attendants": "aach", "dahdi": "zapch",
    # Not returned by pbxware.tenant.configuration.
    "jbimpl": None, "jbmaxsize": None, "jbresyncthreshold": None, "jbtargetextra": None, "email_from": None,
    "vm_email_from": None, "dids_notify_email": None, "dids_notify_order": None, "ldap_enabled": None,
    "ldap_local_exts": None, "ldap_hotdesking": None, "ldap_tls": None, "ldap_search_type": None,
}
# Reference write name -> the other (write, read) spellings: the Postman collection's
# (cpark_*, custompresencetime, ringtonelocal, remotecodecs) and a live client's (aach).
# Reads find whichever the server answers with; writes use the user's spelling, or the
# one the server reads, and the other when the server refuses it (runner).
TENANT_SPELLINGS = {
    "cspark_timeout": (("cpark_timeout", "cpark_timeout"),),
    "cspark_dial": (("cpark_dial", "cpark_dial"),),
    "cspark_goto": (("cpark_goto", "cpark_goto"),),
    "custompresenceetime": (("custompresencetime", "custompresencetime"),),
    "ringtone_local": (("ringtonelocal", None),),
    "remote_codecs": (("remotecodecs", None),),
    "auto_attendants": (("aach", None),),
}
REFERENCE_SPELLING = dict((other, name) for name, others in TENANT_SPELLINGS.items() for other, read in others)
TENANT_CODEC_OPTIONS = ("localcodecs", "remote_codecs", "networkcodecs")
# Keys that have an option of their own (or are read names users might try).
TENANT_OPTION_ALIASES = {
    "tenant_name": "name", "tenant_code": "tenant_code", "package": "package", "ext_length": "ext_length",
    "country": "country", "national": "national", "international": "international", "area_code": "area_code",
    "status": "status", "appassword": "http_password", "ldap_password": "ldap_password",
}
TENANT_READ_NAMES = dict((read, write) for write, read in TENANT_OPTIONS.items() if read and read != write)

TENANT_CODE = re.compile(r"^\d{3}$")
DIGITS = re.compile(r"^\d{1,50}$")
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$", re.IGNORECASE)


def tenant_option_fields(options):
    """One field per key of the tenant's ``options`` dict (write names; unknown keys are an error)."""
    fields = []
    for key in sorted(options or {}):
        reference = REFERENCE_SPELLING.get(key, key)
        if key in TENANT_OPTION_ALIASES:
            raise ReconcileError("options.%s has an option of its own: use %s" % (key, TENANT_OPTION_ALIASES[key]),
                                 "options")
        if key in TENANT_READ_NAMES and key not in REFERENCE_SPELLING:
            raise ReconcileError("options.%s is the name pbxware.tenant.configuration reads; the API writes it as "
                                 "%s (the read name is silently ignored on write)" % (key, TENANT_READ_NAMES[key]),
                                 "options")
        if reference not in TENANT_OPTIONS:
            raise ReconcileError("options.%s is not a documented argument of pbxware.tenant.add/edit; known: %s"
                                 % (key, ", ".join(sorted(TENANT_OPTIONS))), "options")
        # Every spelling with where it is read (the reference's read where it has none of its own);
        # the user's spelling is the field's own, the others are tried after it.
        reference_read = TENANT_OPTIONS[reference]
        spelled = [(api, other_read or reference_read) for api, other_read in
                   [(reference, reference_read)] + list(TENANT_SPELLINGS.get(reference, ()))]
        read = dict(spelled)[key] if reference_read else None
        spellings = [(api, other_read) for api, other_read in spelled if api != key]
        if reference in TENANT_CODEC_OPTIONS:
            fields.append(Field("options." + key, api=key, read=read, normalize=codec_list, to_api=ColonList,
                                spellings=spellings))
        else:
            fields.append(Field("options." + key, api=key, read=read, write_only=read is None, spellings=spellings))
    return fields


def is_fqdn(name):
    labels = name.rstrip(".").split(".")
    return len(name) <= 253 and len(labels) >= 2 and all(_LABEL.match(label) for label in labels) \
        and not labels[-1].isdigit()


def validate_tenant(params):
    """Refuse what the server would, before any API call."""
    code = to_str(params.get("tenant_code"))
    if code is None or not TENANT_CODE.match(code):
        raise ReconcileError("tenant_code must be exactly 3 digits, got %r" % code, "tenant_code")
    name = to_str(params.get("name"))
    if name is not None and not is_fqdn(name):
        raise ReconcileError("name must be a fully qualified domain name (t1.example.com), got %r" % name, "name")
    ext_length = params.get("ext_length")
    if ext_length is not None and not 2 <= int(ext_length) <= 16:
        raise ReconcileError("ext_length must be between 2 and 16, got %s" % ext_length, "ext_length")
    for name in ("national", "international", "area_code"):
        value = to_str(params.get(name))
        if value and not DIGITS.match(value):
            raise ReconcileError("%s must be digits only, got %r" % (name, value), name)
    for name in ("national", "international"):
        if to_str(params.get(name)) == "":
            raise ReconcileError("%s cannot be empty" % name, name)
    for key, value in sorted((params.get("options") or {}).items()):
        if REFERENCE_SPELLING.get(key, key) in TENANT_CODEC_OPTIONS:
            check_codecs(value, "options." + key)


def _rows(client, action):
    return collection(client.read(action, {}))


def resolve_package(client, wanted):
    """The ID of the tenant package named (case-insensitive) or numbered ``wanted``."""
    text = to_str(wanted)
    rows = _rows(client, "pbxware.package.list")
    names = {}
    for package_id, row in rows.items():
        names[ident(package_id)] = to_str(row.get("name") if isinstance(row, dict) else row)
    if text in names:
        return text
    for package_id, name in names.items():
        if (name or "").lower() == text.lower():
            return package_id
    raise ReconcileError("package %r is not the name or ID of a tenant package on this PBXware; known: %s"
                         % (text, ", ".join(sorted(name for name in names.values() if name)) or "none"), "package")


def resolve_country(client, wanted):
    """The route (country) ID for ``wanted``: a route ID, a country name or a dialling code.

    An ID wins over a dialling code; a code several countries share (1: Canada,
    United States) is an error naming them.
    """
    text = to_str(wanted)
    rows = _rows(client, "pbxware.route.list")
    routes = {}
    for route_id, row in rows.items():
        if isinstance(row, dict):
            code, name = row.get("code"), row.get("name")
        elif isinstance(row, (list, tuple)) and len(row) >= 2:
            code, name = row[0], row[1]
        else:
            continue
        routes[ident(route_id)] = (to_str(code), to_str(name))
    if text in routes:
        return text
    by_name = [route_id for route_id, (code, name) in routes.items() if to_lower(name) == text.lower()]
    if len(by_name) == 1:
        return by_name[0]
    by_code = sorted((route_id for route_id, (code, name) in routes.items() if code == text.lstrip("+")), key=int)
    if len(by_code) == 1:
        return by_code[0]
    if by_code:
        raise ReconcileError("country code %s is shared by %s; give the country's name or route ID"
                             % (text, ", ".join("%s (ID %s)" % (routes[i][1], i) for i in by_code)), "country")
    close = sorted(name for code, name in routes.values() if name and text.lower() in name.lower())
    hint = "; similar: %s" % ", ".join(close[:5]) if close else ""
    raise ReconcileError("country %r is not a route ID, country name or dialling code known to pbxware.route.list%s"
                         % (text, hint), "country")


def tenant_resolver(client):
    """Resolve ``package`` and ``country`` to IDs; a value matching the current tenant costs no lookup."""

    def resolve(params, raw):
        current = raw or {}
        name = to_lower(params.get("name"))
        if name is not None and name != to_lower(current.get("name")):
            # Names are unique: PBXware refuses a taken one only after the write, or not at all.
            taken = find_tenant(list_tenants(client), name)
            if taken is not None and taken["tenant_code"] != to_str(params.get("tenant_code")):
                raise ReconcileError("name %s is taken by tenant %s (code %s)" % (name, taken["id"], taken["tenant_code"]),
                                     "name")
        package = params.get("package")
        if package is not None:
            if raw is not None and to_str(package) == ident(current.get("package_id")):
                params["package"] = to_str(package)
            elif raw is not None and current.get("package") and to_lower(package) == to_lower(current.get("package")):
                params["package"] = ident(current.get("package_id"))
            else:
                params["package"] = resolve_package(client, package)
        country = params.get("country")
        if country is not None and not (raw is not None and to_str(country) == ident(current.get("country"))):
            params["country"] = resolve_country(client, country)
        return params

    return resolve


def find_tenant_id(client, tenant_code):
    """The ID of the tenant with ``tenant_code`` in a fresh ``pbxware.tenant.list`` read, or ``None``."""
    for tenant_id, row in collection(client.read("pbxware.tenant.list", {})).items():
        if to_str(row.get("tenantcode")) == to_str(tenant_code):
            return ident(tenant_id)
    return None


def tenant_code_by_name(client, name):
    """The tenant code of the tenant named ``name`` (case-insensitive), or ``None`` (one ``tenant.list`` read)."""
    row = find_tenant(list_tenants(client), name)
    return row["tenant_code"] if row is not None else None


def ensure_tenant_gone(client, tenant_code):
    """After a delete the API answered as a success: one more list read proves it (some servers keep the tenant)."""
    still = find_tenant_id(client, tenant_code)
    if still is not None:
        raise ReconcileError("the server reported success but tenant %s still exists (ID %s)" % (tenant_code, still),
                             "state")


# -- tenant packages -----------------------------------------------------------

_LIMITS = (("extensions", "ext"), ("voicemails", "voicemail"), ("queues", "queues"), ("cfs", "cf"),
           ("rgroups", "rgroups"), ("hot_desking", "hot_desking"), ("ivrs", "ivr"))

TENANT_PACKAGE = Resource(
    "tenant package",
    [
        Field("name", required_on_create=True),
        Field("service_plan", normalize=ident),
        Field("restrict_splans", normalize=to_bool),
        Field("allowed_service_plans", normalize=comma_list, to_api=",".join),
        Field("call_recordings", normalize=to_bool, required_on_create=True),
        Field("monitoring", normalize=to_bool, required_on_create=True),
        Field("call_screening", normalize=to_bool, required_on_create=True),
    ] + [Field(name, read=read, normalize=to_int, required_on_create=True) for name, read in _LIMITS],
    identity=["name"],
    api_object="package",
    read_method="configuration",
    master_server_actions=("edit", "delete"),
    scalar_rows="name",
)
PACKAGE_LIMITS = tuple(name for name, read in _LIMITS)


def validate_package(params):
    for name in PACKAGE_LIMITS:
        value = params.get(name)
        if value is not None and not 0 <= int(value) <= 9999:
            raise ReconcileError("%s must be between 0 and 9999, got %s" % (name, value), name)
    for plan_id in comma_list(params.get("allowed_service_plans")) or []:
        if not plan_id.isdigit():
            raise ReconcileError("allowed_service_plans holds service plan IDs, got %r" % plan_id,
                                 "allowed_service_plans")
    service_plan = to_str(params.get("service_plan"))
    if service_plan and not service_plan.isdigit():
        raise ReconcileError("service_plan is a service plan ID, got %r" % service_plan, "service_plan")
    if params.get("restrict_splans") and not params.get("allowed_service_plans"):
        raise ReconcileError("restrict_splans=true needs allowed_service_plans", "allowed_service_plans")


# -- trunk assignment and CLI routing ---------------------------------------------------

TENANT_CLI_ROUTE = cli_route_resource("tenant CLI routing rule", "tenant.clirouting", list_key="success")

# Module option -> API name of the trunk slots (read and written under the same names).
TRUNK_SLOTS = (
    ("primary_trunk", "primary_trunk"), ("secondary_trunk", "secondary_trunk"), ("tertiary_trunk", "tertiary_trunk"),
    ("primary_emergency_trunk", "primary_emerg_trunk"), ("secondary_emergency_trunk", "secondary_emerg_trunk"),
    ("tertiary_emergency_trunk", "tertiary_emerg_trunk"),
)


class TrunkNames(object):
    """``trunks.list`` reads trunk names, ``trunks.set`` writes IDs: both sides compared as names."""

    def __init__(self, trunk_list):
        self.names = dict((ident(trunk_id), to_str(row.get("name"))) for trunk_id, row in collection(trunk_list).items())
        self.ids = dict((name.lower(), trunk_id) for trunk_id, name in self.names.items() if name)

    def name(self, value):
        """The trunk's name from its name (any case) or ID; ``""`` is an empty slot."""
        text = to_str(value)
        if text is None or text == "":
            return text
        if text in self.names:
            return self.names[text]
        if text.lower() in self.ids:
            return self.names[self.ids[text.lower()]]
        close = difflib.get_close_matches(text, list(self.names.values()), n=3, cutoff=0.4)
        raise ValueError("%r is not the name or ID of a trunk on this PBXware%s"
                         % (text, "; closest: %s" % ", ".join(close) if close else ""))

    def names_list(self, value):
        if value is None:
            return None
        items = value if isinstance(value, (list, tuple)) else to_str(value).split(",")
        return [self.name(item) for item in items if to_str(item)]

    def trunk_id(self, name):
        return self.ids[name.lower()] if name else ""


def tenant_trunks_resource(trunk_names):
    fields = [Field("trunks", normalize=trunk_names.names_list,
                    to_api=lambda names: CommaList(trunk_names.trunk_id(name) for name in names))]
    fields += [Field(option, api=api, normalize=trunk_names.name, to_api=trunk_names.trunk_id)
               for option, api in TRUNK_SLOTS]
    return Resource("tenant trunks", fields, identity=(), api_object="tenant.trunks", singleton=True,
                    write_methods={"update": "set"})
