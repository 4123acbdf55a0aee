# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue, the dashboard, license and monitor modules. Same shape as
bad_input_cases (which appends these CASES).

Derived from plugins/modules/pbxware_{dashboard_info,license_info,license_refresh,monitor_info}.py
and plugins/module_utils/resources/operations.py: views from their choices and never none, a
tenant ID of 1 or more, an existing tenant; the license modules take no option but the connection's.
"""

from bad_input_common import NONE, READS, case

CASES = [
    case("dashboard-views-none", "dashboard_info", dict(views=[]), "views", "at least one view", NONE),
    case("dashboard-views-choice", "dashboard_info", dict(views=["disk"]), "views", "one or more of", NONE),
    case("dashboard-tenant-id-zero", "dashboard_info", dict(tenant_id=0), "tenant_id", "1 or more", NONE),
    case("dashboard-tenant-unknown", "dashboard_info", dict(tenant="nosuch"), "tenant", "not found", READS),
    case("monitor-views-none", "monitor_info", dict(views=[]), "views", "at least one view", NONE),
    case("monitor-views-choice", "monitor_info", dict(views=["calls"]), "views", "one or more of", NONE),
    case("monitor-tenant-id-negative", "monitor_info", dict(tenant_id=-2), "tenant_id", "1 or more", NONE),
    case("monitor-tenant-unknown", "monitor_info", dict(tenant="nosuch"), "tenant", "not found", READS),
    case("license-info-tenant", "license_info", dict(tenant="344"), "tenant", "Unsupported parameters", NONE),
    case("license-info-url-missing", "license_info", dict(url=None), "url", "missing required arguments", NONE),
    case("license-info-timeout-type", "license_info", dict(timeout="soon"), "timeout", "unable to convert to int",
         NONE),
    case("license-refresh-force", "license_refresh", dict(force=True), "force", "Unsupported parameters", NONE),
    case("license-refresh-url-scheme", "license_refresh", dict(url="ftp://127.0.0.1/index.php"), "url",
         "http:// or https://", NONE),
    case("license-refresh-timeout-type", "license_refresh", dict(timeout="soon"), "timeout",
         "unable to convert to int", NONE, check_mode=True),
]
