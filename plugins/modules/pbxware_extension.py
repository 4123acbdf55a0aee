#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension
short_description: Manage one extension of a PBXware tenant
version_added: 0.1.0
description:
  - Creates, updates or deletes one extension, identified by its tenant and extension number.
  - Reads the extension with C(pbxware.ext.list) and C(pbxware.ext.configuration), compares only the
    options the task sets (on normalised values), and sends one C(pbxware.ext.add) or C(pbxware.ext.edit)
    carrying only what differs. A second run of the same task reports no change.
  - Options the API never returns (O(password) and the write-only keys of O(options)) are sent when the
    extension is created, and afterwards only when forced (O(update_password), O(force_write_only)).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  extension:
    description:
      - The extension number, for example V("101"). Its length must match the tenant's extension length.
      - Identifies the extension; it cannot be renumbered with this module.
    type: str
    required: true
  state:
    description:
      - V(present) creates or updates the extension, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description: Full name. Required to create.
    type: str
  email:
    description: E-mail address. Required to create.
    type: str
  protocol:
    description: Protocol (API C(prot); read back as C(protocol)). Required to create.
    type: str
    choices: [sip, iax]
  location:
    description: Location (API C(location) 1 or 2; read back as V(local) or V(remote)). Required to create.
    type: str
    choices: [local, remote]
  user_agent:
    description:
      - The phone (UAD), as its ID (V(50)), codename (V(generic_sip)) or full name (V(Yealink T41)),
        resolved through C(pbxware.uads.list) (API C(ua); read back as C(ua_id)). Required to create.
    type: str
  status:
    description: Whether the extension is enabled (API C(status) 1 or 0). Required to create.
    type: str
    choices: [enabled, disabled]
  pin:
    description: Four-digit voicemail and services PIN. Required to create. Masked in diff and results.
    type: str
  secret:
    description:
      - SIP/IAX registration secret. Required to create. Masked in diff and results.
      - For SIP, 8 or more characters with upper case, lower case, a digit and one of C(%*!_-);
        only letters, digits and C(%$*!@_-) are allowed.
    type: str
  password:
    description:
      - The user's password (for apps and the user portal).
      - Write-only, the API never returns it. Sent when the extension is created, or on every run
        with O(update_password=always) (the task then always reports a change).
    type: str
  update_password:
    description:
      - V(on_create) sends O(password) only when creating the extension; V(always) sends it on every run.
    type: str
    choices: [always, on_create]
    default: on_create
  incoming_limit:
    description: Simultaneous incoming calls, 0 to 999 (API C(incominglimit)). Required to create.
    type: int
  outgoing_limit:
    description: Simultaneous outgoing calls, 0 to 999 (API C(outgoinglimit)). Required to create.
    type: int
  voicemail:
    description: Whether the extension has a voicemail box. Required to create.
    type: bool
  department:
    description: IDs of the departments the extension belongs to.
    type: list
    elements: str
  service_plan:
    description: Service plan ID.
    type: str
  user_language:
    description: Language code for prompts, for example V(en).
    type: str
  codecs:
    description:
      - Allowed audio codecs, in order of preference (API C(acodecs), a colon-separated list; read back as
        C(options.allow)).
      - PBXware silently drops codecs the tenant does not allow; the module then warns.
    type: list
    elements: str
  options:
    description:
      - Any other argument of C(pbxware.ext.add) and C(pbxware.ext.edit), by its API name, for example
        C(dtmfmode), C(ringtime), C(nat), C(recordcalls). Unknown keys are an error naming the closest ones.
      - Compared when the API returns them (C(dtmfmode), C(canreinvite), C(qualify), C(recordcalls),
        C(autoprovisiong), C(ringtime), C(incoming_dialoptions), C(vmailsend), C(vmailattach), C(vmaildelete),
        C(uad_sipheaders), C(macaddress), C(page_custom), C(sn), C(user_location), C(additional_config),
        C(ua_autoprov)).
      - Every other key is write-only, for example C(nat), C(send_email), C(title) or C(callgroup). Such keys are
        sent when the extension is created, afterwards only with O(force_write_only=true).
      - Arguments that have their own option (C(prot), C(ua), C(secret), ...) and C(server), C(id), C(ext) are refused here.
    type: dict
  force_write_only:
    description:
      - Also send the write-only keys of O(options) and O(password) to an existing extension.
      - The API cannot say whether they differ, so the task then reports a change on every run.
    type: bool
    default: false
