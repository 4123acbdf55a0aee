#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension_editions
short_description: Manage the gloCOM editions and modules of a PBXware extension
version_added: 0.1.0
description:
  - Sets which gloCOM editions and modules an extension has, through C(pbxware.ext.editions_modules.set),
    comparing with C(pbxware.ext.editions_modules.configuration) first. Only the options the task sets are compared.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  extension:
    description: The extension number. The extension must exist.
    type: str
    required: true
  editions:
    description:
      - The editions the extension has; V(all) for every one, V([]) or V(none) for none.
      - One or more of V(agent), V(office), V(business), V(operator), V(supervisor), V(mobile), V(web).
    type: list
    elements: str
  modules:
    description:
      - The modules the extension has; V(all) for every one, V([]) or V(none) for none.
      - One or more of V(crm), V(call popup), V(skype), V(omni channel), V(customer survey).
    type: list
    elements: str
  use_department_templates:
    description: Whether the extension takes editions and modules from its department's template.
    type: bool
seealso:
  - module: bicom.pbxware.pbxware_extension
"""

EXAMPLES = r"""
- name: Business edition with CRM and call pop-up
  bicom.pbxware.pbxware_extension_editions:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    editions: [business, mobile]
    modules: [crm, call popup]
    use_department_templates: false
"""

RETURN = r"""
id:
  description: The extension's internal ID.
  returned: success
  type: str
  sample: "10"
editions:
  description: The editions and modules after the run (predicted in check mode).
  returned: success
  type: dict
  sample: {extension: "101", editions: [business, mobile], modules: [crm, call popup], use_department_templates: false}
before:
  description: The editions and modules before the run.
  returned: success
  type: dict
  sample: {extension: "101", editions: [], modules: [], use_department_templates: false}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {editions: [business, mobile]}
operation:
  description: V(update) when a change was (or would be) written, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import EXTENSION_EDITIONS
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    editions=dict(type="list", elements="str"),
    modules=dict(type="list", elements="str"),
    use_department_templates=dict(type="bool"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True,
                           required_one_of=[("editions", "modules", "use_department_templates")])

    def work():
        desired = dict((name, module.params[name]) for name in EXTENSION_EDITIONS.by_name)
        return module.converge(EXTENSION_EDITIONS, desired, "editions")

    module.run(work)


if __name__ == "__main__":
    main()
