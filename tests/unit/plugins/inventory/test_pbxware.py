# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import sys
import threading

import pytest
from ansible.errors import AnsibleParserError
from ansible.inventory.data import InventoryData
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import inventory_loader
from ansible.template import Templar

from ansible_collections.bicom.pbxware.plugins.inventory import pbxware
from ansible_collections.bicom.pbxware.plugins.module_utils.engine import client as client_mod
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import tenant_row

KEY = "unit-test-key-0123456789"
TENANTS = {
    "2": {"name": "t1.example.com", "tenantcode": "344", "package_id": 1, "package": "Basic",
          "ext_length": 3, "country_id": 869, "country_code": "1"},
    "3": {"name": "shop.example.org", "tenantcode": "345", "package_id": "2", "package": "Business Plus",
          "ext_length": "4", "country_id": "826", "country_code": "44"},
    "4": {"name": "test-lab.example.net", "tenantcode": "999", "package_id": 1, "package": "Basic",
          "ext_length": 3, "country_id": 869, "country_code": "1"},
}


def rows():
    return [tenant_row(k, v) for k, v in sorted(TENANTS.items())]


def names(selected):
    return [row["name"] for row in selected]


# -- pure parts -------------------------------------------------------------

def test_filter_nothing_keeps_all():
    assert names(pbxware.filter_tenants(rows())) == ["t1.example.com", "shop.example.org", "test-lab.example.net"]


def test_filter_include_by_glob_and_code():
    assert names(pbxware.filter_tenants(rows(), include_tenants=["*.EXAMPLE.com", "345"])) == [
        "t1.example.com", "shop.example.org"]


def test_filter_exclude_by_glob_and_code():
    assert names(pbxware.filter_tenants(rows(), exclude_tenants=["test-*"])) == ["t1.example.com", "shop.example.org"]
    assert names(pbxware.filter_tenants(rows(), exclude_tenants=["344"])) == [
        "shop.example.org", "test-lab.example.net"]


def test_filter_packages_by_name_and_id():
    assert names(pbxware.filter_tenants(rows(), include_packages=["business*"])) == ["shop.example.org"]
    assert names(pbxware.filter_tenants(rows(), include_packages=["2"])) == ["shop.example.org"]
    assert names(pbxware.filter_tenants(rows(), exclude_packages=["basic"])) == ["shop.example.org"]
    assert names(pbxware.filter_tenants(rows(), exclude_packages=[1])) == ["shop.example.org"]


def test_filter_include_then_exclude():
    assert names(pbxware.filter_tenants(rows(), include_packages=["Basic"], exclude_tenants=["999"])) == [
        "t1.example.com"]


def test_host_vars_are_normalised():
    host_vars = pbxware.tenant_host_vars(rows()[1])
    assert host_vars == {
        "pbxware_tenant_id": 3, "pbxware_tenant_code": "345", "pbxware_tenant_name": "shop.example.org",
        "pbxware_package_id": 2, "pbxware_package": "Business Plus", "pbxware_ext_length": 4,
        "pbxware_country_id": 826, "pbxware_country_code": "44",
    }


def test_host_vars_carry_the_config_as_given():
    # Masking happens once, when the configuration is fetched (before the cache): not here again.
    config = {"server_name": "t1.example.com", "appassword": "********"}
    assert pbxware.tenant_host_vars(rows()[0], config)["pbxware_tenant_config"] is config


@pytest.mark.parametrize("keys, selection", [
    (["status", "national", "status"], ("national", "status")),
    (["all"], None),
    (["status", "all"], None),
    ([], ()),
    (None, ()),
])
def test_config_key_selection(keys, selection):
    assert pbxware.config_key_selection(keys) == selection


def test_select_settings():
    config = {"server_name": "t1.example.com", "status": "1", "recordformat": "wav"}
    assert pbxware.select_settings(config, ("status", "national", "server_name")) == {
        "status": "1", "server_name": "t1.example.com"}
    assert pbxware.select_settings(config, None) is config
    assert pbxware.select_settings([], ("status",)) == []  # not a dict: left as the API gave it


