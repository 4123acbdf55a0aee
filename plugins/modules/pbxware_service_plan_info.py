#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_service_plan_info
short_description: Read the service plans of a PBXware, their call rates and SMS rates
version_added: 0.2.0
description:
  - Lists the service plans (C(pbxware.splan.list)), optionally filtered by name or ID.
  - For each plan listed, optionally reads its call rates (C(pbxware.splan.rates)) and its SMS rates per SMS trunk
    (C(pbxware.splan.sms_rates.list)). SMS rates come back in the shape
    M(bicom.pbxware.pbxware_service_plan_sms_rate) takes, so an item can be used as input.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  names:
    description: Only the service plans with these names or IDs.
    type: list
    elements: str
  details:
    description: What else to read for each plan listed, one API call per plan and detail.
    type: list
    elements: str
    choices: [rates, sms_rates]
    default: []
  route:
    description: With O(details=[rates]), only the rates of this route (country) ID.
    type: str
  destination_group:
    description: With O(route), only the rates of this destination group ID (API C(dgroup)).
    type: str
seealso:
  - module: bicom.pbxware.pbxware_service_plan_sms_rate
"""

EXAMPLES = r"""
- name: Every service plan with its SMS rates
  bicom.pbxware.pbxware_service_plan_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    details: [sms_rates]
  register: plans

- name: United States call rates of the Standard plan
  bicom.pbxware.pbxware_service_plan_info:
    names: [Standard]
    details: [rates]
    route: "869"
  register: us_rates
"""

RETURN = r"""
service_plans:
  description:
    - The service plans, sorted by ID; C(call_rating) is the deprecated C(billing) where a server sends only that.
    - With O(details=[rates]), C(rates) lists one item per route, destination group and, for plans with TBD, TBD value.
    - With O(details=[sms_rates]), C(sms_rates) lists one item per SMS trunk, in the input shape of
      M(bicom.pbxware.pbxware_service_plan_sms_rate) (plan and trunk by name).
  returned: success
  type: list
  elements: dict
  sample:
    - id: "1"
      name: Standard
      tbd: "0"
      min_charge: "0.15000"
      connection_charge: "0.00000"
      inclusive: "0"
      inclusive_inbound: false
      grace_period: "0"
      call_rating: "1/1"
      rates: [{route: "869", destination_group: "1", inbound: "0.01000", outbound: "0.02000", inclusives: "0",
               call_rating: "1/1", min_charge: "0.00000", connection_charge: "0.00000"}]
      sms_rates: [{service_plan: Standard, sms_trunk: Twilio US, national_sms: 0.05, international_sms: 0.25,
                   national_mms: 0.1, international_mms: 0.5, inclusive_messages: enabled}]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.service_plans import (
    rate_items, service_plan_item, sms_rate_items)

ARGUMENT_SPEC = dict(
    names=dict(type="list", elements="str"),
    details=dict(type="list", elements="str", default=[], choices=["rates", "sms_rates"]),
    route=dict(type="str"),
    destination_group=dict(type="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, reads_only=True, required_by={"destination_group": "route"})
    params = module.params

    def work():
        for name in ("route", "destination_group"):
            if params[name] is not None and not params[name].isdigit():
                raise ReconcileError("%s is an ID (digits), got %r" % (name, params[name]), name)
        client = module.client
        wanted = [to_str(name).lower() for name in params["names"] or []]
        plans = []
        for plan_id, row in sorted(collection(client.read("pbxware.splan.list")).items(), key=lambda pair: int(pair[0])):
            item = service_plan_item(plan_id, row)
            if wanted and item["id"] not in wanted and (item["name"] or "").lower() not in wanted:
                continue
            if "rates" in params["details"]:
                query = {"id": ident(plan_id), "route": params["route"], "dgroup": params["destination_group"]}
                item["rates"] = rate_items(client.read("pbxware.splan.rates", query))
            if "sms_rates" in params["details"]:
                item["sms_rates"] = sms_rate_items(client.read("pbxware.splan.sms_rates.list", {"id": ident(plan_id)}),
                                                   item["name"])
            plans.append(item)
        return {"changed": False, "service_plans": plans}

    module.run(work)


if __name__ == "__main__":
    main()
