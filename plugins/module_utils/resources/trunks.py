# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Trunks: the ``pbxware.trunk.list`` row merged with ``pbxware.trunk.configuration``.

Trunks are system-wide. The list takes no ``server`` (its filter does nothing in
tenant mode); the configuration (which names the trunk ``trunkid``) and every
write take ``server=1``.

Read and write names differ: ``status`` is written ``active``/``not active``/
``suspended`` and read ``"1"``/``"0"``/``"2"`` (``enabled``/``disabled`` in the
list); settings read under ``options``; codecs and their ptimes are written as two
comma lists of one size (``codecs``, ``codecs_ptime``) and read as one list of
``codec,ptime`` items (``options.allow``). ``secret`` is read back;
``peer_secret``, ``auth``, the peer host and user, ``emerg_trunk``,
``looserouting`` and most other arguments never are (write-only).
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, ident, to_bool, to_int, to_lower, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError, Resource
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import MASTER_SERVER_ID
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.codecs import check_codecs, codec_list
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import resolve_country

# Read spellings -> module choice; the list says enabled/disabled, the configuration 1/0/2.
STATUS_READ = {"1": "active", "0": "inactive", "2": "suspended", "enabled": "active", "disabled": "inactive",
               "not active": "inactive"}
STATUS_WRITE = {"active": "active", "inactive": "not active", "suspended": "suspended"}
PTIMES = range(10, 301, 10)


def yes_no(value):
    """A flag as trunk arguments spell it (every one of them accepts yes/no)."""
    return "yes" if value else "no"


def ptime(item):
    """The ptime of ``20`` (written) or ``"ulaw,20"`` (an ``options.allow`` item); ``None`` if it has none."""
    text = to_str(item)
    if "," in text:
        text = text.rsplit(",", 1)[1].strip()
    return int(text) if text.isdigit() else None


def ptime_list(value):
    """A normaliser for ``codecs_ptime`` as written (``[20, 30]``) and as read (``["ulaw,20", "alaw,30"]``)."""
    if value is None:
        return None
    items = value if isinstance(value, (list, tuple)) else [value]
    return [ptime(item) for item in items if to_str(item)]


TRUNK = Resource(
    "trunk",
    [
        Field("name", required_on_create=True),
        Field("provider", api="provider_id", read="provider_id", normalize=ident, required_on_create=True),
        Field("type", read="options.type", normalize=to_lower, required_on_create=True),
        Field("dtmfmode", read="options.dtmfmode", normalize=to_lower, required_on_create=True),
        Field("status", read="status", normalize=choice_map(STATUS_READ), to_api=STATUS_WRITE.get,
              create_default="active"),
        Field("country", read="options.country", normalize=ident, required_on_create=True),
        Field("national", read="options.national", required_on_create=True),
        Field("international", read="options.international", required_on_create=True),
        Field("emergency_trunk", api="emerg_trunk", normalize=to_bool, to_api=yes_no, write_only=True,
              create_default=False),
        Field("host", read="options.host", required_on_create=True),
        Field("username", read="options.username", required_on_create=True),
        Field("secret", read="options.secret", secret=True),
        Field("peer_host", write_only=True),
        Field("peer_username", write_only=True),
        Field("peer_secret", write_only=True, secret=True),
        Field("auth", write_only=True, secret=True),
        Field("insecure", read="options.insecure", required_on_create=True),
        Field("loose_routing", api="looserouting", normalize=to_bool, to_api=yes_no, write_only=True,
              required_on_create=True),
        Field("incoming_limit", api="incominglimit", read="options.incominglimit", normalize=to_int,
              required_on_create=True),
        Field("outgoing_limit", api="outgoinglimit", read="options.outgoinglimit", normalize=to_int,
              required_on_create=True),
        # Two lists of one size ("Fields codecs and codecs_ptime must match in size"): always sent together.
        Field("codecs", read="options.allow", normalize=codec_list, to_api=CommaList, required_on_create=True,
              send_with=("codecs_ptime",)),
        Field("codecs_ptime", read="options.allow", normalize=ptime_list, to_api=CommaList, required_on_create=True,
              send_with=("codecs",)),
    ],
    identity=["name"],
    api_object="trunk",
    read_method="configuration",
    read_id_param="trunkid",
    master_server_actions=("configuration", "add", "edit", "delete"),
)

# Write-only secrets: sent on create, afterwards with update_password=always or force_write_only.
WRITE_ONLY_SECRETS = ("peer_secret", "auth")

