#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_enhanced_services
short_description: Set the states of many enhanced services of a PBXware extension at once
version_added: 0.1.0
description:
  - Sets the states and OSC states of any number of enhanced services of one extension in one task, through
    C(pbxware.ext.es.states.get), C(states.set), C(states.get_osc) and C(states.set_osc).
  - States are read with one call and written with at most one, sending only the services that differ; the same
    holds for OSC states. Services not named keep their states. The result is the read state with the write
    applied (the write's answer carries no states).
  - To change a service's configuration, use M(bicom.pbxware.pbxware_enhanced_service).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  extension:
    description: The extension number (resolved to its internal ID through C(pbxware.ext.list)).
    type: str
    required: true
  states:
    description:
      - "Service name to V(enabled), V(disabled) or V(pin), for example C({dnd: enabled, callfwd: pin})."
      - Service names are those of M(bicom.pbxware.pbxware_enhanced_service)'s O(bicom.pbxware.pbxware_enhanced_service#module:service).
    type: dict
  all:
    description: The state of every service not named in O(states).
    type: str
    choices: [enabled, disabled]
  osc:
    description: "Service name to OSC state, for example C({dnd: true, callfwd: false})."
    type: dict
  all_osc:
    description: The OSC state of every service not named in O(osc).
    type: bool
notes:
  - At least one of O(states), O(all), O(osc) and O(all_osc) is required.
  - The server's C(all) argument is not used - the module compares every service and sends those that differ.
  - Each write (C(states.set), then C(states.set_osc)) is sent once, never re-sent. When one does not answer
    cleanly, a fresh read decides - all of it is there, the run goes on with a warning; it is not, or only in
    part, the task fails, naming the services still different. A failed task is also C(changed) when the fresh
    read shows part of the change on the server.
seealso:
  - module: bicom.pbxware.pbxware_enhanced_service
  - module: bicom.pbxware.pbxware_enhanced_service_info
"""

EXAMPLES = r"""
- name: Only follow-me and call forwarding, forwarding behind the PIN
  bicom.pbxware.pbxware_enhanced_services:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    all: disabled
    states:
      followme: enabled
      callfwd: pin
    osc:
      callfwd: true
"""

RETURN = r"""
id:
  description: The extension's internal ID.
  returned: success
  type: str
  sample: "10"
states:
  description: The state of every service after the run (predicted in check mode), when O(states) or O(all) is given.
  returned: when O(states) or O(all) is given
  type: dict
  sample: {callerid: enabled, dnd: disabled, callfwd: pin}
osc:
  description: The OSC state of every service after the run, when O(osc) or O(all_osc) is given.
  returned: when O(osc) or O(all_osc) is given
  type: dict
  sample: {callerid: true, dnd: false, callfwd: true}
before:
  description: The same, before the run.
  returned: success
  type: dict
  sample: {states: {callerid: enabled, dnd: disabled, callfwd: disabled}}
proposed:
  description: The services whose state (or OSC state) the run changes, with their new values.
  returned: success
  type: dict
  sample: {states: {callfwd: pin}}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_services import (
    WriteFailed, check_states_input, converge_states, find_extension_id)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    states=dict(type="dict"),
    all=dict(type="str", choices=["enabled", "disabled"]),
    osc=dict(type="dict"),
    all_osc=dict(type="bool"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, required_one_of=[("states", "all", "osc", "all_osc")])
    params = module.params

    def work():
        check_states_input(params)
        server = module.server()
        extension_id = find_extension_id(module.client, server, params["extension"])
        try:
            result = converge_states(module.client, server, extension_id, params, module.check_mode)
        except WriteFailed as err:
            # Failed, and changed when the fresh read shows part of the change on the server.
            module.fail(err.message, changed=err.changed, id=extension_id)
        return dict(result, id=extension_id)

    module.run(work)


if __name__ == "__main__":
    main()
