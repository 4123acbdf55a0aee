#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension_macs
short_description: Manage the additional MAC addresses of a PBXware extension
version_added: 0.1.0
description:
  - Sets the list of additional devices (MAC address, serial number, phone model, location) registered
    to one extension, through C(pbxware.ext.additional_macs).
  - Compares with the C(additional_macaddress) list that C(pbxware.ext.configuration) returns and writes
    only when the list differs. The API replaces the whole list on every write, so the task declares it whole.
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
  macs:
    description:
      - The complete list of additional devices, in order.
      - The API cannot remove every additional MAC address, so the list must not be empty.
    type: list
    elements: dict
    required: true
    suboptions:
      mac:
        description: MAC address, 12 hex digits; C(:) and C(-) separators are accepted.
        type: str
        required: true
      serial:
        description: Serial number of the device.
        type: str
      user_agent:
        description: The device model (UAD), as an ID, codename or full name.
        type: str
      location:
        description: Where the device is.
        type: str
        choices: [local, remote]
        default: local
      device_address:
        description: Device location ID.
        type: str
notes:
  - The list is compared in order, with MAC addresses in lower case without separators.
seealso:
  - module: bicom.pbxware.pbxware_extension
"""

EXAMPLES = r"""
- name: A desk phone and a remote phone for extension 101
  bicom.pbxware.pbxware_extension_macs:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    macs:
      - mac: "80:5e:c0:12:34:56"
        user_agent: Yealink T41
        serial: SN123456
      - mac: 805ec0abcdef
        user_agent: generic_sip
        location: remote
"""

RETURN = r"""
id:
  description: The extension's internal ID.
  returned: success
  type: str
  sample: "10"
macs:
  description: The additional devices after the run (predicted in check mode), by option name.
  returned: success
  type: dict
  sample:
    extension: "101"
    macs:
      - {mac: 805ec0123456, serial: SN123456, user_agent: "135", location: local, device_address: ""}
before:
  description: The additional devices before the run.
  returned: success
  type: dict
  sample: {extension: "101", macs: []}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {macs: [{mac: 805ec0123456, serial: "", user_agent: "135", location: local, device_address: ""}]}
operation:
  description: V(update) when the list was (or would be) written, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EXTENSION_MACS, mac_user_agent_resolver, validate_macs)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    macs=dict(type="list", elements="dict", required=True, options=dict(
        mac=dict(type="str", required=True),
        serial=dict(type="str"),
        user_agent=dict(type="str"),
        location=dict(type="str", choices=["local", "remote"], default="local"),
        device_address=dict(type="str"),
    )),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)

    def work():
        validate_macs(module.params["macs"])
        desired = {"extension": module.params["extension"], "macs": module.params["macs"]}
        return module.converge(EXTENSION_MACS, desired, "macs", resolve=mac_user_agent_resolver(module.client))

    module.run(work)


if __name__ == "__main__":
    main()
