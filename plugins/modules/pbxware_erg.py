#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_erg
short_description: Manage an enhanced ring group (ERG) of a PBXware tenant
version_added: 0.2.0
description:
  - Creates, updates or deletes one enhanced ring group (a queue), identified by its tenant and its number
    (O(extension)), and sets its members and their penalties.
  - C(pbxware.erg.list) is the only read the API offers for ERGs. It shows the name, the number, the ring strategy
    and the members; these are compared on normalised values and only those that differ are sent
    (C(pbxware.erg.edit), and C(pbxware.erg.members) for the members). A second run reports no change.
  - Every other argument - O(max_wait_callers), O(rings_answer) and the keys of O(options) - is write-only. It is sent
    when the ERG is created, afterwards only with O(force_write_only=true); the task warns that it was neither
    compared nor sent otherwise.
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
      - The ERG's number in the tenant (written as C(ext), read as C(number)), of the tenant's extension length.
        Identifies the ERG.
    type: str
    required: true
  state:
    description: V(present) creates or updates the ERG, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description: The ERG's name; letters, digits, C(-) and C(_) only. Required to create.
    type: str
  ring_strategy:
    description: How calls are handed to the members (read back as C(strategy)); PBXware's default is V(ringall).
    type: str
    choices: [ringall, linear, leastrecent, fewestcalls, random, rrmemory, rrordered, wrandom]
  max_wait_callers:
    description: How many callers may wait in the ERG at once (up to 5 digits). Required to create. Write-only.
    type: int
  rings_answer:
    description: Rings a caller hears before the call enters the ERG (0 to 9). Required to create. Write-only.
    type: int
  members:
    description:
      - The members, in order, each an extension number with a penalty, set with C(pbxware.erg.members) and read
        back from C(pbxware.erg.list).
      - The list replaces the members; the order is kept and compared (strategies such as V(linear) and
        V(rrordered) ring in that order). An extension may be listed once.
      - The API cannot remove every member (it requires at least one number), so V([]) only matches an ERG
        that has none.
    type: list
    elements: dict
    suboptions:
      extension:
        description: The member's extension number.
        type: str
        required: true
      penalty:
        description: The member's penalty; members with lower penalties are called first.
        type: int
        default: 0
  options:
    description:
      - Other arguments of C(pbxware.erg.add) and C(pbxware.erg.edit), by API name. All are write-only, as
        C(pbxware.erg.list) does not return them. They are sent when the ERG is created, afterwards only with
        O(force_write_only=true).
      - "Booleans (yes/no in the API): C(record), C(wake_mobile), C(prioritize_timeout), C(max_wait_dest_vm),
        C(redirect_vm), C(announce_holdtime), C(announce_position), C(static_login), C(member_es_disable),
        C(autofill), C(ring_inuse), C(timeout_restart), C(use_exit_digit), C(exit_vm), C(leave_when_empty),
        C(empty_dest_vm), C(enable_notification)."
      - "Extension numbers of the tenant's length: C(max_wait_dest), C(redirect_dest), C(empty_dest), C(exit_dest)."
      - "Text, with the validation PBXware applies: C(replace_cid) (letters, digits, spaces), C(queue_url),
        C(max_wait_seconds) (1-4 digits), C(greeting) (starts with C(queue-greeting-)), C(announce_frequency),
        C(min_announce_frequency) (1-2 digits), C(announce_r_seconds) (0, 5, 10, 15, 20 or 30),
        C(member_ring_timeout) (1-4 digits), C(retry_timeout), C(wrapup_time) (1-3 digits), C(periodic_announce)
        (C(default) or starting with C(periodic-announce-)), C(periodic_announce_frequency) (1-2 digits),
        C(periodic_announce_startdelay), C(first_periodic_announce) (deprecated by PBXware for the former),
        C(incoming_options) (letters of C(tTHnrC)), C(ring_timeout) (1-4 digits), C(exit_digit) (one digit),
        C(notification_email)."
    type: dict
  force_write_only:
    description:
      - Also send O(max_wait_callers), O(rings_answer) and O(options) to an existing ERG. The API cannot say whether
        they differ, so the task then reports a change on every run.
    type: bool
    default: false
notes:
  - In check mode, members of an ERG that does not exist yet are predicted, not read.
seealso:
  - module: bicom.pbxware.pbxware_erg_info
  - module: bicom.pbxware.pbxware_ring_group
"""

EXAMPLES = r"""
- name: Support queue, the first-line agents before the second line
  bicom.pbxware.pbxware_erg:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "300"
    name: support
    ring_strategy: rrmemory
    max_wait_callers: 10
    rings_answer: 0
    members:
      - {extension: "101", penalty: 0}
      - {extension: "102", penalty: 0}
      - {extension: "110", penalty: 5}
    options:
      announce_position: true
      greeting: queue-greeting-support
      max_wait_seconds: 300
      max_wait_dest: "120"

- name: Remove the queue
  bicom.pbxware.pbxware_erg:
    tenant: "344"
    extension: "300"
    state: absent
"""

RETURN = r"""
id:
  description: The ERG's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "34"
erg:
  description:
    - The ERG after the run (read back; predicted in check mode), by option name.
    - Write-only options appear only when the run sent them.
  returned: success
  type: dict
  sample:
    extension: "300"
    name: support
    ring_strategy: rrmemory
    members: [{extension: "101", penalty: 0}, {extension: "110", penalty: 5}]
before:
  description: The ERG before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values.
  returned: success
  type: dict
  sample: {members: [{extension: "101", penalty: 0}]}
operation:
  description: What the run did (or would do in check mode); V(update) when only the members change.
  returned: success
  type: str
  sample: create
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import (
    ERG_DESTINATIONS, ERG_STRATEGIES, converge_erg, extension_length_check, validate_erg)

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str"),
    ring_strategy=dict(type="str", choices=list(ERG_STRATEGIES)),
    max_wait_callers=dict(type="int"),
    rings_answer=dict(type="int"),
    members=dict(type="list", elements="dict", options=dict(
        extension=dict(type="str", required=True),
        penalty=dict(type="int", default=0),
    )),
    options=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)
# Extension numbers, of the tenant's length (checked when the tenant was given by name or code).
NUMBERS_OF_TENANT_LENGTH = ("extension",) + tuple("options." + name for name in ERG_DESTINATIONS)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        validate_erg(params)
        return converge_erg(module, params, extension_length_check(params, NUMBERS_OF_TENANT_LENGTH))

    module.run(work)


if __name__ == "__main__":
    main()