def test_unknown_config_keys_name_the_closest():
    known = ["ext_length", "incominglimit", "outgoinglimit", "national", "international", "status"]
    assert pbxware.unknown_config_keys(("ext_lenght", "status", "zzz"), known) == [
        ("ext_lenght", ["ext_length"]), ("zzz", [])]
    assert pbxware.unknown_config_keys(("ext_lenght",), []) == []  # nothing seen: nothing to compare with


def test_mask_keeps_empty_secrets_empty():
    assert pbxware.mask_settings({"appassword": "", "ldap_password": None}) == {"appassword": "", "ldap_password": None}


@pytest.mark.parametrize("name, group", [
    ("Basic", "pbxware_package_basic"),
    ("Business Plus", "pbxware_package_business_plus"),
    ("Gold-2 (EU)", "pbxware_package_gold_2__eu_"),
])
def test_package_group(name, group):
    assert pbxware.package_group({"package": name, "package_id": 7}) == group


def test_package_group_falls_back_to_id():
    assert pbxware.package_group({"package": "", "package_id": 7}) == "pbxware_package_7"
    assert pbxware.package_group({"package": None, "package_id": None}) is None


def test_server_host_name():
    assert pbxware.server_host_name({"domainname": "pbx.example.com"}, "http://x/") == "pbx.example.com"
    assert pbxware.server_host_name({}, "https://pbx.example.org:8443/index.php") == "pbx.example.org"
    assert pbxware.server_host_name({}, "") == "pbxware"


# -- the whole plugin, against a fake session ---------------------------------

class Answer(object):
    def __init__(self, body, status=200):
        self.status_code = status
        self.text = body if isinstance(body, str) else json.dumps(body)
        self.headers = {}


class FakeSession(object):
    """Answers like the simulator; records every action."""

    calls = []
    verify = []
    lock = threading.Lock()
    tenant_mode = True
    key = KEY
    tenants = TENANTS

    def __init__(self):
        self.headers = {}

    def post(self, url, data, timeout, verify):
        body = dict(data)
        with FakeSession.lock:
            FakeSession.calls.append(body["action"])
            FakeSession.verify.append(verify)
        if body["apikey"] != FakeSession.key:
            return Answer({"error": "Invalid API key."})
        action = body["action"]
        if action.startswith("pbxware.tenant.") and not FakeSession.tenant_mode:
            return Answer({"error": 'Tenant mode disabled, please use action "server" object instead of "tenant"'})
        if action == "pbxware.tenant.list":
            return Answer(FakeSession.tenants)
        if action == "pbxware.tenant.configuration":
            return Answer(tenant_config(body["id"], FakeSession.tenants[body["id"]]))
        if action == "pbxware.server.configuration":
            return Answer({"server_name": "PBXware", "domainname": "pbx.example.com", "numbering": "3",
                           "country": "869"})
        return Answer({"error": "unknown action"})

    def close(self):
        pass


DEFAULT_CONFIG_KEYS = ["area_code", "audiolang", "country", "ext_length", "incominglimit", "international",
                       "local_codecs", "national", "network_codecs", "outgoinglimit", "package_id",
                       "remote_codecs", "server_name", "status", "tenantcode"]


def tenant_config(tenant_id, tenant):
    """What pbxware.tenant.configuration answers: the default keys, secrets and other settings."""
    config = {"server_name": tenant["name"], "tenantcode": tenant["tenantcode"], "package_id": str(tenant["package_id"]),
              "status": "1", "ext_length": str(tenant["ext_length"]), "country": str(tenant["country_id"]),
              "area_code": "", "national": "0", "international": "00", "incominglimit": "8", "outgoinglimit": "8",
              "local_codecs": ["ulaw", "alaw"], "remote_codecs": ["ulaw", "alaw", "g729"],
              "network_codecs": ["ulaw", "alaw"], "audiolang": "en",
              "apusername": "user-%s" % tenant_id, "appassword": "pw-%s" % tenant_id,
              "ldap_password": "ldap-%s" % tenant_id, "recordformat": "wav", "tenantcid": ""}
    if "glocomproxy" in tenant:
        config["glocomproxy"] = tenant["glocomproxy"]
    return config


SECRETS = ("user-", "pw-", "ldap-")


