#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_extension_voicemail_delete
short_description: Delete every voicemail message of a PBXware extension
version_added: 0.1.0
description:
  - Deletes all voicemail messages of one extension with C(pbxware.ext.voicemail.delete). This cannot be undone.
  - The API has no way to read voicemail, so every run sends the delete and reports a change.
    In check mode nothing is sent.
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
  confirm:
    description: Must be V(true); a guard against deleting messages by accident.
    type: bool
    required: true
seealso:
  - module: bicom.pbxware.pbxware_extension
"""

EXAMPLES = r"""
- name: Empty the voicemail box of a departing employee
  bicom.pbxware.pbxware_extension_voicemail_delete:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    extension: "101"
    confirm: true
"""

RETURN = r"""
extension:
  description: The extension whose voicemails were (or would be) deleted.
  returned: success
  type: str
  sample: "101"
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.actions import run_once
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    check_extension_number, find_extension)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

ARGUMENT_SPEC = dict(
    extension=dict(type="str", required=True),
    confirm=dict(type="bool", required=True),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True)

    def work():
        if not module.params["confirm"]:
            raise ReconcileError("deleting every voicemail of an extension needs confirm=true", "confirm")
        check_extension_number(module.params["extension"])
        server = module.server()
        find_extension(module.client, server, module.params["extension"], module.tenant_row)
        changed, warnings = run_once(
            module.client, "pbxware.ext.voicemail.delete",
            {"server": server, "ext": module.params["extension"]}, module.check_mode)
        return {"changed": changed, "extension": module.params["extension"], "warnings": warnings}

    module.run(work)


if __name__ == "__main__":
    main()
