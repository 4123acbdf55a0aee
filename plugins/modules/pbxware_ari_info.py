#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_ari_info
short_description: List the ARI applications of a PBXware system and which tenants may use them
version_added: 0.2.0
description:
  - Lists the ARI (Asterisk REST Interface) applications (C(pbxware.ari.list)) and the ARI permissions of each
    server or tenant (C(pbxware.ari.tenant_permissions.list)).
  - ARI applications and their permissions are read-only through the API.
  - The password of an application, which the API returns in clear, is never part of the result.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  names:
    description:
      - Only the ARI applications with these names (case-insensitive) or IDs.
      - Permissions still name every application they list.
    type: list
    elements: str
  tenant:
    description:
      - Only the permissions of this tenant, by tenant name or 3-digit tenant code, resolved through
        C(pbxware.tenant.list). An unknown tenant is an error listing the closest names.
      - Mutually exclusive with O(tenant_id). With neither, the permissions of every server and tenant.
    type: str
  tenant_id:
    description:
      - Only the permissions of this internal tenant (server) ID, used as given without a lookup; 1 or more.
      - Mutually exclusive with O(tenant).
    type: int
seealso:
  - module: bicom.pbxware.pbxware_tenant_info
"""

EXAMPLES = r"""
- name: ARI applications and who may use them
  bicom.pbxware.pbxware_ari_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: ari

- name: The ARI permissions of one tenant
  bicom.pbxware.pbxware_ari_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: ari_344
"""

RETURN = r"""
ari_applications:
  description: The matching ARI applications, by ID; V([]) when none matches.
  returned: success
  type: list
  elements: dict
  contains:
    id:
      description: The application's ID.
      type: str
      sample: "2"
    name:
      description: The application's name.
      type: str
      sample: wallboard
    description:
      description: The application's description.
      type: str
      sample: Call centre wallboard
    username:
      description: The username the remote system authenticates with; V(null) when the API does not send it.
      type: str
      sample: wallboard
    address:
      description: The IP address of the remote system that registers to the application; V(null) when the API
        does not send it.
      type: str
      sample: 192.0.2.41
tenant_permissions:
  description: The ARI permissions of each server or tenant (only the one of O(tenant) or O(tenant_id) when given),
    by tenant ID; V([]) when none has any.
  returned: success
  type: list
  elements: dict
  contains:
    tenant_id:
      description: The server or tenant ID.
      type: int
      sample: 2
    permission_type:
      description: V(permit) (only the applications listed may be used) or V(deny) (they may not).
      type: str
      sample: permit
    applications:
      description: The applications the permission lists.
      type: list
      elements: dict
      contains:
        id:
          description: The application's ID.
          type: str
          sample: "2"
        name:
          description: The application's name; V(null) when C(pbxware.ari.list) does not list it.
          type: str
          sample: wallboard
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_int
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.directory import (
    ari_application_rows, ari_permission_rows, check_filters, matches)

ARGUMENT_SPEC = dict(
    names=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        check_filters(params, ("names", "tenant"))
        client = module.client
        tenant_id = None
        if params["tenant"] is not None or params["tenant_id"] is not None:
            tenant_id = to_int(module.server())
        applications = ari_application_rows(client.read("pbxware.ari.list"))
        permissions = ari_permission_rows(client.read("pbxware.ari.tenant_permissions.list"), applications)
        return {"changed": False,
                "ari_applications": [row for row in applications if matches(params["names"], row["id"], row["name"])],
                "tenant_permissions": [row for row in permissions if tenant_id in (None, row["tenant_id"])]}

    module.run(work)


if __name__ == "__main__":
    main()
