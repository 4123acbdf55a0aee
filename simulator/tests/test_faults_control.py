"""Fault injection and the /_sim/ control paths."""
import http.client
import json
import threading
import time
import urllib.error

import pytest

from conftest import API_KEY
from pbxware_sim.server import Fault

TENANT = {"tenant_name": "slow.example.com", "tenant_code": "777", "package": "1", "ext_length": "3",
          "country": "869", "national": "1", "international": "011"}


def add_fault(client, **spec):
    status, answer = client.control("POST", "/_sim/faults", spec)
    assert status == 200 and answer["ok"], answer


def list_call(client):
    return client.raw(form={"apikey": API_KEY, "action": "pbxware.tenant.list"})


@pytest.mark.parametrize("kind,status", [("http500", 500), ("http502", 502), ("http503", 503), ("http429", 429)])
def test_http_error_faults(sim, kind, status):
    add_fault(sim, kind=kind, pattern="pbxware.tenant.*")
    got, headers, body = list_call(sim)
    assert got == status and b"<html>" in body
    assert (headers.get("Retry-After") == "1") == (kind == "http429")
    assert list_call(sim)[0] == 200  # count defaults to 1
    assert sim.sim.log.summary()["entries"][0]["outcome"] == "fault:" + kind


@pytest.mark.parametrize("kind,body", [("nonjson", b"Failed to generate configuration"), ("empty", b"")])
def test_body_faults(sim, kind, body):
    add_fault(sim, kind=kind, pattern="*")
    assert list_call(sim)[::2] == (200, body)


def test_html_fault(sim):
    add_fault(sim, kind="html", pattern="pbxware.tenant.list")
    status, headers, body = list_call(sim)
    assert status == 200 and body.lstrip().startswith(b"<!DOCTYPE html>")
    with pytest.raises(ValueError):
        json.loads(body)


def test_drop_closes_without_answer_and_does_not_perform(sim):
    add_fault(sim, kind="drop", pattern="pbxware.tenant.add")
    with pytest.raises((http.client.RemoteDisconnected, ConnectionError, urllib.error.URLError)):
        sim.raw(form=dict(TENANT, apikey=API_KEY, action="pbxware.tenant.add"))
    assert "4" not in sim.post("pbxware.tenant.list")


def test_latency_fault(sim):
    add_fault(sim, kind="latency", pattern="pbxware.tenant.list", seconds=0.3)
    started = time.monotonic()
    status, _, body = list_call(sim)
    assert time.monotonic() - started >= 0.3 and "2" in json.loads(body)
    assert sim.sim.log.summary()["entries"][0]["outcome"] == "fault:latency"


def test_timeout_after_success_performs_the_write(sim):
    add_fault(sim, kind="timeout_after_success", pattern="pbxware.tenant.add", seconds=2)
    with pytest.raises(OSError):  # socket.timeout is an OSError
        sim.raw(form=dict(TENANT, apikey=API_KEY, action="pbxware.tenant.add"), timeout=0.5)
    tenants = sim.post("pbxware.tenant.list")  # answered while the slow call still sleeps
    assert tenants["4"]["name"] == "slow.example.com"
    assert sim.post("pbxware.tenant.add", **TENANT) == {"error": "Tenant code 777 already exists."}


def test_count_pattern_and_forever(sim):
    add_fault(sim, kind="http503", pattern="pbxware.package.*", count=2)
    assert list_call(sim)[0] == 200  # pattern does not match tenant.list
    codes = [sim.raw(form={"apikey": API_KEY, "action": "pbxware.package.list"})[0] for _ in range(3)]
    assert codes == [503, 503, 200]
    add_fault(sim, kind="nonjson", pattern="*", count=0)
    assert all(list_call(sim)[2] == b"Failed to generate configuration" for _ in range(5))
    assert sim.control("GET", "/_sim/faults")[1]["faults"][0]["fired"] == 5


def test_clear_faults(sim):
    for method, path in (("DELETE", "/_sim/faults"), ("POST", "/_sim/faults/clear")):
        add_fault(sim, kind="http500", count=0)
        assert sim.control(method, path) == (200, {"ok": True})
        assert list_call(sim)[0] == 200


def test_bad_fault_spec(sim):
    assert sim.control("POST", "/_sim/faults", {"kind": "explode"})[0] == 400
    assert sim.control("POST", "/_sim/faults", {"pattern": "*"})[0] == 400
    with pytest.raises(ValueError):
        Fault.parse("latency")
    fault = Fault.parse("timeout_after_success:pbxware.tenant.add")
    assert (fault.count, fault.seconds) == (1, 5.0)
    assert Fault.parse("latency:*:0:2.5") == Fault("latency", "*", 0, 2.5)


def test_requests_counts_and_clear(sim):
    sim.post("pbxware.tenant.list")
    sim.post("pbxware.tenant.list")
    sim.post("pbxware.package.add", name="P", call_recordings=1, monitoring=1, call_screening=1, extensions=5,
             voicemails=5, queues=5, cfs=5, rgroups=5, hot_desking=5, ivrs=5)
    status, summary = sim.control("GET", "/_sim/requests")
    assert status == 200
    assert (summary["total"], summary["writes"]) == (3, 1)
    assert summary["by_action"] == {"pbxware.tenant.list": 2, "pbxware.package.add": 1}
    assert len(summary["entries"]) == 3
    assert sim.control("POST", "/_sim/requests/clear") == (200, {"ok": True})
    assert sim.control("GET", "/_sim/requests")[1]["total"] == 0


def test_reset_restores_fixture_and_clears(sim):
    sim.post("pbxware.tenant.delete", server=1, id=2)
    add_fault(sim, kind="http500", pattern="pbxware.route.*", count=0)
    assert sim.control("POST", "/_sim/reset") == (200, {"ok": True})
    assert sorted(sim.post("pbxware.tenant.list")) == ["2", "3"]
    assert sim.control("GET", "/_sim/faults")[1] == {"faults": []}
    assert sim.control("GET", "/_sim/requests")[1]["total"] == 1


def test_health_state_and_unknown_control_path(sim):
    status, health = sim.control("GET", "/_sim/health")
    assert status == 200 and health["status"] == "ok" and health["tenant_mode"] is True and health["strict"]
    assert "2" in sim.control("GET", "/_sim/state")[1]["tenants"]
    assert sim.control("GET", "/_sim/nope")[0] == 404
    assert sim.sim.log.summary()["total"] == 0  # control paths are not API requests


def test_control_paths_need_no_api_key_and_concurrent_faults_fire_once(sim):
    add_fault(sim, kind="http500", pattern="pbxware.tenant.list", count=3)
    codes = []
    threads = [threading.Thread(target=lambda: codes.append(list_call(sim)[0])) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(codes) == [200] * 7 + [500] * 3
