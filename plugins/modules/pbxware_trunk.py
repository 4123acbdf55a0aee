#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_trunk
short_description: Manage a PBXware SIP trunk
version_added: 0.2.0
description:
  - Creates, updates or deletes one trunk, identified by its name. Trunks are system-wide, not a tenant's;
    M(bicom.pbxware.pbxware_tenant_trunks) assigns them to tenants.
  - Reads the trunk with C(pbxware.trunk.list) and C(pbxware.trunk.configuration), compares only the options the
    task sets (on normalised values), and sends one C(pbxware.trunk.add) or C(pbxware.trunk.edit) carrying only
    what differs. A second run of the same task reports no change.
  - The configuration read and every write use server 1, as the API requires in tenant mode.
  - Options the API never returns (O(peer_host), O(peer_username), O(peer_secret), O(auth), O(emergency_trunk),
    O(loose_routing) and the write-only keys of O(options)) are sent when the trunk is created, and afterwards only
    when forced (O(update_password), O(force_write_only)).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  name:
    description: The trunk's name. Identifies it; a trunk cannot be renamed with this module.
    type: str
    required: true
  state:
    description: V(present) creates or updates the trunk, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  provider:
    description:
      - The trunk provider, by ID (V(20)) or name (V(Generic SIP)), resolved through C(pbxware.trunk.providers)
        only when a name other than the trunk's current provider is given (API C(provider_id)). Required to create.
      - The API adds SIP trunks only, so a provider named here that is not of type C(voip) is refused.
    type: str
  type:
    description: Trunk type. Required to create.
    type: str
    choices: [user, friend, peer]
  dtmfmode:
    description: DTMF mode. Required to create.
    type: str
    choices: [auto, inband, rfc2833, info, shortinfo]
  status:
    description:
      - Whether the trunk is in use (API C(status) V(active), V(not active) or V(suspended); read back as 1, 0 or 2).
      - V(suspended) is documented by the vendor's Postman collection only. Defaults to V(active) on create.
    type: str
    choices: [active, inactive, suspended]
  country:
    description:
      - The trunk's country, by route ID, country name or dialling code (resolved through C(pbxware.route.list)
        unless it is the trunk's current route ID). Required to create.
    type: str
  national:
    description: National dialling prefix, digits, for example V("0"). Required to create.
    type: str
  international:
    description: International dialling prefix, digits, for example V("00"). Required to create.
    type: str
  emergency_trunk:
    description:
      - Whether this is an emergency trunk (API C(emerg_trunk)). Defaults to V(false) on create.
      - Write-only, the API never returns it.
    type: bool
  host:
    description: The provider's host. Required to create.
    type: str
  username:
    description: Username at the provider. Required to create.
    type: str
  secret:
    description: Password at the provider. Read back by the API, so compared; masked in diff and results.
    type: str
  peer_host:
    description: Peer host. Write-only, the API never returns it.
    type: str
  peer_username:
    description: Peer username. Write-only, the API never returns it.
    type: str
  peer_secret:
    description:
      - Peer secret. Masked in diff and results.
      - Write-only, the API never returns it. Sent when the trunk is created, or on every run with
        O(update_password=always) or O(force_write_only=true) (the task then always reports a change).
    type: str
  auth:
    description:
      - Auth (credentials for other realms). Masked in diff and results.
      - Write-only, handled like O(peer_secret).
    type: str
  update_password:
    description:
      - V(on_create) sends O(peer_secret) and O(auth) only when creating the trunk; V(always) sends them on every run.
    type: str
    choices: [always, on_create]
    default: on_create
  insecure:
    description: Insecure. Required to create.
    type: str
    choices: [port, invite, "port,invite", very]
  loose_routing:
    description: Loose routing (API C(looserouting)). Required to create. Write-only, the API never returns it.
    type: bool
  incoming_limit:
    description: Simultaneous incoming calls (API C(incominglimit)). Required to create.
    type: int
  outgoing_limit:
    description: Simultaneous outgoing calls (API C(outgoinglimit)). Required to create.
    type: int
  codecs:
    description:
      - Allowed codecs, in order of preference (API C(codecs), a comma-separated list; read back as
        C(options.allow) items such as C(ulaw,20)). Required to create.
      - Always sent together with O(codecs_ptime), as the API wants two lists of one size.
    type: list
    elements: str
  codecs_ptime:
    description:
      - Packetization time of each codec in ms, 10 to 300 in steps of 10 (API C(codecs_ptime)).
      - One value per codec of O(codecs), or a single value for every codec. Required to create.
      - Left out, codecs the trunk already has keep their ptime; a codec new to the trunk then needs one.
    type: list
    elements: int
  options:
    description:
      - Any other argument of C(pbxware.trunk.add) and C(pbxware.trunk.edit), by its API name. Unknown keys are an
        error naming the closest ones; values are checked against the vendor's documented patterns.
      - Compared when C(pbxware.trunk.configuration) returns them - C(transport), C(qualify), C(register),
        C(register_suffix), C(register_expiration), C(e164a), C(fromuser), C(fromdomain), C(allow_es_callerid),
        C(prefix), C(prefix_emerg), C(testnum), C(callerid), C(sendpai).
      - Every other key is write-only - C(busylevel), C(passthru_mode), C(national_leave), C(area_code),
        C(authname), C(phoneinuri), C(outboundproxy), C(from_ipaddr), C(encryption), C(direct_media),
        C(directrtpsetup), C(defaultip), C(trustrpid), C(sendrpid), C(trust_id_outbound), C(rpid_connectedline),
        C(rpid_update), C(privacy), C(dialed_num_minimum_length), C(emerg_location_header), C(email_on_limit),
        C(outgoing_dialoptions), C(videosupport), C(autoframing). Such keys are sent when the trunk is created,
        afterwards only with O(force_write_only=true).
      - Yes/no arguments (C(e164a), C(prefix_emerg), C(videosupport)...) take booleans and are sent as C(yes)/C(no).
      - Arguments that have their own option (C(provider_id), C(looserouting), C(codecs)...) and C(server), C(id)
        are refused here.
    type: dict
  force_write_only:
    description:
      - Also send the write-only options, O(peer_secret) and O(auth) to an existing trunk.
      - The API cannot say whether they differ, so the task then reports a change on every run.
    type: bool
    default: false
