# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Codec names, as extensions, tenants and trunks write and read them.

The reference lists the names PBXware knows (extension ``acodecs``, trunk
``codecs`` and ``force_codec``); a name it does not know is stored as nothing
at all, so it is refused before any call. Live servers read an extension's
``options.allow`` with items such as ``ulaw,0``: codecs are compared by name.
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

KNOWN_CODECS = (
    "ulaw", "alaw", "g722", "opus", "g723.1", "g726", "g726aal2", "g729", "gsm", "ilbc", "speex", "speex16",
    "speex32", "lpc10", "h261", "h263", "h263p",
)


def codec_name(item):
    """``"ulaw,0"`` (a live server's read) and ``"ULAW"`` -> ``"ulaw"``."""
    text = str(item).strip().lower()
    name, sep, suffix = text.partition(",")
    return name.strip() if sep and suffix.strip().isdigit() else text


def codec_list(value):
    """A normaliser for codec lists read or written: a list, or a colon-separated string, of names."""
    if value is None:
        return None
    items = value if isinstance(value, (list, tuple)) else str(value).split(":")
    return [codec_name(item) for item in items if str(item).strip()]


def check_codecs(values, parameter):
    """Refuse names PBXware does not know, listing the ones it does."""
    if values is None:
        return
    items = values if isinstance(values, (list, tuple)) else str(values).split(":")
    unknown = [item for item in items if codec_name(item) not in KNOWN_CODECS]
    if unknown:
        raise ReconcileError("%s: unknown codec %s; PBXware knows %s"
                             % (parameter, ", ".join(repr(item) for item in unknown), ", ".join(KNOWN_CODECS)),
                             parameter)
