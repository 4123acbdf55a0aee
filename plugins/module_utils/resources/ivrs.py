# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""IVRs (``pbxware.ivr.list|add|edit|delete``), identified in their tenant by extension number.

``ivr.list`` is the only read: name, ext, status, operator and the keymap. The greeting
and every other add/edit argument are write-only. A keymap is written as
``keymap[<key>][type]=<code>&keymap[<key>][destination]=<value>``; the sources do not
say whether an edit merges keys, so a changed keymap is always sent whole (it is one
field), and ``ivr.add`` needs at least one key.

Servers read keymaps in two shapes (shared spec README, "Readings of IVR keymaps differ"):

- keyed by the key pressed, ``{"1": {"type": "Extension", "value": "100"}, ...}``: the
  whole keymap is compared;
- one ``{"type": "Extension", "value": "100"}`` without its key (the reference's example):
  only that entry can be compared. When it is none of the task's entries the keymap
  differs and is sent; when it is one of them, the rest cannot be read: the keymap is
  unverified (a warning on every such run, never a change), see ``Field.compare``.
  Views show that entry under the key ``?`` (:data:`UNKNOWN_KEY`).
"""

import re

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import (
    NAMED_DESTINATIONS, NamedDestinations)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, collection, ident, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ReconcileError, Resource, read_view)

KEYS = tuple("0123456789*")
# The key of the one entry a server that reads a single entry shows: it does not say which key it is.
UNKNOWN_KEY = "?"
# Readable destination type -> the API's code, in the reference's order.
KEYMAP_TYPES = (
    ("ivr", "aa"), ("queue", "qu"), ("ring_group", "rg"), ("conference", "cf"), ("extension", "ex"),
    ("voicemail", "vm"), ("crm_routing", "cr"), ("ivr_tree", "aatree"), ("directory", "dy"),
    ("remote_access", "ra"), ("fax_to_email", "fx"), ("external_number", "en"), ("ari_application", "ari"),
)
TYPE_NAMES = tuple(name for name, code in KEYMAP_TYPES)
TYPE_CODES = dict(KEYMAP_TYPES)
REMOTE_ACCESS = ("agentlogin", "destinations", "voicemail")
DIGITS = re.compile(r"^\d+$")


def _letters(value):
    return re.sub(r"[^a-z]", "", value.lower())


# Every spelling of a type (letters only): choice, code, and the names servers read
# (the reference's human names and the did.list spellings the simulator uses).
_TYPE_SPELLINGS = dict((_letters(name), name) for name in TYPE_NAMES)
_TYPE_SPELLINGS.update((code, name) for name, code in KEYMAP_TYPES)
_TYPE_SPELLINGS.update({
    "queues": "queue", "conferences": "conference", "ringgroups": "ring_group", "dialgroup": "ring_group",
    "dialgroups": "ring_group", "enhancedringgroup": "ring_group", "dialgroupsandenhancedringgroups": "ring_group",
    "callexternalnumber": "external_number",
})


def keymap_type(value):
    """The readable type from a choice (``extension``), a code (``ex``) or a read name (``"Extension"``)."""
    name = _TYPE_SPELLINGS.get(_letters(to_str(value) or ""))
    if name is None:
        raise ValueError("unknown keymap destination type %r; allowed: %s (or their codes %s)"
                         % (value, ", ".join(TYPE_NAMES), ", ".join(TYPE_CODES.values())))
    return name


def _entry(entry):
    if not isinstance(entry, dict):
        raise ValueError("a keymap entry must be an object with a type and a destination, got %r" % (entry,))
    destination = entry.get("destination", entry.get("value"))
    return {"type": keymap_type(entry.get("type")), "destination": to_str(destination) or ""}


def _is_single_entry(value):
    return isinstance(value, dict) and "type" in value and not isinstance(value["type"], dict)


def _key_order(key):
    return KEYS.index(key) if key in KEYS else len(KEYS)


def normalize_keymap(value):
    """``{key: {"type": readable type, "destination": text}}`` from the task or either read shape.

    A read of one entry without its key gives ``{"?": entry}``; ``[]`` (PHP's empty array) gives ``{}``,
    a list (PHP's array of keys 0 to n-1) is keyed by position.
    """
    if _is_single_entry(value):
        return {UNKNOWN_KEY: _entry(value)}
    entries = collection(value)
    return dict((key, _entry(entries[key])) for key in sorted(entries, key=_key_order))


def compare_keymap(current, desired):
    """``Field.compare`` for keymaps: whole keymaps compare as they are; one entry without its key
    agrees when it is any of the task's entries, and then the rest cannot be told (``None``)."""
    if not isinstance(current, dict):
        return False
    if UNKNOWN_KEY in current:
        return None if current[UNKNOWN_KEY] in desired.values() else False
    return current == desired


def encode_keymap(keymap):
    """Nested for ``keymap[<key>][type]=..&keymap[<key>][destination]=..``; a directory entry takes no destination."""
    encoded = {}
    for key in sorted(keymap, key=_key_order):
        entry = keymap[key]
        encoded[key] = {"type": TYPE_CODES[entry["type"]],
                        "destination": None if entry["type"] == "directory" else entry["destination"]}
    return encoded


STATUS = choice_map({"1": "enabled", "0": "disabled"})


def _text(value):
    """Text, with a missing value (``null`` from some servers) read as empty."""
    return to_str(value) or ""


IVR = Resource(
    "IVR",
    [
        Field("extension", api="ext", read="ext", required_on_create=True),
        Field("name", required_on_create=True),
        Field("greeting", write_only=True, required_on_create=True),
        Field("status", normalize=STATUS, to_api=lambda value: 1 if value == "enabled" else 0),
        Field("operator", normalize=_text),
        Field("keymap", normalize=normalize_keymap, to_api=encode_keymap, compare=compare_keymap,
              required_on_create=True),
    ],
    identity=["extension"],
    api_object="ivr",
)

# Every other ivr.add/edit argument (none is returned by ivr.list), with the Postman collection's
# regex where it has one ("Editing IVRs"), else the values the sources document.
OPTION_PATTERNS = {
    "disablecid": r"^(1|0|2)$", "tresponse": r"^\d{1,5}$", "rtpdelay": r"^\d{1,3}$", "tdigit": r"^\d{1,5}$",
    "rings": r"^\d$", "faxemail": r"^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]+$", "customring": r"^\w+$",
    "local2fax": r"^(1|0|2)$", "rangelimit": r"^(1|0|2)$", "rangestart": r"^\d{1,3}$", "rangeend": r"^\d{1,3}$",
    "ringtype": r"^(ring|moh|none)$", "moh": r"^.+$", "loops": r"^([1-9]|1[0-9]|20)$",
    # Reference: an extension number or an ARI application as ari-<ID> (Postman: digits only).
    "timeoutext": r"^(\d+|ari-\d+)$",
    "timeoutextvm": r"^(1|0|2)$", "localdial": r"^(1|0)$", "skip_invalid_selection": r"^(1|0)$",
}
WRITE_ONLY_OPTIONS = tuple(sorted(OPTION_PATTERNS))
# Reference: "No spaces are allowed"; Postman's character class without \s.
NAME = re.compile(r"^\w+$", re.ASCII)
GREETING = re.compile(r"^greeting-[\w-]+$", re.ASCII)


def option_fields(options):
    fields = []
    for key in sorted(options or {}):
        if key not in OPTION_PATTERNS:
            raise ReconcileError("options.%s is not an argument of pbxware.ivr.add/edit that has no option of its "
                                 "own; allowed: %s" % (key, ", ".join(WRITE_ONLY_OPTIONS)), "options")
        fields.append(Field("options." + key, api=key, write_only=True))
    return fields


def _check_destination(key, kind, destination):
    where = "keymap.%s.destination" % key
    if kind == "directory":
        if destination:
            raise ReconcileError("%s: type directory takes no destination, got %r" % (where, destination), "keymap")
        return
    if not destination:
        raise ReconcileError("%s is required with type %s (only directory takes none)" % (where, kind), "keymap")
    if kind == "remote_access":
        if destination not in REMOTE_ACCESS:
            raise ReconcileError("%s: with type remote_access it is one of %s, got %r"
                                 % (where, ", ".join(REMOTE_ACCESS), destination), "keymap")
    elif kind in NAMED_DESTINATIONS:
        return  # a number, or a name resolved to one (keymap_resolver)
    elif not DIGITS.match(destination):
        what = {"external_number": "an external number", "crm_routing": "a CRM routing rule's ID",
                "ari_application": "an ARI application's ID"}.get(kind, "the number of the %s" % kind)
        raise ReconcileError("%s: with type %s it is %s (digits), got %r" % (where, kind, what, destination),
                             "keymap")


def validate_keymap(keymap):
    if not keymap:
        raise ReconcileError("keymap needs at least one key (PBXware requires one and cannot store an empty "
                             "keymap)", "keymap")
    for key, entry in sorted(keymap.items(), key=lambda item: to_str(item[0])):
        key = to_str(key)
        if key not in KEYS:
            raise ReconcileError("keymap: %r is not a key of the keypad; allowed: 0-9 and * (quoted in YAML: '*')"
                                 % key, "keymap")
        if not isinstance(entry, dict) or set(entry) - set(("type", "destination")):
            raise ReconcileError("keymap.%s must be a dict of type and destination, got %r" % (key, entry), "keymap")
        if entry.get("type") in (None, ""):
            raise ReconcileError("keymap.%s.type is required; allowed: %s (or their API codes %s)"
                                 % (key, ", ".join(TYPE_NAMES), ", ".join(TYPE_CODES.values())), "keymap")
        try:
            kind = keymap_type(entry["type"])
        except ValueError as err:
            raise ReconcileError("keymap.%s.type: %s" % (key, err), "keymap")
        _check_destination(key, kind, to_str(entry.get("destination")) or "")


def validate(params):
    """Refuse, before any API call, what the server would refuse."""
    for name in ("extension", "operator"):
        value = to_str(params.get(name))
        if value and not DIGITS.match(value):
            raise ReconcileError("%s must be digits only, got %r" % (name, value), name)
    name = to_str(params.get("name"))
    if name is not None and not NAME.match(name):
        raise ReconcileError("name: PBXware takes IVR names of letters, digits and _ only (no spaces), got %r"
                             % name, "name")
    greeting = to_str(params.get("greeting"))
    if greeting is not None and not GREETING.match(greeting):
        raise ReconcileError("greeting must begin with greeting- (letters, digits, _ and - after it), got %r"
                             % greeting, "greeting")
    if params.get("keymap") is not None:
        validate_keymap(params["keymap"])
    for key, value in sorted((params.get("options") or {}).items()):
        text = to_str(value)
        if key in OPTION_PATTERNS and text and not re.match(OPTION_PATTERNS[key], text):
            raise ReconcileError("options.%s: %r does not match %s, which PBXware requires"
                                 % (key, text, OPTION_PATTERNS[key]), "options.%s" % key)


def info_items(rows, extension=None):
    """``(items in pbxware_ivr's input shape, {extension: IVR ID}, warnings)`` from an ``ivr.list`` answer.

    A keymap read as one entry without its key cannot be given as input: it is left out, with a warning.
    """
    items, ids, warnings = [], {}, []
    for object_id, row in collection(rows).items():
        view = read_view(IVR, row)
        if extension is not None and view.get("extension") != to_str(extension):
            continue
        keymap = view.get("keymap") or {}
        if UNKNOWN_KEY in keymap:
            del view["keymap"]
            warnings.append("IVR %s: this server's ivr.list shows one keymap entry without its key (%s to %s); "
                            "keymap is left out of the result" % (view.get("extension"), keymap[UNKNOWN_KEY]["type"],
                                                                  keymap[UNKNOWN_KEY]["destination"] or "-"))
        items.append(view)
        ids[view.get("extension")] = ident(object_id)
    items.sort(key=lambda item: (len(item.get("extension") or ""), item.get("extension") or ""))
    return items, ids, warnings


def keymap_resolver(client, server):
    """Resolve keymap destinations given by name (a ring group's, an IVR's): each list read once per run."""

    def resolve(params, current):
        keymap = params.get("keymap")
        if keymap:
            named = NamedDestinations(client, server)
            params["keymap"] = dict(
                (key, dict(entry, destination=named.number(keymap_type(entry.get("type")), entry.get("destination"),
                                                           "keymap")))
                if isinstance(entry, dict) and entry.get("destination") is not None else (key, entry)
                for key, entry in keymap.items())
        return params

    return resolve
