# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import socket

import pytest
import requests
import urllib3

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import client as client_mod
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareApiError, PBXwareClient, PBXwareError, PBXwareResponseError, PBXwareTransportError, is_read_action)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import ColonList, CommaList, encode_params
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.version import COLLECTION_VERSION

KEY = "S3cr3t+Key/42=="
URL = "https://pbx.example.com/index.php"


class FakeResponse(object):
    def __init__(self, status=200, body="", headers=None):
        self.status_code = status
        self.text = body if isinstance(body, str) else json.dumps(body)
        self.headers = headers or {}


class FakeSession(object):
    """Plays back answers (FakeResponse or exception) and records every post."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.headers = {}
        self.posts = []

    def post(self, url, data=None, timeout=None, verify=None):
        self.posts.append({"url": url, "data": list(data), "timeout": timeout, "verify": verify})
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def make_client(*answers, **kwargs):
    """A client on a FakeSession; ``client.sleeps`` records the backoff delays."""
    sleeps = []
    client = PBXwareClient(URL, KEY, session=FakeSession(*answers), sleep=sleeps.append, module_name="pbxware_test",
                           **kwargs)
    client.sleeps = sleeps
    return client


# -- encoding -------------------------------------------------------------------

def test_encode_scalars_booleans_and_none():
    assert encode_params({"server": 2, "status": True, "voicemail": False, "email": None, "name": "A B"}) == [
        ("server", "2"), ("status", "1"), ("voicemail", "0"), ("name", "A B")]


def test_encode_comma_and_colon_lists():
    assert encode_params({"codecs": CommaList(["ulaw", "alaw"]), "acodecs": ColonList(["ulaw", "g729"])}) == [
        ("codecs", "ulaw,alaw"), ("acodecs", "ulaw:g729")]


def test_encode_repeated_and_bracket_arrays():
    pairs = encode_params({
        "name": ["Mon", "Tue"],
        "keymap": {"1": {"type": "ex", "destination": 901}, "t": {"type": "vm", "destination": "100"}},
    })
    assert pairs == [
        ("name[]", "Mon"), ("name[]", "Tue"),
        ("keymap[1][type]", "ex"), ("keymap[1][destination]", "901"),
        ("keymap[t][type]", "vm"), ("keymap[t][destination]", "100"),
    ]


def test_plus_sign_survives_as_a_value():
    # A '+' external number must reach the server as '+', which form encoding of the pair does.
    assert encode_params({"destination": "+38761000000"}) == [("destination", "+38761000000")]


# -- requests and answers --------------------------------------------------------

def test_key_goes_in_the_post_body_and_user_agent_names_the_module():
    client = make_client(FakeResponse(body={"2": {"name": "t1"}}))
    assert client.read("pbxware.tenant.list") == {"2": {"name": "t1"}}
    post = client.session.posts[0]
    assert post["url"] == URL and KEY not in post["url"]
    assert post["data"][:2] == [("apikey", KEY), ("action", "pbxware.tenant.list")]
    assert client.session.headers["User-Agent"] == "bicom.pbxware/%s (pbxware_test)" % COLLECTION_VERSION
    assert post["verify"] is True and post["timeout"] == 30


@pytest.mark.parametrize("suffix", ["?apikey=abc", "?action=x&APIKEY=abc", "?%61pikey=abc", "#apikey=abc",
                                    "?key=" + KEY, "/" + KEY])
def test_url_carrying_the_key_is_refused(suffix):
    with pytest.raises(PBXwareError, match="must not carry the API key") as info:
        PBXwareClient(URL + suffix, KEY, session=FakeSession())
    assert KEY not in info.value.message


def test_missing_url_or_key_is_a_clear_error():
    with pytest.raises(PBXwareError, match="PBXWARE_URL"):
        PBXwareClient("", KEY, session=FakeSession())
    with pytest.raises(PBXwareError, match="PBXWARE_API_KEY"):
        PBXwareClient(URL, "", session=FakeSession())


def test_api_error_names_the_action_and_message_and_is_not_retried():
    client = make_client(FakeResponse(body={"error": "Required field 'name' is missing"}))
    with pytest.raises(PBXwareApiError) as info:
        client.read("pbxware.ext.list")
    assert str(info.value) == "PBXware API action pbxware.ext.list failed: Required field 'name' is missing"
    assert len(client.session.posts) == 1 and client.sleeps == []


def test_non_json_body_reports_status_and_200_characters():
    body = "<html><body>" + "x" * 500 + "</body></html>"
    client = make_client(FakeResponse(body=body), retries=0)
    with pytest.raises(PBXwareResponseError) as info:
        client.read("pbxware.tenant.list")
    message = str(info.value)
    assert "HTTP 200, not JSON" in message and "<html><body>xxx" in message
    assert len(message.split("not JSON: ")[1]) == 203  # 200 characters and an ellipsis


def test_empty_body_is_an_error():
    client = make_client(FakeResponse(body="   "), retries=0)
    with pytest.raises(PBXwareResponseError, match="empty body"):
        client.read("pbxware.tenant.list")


def test_http_error_status_is_reported():
    client = make_client(FakeResponse(status=404, body="Not Found"), retries=3)
    with pytest.raises(PBXwareResponseError, match="HTTP 404: Not Found") as info:
        client.read("pbxware.tenant.list")
    assert info.value.status == 404


# -- retries -----------------------------------------------------------------------

@pytest.mark.parametrize("fault", [
    FakeResponse(status=500, body="oops"),
    FakeResponse(status=503, body="busy"),
    FakeResponse(body="Failed to generate configuration"),
    requests.exceptions.ReadTimeout("read timed out"),
    requests.exceptions.ConnectionError("Connection aborted"),
])
def test_reads_are_retried_with_backoff(fault):
    client = make_client(fault, fault, FakeResponse(body=[]))
    assert client.read("pbxware.tenant.list") == []
    assert len(client.session.posts) == 3
    assert len(client.sleeps) == 2 and client.sleeps[0] < client.sleeps[1]


def test_retry_after_is_honoured_and_capped():
    client = make_client(
        FakeResponse(status=429, body="slow down", headers={"Retry-After": "7"}),
        FakeResponse(status=429, body="slow down", headers={"Retry-After": "3600"}),
        FakeResponse(body={}))
    client.read("pbxware.ext.list")
    assert client.sleeps == [7.0, client_mod.MAX_RETRY_AFTER]


def test_read_gives_up_after_the_configured_retries():
    client = make_client(*[FakeResponse(status=502, body="bad gateway")] * 3, retries=2)
    with pytest.raises(PBXwareResponseError, match="HTTP 502"):
        client.read("pbxware.tenant.list")
    assert len(client.session.posts) == 3


@pytest.mark.parametrize("fault", [
    FakeResponse(status=500, body="oops"),
    FakeResponse(body="Failed to generate configuration"),
    requests.exceptions.ReadTimeout("read timed out"),
    requests.exceptions.ConnectionError("Connection reset by peer"),
])
def test_writes_are_never_resent(fault):
    client = make_client(fault, FakeResponse(body={"success": "ok"}))
    with pytest.raises((PBXwareResponseError, PBXwareTransportError)):
        client.write("pbxware.tenant.add", {"tenant_name": "t9.example.com"})
    assert len(client.session.posts) == 1 and client.sleeps == []


def test_action_method_decides_read_or_write():
    assert is_read_action("pbxware.ext.configuration") and is_read_action("pbxware.ext.es.dnd.get_osc")
    assert not is_read_action("pbxware.ext.add") and not is_read_action("pbxware.ext.es.dnd.set")
    client = make_client(FakeResponse(status=500, body="x"))
    with pytest.raises(PBXwareResponseError):
        client.call("pbxware.did.delete", {"id": 3})
    assert len(client.session.posts) == 1


def test_whether_a_failed_write_may_have_reached_the_server():
    never_connected = urllib3.exceptions.NewConnectionError(None, "Connection refused")
    refused = requests.exceptions.ConnectionError(urllib3.exceptions.MaxRetryError(None, "/index.php", never_connected))
    # The text alone decides nothing: only the exception's type does.
    says_refused = requests.exceptions.ConnectionError("NewConnectionError: Connection refused")
    dropped = requests.exceptions.ConnectionError(urllib3.exceptions.ProtocolError("Connection aborted."))
    for fault, reached in [(refused, False),
                           (says_refused, True),
                           (dropped, True),
                           (requests.exceptions.ConnectTimeout("connect timeout"), False),
                           (requests.exceptions.ReadTimeout("read timeout"), True),
                           (requests.exceptions.ConnectionError("RemoteDisconnected"), True)]:
        client = make_client(fault)
        with pytest.raises(PBXwareTransportError) as info:
            client.write("pbxware.tenant.add")
        assert info.value.reached_server is reached, fault


def test_a_refused_connection_never_reached_the_server():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    client = PBXwareClient("http://127.0.0.1:%d/index.php" % port, KEY, timeout=2, backoff=0)
    with pytest.raises(PBXwareTransportError) as info:
        client.write("pbxware.tenant.add")
    assert info.value.reached_server is False


# -- the key never shows -------------------------------------------------------------

def _all_forms(key):
    from urllib.parse import quote, quote_plus
    return {key, quote(key, safe=""), quote_plus(key)}


@pytest.mark.parametrize("fault", [
    requests.exceptions.ConnectionError("Max retries exceeded with url: /index.php?apikey=%s" % KEY),
    requests.exceptions.ReadTimeout("timeout for apikey=S3cr3t%2BKey%2F42%3D%3D"),
    FakeResponse(status=500, body="Fatal error near apikey=S3cr3t+Key/42=="),
    FakeResponse(body="<html>apikey=S3cr3t%2BKey%2F42%3D%3D</html>"),
    FakeResponse(body={"error": "Invalid API key. S3cr3t+Key/42=="}),
])
def test_key_is_scrubbed_from_every_error(fault):
    client = make_client(fault, retries=0)
    with pytest.raises(PBXwareError) as info:
        client.read("pbxware.tenant.list")
    text = str(info.value) + repr(info.value.args)
    for form in _all_forms(KEY):
        assert form not in text
    assert "********" in text


def test_galaxy_version_matches_user_agent_version():
    galaxy = os.path.join(os.path.dirname(__file__), "..", "..", "..", "..", "..", "galaxy.yml")
    with open(galaxy) as handle:
        version = re.search(r"^version:\s*['\"]?([^'\"\s]+)", handle.read(), re.M).group(1)
    assert version == COLLECTION_VERSION


# -- TLS, URLs --------------------------------------------------------------------------

def test_a_certificate_failure_is_not_retried():
    fault = requests.exceptions.SSLError("certificate verify failed: self-signed certificate")
    client = make_client(fault, FakeResponse(body=[]))
    with pytest.raises(PBXwareTransportError) as info:
        client.read("pbxware.tenant.list")
    assert len(client.session.posts) == 1 and client.sleeps == []
    assert "ca_path" in info.value.message and "self-signed" in info.value.message


def test_ca_path_is_the_bundle_requests_verifies_with(tmp_path):
    bundle = tmp_path / "pbx-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n")
    client = make_client(FakeResponse(body=[]), ca_path=str(bundle))
    client.read("pbxware.tenant.list")
    assert client.session.posts[0]["verify"] == str(bundle)
    # validate_certs=false wins: nothing is verified.
    client = make_client(FakeResponse(body=[]), ca_path=str(bundle), validate_certs=False)
    client.read("pbxware.tenant.list")
    assert client.session.posts[0]["verify"] is False


def test_a_missing_ca_path_is_refused_before_any_call(tmp_path):
    with pytest.raises(PBXwareError, match="ca_path .* is not a file"):
        make_client(ca_path=str(tmp_path / "missing.pem"))


def test_a_url_password_never_shows():
    url = "https://admin:pw-Secret9@pbx.example.com/index.php"
    fault = requests.exceptions.ConnectionError("Max retries exceeded with url: %s" % url)
    client = PBXwareClient(url, KEY, session=FakeSession(fault), sleep=lambda s: None, retries=0)
    assert "pw-Secret9" not in client.display_url and "admin" in client.display_url
    with pytest.raises(PBXwareTransportError) as info:
        client.read("pbxware.tenant.list")
    assert "pw-Secret9" not in info.value.message and "********" in info.value.message


def test_other_secrets_are_scrubbed_from_server_messages():
    answer = FakeResponse(body={"error": "Field 'auth=Hunter2-x' contains invalid data"})
    client = make_client(answer, secrets=["Hunter2-x"])
    with pytest.raises(PBXwareApiError) as info:
        client.write("pbxware.ext.edit")
    assert "Hunter2-x" not in info.value.message


@pytest.mark.parametrize("url,warns", [
    ("https://pbx.example.com/index.php", False),
    ("https://pbx.example.com/", False),
    ("https://pbx.example.com", False),
    ("https://pbx.example.com/pbxware", True),
    ("https://pbx.example.com/api/", True),
])
def test_a_path_that_is_not_the_apis_draws_a_warning(url, warns):
    client = PBXwareClient(url, KEY, session=FakeSession())
    assert bool(client.warnings) is warns


@pytest.mark.parametrize("url", ["pbx.example.com/index.php", "ftp://pbx.example.com/index.php", "https:///index.php"])
def test_a_url_that_is_not_http_is_refused(url):
    with pytest.raises(PBXwareError, match="url must be an http"):
        PBXwareClient(url, KEY, session=FakeSession())


def test_retry_after_as_an_http_date():
    import email.utils
    in_five = email.utils.formatdate(__import__("time").time() + 5, usegmt=True)
    client = make_client(FakeResponse(status=429, body="slow down", headers={"Retry-After": in_five}),
                         FakeResponse(body=[]))
    client.read("pbxware.tenant.list")
    assert len(client.sleeps) == 1 and 3 <= client.sleeps[0] <= 5.5
    past = email.utils.formatdate(0, usegmt=True)
    client = make_client(FakeResponse(status=503, body="busy", headers={"Retry-After": past}), FakeResponse(body=[]))
    client.read("pbxware.tenant.list")
    assert client.sleeps == [0.0]
    client = make_client(FakeResponse(status=503, body="busy", headers={"Retry-After": "soon"}), FakeResponse(body=[]))
    client.read("pbxware.tenant.list")
    assert len(client.sleeps) == 1  # unreadable: ordinary backoff