@pytest.fixture
def fake(monkeypatch):
    FakeSession.calls = []
    FakeSession.verify = []
    FakeSession.tenant_mode = True
    FakeSession.key = KEY
    FakeSession.tenants = TENANTS
    monkeypatch.setattr(client_mod.requests, "Session", FakeSession)
    for name in ("PBXWARE_URL", "PBXWARE_API_KEY", "PBXWARE_CA_PATH", "PBXWARE_VALIDATE_CERTS"):
        monkeypatch.delenv(name, raising=False)
    return FakeSession


def run(tmp_path, config):
    path = tmp_path / "test.pbxware.yml"
    base = {"plugin": "bicom.pbxware.pbxware", "url": "http://pbx.invalid/index.php", "api_key": KEY}
    base.update(config)
    base = dict((key, value) for key, value in base.items() if value is not None)
    path.write_text(json.dumps(base))
    plugin = inventory_loader.get("bicom.pbxware.pbxware")
    inventory = InventoryData()
    plugin.parse(inventory, DataLoader(), str(path), cache=True)
    # What the inventory manager does after a parse: write a changed cache out.
    if getattr(plugin, "_cache", None):
        plugin.update_cache_if_changed()
    return inventory


def group_hosts(inventory, group):
    return sorted(host.name for host in inventory.groups[group].get_hosts())


def test_verify_file(tmp_path):
    plugin = inventory_loader.get("bicom.pbxware.pbxware")
    for name, ok in (("a.pbxware.yml", True), ("pbxware.yaml", True), ("inv.yml", False), ("pbxware.json", False)):
        path = tmp_path / name
        path.write_text("plugin: bicom.pbxware.pbxware\n")
        assert plugin.verify_file(str(path)) is ok, name


def test_hosts_groups_and_vars(tmp_path, fake):
    inventory = run(tmp_path, {"exclude_tenants": ["test-*"]})
    assert sorted(inventory.hosts) == ["shop.example.org", "t1.example.com"]
    assert group_hosts(inventory, "pbxware_tenants") == ["shop.example.org", "t1.example.com"]
    assert group_hosts(inventory, "pbxware_package_basic") == ["t1.example.com"]
    assert group_hosts(inventory, "pbxware_package_business_plus") == ["shop.example.org"]
    host_vars = inventory.get_host("t1.example.com").get_vars()
    assert host_vars["ansible_connection"] == "local"
    assert host_vars["ansible_python_interpreter"] == sys.executable
    assert host_vars["pbxware_tenant_id"] == 2
    assert host_vars["pbxware_tenant_code"] == "344"
    assert "pbxware_tenant_config" not in host_vars
    assert fake.calls == ["pbxware.tenant.list"]


def test_tenant_details_default_keys(tmp_path, fake):
    inventory = run(tmp_path, {"tenant_details": True, "max_workers": 2, "include_packages": ["basic"]})
    assert sorted(fake.calls) == ["pbxware.tenant.configuration"] * 2 + ["pbxware.tenant.list"]
    config = inventory.get_host("t1.example.com").get_vars()["pbxware_tenant_config"]
    expected = tenant_config("2", TENANTS["2"])
    assert sorted(config) == DEFAULT_CONFIG_KEYS
    assert config == dict((key, expected[key]) for key in DEFAULT_CONFIG_KEYS)


def test_default_keys_are_the_documented_ones():
    plugin = inventory_loader.get("bicom.pbxware.pbxware")
    plugin.set_options(direct={"plugin": "bicom.pbxware.pbxware"})
    assert sorted(plugin.get_option("tenant_config_keys")) == DEFAULT_CONFIG_KEYS


def test_tenant_config_keys_chosen_and_secrets_masked(tmp_path, fake):
    inventory = run(tmp_path, {"tenant_details": True, "tenant_config_keys": ["status", "appassword", "recordformat"],
                               "max_workers": 1})
    assert fake.calls == ["pbxware.tenant.list"] + ["pbxware.tenant.configuration"] * 3
    config = inventory.get_host("shop.example.org").get_vars()["pbxware_tenant_config"]
    assert config == {"status": "1", "appassword": "********", "recordformat": "wav"}


