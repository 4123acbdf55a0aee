#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_did
short_description: Manage one DID (inbound number) of a PBXware tenant
version_added: 0.1.0
description:
  - Creates, updates or deletes one DID or DID range, identified by its tenant and (first) number.
  - C(pbxware.did.list) is the only read the API offers for DIDs. The options it returns are compared on
    normalised values and only those that differ are sent with C(pbxware.did.edit); a second run reports no change.
  - Every other argument is write-only (O(group) and the keys of O(options)) - sent when the DID is created,
    afterwards only with O(force_write_only=true).
  - Deleting uses server 1, as the API requires in tenant mode.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  number:
    description: The DID number (the first of a range). Identifies the DID.
    type: str
    required: true
  number_end:
    description: The last number of a DID range; as many digits as O(number), not lower.
    type: str
  state:
    description: V(present) creates or updates the DID, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  trunk:
    description: The trunk the number arrives on, by name or ID (resolved through C(pbxware.trunk.list)). Required to create.
    type: str
  destination_type:
    description: Where calls go (API C(dest_type) 0 to 17; read back by name). Required to create.
    type: str
    choices: [extension, multi_user, ring_group, ivr, queue, external_number, ivr_tree, voicemail, remote_access,
              conference, trunk, fax_to_email, phone_callback, deny_access, crm_routing, agents, ari_application,
              parking_lot]
  destination:
    description:
      - The destination number - an extension, a ring group, an IVR, an external number (which may start with C(+)),
        a comma-separated list for V(multi_user).
      - A ring group (a dial group or an enhanced ring group) and an IVR may also be given by name; it is resolved to
        its number with one list read (C(pbxware.ring_group.list), then C(pbxware.erg.list); C(pbxware.ivr.list)).
      - Required with every O(destination_type) except V(phone_callback) and V(deny_access).
    type: str
  name:
    description: Name of the DID.
    type: str
  enabled:
    description: Whether the DID takes calls (API C(disabled) 0 or 1; read back as C(status)). Defaults to enabled on create.
    type: bool
  group:
    description: The DID group, by name or ID (resolved through C(pbxware.didgroup.list)). Write-only.
    type: str
  e164:
    description: E.164 number (start).
    type: str
  e164_end:
    description: E.164 number (end).
    type: str
  sms_enabled:
    description: Use the DID as an SMS number.
    type: bool
  prioritize_clirouting:
    description: Prioritize CLI routing over operation times.
    type: bool
  options:
    description:
      - Other arguments of C(pbxware.did.add) and C(pbxware.did.edit) by API name - C(callerid), C(splan),
        C(billingext), C(call_rating_ext), C(greeting), C(stripn), C(qprio), C(codec), C(ringtone), C(recordcall),
        C(state_text), C(city), C(areacode), C(preserve_callerid), C(notify).
      - All are write-only - C(pbxware.did.list) does not return them - so they are sent when the DID is created,
        afterwards only with O(force_write_only=true).
    type: dict
  force_write_only:
    description:
      - Also send O(group) and O(options) to an existing DID. The API cannot say whether they differ, so the task then
        reports a change on every run.
    type: bool
    default: false
seealso:
  - module: bicom.pbxware.pbxware_extension
"""

EXAMPLES = r"""
- name: Route the main number to the reception IVR
  bicom.pbxware.pbxware_did:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    number: "12125550100"
    trunk: Carrier A
    destination_type: ivr
    destination: "7000"
    name: Main number
    options:
      callerid: "Main <12125550100>"

- name: Forward a support number to a mobile phone
  bicom.pbxware.pbxware_did:
    tenant: "344"
    number: "12125550199"
    trunk: Carrier A
    destination_type: external_number
    destination: "+38761000000"

- name: Release a number
  bicom.pbxware.pbxware_did:
    tenant: "344"
    number: "12125550150"
    state: absent
"""

RETURN = r"""
id:
  description:
    - The DID's internal ID.
    - V(null) after a delete, and when check mode predicts a creation.
  returned: success
  type: str
  sample: "7"
did:
  description: The DID after the run (read back; predicted in check mode), by option name.
  returned: success
  type: dict
  sample:
    number: "12125550100"
    number_end: ""
    trunk: "2316"
    destination_type: ivr
    destination: "7000"
    name: Main number
    enabled: true
    e164: ""
    e164_end: ""
    sms_enabled: false
    prioritize_clirouting: false
before:
  description: The DID before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values.
  returned: success
  type: dict
  sample: {destination: "7001"}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import (
    DID, DID_ARGUMENTS, option_fields, reference_resolver, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options

ARGUMENT_SPEC = dict(
    DID_ARGUMENTS,
    state=dict(type="str", choices=["present", "absent"], default="present"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        validate(params)
        resource = DID.extended(option_fields(params["options"]))
        desired = desired_params(resource, params)
        return module.converge(resource, desired, "did", params["state"], reference_resolver(module.client, module.server()),
                               params["force_write_only"], shape=nest_options)

    module.run(work)


if __name__ == "__main__":
    main()
