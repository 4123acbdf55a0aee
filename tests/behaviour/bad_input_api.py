# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue, the raw API module (pbxware_api). Same shape as bad_input_cases
(which appends these CASES).

Derived from plugins/modules/pbxware_api.py and plugins/module_utils/engine/raw.py: an action
name of the reference's shape, no argument the client sends itself, the server given once.
"""

from bad_input_common import NONE, READS, case
from harness import T1_CODE

CASES = [
    case("api-action-shape", "api", dict(action="pbxware.ext"), "action", "pbxware.<object>.<method>", NONE),
    case("api-action-case", "api", dict(action="pbxware.Ext.List"), "action", "in lower case", NONE),
    case("api-arguments-apikey", "api", dict(action="ext.list", arguments={"apikey": "x"}), "arguments",
         "arguments.apikey cannot be given", NONE),
    case("api-arguments-apiformat", "api", dict(action="ext.list", arguments={"apiformat": "php"}), "arguments",
         "read as JSON", NONE),
    case("api-server-twice", "api", dict(action="ext.add", server=2, arguments={"server": 2, "name": "Ann"}),
         "server", "give the server once", NONE),
    case("api-server-and-tenant", "api", dict(action="ext.list", server=2, tenant=T1_CODE), "server",
         "mutually exclusive", NONE),
    case("api-read-only-type", "api", dict(action="ext.list", read_only="maybe"), "read_only",
         "unable to convert to bool", NONE),
    case("api-tenant-unknown", "api", dict(action="ext.list", tenant="nosuch"), "tenant", "not found", READS),
]