def test_tenant_config_keys_all(tmp_path, fake):
    inventory = run(tmp_path, {"tenant_details": True, "tenant_config_keys": "all"})
    config = inventory.get_host("t1.example.com").get_vars()["pbxware_tenant_config"]
    expected = tenant_config("2", TENANTS["2"])
    assert sorted(config) == sorted(expected)
    assert config["appassword"] == config["apusername"] == config["ldap_password"] == "********"
    assert config["recordformat"] == "wav"
    assert config["tenantcid"] == ""


def test_unknown_config_keys_warn_once(tmp_path, fake, monkeypatch):
    from ansible.utils.display import Display
    seen = []
    monkeypatch.setattr(Display(), "warning", lambda message, *args, **kwargs: seen.append(message))  # a singleton
    config = {"tenant_details": True, "tenant_config_keys": ["status", "ext_lenght", "natonal", "zzz_nothing"],
              "cache": True, "cache_plugin": "ansible.builtin.jsonfile", "cache_connection": str(tmp_path / "cache")}
    inventory = run(tmp_path, config)
    assert inventory.get_host("t1.example.com").get_vars()["pbxware_tenant_config"] == {"status": "1"}
    warnings = [message for message in seen if "tenant_config_keys" in message]
    assert len(warnings) == 1  # one warning for the run, not one per key or tenant
    message = warnings[0]
    assert "ext_lenght (closest: ext_length)" in message
    assert "natonal (closest: national, international)" in message
    assert "zzz_nothing (closest: none)" in message
    assert "status" not in message
    # A cached run (no API call) knows the keys that exist as well.
    fake.calls = []
    run(tmp_path, config)
    assert fake.calls == []
    assert [message for message in seen if "tenant_config_keys" in message] == [message, message]


def test_masking_runs_once_per_tenant_and_before_the_cache(tmp_path, fake, monkeypatch):
    from ansible_collections.bicom.pbxware.plugins.module_utils.engine import masking
    masked = []
    real_mask = masking.mask_settings

    def counting_mask(settings, *args, **kwargs):
        masked.append(settings)
        return real_mask(settings, *args, **kwargs)

    # Both names: the plugin's import and the engine's module (for any other way of calling it).
    monkeypatch.setattr(pbxware, "mask_settings", counting_mask)
    monkeypatch.setattr(masking, "mask_settings", counting_mask)
    cache_dir = tmp_path / "cache"
    config = {"tenant_details": True, "tenant_config_keys": ["all"], "cache": True,
              "cache_plugin": "ansible.builtin.jsonfile", "cache_connection": str(cache_dir)}
    inventory = run(tmp_path, config)
    assert len(masked) == len(TENANTS)  # once per tenant, not again per host
    for name in inventory.hosts:
        dumped = json.dumps(inventory.get_host(name).get_vars(), default=str)
        assert not any(secret in dumped for secret in SECRETS), name
        assert "********" in dumped
    cached = "".join(path.read_text() for path in cache_dir.iterdir())
    assert tenant_config("2", TENANTS["2"])["appassword"] == "pw-2"  # what the API sent
    assert not any(secret in cached for secret in SECRETS)
    assert "********" in cached
    masked[:] = []
    run(tmp_path, config)  # cached: nothing to mask again
    assert masked == []


def test_compose_and_keyed_groups(tmp_path, fake):
    inventory = run(tmp_path, {
        "compose": {"ansible_connection": "'ssh'", "digits": "pbxware_ext_length * 2"},
        "keyed_groups": [{"key": "pbxware_country_code", "prefix": "country"}],
        "groups": {"long_numbers": "pbxware_ext_length > 3"},
    })
    assert group_hosts(inventory, "country_44") == ["shop.example.org"]
    assert group_hosts(inventory, "long_numbers") == ["shop.example.org"]
    host_vars = inventory.get_host("shop.example.org").get_vars()
    assert host_vars["ansible_connection"] == "ssh"
    assert host_vars["digits"] == 8


