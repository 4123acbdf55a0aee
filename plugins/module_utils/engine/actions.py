# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""One-shot actions (credit a balance, reset counters, delete voicemails).

They have no state to converge, but the same rules hold: nothing is sent in
check mode, a lookup (where the API offers one) makes them idempotent, and a
write is never re-sent after a fault: the lookup decides whether it landed.
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareResponseError, PBXwareTransportError)


def run_once(client, action, params, check_mode, already_done=None):
    """Send ``action`` unless ``already_done()`` says it has been applied.

    Returns ``(changed, warnings)``. Without ``already_done`` the action is
    always sent (and always reported as a change).
    """
    if already_done is not None and already_done():
        return False, []
    if check_mode:
        return True, []
    try:
        client.write(action, params)
    except (PBXwareTransportError, PBXwareResponseError) as err:
        reached = getattr(err, "reached_server", True)
        if already_done is not None and reached and already_done():
            return True, ["%s: the server did not answer cleanly (%s), but a fresh read shows it was applied"
                          % (action, err.message)]
        raise
    return True, []
