#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_archiving_info
short_description: Read PBXware's archiving reports (recordings, faxes and voicemails archived)
version_added: 0.2.0
description:
  - Lists the archiving reports of a date range (C(pbxware.archiving.list)) - when each run was, whether it
    succeeded, and how many recordings, faxes and voicemails it archived or failed to.
  - Every input is checked before any API call.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  start:
    description:
      - The first day of the range, as V(YYYY-MM-DD) or the API's V(mmm-dd-YYYY) (V(Feb-01-2009)), or a date and
        time as V(YYYY-MM-DDThh:mm[:ss]) (the server's local time; no UTC offset).
      - A day without a time starts at 00:00:00, unless O(start_time) says otherwise.
    type: str
    required: true
  start_time:
    description: The time of O(start), as V(hh:mm) or the API's V(hh:mm:ss), when O(start) is a day only.
    type: str
  end:
    description:
      - The last day of the range (included), in the forms O(start) takes.
      - A day without a time ends at 23:59:59, unless O(end_time) says otherwise.
    type: str
    required: true
  end_time:
    description: The time of O(end), as V(hh:mm) or V(hh:mm:ss), when O(end) is a day only.
    type: str
  status:
    description: Only reports with one of these statuses.
    type: list
    elements: str
    choices: [success, failure, partial]
notes:
  - With O(tenant) or O(tenant_id) only that tenant's reports are read (the API filters by tenant code);
    without either, the reports of every tenant.
seealso:
  - module: bicom.pbxware.pbxware_cdr_info
"""

EXAMPLES = r"""
- name: Archiving runs of November that did not fully succeed
  bicom.pbxware.pbxware_archiving_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    start: "2026-11-01"
    end: "2026-11-30"
    status: [failure, partial]
  register: archiving
  failed_when: archiving.reports | length > 0

- name: Last night's run of tenant 344
  bicom.pbxware.pbxware_archiving_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    start: "2026-11-02T00:00"
    end: "2026-11-02T06:00"
"""

RETURN = r"""
reports:
  description: The archiving reports, as the server lists them; V([]) when there is none.
  returned: success
  type: list
  elements: dict
  contains:
    tenant:
      description: The tenant code.
      type: str
      sample: "344"
    date_time:
      description: When the run was, C(YYYY-MM-DD hh:mm:ss) in the server's time.
      type: str
      sample: "2026-11-02 01:23:01"
    status:
      description: V(success), V(failure) or V(partial).
      type: str
      sample: success
    recording:
      description: How many recordings were archived (C(success)) and how many failed (C(failed)).
      type: dict
      sample: {success: 7, failed: 0}
    fax:
      description: How many faxes were archived and how many failed.
      type: dict
      sample: {success: 2, failed: 0}
    voicemail:
      description: How many voicemails were archived and how many failed.
      type: dict
      sample: {success: 3, failed: 0}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.records import (
    ARCHIVING_STATUSES, archiving_query, archiving_reports, tenant_code)

ARGUMENT_SPEC = dict(
    start=dict(type="str", required=True),
    start_time=dict(type="str"),
    end=dict(type="str", required=True),
    end_time=dict(type="str"),
    status=dict(type="list", elements="str", choices=list(ARCHIVING_STATUSES)),
)


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)

    def work():
        query = archiving_query(module.params)
        code = tenant_code(module)
        if code is not None:
            query["tenant"] = code
        return {"changed": False, "reports": archiving_reports(module.client.read("pbxware.archiving.list", query))}

    module.run(work)


if __name__ == "__main__":
    main()
