#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_did_info
short_description: Read the DIDs of a PBXware tenant, their CLI routing and operation times
version_added: 0.1.0
description:
  - Lists the DIDs of a tenant (C(pbxware.did.list)), filtered by number, destination or destination type.
  - For each DID listed, optionally reads its CLI routing rules (C(pbxware.did.clirouting.list)) and operation
    times (C(pbxware.otimes.did.list)).
  - Everything comes back in the shape M(bicom.pbxware.pbxware_did), M(bicom.pbxware.pbxware_did_clirouting) and
    M(bicom.pbxware.pbxware_operation_times) take, so output can be used as input.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  numbers:
    description: Only these DID numbers.
    type: list
    elements: str
  destination:
    description: Only DIDs routed to this destination number (the API's C(ext) filter).
    type: str
  destination_type:
    description: Only DIDs with this destination type.
    type: str
    choices: [extension, multi_user, ring_group, ivr, queue, external_number, ivr_tree, voicemail, remote_access,
              conference, trunk, fax_to_email, phone_callback, deny_access, crm_routing, agents, ari_application,
              parking_lot]
  details:
    description: What else to read for each DID listed, one API call per DID and detail.
    type: list
    elements: str
    choices: [clirouting, operation_times]
    default: []
seealso:
  - module: bicom.pbxware.pbxware_did
"""

EXAMPLES = r"""
- name: The inbound plan of a tenant
  bicom.pbxware.pbxware_did_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    details: [clirouting, operation_times]
  register: inbound
"""

RETURN = r"""
dids:
  description: The matching DIDs, sorted by number, with C(id) and one key per detail read.
  returned: success
  type: list
  elements: dict
  sample:
    - id: "7"
      number: "12125550100"
      number_end: ""
      trunk: "2316"
      destination_type: ivr
      destination: "7000"
      name: Main number
      enabled: true
      e164: ""
      e164_end: ""
      sms_enabled: false
      prioritize_clirouting: false
      clirouting: [{id: "3", callerid: "12125559000", destination_type: extension, destination: "100",
                    match_explicitly: true}]
      operation_times: {status: "on", greeting: "", default_destination: "100", default_destination_is_voicemail: true,
                        closed_dates: [], custom_destinations: [], open_days: []}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.destinations import DID_DESTINATIONS
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import DID, DID_CLI_ROUTE
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operation_times import operation_times_resource
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import unwrap

ARGUMENT_SPEC = dict(
    numbers=dict(type="list", elements="str"),
    destination=dict(type="str"),
    destination_type=dict(type="str", choices=list(DID_DESTINATIONS.names)),
    details=dict(type="list", elements="str", default=[], choices=["clirouting", "operation_times"]),
)
OPERATION_TIMES = operation_times_resource("did")


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        server = module.server()
        query = {"server": server}
        if params["destination"]:
            query["ext"] = params["destination"]
        found = []
        for did_id, row in collection(module.client.read("pbxware.did.list", query)).items():
            view = read_view(DID, row)
            if params["numbers"] and view.get("number") not in [to_str(number) for number in params["numbers"]]:
                continue
            if params["destination_type"] and view.get("destination_type") != params["destination_type"]:
                continue
            by_id = {"server": server, "id": did_id}
            item = dict(view, id=ident(did_id))
            if "clirouting" in params["details"]:
                rules = collection(module.client.read("pbxware.did.clirouting.list", by_id))
                item["clirouting"] = [dict(read_view(DID_CLI_ROUTE, rule), id=ident(rule_id))
                                      for rule_id, rule in sorted(rules.items())]
            if "operation_times" in params["details"]:
                state = unwrap(module.client.read("pbxware.otimes.did.list", by_id), did_id)
                item["operation_times"] = read_view(OPERATION_TIMES, state) if state else {}
            found.append(item)
        return {"changed": False, "dids": sorted(found, key=lambda item: item.get("number") or "")}

    module.run(work)


if __name__ == "__main__":
    main()
