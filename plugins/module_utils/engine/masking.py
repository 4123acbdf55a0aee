# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one rule set for what is secret and how it is hidden.

Used by diffs and results (fields a resource declares secret), by reads that
have no resource table (server and tenant configuration, in modules and in
the inventory), and by every error message and warning (:func:`scrub`).
"""

import re
from urllib.parse import quote, quote_plus

MASK = "********"
MASK_CHANGED = "******** (changed)"

# Configuration keys that hold credentials although their name does not say so
# (the HTTP authentication pair of a tenant).
SECRET_KEYS = frozenset(("apusername", "appassword", "apikey", "api_key", "auth", "peer_secret"))
# A key is secret when one of its words (split on ``_`` and other non-letters) is one of these...
SECRET_WORDS = frozenset(("pin", "password", "passwd", "secret", "token", "apikey"))
# ...or when it contains one of these anywhere (``ldappassword``, ``sipsecret``).
SECRET_PARTS = ("password", "passwd", "secret", "token")
# Flags whose name carries a secret word: they say whether a PIN is asked, not the PIN.
NOT_SECRET_KEYS = frozenset(("require_pin", "requirepin", "voiceskippin"))
# A last word that makes a setting about a secret, not the secret (``pbd_pin_length``).
QUALIFIERS = frozenset(("length", "len", "digits", "enabled", "enable", "required", "policy", "type", "expiry",
                        "timeout", "attempts"))


def is_secret_key(key):
    """Whether a setting named ``key`` holds a secret."""
    key = str(key).lower()
    words = [word for word in re.split(r"[^a-z0-9]+", key) if word]
    if key in NOT_SECRET_KEYS or (len(words) > 1 and words[-1] in QUALIFIERS):
        return False
    if key in SECRET_KEYS or any(part in key for part in SECRET_PARTS):
        return True
    return any(word in SECRET_WORDS for word in words)


def has_value(value):
    return value not in (None, "", [], {})


def mask_settings(settings, reveal=False):
    """A copy of a configuration dict with every secret that has a value masked (unless ``reveal``).

    For reads with no resource table (server and tenant configuration, any answer of the raw API module
    and lookup), so nothing secret shows by default. Lists are masked item by item (rows of a list answer).
    """
    return settings if reveal else _masked(settings)


def _masked(value):
    if isinstance(value, list):
        # A list of scalars (codecs) holds no key to judge: kept as it is, without a copy.
        return [_masked(item) for item in value] if any(isinstance(item, (dict, list)) for item in value) else value
    if not isinstance(value, dict):
        return value
    masked = {}
    for key, item in value.items():
        if isinstance(item, dict) or (isinstance(item, list) and not is_secret_key(key)):
            masked[key] = _masked(item)
        elif has_value(item) and is_secret_key(key):
            masked[key] = MASK
        else:
            masked[key] = item
    return masked


def scrub(text, *secrets):
    """``text`` with every given secret (raw and URL-encoded) replaced by the mask."""
    text = str(text)
    for secret in secrets:
        if not secret:
            continue
        secret = str(secret)
        for form in sorted(set((secret, quote(secret, safe=""), quote_plus(secret))), key=len, reverse=True):
            text = text.replace(form, MASK)
    return text
