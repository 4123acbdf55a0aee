"""The fault kinds the behaviour fault matrix uses (tests/behaviour/fault_matrix.py).

Each kind either performs the action or not; these tests pin which, and what
comes back (or does not), so the matrix's expectations rest on them.
"""
import email.utils
import http.client
import json
import time
import urllib.error

import pytest

from conftest import API_KEY
from pbxware_sim.server import API_ERROR_TEXT, FAULT_KINDS, Fault

TENANT = {"tenant_name": "late.example.com", "tenant_code": "778", "package": "1", "ext_length": "3",
          "country": "869", "national": "1", "international": "011"}
NO_ANSWER = (http.client.RemoteDisconnected, ConnectionError, urllib.error.URLError, OSError)


def add_fault(client, **spec):
    status, answer = client.control("POST", "/_sim/faults", spec)
    assert status == 200 and answer["ok"], answer


def tenant_add(client, timeout=10):
    return client.raw(form=dict(TENANT, apikey=API_KEY, action="pbxware.tenant.add"), timeout=timeout)


def tenant_added(client):
    return any(row.get("tenantcode") == TENANT["tenant_code"] for row in client.post("pbxware.tenant.list").values())


def test_every_kind_parses():
    for kind in FAULT_KINDS:
        assert Fault.parse("%s:pbxware.*:2" % kind).kind == kind
    assert Fault.create("apply_late").seconds == 3.0 and Fault.create("hang").seconds == 5.0


def test_login_page_is_html_with_a_password_field_and_does_not_perform(sim):
    add_fault(sim, kind="login_page", pattern="pbxware.tenant.add")
    status, _, body = tenant_add(sim)
    assert status == 200 and b'type="password"' in body and b"Login" in body
    assert not tenant_added(sim)
    assert sim.sim.log.summary()["entries"][0]["outcome"] == "fault:login_page"


def test_api_error_answers_an_error_without_performing(sim):
    add_fault(sim, kind="api_error", pattern="pbxware.tenant.add")
    status, _, body = tenant_add(sim)
    assert status == 200 and json.loads(body) == {"error": API_ERROR_TEXT}
    assert not tenant_added(sim)


def test_empty_list_answers_brackets_without_performing(sim):
    add_fault(sim, kind="empty_list", pattern="pbxware.tenant.add")
    assert tenant_add(sim)[::2] == (200, b"[]")
    assert not tenant_added(sim)


def test_truncated_json_performs_and_cuts_the_answer(sim):
    add_fault(sim, kind="truncated_json", pattern="pbxware.tenant.add")
    status, headers, body = tenant_add(sim)
    assert status == 200 and body.startswith(b"{") and int(headers["Content-Length"]) == len(body)
    with pytest.raises(ValueError):
        json.loads(body)
    assert tenant_added(sim)


def test_http429_date_gives_retry_after_as_an_http_date(sim):
    add_fault(sim, kind="http429_date", pattern="pbxware.tenant.list", seconds=3)
    status, headers, body = sim.raw(form={"apikey": API_KEY, "action": "pbxware.tenant.list"})
    assert status == 429 and b"<html>" in body
    when = email.utils.parsedate_to_datetime(headers["Retry-After"]).timestamp()
    assert 1.5 < when - time.time() <= 3.0


def test_drop_after_success_performs_then_closes_unanswered(sim):
    add_fault(sim, kind="drop_after_success", pattern="pbxware.tenant.add")
    with pytest.raises(NO_ANSWER):
        tenant_add(sim)
    assert tenant_added(sim)
    assert sim.sim.log.summary()["entries"][0]["status"] is None


def test_hang_answers_nothing_and_does_not_perform(sim):
    add_fault(sim, kind="hang", pattern="pbxware.tenant.add", seconds=0.6)
    with pytest.raises(NO_ANSWER):
        tenant_add(sim, timeout=0.3)
    time.sleep(0.6)
    assert not tenant_added(sim)


def test_apply_late_performs_after_the_client_gave_up(sim):
    add_fault(sim, kind="apply_late", pattern="pbxware.tenant.add", seconds=0.8)
    started = time.monotonic()
    with pytest.raises(NO_ANSWER):
        tenant_add(sim, timeout=0.3)
    assert not tenant_added(sim)  # the client's fresh read: not there yet
    while not tenant_added(sim):
        assert time.monotonic() - started < 5, "the late write never landed"
        time.sleep(0.05)
    assert time.monotonic() - started >= 0.8
    # Logged once, when it arrived.
    assert sim.sim.log.summary()["by_action"]["pbxware.tenant.add"] == 1


def test_reset_cancels_a_pending_late_apply(sim):
    add_fault(sim, kind="apply_late", pattern="pbxware.tenant.add", seconds=0.5)
    with pytest.raises(NO_ANSWER):
        tenant_add(sim, timeout=0.2)
    assert sim.control("POST", "/_sim/reset")[0] == 200
    time.sleep(0.7)
    assert not tenant_added(sim)
