#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_dids
short_description: Manage all DIDs (inbound numbers) of a PBXware tenant in one task
version_added: 0.2.0
description:
  - Converges a set of DIDs of one tenant in one task, as O(state) says, or gathers them (O(state=gathered)).
  - Each item of O(config) takes the options of M(bicom.pbxware.pbxware_did) (but O(ignore:state) and the
    connection and tenant options, which the task sets once) and is compared as that module compares it (only
    the options the item sets, on normalised values); a second run reports no change.
  - "Reads: the tenant lookup (when O(tenant) is a name or code) and one C(pbxware.did.list), the only read the
    API offers for DIDs, whatever the number of DIDs. Names of trunks, DID groups, ring groups and IVRs are
    looked up with one list read each per task, however many items name them."
  - Every item is checked, and every DID planned, before the first write; bad input in any item fails the
    task with nothing written, naming the item (C(config[3] (number 12125550103)...)).
  - "Writes: one C(pbxware.did.add), C(pbxware.did.edit) or C(pbxware.did.delete) (with server 1, as the API
    requires in tenant mode) per DID that changes, one at a time: deletions first, then the others, each in the
    order of their numbers. Nothing is read back: the results' C(after) is what the server was asked to hold."
  - A write that fails stops the task; the failure lists the writes made before it (in C(results)) and those not
    attempted. An unclear answer to a write (a timeout) is decided by a fresh read, never by sending it again.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  config:
    description:
      - The DIDs, one item each. Required with every O(state) but V(gathered), which takes none.
      - With O(state=deleted) only O(config[].number) is used; the other options of an item are ignored, so
        the output of O(state=gathered) can be fed in as it is.
    type: list
    elements: dict
    suboptions:
      number:
        description: The DID number (the first of a range). Identifies the DID; one item per DID.
        type: str
        required: true
      number_end:
        description: The last number of a DID range; as many digits as O(config[].number), not lower.
        type: str
      trunk:
        description:
          - The trunk the number arrives on, by name or ID (resolved through C(pbxware.trunk.list)). Required to
            create, and with O(state=replaced) or O(state=overridden).
        type: str
      destination_type:
        description:
          - Where calls go (API C(dest_type) 0 to 17; read back by name). Required to create, and with
            O(state=replaced) or O(state=overridden).
        type: str
        choices: [extension, multi_user, ring_group, ivr, queue, external_number, ivr_tree, voicemail, remote_access,
                  conference, trunk, fax_to_email, phone_callback, deny_access, crm_routing, agents, ari_application,
                  parking_lot]
      destination:
        description:
          - The destination number - an extension, a ring group, an IVR, an external number (which may start with
            C(+)), a comma-separated list for V(multi_user).
          - A ring group (a dial group or an enhanced ring group) and an IVR may also be given by name, as for
            M(bicom.pbxware.pbxware_did).
          - Required with every O(config[].destination_type) except V(phone_callback) and V(deny_access).
        type: str
      name:
        description:
          - Name of the DID.
          - The one option O(state=replaced) and O(state=overridden) clear when an item leaves it out.
        type: str
      enabled:
        description:
          - Whether the DID takes calls (API C(disabled) 0 or 1; read back as C(status)). Defaults to enabled on
            create.
        type: bool
      group:
        description:
          - The DID group, by name or ID (resolved through C(pbxware.didgroup.list)). Write-only; O(state=replaced)
            never clears it.
        type: str
      e164:
        description: E.164 number (start).
        type: str
      e164_end:
        description: E.164 number (end).
        type: str
      sms_enabled:
        description: Use the DID as an SMS number.
        type: bool
      prioritize_clirouting:
        description: Prioritize CLI routing over operation times.
        type: bool
      options:
        description:
          - Other arguments of C(pbxware.did.add) and C(pbxware.did.edit) by API name - C(callerid), C(splan),
            C(billingext), C(call_rating_ext), C(greeting), C(stripn), C(qprio), C(codec), C(ringtone),
            C(recordcall), C(state_text), C(city), C(areacode), C(preserve_callerid), C(notify).
          - All are write-only - C(pbxware.did.list) does not return them - so they are sent when the DID is
            created, afterwards only with O(config[].force_write_only=true). O(state=replaced) never clears them.
        type: dict
      force_write_only:
        description:
          - Also send O(config[].group) and O(config[].options) to the existing DID. The API cannot say whether they
            differ, so the item then reports a change on every run.
        type: bool
        default: false
  state:
    description:
      - V(merged) creates the DIDs that do not exist and updates the options the items set on those that do,
        as M(bicom.pbxware.pbxware_did) with O(bicom.pbxware.pbxware_did#module:state=present) would.
      - V(replaced) takes each item as the whole DID - it must set every option required to create one
        (O(config[].trunk), O(config[].destination_type), and O(config[].destination) where that type takes one) -
        and clears O(config[].name) when the item leaves it out. Other options the item leaves out keep their
        values (O(config[].number_end) too, so a range is never narrowed by omission); write-only ones are never
        cleared.
      - V(overridden) is V(replaced), and also deletes every DID of the tenant that O(config) does not list,
        unless that is more than O(max_deletes) (then the task fails before any write).
      - V(deleted) deletes the DIDs O(config) lists. With O(config=[]), it deletes every DID of the tenant,
        unless that is more than O(max_deletes).
      - V(gathered) writes nothing and returns RV(config), every DID in the shape O(config) takes.
    type: str
    choices: [merged, replaced, overridden, deleted, gathered]
    default: merged
  max_deletes:
    description:
      - The most DIDs O(state=overridden), or O(state=deleted) with O(config=[]), may delete; more fails the task
        before any write, naming them. Deleting the DIDs O(config) lists is not bounded.
    type: int
    default: 10
notes:
  - C(pbxware.did.list) carries every option the API returns, so there are no reads of single DIDs to run at once
    (M(bicom.pbxware.pbxware_extensions) has O(bicom.pbxware.pbxware_extensions#module:max_workers) for those).
  - A no-change run makes 2 API calls whatever the number of DIDs (tenant lookup, the list), 1 with O(tenant_id),
    plus one list read per kind of object items name by name (trunks, DID groups, ring groups, IVRs).
  - "In check mode nothing is sent; C(results), C(counts) and the diff predict the run. The diff holds each DID
    that changes, keyed by its number: the whole DID as read before, and after."
seealso:
  - module: bicom.pbxware.pbxware_did
  - module: bicom.pbxware.pbxware_did_info
"""

EXAMPLES = r"""
- name: Route a tenant's numbers (others are left alone)
  bicom.pbxware.pbxware_dids:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    config:
      - number: "12125550100"
        trunk: Carrier A
        destination_type: ivr
        destination: "7000"
        name: Main number
      - number: "12125550199"
        trunk: Carrier A
        destination_type: external_number
        destination: "+38761000000"

- name: Make the tenant hold exactly these DIDs (delete at most 3 others)
  bicom.pbxware.pbxware_dids:
    tenant: "344"
    state: overridden
    max_deletes: 3
    config: "{{ dids }}"

- name: Save what the tenant has
  bicom.pbxware.pbxware_dids:
    tenant: "344"
    state: gathered
  register: current

- name: Release two numbers
  bicom.pbxware.pbxware_dids:
    tenant: "344"
    state: deleted
    config:
      - number: "12125550150"
      - number: "12125550151"
"""

RETURN = r"""
results:
  description:
    - One entry per DID the run acted on or compared, in the order of the writes (deletions first), each with
      the DID's number, what the run did (or would do in check mode), and the DID before and after, by option name.
    - C(after) is the prediction, not a fresh read.
  returned: success, and failure after a write
  type: list
  elements: dict
  sample:
    - number: "12125550100"
      changed: true
      operation: update
      id: "7"
      before: {number: "12125550100", destination_type: ivr, destination: "7000"}
      after: {number: "12125550100", destination_type: ivr, destination: "7001"}
      proposed: {destination: "7001"}
  contains:
    number:
      description: The DID number.
      type: str
    changed:
      description: Whether the DID changed (or would).
      type: bool
    operation:
      description: What the run did (or would do) to it.
      type: str
      choices: [create, update, delete, null]
    id:
      description: The DID's internal ID; V(null) after a delete and for a creation in check mode.
      type: str
    before:
      description: The DID before the run (empty if it did not exist).
      type: dict
    after:
      description: The DID after the run (empty after a delete).
      type: dict
    proposed:
      description: The options the run changes (or would change), with their new values.
      type: dict
counts:
  description: How many DIDs were (or would be) created, updated, deleted and left unchanged.
  returned: success, and failure after a write
  type: dict
  sample: {created: 1, updated: 0, deleted: 2, unchanged: 12}
  contains:
    created:
      description: DIDs created.
      type: int
    updated:
      description: DIDs updated.
      type: int
    deleted:
      description: DIDs deleted.
      type: int
    unchanged:
      description: DIDs compared and found as the items say.
      type: int
config:
  description:
    - With O(state=gathered), every DID of the tenant in the shape O(config) takes, in the order of the numbers,
      from the one C(pbxware.did.list) read; options with an empty value are left out. The trunk is its ID.
    - Fed back with O(state=merged) it changes nothing.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - number: "12125550100"
      trunk: "2316"
      destination_type: ivr
      destination: "7000"
      name: Main number
      enabled: true
      sms_enabled: false
      prioritize_clirouting: false
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.aggregate import (
    STATES, Aggregate, Item, about, check_bounds, check_items, gathered_item)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.dids import (
    DID, DID_ARGUMENTS, option_fields, reference_resolver, validate)

ARGUMENT_SPEC = dict(
    config=dict(type="list", elements="dict", options=DID_ARGUMENTS),
    state=dict(type="str", choices=list(STATES), default="merged"),
    max_deletes=dict(type="int", default=10),
)
# What replaced/overridden empty when an item leaves it out: the DID's label only. Not the end of a range
# (that would narrow it), not the E.164 numbers, never a write-only option (nobody can tell it is set).
CLEARED = {"name": ""}


def item_of(index, entry, state):
    """The ``config[index]`` item, checked as pbxware_did checks its parameters (no call yet)."""
    item = Item("config[%d]" % index, DID, {"number": entry["number"]})
    with about(item):
        if state == "deleted":
            validate(item.params)
            return item
        validate(entry)
        resource = DID.extended(option_fields(entry["options"]))
        return Item(item.path, resource, desired_params(resource, entry), entry["force_write_only"])


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params
    state = params["state"]
    # A missing tenant fails these even in check mode: there is nothing to delete or gather in it.
    module.reads_only = state in ("deleted", "gathered")

    def work():
        check_bounds(params["config"], state, params["max_deletes"])
        items = check_items([item_of(index, entry, state) for index, entry in enumerate(params["config"] or [])],
                            state, CLEARED)
        server = module.server()
        aggregate = Aggregate(module.client, DID, server)  # did.list is the only read: no read workers
        if state == "gathered":
            return {"changed": False, "config": [
                gathered_item(DID, view, nest_options) for key, object_id, view in aggregate.gather()]}
        return aggregate.converge(items, state, module.check_mode, params["max_deletes"],
                                  reference_resolver(aggregate.lookups, server), nest_options)

    module.run(work)


if __name__ == "__main__":
    main()
