#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_tenant
short_description: Manage a tenant of a multi-tenant PBXware
version_added: 0.1.0
description:
  - Creates, updates or deletes one tenant, identified by its 3-digit tenant code.
  - Reads C(pbxware.tenant.list) and C(pbxware.tenant.configuration), compares the options the task sets on normalised
    values and sends only what differs, in one C(pbxware.tenant.add) or C(pbxware.tenant.edit); a second run reports
    no change.
  - Every edit also resends the tenant's core fields (name, code, package, country, national and international codes),
    as a partial C(pbxware.tenant.edit) has been seen to break a tenant's SIP service.
  - Every write uses server 1, as the API requires.
  - When C(pbxware.tenant.add) outlives the client timeout, the module looks the tenant up before reporting a failure,
    so a rerun never creates a duplicate.
  - After a delete the module reads the tenant list again and fails if the tenant is still there.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.resource
options:
  tenant_code:
    description:
      - The tenant's unique 3-digit code (API C(tenant_code), read as C(tenantcode)). Identifies the tenant.
      - Without it the tenant is identified by O(name) (one more C(pbxware.tenant.list) read); creating needs it.
    type: str
  state:
    description: V(present) creates or updates the tenant, V(absent) deletes it together with its objects.
    type: str
    choices: [present, absent]
    default: present
  name:
    description:
      - The tenant's name, a fully qualified domain name (API C(tenant_name), read as C(name) and C(server_name)).
        Required to create.
    type: str
  package:
    description: The tenant package, by name or ID (resolved through C(pbxware.package.list)). Required to create.
    type: str
  ext_length:
    description:
      - Length of the tenant's extension numbers, 2 to 16. Required to create.
      - It cannot be changed afterwards; a different value for an existing tenant fails before any write.
    type: int
  country:
    description:
      - The tenant's country, by route ID, country name or dialling code (resolved through C(pbxware.route.list)).
        Required to create.
      - A route ID wins over a dialling code; a dialling code several countries share (V(1)) must be given by name.
    type: str
  national:
    description: National dialling prefix, digits. Required to create.
    type: str
  international:
    description: International dialling prefix, digits. Required to create.
    type: str
  area_code:
    description: Area code, digits.
    type: str
  status:
    description:
      - The tenant's status (API C(status) 1, 0 or 2). C(pbxware.tenant.add) has no such argument, so a new tenant
        is created active and, when another status is asked for, set with one C(pbxware.tenant.edit) right after.
    type: str
    choices: [active, inactive, suspended]
  http_password:
    description: The HTTP password (API C(appassword)). Compared, never shown.
    type: str
  ldap_password:
    description:
      - The LDAP password (API C(ldap_password)). Write-only, never shown - sent when the tenant is created,
        afterwards only with O(force_write_only=true).
    type: str
  options:
    description:
      - Every other argument of C(pbxware.tenant.add) and C(pbxware.tenant.edit), by its API (write) name, for
        example C(recordformat), C(faxformat), C(audiolang), C(currency), C(callgroups), C(localcodecs).
      - Channel limits go under their write names C(local_channels), C(remote_channels), C(conferences), C(queues),
        C(enhanced_ring_groups), C(auto_attendants), C(dahdi); they are compared with what
        C(pbxware.tenant.configuration) reads as C(incominglimit), C(outgoinglimit), C(conch), C(quech), C(ergch),
        C(aach), C(zapch). Read names are refused, since the API silently ignores them on write.
      - Codec lists (C(localcodecs), C(remote_codecs), C(networkcodecs)) take a list or a colon-separated string.
      - C(jbimpl), C(jbmaxsize), C(jbresyncthreshold), C(jbtargetextra), C(email_from), C(vm_email_from),
        C(dids_notify_email), C(dids_notify_order), C(ldap_enabled), C(ldap_local_exts), C(ldap_hotdesking),
        C(ldap_tls) and C(ldap_search_type) are write-only - the configuration does not return them - so they are
        sent when the tenant is created, afterwards only with O(force_write_only=true).
      - An unknown key fails before any API call.
    type: dict
  force_write_only:
    description:
      - Also send O(ldap_password) and the write-only keys of O(options) to an existing tenant. The API cannot say
        whether they differ, so the task then reports a change on every run.
    type: bool
    default: false
notes:
  - Needs a PBXware in tenant mode.
  - PBXware applies tenant edits with a lag (and C(pbxware.tenant.edit) often outlasts the client timeout).
    After a write the module reads the tenant back every 2 seconds for up to 20 seconds until it shows the
    change; only then does it warn that the server accepted a value but reports another, or, after an unclear
    answer, fail saying the change was not confirmed.
