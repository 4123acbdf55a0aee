#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_sms_trunk_info
short_description: Read the SMS trunks of a PBXware and the SMS trunk of each tenant
version_added: 0.2.0
description:
  - Lists the SMS trunks (C(pbxware.sms.trunks.list), then C(pbxware.sms.trunks.configuration) for each trunk
    listed) and which SMS trunk each tenant uses (C(pbxware.sms.trunks.tenants.list)), or only the one of
    O(tenant) or O(tenant_id) (C(pbxware.sms.trunks.tenants.get)).
  - Trunks come back in the shape M(bicom.pbxware.pbxware_sms_trunk) takes, plus their C(id) and without
    credentials; tenant assignments in the shape M(bicom.pbxware.pbxware_tenant_sms_trunk) takes.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  names:
    description: Only the SMS trunks with these names or IDs (tenant assignments are not filtered by them).
    type: list
    elements: str
  tenant:
    description:
      - Report the SMS trunk assignment of this tenant only (read with C(pbxware.sms.trunks.tenants.get)), by
        tenant name or 3-digit tenant code, resolved through C(pbxware.tenant.list). An unknown tenant is an
        error listing the closest names. The SMS trunks themselves are still all listed (see O(names)).
      - Mutually exclusive with O(tenant_id). With neither, the assignment of every tenant.
    type: str
  tenant_id:
    description:
      - Report the SMS trunk assignment of this internal tenant ID only, used as given without a lookup
        (PBXware refuses an ID that is not a tenant's); 1 or more.
      - Mutually exclusive with O(tenant).
    type: int
seealso:
  - module: bicom.pbxware.pbxware_sms_trunk
  - module: bicom.pbxware.pbxware_tenant_sms_trunk
"""

EXAMPLES = r"""
- name: SMS trunks and who uses them
  bicom.pbxware.pbxware_sms_trunk_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: sms

- name: Tenants without an SMS trunk
  ansible.builtin.debug:
    msg: "{{ sms.tenant_sms_trunks | selectattr('sms_trunk', 'eq', '') | map(attribute='tenant_id') | list }}"

- name: The SMS trunk of one tenant
  bicom.pbxware.pbxware_sms_trunk_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
  register: sms_344
"""

RETURN = r"""
sms_trunks:
  description:
    - The SMS trunks, sorted by name, with C(id) and the options of their provider. Credentials
      (O(bicom.pbxware.pbxware_sms_trunk#module:twilio_auth_token) and the like) are left out.
  returned: success
  type: list
  elements: dict
  sample:
    - id: "3"
      name: Twilio US
      provider: twilio
      enabled: true
      national_prefix: "1"
      description: Outbound SMS for US tenants
      twilio_account_sid: AC0123456789abcdef0123456789abcdef
tenant_sms_trunks:
  description:
    - Every tenant by ID with the name of its SMS trunk (V("") for none), sorted by tenant ID; only the tenant of
      O(tenant) or O(tenant_id) when given.
  returned: success
  type: list
  elements: dict
  sample: [{tenant_id: 2, sms_trunk: Twilio US}, {tenant_id: 3, sms_trunk: ""}]
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import unwrap
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.sms import (
    sms_trunk_item, tenant_sms_trunk_items)

ARGUMENT_SPEC = dict(
    names=dict(type="list", elements="str"),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        client = module.client
        wanted = [to_str(name).lower() for name in params["names"] or []]
        trunks = []
        for trunk_id, row in collection(client.read("pbxware.sms.trunks.list")).items():
            if wanted and ident(trunk_id) not in wanted and (to_str(row.get("name")) or "").lower() not in wanted:
                continue
            config = unwrap(client.read("pbxware.sms.trunks.configuration", {"id": trunk_id}), trunk_id)
            trunks.append(sms_trunk_item(trunk_id, dict(row, **config)))
        if params["tenant"] is None and params["tenant_id"] is None:
            assignments = client.read("pbxware.sms.trunks.tenants.list")
        else:
            # The answer is one row of the list's shape, without its key.
            tenant_id = module.server()
            assignments = {tenant_id: client.read("pbxware.sms.trunks.tenants.get", {"tenant": tenant_id})}
        return {"changed": False, "sms_trunks": sorted(trunks, key=lambda item: item.get("name") or ""),
                "tenant_sms_trunks": tenant_sms_trunk_items(assignments)}

    module.run(work)


if __name__ == "__main__":
    main()
