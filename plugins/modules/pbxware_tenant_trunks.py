#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant_trunks
short_description: Manage which trunks a PBXware tenant may use
version_added: 0.1.0
description:
  - Sets a tenant's allowed trunks and its primary, secondary, tertiary and emergency trunks through
    C(pbxware.tenant.trunks.list) and C(pbxware.tenant.trunks.set).
  - Trunks are given by name or ID (resolved through C(pbxware.trunk.list)); the API reads names and writes IDs,
    and the module compares names. Only the options the task sets are compared; an empty string clears a slot.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  trunks:
    description: The trunks the tenant may use, in order.
    type: list
    elements: str
  primary_trunk:
    description: Primary trunk for outgoing calls.
    type: str
  secondary_trunk:
    description: Secondary trunk.
    type: str
  tertiary_trunk:
    description: Tertiary trunk.
    type: str
  primary_emergency_trunk:
    description: Primary trunk for emergency calls (API C(primary_emerg_trunk)).
    type: str
  secondary_emergency_trunk:
    description: Secondary trunk for emergency calls.
    type: str
  tertiary_emergency_trunk:
    description: Tertiary trunk for emergency calls.
    type: str
notes:
  - O(tenant) or O(tenant_id) names the tenant; with neither, the master server (ID 1).
seealso:
  - module: bicom.pbxware.pbxware_tenant_info
"""

EXAMPLES = r"""
- name: Tenant 344 calls out through Carrier A, then Carrier B
  bicom.pbxware.pbxware_tenant_trunks:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    trunks: [Carrier A, Carrier B]
    primary_trunk: Carrier A
    secondary_trunk: Carrier B
    primary_emergency_trunk: Carrier A
"""

RETURN = r"""
trunks:
  description: The tenant's trunk assignment after the run (predicted in check mode), by trunk name.
  returned: success
  type: dict
  sample: {trunks: [Carrier A, Carrier B], primary_trunk: Carrier A, secondary_trunk: Carrier B, tertiary_trunk: "",
           primary_emergency_trunk: Carrier A, secondary_emergency_trunk: "", tertiary_emergency_trunk: ""}
before:
  description: The assignment before the run.
  returned: success
  type: dict
  sample: {trunks: [], primary_trunk: ""}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {primary_trunk: Carrier A}
operation:
  description: V(update) when the assignment was (or would be) written, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import (
    TRUNK_SLOTS, TrunkNames, tenant_trunks_resource)

ARGUMENT_SPEC = dict(trunks=dict(type="list", elements="str"),
                     **dict((option, dict(type="str")) for option, api in TRUNK_SLOTS))


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True,
                           required_one_of=[["trunks"] + [option for option, api in TRUNK_SLOTS]])

    def work():
        resource = tenant_trunks_resource(TrunkNames(module.client.read("pbxware.trunk.list")))
        desired = dict((name, module.params[name]) for name in resource.by_name)
        return module.converge(resource, desired, "trunks", in_tenant=False, scope={"tenant": module.server()})

    module.run(work)


if __name__ == "__main__":
    main()
