#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
module: pbxware_cdr_info
short_description: Read PBXware call detail records (CDRs), their billing total and MOS data
version_added: 0.2.0
description:
  - Reads what O(report) names, each with its own API call.
  - V(records) - the CDRs of a date range (C(pbxware.cdr.download)), newest first, following the API's pages
    (C(next_page)) until the last one or until O(max_records) records are read.
  - V(billamount) - the sum of the billing amounts of the same CDRs (C(pbxware.cdr.billamount)).
  - V(mos) - the MOS (call quality) data of the calls O(uniqueids) names (C(pbxware.cdr.mos), one call each).
  - Every input is checked before any API call.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - bicom.pbxware.connection
  - bicom.pbxware.connection.tenant
  - bicom.pbxware.attributes
  - bicom.pbxware.attributes.info
options:
  report:
    description:
      - What to read; the result has a key for each.
      - V(records) and V(billamount) need O(start) and O(end) and take the same filters; V(mos) needs O(uniqueids).
    type: list
    elements: str
    choices: [records, billamount, mos]
    default: [records]
  start:
    description:
      - The first day of the range, as V(YYYY-MM-DD) or the API's V(mmm-dd-YYYY) (V(Feb-01-2009)), or a date and
        time as V(YYYY-MM-DDThh:mm[:ss]) (in the server's time zone, or in O(timezone); no UTC offset).
      - A day without a time starts at 00:00:00, unless O(start_time) says otherwise.
    type: str
  start_time:
    description: The time of O(start), as V(hh:mm) or the API's V(hh:mm:ss), when O(start) is a day only.
    type: str
  end:
    description:
      - The last day of the range (included), in the forms O(start) takes.
      - A day without a time ends at 23:59:59, unless O(end_time) says otherwise.
    type: str
  end_time:
    description: The time of O(end), as V(hh:mm) or V(hh:mm:ss), when O(end) is a day only.
    type: str
  timezone:
    description: The time zone the range is read in (the API's C(timezone)), such as V(America/New_York).
    type: str
  source_extensions:
    description:
      - Only calls from these extensions or numbers (the API's C(ext)).
      - Cannot be used with O(source_trunk).
    type: list
    elements: str
  destination_extensions:
    description:
      - Only calls to these extensions or numbers (the API's C(extdst)).
      - Cannot be used with O(destination_trunk).
    type: list
    elements: str
  source_trunk:
    description: Only calls that came in over this trunk, by ID or name (the API's C(trunk)).
    type: str
  destination_trunk:
    description: Only calls that went out over this trunk, by ID or name (the API's C(trunkdst)).
    type: str
  status:
    description: Only calls with one of these statuses (the API's C(status), the sum of their flags).
    type: list
    elements: str
    choices: [answered, unanswered, busy, failed]
  direction:
    description: Only V(incoming) or V(outgoing) calls, or V(all) (the API's C(cdrtype) 1, 2, 3).
    type: str
    choices: [incoming, outgoing, all]
  page_size:
    description: How many CDRs to ask for per request (the API's C(limit), at most 1000).
    type: int
    default: 1000
  max_records:
    description:
      - The most CDRs to read; when more match, the result has the newest O(max_records) and RV(truncated)
        is true.
      - Bounds the number of requests, at most O(max_records) / O(page_size) (rounded up).
    type: int
    default: 10000
  uniqueids:
    description: The Unique IDs of the calls whose MOS data V(mos) reads (as RV(records[].unique_id) shows them).
    type: list
    elements: str
notes:
  - With O(tenant) or O(tenant_id) only that tenant's CDRs are read (the API's C(server)); without either, no
    server filter is sent and the CDRs of the whole system are read.
  - Both the reference's header (C(Unique ID), C(MOS)) and the one the vendor's Postman collection expects
    (C(Tenant), C(ID)) read; the keys of RV(records) follow the header the server sends.
seealso:
  - module: bicom.pbxware.pbxware_transcription_info
  - module: bicom.pbxware.pbxware_archiving_info
"""

EXAMPLES = r"""
- name: The answered outgoing calls of tenant 344 on one day, and what they cost
  bicom.pbxware.pbxware_cdr_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    start: "2026-11-01"
    end: "2026-11-01"
    status: [answered]
    direction: outgoing
    report: [records, billamount]
  register: cdrs

- name: Calls from extension 101 between 09:00 and 12:30, New York time
  bicom.pbxware.pbxware_cdr_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    tenant: "344"
    start: "2026-11-02T09:00"
    end: "2026-11-02T12:30"
    timezone: America/New_York
    source_extensions: ["101"]
  register: morning

- name: Call quality of the calls that have MOS data
  bicom.pbxware.pbxware_cdr_info:
    url: https://pbx.example.com/index.php
    api_key: "{{ vault_pbxware_api_key }}"
    report: [mos]
    uniqueids: "{{ morning.records | selectattr('mos', 'gt', 0) | map(attribute='unique_id') | list }}"
  when: morning.records | selectattr('mos', 'gt', 0) | list | length > 0
"""

RETURN = r"""
records:
  description:
    - The matching CDRs, newest first, one dict per row keyed by the answer's header in snake case (C(Date/Time)
      is C(date_time)); V([]) when none match. The keys below are the reference's header.
    - A row that a later page repeats (pages shift when calls end while paging) is listed once.
  returned: when V(records) is read
  type: list
  elements: dict
  contains:
    from:
      description: The caller, C(Name (extension)) or a number.
      type: str
      sample: User 101 (101)
    to:
      description: The called party, C(Name (extension)) or a number.
      type: str
      sample: "12125550100"
    date_time:
      description: When the call started, a Unix timestamp.
      type: int
      sample: 1793648928
    total_duration:
      description: The call's duration in seconds, ringing included.
      type: int
      sample: 163
    rating_duration:
      description: The seconds billed.
      type: int
      sample: 159
    rating_cost:
      description: What the call cost.
      type: float
      sample: 0.053
    status:
      description: C(Answered), C(Unanswered), C(Busy) or C(Failed).
      type: str
      sample: Answered
    unique_id:
      description: The call's Unique ID (C(id) in the Postman collection's header).
      type: str
      sample: "1793648928.2028"
    recording_path:
      description: Where the call's recording is stored; empty when it has none.
      type: str
      sample: archive/2/2026/11/02/1793648928.2028.mp3
    recording_available:
      description: Whether the call has a recording.
      type: bool
      sample: true
    location_type:
      description: C(Local) or C(Remote), the location of the extension.
      type: str
      sample: Local
    mos:
      description: The call's MOS; 0 means no MOS data.
      type: float
      sample: 4.3
    tenant:
      description: The tenant code (only in the header the Postman collection expects).
      type: str
      sample: "344"
truncated:
  description: Whether more CDRs matched than O(max_records), so that RV(records) is not all of them.
  returned: when V(records) is read
  type: bool
  sample: false
pages:
  description: How many pages (C(pbxware.cdr.download) requests) were read.
  returned: when V(records) is read
  type: int
  sample: 1
billamount:
  description: The sum of the billing amounts of the matching CDRs.
  returned: when V(billamount) is read
  type: float
  sample: 12.75
mos:
  description: For each Unique ID of O(uniqueids), in that order, every channel of the call (V([]) when the
    server knows no such call).
  returned: when V(mos) is read
  type: list
  elements: dict
  contains:
    uniqueid:
      description: The Unique ID asked for.
      type: str
      sample: "1793648928.2028"
    channels:
      description: The channels with the same Linked ID as the call. MOS values of 0 mean no MOS data.
      type: list
      elements: dict
      sample:
        - {channel: PJSIP/344101-000054c2, linked_id: "1793648928.2028", uniqueid: "1793648928.2028",
           max_mos: 4.6, avg_mos: 4.3, min_mos: 4.1}
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.lookups import resolve_by_name
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import PBXwareModule
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.records import (
    CDR_DIRECTIONS, CDR_REPORTS, CDR_STATUSES, DEFAULT_MAX_RECORDS, DEFAULT_PAGE_SIZE, billamount, cdr_query,
    check_paging, check_uniqueids, download_cdrs, mos_channels)

ARGUMENT_SPEC = dict(
    report=dict(type="list", elements="str", choices=list(CDR_REPORTS), default=["records"]),
    start=dict(type="str"),
    start_time=dict(type="str"),
    end=dict(type="str"),
    end_time=dict(type="str"),
    timezone=dict(type="str"),
    source_extensions=dict(type="list", elements="str"),
    destination_extensions=dict(type="list", elements="str"),
    source_trunk=dict(type="str"),
    destination_trunk=dict(type="str"),
    status=dict(type="list", elements="str", choices=list(CDR_STATUSES)),
    direction=dict(type="str", choices=list(CDR_DIRECTIONS)),
    page_size=dict(type="int", default=DEFAULT_PAGE_SIZE),
    max_records=dict(type="int", default=DEFAULT_MAX_RECORDS),
    uniqueids=dict(type="list", elements="str"),
)
TRUNK_FILTERS = (("source_trunk", "trunk"), ("destination_trunk", "trunkdst"))


def main():
    module = PBXwareModule(ARGUMENT_SPEC, tenant_scoped=True, reads_only=True)
    params = module.params

    def work():
        report = params["report"]
        if not report:
            raise ReconcileError("report must name at least one of: %s" % ", ".join(CDR_REPORTS), "report")
        ranged = "records" in report or "billamount" in report
        query = cdr_query(params) if ranged else {}
        page_size, max_records = check_paging(params)
        uniqueids = check_uniqueids(params["uniqueids"], "uniqueids") if "mos" in report else None
        if uniqueids is None and params["uniqueids"]:
            raise ReconcileError("uniqueids is used only by report mos; add mos to report", "uniqueids")
        if ranged:
            query.update(module.server_filter())
        for option, api_name in TRUNK_FILTERS:
            if api_name in query and not query[api_name].isdigit():
                query[api_name] = resolve_by_name(module.client, "pbxware.trunk.list", {}, query[api_name], option,
                                                  "trunk")
        result = {"changed": False}
        if "records" in report:
            result["records"], result["pages"], result["truncated"] = download_cdrs(
                module.client, query, page_size, max_records)
        if "billamount" in report:
            result["billamount"] = billamount(module.client.read("pbxware.cdr.billamount", query))
        if uniqueids is not None:
            result["mos"] = [{"uniqueid": uniqueid, "channels": mos_channels(
                module.client.read("pbxware.cdr.mos", {"uniqueid": uniqueid}))} for uniqueid in uniqueids]
        return result

    module.run(work)


if __name__ == "__main__":
    main()
