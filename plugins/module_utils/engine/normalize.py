# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Response and value normalisation, in one place.

PBXware mixes types freely (``"id": 5`` on add, ``"id": "5"`` on edit;
``"enabled"``, ``"1"``, ``1``, ``true`` for the same flag) and sends ``[]`` for
an empty collection. Everything compared or returned goes through here.
"""

TRUE_WORDS = frozenset(("1", "yes", "y", "true", "on", "enabled", "enable", "active"))
FALSE_WORDS = frozenset(("0", "no", "n", "false", "off", "disabled", "disable", "inactive", ""))


def collection(data):
    """An ID-keyed API collection as a dict with string keys (``[]`` means empty)."""
    if data is None or data == [] or data == "":
        return {}
    if isinstance(data, list):
        # Some servers send a JSON list when IDs happen to be 0..n-1.
        return dict((str(index), item) for index, item in enumerate(data))
    if isinstance(data, dict):
        return dict((str(key), value) for key, value in data.items())
    raise ValueError("expected an ID-keyed collection, got %s" % type(data).__name__)


def ident(value):
    """An object ID in one form (string), whether the API sent a number or a string."""
    if value is None or value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def to_bool(value):
    """``True``/``False`` from any of the API's spellings; ``None`` stays ``None``."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value != 0
    word = str(value).strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValueError("not a boolean: %r" % (value,))


def to_int(value):
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return int(value)
    return int(str(value).strip())


def to_str(value):
    """Text for comparison: numbers and strings alike, surrounding blanks dropped."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def to_lower(value):
    value = to_str(value)
    return value.lower() if value is not None else None


def split_list(separator):
    """A normaliser turning ``"a,b"`` or ``["a", "b"]`` into ``["a", "b"]``."""

    def normalise(value):
        if value is None:
            return None
        if isinstance(value, (list, tuple)):
            items = value
        else:
            items = str(value).split(separator)
        return [to_str(item) for item in items if to_str(item) != ""]

    return normalise


comma_list = split_list(",")
colon_list = split_list(":")


def choice_map(mapping):
    """A normaliser translating API spellings into user choices (unknown values pass through).

    ``choice_map({"1": "enabled", "0": "disabled"})`` accepts ``1``, ``"1"`` and ``"enabled"``.
    """
    lowered = dict((to_lower(key), value) for key, value in mapping.items())

    def normalise(value):
        key = to_lower(value)
        if key is None:
            return None
        return lowered.get(key, key)

    return normalise
