#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant_clirouting
short_description: Manage a CLI routing rule of a PBXware tenant
version_added: 0.1.0
description:
  - Routes a tenant's incoming calls by the caller's number - calls whose caller ID matches O(callerid) go to their
    own destination.
  - A rule is identified by its tenant and O(callerid). Reads C(pbxware.tenant.clirouting.list), sends only what differs.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
  - bicom.pbxware.clirouting
notes:
  - O(tenant) or O(tenant_id) names the tenant; with neither, the master server (ID 1), as on a PBXware not in tenant mode.
seealso:
  - module: bicom.pbxware.pbxware_did_clirouting
"""

EXAMPLES = r"""
- name: A known nuisance caller gets nowhere in tenant 344
  bicom.pbxware.pbxware_tenant_clirouting:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    callerid: "19005550000"
    destination_type: deny_access
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
  sample: {callerid: "19005550000", destination_type: deny_access, destination: "", match_explicitly: false}
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
  sample: create
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import (
    CLI_ROUTING_ARGS, clirouting_desired, clirouting_resolver)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import TENANT_CLI_ROUTE


def main():
    module = PBXwareModule(CLI_ROUTING_ARGS, tenant_scoped=True)

    def work():
        desired = clirouting_desired(TENANT_CLI_ROUTE, module.params)
        server = module.server()
        return module.converge(TENANT_CLI_ROUTE, desired, "rule", module.params["state"],
                               clirouting_resolver(module.client, server), in_tenant=False, scope={"tenant": server})

    module.run(work)


if __name__ == "__main__":
    main()
