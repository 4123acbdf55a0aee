#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_sms_trunk
short_description: Manage a PBXware SMS trunk
version_added: 0.2.0
description:
  - Creates, updates or deletes an SMS trunk (Telnyx, Bandwidth, Twilio, Voip Innovations or OZ SMS), identified by
    its name. SMS trunks are system-wide; which tenant uses which one is set with
    M(bicom.pbxware.pbxware_tenant_sms_trunk).
  - Reads C(pbxware.sms.trunks.list) and C(pbxware.sms.trunks.configuration), compares the options the task sets
    on normalised values and sends only what differs with C(pbxware.sms.trunks.edit); a second run reports no change.
  - The configuration returns the arguments of the trunk's provider, credentials included, so they are compared too;
    credentials are masked in results and diff.
  - Each provider takes its own options, named after it (O(twilio_auth_token)); options of another provider than
    O(provider) are refused before any API call. Creating a trunk, or changing its provider, requires every option of
    the provider (except for V(ozsms)); this is checked before anything is written.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  name:
    description: The trunk's name. Identifies it, so keep names unique.
    type: str
    required: true
  state:
    description: V(present) creates or updates the trunk, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  provider:
    description:
      - The SMS provider. Required with O(state=present).
      - V(vi) is Voip Innovations. V(ozsms) comes from the vendor's Postman collection, not its API reference.
      - Changing it sends every option of the new provider, which the task must then give.
    type: str
    choices: [telnyx, bandwidth, twilio, vi, ozsms]
  enabled:
    description: Whether the trunk is enabled. Defaults to enabled on create.
    type: bool
  national_prefix:
    description: National prefix, digits (a leading C(+) is dropped; the server may read it back with one).
    type: str
  description:
    description: Description of the trunk.
    type: str
  telnyx_api_key:
    description: Telnyx API key (API C(api_key)). Required to create a V(telnyx) trunk.
    type: str
  telnyx_public_key:
    description: Telnyx public key (API C(public_key)). Required to create a V(telnyx) trunk.
    type: str
  telnyx_messaging_profile_id:
    description: Telnyx messaging profile ID (API C(messaging_profile_id)). Required to create a V(telnyx) trunk.
    type: str
  bandwidth_username:
    description: Bandwidth username (API C(username)). Required to create a V(bandwidth) trunk.
    type: str
  bandwidth_password:
    description: Bandwidth password (API C(password)). Required to create a V(bandwidth) trunk.
    type: str
  bandwidth_user_id:
    description: Bandwidth user ID (API C(user_id)). Required to create a V(bandwidth) trunk.
    type: str
  bandwidth_app_id:
    description: Bandwidth application ID (API C(app_id)). Required to create a V(bandwidth) trunk.
    type: str
  twilio_account_sid:
    description: Twilio account SID (API C(account_sid)). Required to create a V(twilio) trunk.
    type: str
  twilio_auth_token:
    description: Twilio authorization token (API C(auth_token)). Required to create a V(twilio) trunk.
    type: str
  vi_secret:
    description: Voip Innovations secret (API C(secret)). Required to create a V(vi) trunk.
    type: str
  vi_login:
    description: Voip Innovations login (API C(login)). Required to create a V(vi) trunk.
    type: str
  ozsms_api_key:
    description: OZ SMS API key (API C(api_key)).
    type: str
  ozsms_username:
    description: OZ SMS username (API C(username)).
    type: str
notes:
  - O(telnyx_api_key), O(bandwidth_password), O(twilio_auth_token), O(vi_secret) and O(ozsms_api_key) are secrets,
    masked in results and diff. The API reference says the configuration returns every argument sent; should a
    server not return one of the provider's options, the task cannot compare it and sends it on every run.
seealso:
  - module: bicom.pbxware.pbxware_sms_trunk_info
  - module: bicom.pbxware.pbxware_tenant_sms_trunk
  - module: bicom.pbxware.pbxware_service_plan_sms_rate
"""

EXAMPLES = r"""
- name: A Twilio SMS trunk
  bicom.pbxware.pbxware_sms_trunk:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    name: Twilio US
    provider: twilio
    national_prefix: "1"
    description: Outbound SMS for US tenants
    twilio_account_sid: AC0123456789abcdef0123456789abcdef
    twilio_auth_token: "{{ vault_twilio_auth_token }}"

- name: Move it to Telnyx (every Telnyx option is needed)
  bicom.pbxware.pbxware_sms_trunk:
    name: Twilio US
    provider: telnyx
    telnyx_api_key: "{{ vault_telnyx_api_key }}"
    telnyx_public_key: "{{ telnyx_public_key }}"
    telnyx_messaging_profile_id: 40017a2e-8c2f-4a0e-9f1b-1c2d3e4f5a6b

- name: Remove a trunk
  bicom.pbxware.pbxware_sms_trunk:
    name: Old trunk
    state: absent
"""

RETURN = r"""
id:
  description: The trunk's ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "3"
sms_trunk:
  description: The trunk after the run (read back; predicted in check mode), by option name, credentials masked.
  returned: success
  type: dict
  sample: {name: Twilio US, provider: twilio, enabled: true, national_prefix: "1", description: Outbound SMS for US tenants,
           twilio_account_sid: AC0123456789abcdef0123456789abcdef, twilio_auth_token: "********"}
before:
  description: The trunk before the run (empty if it did not exist), credentials masked.
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values, credentials masked.
  returned: success
  type: dict
  sample: {description: Outbound SMS for US tenants, twilio_auth_token: "******** (changed)"}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.sms import (
    PROVIDER_OPTIONS, PROVIDERS, SECRET_OPTIONS, provider_change_resolver, provider_options, sms_trunk_resource,
    validate_sms_trunk)

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    provider=dict(type="str", choices=list(PROVIDERS)),
    enabled=dict(type="bool"),
    national_prefix=dict(type="str"),
    description=dict(type="str"),
    **dict((option, dict(type="str", no_log=option in SECRET_OPTIONS)) for option in PROVIDER_OPTIONS)
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, required_if=[("state", "present", ["provider"])])
    params = module.params

    def work():
        validate_sms_trunk(params)
        resource = sms_trunk_resource(params["provider"])
        desired = dict((name, params[name]) for name in resource.by_name)
        # The configuration shows only the current provider's arguments: after a provider change
        # none of the new ones can be compared, so they are sent (and compared where readable).
        return module.converge(resource, desired, "sms_trunk", params["state"], provider_change_resolver(),
                               force_write_only=provider_options(params["provider"]), in_tenant=False)

    module.run(work)


if __name__ == "__main__":
    main()
