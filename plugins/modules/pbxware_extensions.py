#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extensions
short_description: Manage all extensions of a PBXware tenant in one task
version_added: 0.2.0
description:
  - Converges a set of extensions of one tenant in one task, as O(state) says, or gathers them (O(state=gathered)).
  - Each item of O(config) takes the options of M(bicom.pbxware.pbxware_extension) (but O(ignore:state) and the
    connection and tenant options, which the task sets once) and is compared as that module compares it (only
    the options the item sets, on normalised values); a second run reports no change.
  - "Reads: the tenant lookup (when O(tenant) is a name or code), one C(pbxware.ext.list), and one
    C(pbxware.ext.configuration) for each existing extension whose item sets an option the list does not
    return (for example O(config[].pin), O(config[].incoming_limit), O(config[].codecs) or most keys of
    O(config[].options)). Up to O(max_workers) of those reads run at once."
  - Every item is checked, and every extension planned, before the first write; bad input in any item fails the
    task with nothing written, naming the item (C(config[3] (extension 105)...)).
  - "Writes: one C(pbxware.ext.add), C(pbxware.ext.edit) or C(pbxware.ext.delete) per extension that changes, one
    at a time: deletions first (they free what the tenant's package counts), then the others, each in the order
    of their numbers. Nothing is read back: the results' C(after) is what the server was asked to hold."
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
      - The extensions, one item each. Required with every O(state) but V(gathered), which takes none.
      - With O(state=deleted) only O(config[].extension) is used; the other options of an item are ignored, so
        the output of O(state=gathered) can be fed in as it is.
    type: list
    elements: dict
    suboptions:
      extension:
        description:
          - The extension number, for example V("101"). Its length must match the tenant's extension length.
          - Identifies the extension; one item per extension.
        type: str
        required: true
      name:
        description: Full name. Required to create, and with O(state=replaced) or O(state=overridden).
        type: str
      email:
        description: E-mail address. Required to create, and with O(state=replaced) or O(state=overridden).
        type: str
      protocol:
        description:
          - Protocol (API C(prot); read back as C(protocol)). Required to create, and with O(state=replaced) or
            O(state=overridden).
        type: str
        choices: [sip, iax]
      location:
        description:
          - Location (API C(location) 1 or 2; read back as V(local) or V(remote)). Required to create, and with
            O(state=replaced) or O(state=overridden).
        type: str
        choices: [local, remote]
      user_agent:
        description:
          - The phone (UAD), as its ID (V(50)), codename (V(generic_sip)) or full name (V(Yealink T41)), resolved
            through C(pbxware.uads.list), read once per task however many items name phones (API C(ua); read
            back as C(ua_id)). Required to create, and with O(state=replaced) or O(state=overridden).
        type: str
      status:
        description:
          - Whether the extension is enabled (API C(status) 1 or 0). Required to create, and with O(state=replaced)
            or O(state=overridden).
        type: str
        choices: [enabled, disabled]
      pin:
        description:
          - Four-digit voicemail and services PIN. Masked in diff and results. Required to create, and with
            O(state=replaced) or O(state=overridden).
        type: str
      secret:
        description:
          - SIP/IAX registration secret. Masked in diff and results. Required to create, and with
            O(state=replaced) or O(state=overridden).
          - For SIP, 8 or more characters with upper case, lower case, a digit and one of C(%*!_-);
            only letters, digits and C(%$*!@_-) are allowed.
        type: str
      password:
        description:
          - The user's password (for apps and the user portal).
          - Write-only, the API never returns it. Sent when the extension is created, or on every run with
            O(config[].update_password=always) (the item then always reports a change). O(state=replaced) never
            clears it.
        type: str
      update_password:
        description:
          - V(on_create) sends O(config[].password) only when creating the extension; V(always) sends it on every run.
        type: str
        choices: [always, on_create]
        default: on_create
      incoming_limit:
        description:
          - Simultaneous incoming calls, 0 to 999 (API C(incominglimit)). Required to create, and with
            O(state=replaced) or O(state=overridden).
        type: int
      outgoing_limit:
        description:
          - Simultaneous outgoing calls, 0 to 999 (API C(outgoinglimit)). Required to create, and with
            O(state=replaced) or O(state=overridden).
        type: int
      voicemail:
        description:
          - Whether the extension has a voicemail box. Required to create, and with O(state=replaced) or
            O(state=overridden).
        type: bool
      department:
        description:
          - IDs of the departments the extension belongs to.
          - The one option O(state=replaced) and O(state=overridden) clear when an item leaves it out (the
            extension then belongs to no department).
        type: list
        elements: str
      service_plan:
        description: Service plan ID.
        type: str
      user_language:
        description: Language code for prompts, for example V(en).
        type: str
      codecs:
        description:
          - Allowed audio codecs, in order of preference (API C(acodecs), a colon-separated list; read back as
            C(options.allow)).
          - PBXware silently drops codecs the tenant does not allow; as nothing is read back, the next run then
            reports the difference (M(bicom.pbxware.pbxware_extension) warns at once).
        type: list
        elements: str
      options:
        description:
          - Any other argument of C(pbxware.ext.add) and C(pbxware.ext.edit), by its API name, as for
            M(bicom.pbxware.pbxware_extension). Unknown keys are an error naming the closest ones.
          - Compared when the API returns them (C(dtmfmode), C(canreinvite), C(qualify), C(recordcalls),
            C(autoprovisiong), C(ringtime), C(incoming_dialoptions), C(vmailsend), C(vmailattach), C(vmaildelete),
            C(uad_sipheaders), C(macaddress), C(page_custom), C(sn), C(user_location), C(additional_config),
            C(ua_autoprov)).
          - Every other key is write-only, for example C(nat), C(send_email), C(title) or C(callgroup). Such keys are
            sent when the extension is created, afterwards only with O(config[].force_write_only=true).
            O(state=replaced) never clears them.
          - Arguments that have their own option (C(prot), C(ua), C(secret), ...) and C(server), C(id), C(ext) are
            refused here.
        type: dict
      force_write_only:
        description:
          - Also send the write-only keys of O(config[].options) and O(config[].password) to the existing extension.
          - The API cannot say whether they differ, so the item then reports a change on every run.
        type: bool
        default: false
  state:
    description:
      - V(merged) creates the extensions that do not exist and updates the options the items set on those that do,
        as M(bicom.pbxware.pbxware_extension) with O(bicom.pbxware.pbxware_extension#module:state=present) would.
      - V(replaced) takes each item as the whole extension - it must set every option required to create one
        (O(config[].name), O(config[].email), O(config[].protocol), O(config[].location), O(config[].user_agent),
        O(config[].status), O(config[].pin), O(config[].secret), O(config[].incoming_limit),
        O(config[].outgoing_limit), O(config[].voicemail)) - and clears O(config[].department) when the item
        leaves it out. Other options the item leaves out keep their values; write-only ones are never cleared.
      - V(overridden) is V(replaced), and also deletes every extension of the tenant that O(config) does not list,
        unless that is more than O(max_deletes) (then the task fails before any write).
      - V(deleted) deletes the extensions O(config) lists. With O(config=[]), it deletes every extension of the
        tenant, unless that is more than O(max_deletes).
      - V(gathered) writes nothing and returns RV(config), every extension in the shape O(config) takes.
    type: str
    choices: [merged, replaced, overridden, deleted, gathered]
    default: merged
  max_deletes:
    description:
      - The most extensions O(state=overridden), or O(state=deleted) with O(config=[]), may delete; more fails
        the task before any write, naming them. Deleting the extensions O(config) lists is not bounded.
    type: int
    default: 10
  max_workers:
    description:
      - How many C(pbxware.ext.configuration) reads run at once (1 to 16). Writes are always one at a time.
    type: int
    default: 4
notes:
  - A no-change run of O(state=merged) whose items set only options C(pbxware.ext.list) returns (O(config[].name),
    O(config[].email), O(config[].protocol), O(config[].location), O(config[].user_agent), O(config[].status),
    O(config[].department) and the O(config[].options) keys C(sn) and C(user_location)) makes 2 API calls
    whatever the number of extensions (tenant lookup, the list), 1 with O(tenant_id).
  - "In check mode nothing is sent; C(results), C(counts) and the diff predict the run. The diff holds each extension
    that changes, keyed by its number: the whole extension as read before, and after, secrets masked."
seealso:
  - module: bicom.pbxware.pbxware_extension
  - module: bicom.pbxware.pbxware_extension_info
"""

EXAMPLES = r"""
- name: Provision a tenant's phones (others are left alone)
  bicom.pbxware.pbxware_extensions:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    config:
      - extension: "101"
        name: Reception
        email: reception@example.com
        protocol: sip
        location: local
        user_agent: Yealink T41
        status: enabled
        pin: "{{ vault_pins['101'] }}"
        secret: "{{ vault_secrets['101'] }}"
        incoming_limit: 2
        outgoing_limit: 2
        voicemail: true
      - extension: "102"
        name: Sales
        status: disabled

- name: Make the tenant hold exactly these extensions (delete at most 5 others)
  bicom.pbxware.pbxware_extensions:
    tenant: "344"
    state: overridden
    max_deletes: 5
    config: "{{ extensions }}"

- name: Save what the tenant has
  bicom.pbxware.pbxware_extensions:
    tenant: "344"
    state: gathered
  register: current

- name: Feeding it back changes nothing
  bicom.pbxware.pbxware_extensions:
    tenant: "344"
    config: "{{ current.config }}"

- name: Remove two extensions
  bicom.pbxware.pbxware_extensions:
    tenant: "344"
    state: deleted
    config:
      - extension: "103"
      - extension: "104"
"""

RETURN = r"""
results:
  description:
    - One entry per extension the run acted on or compared, in the order of the writes (deletions first), each
      with the extension's number, what the run did (or would do in check mode), and the extension before and
      after, by option name, secrets masked.
    - C(before) holds what the run read (the list's fields only when no item needed the full read); C(after) is
      the prediction, not a fresh read.
  returned: success, and failure after a write
  type: list
  elements: dict
  sample:
    - extension: "101"
      changed: true
      operation: update
      id: "10"
      before: {extension: "101", name: Reception, status: enabled}
      after: {extension: "101", name: Front desk, status: enabled}
      proposed: {name: Front desk}
  contains:
    extension:
      description: The extension number.
      type: str
    changed:
      description: Whether the extension changed (or would).
      type: bool
    operation:
      description: What the run did (or would do) to it.
      type: str
      choices: [create, update, delete, null]
    id:
      description: The extension's internal ID; V(null) after a delete and for a creation in check mode.
      type: str
    before:
      description: The extension before the run (empty if it did not exist).
      type: dict
    after:
      description: The extension after the run (empty after a delete).
      type: dict
    proposed:
      description: The options the run changes (or would change), with their new values.
      type: dict
counts:
  description: How many extensions were (or would be) created, updated, deleted and left unchanged.
  returned: success, and failure after a write
  type: dict
  sample: {created: 1, updated: 2, deleted: 0, unchanged: 40}
  contains:
    created:
      description: Extensions created.
      type: int
    updated:
      description: Extensions updated.
      type: int
    deleted:
      description: Extensions deleted.
      type: int
    unchanged:
      description: Extensions compared and found as the items say.
      type: int
config:
  description:
    - With O(state=gathered), every extension of the tenant in the shape O(config) takes, in the order of the
      numbers, read with C(pbxware.ext.list) and one C(pbxware.ext.configuration) each.
    - The secrets O(config[].pin) and O(config[].secret) are left out (a masked value cannot be sent back), and so
      are options with an empty value. Fed back with O(state=merged) it changes nothing.
  returned: when O(state=gathered)
  type: list
  elements: dict
  sample:
    - extension: "101"
      name: Reception
      email: reception@example.com
      protocol: sip
      location: local
      user_agent: "135"
      status: enabled
      incoming_limit: 2
      outgoing_limit: 2
      voicemail: true
      codecs: [ulaw, alaw]
      options: {dtmfmode: rfc2833, ringtime: "32"}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.aggregate import (
    STATES, Aggregate, Item, about, check_bounds, check_items, gathered_item)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params, nest_options
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EXTENSION, EXTENSION_ARGUMENTS, OPTION_READ_PATHS, check_length, forced_fields, option_fields, user_agent_resolver,
    validate)

ARGUMENT_SPEC = dict(
    config=dict(type="list", elements="dict", options=EXTENSION_ARGUMENTS),
    state=dict(type="str", choices=list(STATES), default="merged"),
    max_deletes=dict(type="int", default=10),
    max_workers=dict(type="int", default=4),
)
# What replaced/overridden empty when an item leaves it out: the one list an extension may hold empty.
# Never a write-only option (nobody can tell it is set), nor one whose empty value PBXware would refuse.
CLEARED = {"department": []}
# Every readable option, so that gathered shows an extension as completely as the API allows.
EXTENSION_READ = EXTENSION.extended(option_fields(dict(
    (key, None) for key, path in OPTION_READ_PATHS.items() if path is not None)))


def item_of(index, entry, state):
    """The ``config[index]`` item, checked as pbxware_extension checks its parameters (no call yet)."""
    item = Item("config[%d]" % index, EXTENSION, {"extension": entry["extension"]})
    with about(item):
        if state == "deleted":
            validate(item.params)
            return item
        validate(entry)
        resource = EXTENSION.extended(option_fields(entry["options"]))
        return Item(item.path, resource, desired_params(resource, entry), forced_fields(entry))


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)
    params = module.params
    state = params["state"]
    # A missing tenant fails these even in check mode: there is nothing to delete or gather in it.
    module.reads_only = state in ("deleted", "gathered")

    def work():
        check_bounds(params["config"], state, params["max_deletes"], params["max_workers"])
        items = check_items([item_of(index, entry, state) for index, entry in enumerate(params["config"] or [])],
                            state, CLEARED)
        aggregate = Aggregate(module.client, EXTENSION, module.server(), module.new_client, params["max_workers"])
        for item in items:
            with about(item):
                check_length(item.params["extension"], module.tenant_row)
        if state == "gathered":
            return {"changed": False, "config": [
                gathered_item(EXTENSION_READ, view, nest_options) for key, object_id, view in aggregate.gather(EXTENSION_READ)]}
        return aggregate.converge(items, state, module.check_mode, params["max_deletes"],
                                  user_agent_resolver(aggregate.lookups), nest_options)

    module.run(work)


if __name__ == "__main__":
    main()
