# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import pytest
import requests
from ansible.module_utils.testing import patch_module_args

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import raw
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import is_read_action
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import mask_settings
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.modules import pbxware_api

KEY = "unit-test-key-0123456789"
SECRET = "Sx-4f9a1c7e2bQ9"
PIN = "4827"

# Every method of the reference's 275 actions (shared/spec/actions.txt), by what it does.
READ_METHODS = (
    "list", "configuration", "get", "get_osc", "info", "download", "providers", "groups", "slaves", "rates",
    "billing", "billing_info", "billing_history", "call_rating", "call_rating_info", "call_rating_history",
    "sms_rating_info", "billamount", "mos", "calls", "cpu", "memory", "services", "disk_usage", "ext_online",
    "sip_registrations", "licensing", "glocom_editions", "glocom_users", "last_refreshed", "live_calls", "trunks",
    "bulk_list")
WRITE_METHODS = (
    "add", "edit", "delete", "set", "set_osc", "balance", "members", "additional_macs", "reset_inclusive_minutes",
    "reset_inclusive_messages", "activate", "deactivate", "refresh", "start", "stop", "pause", "unpause",
    "send_message")


# -- the rules, without Ansible ------------------------------------------------

@pytest.mark.parametrize("method", READ_METHODS)
def test_read_methods(method):
    assert is_read_action("pbxware.object." + method)
    assert raw.reads("pbxware.object." + method) and not raw.reads("pbxware.object." + method, read_only=False)


@pytest.mark.parametrize("method", WRITE_METHODS + ("frobnicate",))
def test_write_methods_and_unknown_ones(method):
    assert not is_read_action("pbxware.object." + method)
    assert not raw.reads("pbxware.object." + method) and raw.reads("pbxware.object." + method, read_only=True)


@pytest.mark.parametrize("action, read", [
    ("pbxware.erg.members", False),  # sets an ERG's members
    ("pbxware.ext.es.callfwd.get_osc", True),
    ("pbxware.ext.es.states.set", False),
    ("pbxware.tenant.trunks.list", True),
    ("pbxware.tenant.trunks.set", False),
    ("pbxware.monitor.trunks", True),
    ("pbxware.license.refresh", False),
    ("pbxware.license.info", True),
    ("pbxware.cdr.download", True),
    ("pbxware.ext.voicemail.delete", False),
])
def test_whole_names(action, read):
    assert is_read_action(action) is read


@pytest.mark.parametrize("name, full", [
    ("pbxware.ext.list", "pbxware.ext.list"),
    ("ext.list", "pbxware.ext.list"),
    ("ext.es.callfwd.get", "pbxware.ext.es.callfwd.get"),
    ("otimes.dial_group.set", "pbxware.otimes.dial_group.set"),
])
def test_full_action_name(name, full):
    assert raw.full_action_name(name) == full


@pytest.mark.parametrize("name", ["ext", "pbxware.ext", "pbxware", "", None, "pbxware.Ext.List", "ext.list ",
                                  "ext..list", "ext.list&apikey=x", "index.php?action=pbxware.ext.list"])
def test_bad_action_names(name):
    with pytest.raises(ReconcileError, match="pbxware.<object>.<method>") as info:
        raw.full_action_name(name)
    assert info.value.parameter == "action"


@pytest.mark.parametrize("name", ["apikey", "APIKEY", "action", "apiformat"])
def test_reserved_arguments(name):
    with pytest.raises(ReconcileError, match="arguments.%s cannot be given" % name):
        raw.check_arguments({"server": 2, name: "x"})


def test_secret_values_are_found_at_any_depth():
    arguments = {"server": 2, "secret": SECRET, "pin": 1234, "require_pin": True, "pbd_pin_length": 4,
                 "keymap": {"1": {"type": "ex", "password": "deep-pw"}}, "auth": ["a-1", "a-2"], "name": "Ann",
                 "appassword": None, "ldappassword": ""}
    assert sorted(raw.secret_values(arguments)) == sorted([SECRET, "1234", "deep-pw", "a-1", "a-2"])


