#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_uad_info
short_description: List the UADs (phone models) of a PBXware system
version_added: 0.2.0
description:
  - Lists the UADs (C(pbxware.uads.list)) with their state, optionally only some of them.
  - Each item has the options M(bicom.pbxware.pbxware_uad) takes, so it can be passed to it as it is.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  names:
    description: Only these UADs, each by name, full name or internal ID (case-insensitive).
    type: list
    elements: str
seealso:
  - module: bicom.pbxware.pbxware_uad
"""

EXAMPLES = r"""
- name: Every UAD
  bicom.pbxware.pbxware_uad_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: phones

- name: The enabled ones
  ansible.builtin.debug:
    msg: "{{ phones.uads | selectattr('state', 'eq', 'enabled') | map(attribute='fullname') | list }}"
"""

RETURN = r"""
uads:
  description: The matching UADs, by ID.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The UAD's internal ID.
      type: str
      sample: "135"
    name:
      description: The UAD's name.
      type: str
      sample: yealinkt41
    fullname:
      description: The UAD's full name.
      type: str
      sample: Yealink T41
    state:
      description: V(enabled) or V(disabled).
      type: str
      sample: enabled
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.uads import uad_rows

ARGUMENT_SPEC = dict(
    names=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, reads_only=True)
    names = module.params["names"]

    def work():
        found = uad_rows(module.client.read("pbxware.uads.list"))
        if names is not None:
            wanted = set(name.lower() for name in names)
            found = [row for row in found if wanted & set((row["id"], row["name"].lower(), row["fullname"].lower()))]
        return {"changed": False, "uads": found}

    module.run(work)


if __name__ == "__main__":
    main()
