#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_did_clirouting
short_description: Manage a CLI routing rule of a PBXware DID
version_added: 0.1.0
description:
  - Routes calls to a DID by the caller's number - calls whose caller ID matches O(callerid) go to their own destination.
  - A rule is identified by its DID and O(callerid). Reads C(pbxware.did.clirouting.list), sends only what differs.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
  - bicom.pbxware.clirouting
options:
  did:
    description: The DID number the rule belongs to (resolved to its ID through C(pbxware.did.list)).
    type: str
    required: true
seealso:
  - module: bicom.pbxware.pbxware_did
"""

EXAMPLES = r"""
- name: Calls from the head office skip the IVR
  bicom.pbxware.pbxware_did_clirouting:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    did: "12125550100"
    callerid: "12125559000"
    destination_type: extension
    destination: "100"
    match_explicitly: true
"""

RETURN = r"""
id:
  description: The rule's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "3"
rule:
  description: The rule after the run (predicted in check mode).
  returned: success
  type: dict
  sample: {callerid: "12125559000", destination_type: extension, destination: "100", match_explicitly: true}
before:
  description: The rule before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {destination: "101"}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import (
    CLI_ROUTING_ARGS, clirouting_desired, clirouting_resolver)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import DID_CLI_ROUTE, find_did_id
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(CLI_ROUTING_ARGS, did=dict(type="str", required=True))


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        desired = clirouting_desired(DID_CLI_ROUTE, params)
        did_id = find_did_id(module.client, module.server(), params["did"])
        return module.converge(DID_CLI_ROUTE, desired, "rule", params["state"],
                               clirouting_resolver(module.client, module.server()), scope={"id": did_id})

    module.run(work)


if __name__ == "__main__":
    main()
