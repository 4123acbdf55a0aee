#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_monitor_info
short_description: Read PBXware's live monitor (extension presence, live calls, trunk status)
version_added: 0.2.0
description:
  - Reads what the PBXware monitor shows, one API call per view - the extensions with their presence
    (C(pbxware.monitor.list)), the calls in progress (C(pbxware.monitor.live_calls)) and the status of every
    trunk (C(pbxware.monitor.trunks)).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  views:
    description:
      - What to read; the result has a key for each.
      - V(extensions) and V(live_calls) are of the tenant given by O(tenant) or O(tenant_id), or of the whole
        system without either; V(trunks) are system-wide.
    type: list
    elements: str
    choices: [extensions, live_calls, trunks]
    default: [extensions, live_calls, trunks]
notes:
  - Without O(tenant) or O(tenant_id) no tenant filter is sent and the lists cover the whole system.
  - "A server with no call in progress may answer C(Live Calls: 0) instead of a list; that reads as no live call."
seealso:
  - module: bicom.pbxware.pbxware_dashboard_info
  - module: bicom.pbxware.pbxware_extension_info
"""

EXAMPLES = r"""
- name: Who is online and on a call in tenant 344
  bicom.pbxware.pbxware_monitor_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    views: [extensions, live_calls]
  register: monitor

- name: Extensions that are offline
  ansible.builtin.debug:
    msg: "{{ monitor.extensions | selectattr('status', 'equalto', 'offline') | map(attribute='extension') | list }}"

- name: Trunks that are down
  bicom.pbxware.pbxware_monitor_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    views: [trunks]
  register: trunk_monitor
  failed_when: trunk_monitor.trunks | rejectattr('status', 'equalto', 'online') | list | length > 0
"""

RETURN = r"""
extensions:
  description: The extensions and their presence, by extension number; V([]) when there is none.
  returned: when V(extensions) is read
  type: list
  elements: dict
  contains:
    id:
      description: The extension's ID.
      type: str
      sample: "123"
    extension:
      description: The extension number.
      type: str
      sample: "530"
    name:
      description: The extension's name.
      type: str
      sample: User 530
    status:
      description: V(online) or V(offline).
      type: str
      sample: online
    ip:
      description: The IP address of the registered device; empty when there is none.
      type: str
      sample: 192.168.1.2
    user_agent:
      description: The user agent (device) registered; empty when there is none.
      type: str
      sample: Yealink T41
    dnd:
      description: Whether Do Not Disturb is on; null when the server does not say.
      type: bool
      sample: false
    on_call:
      description: Whether the extension is on a call; null when the server does not say.
      type: bool
      sample: true
live_calls:
  description: The calls in progress, oldest first; V([]) when there is none.
  returned: when V(live_calls) is read
  type: list
  elements: dict
  contains:
    id:
      description: The call's channel ID (C(<start time>.<sequence>)).
      type: str
      sample: "1675644925.2"
    from:
      description: The calling party as the server shows it, C(<name> (<extension>)) or a number.
      type: str
      sample: User1 (203)
    to:
      description: The called party as the server shows it, C(<name> (<extension>)) or a number.
      type: str
      sample: User2 (210)
    caller:
      description: RV(live_calls[].from) split into C(name) (null for a bare number) and C(number) (the
        extension or the number).
      type: dict
      sample: {name: User1, number: "203"}
    callee:
      description: RV(live_calls[].to) split the same way.
      type: dict
      sample: {name: User2, number: "210"}
    timestamp:
      description: The call's timestamp as the server gives it (Unix time).
      type: int
      sample: 1675644925
trunks:
  description: Every trunk and its status, by ID; V([]) when there is none.
  returned: when V(trunks) is read
  type: list
  elements: dict
  contains:
    id:
      description: The trunk's ID.
      type: str
      sample: "82"
    name:
      description: The trunk's name.
      type: str
      sample: Trunk
    address:
      description: The trunk's IP address (or host) and port.
      type: str
      sample: 192.168.60.4:5060
    status:
      description: The trunk's status as the server words it (V(online) when it is reachable).
      type: str
      sample: online
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operations import (
    MONITOR_VIEWS, read_monitor, selected_views)

ARGUMENT_SPEC = dict(
    views=dict(type="list", elements="str", choices=list(MONITOR_VIEWS), default=list(MONITOR_VIEWS)),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)

    def work():
        views = selected_views(module.params["views"], "views")
        result = read_monitor(module.client, views, module.server_filter())
        result["changed"] = False
        return result

    module.run(work)


if __name__ == "__main__":
    main()
