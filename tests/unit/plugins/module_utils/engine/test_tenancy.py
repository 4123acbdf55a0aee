# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import (
    TenantNotFound, list_tenants, resolve_server)

TENANT_LIST = {
    "2": {"name": "t1.dot.com", "tenantcode": "344", "package_id": "1", "package": "Package 1",
          "ext_length": 3, "country_id": "869", "country_code": "1"},
    "7": {"name": "t2.dot.com", "tenantcode": 454, "package_id": 2, "package": "Package 2",
          "ext_length": "4", "country_id": 869, "country_code": "1"},
}


class FakeClient(object):
    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    def read(self, action, params=None):
        self.calls.append(action)
        return self.answer


def test_rows_are_normalised_whatever_types_the_server_sends():
    rows = list_tenants(FakeClient(TENANT_LIST))
    assert rows[1] == {"id": 7, "name": "t2.dot.com", "tenant_code": "454", "package_id": 2,
                       "package": "Package 2", "ext_length": 4, "country_id": 869, "country_code": "1"}
    assert [row["id"] for row in rows] == [2, 7]
    assert list_tenants(FakeClient([])) == []


@pytest.mark.parametrize("tenant", ["t2.dot.com", "T2.DOT.COM", "454", 454])
def test_tenant_by_name_or_code(tenant):
    assert resolve_server(FakeClient(TENANT_LIST), tenant=tenant) == "7"


def test_tenant_id_and_master_need_no_call():
    client = FakeClient(TENANT_LIST)
    assert resolve_server(client, tenant_id=9) == "9"
    assert resolve_server(client) == "1"
    assert client.calls == []


def test_unknown_tenant_lists_the_closest_names():
    with pytest.raises(TenantNotFound) as info:
        resolve_server(FakeClient(TENANT_LIST), tenant="t3.dot.com")
    assert "'t3.dot.com' not found" in info.value.message
    closest = info.value.message.split("closest: ")[1].split(", ")
    assert sorted(closest) == ["t1.dot.com", "t2.dot.com"]
    assert info.value.parameter == "tenant"