def test_mask_settings_reaches_lists():
    answer = [{"ext": "101", "secret": SECRET}, {"members": [{"ext": "1", "pin": PIN}], "pin": ""}]
    assert mask_settings(answer) == [{"ext": "101", "secret": "********"},
                                     {"members": [{"ext": "1", "pin": "********"}], "pin": ""}]
    assert mask_settings({"auth": ["x"], "codecs": ["ulaw"]}) == {"auth": "********", "codecs": ["ulaw"]}
    assert mask_settings(answer, reveal=True) is answer


# -- the module, against a fake session ----------------------------------------

class Answer(object):
    def __init__(self, body, status=200, headers=None):
        self.status_code = status
        self.text = body if isinstance(body, str) else json.dumps(body)
        self.headers = headers or {}


def run(monkeypatch, capsys, answers, check_mode=False, **args):
    """``(result, posts)``: the module's exit JSON and every request as ``(action, [(argument, value)...])``."""
    posts = []
    answers = list(answers)

    def post(session, url, data=None, **kwargs):
        assert data[0] == ("apikey", KEY) and data[1][0] == "action" and "apikey" not in url
        posts.append((data[1][1], data[2:]))
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    monkeypatch.setattr(requests.Session, "post", post)
    with patch_module_args(dict(url="http://pbx.invalid/index.php", api_key=KEY, _ansible_check_mode=check_mode,
                                **args)):
        with pytest.raises(SystemExit):
            pbxware_api.main()
    return json.loads(capsys.readouterr().out), posts


EXTENSIONS = {"57": {"ext": "101", "name": "{{ 7 * 7 }}", "protocol": "sip"}}
CONFIGURATION = {"57": {"ext": "101", "name": "Ann", "options": {"secret": SECRET, "pin": PIN, "voicemail": "yes"}}}


def test_a_read_runs_in_check_mode_and_changes_nothing(monkeypatch, capsys):
    result, posts = run(monkeypatch, capsys, [Answer(EXTENSIONS)], check_mode=True, action="ext.list",
                        arguments={"server": 2})
    assert posts == [("pbxware.ext.list", [("server", "2")])]
    assert result["changed"] is False and result["sent"] is True and result["read_only"] is True
    assert result["action"] == "pbxware.ext.list" and result["answer"] == EXTENSIONS


def test_a_write_in_check_mode_sends_nothing(monkeypatch, capsys):
    arguments = {"name": "Ann", "ext": "101", "secret": SECRET, "pin": PIN, "voicemail": True}
    result, posts = run(monkeypatch, capsys, [], check_mode=True, action="pbxware.ext.add", server=2,
                        arguments=arguments)
    assert posts == []
    assert result["changed"] is True and result["sent"] is False and "answer" not in result
    assert result["arguments"] == {"server": 2, "name": "Ann", "ext": "101", "secret": "********", "pin": "********",
                                   "voicemail": True}
    assert SECRET not in json.dumps(result) and PIN not in json.dumps(result)


def test_a_write_is_sent_once_encoded_and_masked(monkeypatch, capsys):
    arguments = {"name": "Ann", "secret": SECRET, "pin": PIN, "voicemail": True, "codecs": ["ulaw", "alaw"],
                 "keymap": {"1": {"type": "ex", "destination": "101"}}, "email": None}
    result, posts = run(monkeypatch, capsys, [Answer({"success": "Extension ID: 58", "id": "58"})],
                        action="pbxware.ext.add", server=2, arguments=arguments)
    assert posts == [("pbxware.ext.add", [("server", "2"), ("name", "Ann"), ("secret", SECRET), ("pin", PIN),
                                          ("voicemail", "1"), ("codecs[]", "ulaw"), ("codecs[]", "alaw"),
                                          ("keymap[1][type]", "ex"), ("keymap[1][destination]", "101")])]
    assert result["changed"] is True and result["sent"] is True and result["answer"]["id"] == "58"
    assert result["arguments"]["secret"] == "********" and result["arguments"]["pin"] == "********"
    assert SECRET not in json.dumps(result) and PIN not in json.dumps(result)  # the printed invocation too


