#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_ring_group_info
short_description: Read the ring groups of a PBXware tenant
version_added: 0.2.0
description:
  - Lists the ring groups of a tenant (C(pbxware.ring_group.list)), or the one with number O(extension).
  - With O(configuration=true), also reads each group's C(pbxware.ring_group.configuration) (one call per group)
    for the options the list does not show.
  - Items come in the shape M(bicom.pbxware.pbxware_ring_group) takes, plus C(id); an item without C(id) given to
    that module is a run without change.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  extension:
    description: Only the group with this number.
    type: str
  configuration:
    description: Also read each group's configuration (C(ring_strategy), C(ring_timeout), C(max_limit), C(greeting), C(options)).
    type: bool
    default: false
seealso:
  - module: bicom.pbxware.pbxware_ring_group
"""

EXAMPLES = r"""
- name: Every ring group of a tenant, with its settings
  bicom.pbxware.pbxware_ring_group_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    configuration: true
  register: ring_groups
"""

RETURN = r"""
ring_groups:
  description: The tenant's ring groups, sorted by number.
  returned: success
  type: list
  elements: dict
  sample:
    - id: "4"
      extension: "200"
      name: Sales
      members: ["101", "102"]
      last_dest: "101"
      last_dest_vm: true
      ring_strategy: all
      ring_timeout: 30
      max_limit: 1
      greeting: ""
      options: {ganswer: false, loops: "1", looping_mode: per_ext, record: false}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import nest_options, read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import unwrap
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import (
    RING_GROUP, listed_groups, ring_group_read_resource)

ARGUMENT_SPEC = dict(
    extension=dict(type="str"),
    configuration=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        server = module.server()
        resource = ring_group_read_resource() if params["configuration"] else RING_GROUP
        found = []
        for group_id, row in listed_groups(module.client, server, RING_GROUP, params["extension"]):
            raw = dict(row)
            if params["configuration"]:
                answer = module.client.read("pbxware.ring_group.configuration", {"server": server, "id": group_id})
                raw.update(unwrap(answer, group_id))
            found.append(dict(nest_options(read_view(resource, raw)), id=group_id))
        return {"changed": False, "ring_groups": found}

    module.run(work)


if __name__ == "__main__":
    main()
