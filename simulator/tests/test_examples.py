"""The example fixture in simulator/examples/ loads and behaves as README.md describes."""
import json
import os

from conftest import SIM_ROOT
from pbxware_sim.cli import build_parser

EXAMPLE = os.path.join(SIM_ROOT, "examples", "small-office.json")
README = os.path.join(SIM_ROOT, "README.md")


def check_small_office(client):
    assert client.post("pbxware.tenant.list") == {"2": {
        "name": "office.example.com", "tenantcode": "100", "package_id": 1, "package": "Standard",
        "ext_length": 3, "country_id": 862, "country_code": 44}}
    config = client.post("pbxware.tenant.configuration", id=2)
    assert config["local_codecs"] == ["ulaw", "alaw", "g722"] and config["aach"] == "8"
    assert client.post("pbxware.route.list") == {"862": ["44", "United Kingdom"], "869": ["1", "United States"]}
    reception = client.post("pbxware.ext.configuration", server=2, ext=200)["1"]
    assert (reception["name"], reception["ua_name"], reception["status"]) == ("Reception", "generic_sip", "enabled")
    assert reception["options"]["allow"] == ["ulaw", "alaw"] and reception["options"]["context"] == "t-100"
    assert client.post("pbxware.trunk.list") == [] and client.post("pbxware.did.list", server=2) == []
    added = client.post("pbxware.ext.add", server=2, name="New", email="new@example.com", location=1, ua=50,
                        status=1, pin="4321", incominglimit=1, outgoinglimit=1, voicemail=0, prot="sip",
                        secret="Secret-Pw1")
    assert added == {"success": "Extension ID: 2", "id": "2", "ext": 100}


def test_example_fixture_in_process(make_sim):
    check_small_office(make_sim(fixture_path=EXAMPLE))


def test_example_fixture_from_the_command_line(run_cli):
    check_small_office(run_cli("--fixture", EXAMPLE).client)


def test_example_is_plain_json_with_known_collections():
    with open(EXAMPLE, encoding="utf-8") as handle:
        fixture = json.load(handle)
    assert set(fixture) <= {"packages", "routes", "uads", "providers", "tenants", "trunks", "server", "settings",
                            "extensions", "dids"}


def test_readme_lists_every_option_and_the_bundled_tenants():
    options = [opt for action in build_parser()._actions for opt in action.option_strings
               if opt.startswith("--") and opt != "--help"]
    with open(README, encoding="utf-8") as handle:
        readme = handle.read()
    assert len(options) == 16
    for option in options:
        assert "`%s" % option in readme, option
    for fact in ("t1.example.com", "`344`", "t2.example.com", "`454`", "`TestSIP`", "/_sim/settings",
                 "/_sim/faults", "/_sim/requests", "examples/small-office.json", "DIALECTS.md"):
        assert fact in readme, fact
