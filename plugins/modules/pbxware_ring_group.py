#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_ring_group
short_description: Manage a ring group of a PBXware tenant
version_added: 0.2.0
description:
  - Creates, updates or deletes one ring group, identified by its tenant and its number (O(extension)).
  - Reads C(pbxware.ring_group.list) (name, members, last destination). Only when the task sets an option the list
    does not show (O(ring_strategy), O(ring_timeout), O(max_limit), O(greeting) or O(options)) is
    C(pbxware.ring_group.configuration) read as well, once, for this group.
  - Compares normalised values of the options the task sets and sends only those that differ with
    C(pbxware.ring_group.edit); a second run reports no change. Every option can be read back.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  extension:
    description: The ring group's number in the tenant (API C(ext)). Identifies the group.
    type: str
    required: true
  state:
    description: V(present) creates or updates the group, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description: The group's name. Required to create.
    type: str
  members:
    description:
      - The extension numbers the group rings (written as C(extensions), read as C(destinations)).
      - The order is kept and compared. The reference does not say which strategies ignore it, and the hunting
        strategies (V(round), V(round_memory), C(looping_mode=circular)) go through the members in this order, so
        list them in the order they should ring; a different order is a change.
      - V([]) removes every member.
    type: list
    elements: str
  ring_strategy:
    description: How calls are handed to the members (read from C(pbxware.ring_group.configuration)).
    type: str
    choices: [all, leastrecent, round, round_memory]
  ring_timeout:
    description:
      - Seconds the group rings before the call goes on (API C(timeout); the API's default is 30).
      - Named so because O(timeout) is the connection's timeout.
    type: int
  max_limit:
    description: Concurrent calls allowed into the group, 0 to 99 (the API's default is 1).
    type: int
  greeting:
    description: Greeting played to callers; its name starts with C(greeting-). V("") removes it.
    type: str
  last_dest:
    description: The extension number calls go to when nobody answers. V("") removes it.
    type: str
  last_dest_vm:
    description: Whether O(last_dest) is that extension's voicemail.
    type: bool
  options:
    description:
      - Other arguments of C(pbxware.ring_group.add) and C(pbxware.ring_group.edit), by API name; all are read back
        from C(pbxware.ring_group.configuration) and compared.
      - "Booleans (yes/no in the API): C(ganswer), C(overwrite_timeout), C(store_cdr), C(record), C(record_silent),
        C(confirm_calls), C(skip_pbd_local), C(preserve_callerid), C(member_es_disable)."
      - "Text, with the validation PBXware applies: C(timeout_msg) (starts with C(announce-)), C(loops) (1-2 digits),
        C(dial_options), C(custom_ringtone), C(callerid), C(exit_digit) (one digit), C(exit_ext), C(confirm_msg)
        (starts with C(rg-announce-)), C(confirm_answered_msg) (starts with C(rg-late-announce-)), C(call_rating_ext),
        C(looping_mode) (C(per_ext) or C(circular)). An empty value removes a text setting."
      - O(last_dest), C(exit_ext) and C(call_rating_ext) are extension numbers of the tenant's extension length.
    type: dict
seealso:
  - module: bicom.pbxware.pbxware_ring_group_info
  - module: bicom.pbxware.pbxware_erg
"""

EXAMPLES = r"""
- name: Sales rings everybody at once, then goes to voicemail
  bicom.pbxware.pbxware_ring_group:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "200"
    name: Sales
    members: ["101", "102", "103"]
    ring_strategy: all
    ring_timeout: 25
    last_dest: "101"
    last_dest_vm: true
    options:
      record: true
      looping_mode: circular

- name: Remove the group
  bicom.pbxware.pbxware_ring_group:
    tenant: "344"
    extension: "200"
    state: absent
"""

RETURN = r"""
id:
  description: The group's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "4"
ring_group:
  description:
    - The group after the run (read back; predicted in check mode), by option name.
    - Options only the configuration shows are present when the run read it (the task set one of them).
  returned: success
  type: dict
  sample:
    extension: "200"
    name: Sales
    members: ["101", "102", "103"]
    last_dest: "101"
    last_dest_vm: true
    ring_strategy: all
    ring_timeout: 25
    max_limit: 1
    greeting: ""
    options: {record: true, looping_mode: circular}
before:
  description: The group before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values.
  returned: success
  type: dict
  sample: {ring_timeout: 25}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import (
    RING_STRATEGIES, extension_length_check, ring_group_resource, validate_ring_group)

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str"),
    members=dict(type="list", elements="str"),
    ring_strategy=dict(type="str", choices=list(RING_STRATEGIES)),
    ring_timeout=dict(type="int"),
    max_limit=dict(type="int"),
    greeting=dict(type="str"),
    last_dest=dict(type="str"),
    last_dest_vm=dict(type="bool"),
    options=dict(type="dict"),
)
# Extension numbers, of the tenant's length (checked when the tenant was given by name or code).
NUMBERS_OF_TENANT_LENGTH = ("last_dest", "options.exit_ext", "options.call_rating_ext")


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        validate_ring_group(params)
        resource = ring_group_resource(params)
        desired = desired_params(resource, params)
        return module.converge(resource, desired, "ring_group", params["state"], shape=nest_options,
                               check_tenant=extension_length_check(params, NUMBERS_OF_TENANT_LENGTH))

    module.run(work)


if __name__ == "__main__":
    main()