notes:
  - Checks the extension number, PIN, secret and limits before any API call.
  - Finds the extension by its number with one C(pbxware.ext.configuration) read, so a no-change run makes 2 API
    calls (tenant lookup, that read), 1 with O(tenant_id). C(pbxware.ext.list) is read too when the extension
    does not exist yet, and when the task sets O(department) or the O(options) keys C(sn) or C(user_location),
    which only the list returns; results then include them, otherwise they are left out.
seealso:
  - module: bicom.pbxware.pbxware_tenant_info
"""

EXAMPLES = r"""
- name: Provision reception's phone
  bicom.pbxware.pbxware_extension:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    name: Reception
    email: reception@example.com
    protocol: sip
    location: local
    user_agent: Yealink T41
    status: enabled
    pin: "{{ vault_pins['101'] }}"
    secret: "{{ vault_secrets['101'] }}"
    incoming_limit: 2
    outgoing_limit: 2
    voicemail: true
    codecs: [ulaw, alaw]
    options:
      dtmfmode: rfc2833
      ringtime: 30
      send_email: 1

- name: Provision a tenant's extensions from a vars file, common values set once
  module_defaults:
    group/bicom.pbxware.pbxware:
      url: https://pbx.example.com/index.php
      api_key: "{{ vault_pbxware_api_key }}"
    group/bicom.pbxware.tenant:
      tenant: "344"
  bicom.pbxware.pbxware_extension:
    extension: "{{ item.number }}"
    name: "{{ item.name }}"
    email: "{{ item.email }}"
    protocol: sip
    location: local
    user_agent: generic_sip
    status: enabled
    pin: "{{ item.pin }}"
    secret: "{{ item.secret }}"
    incoming_limit: 2
    outgoing_limit: 2
    voicemail: true
  loop: "{{ extensions }}"
  loop_control:
    label: "{{ item.number }}"

- name: Disable an extension
  bicom.pbxware.pbxware_extension:
    tenant: "344"
    extension: "102"
    status: disabled

- name: Remove an extension
  bicom.pbxware.pbxware_extension:
    tenant: "344"
    extension: "103"
    state: absent
"""

RETURN = r"""
id:
  description:
    - The extension's internal ID (the API's C(id)).
    - V(null) after a delete, and when check mode predicts a creation (the server assigns the ID).
  returned: success
  type: str
  sample: "10"
extension:
  description:
    - The extension after the run (as read back; predicted in check mode), by option name,
      secrets masked. Write-only options are not included (the API does not return them).
  returned: success
  type: dict
  sample:
    extension: "101"
    name: Reception
    email: reception@example.com
    protocol: sip
    location: local
    user_agent: "135"
    status: enabled
    pin: "********"
    secret: "********"
    incoming_limit: 2
    outgoing_limit: 2
    voicemail: true
    codecs: [ulaw, alaw]
    options:
      dtmfmode: rfc2833
before:
  description: The extension before the run, by option name, secrets masked (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values, secrets masked.
  returned: success
  type: dict
  sample: {name: Reception, secret: "******** (changed)"}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: create
  choices: [create, update, delete, null]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EXTENSION, EXTENSION_ARGUMENTS, check_length, forced_fields, option_fields, user_agent_resolver, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options

ARGUMENT_SPEC = dict(
    EXTENSION_ARGUMENTS,
    state=dict(type="str", choices=["present", "absent"], default="present"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        validate(params)
        resource = EXTENSION.extended(option_fields(params["options"]))
        desired = desired_params(resource, params)
        return module.converge(resource, desired, "extension", params["state"], user_agent_resolver(module.client),
                               forced_fields(params), shape=nest_options,
                               check_tenant=lambda row: check_length(params["extension"], row))

    module.run(work)


if __name__ == "__main__":
    main()
