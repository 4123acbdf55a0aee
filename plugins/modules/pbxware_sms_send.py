#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_sms_send
short_description: Send an SMS from a PBXware tenant
version_added: 0.2.0
description:
  - Sends one text message to one or more numbers with C(pbxware.sms.send_message), one call per number. The
    message goes out from the tenant's SMS number (PBXware's SMS Settings, Notifications) through the tenant's
    SMS trunk (M(bicom.pbxware.pbxware_tenant_sms_trunk)).
  - A one-shot action - every run sends the message again and reports a change. Every number is checked
    before anything is sent.
  - The server accepts a message before it is delivered; whether it was, shows in the SMS report
    (M(bicom.pbxware.pbxware_sms_report_info)).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.action
options:
  to:
    description:
      - The numbers to send to, each in E.164 form - a V(+), the country code and the number, without spaces
        (V(+12125550100)). A number given twice gets the message once.
    type: list
    elements: str
    required: true
    aliases: [to_number]
  body:
    description:
      - The message, as plain text; line breaks are kept. The module base64-encodes its UTF-8 bytes, as the API
        takes it.
    type: str
    required: true
notes:
  - On a PBXware in tenant mode O(tenant) or O(tenant_id) is needed - the master server (ID 1) sends no SMS.
  - When sending to one number fails, the numbers sent to before are in the error's RV(sent).
seealso:
  - module: bicom.pbxware.pbxware_sms_report_info
  - module: bicom.pbxware.pbxware_tenant_sms_trunk
"""

EXAMPLES = r"""
- name: Tell the on-call engineer
  bicom.pbxware.pbxware_sms_send:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    to: ["+12125550100"]
    body: |
      Trunk TestSIP is down.
      Calls fail over to the backup trunk.

- name: Remind two customers
  bicom.pbxware.pbxware_sms_send:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    to:
      - "+447700900123"
      - "+38761000111"
    body: Your appointment is tomorrow at 10:00.
"""

RETURN = r"""
sent:
  description: The numbers the message was sent to (or would be, in check mode), in the order given.
  returned: always
  type: list
  elements: str
  sample: ["+12125550100"]
msg:
  description: What was done, or would be done in check mode.
  returned: success
  type: str
  sample: sent an SMS to 1 number
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import raw
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.messaging import e164_numbers, send_arguments

ARGUMENT_SPEC = dict(
    to=dict(type="list", elements="str", required=True, aliases=["to_number"]),
    body=dict(type="str", required=True),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, free_text=("body",))
    params = module.params

    def work():
        numbers = e164_numbers(params["to"], "to")
        server = module.server()
        counted = "%d number%s" % (len(numbers), "" if len(numbers) == 1 else "s")
        if module.check_mode:
            return {"changed": True, "sent": numbers, "msg": "would send an SMS to %s" % counted}
        sent = []
        for number in numbers:
            try:
                raw.call(module.client, "pbxware.sms.send_message", send_arguments(server, number, params["body"]), False)
            except PBXwareError as err:
                if sent:
                    err.message = "%s (sent before to: %s)" % (err.message, ", ".join(sent))
                err.result = {"changed": bool(sent), "sent": sent}
                raise
            sent.append(number)
        return {"changed": True, "sent": sent, "msg": "sent an SMS to %s" % counted}

    module.run(work)


if __name__ == "__main__":
    main()
