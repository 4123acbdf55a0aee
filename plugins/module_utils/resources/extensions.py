# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Extensions: the extension resource and the parts of an extension with actions of their own.

Write names (``pbxware.ext.add``/``edit``) and read names
(``pbxware.ext.configuration`` over the ``pbxware.ext.list`` row) differ:
``prot``/``protocol``, ``ua``/``ua_id``, ``status=1``/``"enabled"``,
``location=1``/``"local"``, limits and secret under ``options``, ``acodecs``
colon list/``options.allow`` list.

Parts with actions of their own: additional MAC addresses
(``pbxware.ext.additional_macs``, read back in ``ext.configuration``),
editions & modules (``ext.editions_modules.*``), and the date format of the
balance history actions.
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import ColonList, CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.lookups import resolve_by_name
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import is_secret_key
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, collection, comma_list, ident, to_bool, to_int, to_lower, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ParentMissing, ReconcileError, Resource)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.codecs import check_codecs, codec_list

LOCATIONS = {"local": 1, "remote": 2}
STATUSES = {"enabled": 1, "disabled": 0}


def extension_number(value):
    """An extension number: digits only (a normaliser, so it is judged before any call)."""
    text = to_str(value)
    if text is not None and not re.match(r"^\d+$", text):
        raise ValueError("an extension number is digits only")
    return text


def check_extension_number(number, parameter="extension"):
    try:
        extension_number(number)
    except ValueError as err:
        raise ReconcileError("%s: %s, got %r" % (parameter, err, number), parameter)


def find_extension(client, server, number, tenant_row=None):
    """The ID of extension ``number`` (one ``ext.list`` read); the object a task acts on must exist."""
    check_length(number, tenant_row)
    for object_id, row in collection(client.read("pbxware.ext.list", {"server": server})).items():
        if to_str(row.get("ext")) == to_str(number):
            return ident(object_id)
    raise ParentMissing("extension %s does not exist in this tenant" % number, "extension")


