#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_operation_times
short_description: Manage the operation times (opening hours) of a PBXware DID, IVR, queue, tenant and more
version_added: 0.1.0
description:
  - Sets the operation times state of one object - a DID, IVR, dial group, server/tenant, route, queue or
    enhanced ring group - through C(pbxware.otimes.<kind>.list) and C(pbxware.otimes.<kind>.set).
  - The options the task sets are compared with the current state on normalised values (times as C(HH:MM),
    days as C(1,2,3), yes/no as booleans). Lists are compared whole and in order.
  - The API sets the entire state on every write (C(set)), so every write carries the whole state - status,
    greeting, default destination and all three lists - the current values where the task does not set them.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  kind:
    description: What the operation times belong to.
    type: str
    required: true
    choices: [did, ivr, dial_group, server, route, queue, erg]
  did:
    description: For O(kind=did), the DID number (resolved to its ID through C(pbxware.did.list)).
    type: str
  object_id:
    description:
      - The ID of the object the operation times belong to (for O(kind=server), the tenant's ID, which is the default).
      - Required for the other kinds unless O(did) is given.
    type: str
  status:
    description: Whether operation times apply.
    type: str
    choices: ["on", "off", inherit]
  greeting:
    description: Greeting sound file played during closed dates, for example V(greeting-Mar-27-2013-15-15-44).
    type: str
  default_destination:
    description: Extension that takes calls outside the working hours (API C(default_dest_ext)).
    type: str
  default_destination_is_voicemail:
    description: Whether O(default_destination) is that extension's voicemail (API C(default_dest_is_vm)).
    type: bool
  pin:
    description:
      - PIN, for O(kind=route) only. Write-only - the API never returns it, so it is never compared; it is sent with
        every write when given.
      - A change that does not give it is sent without it, with a warning - a server that sets the entire state on
        every write clears it.
    type: str
  closed_dates:
    description: Dates when the object is closed, in order.
    type: list
    elements: dict
    suboptions:
      description:
        description: What the closed date is.
        type: str
        default: ""
      destination:
        description: Extension that takes calls on those dates.
        type: str
        default: ""
      date_from:
        description: First day, V(yyyy-mm-dd).
        type: str
        required: true
      date_to:
        description: Last day, V(yyyy-mm-dd).
        type: str
        required: true
      time_from:
        description: From, V(HH:MM).
        type: str
        default: "00:00"
      time_to:
        description: To, V(HH:MM).
        type: str
        default: "23:59"
  custom_destinations:
    description: Destinations for days and hours of the week, in order.
    type: list
    elements: dict
    suboptions:
      destination:
        description: Extension that takes calls in this range.
        type: str
        required: true
      is_open_range:
        description: Whether the range counts as open.
        type: bool
        default: true
      days:
        description: Days of the week, 1 to 7.
        type: list
        elements: int
        required: true
      time_from:
        description: From, V(HH:MM).
        type: str
        required: true
      time_to:
        description: To, V(HH:MM).
        type: str
        required: true
  open_days:
    description: Opening hours, in order.
    type: list
    elements: dict
    suboptions:
      description:
        description: What the range is.
        type: str
        default: ""
      days:
        description: Days of the week, 1 to 7.
        type: list
        elements: int
        required: true
      time_from:
        description: From, V(HH:MM).
        type: str
        required: true
      time_to:
        description: To, V(HH:MM).
        type: str
        required: true
notes:
  - Operation times cannot be deleted; set O(status=off) to stop them applying.
seealso:
  - module: bicom.pbxware.pbxware_did
"""

EXAMPLES = r"""
- name: Office hours for the main number, closed over Christmas
  bicom.pbxware.pbxware_operation_times:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    kind: did
    did: "12125550100"
    status: "on"
    default_destination: "100"
    default_destination_is_voicemail: true
    open_days:
      - description: Weekdays
        days: [1, 2, 3, 4, 5]
        time_from: "08:00"
        time_to: "17:00"
    closed_dates:
      - description: Christmas
        date_from: "2026-12-24"
        date_to: "2026-12-26"
"""

RETURN = r"""
id:
  description: The ID of the object the operation times belong to.
  returned: success
  type: str
  sample: "7"
operation_times:
  description: The state after the run (predicted in check mode), in the shape the options take.
  returned: success
  type: dict
  sample:
    object_id: "7"
    status: "on"
    greeting: ""
    default_destination: "100"
    default_destination_is_voicemail: true
    closed_dates: [{description: Christmas, destination: "", date_from: "2026-12-24", date_to: "2026-12-26",
                    time_from: "00:00", time_to: "23:59"}]
    custom_destinations: []
    open_days: [{description: Weekdays, days: "1,2,3,4,5", time_from: "08:00", time_to: "17:00"}]
before:
  description: The state before the run.
  returned: success
  type: dict
  sample: {}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {status: "on"}
operation:
  description: V(create) when the object had no operation times yet, V(update) when they change, else V(null).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import find_did_id
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operation_times import (
    KINDS, LISTS, operation_times_resource, pin_warnings, validate)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

ROW_OPTIONS = dict(
    closed_dates=dict(
        description=dict(type="str", default=""), destination=dict(type="str", default=""),
        date_from=dict(type="str", required=True), date_to=dict(type="str", required=True),
        time_from=dict(type="str", default="00:00"), time_to=dict(type="str", default="23:59")),
    custom_destinations=dict(
        destination=dict(type="str", required=True), is_open_range=dict(type="bool", default=True),
        days=dict(type="list", elements="int", required=True),
        time_from=dict(type="str", required=True), time_to=dict(type="str", required=True)),
    open_days=dict(
        description=dict(type="str", default=""), days=dict(type="list", elements="int", required=True),
        time_from=dict(type="str", required=True), time_to=dict(type="str", required=True)),
)
ARGUMENT_SPEC = dict(
    kind=dict(type="str", required=True, choices=sorted(KINDS)),
    did=dict(type="str"),
    object_id=dict(type="str"),
    status=dict(type="str", choices=["on", "off", "inherit"]),
    greeting=dict(type="str"),
    default_destination=dict(type="str"),
    default_destination_is_voicemail=dict(type="bool"),
    pin=dict(type="str", no_log=True),
    **dict((name, dict(type="list", elements="dict", options=options)) for name, options in ROW_OPTIONS.items())
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, mutually_exclusive=[("did", "object_id")])
    params = module.params

    def work():
        validate(params)
        kind = params["kind"]
        if params["did"] is not None and kind != "did":
            raise ReconcileError("did is for kind=did; give object_id for kind=%s" % kind, "did")
        if params["pin"] is not None and kind != "route":
            raise ReconcileError("pin is for kind=route only", "pin")
        if params["pin"] is not None and not params["pin"].isdigit():
            raise ReconcileError("pin: a route PIN is digits only", "pin")
        if params["did"] is None and params["object_id"] is None and kind != "server":
            raise ReconcileError("kind=%s needs object_id%s" % (kind, " or did" if kind == "did" else ""), "object_id")
        server = module.server()
        if params["did"] is not None:
            object_id = find_did_id(module.client, server, params["did"])
        elif params["object_id"] is not None:
            object_id = params["object_id"]
        else:
            object_id = server
        resource = operation_times_resource(kind)
        desired = dict((name, params[name]) for name in ("status", "greeting", "default_destination",
                                                         "default_destination_is_voicemail", "pin"))
        desired.update((name, params[name]) for name in LISTS)
        desired["object_id"] = object_id
        result = module.converge(resource, desired, "operation_times", scope={"id": object_id})
        result["warnings"] = result["warnings"] + pin_warnings(kind, params, result)
        return result

    module.run(work)


if __name__ == "__main__":
    main()
