#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_did_group
short_description: Manage a PBXware DID group
version_added: 0.1.0
description:
  - Creates, updates or deletes a DID group (a named range of DID numbers belonging to a tenant), identified by name.
  - Reads C(pbxware.didgroup.list), compares the options the task sets and sends only what differs. Every write
    uses server 1, as the API requires in tenant mode.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  name:
    description: The group's name. Identifies it.
    type: str
    required: true
  state:
    description: V(present) creates or updates the group, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  range_start:
    description: The first DID number of the group (API C(min_did)). Required to create.
    type: str
  range_end:
    description: The last DID number of the group (API C(max_did)), not lower than O(range_start). Required to create.
    type: str
notes:
  - The group belongs to the tenant given by O(tenant) or O(tenant_id) (API C(tenantid)); one of them is required to create.
seealso:
  - module: bicom.pbxware.pbxware_did
"""

EXAMPLES = r"""
- name: Numbers 12125550100-199 belong to tenant 344
  bicom.pbxware.pbxware_did_group:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    name: New York main range
    range_start: "12125550100"
    range_end: "12125550199"
"""

RETURN = r"""
id:
  description: The group's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "1"
group:
  description: The group after the run (predicted in check mode).
  returned: success
  type: dict
  sample: {name: New York main range, tenant: "2", range_start: "12125550100", range_end: "12125550199"}
before:
  description: The group before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {range_end: "12125550199"}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: create
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import DID_GROUP
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    range_start=dict(type="str"),
    range_end=dict(type="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        start, end = params["range_start"], params["range_end"]
        for name in ("range_start", "range_end"):
            if params[name] is not None and not params[name].isdigit():
                raise ReconcileError("%s must be digits only" % name, name)
        if start and end and int(end) < int(start):
            raise ReconcileError("range_end %s is lower than range_start %s" % (end, start), "range_end")
        tenant = None
        if params["tenant"] is not None or params["tenant_id"] is not None:
            tenant = module.server()
        desired = {"name": params["name"], "tenant": tenant, "range_start": start, "range_end": end}
        # didgroup.list takes no server: the group list is system-wide.
        return module.converge(DID_GROUP, desired, "group", params["state"], in_tenant=False)

    module.run(work)


if __name__ == "__main__":
    main()
