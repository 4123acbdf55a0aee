#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant_package
short_description: Manage a tenant package of a multi-tenant PBXware
version_added: 0.1.0
description:
  - Creates, updates or deletes one tenant package (the limits and features a tenant gets), identified by name.
  - Reads C(pbxware.package.list) and C(pbxware.package.configuration), compares the options the task sets on
    normalised values and sends only what differs; a second run reports no change.
  - The limits are written as C(extensions), C(voicemails), C(ivrs), C(cfs) and read back as C(ext), C(voicemail),
    C(ivr), C(cf); the module compares them under one name.
  - Edits and deletes use server 1, as the API requires; C(pbxware.package.add) takes no server.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  name:
    description: The package's name. Identifies it (case-sensitive, as the API returns it).
    type: str
    required: true
  state:
    description:
      - V(present) creates or updates the package, V(absent) deletes it.
      - The API refuses to delete a package a tenant uses.
    type: str
    choices: [present, absent]
    default: present
  service_plan:
    description: The default service plan's ID.
    type: str
  restrict_splans:
    description: Restrict tenants to O(allowed_service_plans) (required by the API when billing is licensed).
    type: bool
  allowed_service_plans:
    description: IDs of the service plans tenants may use; required with O(restrict_splans=true).
    type: list
    elements: str
  call_recordings:
    description: Call recordings. Required to create.
    type: bool
  monitoring:
    description: Call monitoring. Required to create.
    type: bool
  call_screening:
    description: Call screening. Required to create.
    type: bool
  extensions:
    description: Number of extensions (API C(extensions), read as C(ext)). Required to create.
    type: int
  voicemails:
    description: Number of voicemail boxes (API C(voicemails), read as C(voicemail)). Required to create.
    type: int
  queues:
    description: Number of queues. Required to create.
    type: int
  cfs:
    description: Number of conferences (API C(cfs), read as C(cf)). Required to create.
    type: int
  rgroups:
    description: Number of ring groups. Required to create.
    type: int
  hot_desking:
    description: Number of hot-desking devices. Required to create.
    type: int
  ivrs:
    description: Number of IVRs (API C(ivrs), read as C(ivr)). Required to create.
    type: int
notes:
  - Needs a PBXware in tenant mode.
seealso:
  - module: bicom.pbxware.pbxware_tenant
"""

EXAMPLES = r"""
- name: A package for small offices
  bicom.pbxware.pbxware_tenant_package:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    name: Small office
    call_recordings: true
    monitoring: false
    call_screening: false
    extensions: 10
    voicemails: 10
    queues: 2
    cfs: 2
    rgroups: 2
    hot_desking: 0
    ivrs: 2
"""

RETURN = r"""
id:
  description: The package's internal ID; V(null) after a delete and when check mode predicts a creation.
  returned: success
  type: str
  sample: "3"
package:
  description: The package after the run (read back; predicted in check mode), by option name.
  returned: success
  type: dict
  sample:
    name: Small office
    service_plan: null
    restrict_splans: false
    allowed_service_plans: []
    call_recordings: true
    monitoring: false
    call_screening: false
    extensions: 10
    voicemails: 10
    queues: 2
    cfs: 2
    rgroups: 2
    hot_desking: 0
    ivrs: 2
before:
  description: The package before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: What the run changes (or would change).
  returned: success
  type: dict
  sample: {extensions: 20}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: create
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import desired_params
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import (
    PACKAGE_LIMITS, TENANT_PACKAGE, validate_package)

ARGUMENT_SPEC = dict(
    name=dict(type="str", required=True),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    service_plan=dict(type="str"),
    restrict_splans=dict(type="bool"),
    allowed_service_plans=dict(type="list", elements="str"),
    call_recordings=dict(type="bool"),
    monitoring=dict(type="bool"),
    call_screening=dict(type="bool"),
)
ARGUMENT_SPEC.update((name, dict(type="int")) for name in PACKAGE_LIMITS)


def main():
    module = PBXwareModule(ARGUMENT_SPEC)
    params = module.params

    def work():
        validate_package(params)
        desired = desired_params(TENANT_PACKAGE, params)
        return module.converge(TENANT_PACKAGE, desired, "package", params["state"], in_tenant=False)

    module.run(work)


if __name__ == "__main__":
    main()
