#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_apps_info
short_description: Read the gloCOM apps slots and department templates of a PBXware tenant
version_added: 0.2.0
description:
  - Reads how many slots of each gloCOM edition and module the tenant has and which extensions use them
    (C(pbxware.apps.list)), and the apps template of each department (C(pbxware.apps.templates.list)).
  - Templates come back in the shape M(bicom.pbxware.pbxware_apps_template) takes, so an item can be passed to it
    as it is.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options: {}
notes:
  - In tenant mode the API answers only for a tenant, so O(tenant) or O(tenant_id) is needed there.
seealso:
  - module: bicom.pbxware.pbxware_apps_template
  - module: bicom.pbxware.pbxware_extension_editions
"""

EXAMPLES = r"""
- name: gloCOM use in tenant 344
  bicom.pbxware.pbxware_apps_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: apps

- name: Office slots left
  ansible.builtin.debug:
    msg: "{{ apps.apps.office.total - apps.apps.office.in_use }}"
"""

RETURN = r"""
apps:
  description:
    - Every edition and module the server reports, by name in lower case as the other modules spell it
      (V(office), V(call popup)).
  returned: success
  type: dict
  sample: {office: {total: 100, in_use: 2, extensions: ["100", "102"]}, crm: {total: 15, in_use: 0, extensions: []}}
  contains:
    total:
      description: Licensed slots.
      type: int
    in_use:
      description: Slots in use.
      type: int
    extensions:
      description: The numbers of the extensions that have it.
      type: list
      elements: str
templates:
  description: The department templates, by department ID.
  returned: success
  type: list
  elements: dict
  contains:
    department:
      description: The department's name (its ID when the server gives no name).
      type: str
      sample: Sales
    editions:
      description: The editions the template gives.
      type: list
      elements: str
      sample: [business, mobile]
    modules:
      description: The modules the template gives.
      type: list
      elements: str
      sample: [crm]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.apps import APPS_TEMPLATE, app_slots, template_rows


def main():
    module = PBXwareModule({}, tenant_scoped=True, reads_only=True)

    def work():
        query = {"server": module.server()}
        templates = []
        for row in template_rows(module.client.read("pbxware.apps.templates.list", query)):
            view = read_view(APPS_TEMPLATE, row)
            view["department"] = to_str(row.get("department_name")) or ident(row.get("department_id"))
            templates.append(view)
        return {"changed": False, "apps": app_slots(module.client.read("pbxware.apps.list", query)),
                "templates": templates}

    module.run(work)


if __name__ == "__main__":
    main()
