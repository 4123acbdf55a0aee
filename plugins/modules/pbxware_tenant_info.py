#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant_info
short_description: List PBXware tenants
version_added: 1.0.0
description:
  - Lists the tenants of a PBXware in tenant mode through C(pbxware.tenant.list), optionally
    filtered by name or tenant code.
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
"""

import fnmatch

from ansible_collections.bicom.pbxware.plugins.module_utils.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.tenants import list_tenants


def matches(row, name=None, tenant_code=None):
    if tenant_code is not None and row["tenant_code"] != tenant_code.strip():
        return False
    if name is not None and not fnmatch.fnmatch((row["name"] or "").lower(), name.lower()):
        return False
    return True


def main():
    module = PBXwareModule(dict(name=dict(type="str"), tenant_code=dict(type="str")))

    def work():
        rows = list_tenants(module.client)
        return {
            "changed": False,
            "tenants": [row for row in rows if matches(row, module.params["name"], module.params["tenant_code"])],
        }

    module.run(work)


if __name__ == "__main__":
    main()
