#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_enhanced_service
short_description: Manage one enhanced service of a PBXware extension
version_added: 0.1.0
description:
  - Sets the state, the OSC state and the configuration of one enhanced service (call forwarding, follow-me,
    do not disturb, speed dial, ...) of one extension, through C(pbxware.ext.es.<service>.*).
  - Reads the service's state (C(get)), its OSC state (C(get_osc), only when the task sets O(osc)) and, where it
    has one, its configuration (C(configuration)); writes only the parts that differ, each with its own action (C(edit), C(set_osc), C(set)).
  - An C(edit) always carries the whole configuration - the current values merged with the task's - since the
    API reference is silent on arguments an edit leaves out and a server may reset them.
  - Where the vendor's API reference and its Postman collection disagree (a value's spelling, a read shape),
    the module reads either shape and writes in the form the server's own read shows; see the collection's
    C(docs/dialects.md).
  - O(config) takes the shape of the service's C(configuration) answer, so the output of
    M(bicom.pbxware.pbxware_enhanced_service_info) can be pasted back unchanged.
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
  service:
    description:
      - The enhanced service, by its API name.
      - The 14 services with a configuration that can be changed are V(callerid), V(callfilters),
        V(callscreening), V(dnd), V(callfwd), V(followme), V(instrecord), V(remoteaccess), V(phonecallback),
        V(grouphunt), V(mobilenumbers), V(sppage), V(blflist) and V(speeddial). V(extoperationtimes) has a
        configuration the API cannot change. The others have a state and an OSC state only.
    type: str
    required: true
    choices: [callerid, callfilters, callscreening, dnd, callpickup, lastcaller, callfwd, followme, instrecord,
              remoteaccess, phonecallback, grouphunt, mobilenumbers, sppage, blflist, speeddial, delrecordings,
              listenrecordings, operationtimes, extoperationtimes, callmonitoring, wakeupcall, opwakeupcall,
              sppagegroups, smsnotifications]
  state:
    description:
      - V(enabled), V(disabled), or V(pin) (enabled behind the extension's PIN); the API's V(yes), V(no), V(pin).
      - Left as it is when omitted.
      - A server that follows the vendor's Postman collection refuses V(pin) for callerid, callfilters,
        callscreening, dnd, followme, instrecord, remoteaccess, grouphunt, mobilenumbers, blflist, speeddial and
        smsnotifications; the task then fails saying so.
    type: str
    choices: [enabled, disabled, pin]
  osc:
    description: The service's OSC state (on the extension's service code list). Left as it is when omitted.
    type: bool
  config:
    description:
      - The service's settings, keyed as its C(configuration) answer reads. Keys not given keep their values.
        Lists are YAML lists; numbers may be numbers or strings; flags may be booleans or V(1)/V(0).
      - Parallel lists must have the same number of items (checked before any call when all of them are given,
        before any write otherwise). Lists the service's C(edit) requires cannot be emptied; disable the service
        instead.
      - "V(callerid): C(callerid). Outside tenant mode also C(emergency_callerid), C(allowed_callerids)
        (a list of C({callerid, label}) or the API's numbered dict) and per trunk C(callerid:<trunk>) and
        C(callerid:<trunk>:privacy) (V(anonymous), V(anonymous_id), V(anonymous_number),
        V(anonymous_number_id), V(none)); an empty C(callerid:<trunk>) removes the trunk's caller ID."
      - "V(callfilters): C(telemarketer), C(callers), C(dtypes), C(destinations) (parallel; the first caller is
        V(anonymous))."
      - "V(callscreening): C(timeout), C(dopts), C(dtype) (V(0) simultaneous, V(1) sequential), C(replacecid),
        C(preamble), C(greeting), C(pausebeforerec), C(recordlen), C(greetingwithname) (a flag, sent as V(1)/V(0)
        or V(yes)/V(no), as the server reads it), C(lastd), C(voicemail),
        C(destinations) and C(delays) (parallel), C(suspends) (the positions, from 0, of suspended destinations
        as C({'0': 'on'}), or a list of 0/1 flags, one per destination)."
      - "V(dnd): C(dnd) (V(0) not active, V(1) temporary, V(2) permanent), C(dst), C(dsttype) (V(voicemail) or
        V(call forward)), C(duration) (hours)."
      - "V(callfwd): C(play), C(cid), C(enabled) (conditions: V(unconditional), V(busy), V(no answer),
        V(line unavailable)), C(destinations) and C(timeouts), each a dict by condition of parallel lists (a
        timeout may be empty; every condition's timeouts are sent with its destinations)."
      - "V(followme): C(destinations) and C(timeouts) (parallel), C(dopts), C(lastd), C(voicemail),
        C(confirm_calls)."
      - "V(instrecord): C(silent), C(emailrec)."
      - "V(remoteaccess): C(callerids) and C(pins) (parallel, each pin a flag: ask for the PIN or not),
        C(require_pin), C(timeout), C(dial_opts); C(pid) is assigned by PBXware and can only be given unchanged."
      - "V(phonecallback): C(callerids) and C(numbers) (parallel)."
      - "V(grouphunt): C(destinations), C(delays) and C(suspends) (parallel, suspends as 0/1 flags), C(dopts),
        C(lastd), C(timeout), C(voicemail), C(confirmcalls)."
      - "V(mobilenumbers): C(mobiles) and C(labels) (parallel)."
      - "V(sppage): C(extensions), and C(quiet). Where the server returns C(quiet) it is compared like any key;
        where it does not, it is sent with every other change of the configuration, or on every run with
        O(force_write_only=true), and a warning says when it was neither compared nor sent."
      - "V(blflist): C(exts), C(labels) and C(blfs) (parallel, BLFs as 0/1 flags), C(blf_start), C(blf_cleanup),
        C(cart_only), and C(functions) where the server returns it. A server that follows the vendor's Postman
        collection takes two or more BLFs in C(blfs); there a list of one entry is written without C(blfs),
        which leaves its BLF on, and one entry with BLF V(0) is refused before any write."
      - "V(speeddial): C(codes), C(names) and C(destinations) (parallel; codes unique)."
      - "V(extoperationtimes): its configuration is read-only; given, it must match what the server has."
      - Giving O(config) for any other service is an error.
    type: dict
  force_write_only:
    description: Also send settings the server never returns (V(sppage)'s C(quiet) where it is not read back),
      reporting a change.
    type: bool
    default: false
notes:
  - Writes go in this order - C(edit), C(set_osc), C(set); a service being disabled is disabled first.
  - A write is sent once, never re-sent. One exception - an C(edit) the server refuses for the form of a value
    (C(greetingwithname) as V(1) where it takes V(yes), a single BLF) is sent once more in the form the refusal
    asks for, when a fresh read shows none of it landed, with a warning.
  - When a write does not answer cleanly (no answer, an HTTP error, an answer that is not JSON, an API error),
    a fresh read decides - its part is there, the run goes on with a warning; it is not there, or only in part,
    the task fails, naming each write and what landed, and later writes are not sent. A failed task is also
    C(changed) when the fresh read shows part of the change on the server.
  - At least one of O(state), O(osc) and O(config) is required.
  - A no-change run makes 3 API calls (tenant lookup, extension lookup, C(get)), plus C(get_osc) when the task
    sets O(osc) and one C(configuration) read for a service that has one. With O(tenant_id) the tenant lookup is
    skipped.
seealso:
  - module: bicom.pbxware.pbxware_enhanced_services
  - module: bicom.pbxware.pbxware_enhanced_service_info
"""

EXAMPLES = r"""
- name: Follow-me for extension 101, behind the PIN
  bicom.pbxware.pbxware_enhanced_service:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    service: followme
    state: pin
    config:
      destinations: ["106", "107"]
      timeouts: [10, 10]
      dopts: tr
      voicemail: true

- name: Forward busy and unanswered calls; other conditions keep their destinations
  bicom.pbxware.pbxware_enhanced_service:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    service: callfwd
    state: enabled
    config:
      enabled: [busy, no answer]
      destinations:
        busy: ["106"]
        no answer: ["106", "107"]
      timeouts:
        busy: [""]            # one destination without a timeout: the API wants as many timeouts as destinations
        no answer: [10, 10]

- name: Do not disturb, permanently, without the service code
  bicom.pbxware.pbxware_enhanced_service:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    extension: "101"
    service: dnd
    osc: false
    config:
      dnd: 2
      dsttype: voicemail
"""

RETURN = r"""
id:
  description: The extension's internal ID.
  returned: success
  type: str
  sample: "10"
state:
  description: The service's state after the run (predicted in check mode).
  returned: success
  type: str
  sample: pin
osc:
  description: The service's OSC state after the run (predicted in check mode).
  returned: when the task sets O(osc) (the OSC state is read only then)
  type: bool
  sample: false
config:
  description:
    - The service's configuration after the run (predicted in check mode), in the shape O(config) takes.
    - Values are normalised - numbers and flags as strings (V("1")/V("0")).
  returned: when the service has a configuration
  type: dict
  sample: {destinations: ["106", "107"], timeouts: ["10", "10"], dopts: tr, lastd: "", voicemail: "1",
           confirm_calls: "0"}
before:
  description: The service before the run, as C({state, osc, config}) (C(osc) only when the task sets O(osc)).
  returned: success
  type: dict
  sample: {state: disabled, osc: false, config: {destinations: [], timeouts: [], dopts: "", lastd: "",
           voicemail: "0", confirm_calls: "0"}}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {state: pin, config: {destinations: ["106", "107"], timeouts: ["10", "10"]}}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_services import (
    EnhancedServiceConverger, WriteFailed, check_input, find_extension_id)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_service_settings import SERVICES
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    service=dict(type="str", required=True, choices=list(SERVICES)),
    state=dict(type="str", choices=["enabled", "disabled", "pin"]),
    osc=dict(type="bool"),
    config=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, required_one_of=[("state", "osc", "config")])
    params = module.params

    def work():
        desired = dict((key, params[key]) for key in ("state", "osc", "config"))
        check_input(params["service"], desired)
        server = module.server()
        extension_id = find_extension_id(module.client, server, params["extension"])
        converger = EnhancedServiceConverger(module.client, server, extension_id, params["service"])
        try:
            result = converger.converge(desired, module.check_mode, params["force_write_only"])
        except WriteFailed as err:
            # Failed, and changed when the fresh read shows part of the change on the server.
            module.fail(err.message, changed=err.changed, id=extension_id)
        return dict(result["after"], changed=result["changed"], id=extension_id, before=result["before"],
                    proposed=result["proposed"], diff=result["diff"], warnings=converger.warnings)

    module.run(work)


if __name__ == "__main__":
    main()
