# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Argument encoding as the PBXware reference defines it.

Values are flattened into ordered ``(name, value)`` form pairs:

- scalars: ``name=value`` (booleans as ``1``/``0``; ``None`` is left out),
- :class:`CommaList` / :class:`ColonList`: one argument joined with ``,`` or ``:``
  (enhanced-service lists, trunk codecs; extension ``acodecs``),
- plain lists and tuples: repeated ``name[]=value`` (operation times),
- dicts: bracket arrays, ``keymap[1][type]=ex`` (IVR keymaps).
"""


class CommaList(list):
    """A list sent as one comma-separated argument."""

    separator = ","


class ColonList(list):
    """A list sent as one colon-separated argument."""

    separator = ":"


def encode_scalar(value):
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def encode_params(params):
    """Flatten ``params`` (a dict, in insertion order) into form pairs."""
    pairs = []
    for name, value in params.items():
        _encode(name, value, pairs)
    return pairs


def _encode(name, value, pairs):
    if value is None:
        return
    if isinstance(value, (CommaList, ColonList)):
        pairs.append((name, value.separator.join(encode_scalar(item) for item in value)))
    elif isinstance(value, (list, tuple)):
        for item in value:
            pairs.append((name + "[]", encode_scalar(item)))
    elif isinstance(value, dict):
        for key, item in value.items():
            _encode("%s[%s]" % (name, key), item, pairs)
    else:
        pairs.append((name, encode_scalar(value)))
