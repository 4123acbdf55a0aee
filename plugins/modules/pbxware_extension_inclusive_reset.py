#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension_inclusive_reset
short_description: Reset the inclusive minutes or messages of a PBXware extension
version_added: 0.1.0
description:
  - Resets the used inclusive minutes (C(pbxware.ext.reset_inclusive_minutes)) and/or inclusive messages
    (C(pbxware.ext.reset_inclusive_messages)) of one extension.
  - A one-shot action - every run sends it and reports a change. In check mode nothing is sent.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.action
options:
  extension:
    description: The extension number.
    type: str
    required: true
  counters:
    description: Which counters to reset.
    type: list
    elements: str
    choices: [minutes, messages]
    default: [minutes]
seealso:
  - module: bicom.pbxware.pbxware_extension_info
"""

EXAMPLES = r"""
- name: Start a new billing month for extension 101
  bicom.pbxware.pbxware_extension_inclusive_reset:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    counters: [minutes, messages]
"""

RETURN = r"""
reset:
  description: The counters reset (or that would be, in check mode).
  returned: success
  type: list
  elements: str
  sample: [minutes, messages]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.actions import run_once
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    check_extension_number, find_extension)

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    counters=dict(type="list", elements="str", choices=["minutes", "messages"], default=["minutes"]),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)

    def work():
        check_extension_number(module.params["extension"])
        server = module.server()
        find_extension(module.client, server, module.params["extension"], module.tenant_row)
        counters = sorted(set(module.params["counters"]), key=module.params["counters"].index)
        for counter in counters:
            run_once(module.client, "pbxware.ext.reset_inclusive_%s" % counter,
                     {"server": server, "ext": module.params["extension"]}, module.check_mode)
        return {"changed": bool(counters), "reset": counters}

    module.run(work)


if __name__ == "__main__":
    main()
