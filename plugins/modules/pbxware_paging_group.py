#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_paging_group
short_description: Manage a paging group of a PBXware tenant
version_added: 0.2.0
description:
  - Creates, updates or deletes one paging group, identified by its tenant and its number (O(extension)).
  - Reads C(pbxware.paging_group.list), which returns every argument, compares normalised values of the options the
    task sets and sends only those that differ with C(pbxware.paging_group.edit); a second run reports no change.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  extension:
    description: The paging group's number in the tenant (API C(number)). Identifies the group.
    type: str
    required: true
  state:
    description: V(present) creates or updates the group, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description: The group's name. Required to create.
    type: str
  members:
    description:
      - The extension numbers paged (API C(destinations)).
      - All of them are paged at once, so order and repeats are not compared. V([]) removes every member.
    type: list
    elements: str
  quiet:
    description: Quiet mode (API C(quiet) 1 or 0).
    type: bool
seealso:
  - module: bicom.pbxware.pbxware_paging_group_info
"""

EXAMPLES = r"""
- name: Page the warehouse phones
  bicom.pbxware.pbxware_paging_group:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "400"
    name: Warehouse
    members: ["120", "121", "122"]
    quiet: false

- name: Remove it
  bicom.pbxware.pbxware_paging_group:
    tenant: "344"
    extension: "400"
    state: absent
"""

RETURN = r"""
id:
  description: The group's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "11279"
paging_group:
  description: The group after the run (read back; predicted in check mode), by option name; members sorted.
  returned: success
  type: dict
  sample: {extension: "400", name: Warehouse, members: ["120", "121", "122"], quiet: false}
before:
  description: The group before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values.
  returned: success
  type: dict
  sample: {quiet: true}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import (
    PAGING_GROUP, validate_paging_group)

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str"),
    members=dict(type="list", elements="str"),
    quiet=dict(type="bool"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        validate_paging_group(params)
        return module.converge(PAGING_GROUP, desired_params(PAGING_GROUP, params), "paging_group", params["state"])

    module.run(work)


if __name__ == "__main__":
    main()