# Module option -> Field. Create defaults live in the module's argument spec docs,
# not here: only what the user set is compared.
EXTENSION = Resource(
    "extension",
    [
        Field("extension", api="ext", normalize=extension_number, required_on_create=True, create_only=True),
        Field("name", required_on_create=True),
        Field("email", required_on_create=True),
        Field("protocol", api="prot", read="protocol", normalize=to_lower, required_on_create=True),
        Field("location", read="location", required_on_create=True,
              normalize=choice_map(dict((str(code), name) for name, code in LOCATIONS.items())),
              to_api=LOCATIONS.get),
        Field("user_agent", api="ua", read="ua_id", normalize=ident, required_on_create=True),
        Field("status", read="status", required_on_create=True,
              normalize=choice_map(dict((str(code), name) for name, code in STATUSES.items())),
              to_api=STATUSES.get),
        Field("pin", read="pin", secret=True, required_on_create=True),
        Field("secret", read="options.secret", secret=True, required_on_create=True),
        Field("password", write_only=True, secret=True),
        Field("incoming_limit", api="incominglimit", read="options.incominglimit", normalize=to_int,
              required_on_create=True),
        Field("outgoing_limit", api="outgoinglimit", read="options.outgoinglimit", normalize=to_int,
              required_on_create=True),
        Field("voicemail", read="options.voicemail", normalize=to_bool, required_on_create=True),
        Field("department", read="department", normalize=comma_list, to_api=CommaList),
        Field("service_plan", read="service_plan"),
        Field("user_language", read="user_language"),
        Field("codecs", api="acodecs", read="options.allow", normalize=codec_list, to_api=ColonList),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="configuration",
    # ext.configuration finds an extension by its number; the list is read only for the fields it alone has.
    lookup_param="ext",
    list_only_reads=("department", "sn", "user_location"),
    refused_create_hint=(
        "Nothing was created. If the tenant was created in the last few minutes, PBXware may still be "
        "provisioning it and refuses extensions until it is done: rerun the task, or give it retries "
        "(until: result is not failed) - a refused create is safe to retry"),
)

# Every other argument pbxware.ext.add/edit documents, by API name, with where
# ext.configuration (or the list row) returns it; None = never returned (write-only).
OPTION_READ_PATHS = dict(
    [(name, "options." + name) for name in (
        "dtmfmode", "canreinvite", "qualify", "recordcalls", "autoprovisiong", "ringtime",
        "incoming_dialoptions", "vmailsend", "vmailattach", "vmaildelete", "uad_sipheaders")]
    + [("macaddress", "options.mac"), ("page_custom", "options.page_header"), ("sn", "sn"),
       ("user_location", "user_location"), ("additional_config", "additional_config"),
       ("ua_autoprov", "ua_autoprov")]
    + [(name, None) for name in (
        "title", "label", "authname", "auth", "sso_enabled", "billing", "call_rating", "sms_rating",
        "creditlimit", "reminderbalance", "nat", "outgoing_dialoptions", "dhcp", "staticip", "netmask",
        "gateway", "dns1", "dns2", "voicemail_timezone", "vm_greeting_message", "setcallerid",
        "recordsilent", "acc_slave", "slave_accountcode", "send_email", "service_plan_date",
        "limitenable", "limittype", "softlimit", "hardlimit", "rating_info_osc", "notification_email",
        "cf_billing_disable", "cf_call_rating_disable", "webrtc", "defaultip", "max_contacts",
        "encryption", "directrtpsetup", "callingpres", "cid_anon", "ringtoneforlocalcalls",
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
        "ms_teams_presence_sync", "override_lcr")]
)
SECRET_OPTIONS = frozenset(("auth", "pbd_pin"))
# API names that have a first-class option (or identify the object): never in ``options``.
FIRST_CLASS_API_NAMES = dict(
    [(field.api, field.name) for field in EXTENSION.fields]
    + [("server", "tenant or tenant_id"), ("id", "extension"), ("ext", "extension")])


def option_fields(options):
    """Fields for the keys of the free-form ``options`` dict; unknown keys are errors."""
    fields = []
    for key in sorted(options or {}):
        if key in FIRST_CLASS_API_NAMES:
            raise ReconcileError(
                "options.%s: set it with the %s option instead" % (key, FIRST_CLASS_API_NAMES[key]), "options")
        if key not in OPTION_READ_PATHS:
            close = difflib.get_close_matches(key, list(OPTION_READ_PATHS), n=3, cutoff=0.6)
            hint = "; did you mean %s?" % ", ".join(close) if close else "; see the module documentation"
            raise ReconcileError("options.%s is not an argument of pbxware.ext.add/edit%s" % (key, hint), "options")
        read = OPTION_READ_PATHS[key]
        fields.append(Field("options." + key, api=key, read=read, write_only=read is None,
                            secret=key in SECRET_OPTIONS))
    return fields


def user_agent_resolver(client):
    """A ``Converger.converge`` resolver turning ``user_agent`` into a UAD ID.

    The current extension names its UAD by ID, codename and full name, so an
    unchanged phone needs no ``pbxware.uads.list`` read.
    """

    def resolve(params, current):
        wanted = params.get("user_agent")
        if wanted is None:
            return params
        if current is not None and to_lower(wanted) in (
                ident(current.get("ua_id")), to_lower(current.get("ua_name")), to_lower(current.get("ua_fullname"))):
            params["user_agent"] = ident(current.get("ua_id"))
        else:
            params["user_agent"] = resolve_user_agent(client, wanted)
        return params

    return resolve


def resolve_user_agent(client, wanted):
    """A UAD ID from an ID, a codename (``generic_sip``) or a full name (``Yealink T41``)."""
    return resolve_by_name(client, "pbxware.uads.list", {}, wanted, "user_agent", "UAD (phone model)",
                           ("name", "fullname"))


# The arguments of one extension: pbxware_extension's (with its state) and each pbxware_extensions item's.
EXTENSION_ARGUMENTS = dict(
    extension=dict(type="str", required=True),
    name=dict(type="str"),
    email=dict(type="str"),
    protocol=dict(type="str", choices=["sip", "iax"]),
    location=dict(type="str", choices=["local", "remote"]),
    user_agent=dict(type="str"),
    status=dict(type="str", choices=["enabled", "disabled"]),
    pin=dict(type="str", no_log=True),
    secret=dict(type="str", no_log=True),
    password=dict(type="str", no_log=True),
    update_password=dict(type="str", choices=["always", "on_create"], default="on_create", no_log=False),
    incoming_limit=dict(type="int"),
    outgoing_limit=dict(type="int"),
    voicemail=dict(type="bool"),
    department=dict(type="list", elements="str"),
    service_plan=dict(type="str"),
    user_language=dict(type="str"),
    codecs=dict(type="list", elements="str"),
    options=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)


def forced_fields(params):
    """Write-only fields to send although they cannot be compared: every one with ``force_write_only``,
    the password with ``update_password: always``."""
    if params["force_write_only"]:
        return True
    return ["password"] if params["update_password"] == "always" else ()


PIN_PATTERN = re.compile(r"^\d{4}$")
SECRET_CHARS = re.compile(r"^[a-zA-Z0-9%$*!@_-]+$")
SECRET_SPECIALS = "%*!_-"
LIMIT_MAX = 999
_IPV4 = r"^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$"
_PICKUP_GROUPS = r"^([0-9]|[1-5][0-9]|6[0-3])(,([0-9]|[1-5][0-9]|6[0-3]))*$"
# The validation the vendor's Postman collection documents for ext.add/edit arguments
# (the server answers "contains invalid data (Regex: ...)"), checked before any call.
ARGUMENT_PATTERNS = {
    "user_language": r"^.{1,60}$", "title": r"^.{1,60}$", "label": r"^.{1,60}$", "user_location": r"^.{1,60}$",
    "authname": r"^\w+$", "auth": r"^(\S+)(:\S+)?@\S+$", "ringtime": r"^\d{0,2}$",
    "incoming_dialoptions": r"^[0tTr]+$", "outgoing_dialoptions": r"^[tTr]+$",
    "staticip": _IPV4, "netmask": _IPV4, "gateway": _IPV4, "dns1": _IPV4, "dns2": _IPV4, "defaultip": _IPV4,
    "macaddress": r"^[0-9a-fA-F]{12}$", "callgroup": _PICKUP_GROUPS, "pickupgroup": _PICKUP_GROUPS,
    "busylevel": r"^\d{1,2}$", "mailboxes": r"^[0-9,]+$", "vmaildelay": r"^[0-9]+$", "vmailopext": r"^[0-9]+$",
    "vmailnrings": r"^\d{1,3}$", "max_contacts": r"^\d{1,2}$", "areacode": r"^\d{1,3}$",
    "sendrpid": r"^(rpid|pai)$", "pai_header": r"^\w{1,64}$", "slave_accountcode": r"^\d{3}$",
    "cf_call_rating_disable": r"^(1|0|2)$", "webrtc": r"^(1|0|2)$", "override_lcr": r"^(1|0|2)$",
    "hd_logout_time": r"^\d$", "record_beep_ext": r"^\d{1,3}$", "pbd_pin": r"^\d{1,5}$",
}
EMAIL_PATTERN = re.compile(r"^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$")


def validate(params):
    """Refuse input the server would reject, naming the parameter, before any API call."""
    number = params.get("extension")
    if number is not None and not re.match(r"^\d+$", to_str(number)):
        raise ReconcileError("extension must be digits only, got %r" % number, "extension")
    pin = params.get("pin")
    if pin is not None and not PIN_PATTERN.match(to_str(pin)):
        hint = ""
        if to_str(pin).isdigit() and len(to_str(pin)) < 4:
            hint = ("; an unquoted PIN is read by YAML as a number, which loses leading zeros "
                    "(pin: 0123 arrives as 83 or 123): quote it, pin: \"0123\"")
        raise ReconcileError("pin must be exactly 4 digits%s" % hint, "pin")
    for name in ("secret", "password"):
        value = params.get(name)
        if value is not None and not SECRET_CHARS.match(value):
            raise ReconcileError("%s may only contain letters, digits and %%$*!@_-" % name, name)
    secret = params.get("secret")
    if secret is not None and (params.get("protocol") or "sip") == "sip" and not _strong(secret):
        raise ReconcileError(
            "secret must be 8 or more characters with an upper-case letter, a lower-case letter, "
            "a digit and one of %s (PBXware rejects weaker SIP secrets)" % SECRET_SPECIALS, "secret")
    for name in ("incoming_limit", "outgoing_limit"):
        value = params.get(name)
        if value is not None and not 0 <= value <= LIMIT_MAX:
            raise ReconcileError("%s must be between 0 and %d" % (name, LIMIT_MAX), name)
    check_codecs(params.get("codecs"), "codecs")
    for item in params.get("department") or []:
        # An item with the list's separator gets its own message (reconcile.check_list_items).
        if "," not in to_str(item) and not re.match(r"^\d+$", to_str(item)):
            raise ReconcileError("department: each item is a department ID (digits), got %r" % item, "department")
    arguments = dict(params.get("options") or {})
    arguments.update((name, params.get(name)) for name in ("user_language",) if params.get(name) is not None)
    for name, value in sorted(arguments.items()):
        pattern = ARGUMENT_PATTERNS.get(name)
        # An empty value unsets the argument (what ext.configuration reads for it): no pattern applies.
        if pattern and value not in (None, "") and not isinstance(value, (dict, list)) \
                and not re.match(pattern, to_str(value)):
            shown = "a value" if is_secret_key(name) else repr(value)
            where = name if name in params else "options.%s" % name
            raise ReconcileError("%s: %s does not match %s, which PBXware requires" % (where, shown, pattern), where)
    if params.get("name") is not None and not to_str(params["name"]).strip():
        raise ReconcileError("name cannot be empty", "name")
    email = params.get("email")
    if email and not EMAIL_PATTERN.match(email):
        raise ReconcileError("email must be an e-mail address such as user@example.com, got %r" % email, "email")


def check_length(number, tenant_row):
    """An extension number must have the tenant's extension length (known once the tenant was looked up)."""
    length = (tenant_row or {}).get("ext_length")
    if number is not None and length and len(to_str(number)) != length:
        raise ReconcileError("extension %s has %d digits; tenant %s uses %d-digit extensions"
                             % (number, len(to_str(number)), tenant_row.get("name"), length), "extension")


def _strong(secret):
    return (len(secret) >= 8 and re.search(r"[A-Z]", secret) and re.search(r"[a-z]", secret)
            and re.search(r"\d", secret) and any(char in SECRET_SPECIALS for char in secret))


# -- dates -----------------------------------------------------------------------------


# -- additional MAC addresses -----------------------------------------------------------

MAC_PATTERN = re.compile(r"^[0-9a-f]{12}$")
MAC_KEYS = ("mac", "serial", "user_agent", "location", "device_address")


def _mac(value):
    return re.sub(r"[^0-9a-f]", "", to_str(value).lower())


def normalize_macs(value):
    """The MAC list in one canonical form, from the module's input or from ``additional_macaddress``."""
    if value in (None, "", [], {}):
        return []
    rows = []
    for item in value:
        rows.append({
            "mac": _mac(item.get("mac", item.get("macaddress", ""))),
            "serial": to_str(item.get("serial", item.get("sn"))) or "",
            "user_agent": ident(item.get("user_agent", item.get("ua_id"))) or "",
            "location": to_str(item.get("location")) or "local",
            "device_address": to_str(item.get("device_address")) or "",
        })
    return rows


def encode_macs(rows):
    """Parallel comma lists, as ``pbxware.ext.additional_macs`` takes them."""
    return {
        "values": CommaList(row["mac"] for row in rows),
        "sn": CommaList(row["serial"] for row in rows),
        "devices": CommaList(row["user_agent"] for row in rows),
        "locations": CommaList(LOCATIONS[row["location"]] for row in rows),
        "device_addresses": CommaList(row["device_address"] for row in rows),
    }


def validate_macs(macs):
    if not macs:
        raise ReconcileError("macs must list at least one address: the API cannot remove them all", "macs")
    seen = set()
    for index, item in enumerate(macs):
        mac = _mac(item.get("mac") or "")
        if not MAC_PATTERN.match(mac):
            raise ReconcileError("macs[%d].mac %r is not a MAC address (12 hex digits)" % (index, item.get("mac")), "macs")
        if mac in seen:
            raise ReconcileError("macs[%d].mac %s is listed twice" % (index, item.get("mac")), "macs")
        seen.add(mac)
        for key in ("serial", "device_address"):
            if "," in (to_str(item.get(key)) or ""):
                raise ReconcileError("macs[%d].%s must not contain a comma" % (index, key), "macs")


def mac_user_agent_resolver(client):
    """Resolve each MAC's ``user_agent`` name to a UAD ID (one ``uads.list`` read at most)."""

    def resolve(params, current):
        macs = [dict(item) for item in params.get("macs") or []]
        names = [item.get("user_agent") for item in macs if item.get("user_agent") and not to_str(item["user_agent"]).isdigit()]
        resolved = dict((name, resolve_user_agent(client, name)) for name in set(names))
        for item in macs:
            if item.get("user_agent") in resolved:
                item["user_agent"] = resolved[item["user_agent"]]
        return dict(params, macs=macs)

    return resolve


EXTENSION_MACS = Resource(
    "additional MAC addresses",
    [
        Field("extension", api="ext", normalize=extension_number),
        Field("macs", api=None, read="additional_macaddress", normalize=normalize_macs, to_api=encode_macs),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="configuration",
    # ext.configuration finds an extension by its number; the list is read only for the fields it alone has.
    lookup_param="ext",
    list_only_reads=("department", "sn", "user_location"),
    write_methods={"update": "additional_macs"},
)

# -- editions & modules ------------------------------------------------------------------

EDITIONS = ("agent", "office", "business", "operator", "supervisor", "mobile", "web")
MODULES = ("crm", "call popup", "skype", "omni channel", "customer survey")


def selection(known):
    """A normaliser for a set of names: the API's ``{"all": 0, "crm": 1}`` flags or the user's list.

    ``all`` means every known name; ``none`` or ``[]`` means nothing. Read keys
    use ``_`` where the write values use spaces (``call_popup``/``call popup``).
    """

    def normalise(value):
        if value is None:
            return None
        if isinstance(value, dict):
            names = [key for key, flag in value.items() if to_bool(flag)]
        elif isinstance(value, (list, tuple)):
            names = list(value)
        else:
            names = to_str(value).split(",")
        names = set(to_str(name).lower().replace("_", " ") for name in names if to_str(name))
        if "all" in names:
            return list(known)
        names.discard("none")
        unknown = sorted(names - set(known))
        if unknown:
            raise ValueError("unknown %s; allowed: all, none, %s" % (", ".join(unknown), ", ".join(known)))
        return [name for name in known if name in names]

    return normalise


def encode_selection(names):
    return CommaList(names) if names else "none"


EXTENSION_EDITIONS = Resource(
    "editions and modules",
    [
        Field("extension", api="ext", normalize=extension_number),
        Field("editions", normalize=selection(EDITIONS), to_api=encode_selection),
        Field("modules", normalize=selection(MODULES), to_api=encode_selection),
        Field("use_department_templates", normalize=to_bool),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="editions_modules.configuration",
    write_methods={"update": "editions_modules.set"},
)