def test_single_tenant_mode(tmp_path, fake):
    fake.tenant_mode = False
    inventory = run(tmp_path, {"tenant_details": True})
    assert sorted(inventory.hosts) == ["pbx.example.com"]
    assert group_hosts(inventory, "pbxware_servers") == ["pbx.example.com"]
    host_vars = inventory.get_host("pbx.example.com").get_vars()
    assert host_vars["pbxware_tenant_id"] == 1
    assert host_vars["pbxware_ext_length"] is None  # the API reports none outside tenant mode
    assert host_vars["pbxware_server_config"]["domainname"] == "pbx.example.com"


def test_wrong_key_is_one_clear_error(tmp_path, fake):
    fake.key = "another-key"
    with pytest.raises(AnsibleParserError) as err:
        run(tmp_path, {})
    message = str(err.value)
    assert "Invalid API key" in message
    assert KEY not in message


def test_missing_url(tmp_path, fake):
    path = tmp_path / "test.pbxware.yml"
    path.write_text(json.dumps({"plugin": "bicom.pbxware.pbxware", "api_key": KEY}))
    plugin = inventory_loader.get("bicom.pbxware.pbxware")
    with pytest.raises(AnsibleParserError, match="No PBXware URL given"):
        plugin.parse(InventoryData(), DataLoader(), str(path), cache=False)


def test_cached_run_makes_no_call(tmp_path, fake):
    config = {"tenant_details": True, "cache": True, "cache_plugin": "ansible.builtin.jsonfile",
              "cache_connection": str(tmp_path / "cache")}
    first = run(tmp_path, config)
    assert len(fake.calls) == 4
    fake.calls = []
    second = run(tmp_path, config)
    assert fake.calls == []
    assert sorted(second.hosts) == sorted(first.hosts)
    assert second.get_host("t1.example.com").get_vars() == first.get_host("t1.example.com").get_vars()
    # Another filter is another cache entry.
    run(tmp_path, dict(config, exclude_tenants=["999"]))
    assert "pbxware.tenant.list" in fake.calls
    # So is another key list (the cache holds only the chosen keys); the same list in another order is not.
    fake.calls = []
    third = run(tmp_path, dict(config, tenant_config_keys=["status", "appassword"]))
    assert fake.calls.count("pbxware.tenant.configuration") == 3
    assert third.get_host("t1.example.com").get_vars()["pbxware_tenant_config"] == {
        "status": "1", "appassword": "********"}
    fake.calls = []
    run(tmp_path, dict(config, tenant_config_keys=["appassword", "status"]))
    assert fake.calls == []


def test_without_details_the_key_list_is_ignored(tmp_path, fake):
    config = {"cache": True, "cache_plugin": "ansible.builtin.jsonfile", "cache_connection": str(tmp_path / "cache")}
    first = run(tmp_path, config)
    assert fake.calls == ["pbxware.tenant.list"]
    fake.calls = []
    second = run(tmp_path, dict(config, tenant_config_keys=["status"]))
    assert fake.calls == []  # the same cache entry
    assert "pbxware_tenant_config" not in second.get_host("t1.example.com").get_vars()
    assert second.get_host("t1.example.com").get_vars() == first.get_host("t1.example.com").get_vars()


# -- API data is never templated; url/api_key templates; interpreter; ca_path ----

UNSAFE_NAME = "{{ 7 * 7 }}.example.com"
UNSAFE_PACKAGE = "{{ 6 * 7 }} Gold"
UNSAFE_SETTING = "{{ lookup('env', 'HOME') }}"


def render(expression, variables):
    """``expression`` (trusted, as in a playbook) templated with ``variables``."""
    try:
        from ansible.template import trust_as_template  # ansible-core 2.19+
    except ImportError:  # before 2.19 every str is a trusted template
        def trust_as_template(value):
            return value
    return Templar(loader=DataLoader(), variables=variables).template(trust_as_template(expression))


