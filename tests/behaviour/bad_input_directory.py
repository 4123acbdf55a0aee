# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue, the directory reads: routes, rating destinations, ARI applications,
and the tenant of the SMS trunk info. Same shape as bad_input_cases (which appends these CASES).

Derived from plugins/modules/pbxware_{route,destination,ari,sms_trunk}_info.py and
plugins/module_utils/resources/directory.py: no empty filter, a route by ID or known country
name, a known destination group, one tenant given once, a tenant ID of 1 or more.
"""

from bad_input_common import NONE, READS, case
from harness import T1_CODE

CASES = [
    case("route-info-names-empty-item", "route_info", dict(names=["Canada", ""]), "names", "cannot be empty", NONE),
    case("route-info-codes-empty", "route_info", dict(codes=[]), "codes", "cannot be an empty list", NONE),
    case("route-info-tenant", "route_info", dict(tenant=T1_CODE), "tenant", "Unsupported parameters", NONE),
    case("destination-info-route-empty", "destination_info", dict(route=""), "route", "cannot be empty", NONE),
    case("destination-info-route-unknown", "destination_info", dict(route="Atlantis"), "route",
         "not a route ID or country name", READS),
    case("destination-info-group-unknown", "destination_info", dict(route="135", destination_group="zzz"),
         "destination_group", "not the ID or name of a destination group", READS),
    case("destination-info-names-type", "destination_info", dict(names={"GSM": 1}), "names",
         "unable to convert to list", NONE),
    case("ari-info-names-empty", "ari_info", dict(names=[""]), "names", "cannot be empty", NONE),
    case("ari-info-exclusive", "ari_info", dict(tenant=T1_CODE, tenant_id=2), "tenant_id", "mutually exclusive",
         NONE),
    case("ari-info-tenant-id-zero", "ari_info", dict(tenant_id=0), "tenant_id", "1 or more", NONE),
    case("ari-info-tenant-unknown", "ari_info", dict(tenant="nosuch"), "tenant", "not found", READS),
    case("sms-info-exclusive", "sms_trunk_info", dict(tenant=T1_CODE, tenant_id=2), "tenant_id",
         "mutually exclusive", NONE),
    case("sms-info-tenant-id-negative", "sms_trunk_info", dict(tenant_id=-1), "tenant_id", "1 or more", NONE),
    case("sms-info-tenant-unknown", "sms_trunk_info", dict(tenant="nosuch"), "tenant", "not found", READS),
]