# Every other argument pbxware.trunk.add/edit documents (busylevel: Postman only), by API
# name, with where trunk.configuration shows it (None: never returned, write-only).
OPTION_READ_PATHS = dict(
    [(name, "options." + name) for name in (
        "transport", "qualify", "register", "register_suffix", "register_expiration", "e164a", "fromuser",
        "fromdomain", "allow_es_callerid", "prefix", "prefix_emerg", "testnum", "callerid", "sendpai")]
    + [(name, None) for name in (
        "busylevel", "passthru_mode", "national_leave", "area_code", "authname", "phoneinuri", "outboundproxy",
        "from_ipaddr", "encryption", "direct_media", "directrtpsetup", "defaultip", "trustrpid", "sendrpid",
        "trust_id_outbound", "rpid_connectedline", "rpid_update", "privacy", "dialed_num_minimum_length",
        "emerg_location_header", "email_on_limit", "outgoing_dialoptions", "videosupport", "autoframing")]
)
# Yes/no arguments (read back as 1/0 or yes/no): compared as booleans, sent as yes/no.
FLAG_OPTIONS = frozenset((
    "e164a", "allow_es_callerid", "prefix_emerg", "passthru_mode", "national_leave", "phoneinuri", "directrtpsetup",
    "trustrpid", "trust_id_outbound", "rpid_connectedline", "rpid_update", "email_on_limit", "videosupport",
    "autoframing"))
_WORDS = r"^[\w\s]+$"
# The vendor's Postman regexes (and the reference's value lists) for the other arguments.
# area_code has none: the reference means digits, Postman's regex says yes/no (DIALECTS.md h').
OPTION_PATTERNS = {
    "qualify": r"^\d{0,4}$", "register": r"^([0-5])$", "register_suffix": r"^\w+$",
    "register_expiration": r"^\d{1,4}$", "fromuser": _WORDS, "fromdomain": r"^.+$", "prefix": _WORDS,
    "testnum": _WORDS, "callerid": _WORDS, "sendpai": _WORDS, "transport": r"\w+$", "busylevel": r"^\d{1,10}$",
    "authname": r"^.+$", "outboundproxy": r"^.+$", "from_ipaddr": r"^[a-zA-Z0-9.,]+$", "encryption": r"^(yes|offer)$",
    "direct_media": r"^(no|yes|nonat|update|nonat,update)$", "defaultip": r"^\d{1,3}.\d{1,3}.\d{1,3}.\d{1,3}$",
    "sendrpid": r"^(rpid|pai)$", "privacy": r"^(none|anonymous|anonymous_id|anonymous_number|anonymous_number_id)$",
    "dialed_num_minimum_length": r"^\d{1,4}$", "emerg_location_header": r"^[\w\-,]{1,100}$",
    "outgoing_dialoptions": r"^[tTr]+$",
}
FIRST_CLASS_PATTERNS = {"name": r"^.+$", "national": r"^\d{1,10}$", "international": r"^\d{1,10}$"}
# API names that have a first-class option (or name the trunk): never in ``options``.
FIRST_CLASS_API_NAMES = dict(
    [(field.api, field.name) for field in TRUNK.fields]
    + [("server", "nothing (trunks are system-wide)"), ("id", "name"), ("trunkid", "name")])


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
            raise ReconcileError("options.%s is not an argument of pbxware.trunk.add/edit%s" % (key, hint), "options")
        read = OPTION_READ_PATHS[key]
        flag = key in FLAG_OPTIONS
        fields.append(Field("options." + key, api=key, read=read, write_only=read is None,
                            normalize=to_bool if flag else to_str, to_api=yes_no if flag else None))
    return fields


# Every readable argument, so an info view is as complete as the API allows.
TRUNK_READ = TRUNK.extended(option_fields(dict(
    (key, None) for key, path in OPTION_READ_PATHS.items() if path is not None)))


def _check_pattern(where, value, pattern):
    # PBXware's regexes are PHP ones, searched (not anchored unless they say so) and ASCII.
    if value not in (None, "") and not re.search(pattern, to_str(value), re.ASCII):
        raise ReconcileError("%s: %r does not match %s, which PBXware requires" % (where, value, pattern), where)


