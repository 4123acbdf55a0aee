# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Which API actions the integration run drove through the collection's modules and plugins.

    python tests/integration/action_coverage.py REQUEST_LOG [--report FILE]

Reads the simulator's request log (JSON lines) of a whole integration run. Only
requests whose User-Agent is the collection's count (``bicom.pbxware/VERSION (MODULE)``
names the module or plugin that sent it): a test that calls the API itself
(``ansible.builtin.uri``) proves nothing about a module. It prints how many of the
actions the API reference documents (simulator/conformance/actions.txt) were sent by a
module or plugin and answered ``ok``, and fails when

- any of them was not (``pbxware_api`` alone does not count: every action needs a
  first-class module or plugin);
- a write action the simulator knows was not (its registry is the list, so a newly
  simulated object is covered as soon as it exists);
- any request of the collection carried the API key in its URL.

``--report FILE`` writes, per action, the modules that sent it.
"""

import argparse
import collections
import json
import os
import re
import sys

from pbxware_sim.registry import ACTIONS, load_objects

REFERENCE_ACTIONS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "simulator", "conformance",
                                 "actions.txt")
COLLECTION_AGENT = re.compile(r"^bicom\.pbxware/\S+(?: \((?P<module>[^)]+)\))?")
# Sends any action by name: reaching an action only through it does not make the action first-class.
RAW_MODULE = "pbxware_api"


def read_log(lines):
    """``({action: {modules that sent it and got ok}}, requests of the collection whose URL carried the API key)``."""
    senders, keyed = collections.defaultdict(set), 0
    for line in lines:
        entry = json.loads(line)
        agent = COLLECTION_AGENT.match(entry.get("user_agent", ""))
        if not agent:
            continue
        keyed += bool(entry.get("apikey_in_url"))
        if entry.get("outcome") == "ok":
            senders[entry["action"]].add((agent.group("module") or "unnamed").rsplit(".", 1)[-1])
    return senders, keyed


def first_class(senders):
    return {action for action, modules in senders.items() if modules - {RAW_MODULE}}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", maxsplit=1)[0])
    parser.add_argument("request_log")
    parser.add_argument("--actions", default=REFERENCE_ACTIONS, help="the reference's actions, one per line")
    parser.add_argument("--report", help="write each action and the modules that sent it to this file")
    args = parser.parse_args(argv)
    load_objects()
    with open(args.request_log, encoding="utf-8") as handle:
        senders, keyed = read_log(handle)
    with open(args.actions, encoding="utf-8") as handle:
        documented = [line.strip() for line in handle if line.strip()]
    driven = first_class(senders)
    failures = []

    unreached = [name for name in documented if name not in driven]
    modules = {module for names in senders.values() for module in names}
    print("action coverage: %d of %d documented actions sent by %d modules and plugins and answered ok"
          % (len(documented) - len(unreached), len(documented), len(modules - {RAW_MODULE})))
    if unreached:
        failures.append("never sent by a module or plugin with an ok answer (%d): %s"
                        % (len(unreached), ", ".join(unreached)))

    writes = sorted(name for name, action in ACTIONS.items() if action.write)
    undriven_writes = [name for name in writes if name not in driven]
    print("action coverage: %d of %d write actions the simulator knows driven by modules"
          % (len(writes) - len(undriven_writes), len(writes)))
    if undriven_writes:
        failures.append("write actions never sent by a module with an ok answer: %s" % ", ".join(undriven_writes))
    if keyed:
        failures.append("%d request(s) of the collection carried the API key in the URL" % keyed)

    if args.report:
        with open(args.report, "w", encoding="utf-8") as handle:
            for name in documented:
                handle.write("%s\t%s\n" % (name, ", ".join(sorted(senders.get(name, ()))) or "-"))
        print("action coverage: actions and the modules that sent them in %s" % args.report)
    for failure in failures:
        print("action coverage: FAILED: %s" % failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
