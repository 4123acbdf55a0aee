#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_server_info
short_description: Read the configuration of a PBXware that is not in tenant mode
version_added: 0.1.0
description:
  - Reads C(pbxware.server.configuration). PBXware answers it only outside tenant mode; in tenant mode use
    M(bicom.pbxware.pbxware_tenant_info) with O(bicom.pbxware.pbxware_tenant_info#module:details=[configuration]).
  - Passwords, secrets and PINs are masked unless O(reveal_secrets=true).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  reveal_secrets:
    description: Show passwords, secrets and PINs instead of masking them.
    type: bool
    default: false
seealso:
  - module: bicom.pbxware.pbxware_tenant_info
"""

EXAMPLES = r"""
- name: Read the server's settings
  bicom.pbxware.pbxware_server_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: server
"""

RETURN = r"""
configuration:
  description: The server's settings as the API returns them, secrets masked.
  returned: success
  type: dict
  sample: {server_name: pbx.example.com, ext_length: "3", apusername: admin, appassword: "********"}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import mask_settings
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import unwrap
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import MASTER_SERVER_ID


def main():
    module = PBXwareModule(dict(reveal_secrets=dict(type="bool", default=False)), reads_only=True)

    def work():
        answer = unwrap(module.client.read("pbxware.server.configuration"), MASTER_SERVER_ID)
        return {"changed": False, "configuration": mask_settings(answer, module.params["reveal_secrets"])}

    module.run(work)


if __name__ == "__main__":
    main()
