# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Any API action by name, with no resource table: pbxware_api, the pbxware lookup and one-shot action modules.

Whether an action reads is decided by its method (:func:`client.is_read_action`, the reference's
read methods) unless the caller says otherwise; arguments are sent as given (``encoding.py``);
values under secret-looking names (``masking.py``) are hidden from results and messages.
"""

import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareResponseError, PBXwareTransportError, is_read_action)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import is_secret_key
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

PREFIX = "pbxware."
# pbxware.<object>.<method>, objects and methods in the reference's spelling (lower case, digits, _).
ACTION_NAME = re.compile(r"^pbxware(\.[a-z0-9_]+){2,}$")
# Sent by the client itself; as arguments they would clash with it.
RESERVED_ARGUMENTS = {
    "apikey": "the API key is sent from the api_key option",
    "action": "the action is named by the action option",
    "apiformat": "answers are always requested and read as JSON",
}
WRITE_SENT_ONCE = ("; the write was sent once and is never re-sent: it may have been applied, so check before "
                   "sending it again")


def full_action_name(name):
    """``pbxware.ext.list`` for ``pbxware.ext.list`` or ``ext.list``; bad names raise ReconcileError on ``action``."""
    text = str(name) if name is not None else ""
    full = text if text.startswith(PREFIX) else PREFIX + text
    if not ACTION_NAME.match(full):
        raise ReconcileError("action must be an API action as pbxware.<object>.<method> in lower case, such as "
                             "pbxware.ext.list (the pbxware. prefix may be left out), got %r" % text, "action")
    return full


def reads(action, read_only=None):
    """Whether ``action`` only reads: ``read_only`` when given, else what its method says."""
    return is_read_action(action) if read_only is None else bool(read_only)


def check_arguments(arguments, parameter="arguments"):
    """Refuse arguments the client sends itself (apikey, action, apiformat), naming them."""
    if not isinstance(arguments, dict):
        raise ReconcileError("%s must be a dictionary of argument names and values" % parameter, parameter)
    for name in sorted(arguments, key=str):
        reason = RESERVED_ARGUMENTS.get(str(name).lower())
        if reason:
            raise ReconcileError("%s.%s cannot be given: %s" % (parameter, name, reason), parameter)
        if not str(name).strip():
            raise ReconcileError("%s: an argument name cannot be empty" % parameter, parameter)


def secret_values(value, secret=False):
    """Every value in ``value`` (arguments, nested dicts and lists) held under a secret-looking name, as text."""
    if isinstance(value, dict):
        return [found for key, item in value.items() for found in secret_values(item, secret or is_secret_key(key))]
    if isinstance(value, (list, tuple)):
        return [found for item in value for found in secret_values(item, secret)]
    if secret and value not in (None, "") and not isinstance(value, bool):
        return [str(value)]
    return []


def call(client, action, arguments, read):
    """Send ``action`` once as a write (``read`` false) or as a retried read; the decoded answer.

    A write whose answer was lost may have been applied: the error says so rather than anyone re-sending it.
    """
    try:
        return client.call(action, arguments, write=not read)
    except (PBXwareTransportError, PBXwareResponseError) as err:
        if not read and getattr(err, "reached_server", True):
            err.message += WRITE_SENT_ONCE
            err.args = (err.message,)
        raise
