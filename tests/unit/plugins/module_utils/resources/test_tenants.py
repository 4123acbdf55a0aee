# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Tenant and tenant package tables: read/write names, resends, create-only, lookups."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_params, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareApiError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import (
    TENANT, TENANT_PACKAGE, ensure_tenant_gone, resolve_country, resolve_package, tenant_code_by_name,
    tenant_option_fields, tenant_resolver, validate_package, validate_tenant)

LIST_ROW = {"name": "t1.example.com", "tenantcode": "344", "package_id": 1, "package": "Basic", "ext_length": 3,
            "country_id": 869, "country_code": 1}
CONFIG = {"server_name": "t1.example.com", "tenantcode": "344", "package_id": "1", "ext_length": "3",
          "country": "869", "area_code": "", "national": "1", "international": "011", "status": "1",
          "appassword": "Old-Pass", "incominglimit": "8", "conch": "8", "local_codecs": ["ulaw", "alaw"],
          "cpark_timeout": ""}
RAW = dict(LIST_ROW, **CONFIG)


class FakeClient(object):
    def __init__(self, answers):
        self.answers = answers
        self.reads = []

    def read(self, action, params=None):
        self.reads.append(action)
        return self.answers[action]


ROUTES = {"179": ["1", "Canada"], "869": ["1", "United States"], "862": ["44", "United Kingdom"], "1": ["93", "Afghanistan"]}
PACKAGES = {"1": "Basic", "2": "Business"}


def tenant_plan(params, raw="current"):
    raw = RAW if raw == "current" else raw
    resource = TENANT.extended(tenant_option_fields(params.get("options")))
    current = read_view(resource, raw) if raw is not None else None
    return plan(resource, desired_params(resource, params), current)


def test_tenant_reads_list_and_configuration_names():
    view = read_view(TENANT, RAW)
    assert view["name"] == "t1.example.com" and view["tenant_code"] == "344"
    assert view["package"] == "1" and view["country"] == "869" and view["ext_length"] == "3"
    assert view["status"] == "active" and view["http_password"] == "Old-Pass"


def test_tenant_create_uses_write_names_and_server_one():
    result = tenant_plan({"tenant_code": "555", "name": "t3.example.com", "package": "2", "ext_length": 3,
                          "country": "862", "national": "0", "international": "00",
                          "options": {"local_channels": 20, "localcodecs": "ulaw:g722"}}, raw=None)
    assert result.operation == "create"
    assert result.payload["tenant_name"] == "t3.example.com" and result.payload["tenant_code"] == "555"
    assert result.payload["local_channels"] == "20" and list(result.payload["localcodecs"]) == ["ulaw", "g722"]
    assert "incominglimit" not in result.payload and "status" not in result.payload
    assert {"add", "edit", "delete"} <= TENANT.master_server_actions


def test_tenant_edit_resends_core_fields_and_compares_read_names():
    result = tenant_plan({"tenant_code": "344", "options": {"local_channels": "12"}})
    assert result.changes == {"options.local_channels": ("8", "12")}
    assert result.payload == {"local_channels": "12", "tenant_code": "344", "tenant_name": "t1.example.com",
                              "package": "1", "country": "869", "national": "1", "international": "011"}
    assert tenant_plan({"tenant_code": "344", "options": {"local_channels": 8, "conferences": "8"}}).operation is None


def test_tenant_status_and_codecs():
    result = tenant_plan({"tenant_code": "344", "status": "suspended"})
    assert result.payload["status"] == 2
    assert tenant_plan({"tenant_code": "344", "options": {"localcodecs": ["ulaw", "alaw"]}}).operation is None


def test_tenant_ext_length_is_create_only():
    with pytest.raises(ReconcileError) as err:
        tenant_plan({"tenant_code": "344", "ext_length": 4})
    assert err.value.parameter == "ext_length"
    assert tenant_plan({"tenant_code": "344", "ext_length": 3}).operation is None


