#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_trunk_info
short_description: Read the trunks of a PBXware and its trunk providers
version_added: 0.2.0
description:
  - Lists the trunks (C(pbxware.trunk.list)), optionally filtered by name, and reads the configuration of each one
    listed (C(pbxware.trunk.configuration), one call per trunk).
  - Trunks come back in the shape M(bicom.pbxware.pbxware_trunk) takes, plus their C(id), so output can be used as
    input. Secrets are masked unless O(reveal_secrets=true); options the API never returns are not included.
  - Also returns the trunk providers (C(pbxware.trunk.providers)).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  name:
    description: Only trunks whose name matches this shell-style pattern (case-insensitive).
    type: str
  reveal_secrets:
    description: Show the trunks' secrets instead of masking them.
    type: bool
    default: false
seealso:
  - module: bicom.pbxware.pbxware_trunk
"""

EXAMPLES = r"""
- name: Every trunk and the providers to choose from
  bicom.pbxware.pbxware_trunk_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: trunks

- name: The carrier trunks
  bicom.pbxware.pbxware_trunk_info:
    name: "Carrier*"
  register: carrier_trunks
"""

RETURN = r"""
trunks:
  description: The matching trunks, sorted by name, with C(id); secrets masked unless O(reveal_secrets=true).
  returned: success
  type: list
  elements: dict
  sample:
    - id: "2316"
      name: TestSIP
      provider: "20"
      type: peer
      dtmfmode: rfc2833
      status: active
      country: "869"
      national: "1"
      international: "011"
      host: sip.example.net
      username: testsip
      secret: "********"
      insecure: port,invite
      incoming_limit: 10
      outgoing_limit: 10
      codecs: [ulaw, alaw]
      codecs_ptime: [20, 20]
      options: {transport: udp, qualify: "0", register: "0", e164a: false, prefix: ""}
providers:
  description: The trunk providers, sorted by ID; C(type) is C(voip) for SIP providers, C(pstn) for the others.
  returned: success
  type: list
  elements: dict
  sample:
    - {id: "12", name: Generic Analog, type: pstn}
    - {id: "20", name: Generic SIP, type: voip}
"""

import fnmatch

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.diff import mask
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import nest_options, read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import MASTER_SERVER_ID
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.trunks import TRUNK_READ, provider_rows

ARGUMENT_SPEC = dict(
    name=dict(type="str"),
    reveal_secrets=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, reads_only=True)
    params = module.params

    def work():
        client = module.client
        # The configuration read with server=1 and trunkid, as the module's own reads.
        reader = Converger(client, TRUNK_READ)
        rows = collection(client.read("pbxware.trunk.list"))
        found = []
        for trunk_id, row in sorted(rows.items(), key=lambda item: (to_str(item[1].get("name")) or "").lower()):
            if params["name"] and not fnmatch.fnmatch((to_str(row.get("name")) or "").lower(), params["name"].lower()):
                continue
            view = read_view(TRUNK_READ, reader.read_object(trunk_id, row))
            if not params["reveal_secrets"]:
                view = mask(TRUNK_READ, view)
            found.append(dict(nest_options(view), id=ident(trunk_id)))
        providers = provider_rows(client.read("pbxware.trunk.providers", {"server": MASTER_SERVER_ID}))
        return {"changed": False, "trunks": found, "providers": providers}

    module.run(work)


if __name__ == "__main__":
    main()