seealso:
  - module: bicom.pbxware.pbxware_tenant_package
  - module: bicom.pbxware.pbxware_tenant_info
"""

EXAMPLES = r"""
- name: A tenant for t3.example.com
  bicom.pbxware.pbxware_tenant:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant_code: "555"
    name: t3.example.com
    package: Business
    ext_length: 3
    country: United Kingdom
    national: "0"
    international: "00"
    options:
      recordformat: wav49
      local_channels: 20
      conferences: 4

- name: Suspend it
  bicom.pbxware.pbxware_tenant:
    tenant_code: "555"
    status: suspended

- name: Remove it
  bicom.pbxware.pbxware_tenant:
    tenant_code: "555"
    state: absent
"""

RETURN = r"""
id:
  description: The tenant's internal ID (the C(server) of tenant-scoped calls); V(null) after a delete and when check
    mode predicts a creation.
  returned: success
  type: str
  sample: "4"
tenant:
  description: The tenant after the run (read back; predicted in check mode), by option name; secrets masked.
  returned: success
  type: dict
  sample:
    tenant_code: "555"
    name: t3.example.com
    package: "2"
    ext_length: "3"
    country: "862"
    national: "0"
    international: "00"
    area_code: ""
    status: active
    http_password: "********"
    options: {recordformat: wav49, local_channels: "20"}
before:
  description: The tenant before the run (empty if it did not exist).
  returned: success
  type: dict
  sample: {}
proposed:
  description: The options the run changes (or would change), with their new values; secrets masked.
  returned: success
  type: dict
  sample: {status: suspended}
operation:
  description: What the run did (or would do in check mode).
  returned: success
  type: str
  sample: update
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError, desired_params, nest_options
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import (
    TENANT, ensure_tenant_gone, tenant_code_by_name, tenant_option_fields, tenant_resolver, validate_tenant)

ARGUMENT_SPEC = dict(
    tenant_code=dict(type="str"),
    state=dict(type="str", choices=["present", "absent"], default="present"),
    name=dict(type="str"),
    package=dict(type="str"),
    ext_length=dict(type="int"),
    country=dict(type="str"),
    national=dict(type="str"),
    international=dict(type="str"),
    area_code=dict(type="str"),
    status=dict(type="str", choices=["active", "inactive", "suspended"]),
    http_password=dict(type="str", no_log=True),
    ldap_password=dict(type="str", no_log=True),
    options=dict(type="dict"),
    force_write_only=dict(type="bool", default=False),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, required_one_of=[("tenant_code", "name")])
    params = module.params

    def work():
        if params["tenant_code"] is None:
            params["tenant_code"] = tenant_code_by_name(module.client, params["name"])
            if params["tenant_code"] is None:
                if params["state"] == "absent":
                    return {"changed": False, "operation": None, "id": None, "tenant": {}, "before": {},
                            "proposed": {}, "diff": {"before": {}, "after": {}}}
                raise ReconcileError("no tenant is named %s; creating one needs tenant_code" % params["name"],
                                     "tenant_code")
        validate_tenant(params)
        resource = TENANT.extended(tenant_option_fields(params["options"]))
        desired = desired_params(resource, params)
        resolve_names = tenant_resolver(module.client)
        held = {}

        def resolve(wanted, raw):
            # pbxware.tenant.add takes no status: create, then set it with one edit.
            if raw is None and wanted.get("status") is not None:
                held["status"] = wanted.pop("status")
            return resolve_names(wanted, raw)

        result = module.converge(resource, desired, "tenant", params["state"], resolve, params["force_write_only"],
                                 shape=nest_options, in_tenant=False)
        code = params["tenant_code"]
        if result["operation"] == "delete" and not module.check_mode:
            ensure_tenant_gone(module.client, code)
        if result["operation"] == "create" and held.get("status") not in (None, "active"):
            status = held["status"]
            if module.check_mode:
                for view in (result["tenant"], result["proposed"], result["diff"]["after"]):
                    view["status"] = status
            else:
                second = module.converge(resource, {"tenant_code": code, "status": status}, "tenant",
                                         shape=nest_options, in_tenant=False)
                result["tenant"] = second["tenant"]
                result["diff"]["after"] = second["tenant"]
                result["proposed"]["status"] = status
                result["warnings"] = result["warnings"] + second["warnings"]
        return result

    module.run(work)


if __name__ == "__main__":
    main()
