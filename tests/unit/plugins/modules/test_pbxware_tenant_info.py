# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import pytest
import requests
from ansible.module_utils.testing import patch_module_args

from ansible_collections.bicom.pbxware.plugins.modules import pbxware_tenant_info

KEY = "unit-test-key-0123456789"
TENANTS = {
    "2": {"name": "t1.example.com", "tenantcode": "344", "package_id": 1, "package": "Basic",
          "ext_length": 3, "country_id": 869, "country_code": "1"},
    "3": {"name": "shop.example.org", "tenantcode": "345", "package_id": "2", "package": "Business",
          "ext_length": "4", "country_id": "869", "country_code": "1"},
}


class Answer(object):
    def __init__(self, body, status=200):
        self.status_code = status
        self.text = json.dumps(body)
        self.headers = {}


def run(monkeypatch, capsys, answer, **args):
    posts = []

    def post(session, url, data=None, **kwargs):
        posts.append((url, data))
        return answer

    monkeypatch.setattr(requests.Session, "post", post)
    with patch_module_args(dict(url="http://pbx.invalid/index.php", api_key=KEY, **args)):
        with pytest.raises(SystemExit):
            pbxware_tenant_info.main()
    return json.loads(capsys.readouterr().out), posts


def test_lists_and_filters_tenants(monkeypatch, capsys):
    result, posts = run(monkeypatch, capsys, Answer(TENANTS), name="*.EXAMPLE.com")
    assert not result["changed"]
    assert result["tenants"] == [{"id": 2, "name": "t1.example.com", "tenant_code": "344", "package_id": 1,
                                  "package": "Basic", "ext_length": 3, "country_id": 869, "country_code": "1"}]
    assert posts[0][0] == "http://pbx.invalid/index.php" and ("apikey", KEY) in posts[0][1]


def test_filter_by_code(monkeypatch, capsys):
    result = run(monkeypatch, capsys, Answer(TENANTS), tenant_code="345")[0]
    assert [tenant["id"] for tenant in result["tenants"]] == [3]


def test_no_tenants_is_an_empty_list(monkeypatch, capsys):
    result = run(monkeypatch, capsys, Answer([]))[0]
    assert result["tenants"] == []


def test_api_error_fails_with_the_action_and_no_key(monkeypatch, capsys):
    result = run(monkeypatch, capsys, Answer({"error": "Invalid API key. (%s)" % KEY}))[0]
    assert result["failed"]
    assert result["msg"].startswith("PBXware API action pbxware.tenant.list failed: Invalid API key.")
    assert KEY not in json.dumps(result)
