"""The HTTP layer: auth, GET/POST, formats, strictness, validation messages, the request log."""
import json

import pytest

from conftest import API_KEY
from pbxware_sim.encoding import encode_json, encode_php

TENANT = {"tenant_name": "t5.example.com", "tenant_code": "555", "package": "1", "ext_length": "3",
          "country": "869", "national": "1", "international": "011"}


def log_lines(client):
    with open(client.sim.log.path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


@pytest.mark.parametrize("key", [None, "", "wrong-key-123", API_KEY + "x"])
def test_missing_or_wrong_api_key(sim, key):
    form = {"action": "pbxware.tenant.list"}
    if key is not None:
        form["apikey"] = key
    status, _, body = sim.raw(form=form)
    assert status == 200
    assert json.loads(body) == {"error": "Invalid API key."}
    assert sim.sim.log.summary()["entries"][-1]["outcome"] == "auth"


def test_get_and_post_at_root_and_index_php(sim):
    expected = sim.post("pbxware.package.list")
    for path in ("", "index.php"):
        status, _, body = sim.raw("GET", path, query={"apikey": API_KEY, "action": "pbxware.package.list"})
        assert (status, json.loads(body)) == (200, expected)
        status, _, body = sim.raw("POST", path, form={"apikey": API_KEY, "action": "pbxware.package.list"})
        assert (status, json.loads(body)) == (200, expected)
    assert [e["path"] for e in sim.sim.log.summary()["entries"]] == ["/index.php", "/", "/", "/index.php",
                                                                     "/index.php"]


@pytest.mark.parametrize("path", ["anything/else", "pbxware/index.php", "index.php/", "index.html", "api",
                                  "_simx", "index.php/extra"])
@pytest.mark.parametrize("method", ["GET", "POST", "DELETE"])
def test_other_paths_are_404_text_not_api(sim, path, method):
    form = {"apikey": API_KEY, "action": "pbxware.package.list"}
    if method == "POST":
        status, headers, body = sim.raw(method, path, form=form)
    else:
        status, headers, body = sim.raw(method, path, query=form)
    assert status == 404
    assert headers["Content-Type"].startswith("text/plain")
    text = body.decode()
    assert "/%s" % path in text and "The PBXware API lives at /index.php" in text
    with pytest.raises(ValueError):
        json.loads(body)
    assert sim.sim.log.summary()["total"] == 0  # never reached the API


def test_404_keeps_the_connection_usable(sim):
    requests = pytest.importorskip("requests")
    form = {"apikey": API_KEY, "action": "pbxware.package.list"}
    with requests.Session() as session:
        assert session.post(sim.url + "wrong/path", data=form, timeout=10).status_code == 404
        answer = session.post(sim.url + "index.php", data=form, timeout=10)
        assert answer.status_code == 200 and "1" in answer.json()


def test_control_paths_still_answer(sim):
    assert sim.control("GET", "/_sim/health")[0] == 200
    assert sim.control("GET", "/_sim/health/")[0] == 200
    assert sim.control("GET", "/_sim/requests")[0] == 200
    status, answer = sim.control("GET", "/_sim/nope")
    assert status == 404 and "/_sim/health" in answer["paths"]


def test_post_merges_query_string_and_body_wins(sim):
    status, _, body = sim.raw("POST", query={"apikey": API_KEY, "id": "999"},
                              form={"action": "pbxware.package.configuration", "id": "2"})
    assert status == 200 and list(json.loads(body)) == ["2"]


def test_apikey_in_url_is_logged_without_values(sim):
    sim.raw("GET", query={"apikey": API_KEY, "action": "pbxware.tenant.configuration", "id": "2"},
            headers={"User-Agent": "ansible-test/1.0"})
    sim.post("pbxware.tenant.configuration", id=2)
    url_entry, body_entry = log_lines(sim)
    assert url_entry["apikey_in_url"] is True and body_entry["apikey_in_url"] is False
    assert url_entry["method"] == "GET" and body_entry["method"] == "POST"
    assert url_entry["args"] == ["id"] and url_entry["action"] == "pbxware.tenant.configuration"
    assert url_entry["user_agent"] == "ansible-test/1.0" and url_entry["path"] == "/index.php"
    assert url_entry["outcome"] == "ok" and url_entry["time"].endswith("Z")
    assert {"time", "action", "method", "args", "apikey_in_url", "outcome", "user_agent", "path"} <= set(url_entry)


def test_log_never_holds_secret_values(sim):
    secrets = {"appassword": "bad Secret-Value ", "ldap_password": "LdapSecret-42"}
    answer = sim.post("pbxware.tenant.add", **dict(TENANT, **secrets))
    assert "contains invalid data" in answer["error"]  # appassword fails /^\S.+\S$/
    sim.post("pbxware.trunk.add", server=1, name="Tx", provider_id=20, type="friend", dtmfmode="rfc2833",
             status="active", country=869, national=1, international="011", emerg_trunk="no", host="h.example",
             username="u", secret="TrunkSecret-77", insecure="port", looserouting="yes", incominglimit=1,
             outgoinglimit=1, codecs="ulaw", codecs_ptime="20,20")
    with open(sim.sim.log.path, encoding="utf-8") as handle:
        text = handle.read()
    for value in (API_KEY, "bad Secret-Value", "LdapSecret-42", "TrunkSecret-77"):
        assert value not in text
    entry = log_lines(sim)[0]
    assert entry["outcome"] == "error" and "appassword=***" in entry["error"]
    assert "appassword" in entry["args"] and "ldap_password" in entry["args"]


def test_php_format(sim):
    status, _, body = sim.raw(form={"apikey": API_KEY, "action": "pbxware.uads.list", "apiformat": "php"})
    text = body.decode()
    assert text.startswith("a:11:{i:30;a:3:{s:4:\"name\";s:9:\"cisco7960\";")
    assert 's:7:"enabled";b:1;' in text and 's:7:"enabled";b:0;' in text
    status, _, body = sim.raw(form={"apikey": "nope", "action": "pbxware.uads.list", "apiformat": "php"})
    assert body.decode() == 'a:1:{s:5:"error";s:16:"Invalid API key.";}'


def test_php_serialize_types():
    value = {"7": {"n": 3, "f": 1.5, "b": False, "x": None, "l": ["a", "é"], "e": {}}, "k": "v"}
    assert encode_php(value) == ('a:2:{i:7;a:6:{s:1:"n";i:3;s:1:"f";d:1.5;s:1:"b";b:0;s:1:"x";N;'
                                 's:1:"l";a:2:{i:0;s:1:"a";i:1;s:2:"é";}s:1:"e";a:0:{}}s:1:"k";s:1:"v";}')
    assert encode_json({"a": {}, "u": "x/y"}) == '{"a":[],"u":"x\\/y"}'


def test_strict_rejects_undocumented_args(sim):
    answer = sim.post("pbxware.tenant.edit", server=1, id=2, incominglimit=50)  # a read name
    assert answer == {"error": "Unknown field 'incominglimit' for action pbxware.tenant.edit"}
    assert sim.post("pbxware.tenant.list", bogus=1)["error"].startswith("Unknown field 'bogus'")


def test_no_strict_accepts_and_ignores_read_names(make_sim):
    client = make_sim(strict=False)
    assert client.post("pbxware.tenant.edit", server=1, id=2, incominglimit=50, conch=9, bogus=1) == {
        "success": "Tenant ID: 2", "id": "2"}
    config = client.post("pbxware.tenant.configuration", id=2)
    assert (config["incominglimit"], config["conch"]) == ("8", "8")  # silently ignored
    client.post("pbxware.tenant.edit", server=1, id=2, aach=30)  # observed write name, undocumented
    assert client.post("pbxware.tenant.configuration", id=2)["aach"] == "30"


def test_required_missing_message(sim):
    args = dict(TENANT)
    del args["tenant_code"]
    assert sim.post("pbxware.tenant.add", **args) == {"error": "Required field 'tenant_code' is missing"}


def test_regex_failure_messages(sim):
    assert sim.post("pbxware.tenant.add", **dict(TENANT, tenant_code="12")) == {
        "error": "Required field 'tenant_code=12' contains invalid data (Regex: /^\\d{3}$/)"}
    assert sim.post("pbxware.tenant.add", **dict(TENANT, recordformat="mp3")) == {
        "error": "Field 'recordformat=mp3' contains invalid data (Regex: /^(gsm|wav|wav49|g729|ogg)$/)"}


def test_empty_collection_is_empty_list(sim):
    for tenant_id in (2, 3):
        assert sim.post("pbxware.tenant.delete", server=1, id=tenant_id)["success"]
    status, _, body = sim.raw(form={"apikey": API_KEY, "action": "pbxware.tenant.list"})
    assert body == b"[]"
    sim.post("pbxware.trunk.delete", server=1, id=2316)
    assert sim.post("pbxware.trunk.list") == []


def test_unknown_and_missing_action(sim):
    assert sim.post("pbxware.nothing.here") == {"error": "Selected action not allowed"}
    status, _, body = sim.raw(form={"apikey": API_KEY})
    assert json.loads(body) == {"error": "No action selected."}


def test_other_methods_not_allowed(sim):
    status, headers, _ = sim.raw("DELETE", query={"apikey": API_KEY, "action": "pbxware.tenant.list"})
    assert status == 405
