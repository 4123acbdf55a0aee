"""Concurrent writers and the single-tenant (non tenant mode) server."""
import json
import threading

import pytest

TENANT_MODE_ERROR = 'Tenant mode disabled, please use action "server" object instead of "tenant"'


def test_concurrent_tenant_adds_lose_nothing(sim):
    ids, errors = [], []

    def worker(thread_no):
        for i in range(5):
            n = thread_no * 5 + i
            answer = sim.post("pbxware.tenant.add", tenant_name="c%d.example.com" % n, tenant_code=str(100 + n),
                              package=1, ext_length=3, country=869, national=1, international="011")
            (ids if "id" in answer else errors).append(answer.get("id", answer))

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(ids) == len(set(ids)) == 100
    tenants = sim.post("pbxware.tenant.list")
    assert len(tenants) == 102
    assert sorted(int(k) for k in tenants if k not in ("2", "3")) == sorted(ids)
    assert len({t["tenantcode"] for t in tenants.values()}) == 102


def test_concurrent_writes_with_state_file(make_sim, tmp_path):
    state_file = tmp_path / "state.json"
    client = make_sim(state_path=str(state_file))
    threads = [threading.Thread(target=client.post, args=("pbxware.uads.activate",), kwargs={"id": uad})
               for uad in (30, 31, 71, 89, 136, 137)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(u["enabled"] for u in client.post("pbxware.uads.list").values())
    assert all(u["enabled"] for u in json.loads(state_file.read_text())["uads"].values())


@pytest.fixture
def single(make_sim):
    return make_sim(tenant_mode=False)


@pytest.mark.parametrize("action,args", [
    ("pbxware.tenant.list", {}),
    ("pbxware.tenant.configuration", {"id": 2}),
    ("pbxware.tenant.add", {"tenant_name": "x.example.com"}),
    ("pbxware.tenant.edit", {"server": 1, "id": 2}),
    ("pbxware.tenant.delete", {"server": 1, "id": 2}),
    ("pbxware.package.list", {}),
])
def test_single_tenant_refuses_tenant_actions(single, action, args):
    assert single.post(action, **args) == {"error": TENANT_MODE_ERROR}


def test_single_tenant_server_and_other_objects(single):
    config = single.post("pbxware.server.configuration")
    assert config["server_name"] == "PBXware" and "numbering" not in config
    assert single.post("pbxware.uads.list", server=1)["50"]["enabled"] is True
    assert single.post("pbxware.uads.list", server=2) == {"error": "Invalid server ID."}
    assert "2316" in single.post("pbxware.trunk.list", server=1)
    assert single.post("pbxware.trunk.list", server=2) == []  # the filter applies outside tenant mode
    assert single.post("pbxware.trunk.configuration", trunkid=2316, server=2) == {"error": "Invalid server ID."}
    answer = single.post("pbxware.trunk.add", server=2, name="X", provider_id=20, type="peer",
                         dtmfmode="auto", status="active", country=869, national=1, international="011",
                         emerg_trunk="no", host="h.example", username="u", insecure="port", looserouting="no",
                         incominglimit=1, outgoinglimit=1, codecs="ulaw", codecs_ptime="20")
    assert answer == {"error": "Invalid server ID."}
    assert single.control("GET", "/_sim/health")[1]["tenant_mode"] is False