def test_api_data_is_never_templated(tmp_path, fake):
    fake.tenants = {"7": {"name": UNSAFE_NAME, "tenantcode": "777", "package_id": "7", "package": UNSAFE_PACKAGE,
                          "ext_length": 3, "country_id": 869, "country_code": "1", "glocomproxy": UNSAFE_SETTING}}
    inventory = run(tmp_path, {"tenant_details": True, "tenant_config_keys": ["server_name", "glocomproxy"],
                               "compose": {"label": "pbxware_tenant_code ~ '-' ~ pbxware_package"},
                               "keyed_groups": [{"key": "pbxware_package", "prefix": "pkg"}]})
    assert list(inventory.hosts) == [UNSAFE_NAME]
    host = inventory.get_host(UNSAFE_NAME)
    variables = dict(host.get_vars(), inventory_hostname=host.name)
    assert render("{{ inventory_hostname }}", variables) == UNSAFE_NAME
    assert render("{{ pbxware_tenant_name }}", variables) == UNSAFE_NAME
    assert render("{{ pbxware_package }}", variables) == UNSAFE_PACKAGE
    assert render("{{ pbxware_tenant_config.server_name }}", variables) == UNSAFE_NAME
    assert render("{{ pbxware_tenant_config.glocomproxy }}", variables) == UNSAFE_SETTING
    assert render("{{ pbxware_tenant_config }}", variables)["glocomproxy"] == UNSAFE_SETTING
    assert render("{{ label }}", variables) == "777-" + UNSAFE_PACKAGE
    assert group_hosts(inventory, "pbxware_package____6___7____gold") == [UNSAFE_NAME]


def test_make_unsafe_reaches_nested_values():
    data = {"a": [UNSAFE_NAME, {"b": UNSAFE_SETTING, "c": "plain", "d": 3}], UNSAFE_PACKAGE: None}
    safe = pbxware.make_unsafe(data)
    assert safe == data
    variables = {"v": safe}
    assert render("{{ v.a[0] }}", variables) == UNSAFE_NAME
    assert render("{{ v.a[1].b }}", variables) == UNSAFE_SETTING
    assert render("{{ v.a[1].c ~ '-' ~ v.a[1].d }}", variables) == "plain-3"
    assert render("{{ v | dict2items | map(attribute='key') | list }}", variables) == ["a", UNSAFE_PACKAGE]


def test_url_and_api_key_templates_from_the_file(tmp_path, fake, monkeypatch):
    monkeypatch.setenv("SIM_URL", "http://pbx.invalid/index.php")
    monkeypatch.setenv("SIM_KEY", KEY)
    inventory = run(tmp_path, {"url": "{{ lookup('env', 'SIM_URL') }}", "api_key": "{{ lookup('env', 'SIM_KEY') }}"})
    assert "t1.example.com" in inventory.hosts
    assert fake.calls == ["pbxware.tenant.list"]


def test_templates_from_the_environment_are_literal(tmp_path, fake, monkeypatch):
    monkeypatch.setenv("SIM_KEY", KEY)
    monkeypatch.setenv("PBXWARE_API_KEY", "{{ lookup('env', 'SIM_KEY') }}")
    with pytest.raises(AnsibleParserError, match="Invalid API key"):
        run(tmp_path, {"api_key": None})


def test_python_interpreter_option_empty_and_compose(tmp_path, fake):
    host_vars = run(tmp_path, {"python_interpreter": "/opt/py/bin/python3"}).get_host("t1.example.com").get_vars()
    assert host_vars["ansible_python_interpreter"] == "/opt/py/bin/python3"
    host_vars = run(tmp_path, {"python_interpreter": ""}).get_host("t1.example.com").get_vars()
    assert "ansible_python_interpreter" not in host_vars
    host_vars = run(tmp_path, {"compose": {"ansible_python_interpreter": "'/usr/bin/python3'"}}).get_host(
        "t1.example.com").get_vars()
    assert host_vars["ansible_python_interpreter"] == "/usr/bin/python3"


def test_ca_path_reaches_requests(tmp_path, fake, monkeypatch):
    bundle = tmp_path / "ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    run(tmp_path, {"ca_path": str(bundle)})
    assert fake.verify == [str(bundle)]
    fake.verify = []
    monkeypatch.setenv("PBXWARE_CA_PATH", str(bundle))
    run(tmp_path, {})
    assert fake.verify == [str(bundle)]
    fake.verify = []
    run(tmp_path, {"validate_certs": False})
    assert fake.verify == [False]
    fake.verify = []
    monkeypatch.delenv("PBXWARE_CA_PATH")
    run(tmp_path, {})
    assert fake.verify == [True]
