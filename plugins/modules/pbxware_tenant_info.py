#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant_info
short_description: List PBXware tenants
version_added: 0.1.0
description:
  - Lists the tenants of a PBXware in tenant mode through C(pbxware.tenant.list), optionally
    filtered by name or tenant code, and on request their configuration, trunk assignment and CLI routing.
  - Values are normalised (IDs and counts as numbers, tenant codes as text) whatever types the server sends.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  name:
    description:
      - Only tenants whose name matches this shell-style pattern (case-insensitive), for example V(*.example.com).
    type: str
  tenant_code:
    description:
      - Only the tenant with this 3-digit tenant code.
    type: str
  details:
    description:
      - What else to read for each tenant listed, one API call per tenant and detail.
      - V(configuration) (C(pbxware.tenant.configuration), passwords masked unless O(reveal_secrets=true)),
        V(trunks) (C(pbxware.tenant.trunks.list)), V(clirouting) (C(pbxware.tenant.clirouting.list), in the shape
        M(bicom.pbxware.pbxware_tenant_clirouting) takes).
    type: list
    elements: str
    choices: [configuration, trunks, clirouting]
    default: []
  reveal_secrets:
    description: Show passwords in O(details=[configuration]) instead of masking them.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: List every tenant
  bicom.pbxware.pbxware_tenant_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: all_tenants

- name: Find one tenant by code, connection options from module_defaults
  module_defaults:
    group/bicom.pbxware.pbxware:
      url: https://pbx.example.com/index.php
      api_key: "{{ vault_pbxware_api_key }}"
  bicom.pbxware.pbxware_tenant_info:
    tenant_code: "344"
  register: tenant_344
"""

RETURN = r"""
tenants:
  description: The matching tenants, sorted by ID.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: Internal tenant ID (the API's C(server) argument).
      type: int
      sample: 2
    name:
      description: Tenant name (an FQDN).
      type: str
      sample: t1.example.com
    tenant_code:
      description: Unique 3-digit tenant code.
      type: str
      sample: "344"
    package_id:
      description: ID of the tenant package.
      type: int
      sample: 1
    package:
      description: Name of the tenant package.
      type: str
      sample: Basic
    ext_length:
      description: Length of extension numbers in this tenant.
      type: int
      sample: 3
    country_id:
      description: Country (route) ID.
      type: int
      sample: 869
    country_code:
      description: Country calling code.
      type: str
      sample: "1"
    configuration:
      description: The tenant's settings as the API returns them, passwords masked (with O(details=[configuration])).
      type: dict
      returned: when asked for
      sample: {server_name: t1.example.com, tenantcode: "344", appassword: "********"}
    trunks:
      description: The tenant's trunk assignment, by trunk name (with O(details=[trunks])).
      type: dict
      returned: when asked for
      sample: {trunks: [TestSIP], primary_trunk: TestSIP, secondary_trunk: ""}
    clirouting:
      description: The tenant's CLI routing rules (with O(details=[clirouting])).
      type: list
      elements: dict
      returned: when asked for
      sample: [{id: "3", callerid: "19005550000", destination_type: deny_access, destination: "", match_explicitly: false}]
"""

import fnmatch

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import mask_settings
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, comma_list, ident
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import read_view
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import unwrap
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import TENANT_CLI_ROUTE
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import list_tenants


def matches(row, name=None, tenant_code=None):
    if tenant_code is not None and row["tenant_code"] != tenant_code.strip():
        return False
    if name is not None and not fnmatch.fnmatch((row["name"] or "").lower(), name.lower()):
        return False
    return True


def add_details(client, row, details, reveal_secrets):
    tenant_id = str(row["id"])
    if "configuration" in details:
        answer = unwrap(client.read("pbxware.tenant.configuration", {"id": tenant_id}), tenant_id)
        row["configuration"] = mask_settings(answer, reveal_secrets)
    if "trunks" in details:
        assignment = client.read("pbxware.tenant.trunks.list", {"tenant": tenant_id})
        row["trunks"] = dict(assignment, trunks=comma_list(assignment.get("trunks")) or [])
    if "clirouting" in details:
        answer = client.read("pbxware.tenant.clirouting.list", {"tenant": tenant_id})
        rules = collection(answer.get("success") if isinstance(answer, dict) else answer)
        row["clirouting"] = [dict(read_view(TENANT_CLI_ROUTE, rule), id=ident(rule_id))
                             for rule_id, rule in sorted(rules.items())]
    return row


def main():
    module = PBXwareModule(dict(
        name=dict(type="str"), tenant_code=dict(type="str"), reveal_secrets=dict(type="bool", default=False),
        details=dict(type="list", elements="str", default=[], choices=["configuration", "trunks", "clirouting"])),
        reads_only=True)
    params = module.params

    def work():
        rows = [row for row in list_tenants(module.client) if matches(row, params["name"], params["tenant_code"])]
        return {
            "changed": False,
            "tenants": [add_details(module.client, row, params["details"], params["reveal_secrets"]) for row in rows],
        }

    module.run(work)


if __name__ == "__main__":
    main()