def validate(params):
    """Refuse input the server would reject, naming the parameter, before any API call."""
    for name, pattern in sorted(FIRST_CLASS_PATTERNS.items()):
        _check_pattern(name, params.get(name), pattern)
    for name in ("name", "provider", "host", "username", "country"):
        if params.get(name) is not None and not to_str(params[name]):
            raise ReconcileError("%s cannot be empty" % name, name)
    for name in ("incoming_limit", "outgoing_limit"):
        if params.get(name) is not None and not 0 <= params[name] <= 9999999999:
            raise ReconcileError("%s must be a number from 0 to 9999999999" % name, name)
    codecs, ptimes = params.get("codecs"), params.get("codecs_ptime")
    if codecs is not None and not codecs:
        raise ReconcileError("codecs cannot be empty: a trunk needs at least one codec", "codecs")
    check_codecs(codecs, "codecs")
    if ptimes is not None:
        if not ptimes or [value for value in ptimes if value not in PTIMES]:
            raise ReconcileError("codecs_ptime: each ptime is 10, 20, 30 ... 300 (ms), got %s" % ptimes,
                                 "codecs_ptime")
        if codecs and len(ptimes) not in (1, len(codecs)):
            raise ReconcileError("codecs_ptime has %d ptimes for %d codecs: give one per codec, or one for all"
                                 % (len(ptimes), len(codecs)), "codecs_ptime")
    for key, value in sorted((params.get("options") or {}).items()):
        if key in OPTION_PATTERNS and not isinstance(value, (dict, list)):
            _check_pattern("options.%s" % key, value, OPTION_PATTERNS[key])


def matched_ptimes(codecs, ptimes, allow):
    """``codecs_ptime`` with one ptime per codec (the API wants two lists of one size).

    One ptime is every codec's; left out, each codec keeps the ptime the trunk has
    for it (``allow``, the current ``options.allow``), and a codec new to it needs one.
    """
    current = codec_list(allow) or []
    names = codec_list(codecs) if codecs is not None else current
    if not names:
        raise ReconcileError("codecs_ptime: the trunk has no codecs yet; set codecs too", "codecs_ptime")
    if ptimes is not None:
        ptimes = ptime_list(ptimes)
        if len(ptimes) == 1:
            return ptimes * len(names)
        if len(ptimes) != len(names):
            raise ReconcileError("codecs_ptime has %d ptimes for the trunk's %d codecs (%s): give one per codec, or "
                                 "one for all" % (len(ptimes), len(names), ", ".join(names)), "codecs_ptime")
        return ptimes
    kept = dict(zip(current, ptime_list(allow) or []))
    new = [name for name in names if kept.get(name) is None]
    if new:
        raise ReconcileError("codecs_ptime is needed for %s, which the trunk does not have yet (one ptime for all "
                             "codecs will do)" % ", ".join(new), "codecs_ptime")
    return [kept[name] for name in names]


def provider_rows(answer):
    """``pbxware.trunk.providers`` (``{"Generic SIP": ["20", "voip"]}``) as rows sorted by ID."""
    rows = []
    for name, value in (answer.items() if isinstance(answer, dict) else []):
        if isinstance(value, (list, tuple)) and value:
            rows.append({"id": ident(value[0]), "name": to_str(name),
                         "type": to_str(value[1]) if len(value) > 1 else None})
    return sorted(rows, key=lambda row: (len(row["id"] or ""), row["id"]))


def resolve_provider(client, wanted):
    """The ID of the SIP provider named ``wanted`` (case-insensitive), from one ``trunk.providers`` read."""
    rows = provider_rows(client.read("pbxware.trunk.providers", {"server": MASTER_SERVER_ID}))
    text = to_str(wanted)
    for row in rows:
        if to_lower(row["name"]) == text.lower():
            if row["type"] not in (None, "voip"):
                raise ReconcileError("provider %r is a %s provider; the API adds SIP trunks only (providers of type "
                                     "voip: %s)" % (row["name"], row["type"], ", ".join(
                                         other["name"] for other in rows if other["type"] == "voip")), "provider")
            return row["id"]
    close = difflib.get_close_matches(text, [row["name"] for row in rows], n=3, cutoff=0.4)
    hint = "; closest: %s" % ", ".join(close) if close else "; known: %s" % (
        ", ".join(row["name"] for row in rows) or "none")
    raise ReconcileError("provider %r is not the name or ID of a trunk provider on this PBXware%s" % (text, hint),
                         "provider")


def trunk_resolver(client):
    """Provider and country names to IDs (a name the trunk already has costs no read); ptimes per codec."""

    def resolve(params, raw):
        current = raw or {}
        options = current.get("options") if isinstance(current.get("options"), dict) else {}
        provider = params.get("provider")
        if provider is not None and not to_str(provider).isdigit():
            if raw is not None and to_lower(provider) == to_lower(current.get("provider_name")):
                params["provider"] = ident(current.get("provider_id"))
            else:
                params["provider"] = resolve_provider(client, provider)
        country = params.get("country")
        if country is not None and not (raw is not None and to_str(country) == ident(options.get("country"))):
            params["country"] = resolve_country(client, country)
        if params.get("codecs") is not None or params.get("codecs_ptime") is not None:
            params["codecs_ptime"] = matched_ptimes(params.get("codecs"), params.get("codecs_ptime"),
                                                    options.get("allow"))
        return params

    return resolve
