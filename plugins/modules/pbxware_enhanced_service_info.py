#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_enhanced_service_info
short_description: Read the enhanced services of a PBXware extension
version_added: 0.1.0
description:
  - Returns, for one extension, the state, OSC state and configuration of the chosen enhanced services, in the
    shape M(bicom.pbxware.pbxware_enhanced_service) takes, so a service's output can be given back as its
    O(bicom.pbxware.pbxware_enhanced_service#module:config) unchanged.
  - Reads the states with one C(pbxware.ext.es.states.get) call, the OSC states with one C(states.get_osc) call,
    and one C(configuration) per chosen service that has one.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  extension:
    description: The extension number (resolved to its internal ID through C(pbxware.ext.list)).
    type: str
    required: true
  services:
    description: The services to read; all 25 when omitted.
    type: list
    elements: str
    choices: [callerid, callfilters, callscreening, dnd, callpickup, lastcaller, callfwd, followme, instrecord,
              remoteaccess, phonecallback, grouphunt, mobilenumbers, sppage, blflist, speeddial, delrecordings,
              listenrecordings, operationtimes, extoperationtimes, callmonitoring, wakeupcall, opwakeupcall,
              sppagegroups, smsnotifications]
seealso:
  - module: bicom.pbxware.pbxware_enhanced_service
  - module: bicom.pbxware.pbxware_enhanced_services
"""

EXAMPLES = r"""
- name: Read follow-me and call forwarding of extension 101
  bicom.pbxware.pbxware_enhanced_service_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    services: [followme, callfwd]
  register: services

- name: Copy extension 101's follow-me to extension 102
  bicom.pbxware.pbxware_enhanced_service:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "102"
    service: followme
    state: "{{ services.enhanced_services.followme.state }}"
    config: "{{ services.enhanced_services.followme.config }}"
"""

RETURN = r"""
id:
  description: The extension's internal ID.
  returned: success
  type: str
  sample: "10"
enhanced_services:
  description:
    - Service name to its C(state) (V(enabled), V(disabled) or V(pin)), C(osc) (a boolean) and, for services that
      have one, C(config).
  returned: success
  type: dict
  sample:
    dnd: {state: disabled, osc: false, config: {dnd: "0", dst: "", dsttype: voicemail, duration: ""}}
    callpickup: {state: pin, osc: false}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_services import (
    find_extension_id, read_services)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_service_settings import SERVICES
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    services=dict(type="list", elements="str", choices=list(SERVICES)),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params

    def work():
        chosen = [service for service in SERVICES if service in (params["services"] or SERVICES)]
        server = module.server()
        extension_id = find_extension_id(module.client, server, params["extension"])
        return {"changed": False, "id": extension_id,
                "enhanced_services": read_services(module.client, server, extension_id, chosen)}

    module.run(work)


if __name__ == "__main__":
    main()
