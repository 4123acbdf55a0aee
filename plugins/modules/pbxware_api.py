#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_api
short_description: Call any PBXware API action by name
version_added: 0.2.0
description:
  - Sends one PBXware API action with the arguments given and returns the answer, for actions no other module of
    this collection covers (or not yet). Prefer the dedicated modules - they compare before writing, so a second run
    reports no change; this module cannot know what a write changes.
  - An action reads when its method (the last part of its name) is one the API reference uses only for reads -
    V(list), V(configuration), V(get), V(get_osc), V(info), V(download), V(providers), V(groups), V(slaves),
    V(rates), V(billing), V(billing_info), V(billing_history), V(call_rating), V(call_rating_info),
    V(call_rating_history), V(sms_rating_info), V(billamount), V(mos), V(calls), V(cpu), V(memory), V(services),
    V(disk_usage), V(ext_online), V(sip_registrations), V(licensing), V(glocom_editions), V(glocom_users),
    V(last_refreshed), V(live_calls), V(trunks), V(bulk_list). Every other method writes (V(add), V(edit),
    V(delete), V(set), V(set_osc), V(members), V(balance), V(refresh), V(start), V(send_message), ... and any method
    the reference does not list). O(read_only) overrides this.
  - A read is retried on transient faults (a timeout, HTTP 5xx, a busy server's non-JSON answer), runs in check mode
    and reports no change.
  - A write is not sent in check mode and reports a change; use the task keyword C(changed_when) to decide from
    RV(answer) instead. It is sent once and never retried; when its answer is lost, the error says that it may have
    been applied.
  - Not in the action group C(bicom.pbxware.tenant), although it takes O(tenant) - many actions take no C(server)
    argument or need C(server=1), so a play-wide tenant must not reach this module.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - A read is sent and reports no change; a write is not sent and reports a change (RV(sent=false)).
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
options:
  action:
    description:
      - The API action, as C(pbxware.<object>.<method>), for example V(pbxware.ext.list) or
        V(pbxware.ext.es.callfwd.get). The C(pbxware.) prefix may be left out (V(ext.list)).
      - Refused before any request unless it is such a name in lower case.
    type: str
    required: true
  arguments:
    description:
      - The action's arguments by API name, for example C(id) and C(ext) of V(pbxware.ext.configuration).
      - Sent as the client sends every module's arguments - in the body of a POST request; a boolean as V(1)/V(0);
        a list as repeated C(name[]=) arguments; a dictionary as bracket arrays (C(keymap[1][type]=ex)); an
        argument whose value is null is left out. A list the API takes as one comma- or colon-separated argument
        is given as that one string (V(ulaw:alaw)).
      - Values under a name that looks secret (C(secret), C(pin), C(password), C(auth), names containing
        C(password), C(secret), C(token)...) are masked as C(********) in RV(arguments), in messages and in the
        module arguments Ansible prints, as they are under O(api_key).
      - C(apikey), C(action) and C(apiformat) are refused - the module sends them itself. C(server) is refused
        together with O(server) or O(tenant).
    type: dict
    default: {}
  server:
    description:
      - The tenant (server) ID sent as the C(server) argument, the same as C(arguments.server). In tenant mode the
        master server is V(1) and tenants have higher IDs; never the 3-digit tenant code.
      - With neither O(server), O(tenant) nor C(arguments.server), no C(server) argument is sent.
      - Mutually exclusive with O(tenant).
    type: int
  tenant:
    description:
      - The tenant, by name or 3-digit tenant code, whose ID is sent as the C(server) argument; resolved through
        C(pbxware.tenant.list) (also in check mode). An unknown tenant is an error listing the closest names.
      - Mutually exclusive with O(server).
    type: str
  read_only:
    description:
      - Whether the action only reads, overriding what its method says (see the description); for an action the
        rule misjudges, such as a read method newer than the reference.
      - V(true) - sent in check mode, retried, reports no change. V(false) - a write, sent once, not in check mode,
        reports a change.
    type: bool
  reveal_secrets:
    description:
      - Show passwords, secrets and PINs in RV(answer) instead of masking them.
      - Only the answer; values of O(arguments) under secret-looking names are always masked.
    type: bool
    default: false
notes:
  - An API error (an answer with an C(error) key, sent with HTTP 200) fails the task with a message naming the
    action, such as C(PBXware API action pbxware.ext.configuration failed) followed by the server's message.
  - Answers are returned as parsed from JSON - strings, numbers and C([]) for an empty list, as the server sends
    them; no normalisation.
seealso:
  - plugin: bicom.pbxware.pbxware
    plugin_type: lookup
"""

EXAMPLES = r"""
- name: Read a tenant's extensions
  bicom.pbxware.pbxware_api:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    action: pbxware.ext.list
    tenant: "344"
  register: extensions

- name: Read one extension's settings (the pbxware. prefix may be left out)
  bicom.pbxware.pbxware_api:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    action: ext.configuration
    server: 2
    arguments:
      id: 57

- name: Start recording a call (a write - not sent in check mode)
  bicom.pbxware.pbxware_api:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    action: pbxware.recording.start
    server: 2
    arguments:
      ext: "101"

- name: Set an extension's SIP secret; a change only when the server says so
  bicom.pbxware.pbxware_api:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    action: pbxware.ext.edit
    server: 2
    arguments:
      id: 57
      secret: "{{ vault_sip_secret }}"
  register: edited
  changed_when: edited.answer.success is defined
"""

RETURN = r"""
action:
  description: The action sent (or, for a write in check mode, that would be), with its C(pbxware.) prefix.
  returned: success
  type: str
  sample: pbxware.ext.list
read_only:
  description: Whether the action was taken as a read (from its method, or O(read_only)).
  returned: success
  type: bool
  sample: true
arguments:
  description: The arguments sent (or that would be), C(server) included, values under secret-looking names masked.
  returned: success
  type: dict
  sample: {server: 2, id: 57, secret: "********"}
sent:
  description: Whether the request was sent; V(false) only for a write in check mode.
  returned: success
  type: bool
  sample: true
answer:
  description:
    - The server's answer, parsed from JSON - a dictionary (often keyed by object ID), a list (C([]) when empty), or a
      scalar. Passwords, secrets and PINs are masked unless O(reveal_secrets=true).
  returned: when sent
  type: raw
  sample: {"57": {"ext": "101", "name": "Reception", "protocol": "sip", "status": "enabled"}}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import raw
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import mask_settings
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import MIN_MASKED_LENGTH, PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

ARGUMENT_SPEC = dict(
    action=dict(type="str", required=True),
    arguments=dict(type="dict", default={}),
    server=dict(type="int"),
    tenant=dict(type="str"),
    read_only=dict(type="bool"),
    reveal_secrets=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, mutually_exclusive=[("server", "tenant")])
    params = module.params
    # Hidden before any client exists: it scrubs every message of them, as Ansible does its output.
    hidden = [value for value in raw.secret_values(params["arguments"] or {}) if len(value) >= MIN_MASKED_LENGTH]
    module.secrets.extend(hidden)
    module.ansible.no_log_values.update(hidden)

    def work():
        action = raw.full_action_name(params["action"])
        raw.check_arguments(params["arguments"] or {})
        read = raw.reads(action, params["read_only"])
        module.reads_only = read  # a read fails on an unknown tenant even in check mode; a write previews
        arguments = dict(params["arguments"] or {})
        if params["server"] is not None or params["tenant"] is not None:
            if "server" in arguments:
                raise ReconcileError("give the server once: in server or tenant, or as arguments.server", "server")
            server = params["server"] if params["server"] is not None else module.server()
            arguments = dict([("server", server)] + list(arguments.items()))
        result = {"changed": not read, "action": action, "read_only": read, "arguments": mask_settings(arguments),
                  "sent": False}
        if module.check_mode and not read:
            return result
        answer = raw.call(module.client, action, arguments, read)
        result.update(sent=True, answer=mask_settings(answer, params["reveal_secrets"]))
        return result

    module.run(work)


if __name__ == "__main__":
    main()
