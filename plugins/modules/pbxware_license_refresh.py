#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_license_refresh
short_description: Refresh the PBXware license
version_added: 0.2.0
description:
  - Asks PBXware to refresh its license from the licensing server (C(pbxware.license.refresh)), for example
    after the license was upgraded, and reads when the license file was last modified before and after
    (C(pbxware.license.last_refreshed)).
  - A one-shot action - every run sends it and reports a change. In check mode nothing is sent and the result
    says the license would be refreshed.
  - The license is system-wide; the module takes no tenant.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.action
options: {}
notes:
  - PBXware answers that it processed the refresh request; if it rewrites the license file only a moment later,
    RV(last_refreshed) can still show the previous time. Read it again later with
    M(bicom.pbxware.pbxware_license_info).
seealso:
  - module: bicom.pbxware.pbxware_license_info
"""

EXAMPLES = r"""
- name: Pick up the upgraded license
  bicom.pbxware.pbxware_license_refresh:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: refresh

- name: Show when the license file changed
  ansible.builtin.debug:
    msg: "{{ refresh.last_refreshed_before }} -> {{ refresh.last_refreshed }}"
"""

RETURN = r"""
refreshed:
  description: Whether the refresh was requested (or would be, in check mode).
  returned: success
  type: bool
  sample: true
msg:
  description: What was done, or in check mode what would be.
  returned: success
  type: str
  sample: License refresh requested
last_refreshed_before:
  description: When the license file was last modified before this run, as the server writes it.
  returned: success
  type: str
  sample: 25 Jan 2022 16:53:32
last_refreshed:
  description:
    - When the license file was last modified after the refresh, as the server writes it.
    - In check mode the same as RV(last_refreshed_before).
  returned: success
  type: str
  sample: 30 Nov 2026 02:26:29
last_refreshed_iso:
  description: RV(last_refreshed) in ISO 8601 (server time, no zone); null when the server writes it otherwise.
  returned: success
  type: str
  sample: "2026-11-30T02:26:29"
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.actions import run_once
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operations import read_last_refreshed


def main():
    module = PBXwareModule({})

    def work():
        before, before_iso = read_last_refreshed(module.client)
        changed, warnings = run_once(module.client, "pbxware.license.refresh", {}, module.check_mode)
        after, after_iso = (before, before_iso) if module.check_mode else read_last_refreshed(module.client)
        return {"changed": changed, "refreshed": changed,
                "msg": "License refresh would be requested (check mode)" if module.check_mode
                else "License refresh requested",
                "last_refreshed_before": before, "last_refreshed": after, "last_refreshed_iso": after_iso,
                "warnings": warnings}

    module.run(work)


if __name__ == "__main__":
    main()
