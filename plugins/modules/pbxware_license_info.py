#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_license_info
short_description: Read the PBXware license and when it was last refreshed
version_added: 0.2.0
description:
  - Reads the license's edition, version, limits and enabled features (C(pbxware.license.info)) and when the
    license file was last modified (C(pbxware.license.last_refreshed)).
  - The license is system-wide; the module takes no tenant.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options: {}
seealso:
  - module: bicom.pbxware.pbxware_license_refresh
  - module: bicom.pbxware.pbxware_dashboard_info
"""

EXAMPLES = r"""
- name: Read the license
  bicom.pbxware.pbxware_license_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
  register: pbx_license

- name: Show the edition and the extension limit
  ansible.builtin.debug:
    msg: "{{ pbx_license.license.edition }}, up to {{ pbx_license.license.extensions }} extensions"
"""

RETURN = r"""
license:
  description:
    - The license as C(pbxware.license.info) reads it, each name in snake case (C(Hot Desking) is
      C(hot_desking)). Values that are whole numbers (limits, and features as C(1) enabled or C(0) disabled)
      are numbers, the others text. A license may carry names not listed here; they come back the same way.
  returned: success
  type: dict
  contains:
    edition:
      description: The PBXware edition.
      type: str
      sample: Multi-Tenant
    version:
      description: The PBXware version.
      type: str
      sample: 6.5.0.0
    channels:
      description: Channels allowed.
      type: int
      sample: 512
    dids:
      description: DIDs allowed.
      type: int
      sample: 9999
    extensions:
      description: Extensions allowed.
      type: int
      sample: 100
    hot_desking:
      description: Hot desking extensions allowed.
      type: int
      sample: 9999
    pstn_trunks:
      description: PSTN trunks allowed.
      type: int
      sample: 20
    voip_trunks:
      description: VoIP trunks allowed.
      type: int
      sample: 20
    tenants:
      description: Tenants allowed.
      type: int
      sample: 999
    archiving:
      description: Archiving (C(1) licensed).
      type: int
      sample: 1
    bas:
      description: BAS (C(1) licensed).
      type: int
      sample: 1
    call_rating:
      description: Call rating (C(1) licensed).
      type: int
      sample: 1
    crm_routing:
      description: CRM routing (C(1) licensed).
      type: int
      sample: 1
    did_multi_user:
      description: DIDs to several users (C(1) licensed).
      type: int
      sample: 1
    email_to_fax:
      description: E-mail to fax (C(1) licensed).
      type: int
      sample: 1
    ext_limits:
      description: Extension limits (C(1) licensed).
      type: int
      sample: 1
    max_generic_apps:
      description: Generic apps, as the license states it.
      type: int
      sample: 1
    pin_based_dialling:
      description: PIN based dialling (C(1) licensed).
      type: int
      sample: 1
    presence_panel:
      description: Presence panel (C(1) licensed).
      type: int
      sample: 1
    sms_bandwidth:
      description: SMS through Bandwidth (C(1) licensed).
      type: int
      sample: 1
    sms_module:
      description: The SMS module (C(1) licensed).
      type: int
      sample: 1
    touchless_provisioning:
      description: Touchless provisioning (C(1) licensed).
      type: int
      sample: 1
    wakeupcall:
      description: Wake-up calls (C(1) licensed).
      type: int
      sample: 1
    web_callback:
      description: Web callback (C(1) licensed).
      type: int
      sample: 1
last_refreshed:
  description: When the license file was last modified, as the server writes it.
  returned: success
  type: str
  sample: 25 Jan 2022 16:53:32
last_refreshed_iso:
  description: RV(last_refreshed) in ISO 8601 (server time, no zone); null when the server writes it otherwise.
  returned: success
  type: str
  sample: "2022-01-25T16:53:32"
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.operations import (
    license_info, read_last_refreshed)


def main():
    module = PBXwareModule({}, reads_only=True)

    def work():
        info = license_info(module.client.read("pbxware.license.info"))
        stamp, iso = read_last_refreshed(module.client)
        return {"changed": False, "license": info, "last_refreshed": stamp, "last_refreshed_iso": iso}

    module.run(work)


if __name__ == "__main__":
    main()
