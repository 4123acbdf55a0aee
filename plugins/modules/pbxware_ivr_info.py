#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_ivr_info
short_description: Read the IVRs of a PBXware tenant
version_added: 0.2.0
description:
  - Lists the IVRs of a tenant (C(pbxware.ivr.list)), or one of them.
  - Each IVR comes back in the shape M(bicom.pbxware.pbxware_ivr) takes, so an item given to it as input is a
    run without change. The write-only greeting and other settings cannot be read.
  - Where the server's C(pbxware.ivr.list) shows a single keymap entry without saying its key (as the API
    reference's example does), the keymap cannot be given as input - it is left out of the item and a warning
    names the entry shown.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  extension:
    description: Only the IVR with this extension number.
    type: str
seealso:
  - module: bicom.pbxware.pbxware_ivr
"""

EXAMPLES = r"""
- name: The menus of a tenant
  bicom.pbxware.pbxware_ivr_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: menus

- name: Copy the reception menu to another tenant
  bicom.pbxware.pbxware_ivr: "{{ menus.ivrs[0] | combine({'tenant': '454', 'greeting': 'greeting-reception'}) }}"
"""

RETURN = r"""
ivrs:
  description: The IVRs, sorted by extension number, by option name of M(bicom.pbxware.pbxware_ivr).
  returned: success
  type: list
  elements: dict
  sample:
    - extension: "700"
      name: Reception
      status: enabled
      operator: "100"
      keymap:
        "1": {type: extension, destination: "100"}
        "9": {type: directory, destination: ""}
        "*": {type: remote_access, destination: voicemail}
ids:
  description: The internal ID of each IVR listed, by extension number.
  returned: success
  type: dict
  sample: {"700": "12"}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.ivrs import info_items, validate
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(
    extension=dict(type="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        validate({"extension": params["extension"]})
        rows = module.client.read("pbxware.ivr.list", {"server": module.server()})
        items, ids, warnings = info_items(rows, params["extension"])
        return {"changed": False, "ivrs": items, "ids": ids, "warnings": warnings}

    module.run(work)


if __name__ == "__main__":
    main()
