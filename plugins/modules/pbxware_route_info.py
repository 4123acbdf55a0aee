#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_route_info
short_description: List the routes (countries) of a PBXware system
version_added: 0.2.0
description:
  - Lists the routes (C(pbxware.route.list)), the countries PBXware knows, each with its dialling code.
  - A route's ID is what M(bicom.pbxware.pbxware_tenant) and M(bicom.pbxware.pbxware_trunk) take as their
    country, and what M(bicom.pbxware.pbxware_destination_info) filters rating destinations by.
  - Routes are system-wide and read-only through the API.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  names:
    description:
      - Only the routes with these IDs or country names (case-insensitive, the whole name as listed).
      - An empty item is refused before any API call.
    type: list
    elements: str
  codes:
    description:
      - Only the routes with these dialling codes (a leading V(+) is ignored). Several countries can share one
        (V(1) is the code of Canada and of the United States).
      - With O(names) too, a route must match both.
    type: list
    elements: str
seealso:
  - module: bicom.pbxware.pbxware_destination_info
  - module: bicom.pbxware.pbxware_tenant
"""

EXAMPLES = r"""
- name: Every country
  bicom.pbxware.pbxware_route_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: routes

- name: The countries dialled with +1
  bicom.pbxware.pbxware_route_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    codes: ["+1"]
  register: nanp
"""

RETURN = r"""
routes:
  description: The matching routes, by ID; V([]) when none matches.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The route's ID (the C(country) of tenants and trunks).
      type: str
      sample: "869"
    code:
      description: The country's dialling code, without V(+).
      type: str
      sample: "1"
    name:
      description: The country's name.
      type: str
      sample: United States
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.directory import (
    check_filters, filter_routes, route_rows)

ARGUMENT_SPEC = dict(
    names=dict(type="list", elements="str"),
    codes=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, reads_only=True)
    params = module.params

    def work():
        check_filters(params, ("names", "codes"))
        rows = route_rows(module.client.read("pbxware.route.list"))
        return {"changed": False, "routes": filter_routes(rows, params["names"], params["codes"])}

    module.run(work)


if __name__ == "__main__":
    main()
