#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_department_info
short_description: List the departments of a PBXware tenant
version_added: 0.2.0
description:
  - Lists a tenant's departments (C(pbxware.department.list)), optionally only some of them.
  - Each item has the options M(bicom.pbxware.pbxware_department) takes, so it can be passed to it as it is.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  names:
    description: Only the departments with these names (exact).
    type: list
    elements: str
seealso:
  - module: bicom.pbxware.pbxware_department
"""

EXAMPLES = r"""
- name: The departments of tenant 344
  bicom.pbxware.pbxware_department_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: tenant_departments

- name: Extension 101 in the Sales department
  bicom.pbxware.pbxware_extension:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    department: "{{ tenant_departments.departments | selectattr('name', 'eq', 'Sales') | map(attribute='id') | list }}"
"""

RETURN = r"""
departments:
  description: The matching departments, by ID.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The department's internal ID (what extensions list in their C(department) option).
      type: str
      sample: "4"
    name:
      description: The department's name.
      type: str
      sample: Sales
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.departments import list_departments

ARGUMENT_SPEC = dict(
    names=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    names = module.params["names"]

    def work():
        found = list_departments(module.client, module.server())
        if names is not None:
            found = [row for row in found if row["name"] in names]
        return {"changed": False, "departments": found}

    module.run(work)


if __name__ == "__main__":
    main()