def test_the_answer_is_masked_unless_revealed(monkeypatch, capsys):
    result = run(monkeypatch, capsys, [Answer(CONFIGURATION)], action="ext.configuration", arguments={"id": 57})[0]
    assert result["answer"]["57"]["options"] == {"secret": "********", "pin": "********", "voicemail": "yes"}
    result = run(monkeypatch, capsys, [Answer(CONFIGURATION)], action="ext.configuration", arguments={"id": 57},
                 reveal_secrets=True)[0]
    assert result["answer"]["57"]["options"]["secret"] == SECRET


def test_read_only_overrides_the_method(monkeypatch, capsys):
    result, posts = run(monkeypatch, capsys, [], check_mode=True, action="ext.list", read_only=False)
    assert posts == [] and result["changed"] is True and result["read_only"] is False
    result, posts = run(monkeypatch, capsys, [Answer({"calls": "3"})], check_mode=True, action="pbxware.stats.now",
                        read_only=True)
    assert [action for action, args in posts] == ["pbxware.stats.now"] and result["changed"] is False


def test_a_read_is_retried(monkeypatch, capsys):
    busy = Answer("Failed to generate configuration", status=503, headers={"Retry-After": "0"})
    result, posts = run(monkeypatch, capsys, [busy, Answer([])], action="pbxware.uads.list")
    assert len(posts) == 2 and result["answer"] == []


def test_a_write_is_never_retried(monkeypatch, capsys):
    result, posts = run(monkeypatch, capsys, [requests.exceptions.ReadTimeout("read timed out"), Answer({})],
                        action="pbxware.recording.start", arguments={"server": 2, "ext": "101"})
    assert len(posts) == 1 and result["failed"]
    assert "pbxware.recording.start" in result["msg"] and "may have been applied" in result["msg"]


def test_tenant_by_code(monkeypatch, capsys):
    tenants = {"2": {"name": "t1.example.com", "tenantcode": "344"},
               "3": {"name": "t2.example.com", "tenantcode": "454"}}
    result, posts = run(monkeypatch, capsys, [Answer(tenants), Answer([])], action="did.list", tenant="454")
    assert posts == [("pbxware.tenant.list", []), ("pbxware.did.list", [("server", "3")])]
    assert result["arguments"] == {"server": "3"}


def test_an_api_error_names_the_action_and_hides_secrets(monkeypatch, capsys):
    answer = Answer({"error": "Invalid data for secret %s (key %s)" % (SECRET, KEY)})
    result = run(monkeypatch, capsys, [answer], action="ext.edit", server=2, arguments={"id": 57, "secret": SECRET})[0]
    assert result["failed"]
    assert result["msg"].startswith("PBXware API action pbxware.ext.edit failed: Invalid data for secret ")
    assert SECRET not in json.dumps(result) and KEY not in json.dumps(result)


@pytest.mark.parametrize("args, parameter", [
    (dict(action="pbxware.ext"), "action"),
    (dict(action="ext.list", arguments={"apikey": KEY}), "arguments"),
    (dict(action="ext.list", server=2, arguments={"server": 3}), "server"),
])
def test_bad_input_is_refused_before_any_request(monkeypatch, capsys, args, parameter):
    result, posts = run(monkeypatch, capsys, [], **args)
    assert posts == [] and result["failed"] and "(parameter: %s)" % parameter in result["msg"]
    assert KEY not in json.dumps(result)


def test_server_and_tenant_are_exclusive(monkeypatch, capsys):
    result, posts = run(monkeypatch, capsys, [], action="ext.list", server=2, tenant="344")
    assert posts == [] and "mutually exclusive" in result["msg"]