notes:
  - Checks names, prefixes, limits, codecs, ptimes and O(options) before any API call.
  - New trunks may need a while before their first use.
seealso:
  - module: bicom.pbxware.pbxware_trunk_info
  - module: bicom.pbxware.pbxware_tenant_trunks
"""

EXAMPLES = r"""
- name: A SIP trunk to the carrier
  bicom.pbxware.pbxware_trunk:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    name: Carrier A
    provider: Generic SIP
    type: friend
    dtmfmode: rfc2833
    country: United States
    national: "1"
    international: "011"
    host: sip.carrier.example
    username: acme
    secret: "{{ vault_trunk_secret }}"
    insecure: port,invite
    loose_routing: true
    incoming_limit: 30
    outgoing_limit: 30
    codecs: [ulaw, alaw, g729]
    codecs_ptime: [20]
    options:
      transport: udp
      e164a: true

- name: Take the trunk out of service
  bicom.pbxware.pbxware_trunk:
    name: Carrier A
    status: inactive

- name: Rotate the peer secret (never read back, so sent on request)
  bicom.pbxware.pbxware_trunk:
    name: Carrier A
    peer_secret: "{{ vault_trunk_peer_secret }}"
    update_password: always

- name: Remove the trunk
  bicom.pbxware.pbxware_trunk:
    name: Carrier A
    state: absent
"""

RETURN = r"""
id:
  description:
    - The trunk's internal ID.
    - V(null) after a delete, and when check mode predicts a creation (the server assigns the ID).
  returned: success
  type: str
  sample: "2317"
trunk:
  description:
    - The trunk after the run (as read back; predicted in check mode), by option name, secrets masked.
      Write-only options are not included (the API does not return them).
  returned: success
  type: dict
  sample:
    name: Carrier A
    provider: "20"
    type: friend
    dtmfmode: rfc2833
    status: active
    country: "869"
    national: "1"
    international: "011"
    host: sip.carrier.example
    username: acme
    secret: "********"
    insecure: port,invite
    incoming_limit: 30
    outgoing_limit: 30
    codecs: [ulaw, alaw, g729]
    codecs_ptime: [20, 20, 20]
    options:
      transport: udp
      e164a: true
before:
  description: The trunk before the run, by option name, secrets masked (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values, secrets masked.
  returned: success
  type: dict
  sample: {status: inactive}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: create
  choices: [create, update, delete, null]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.trunks import (
    TRUNK, WRITE_ONLY_SECRETS, option_fields, trunk_resolver, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    provider=dict(type="str"),
    type=dict(type="str", choices=["user", "friend", "peer"]),
    dtmfmode=dict(type="str", choices=["auto", "inband", "rfc2833", "info", "shortinfo"]),
    status=dict(type="str", choices=["active", "inactive", "suspended"]),
    country=dict(type="str"),
    national=dict(type="str"),
    international=dict(type="str"),
    emergency_trunk=dict(type="bool"),
    host=dict(type="str"),
    username=dict(type="str"),
    secret=dict(type="str", no_log=True),
    peer_host=dict(type="str"),
    peer_username=dict(type="str"),
    peer_secret=dict(type="str", no_log=True),
    auth=dict(type="str", no_log=True),
    update_password=dict(type="str", choices=["always", "on_create"], default="on_create", no_log=False),
    insecure=dict(type="str", choices=["port", "invite", "port,invite", "very"]),
    loose_routing=dict(type="bool"),
    incoming_limit=dict(type="int"),
    outgoing_limit=dict(type="int"),
    codecs=dict(type="list", elements="str"),
    codecs_ptime=dict(type="list", elements="int"),
    options=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC)
    params = module.params

    def work():
        validate(params)
        resource = TRUNK.extended(option_fields(params["options"]))
        desired = desired_params(resource, params)
        force = True if params["force_write_only"] else (
            list(WRITE_ONLY_SECRETS) if params["update_password"] == "always" else ())
        # Trunks are system-wide: the list takes no server, the rest server=1 (TRUNK.master_server_actions).
        return module.converge(resource, desired, "trunk", params["state"], trunk_resolver(module.client), force,
                               shape=nest_options, in_tenant=False)

    module.run(work)


if __name__ == "__main__":
    main()
