# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The extension resource: one table of read and write names, and its lookups.

Write names (``pbxware.ext.add``/``edit``) and read names
(``pbxware.ext.configuration`` over the ``pbxware.ext.list`` row) differ:
``prot``/``protocol``, ``ua``/``ua_id``, ``status=1``/``"enabled"``,
``location=1``/``"local"``, limits and secret under ``options``, ``acodecs``
colon list/``options.allow`` list.
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.encoding import ColonList, CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.lookups import resolve_by_name
from ansible_collections.bicom.pbxware.plugins.module_utils.normalize import (
    choice_map, colon_list, comma_list, ident, to_bool, to_int, to_lower, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.reconcile import Field, ReconcileError, Resource

LOCATIONS = {"local": 1, "remote": 2}
STATUSES = {"enabled": 1, "disabled": 0}

# Module option -> Field. Create defaults live in the module's argument spec docs,
# not here: only what the user set is compared.
EXTENSION = Resource(
    "extension",
    [
        Field("extension", api="ext", required_on_create=True, create_only=True),
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
        Field("codecs", api="acodecs", read="options.allow", normalize=colon_list, to_api=ColonList),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="configuration",
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


PIN_PATTERN = re.compile(r"^\d{4}$")
SECRET_CHARS = re.compile(r"^[a-zA-Z0-9%$*!@_-]+$")
SECRET_SPECIALS = "%*!_-"
LIMIT_MAX = 999


def validate(params):
    """Refuse input the server would reject, naming the parameter, before any API call."""
    number = params.get("extension")
    if number is not None and not re.match(r"^\d+$", to_str(number)):
        raise ReconcileError("extension must be digits only, got %r" % number, "extension")
    pin = params.get("pin")
    if pin is not None and not PIN_PATTERN.match(to_str(pin)):
        raise ReconcileError("pin must be exactly 4 digits", "pin")
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


def _strong(secret):
    return (len(secret) >= 8 and re.search(r"[A-Z]", secret) and re.search(r"[a-z]", secret)
            and re.search(r"\d", secret) and any(char in SECRET_SPECIALS for char in secret))
