"""The ``pbxware-sim`` command: ready line, --state, --fixture, --single-tenant, --fault, --request-log."""
import json

import pytest

from pbxware_sim.cli import parse_args

TENANT = {"tenant_name": "kept.example.com", "tenant_code": "321", "package": "2", "ext_length": "4",
          "country": "862", "national": "0", "international": "00"}


def test_ready_line_and_request_log(run_cli, tmp_path):
    log = tmp_path / "requests.jsonl"
    process = run_cli("--request-log", str(log))
    assert process.ready_line.startswith("pbxware-sim listening on http://127.0.0.1:")
    assert process.client.get("pbxware.route.list")["869"] == ["1", "United States"]
    assert process.stop() == 0
    entry = json.loads(log.read_text().splitlines()[0])
    assert entry["action"] == "pbxware.route.list" and entry["apikey_in_url"] is True


def test_state_persists_across_restart(run_cli, tmp_path):
    state = tmp_path / "state.json"
    first = run_cli("--state", str(state))
    answer = first.client.post("pbxware.tenant.add", **TENANT)
    assert answer == {"success": "Tenant ID: 4", "id": 4}
    first.client.post("pbxware.tenant.delete", server=1, id=3)
    first.stop()
    second = run_cli("--state", str(state))
    tenants = second.client.post("pbxware.tenant.list")
    assert sorted(tenants) == ["2", "4"] and tenants["4"]["name"] == "kept.example.com"
    # IDs are not reused after a restart either.
    assert second.client.post("pbxware.tenant.add", **dict(TENANT, tenant_name="n.example.com",
                                                           tenant_code="322"))["id"] == 5


def test_custom_fixture(run_cli, tmp_path):
    fixture = tmp_path / "fixture.json"
    fixture.write_text(json.dumps({"routes": {"5": {"code": "7", "name": "Kazakhstan"}}, "tenants": {}}))
    process = run_cli("--fixture", str(fixture))
    assert process.client.post("pbxware.route.list") == {"5": ["7", "Kazakhstan"]}
    assert process.client.post("pbxware.tenant.list") == []


def test_no_strict_and_fault_flags(run_cli):
    process = run_cli("--no-strict", "--fault", "http503:pbxware.package.list:1", "--fault", "nonjson:*:1")
    status, _, _ = process.client.raw(form={"apikey": "Test123456789", "action": "pbxware.package.list"})
    assert status == 503
    _, _, body = process.client.raw(form={"apikey": "Test123456789", "action": "pbxware.route.list"})
    assert body == b"Failed to generate configuration"
    assert process.client.post("pbxware.route.list", whatever="x")["1"][1] == "Afghanistan"


def test_single_tenant_flag(run_cli):
    process = run_cli("--single-tenant")
    assert "error" in process.client.post("pbxware.tenant.list")
    assert "numbering" not in process.client.post("pbxware.server.configuration")


def test_argument_errors(capsys):
    with pytest.raises(SystemExit):
        parse_args(["--api-key", "k" * 12, "--fault", "bogus:*"])
    assert "unknown fault kind" in capsys.readouterr().err
    args = parse_args(["--api-key", "k" * 12, "--port", "0"])
    assert (args.host, args.port, args.strict, args.single_tenant) == ("127.0.0.1", 0, True, False)