def test_tenant_secrets_are_masked_and_write_only():
    resource = TENANT.extended(tenant_option_fields({"ldap_enabled": 1}))
    assert {"http_password", "ldap_password"} <= resource.secret_names
    assert resource.by_name["options.ldap_enabled"].write_only
    assert tenant_plan({"tenant_code": "344", "ldap_password": "x", "options": {"ldap_enabled": 1}}).operation is None


@pytest.mark.parametrize("key,word", [("incominglimit", "local_channels"), ("appassword", "http_password"),
                                      ("tenant_name", "name"), ("bogus", "known")])
def test_tenant_options_refuse_read_names_and_unknown_keys(key, word):
    with pytest.raises(ReconcileError) as err:
        tenant_option_fields({key: "1"})
    assert word in err.value.message


@pytest.mark.parametrize("params,parameter", [
    ({"tenant_code": "55"}, "tenant_code"), ({"tenant_code": "5555"}, "tenant_code"),
    ({"tenant_code": "555", "name": "not a domain"}, "name"), ({"tenant_code": "555", "ext_length": 17}, "ext_length"),
    ({"tenant_code": "555", "national": "0x"}, "national")])
def test_tenant_validation(params, parameter):
    with pytest.raises(ReconcileError) as err:
        validate_tenant(params)
    assert err.value.parameter == parameter


def test_country_by_id_name_and_unique_code():
    client = FakeClient({"pbxware.route.list": ROUTES})
    assert resolve_country(client, "862") == "862"
    assert resolve_country(client, "united kingdom") == "862"
    assert resolve_country(client, "+44") == "862"
    assert resolve_country(client, "1") == "1"  # an ID wins over a dialling code
    with pytest.raises(ReconcileError) as err:
        resolve_country(client, "+1")
    assert "Canada" in err.value.message and "United States" in err.value.message
    with pytest.raises(ReconcileError):
        resolve_country(client, "Atlantis")


def test_package_by_name_or_id():
    client = FakeClient({"pbxware.package.list": PACKAGES})
    assert resolve_package(client, "business") == "2" and resolve_package(client, "1") == "1"
    with pytest.raises(ReconcileError) as err:
        resolve_package(client, "Platinum")
    assert err.value.parameter == "package" and "Basic" in err.value.message


def test_resolver_skips_lookups_for_current_values():
    client = FakeClient({})
    params = tenant_resolver(client)({"package": "Basic", "country": "869"}, RAW)
    assert params == {"package": "1", "country": "869"} and client.reads == []


def test_delete_that_does_not_delete_is_an_error():
    with pytest.raises(ReconcileError) as err:
        ensure_tenant_gone(FakeClient({"pbxware.tenant.list": {"2": LIST_ROW}}), "344")
    assert "reported success but tenant 344 still exists" in err.value.message
    ensure_tenant_gone(FakeClient({"pbxware.tenant.list": []}), "344")


def test_package_read_and_write_names():
    config = {"name": "Basic", "service_plan": "", "allowed_service_plans": "", "ext": "20", "voicemail": "20",
              "queues": "20", "ivr": "20", "cf": "20", "rgroups": "20", "hot_desking": "20", "restrict_splans": "0",
              "call_recordings": "0", "monitoring": "0", "call_screening": "0"}
    current = read_view(TENANT_PACKAGE, config)
    assert current["extensions"] == 20 and current["cfs"] == 20 and current["call_recordings"] is False
    result = plan(TENANT_PACKAGE, {"name": "Basic", "extensions": 30, "voicemails": 20, "ivrs": "25"}, current)
    assert result.payload == {"extensions": 30, "ivrs": 25}
    assert TENANT_PACKAGE.master_server_actions == frozenset(["edit", "delete"])


def test_package_list_rows_are_names():
    client = FakeClient({"pbxware.package.list": PACKAGES})
    converger = Converger(client, TENANT_PACKAGE)
    assert converger.list_objects() == {"1": {"name": "Basic"}, "2": {"name": "Business"}}


