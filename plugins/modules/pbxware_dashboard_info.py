#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_dashboard_info
short_description: Read the PBXware dashboard (extensions online, calls, registrations, license use, load)
version_added: 0.2.0
description:
  - Reads the views of the PBXware dashboard, one API call each (C(pbxware.dashboard.<view>)).
  - Every figure comes back as a number, names in snake case.
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
      - The dashboard views to read. Each is one API call; the result has a key for each view read.
      - V(ext_online), V(sip_registrations), V(calls), V(glocom_editions), V(glocom_users) and V(licensing)
        count within the tenant given by O(tenant) or O(tenant_id), or the whole system without either.
      - V(services), V(disk_usage), V(cpu) and V(memory) describe the PBXware machine; no tenant applies.
    type: list
    elements: str
    choices: [ext_online, sip_registrations, calls, glocom_editions, glocom_users, licensing, services, disk_usage,
              cpu, memory]
    default: [ext_online, sip_registrations, calls, glocom_editions, glocom_users, licensing, services, disk_usage,
              cpu, memory]
notes:
  - Without O(tenant) or O(tenant_id) no tenant filter is sent and the figures cover the whole system.
seealso:
  - module: bicom.pbxware.pbxware_monitor_info
  - module: bicom.pbxware.pbxware_license_info
"""

EXAMPLES = r"""
- name: Whole dashboard of the system
  bicom.pbxware.pbxware_dashboard_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: dashboard

- name: Warn when the disk fills up
  ansible.builtin.debug:
    msg: "Disk {{ dashboard.dashboard.disk_usage }}% full"
  when: dashboard.dashboard.disk_usage > 80

- name: Calls and extensions online in tenant 344
  bicom.pbxware.pbxware_dashboard_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    views: [calls, ext_online]
  register: tenant_dashboard
"""

RETURN = r"""
dashboard:
  description: One key for each view read (O(views)).
  returned: success
  type: dict
  contains:
    ext_online:
      description: How many extensions are online (registered).
      returned: when V(ext_online) is read
      type: int
      sample: 14
    services:
      description:
        - The state of each PBXware service by its name in snake case (C(pbxware), C(pbxware_service),
          C(pbxware_proxy), C(push_notification), C(chat_server), C(memcached), and any other the server reports),
          as the server words it (C(running) when it runs).
      returned: when V(services) is read
      type: dict
      sample: {pbxware: running, pbxware_service: running, pbxware_proxy: running, push_notification: running,
               chat_server: running, memcached: running}
    sip_registrations:
      description: SIP registrations by state.
      returned: when V(sip_registrations) is read
      type: dict
      contains:
        success:
          description: Successful registrations.
          type: int
          sample: 12
        failed:
          description: Failed registrations.
          type: int
          sample: 1
        lagged:
          description: Registrations in the lagged state.
          type: int
          sample: 0
    calls:
      description: Calls overview.
      returned: when V(calls) is read
      type: dict
      contains:
        now:
          description: Calls in progress.
          type: int
          sample: 2
        last_hour:
          description: Calls in the past hour.
          type: int
          sample: 6
        today:
          description: Calls today.
          type: int
          sample: 31
        answered:
          description: Answered calls (the API's C(answared calls)).
          type: int
          sample: 28
    glocom_editions:
      description: gloCOM apps registered to PBXware, by edition and mobile platform.
      returned: when V(glocom_editions) is read
      type: dict
      contains:
        office:
          description: Apps of the Office edition.
          type: int
          sample: 3
        business:
          description: Apps of the Business edition.
          type: int
          sample: 2
        agent:
          description: Apps of the Agent edition.
          type: int
          sample: 0
        supervisor:
          description: Apps of the Supervisor edition.
          type: int
          sample: 0
        ios:
          description: Mobile apps on iOS.
          type: int
          sample: 1
        android:
          description: Mobile apps on Android.
          type: int
          sample: 1
    glocom_users:
      description: How many gloCOM users are logged in.
      returned: when V(glocom_users) is read
      type: int
      sample: 4
    licensing:
      description: Use of the licensed (or, in a tenant, the tenant package's) extensions, IVRs, queues and
        conferences, each as C(in_use) and C(max).
      returned: when V(licensing) is read
      type: dict
      sample: {ext: {in_use: 14, max: 100}, ivr: {in_use: 0, max: 200}, queue: {in_use: 0, max: 200},
               conference: {in_use: 1, max: 200}}
      contains:
        ext:
          description: Extensions in use and allowed.
          type: dict
          contains:
            in_use:
              description: How many exist.
              type: int
            max:
              description: How many are allowed.
              type: int
        ivr:
          description: IVRs in use and allowed (C(in_use), C(max)).
          type: dict
        queue:
          description: Queues in use and allowed (C(in_use), C(max)).
          type: dict
        conference:
          description: Conferences in use and allowed (C(in_use), C(max)).
          type: dict
    disk_usage:
      description: Hard disk use, in percent (a whole number).
      returned: when V(disk_usage) is read
      type: int
      sample: 45
    cpu:
      description: CPU use, in percent (a whole number).
      returned: when V(cpu) is read
      type: int
      sample: 7
    memory:
      description: Memory use, in percent (a whole number).
      returned: when V(memory) is read
      type: int
      sample: 34
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operations import (
    DASHBOARD_VIEWS, read_dashboard, selected_views)

ARGUMENT_SPEC = dict(
    views=dict(type="list", elements="str", choices=list(DASHBOARD_VIEWS), default=list(DASHBOARD_VIEWS)),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)

    def work():
        views = selected_views(module.params["views"], "views")
        return {"changed": False, "dashboard": read_dashboard(module.client, views, module.server_filter())}

    module.run(work)


if __name__ == "__main__":
    main()
