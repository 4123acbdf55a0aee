#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_ivr
short_description: Manage one IVR (auto attendant) of a PBXware tenant
version_added: 0.2.0
description:
  - Creates, updates or deletes one IVR, identified by its tenant and extension number.
  - C(pbxware.ivr.list) is the only read the API offers for IVRs. O(name), O(status), O(operator) and O(keymap)
    are compared on normalised values and only those that differ are sent with C(pbxware.ivr.edit); a second run
    reports no change.
  - O(greeting) and the keys of O(options) are write-only - the API never returns them - so they are sent when the
    IVR is created, afterwards only with O(force_write_only=true).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  extension:
    description: The IVR's extension number (API C(ext)). Identifies the IVR in its tenant.
    type: str
    required: true
  state:
    description: V(present) creates or updates the IVR, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  name:
    description: The IVR's name - letters, digits and C(_), no spaces (PBXware refuses them). Required to create.
    type: str
  greeting:
    description:
      - The greeting played, a sound file whose name begins with C(greeting-). Required to create.
      - Write-only - C(pbxware.ivr.list) does not return it - so it is sent when the IVR is created, afterwards
        only with O(force_write_only=true).
    type: str
  status:
    description: Whether the IVR takes calls (API C(status) 1 or 0, read back as C(enabled) or C(disabled)).
    type: str
    choices: [enabled, disabled]
  operator:
    description: The operator extension (digits); an empty string removes it.
    type: str
  keymap:
    description:
      - What each key pressed does, as a dict of key (V(0) to V(9) and V(*), which YAML needs quoted) to a dict
        of C(type) and C(destination). Required to create, with at least one key.
      - C(type) is one of V(ivr), V(queue), V(ring_group) (dial groups and enhanced ring groups), V(conference),
        V(extension), V(voicemail), V(crm_routing), V(ivr_tree), V(directory), V(remote_access), V(fax_to_email),
        V(external_number), V(ari_application), or its API code (V(aa), V(qu), V(rg), V(cf), V(ex), V(vm),
        V(cr), V(aatree), V(dy), V(ra), V(fx), V(en), V(ari)); results use the names.
      - C(destination) is the number of the extension, queue, IVR... (digits); for V(external_number) the
        number to call (digits); for V(crm_routing) and V(ari_application) the rule's or application's ID; for
        V(remote_access) one of V(agentlogin), V(destinations), V(voicemail); V(directory) takes none.
      - A V(ring_group) (dial group or enhanced ring group) or V(ivr) destination may also be its name, resolved
        to its number with one list read per type (C(pbxware.ring_group.list), then C(pbxware.erg.list);
        C(pbxware.ivr.list)).
      - The keymap is one setting - it replaces the IVR's whole keymap, and keys it does not name are removed.
        When it differs it is sent whole.
      - Servers read keymaps in two shapes. Where C(pbxware.ivr.list) shows every key, the whole keymap is
        compared. Where it shows a single entry without saying its key (as the API reference's example does),
        only that entry can be compared - if it is none of O(keymap)'s entries the keymap is sent; if it is one
        of them, the rest cannot be read, the task reports no change for it and warns that the keymap could only
        be partly compared. O(force_write_only=true) sends it anyway.
    type: dict
  options:
    description:
      - Other arguments of C(pbxware.ivr.add) and C(pbxware.ivr.edit) by API name, checked against the patterns
        of the vendor's Postman collection - C(disablecid) (1, 0, or 2 for not set; PIN-based IVRs only),
        C(tresponse) (response timeout, seconds), C(rtpdelay), C(tdigit) (digit timeout, seconds), C(rings),
        C(faxemail), C(customring), C(local2fax) (1, 0, 2), C(rangelimit) (1, 0, 2), C(rangestart), C(rangeend),
        C(ringtype) (C(ring), C(moh) or C(none)), C(moh) (music on hold class, with C(ringtype=moh)), C(loops)
        (1 to 20), C(timeoutext) (an extension number, or C(ari-<ID>) for an ARI application), C(timeoutextvm)
        (1, 0, 2), C(localdial) (1 or 0), C(skip_invalid_selection) (1 or 0).
      - All are write-only - C(pbxware.ivr.list) does not return them - so they are sent when the IVR is created,
        afterwards only with O(force_write_only=true).
    type: dict
  force_write_only:
    description:
      - Also send O(greeting) and O(options) to an existing IVR, and O(keymap) where the server's read showed
        only part of it. The API cannot say whether they differ, so the task then reports a change on every run.
    type: bool
    default: false
notes:
  - The IVR's type (standard, PIN-based, multi-digit), which C(pbxware.ivr.list) shows, is not an argument of
    C(pbxware.ivr.add) or C(pbxware.ivr.edit) and cannot be set.
seealso:
  - module: bicom.pbxware.pbxware_ivr_info
  - module: bicom.pbxware.pbxware_operation_times
"""

EXAMPLES = r"""
- name: The reception menu
  bicom.pbxware.pbxware_ivr:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "700"
    name: Reception
    greeting: greeting-reception
    status: enabled
    operator: "100"
    keymap:
      "1": {type: extension, destination: "100"}
      "2": {type: ring_group, destination: Sales}
      "9": {type: directory}
      "0": {type: external_number, destination: "0038761000000"}
      "*": {type: remote_access, destination: voicemail}
    options:
      tresponse: 6
      ringtype: moh
      moh: default

- name: Send key 2 to the sales ring group (the keymap is sent whole)
  bicom.pbxware.pbxware_ivr:
    tenant: "344"
    extension: "700"
    keymap:
      "1": {type: ex, destination: "100"}
      "2": {type: rg, destination: "601"}
      "9": {type: dy}
      "0": {type: en, destination: "0038761000000"}
      "*": {type: ra, destination: voicemail}

- name: Remove the menu
  bicom.pbxware.pbxware_ivr:
    tenant: "344"
    extension: "700"
    state: absent
"""

RETURN = r"""
id:
  description:
    - The IVR's internal ID (for M(bicom.pbxware.pbxware_operation_times) with O(bicom.pbxware.pbxware_operation_times#module:kind=ivr)).
    - V(null) after a delete, and when check mode predicts a creation.
  returned: success
  type: str
  sample: "12"
ivr:
  description:
    - The IVR after the run (read back; predicted in check mode), by option name. The write-only O(greeting) and
      O(options) are not read back.
    - Where the server's read shows a single keymap entry without its key, O(keymap) holds that entry under the
      key C(?).
  returned: success
  type: dict
  sample:
    extension: "700"
    name: Reception
    status: enabled
    operator: "100"
    keymap:
      "1": {type: extension, destination: "100"}
      "9": {type: directory, destination: ""}
before:
  description: The IVR before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values.
  returned: success
  type: dict
  sample: {name: Main_menu}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.ivrs import (
    IVR, keymap_resolver, option_fields, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str"),
    greeting=dict(type="str"),
    status=dict(type="str", choices=["enabled", "disabled"]),
    operator=dict(type="str"),
    keymap=dict(type="dict", no_log=False),
    options=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        validate(params)
        resource = IVR.extended(option_fields(params["options"]))
        desired = desired_params(resource, params)
        return module.converge(resource, desired, "ivr", params["state"], keymap_resolver(module.client, module.server()),
                               force_write_only=params["force_write_only"], shape=nest_options)

    module.run(work)


if __name__ == "__main__":
    main()
