#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant_sms_trunk
short_description: Set the SMS trunk a PBXware tenant uses
version_added: 0.2.0
description:
  - Sets, changes or removes the SMS trunk of one tenant through C(pbxware.sms.trunks.tenants.list) and
    C(pbxware.sms.trunks.tenants.set). A tenant uses one SMS trunk at most.
  - The trunk is given by name or ID (resolved through C(pbxware.sms.trunks.list)); the API reads its name and
    writes its ID, and the module compares names. A second run reports no change.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  sms_trunk:
    description:
      - The SMS trunk the tenant uses, by name or ID. Required with O(state=present).
      - An empty string means none, as O(state=absent).
    type: str
  state:
    description: V(present) sets the tenant's SMS trunk, V(absent) leaves the tenant without one (C(set) without C(id)).
    type: str
    choices: [present, absent]
    default: present
notes:
  - O(tenant) or O(tenant_id) names the tenant; one of them is required.
seealso:
  - module: bicom.pbxware.pbxware_sms_trunk
  - module: bicom.pbxware.pbxware_sms_trunk_info
"""

EXAMPLES = r"""
- name: Tenant 344 sends SMS through the Twilio trunk
  bicom.pbxware.pbxware_tenant_sms_trunk:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    sms_trunk: Twilio US

- name: Tenant 454 sends no SMS
  bicom.pbxware.pbxware_tenant_sms_trunk:
    tenant: "454"
    state: absent
"""

RETURN = r"""
tenant_sms_trunk:
  description: The tenant's SMS trunk after the run (predicted in check mode); C(sms_trunk) is V("") for none.
  returned: success
  type: dict
  sample: {tenant_id: 2, sms_trunk: Twilio US}
before:
  description: The tenant's SMS trunk before the run.
  returned: success
  type: dict
  sample: {tenant_id: 2, sms_trunk: ""}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {sms_trunk: Twilio US}
operation:
  description: V(update) when the SMS trunk was (or would be) set, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.sms import (
    SmsTrunkNames, tenant_sms_trunk_resource)

ARGUMENT_SPEC = dict(
    sms_trunk=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, required_one_of=[("tenant", "tenant_id")],
                           required_if=[("state", "present", ["sms_trunk"])])
    params = module.params

    def work():
        if params["state"] == "absent" and params["sms_trunk"]:
            raise ReconcileError("sms_trunk names a trunk, but state=absent leaves the tenant without one", "sms_trunk")
        names = SmsTrunkNames(module.client.read("pbxware.sms.trunks.list"))
        resource = tenant_sms_trunk_resource(names)
        desired = {"tenant_id": module.server(),
                   "sms_trunk": params["sms_trunk"] if params["state"] == "present" else ""}
        return module.converge(resource, desired, "tenant_sms_trunk", in_tenant=False)

    module.run(work)


if __name__ == "__main__":
    main()
