#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_service_plan_sms_rate
short_description: Set the SMS and MMS prices of a PBXware service plan for one SMS trunk
version_added: 0.2.0
description:
  - Sets the national and international SMS and MMS prices and the inclusive-messages setting that a service plan
    charges for messages sent through one SMS trunk, through C(pbxware.splan.sms_rates.list) and
    C(pbxware.splan.sms_rates.edit).
  - The service plan and the SMS trunk are given by name or ID (resolved through C(pbxware.splan.list) and
    C(pbxware.sms.trunks.list)). Only the options the task sets are compared (prices as numbers); a second run
    reports no change.
  - Service plans themselves cannot be created or changed through the API; M(bicom.pbxware.pbxware_service_plan_info)
    lists them.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  service_plan:
    description: The service plan, by name or ID.
    type: str
    required: true
  sms_trunk:
    description: The SMS trunk, by name or ID.
    type: str
    required: true
  national_sms:
    description: Price of a national SMS message, not negative.
    type: float
  international_sms:
    description: Price of an international SMS message, not negative.
    type: float
  national_mms:
    description: Price of a national MMS message, not negative.
    type: float
  international_mms:
    description: Price of an international MMS message, not negative.
    type: float
  inclusive_messages:
    description: Whether inclusive messages apply to national messages (API C(1), C(0), or empty for not set).
    type: str
    choices: [enabled, disabled, not_set]
seealso:
  - module: bicom.pbxware.pbxware_service_plan_info
  - module: bicom.pbxware.pbxware_sms_trunk
"""

EXAMPLES = r"""
- name: Standard plan prices for the Twilio trunk
  bicom.pbxware.pbxware_service_plan_sms_rate:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    service_plan: Standard
    sms_trunk: Twilio US
    national_sms: 0.05
    international_sms: 0.25
    national_mms: 0.1
    international_mms: 0.5
    inclusive_messages: enabled
"""

RETURN = r"""
id:
  description: The SMS trunk's ID (SMS rates are keyed by it within the plan).
  returned: success
  type: str
  sample: "3"
sms_rate:
  description: The plan's rates for the trunk after the run (read back; predicted in check mode), the trunk by ID.
  returned: success
  type: dict
  sample: {sms_trunk: "3", national_sms: 0.05, international_sms: 0.25, national_mms: 0.1, international_mms: 0.5,
           inclusive_messages: enabled}
before:
  description: The rates before the run.
  returned: success
  type: dict
  sample: {sms_trunk: "3", national_sms: 0.0, international_sms: 0.0, national_mms: 0.0, international_mms: 0.0,
           inclusive_messages: not_set}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {national_sms: 0.05}
operation:
  description: V(update) when the rates were (or would be) edited, else V(null). V(create) when the server did not
    list the trunk's rates before.
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.lookups import resolve_by_name
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.service_plans import (
    INCLUSIVE_MESSAGES, PRICES, SMS_RATE, validate_sms_rate)

ARGUMENT_SPEC = dict(
    service_plan=dict(type="str", required=True),
    sms_trunk=dict(type="str", required=True),
    inclusive_messages=dict(type="str", choices=list(INCLUSIVE_MESSAGES.values())),
    **dict((name, dict(type="float")) for name in PRICES)
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC)
    params = module.params

    def work():
        validate_sms_rate(params)
        client = module.client
        plan_id = resolve_by_name(client, "pbxware.splan.list", {}, params["service_plan"], "service_plan",
                                  "service plan")
        trunk_id = resolve_by_name(client, "pbxware.sms.trunks.list", {}, params["sms_trunk"], "sms_trunk",
                                   "SMS trunk")
        desired = dict((name, params.get(name)) for name in SMS_RATE.by_name)
        desired["sms_trunk"] = trunk_id
        return module.converge(SMS_RATE, desired, "sms_rate", in_tenant=False, scope={"id": plan_id})

    module.run(work)


if __name__ == "__main__":
    main()
