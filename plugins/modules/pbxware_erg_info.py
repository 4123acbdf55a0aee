#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_erg_info
short_description: Read the enhanced ring groups (ERGs) of a PBXware tenant
version_added: 0.2.0
description:
  - Lists the enhanced ring groups of a tenant (C(pbxware.erg.list)), or the one with number O(extension), with
    their members.
  - C(pbxware.erg.list) is the only read the API offers for ERGs, so only the name, number, ring strategy and members
    are returned; the other settings cannot be read.
  - Items come in the shape M(bicom.pbxware.pbxware_erg) takes, plus C(id); an item without C(id) given to that
    module is a run without change.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  extension:
    description: Only the ERG with this number.
    type: str
seealso:
  - module: bicom.pbxware.pbxware_erg
"""

EXAMPLES = r"""
- name: The queues of a tenant
  bicom.pbxware.pbxware_erg_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: queues
"""

RETURN = r"""
ergs:
  description: The tenant's ERGs, sorted by number.
  returned: success
  type: list
  elements: dict
  sample:
    - id: "34"
      extension: "300"
      name: support
      ring_strategy: ringall
      members: [{extension: "101", penalty: 0}, {extension: "110", penalty: 5}]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import ERG, ERG_MEMBERS, listed_groups


def main():
    module = PBXwareModule(dict(extension=dict(type="str")), tenant_scoped=True, reads_only=True)

    def work():
        found = [dict(read_view(ERG, row), members=read_view(ERG_MEMBERS, row).get("members", []), id=group_id)
                 for group_id, row in listed_groups(module.client, module.server(), ERG, module.params["extension"])]
        return {"changed": False, "ergs": found}

    module.run(work)


if __name__ == "__main__":
    main()
