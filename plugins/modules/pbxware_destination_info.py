#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_destination_info
short_description: List the rating destinations of a PBXware system and their groups
version_added: 0.2.0
description:
  - Lists the destinations of the rate tables (C(pbxware.destination.list)) and the destination groups
    (C(pbxware.destination.groups)).
  - A destination here is what calls are rated by, such as C(GSM BiH) of the route (country) Bosnia and
    Herzegovina in the group C(mobile), with the dialling codes that reach it; it is not a call destination
    such as an extension or an IVR.
  - Destinations and their groups are system-wide and read-only through the API.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  route:
    description:
      - Only the destinations of this route (country), by route ID or country name (resolved through
        C(pbxware.route.list); see M(bicom.pbxware.pbxware_route_info)). Sent as the API's C(route) filter.
      - An unknown country name is an error naming the closest ones; an unknown route ID lists nothing.
    type: str
  destination_group:
    description:
      - Only the destinations of this destination group, by ID or name (case-insensitive), for example
        V(mobile). An unknown group is an error listing the known ones.
      - With O(route) it is sent as the API's C(dgroup) filter; PBXware applies that filter only together with
        a route, so without O(route) the module filters the whole list itself.
    type: str
  names:
    description: Only the destinations with these names (case-insensitive) or IDs.
    type: list
    elements: str
seealso:
  - module: bicom.pbxware.pbxware_route_info
  - module: bicom.pbxware.pbxware_service_plan_info
"""

EXAMPLES = r"""
- name: The mobile destinations of Bosnia and Herzegovina
  bicom.pbxware.pbxware_destination_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    route: Bosnia and Herzegovina
    destination_group: mobile
  register: bih_mobile

- name: Their dialling codes
  ansible.builtin.debug:
    msg: "{{ bih_mobile.destinations | map(attribute='codes') | flatten | map(attribute='code1') | list }}"
"""

RETURN = r"""
destinations:
  description: The matching destinations, by ID; V([]) when none matches.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The destination's ID.
      type: str
      sample: "135"
    name:
      description: The destination's name.
      type: str
      sample: GSM BiH
    route_id:
      description: The ID of the destination's route (country).
      type: str
      sample: "135"
    destination_group_id:
      description: The ID of the destination's group.
      type: str
      sample: "1"
    destination_group:
      description: The name of the destination's group; V(null) when C(pbxware.destination.groups) does not list it.
      type: str
      sample: mobile
    codes:
      description: The dialling codes of the destination, as the API lists them.
      type: list
      elements: dict
      contains:
        code1:
          description: A dialling code (prefix) of the destination.
          type: str
          sample: "38762"
        code2:
          description: The second code of the pair, as the API gives it (empty in the reference's example, which
            does not say what it holds).
          type: str
          sample: ""
destination_groups:
  description: Every destination group, by ID.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The group's ID.
      type: str
      sample: "1"
    name:
      description: The group's name.
      type: str
      sample: mobile
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.directory import (
    check_filters, destination_group_rows, destination_rows, matches, resolve_destination_group, resolve_route,
    route_rows)

ARGUMENT_SPEC = dict(
    route=dict(type="str"),
    destination_group=dict(type="str"),
    names=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, reads_only=True)
    params = module.params

    def work():
        check_filters(params, ("route", "destination_group", "names"))
        client = module.client
        groups = destination_group_rows(client.read("pbxware.destination.groups"))
        query = {}
        route = to_str(params["route"])
        if route is not None:
            query["route"] = route if route.isdigit() else resolve_route(route_rows(client.read("pbxware.route.list")),
                                                                         route)
        group_id = None
        if params["destination_group"] is not None:
            group_id = resolve_destination_group(groups, params["destination_group"])
            if "route" in query:
                query["dgroup"] = group_id
        rows = destination_rows(client.read("pbxware.destination.list", query), groups)
        found = [row for row in rows if group_id in (None, row["destination_group_id"])
                 and matches(params["names"], row["id"], row["name"])]
        return {"changed": False, "destinations": found, "destination_groups": groups}

    module.run(work)


if __name__ == "__main__":
    main()
