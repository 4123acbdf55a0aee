#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_department
short_description: Manage a department of a PBXware tenant
version_added: 0.2.0
description:
  - Creates, renames or deletes a department of a tenant through C(pbxware.department.add), C(edit) and
    C(delete), comparing with C(pbxware.department.list) first.
  - A department is found by O(name), or by O(id) when that is given (to rename it). Extensions join
    departments by ID (M(bicom.pbxware.pbxware_extension)'s O(bicom.pbxware.pbxware_extension#module:department));
    gloCOM apps templates are set per department with M(bicom.pbxware.pbxware_apps_template).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  name:
    description:
      - The department's name. Identifies it unless O(id) is given; then it is the name to give it.
      - Required unless O(id) is given.
    type: str
  id:
    description:
      - The department's internal ID. When given, the department is found by ID and renamed to O(name).
      - A department cannot be created with a chosen ID; an ID that does not exist is an error.
    type: str
  state:
    description: V(present) creates or renames the department, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
notes:
  - Deleting a department does not take its ID out of the extensions that list it.
seealso:
  - module: bicom.pbxware.pbxware_department_info
  - module: bicom.pbxware.pbxware_apps_template
"""

EXAMPLES = r"""
- name: A Sales department in tenant 344
  bicom.pbxware.pbxware_department:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    name: Sales

- name: Rename department 4
  bicom.pbxware.pbxware_department:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    id: "4"
    name: Sales EMEA

- name: No Support department
  bicom.pbxware.pbxware_department:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    name: Support
    state: absent
"""

RETURN = r"""
id:
  description: The department's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "4"
department:
  description: The department after the run (predicted in check mode); empty after a delete.
  returned: success
  type: dict
  sample: {name: Sales}
before:
  description: The department before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {name: Sales EMEA}
operation:
  description: What the run did (or would do in check mode), V(null) when nothing.
  returned: success
  type: str
  sample: create
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.departments import (
    DEPARTMENT, DEPARTMENT_BY_ID, validate)

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, required_one_of=[("name", "id")])
    params = module.params

    def work():
        validate(params)
        resource = DEPARTMENT_BY_ID if params["id"] is not None else DEPARTMENT
        desired = dict((name, params[name]) for name in resource.by_name)
        return module.converge(resource, desired, "department", params["state"])

    module.run(work)


if __name__ == "__main__":
    main()
