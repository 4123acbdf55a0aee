#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_paging_group_info
short_description: Read the paging groups of a PBXware tenant
version_added: 0.2.0
description:
  - Lists the paging groups of a tenant (C(pbxware.paging_group.list)), or the one with number O(extension).
  - Items come in the shape M(bicom.pbxware.pbxware_paging_group) takes, plus C(id); an item without C(id) given to
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
seealso:
  - module: bicom.pbxware.pbxware_paging_group
"""

EXAMPLES = r"""
- name: The paging groups of a tenant
  bicom.pbxware.pbxware_paging_group_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: paging
"""

RETURN = r"""
paging_groups:
  description: The tenant's paging groups, sorted by number; members sorted.
  returned: success
  type: list
  elements: dict
  sample:
    - id: "11279"
      extension: "400"
      name: Warehouse
      members: ["120", "121"]
      quiet: false
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import PAGING_GROUP, listed_groups


def main():
    module = PBXwareModule(dict(extension=dict(type="str")), tenant_scoped=True, reads_only=True)

    def work():
        found = [dict(read_view(PAGING_GROUP, row), id=group_id) for group_id, row
                 in listed_groups(module.client, module.server(), PAGING_GROUP, module.params["extension"])]
        return {"changed": False, "paging_groups": found}

    module.run(work)


if __name__ == "__main__":
    main()
