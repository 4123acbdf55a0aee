#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_apps_template
short_description: Manage the gloCOM apps template of a PBXware department
version_added: 0.2.0
description:
  - Sets which gloCOM editions and modules a department's template gives, through C(pbxware.apps.templates.set),
    comparing with C(pbxware.apps.templates.list) first. Only the options the task sets are compared.
  - Extensions get their department's template when they use department templates
    (M(bicom.pbxware.pbxware_extension_editions)'s O(bicom.pbxware.pbxware_extension_editions#module:use_department_templates)).
  - The API has no way to delete a template; set both lists to V([]) to give nothing.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  department:
    description:
      - The department, by internal ID or name (looked up with C(pbxware.department.list)). It must exist.
    type: str
    required: true
  editions:
    description:
      - The editions the template gives; V(all) for every one, V([]) or V(none) for none.
      - One or more of V(agent), V(office), V(business), V(operator), V(supervisor), V(mobile), V(web).
      - Compared as a set; the order does not matter.
    type: list
    elements: str
  modules:
    description:
      - The modules the template gives; V(all) for every one, V([]) or V(none) for none.
      - One or more of V(crm), V(call popup), V(skype), V(omni channel), V(customer survey).
      - Compared as a set; the order does not matter.
    type: list
    elements: str
seealso:
  - module: bicom.pbxware.pbxware_apps_info
  - module: bicom.pbxware.pbxware_department
  - module: bicom.pbxware.pbxware_extension_editions
"""

EXAMPLES = r"""
- name: Sales gets the business and mobile editions with CRM
  bicom.pbxware.pbxware_apps_template:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    department: Sales
    editions: [business, mobile]
    modules: [crm, call popup]
"""

RETURN = r"""
id:
  description: The department's internal ID.
  returned: success
  type: str
  sample: "4"
template:
  description: The template after the run (predicted in check mode); O(department) by ID.
  returned: success
  type: dict
  sample: {department: "4", editions: [business, mobile], modules: [crm, call popup]}
before:
  description: The template before the run (empty if the department had none).
  returned: success
  type: dict
  sample: {department: "4", editions: [mobile], modules: []}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {editions: [business, mobile]}
operation:
  description: V(create) for a department that had no template, V(update) for one that had, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_view
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.apps import APPS_TEMPLATE
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.departments import find_department_id

ARGUMENT_SPEC = dict(
    department=dict(type="str", required=True),
    editions=dict(type="list", elements="str"),
    modules=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, required_one_of=[("editions", "modules")])
    params = module.params

    def work():
        lists = dict((name, params[name]) for name in ("editions", "modules"))
        desired_view(APPS_TEMPLATE, lists)  # unknown names are refused before the department lookup
        department = find_department_id(module.client, module.server(), params["department"])
        result = module.converge(APPS_TEMPLATE, dict(lists, department=department), "template")
        # The engine's ID is the list key: a position, not the department, when templates.list answers a list.
        return dict(result, id=department)

    module.run(work)


if __name__ == "__main__":
    main()
