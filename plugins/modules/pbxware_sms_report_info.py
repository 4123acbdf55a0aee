#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_sms_report_info
short_description: Read PBXware's SMS report or bulk SMS report for a period
version_added: 0.2.0
description:
  - Reads the SMS sent and received (C(pbxware.sms.reports.list)) or the bulk SMS campaigns
    (C(pbxware.sms.reports.bulk_list)) of a period, with the filters the API offers.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  report:
    description: V(sms) for single messages (the result's RV(messages)), V(bulk) for bulk campaigns (RV(campaigns)).
    type: str
    choices: [sms, bulk]
    default: sms
  start_date:
    description:
      - The first day of the period, as V(YYYY-MM-DD) or the API's V(mmm-dd-YYYY) (V(Feb-01-2009)).
      - An ISO date and time (V(2026-11-02T09:30) or V(2026-11-02 09:30:00)) sets O(start_time) too; it is the
        PBXware server's local time, so a UTC offset is refused.
    type: str
    required: true
  end_date:
    description:
      - The last day of the period, in the same forms as O(start_date). Defaults to the day of O(start_date).
    type: str
  start_time:
    description:
      - The time of O(start_date) the period starts at, V(hh:mm) or V(hh:mm:ss). The API's default is V(00:00:00).
    type: str
  end_time:
    description:
      - The time of O(end_date) the period ends at, V(hh:mm) or V(hh:mm:ss). The API's default is V(23:59:59).
    type: str
  direction:
    description: Only messages in this direction. O(report=sms) only.
    type: str
    choices: [inbound, outbound]
  from_number:
    description: Only messages sent from this number (digits, a leading V(+) is dropped). O(report=sms) only.
    type: str
  to_number:
    description: Only messages sent to this number (digits, a leading V(+) is dropped). O(report=sms) only.
    type: str
  message_type:
    description: Only messages of this type. O(report=sms) only.
    type: str
    choices: [sms, mms]
  status:
    description: Only campaigns in this state. O(report=bulk) only.
    type: str
    choices: [active, paused, stopped, completed]
  campaign:
    description: Only campaigns with this name (1 to 100 characters). O(report=bulk) only.
    type: str
notes:
  - Without O(tenant) or O(tenant_id) no tenant filter is sent and the report covers the whole system.
seealso:
  - module: bicom.pbxware.pbxware_sms_send
"""

EXAMPLES = r"""
- name: Outbound SMS of tenant 344 in October
  bicom.pbxware.pbxware_sms_report_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    start_date: "2026-10-01"
    end_date: "2026-10-31"
    direction: outbound
  register: october

- name: Messages that failed
  ansible.builtin.debug:
    msg: "{{ october.messages | selectattr('status', 'equalto', 'FAILED') | list }}"

- name: Bulk campaigns that ran this morning
  bicom.pbxware.pbxware_sms_report_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    report: bulk
    start_date: "2026-11-02T06:00"
    end_date: "2026-11-02T12:00"
"""

RETURN = r"""
messages:
  description: The messages of the period, by ID; V([]) when there is none.
  returned: when O(report=sms)
  type: list
  elements: dict
  contains:
    id:
      description: The message's ID.
      type: str
      sample: "1"
    server:
      description: The ID of the tenant (server) the message belongs to.
      type: int
      sample: 2
    provider:
      description: The SMS trunk (provider) that carried it.
      type: str
      sample: Twilio US
    from:
      description: The number it was sent from.
      type: str
      sample: "+1234567890"
    to:
      description: The number it was sent to.
      type: str
      sample: "+1234567891"
    direction:
      description: C(Inbound) or C(Outbound).
      type: str
      sample: Outbound
    date_time:
      description: When it was sent or received (the API's C(date/time)), C(YYYY-MM-DD hh:mm:ss).
      type: str
      sample: "2023-09-22 12:43:53"
    status:
      description: Its delivery status as the server gives it.
      type: str
      sample: COMPLETED
    error:
      description: Why it failed; empty when it did not.
      type: str
      sample: ""
    type:
      description: C(SMS) or C(MMS).
      type: str
      sample: SMS
campaigns:
  description: The bulk SMS campaigns of the period, by ID; V([]) when there is none.
  returned: when O(report=bulk)
  type: list
  elements: dict
  contains:
    id:
      description: The campaign's ID.
      type: str
      sample: "1"
    name:
      description: The campaign's name.
      type: str
      sample: Appointment reminders
    sent:
      description: How many messages were sent.
      type: int
      sample: 3
    failed:
      description: How many messages failed.
      type: int
      sample: 0
    time_start:
      description: When the campaign started, C(YYYY-MM-DD hh:mm:ss).
      type: str
      sample: "2023-09-25 08:57:12"
    time_end:
      description: When it ended, C(YYYY-MM-DD hh:mm:ss); as the server gives it (may be empty while it runs).
      type: str
      sample: "2023-09-25 08:57:23"
    from:
      description: The number the campaign sent from.
      type: str
      sample: "+1234567892"
    csv_file:
      description: The name of the CSV file of recipients.
      type: str
      sample: Bulk Messages.csv
    status:
      description: C(Active), C(Paused), C(Stopped) or C(Completed).
      type: str
      sample: Paused
    message:
      description: The text of the message.
      type: str
      sample: This message is used for testing.
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.messaging import (
    CAMPAIGN_STATUSES, DIRECTIONS, MESSAGE_TYPES, REPORT_ACTIONS, bulk_report_items, report_query, sms_report_items)

ARGUMENT_SPEC = dict(
    report=dict(type="str", choices=sorted(REPORT_ACTIONS), default="sms"),
    start_date=dict(type="str", required=True),
    end_date=dict(type="str"),
    start_time=dict(type="str"),
    end_time=dict(type="str"),
    direction=dict(type="str", choices=list(DIRECTIONS)),
    from_number=dict(type="str"),
    to_number=dict(type="str"),
    message_type=dict(type="str", choices=list(MESSAGE_TYPES)),
    status=dict(type="str", choices=list(CAMPAIGN_STATUSES)),
    campaign=dict(type="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)

    def work():
        action, arguments = report_query(module.params)
        answer = module.client.read(action, dict(arguments, **module.server_filter()))
        if module.params["report"] == "bulk":
            return {"changed": False, "campaigns": bulk_report_items(answer)}
        return {"changed": False, "messages": sms_report_items(answer)}

    module.run(work)


if __name__ == "__main__":
    main()