def test_package_validation():
    with pytest.raises(ReconcileError):
        validate_package({"extensions": 10000})
    with pytest.raises(ReconcileError):
        validate_package({"restrict_splans": True})
    validate_package({"restrict_splans": True, "allowed_service_plans": ["1", "2"]})


def test_tenant_found_by_name_case_insensitively():
    client = FakeClient({"pbxware.tenant.list": {"2": LIST_ROW}})
    assert tenant_code_by_name(client, "T1.Example.com") == "344"
    assert tenant_code_by_name(client, "t9.example.com") is None
    assert not tenant_plan({"tenant_code": "344", "name": "T1.EXAMPLE.COM"}).changed


# -- spellings the vendor's sources disagree on ---------------------------------------------

class SpellingApi(object):
    """A strict tenant API that reads and writes one dialect's spellings and refuses the other's."""

    def __init__(self, config, accepted):
        self.config = dict(config)
        self.accepted = accepted
        self.writes = []

    def read(self, action, params=None):
        if action == "pbxware.tenant.list":
            return {"2": dict(LIST_ROW)}
        return {"2": dict(self.config)}

    def write(self, action, params=None):
        self.writes.append((action, dict(params)))
        unknown = [name for name in params if name in ("cspark_timeout", "cpark_timeout", "remote_codecs",
                                                       "remotecodecs") and name not in self.accepted]
        if unknown:
            raise PBXwareApiError(action, "Unknown field '%s' for action %s" % (unknown[0], action))
        for name, value in params.items():
            read = {"remotecodecs": "remote_codecs", "remote_codecs": "remote_codecs"}.get(name, name)
            self.config[read] = list(value) if name in ("remotecodecs", "remote_codecs") else value
        return {"success": "Tenant edited", "id": "2"}


REFERENCE_CONFIG = dict(CONFIG, cspark_timeout="30", remote_codecs=["ulaw"])
REFERENCE_CONFIG.pop("cpark_timeout")
POSTMAN_CONFIG = dict(CONFIG, cpark_timeout="30", remote_codecs=["ulaw"])


@pytest.mark.parametrize("config,accepted", [
    (REFERENCE_CONFIG, ("cspark_timeout", "remote_codecs")),
    (POSTMAN_CONFIG, ("cpark_timeout", "remotecodecs")),
])
@pytest.mark.parametrize("spelling", ["cspark_timeout", "cpark_timeout"])
def test_either_spelling_converges_on_either_dialect(config, accepted, spelling):
    api = SpellingApi(config, accepted)
    options = {spelling: "45", "remote_codecs": ["ulaw", "alaw"]}
    resource = TENANT.extended(tenant_option_fields(options))
    desired = desired_params(resource, {"tenant_code": "344", "options": options})
    converger = Converger(api, resource)
    result = converger.converge(desired)
    assert result["changed"]
    assert api.config[accepted[0]] == "45" and api.config["remote_codecs"] == ["ulaw", "alaw"]
    # Read back in the server's spelling: the rerun compares and is unchanged, with no warning.
    again = Converger(api, resource)
    assert not again.converge(desired)["changed"] and again.warnings == []
    assert len(api.writes) <= 3  # the first edit, and at most one renamed per refused spelling


def test_a_refused_argument_without_another_spelling_is_an_error():
    api = SpellingApi(dict(REFERENCE_CONFIG, recordformat="wav49"), ("cspark_timeout",))
    resource = TENANT.extended(tenant_option_fields({"recordformat": "wav"}))

    def refuse(action, params=None):
        raise PBXwareApiError(action, "Unknown field 'recordformat' for action %s" % action)

    api.write = refuse
    with pytest.raises(PBXwareApiError):
        Converger(api, resource).converge(desired_params(resource, {"tenant_code": "344",
                                                                    "options": {"recordformat": "wav"}}))
