# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Enhanced services: the 25 services and, per configurable service, one read/write table.

``config`` is given in the shape of the service's ``configuration`` answer
(``pbxware.ext.es.<service>.configuration``); each :class:`ServiceConfig`
maps those keys to ``edit`` arguments (``dtype``/``dtypes``,
``destinations.busy``/``busy_dests``, ``require_pin``/``requirepin``), says
which lists are parallel (must match in size, are sent together), which
arguments ``edit`` requires on every call, and holds the few encodings a
plain field cannot express (call screening's suspend flags, per-trunk caller
IDs, the empty trailing row call filters need).

Field names are the config keys prefixed with ``config.``; a nested key
(call forwarding's ``destinations`` per condition) is ``config.destinations.busy``.

Where the vendor's API reference and its Postman collection disagree (see
``docs/dialects.md``), the table decides, never the module: ``decode`` reads
both answer shapes, ``adapt`` sends the value form the server's own read shows
(or, after a validation refusal, the form its error asks for), and keys only
some servers return are compared where they are returned.
"""

import copy
import json
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import ColonList, CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_bool, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError

# The reference's list, in its order.
SERVICES = (
    "callerid", "callfilters", "callscreening", "dnd", "callpickup", "lastcaller", "callfwd", "followme",
    "instrecord", "remoteaccess", "phonecallback", "grouphunt", "mobilenumbers", "sppage", "blflist", "speeddial",
    "delrecordings", "listenrecordings", "operationtimes", "extoperationtimes", "callmonitoring", "wakeupcall",
    "opwakeupcall", "sppagegroups", "smsnotifications",
)

PREFIX = "config."


# -- normalisers (user and API values alike) --------------------------------------------


def text(value):
    """A scalar as text; ``None`` (not set) stays ``None``."""
    return to_str(value)


def flag(value):
    """``"1"``/``"0"`` from any boolean spelling (the API reads ``"1"``, users write ``true``)."""
    value = to_bool(value)
    return None if value is None else ("1" if value else "0")


def pattern(regex, allowed):
    """Text that must match ``regex`` (empty allowed); ``allowed`` describes it in errors."""
    compiled = re.compile(regex)

    def normalise(value):
        value = to_str(value)
        if value is not None and value != "" and not compiled.match(value):
            raise ValueError("must be %s" % allowed)
        return value

    return normalise


def choice(*values):
    def normalise(value):
        value = to_str(value)
        if value is not None and value not in values:
            raise ValueError("must be one of %s" % ", ".join(repr(item) for item in values))
        return value

    return normalise


digits = pattern(r"^\d+$", "a number")
dial_options = pattern(r"^[tTr]+$", "dial options made of t, T and r")


def items(each=text):
    """A list (the API's ``[]``, a YAML list, or a PHP array read as a dict) with each item normalised.

    Empty items stay: they are meaningful (an unset timeout, an empty destination).
    """

    def normalise(value):
        if value is None:
            return None
        if isinstance(value, dict):
            value = [value[key] for key in sorted(value, key=lambda key: int(key) if str(key).isdigit() else 0)]
        elif not isinstance(value, (list, tuple)):
            value = [] if to_str(value) == "" else to_str(value).split(",")
        result = []
        for item in value:
            if isinstance(item, (dict, list, tuple)):
                raise ValueError("must be a list of plain values")
            result.append(each(item) if item is not None else "")
        return result

    return normalise


def flag_items(value):
    """0/1 flags where an item may be left empty."""
    return items(lambda item: flag(item) if to_str(item) != "" else "")(value)


def _required_flag(item):
    if to_str(item) == "":
        raise ValueError("each item must be 1 or 0")
    return flag(item)


required_flag_items = items(_required_flag)


# -- fields -----------------------------------------------------------------------------------


_KEY = object()


def field(key, api=_KEY, read=None, normalize=text, to_api=None, **kwargs):
    """A config key as a Field named ``config.<key>`` reading ``config.<read>``; ``api`` defaults to the key."""
    return Field(PREFIX + key, api=key if api is _KEY else api, read=PREFIX + (read or key), normalize=normalize,
                 to_api=to_api, **kwargs)


def without(separator, each=text):
    """An item normaliser refusing ``separator``: the item would split in two on the wire."""

    def normalise(item):
        item = each(item)
        if item is not None and separator in item:
            raise ValueError("%r cannot be used: the API splits the list on it" % separator)
        return item

    return normalise


def list_field(key, api=_KEY, each=text, **kwargs):
    """A config key holding a list, sent as one comma-separated argument."""
    return field(key, api=api, normalize=items(without(",", each)), to_api=CommaList, **kwargs)


class ServiceConfig(object):
    """How one service's ``configuration`` maps to its ``edit``.

    Every ``edit`` carries the whole configuration (the current record merged with
    the task's keys): the reference is silent on arguments left out, and a server
    that resets them would otherwise lose them.

    groups: tuples of config keys holding parallel lists (same size, sent together).
    together: further tuples of keys sent together (a value whose encoding depends on another's).
    required: config keys ``edit`` requires on every call; ``nonempty`` among them cannot be empty.
    defaulted: ``edit`` arguments the server fills with an empty item per item of their group when
        omitted: a list of one empty item is left out.
    blank_single: ``edit`` arguments whose list of one empty item is sent as an empty argument (the
        server reads it as one empty item next to one item of its group, as PHP's ``explode`` does).
    editable: ``False`` when the API has ``configuration`` but no ``edit``.
    validate(view): extra checks on the merged record (raise ReconcileError).
    encode(payload, view, changed): final touches on the ``edit`` arguments.
    expand(raw_config, user_config): fields that depend on the record (per-trunk caller IDs).
    prepare(flat): the user's ``config.*`` parameters completed with what follows from them.
    decode(raw_config): the ``configuration`` answer in the reference's shape (another source's shape read).
    adapt(arguments, raw_config, refusal): the ``edit`` arguments in the form this server takes, chosen
        from its read (``refusal`` ``None``; may raise ReconcileError when no form can carry the task's
        value) or, after the server refused them with ``refusal`` (its error message), the arguments in
        another form it may take, or ``None`` when the refusal is not about a form.
    shown_if_read: write-only keys some servers return: compared where the read shows them.
    """

    def __init__(self, fields, groups=(), together=(), required=(), nonempty=(), defaulted=(), editable=True,
                 validate=None, encode=None, expand=None, prepare=None, blank_single=(), decode=None, adapt=None,
                 shown_if_read=()):
        self.groups = tuple(tuple(group) for group in groups)
        self.defaulted = frozenset(defaulted)
        self.blank_single = frozenset(blank_single)
        self.decode = decode
        self.adapt = adapt
        self.shown_if_read = frozenset(shown_if_read)
        self.required = tuple(required)
        self.nonempty = tuple(nonempty)
        self.editable = editable
        self.validate = validate
        self.encode = encode
        self.expand = expand
        self.prepare = prepare
        self.fields = []
        companions = {}
        for group in self.groups + tuple(tuple(keys) for keys in together):
            for key in group:
                companions.setdefault(key, set()).update(PREFIX + other for other in group if other != key)
        for item in fields:
            key = item.name[len(PREFIX):]
            item.send_with = tuple(sorted(companions.get(key, ())))
            item.resend_on_edit = item.resend_on_edit or key in self.required
            self.fields.append(item)
        self.keys = tuple(item.name[len(PREFIX):] for item in self.fields)

    def nested_keys(self):
        """Top-level keys whose value is a dict of sub-keys (``destinations`` of call forwarding)."""
        return frozenset(key.split(".")[0] for key in self.keys if "." in key)

    def fields_for(self, raw_config):
        """The fields, a write-only key that this server's read shows made comparable."""
        shown = raw_config if isinstance(raw_config, dict) else {}
        fields = []
        for item in self.fields:
            if item.write_only and item.name[len(PREFIX):] in self.shown_if_read and item.name[len(PREFIX):] in shown:
                item = copy.copy(item)
                item.write_only = False
                item.read = item.name
            fields.append(item)
        return fields


def refuses(refusal, name):
    """Whether a server's error refuses the value of argument ``name`` (``Field 'name=value' contains invalid data``)."""
    return "%s=" % name in (refusal or "") and "invalid data" in (refusal or "")


def wire_form(key, forms, detect):
    """An ``adapt`` for one flag argument spelled differently by the two sources.

    forms: ``{name: (true spelling, false spelling)}``, the first the default form;
    detect(raw_config): the name of the form the server's read shows, or ``None``.
    After a refusal naming ``key``, the next form is tried (once).
    """
    names = list(forms)

    def respell(arguments, name):
        if arguments.get(key) is None:
            return arguments
        adapted = dict(arguments)
        adapted[key] = forms[name][0] if to_bool(arguments[key]) else forms[name][1]
        return adapted

    def adapt(arguments, raw_config, refusal=None):
        if refusal is None:
            return respell(arguments, detect(raw_config) or names[0])
        if not refuses(refusal, key) or arguments.get(key) is None:
            return None
        current = [name for name in names if to_str(arguments[key]) in forms[name]]
        following = names[(names.index(current[0]) + 1) % len(names)] if current else names[0]
        return respell(arguments, following)

    return adapt


# -- call filters & blocking ------------------------------------------------------------------

ANONYMOUS_ACTIONS = ("do_nothing", "call forward", "privacy manager", "always busy", "voicemail", "not in service",
                     "ring tone")
CALLER_ACTIONS = ("call forward number", "no answer", "busy", "voicemail", "not in service", "ring tone")


def _validate_callfilters(view):
    callers, dtypes = view.get(PREFIX + "callers") or [], view.get(PREFIX + "dtypes") or []
    if not callers or callers[0] != "anonymous":
        raise ReconcileError("config.callers must start with 'anonymous' (the row for anonymous callers)",
                             "config.callers")
    for index, (caller, dtype) in enumerate(zip(callers, dtypes)):
        allowed = ANONYMOUS_ACTIONS if index == 0 else CALLER_ACTIONS
        if dtype not in allowed:
            raise ReconcileError("config.dtypes[%d] %r is not allowed for %s; allowed: %s"
                                 % (index, dtype, "anonymous callers" if index == 0 else "caller " + caller,
                                    ", ".join(allowed)), "config.dtypes")
        if index and not re.match(r"^\+?\d+$", caller):
            raise ReconcileError("config.callers[%d] %r must be a number" % (index, caller), "config.callers")


def _encode_callfilters(payload, view, changed):
    # With one row and no destination, ``destinations`` would be empty, which the API reads as
    # missing; an empty trailing row (as the vendor's own request sends) is dropped by the server.
    if "destinations" in payload and not "".join(payload["destinations"]):
        for name in ("callers", "dtypes", "destinations"):
            payload[name] = CommaList(list(payload[name]) + [""])


CALLFILTERS = ServiceConfig(
    [field("telemarketer", normalize=flag), list_field("callers"), list_field("dtypes"),
     list_field("destinations", each=pattern(r"^\d+$", "a number or empty"))],
    groups=[("callers", "dtypes", "destinations")],
    required=("callers", "dtypes", "destinations"), nonempty=("callers",),
    validate=_validate_callfilters, encode=_encode_callfilters)


# -- call screening ----------------------------------------------------------------------------


def suspend_positions(value):
    """Suspended destinations as the API reads them: ``{"0": "on", "2": "on"}``.

    Also accepts what ``edit`` takes: a list of 0/1 flags, one per destination.
    """
    if value is None:
        return None
    if isinstance(value, dict):
        positions = [to_str(key) for key, on in value.items() if to_str(on) not in ("", "0", "off")]
        if not all(position.isdigit() for position in positions):
            raise ValueError("keys must be destination positions (0, 1, ...)")
    else:
        positions = [str(index) for index, item in enumerate(flag_items(value)) if item == "1"]
    return dict((position, "on") for position in sorted(positions, key=int))


def _validate_suspends(view):
    count = len(view.get(PREFIX + "destinations") or [])
    beyond = [position for position in view.get(PREFIX + "suspends") or {} if int(position) >= count]
    if beyond:
        raise ReconcileError("config.suspends names position %s, but there are only %d destinations (positions "
                             "count from 0)" % (beyond[0], count), "config.suspends")


def _encode_callscreening(payload, view, changed):
    if "suspends" in payload:
        on = view.get(PREFIX + "suspends") or {}
        payload["suspends"] = CommaList("1" if str(index) in on else "0"
                                        for index in range(len(view.get(PREFIX + "destinations") or [])))


# ``greetingwithname``: the reference reads it as "1" (L2300) and documents no values (L2375); Postman's
# "Call Screening Edit" sends ``no`` with Regex /^(yes|no)$/. The server's read shows its form.
GREETING_FORMS = {"reference": ("1", "0"), "postman": ("yes", "no")}


def _greeting_form(raw_config):
    read = to_str((raw_config or {}).get("greetingwithname"))
    for name, spellings in GREETING_FORMS.items():
        if read in spellings:
            return name
    return None


CALLSCREENING = ServiceConfig(
    [field("timeout", normalize=digits), field("dopts", normalize=dial_options),
     field("dtype", api="dtypes", normalize=choice("", "0", "1")), field("replacecid", normalize=digits),
     field("preamble", normalize=digits), field("greeting"),
     field("pausebeforerec", normalize=pattern(r"^([0-9]|10)$", "0 to 10")),
     field("recordlen", normalize=digits), field("greetingwithname", normalize=flag), field("lastd", normalize=digits),
     field("voicemail", normalize=flag), list_field("destinations", each=digits), list_field("delays", each=digits),
     field("suspends", normalize=suspend_positions)],
    # ``suspends`` goes with its destinations: it is sent as one 0/1 flag per destination.
    groups=[("destinations", "delays")], together=[("destinations", "delays", "suspends")],
    required=("destinations", "delays", "suspends", "recordlen"),
    nonempty=("destinations", "delays", "recordlen"),
    validate=_validate_suspends, encode=_encode_callscreening,
    adapt=wire_form("greetingwithname", GREETING_FORMS, _greeting_form))


# -- do not disturb, instant recording ----------------------------------------------------------

DND = ServiceConfig([
    field("dnd", normalize=choice("0", "1", "2")), field("dst", normalize=digits),
    field("dsttype", normalize=choice("voicemail", "call forward")), field("duration", normalize=digits),
])

INSTRECORD = ServiceConfig([field("silent", normalize=flag), field("emailrec", normalize=flag)],
                           required=("silent", "emailrec"))

# -- call forwarding ----------------------------------------------------------------------------------

# Condition as read -> its prefix in edit arguments (``busy_dests``, ``noansw_timeouts``).
FORWARD_CONDITIONS = (("unconditional", "uncond"), ("busy", "busy"), ("no answer", "noansw"),
                      ("line unavailable", "unavail"))
CONDITION_NAMES = tuple(dict(FORWARD_CONDITIONS))


def forward_conditions(value):
    """Enabled conditions, in the API's order, each once."""
    chosen = items(choice(*CONDITION_NAMES))(value)
    if chosen is None:
        return None
    return [condition for condition in CONDITION_NAMES if condition in chosen]


def _by_condition(name, value):
    """``destinations``/``timeouts`` as the reference reads them: a dict of lists by condition.

    Postman's "Call Forwarding configuration" test reads them as strings: ``""`` when
    no condition has any, else (a server's choice) the object as JSON text.
    """
    if isinstance(value, str):
        if value.strip() == "":
            value = {}
        else:
            try:
                value = json.loads(value)
            except ValueError:
                raise ReconcileError("callfwd configuration: %s reads %r, which is neither the reference's lists by "
                                     "condition nor the JSON text of them" % (name, value), "config." + name)
    if value in (None, []):
        value = {}
    if not isinstance(value, dict):
        raise ReconcileError("callfwd configuration: %s reads %r, not lists by condition" % (name, value),
                             "config." + name)
    decoded = dict((condition, []) for condition in CONDITION_NAMES)
    decoded.update(value)
    return decoded


def _decode_callfwd(raw_config):
    if not isinstance(raw_config, dict):
        return raw_config
    decoded = dict(raw_config)
    for name in ("destinations", "timeouts"):
        if name in decoded:
            decoded[name] = _by_condition(name, decoded[name])
    return decoded


CALLFWD = ServiceConfig(
    [field("play", normalize=flag), field("cid", normalize=flag),
     field("enabled", normalize=forward_conditions, to_api=CommaList)]
    + [list_field("destinations." + condition, api=short + "_dests", each=digits)
       for condition, short in FORWARD_CONDITIONS]
    + [list_field("timeouts." + condition, api=short + "_timeouts", each=digits)
       for condition, short in FORWARD_CONDITIONS],
    groups=[("destinations." + condition, "timeouts." + condition) for condition in CONDITION_NAMES],
    # "dests, timeouts and dtypes lists must mach in size or error will be returned" (reference L2516):
    # every edit sends each condition's destinations with as many timeouts.
    blank_single=[short + "_timeouts" for short in dict(FORWARD_CONDITIONS).values()],
    decode=_decode_callfwd)

# -- follow me, group hunt, remote access, phone callback, mobile numbers, speed dial ---------------

FOLLOWME = ServiceConfig(
    [list_field("destinations", each=digits), list_field("timeouts", each=digits),
     field("dopts", normalize=dial_options), field("lastd", normalize=digits), field("voicemail", normalize=flag),
     field("confirm_calls", normalize=flag)],
    groups=[("destinations", "timeouts")], required=("destinations", "timeouts"),
    nonempty=("destinations", "timeouts"))

GROUPHUNT = ServiceConfig(
    [list_field("destinations", each=digits), list_field("delays", each=digits),
     field("suspends", normalize=flag_items, to_api=CommaList), field("dopts", normalize=dial_options),
     field("lastd", normalize=digits), field("timeout", normalize=digits), field("voicemail", normalize=flag),
     field("confirmcalls", normalize=flag)],
    groups=[("destinations", "delays", "suspends")], required=("destinations", "delays", "suspends"),
    nonempty=("destinations", "delays", "suspends"))

REMOTEACCESS = ServiceConfig(
    [list_field("callerids", each=digits), field("pins", normalize=required_flag_items, to_api=CommaList),
     # Assigned by PBXware on the first edit: compared (so info output round-trips), never sent.
     field("pid", create_only=True),
     field("require_pin", api="requirepin", normalize=flag), field("timeout", normalize=digits),
     field("dial_opts", api="dopts", normalize=dial_options)],
    groups=[("callerids", "pins")], required=("callerids", "pins", "require_pin"),
    nonempty=("callerids", "pins"))

PHONECALLBACK = ServiceConfig(
    [list_field("callerids"), list_field("numbers")],
    groups=[("callerids", "numbers")], required=("callerids", "numbers"), nonempty=("callerids", "numbers"))

LABEL = pattern(r"^[+\w\s]+(\s*<[+\d]+>)?$", "letters, digits, spaces or +, optionally followed by <number>")

MOBILENUMBERS = ServiceConfig(
    [list_field("mobiles", each=digits), list_field("labels", each=LABEL)],
    groups=[("mobiles", "labels")], required=("mobiles", "labels"), nonempty=("mobiles", "labels"))


def _validate_speeddial(view):
    codes = [code for code in view.get(PREFIX + "codes") or [] if code]
    duplicates = sorted(set(code for code in codes if codes.count(code) > 1))
    if duplicates:
        raise ReconcileError("config.codes lists %s more than once" % ", ".join(duplicates), "config.codes")


SPEEDDIAL = ServiceConfig(
    [list_field("codes", each=digits), list_field("names", each=pattern(r"^[\w\s]+$", "letters, digits or spaces")),
     list_field("destinations", each=digits)],
    groups=[("codes", "names", "destinations")], required=("codes", "names", "destinations"),
    nonempty=("codes", "names", "destinations"), validate=_validate_speeddial)

# -- speakerphone page, BLF list ----------------------------------------------------------------------

SPPAGE = ServiceConfig([
    list_field("extensions", each=digits),
    # Not in the reference's configuration example; Postman's test reads it as a number. Where the
    # server returns it, it is compared and sent back with every edit; elsewhere it is sent with
    # every edit when given, never compared.
    field("quiet", normalize=flag, write_only=True, resend_on_edit=True),
], shown_if_read=("quiet",))

# ``blfs``: the reference's "Comma separated , list of BLFs" (L2839) takes one BLF; Postman's
# "BLF List Edit" Regex /^[0-1](,[0-1])+$/ takes two or more. A server following Postman shows
# ``functions`` in its configuration (Postman's test requires it; the reference has no such key),
# or refuses a one-item ``blfs`` naming it. There a list of one BLF goes without ``blfs``, which
# leaves it on (a server fills an omitted blfs with one BLF per extension); a single BLF off
# cannot be written to such a server at all.
BLFS_POSTMAN_REGEX = "/^[0-1](,[0-1])+$/"


def _adapt_blflist(arguments, raw_config, refusal=None):
    blfs = arguments.get("blfs")
    if refusal is not None and (not refuses(refusal, "blfs") or blfs is None):
        return None
    if blfs is None or len(blfs) != 1:
        return None if refusal is not None else arguments
    if refusal is None and "functions" not in (raw_config or {}):
        return arguments
    if to_str(blfs[0]) != "1":
        raise ReconcileError(
            "config.blfs: this server takes blfs as the vendor's Postman collection does (Regex %s: two or more "
            "BLFs), so a list of one entry can only be sent without blfs, which leaves its BLF on; one entry with "
            "BLF 0 cannot be written to it (give a second entry, or blfs: [1])" % BLFS_POSTMAN_REGEX, "config.blfs")
    adapted = dict(arguments)
    del adapted["blfs"]
    return adapted


BLFLIST = ServiceConfig(
    [list_field("exts", each=digits), list_field("labels", each=LABEL),
     field("blfs", normalize=required_flag_items, to_api=CommaList),
     field("blf_start", normalize=pattern(r"^\d{1,2}$", "a number of at most 2 digits")),
     field("blf_cleanup", normalize=flag), field("cart_only", normalize=flag),
     # Postman only ("BLF List Edit" sends functions=1,0,1,2,3; its configuration test requires the
     # array): compared and sent back where the server returns it, refused where it does not.
     list_field("functions", each=digits)],
    groups=[("exts", "labels", "blfs")], defaulted=("labels",), adapt=_adapt_blflist)

# -- caller ID ---------------------------------------------------------------------------------------

PRIVACIES = ("anonymous", "anonymous_id", "anonymous_number", "anonymous_number_id", "none")
TRUNK_KEY = re.compile(r"^callerid:([^:]+)(:privacy)?$")


def allowed_callerids(value):
    """Allowed caller IDs as the API reads them: ``{"1": {"callerid": ..., "label": ...}, ...}``; a list works too."""
    if value is None:
        return None
    if isinstance(value, dict):
        rows = [value[key] for key in sorted(value, key=lambda key: int(key) if str(key).isdigit() else 0)]
    elif isinstance(value, (list, tuple)):
        rows = list(value)
    elif to_str(value) == "":
        rows = []
    else:
        raise ValueError("must be a list (or the API's numbered dict) of callerid/label entries")
    result = {}
    for index, row in enumerate(rows, 1):
        if not isinstance(row, dict) or set(row) - {"callerid", "label"}:
            raise ValueError("each entry must be a dict with callerid and label")
        entry = dict((key, without(":")(row.get(key)) or "") for key in ("callerid", "label"))
        result[str(index)] = entry
    return result


def _trunk_fields(raw_config, user_config):
    """One field per trunk key the server returns or the user gives (outside tenant mode only)."""
    names = set()
    for key in list(raw_config or {}) + list(user_config or {}):
        match = TRUNK_KEY.match(str(key))
        if match:
            names.add(match.group(1))
    fields = []
    for name in sorted(names):
        fields.append(field("callerid:%s" % name, api=None, normalize=without(":"), to_api=lambda value: {}))
        fields.append(field("callerid:%s:privacy" % name, api=None, normalize=choice(*PRIVACIES),
                            to_api=lambda value: {}))
    return fields


def trunk_defaults(raw_config, user_config):
    """Trunks the user names that have no caller ID yet read as empty (only where the server shows trunks)."""
    if raw_config is None or "emergency_callerid" not in raw_config:
        return raw_config
    filled = dict(raw_config)
    for key in user_config or {}:
        match = TRUNK_KEY.match(str(key))
        if match:
            filled.setdefault("callerid:%s" % match.group(1), "")
            filled.setdefault("callerid:%s:privacy" % match.group(1), "none")
    return filled


def _complete_trunks(flat):
    """A trunk whose caller ID is emptied is dropped by the server: its privacy then reads ``none``."""
    completed = dict(flat)
    for name, value in flat.items():
        match = TRUNK_KEY.match(name[len(PREFIX):])
        if match and not match.group(2) and to_str(value) == "":
            completed.setdefault(name + ":privacy", "none")
    return completed


def _validate_callerid(view):
    for name, value in view.items():
        match = TRUNK_KEY.match(name[len(PREFIX):])
        if match and match.group(2) and value not in (None, "none") and not view.get(PREFIX + "callerid:" + match.group(1)):
            raise ReconcileError("%s needs a caller ID for trunk %s (config.callerid:%s): the API keeps a privacy only "
                                 "with a caller ID" % (name, match.group(1), match.group(1)), name)


def _encode_callerid(payload, view, changed):
    # The whole record, as every edit: trunks and allowed caller IDs wherever the server shows them.
    if any(TRUNK_KEY.match(name[len(PREFIX):]) for name in list(changed) + list(view)):
        trunks = sorted(set(TRUNK_KEY.match(name[len(PREFIX):]).group(1) for name in view
                            if TRUNK_KEY.match(name[len(PREFIX):])))
        trunks = [trunk for trunk in trunks if view.get(PREFIX + "callerid:" + trunk)]
        payload["trunks"] = ColonList(trunks)
        payload["tcallerids"] = ColonList(view[PREFIX + "callerid:" + trunk] for trunk in trunks)
        payload["tprivacies"] = ColonList(
            PRIVACIES.index(view.get(PREFIX + "callerid:%s:privacy" % trunk) or "none") for trunk in trunks)
    if PREFIX + "allowed_callerids" in view:
        rows = list((view.get(PREFIX + "allowed_callerids") or {}).values())
        payload["anums"] = ColonList(row["callerid"] for row in rows)
        payload["alabels"] = ColonList(row["label"] for row in rows)


CALLERID = ServiceConfig(
    [field("callerid"), field("emergency_callerid", api="emergencycid"),
     field("allowed_callerids", api=None, normalize=allowed_callerids, to_api=lambda value: {})],
    required=("callerid",), nonempty=("callerid",), validate=_validate_callerid, encode=_encode_callerid,
    expand=_trunk_fields, prepare=_complete_trunks)

# -- extension operation times (configuration only) ----------------------------------------------------

EXTOPERATIONTIMES = ServiceConfig(
    [field("timeout"), field("dial_opts"), field("sequential"), field("last_dest"), list_field("destinations"),
     list_field("ot_time_from"), list_field("ot_time_to"), list_field("ot_days_array")],
    editable=False)

# -- refusals worth explaining -------------------------------------------------------------------------

# "<service> set" in Postman documents yes or no (and its test accepts only those) for these; the
# reference gives yes, no or pin for every service (L2101).
YES_NO_ONLY_IN_POSTMAN = ("callerid", "callfilters", "callscreening", "dnd", "followme", "instrecord", "remoteaccess",
                          "grouphunt", "mobilenumbers", "blflist", "speeddial", "smsnotifications")


def refusal_hint(service, method, server_message):
    """What to tell the user about a write the server refused, when the sources explain it; else ``None``."""
    if method == "set" and "state=pin" in (server_message or ""):
        why = ("the vendor's Postman collection documents only yes or no for it" if service in YES_NO_ONLY_IN_POSTMAN
               else "it takes only yes or no")
        return "this server offers no PIN state for %s (%s): use state enabled or disabled" % (service, why)
    return None


CONFIGS = {
    "callerid": CALLERID, "callfilters": CALLFILTERS, "callscreening": CALLSCREENING, "dnd": DND, "callfwd": CALLFWD,
    "followme": FOLLOWME, "instrecord": INSTRECORD, "remoteaccess": REMOTEACCESS, "phonecallback": PHONECALLBACK,
    "grouphunt": GROUPHUNT, "mobilenumbers": MOBILENUMBERS, "sppage": SPPAGE, "blflist": BLFLIST,
    "speeddial": SPEEDDIAL, "extoperationtimes": EXTOPERATIONTIMES,
}
EDITABLE = tuple(service for service in SERVICES if service in CONFIGS and CONFIGS[service].editable)
