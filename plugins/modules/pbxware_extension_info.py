#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension_info
short_description: Read the extensions of a PBXware tenant and their details
version_added: 0.1.0
description:
  - Lists the extensions of a tenant (C(pbxware.ext.list)), filtered by number, name or status.
  - For the extensions listed, reads the details asked for in O(details) - the full configuration, call
    rating and billing data, SMS rating, slave extensions, balance history, additional MAC addresses,
    editions and modules.
  - Extensions come back in the shape M(bicom.pbxware.pbxware_extension) takes, so output can be used as input.
    PINs and secrets are masked unless O(reveal_secrets=true).
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  extensions:
    description: Only these extension numbers.
    type: list
    elements: str
  name:
    description: Only extensions whose name matches this shell-style pattern (case-insensitive).
    type: str
  status:
    description: Only enabled or only disabled extensions.
    type: str
    choices: [enabled, disabled]
  details:
    description:
      - What to read for each extension listed, one or two API calls per extension and detail.
      - V(configuration) (C(pbxware.ext.configuration)), V(additional_macs) (from the configuration),
        V(editions_modules), V(call_rating), V(call_rating_info), V(call_rating_history), V(sms_rating_info),
        V(slaves), and the deprecated V(billing), V(billing_info), V(billing_history).
    type: list
    elements: str
    choices: [configuration, additional_macs, editions_modules, call_rating, call_rating_info, call_rating_history,
              sms_rating_info, slaves, billing, billing_info, billing_history]
    default: []
  history_start:
    description: First day (V(yyyy-mm-dd)) of the balance history; default 30 days ago.
    type: str
  history_end:
    description: Last day (V(yyyy-mm-dd)) of the balance history; default today.
    type: str
  history_type:
    description: Only credits or only debits in the balance history.
    type: str
    choices: [credit, debit]
  reveal_secrets:
    description: Show PINs and secrets instead of masking them.
    type: bool
    default: false
seealso:
  - module: bicom.pbxware.pbxware_extension
"""

EXAMPLES = r"""
- name: Every extension of a tenant, with its full configuration
  bicom.pbxware.pbxware_extension_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: t1.example.com
    details: [configuration]
  register: exts

- name: Credits of November for two extensions
  bicom.pbxware.pbxware_extension_info:
    tenant: "344"
    extensions: ["101", "102"]
    details: [call_rating_info, call_rating_history]
    history_start: "2026-11-01"
    history_end: "2026-11-30"
    history_type: credit
"""

RETURN = r"""
extensions:
  description:
    - The matching extensions, sorted by number, by the option names of M(bicom.pbxware.pbxware_extension)
      (readable C(options) keys under C(options)), with C(id), C(user_agent_name) and one key per detail read.
  returned: success
  type: list
  elements: dict
  sample:
    - id: "10"
      extension: "101"
      name: Reception
      email: reception@example.com
      protocol: sip
      location: local
      user_agent: "135"
      user_agent_name: Yealink T41
      status: enabled
      pin: "********"
      secret: "********"
      options: {dtmfmode: rfc2833, ringtime: "32"}
      call_rating_info: {account_balance: "25.00000", available_funds: "25.00000", inclusive_minutes: No Inclusives spent.}
"""

import datetime
import fnmatch

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.dates import api_day
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.diff import mask
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EXTENSION_EDITIONS, normalize_macs)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EXTENSION, OPTION_READ_PATHS, option_fields)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import nest_options, read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import unwrap

# Every readable option, so the view is as complete as the API allows.
EXTENSION_READ = EXTENSION.extended(option_fields(dict(
    (key, None) for key, path in OPTION_READ_PATHS.items() if path is not None)))
PER_EXTENSION = ("call_rating", "call_rating_info", "sms_rating_info", "billing", "billing_info")
HISTORIES = ("call_rating_history", "billing_history")

ARGUMENT_SPEC = dict(
    extensions=dict(type="list", elements="str"),
    name=dict(type="str"),
    status=dict(type="str", choices=["enabled", "disabled"]),
    details=dict(type="list", elements="str", default=[], choices=[
        "configuration", "additional_macs", "editions_modules", "call_rating", "call_rating_info",
        "call_rating_history", "sms_rating_info", "slaves", "billing", "billing_info", "billing_history"]),
    history_start=dict(type="str"),
    history_end=dict(type="str"),
    history_type=dict(type="str", choices=["credit", "debit"]),
    reveal_secrets=dict(type="bool", default=False),
)


def wanted(row, params):
    if params["extensions"] and to_str(row.get("ext")) not in [to_str(number) for number in params["extensions"]]:
        return False
    if params["status"] and to_str(row.get("status")) != params["status"]:
        return False
    return not params["name"] or fnmatch.fnmatch((to_str(row.get("name")) or "").lower(), params["name"].lower())


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        today = datetime.date.today()
        history = {
            "start": api_day(params["history_start"] or today - datetime.timedelta(days=30), "history_start"),
            "end": api_day(params["history_end"] or today, "history_end"),
        }
        if params["history_type"]:
            history["type"] = params["history_type"]
        details = set(params["details"])
        server = module.server()
        client = module.client
        rows = collection(client.read("pbxware.ext.list", {"server": server}))
        found = []
        for object_id, row in sorted(rows.items(), key=lambda item: to_str(item[1].get("ext"))):
            if not wanted(row, params):
                continue
            raw = dict(row)
            by_id = {"server": server, "id": object_id}
            if details & {"configuration", "additional_macs"}:
                raw.update(unwrap(client.read("pbxware.ext.configuration", by_id), object_id))
            view = read_view(EXTENSION_READ, raw)
            if not params["reveal_secrets"]:
                view = mask(EXTENSION_READ, view)
            item = dict(nest_options(view), id=ident(object_id), user_agent_name=to_str(raw.get("ua_fullname")))
            if "additional_macs" in details:
                item["additional_macs"] = normalize_macs(raw.get("additional_macaddress"))
            if "editions_modules" in details:
                answer = client.read("pbxware.ext.editions_modules.configuration", by_id)
                item["editions_modules"] = read_view(EXTENSION_EDITIONS, answer)
            for detail in sorted(details & set(PER_EXTENSION)):
                item[detail] = unwrap(client.read("pbxware.ext." + detail, by_id), object_id)
            if "slaves" in details:
                item["slaves"] = [dict(slave, id=ident(slave_id)) for slave_id, slave in
                                  collection(client.read("pbxware.ext.slaves", by_id)).items()]
            for detail in sorted(details & set(HISTORIES)):
                answer = client.read("pbxware.ext." + detail, dict(by_id, **history))
                item[detail] = list(collection(answer).values()) if isinstance(answer, dict) else answer
            found.append(item)
        return {"changed": False, "extensions": found}

    module.run(work)


if __name__ == "__main__":
    main()
