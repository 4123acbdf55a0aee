# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The simulator's control paths the targets use around almost every task: for tests/integration only.

A lookup runs in the controller's process. As ``ansible.builtin.uri`` tasks these calls were about
a third of all module runs of the suite (a module run each, two to read and clear the counts).
"""

DOCUMENTATION = r"""
name: sim_control
short_description: Reset the PBXware simulator, or read and clear its request counts (integration tests only)
description:
  - C(requests) GETs C(/_sim/requests), then POSTs C(/_sim/requests/clear); returns the counts
    (C(total), C(writes), C(by_action), ...) since the last clear.
  - C(reset) POSTs C(/_sim/reset); returns its answer.
options:
  _terms:
    description: What to do, C(requests) or C(reset).
    required: true
  base:
    description: The simulator's base URL (C(pbxware_sim_url)).
    type: str
    required: true
"""

import json

from ansible.errors import AnsibleLookupError
from ansible.module_utils.urls import open_url
from ansible.plugins.lookup import LookupBase

TIMEOUT = 30


class LookupModule(LookupBase):

    def run(self, terms, variables=None, **kwargs):
        self.set_options(var_options=variables, direct=kwargs)
        base = str(self.get_option("base")).rstrip("/")
        results = []
        for term in terms:
            try:
                if term == "requests":
                    counts = json.loads(open_url(base + "/_sim/requests", timeout=TIMEOUT).read())
                    open_url(base + "/_sim/requests/clear", method="POST", data=b"", timeout=TIMEOUT).read()
                    results.append(counts)
                elif term == "reset":
                    results.append(json.loads(open_url(base + "/_sim/reset", method="POST", data=b"",
                                                       timeout=TIMEOUT).read()))
                else:
                    raise AnsibleLookupError("sim_control: unknown term %r (requests or reset)" % term)
            except AnsibleLookupError:
                raise
            except Exception as err:  # pylint: disable=broad-except
                raise AnsibleLookupError("sim_control %s: %s: %s" % (term, base, err))
        return results
