#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension_balance
short_description: Credit or debit the balance of a PBXware extension, once per reference number
version_added: 0.1.0
description:
  - Applies one credit or debit with C(pbxware.ext.balance).
  - Idempotent by O(refno) - if the extension's call rating history (C(pbxware.ext.call_rating_history))
    already holds an entry with that reference number, nothing is sent and the task reports no change.
    Give every payment its own reference number.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.action
options:
  extension:
    description: The extension number.
    type: str
    required: true
  mode:
    description: Whether to add to (V(credit)) or take from (V(debit)) the balance.
    type: str
    choices: [credit, debit]
    required: true
  amount:
    description: The amount, a positive number.
    type: float
    required: true
  notes:
    description: Notes stored with the entry.
    type: str
    required: true
  refno:
    description: The payment's reference number; identifies the payment so it is applied once.
    type: str
    required: true
  history_since:
    description: How far back (V(yyyy-mm-dd)) to look for O(refno) in the history.
    type: str
    default: "2000-01-01"
seealso:
  - module: bicom.pbxware.pbxware_extension_info
"""

EXAMPLES = r"""
- name: Credit a customer's top-up, once
  bicom.pbxware.pbxware_extension_balance:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    mode: credit
    amount: 25.00
    notes: Top-up via web shop
    refno: "ORDER-2026-11-0042"
"""

RETURN = r"""
applied:
  description: Whether this run applied the payment (or would, in check mode); false when O(refno) was already in the history.
  returned: success
  type: bool
  sample: true
"""

import datetime
import math

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.dates import api_day
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.actions import run_once
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    check_extension_number, find_extension)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    mode=dict(type="str", choices=["credit", "debit"], required=True),
    amount=dict(type="float", required=True),
    notes=dict(type="str", required=True),
    refno=dict(type="str", required=True),
    history_since=dict(type="str", default="2000-01-01"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, supports_check_mode=True)
    params = module.params

    def work():
        if not math.isfinite(params["amount"]) or params["amount"] <= 0:
            raise ReconcileError("amount must be a positive number, got %s" % params["amount"], "amount")
        check_extension_number(params["extension"])
        start = api_day(params["history_since"], "history_since")
        end = api_day(datetime.date.today() + datetime.timedelta(days=1), "history_since")
        server = module.server()
        find_extension(module.client, server, params["extension"], module.tenant_row)
        history_query = {"server": server, "ext": params["extension"], "start": start, "end": end,
                         "refno": params["refno"]}

        def already_applied():
            entries = collection(module.client.read("pbxware.ext.call_rating_history", history_query)).values()
            return any(to_str(entry.get("refno")) == to_str(params["refno"]) for entry in entries)

        changed, warnings = run_once(
            module.client, "pbxware.ext.balance",
            {"server": server, "ext": params["extension"], "mode": params["mode"], "amount": params["amount"],
             "notes": params["notes"], "refno": params["refno"]},
            module.check_mode, already_applied)
        return {"changed": changed, "applied": changed, "warnings": warnings}

    module.run(work)


if __name__ == "__main__":
    main()
