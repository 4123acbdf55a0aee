# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which write actions the integration run drove through the collection's modules.

    python tests/integration/action_coverage.py REQUEST_LOG

Reads the simulator's request log (JSON lines) of a whole integration run and
fails when any request of the collection carried the API key in its URL, or when a write action the simulator knows was never sent by a module and
answered ``ok``. Only requests whose User-Agent is the collection's count: a test
that calls the API itself (``ansible.builtin.uri``) proves nothing about a module.
The simulator's registry is the list of write actions, so a newly simulated object
is covered here as soon as it exists.
"""

import json
import sys

from pbxware_sim.registry import ACTIONS, load_objects

# Write actions no module sends yet, and why. Each one leaves this list with its module.
NOT_DRIVEN = {
}
COLLECTION_AGENT = "bicom.pbxware/"


def read_log(lines):
    """``(actions a collection module sent and the simulator answered ok, requests of the collection
    whose URL carried the API key)``."""
    seen, keyed = set(), 0
    for line in lines:
        entry = json.loads(line)
        if not entry.get("user_agent", "").startswith(COLLECTION_AGENT):
            continue
        keyed += bool(entry.get("apikey_in_url"))
        if entry.get("outcome") == "ok":
            seen.add(entry["action"])
    return seen, keyed


def main(path):
    load_objects()
    with open(path, encoding="utf-8") as handle:
        seen, keyed = read_log(handle)
    writes = sorted(name for name, action in ACTIONS.items() if action.write)
    missing = [name for name in writes if name not in seen and name not in NOT_DRIVEN]
    stale = sorted(name for name in NOT_DRIVEN if name in seen or name not in ACTIONS)
    print("action coverage: %d of %d write actions driven by modules and answered ok (%d not driven yet: %s)"
          % (len([name for name in writes if name in seen]), len(writes), len(NOT_DRIVEN), ", ".join(sorted(NOT_DRIVEN))))
    if missing:
        print("action coverage: FAILED: never sent by a module with an ok answer: %s" % ", ".join(missing))
    if stale:
        print("action coverage: FAILED: listed as not driven, but driven (or unknown): %s" % ", ".join(stale))
    if keyed:
        print("action coverage: FAILED: %d request(s) of the collection carried the API key in the URL" % keyed)
    return 1 if missing or stale or keyed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
