#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_uad
short_description: Enable or disable a PBXware UAD (phone model)
version_added: 0.2.0
description:
  - Enables a UAD (user agent device, a phone model extensions can be given) through C(pbxware.uads.activate) or
    disables it through C(pbxware.uads.deactivate), reading C(pbxware.uads.list) first and writing only when its
    state differs.
  - UADs are system-wide, so the module takes no tenant; writes carry the system's server ID, 1.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  name:
    description:
      - The UAD, by name (V(yealinkt41)), full name (V(Yealink T41)) or internal ID, case-insensitive.
      - Required unless O(id) is given; with O(id), it must name the same UAD.
    type: str
  id:
    description: The UAD's internal ID (what M(bicom.pbxware.pbxware_extension) takes as C(user_agent)).
    type: str
  fullname:
    description:
      - The UAD's full name, which cannot be changed. Accepted so that an item of
        M(bicom.pbxware.pbxware_uad_info) can be passed as it is; when given it must match.
    type: str
  state:
    description: Whether the UAD is enabled (offered for extensions) or disabled.
    type: str
    choices: [enabled, disabled]
    required: true
seealso:
  - module: bicom.pbxware.pbxware_uad_info
  - module: bicom.pbxware.pbxware_extension
"""

EXAMPLES = r"""
- name: Offer the Yealink T46G
  bicom.pbxware.pbxware_uad:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    name: yealinkt46g
    state: enabled

- name: No more Cisco 7960s
  bicom.pbxware.pbxware_uad:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    name: Cisco 7960
    state: disabled
"""

RETURN = r"""
id:
  description: The UAD's internal ID.
  returned: success
  type: str
  sample: "137"
uad:
  description: The UAD after the run (predicted in check mode).
  returned: success
  type: dict
  sample: {id: "137", name: yealinkt46g, fullname: Yealink T46G, state: enabled}
before:
  description: The UAD before the run.
  returned: success
  type: dict
  sample: {id: "137", name: yealinkt46g, fullname: Yealink T46G, state: disabled}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {state: enabled}
operation:
  description: V(update) when the state was (or would be) changed, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.uads import STATES, find_uad_id, uad_resource

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    id=dict(type="str"),
    fullname=dict(type="str"),
    state=dict(type="str", choices=list(STATES), required=True),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, required_one_of=[("name", "id")])
    params = module.params

    def work():
        uad_id = find_uad_id(module.client, params["name"], params["id"], params["fullname"])
        return module.converge(uad_resource(params["state"]), {"id": uad_id, "state": params["state"]}, "uad",
                               in_tenant=False)

    module.run(work)


if __name__ == "__main__":
    main()
