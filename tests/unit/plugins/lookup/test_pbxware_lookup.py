# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import json

import pytest
import requests
from ansible.errors import AnsibleError
from ansible.parsing.dataloader import DataLoader
from ansible.plugins.loader import lookup_loader
from ansible.template import Templar

KEY = "unit-test-key-0123456789"
URL = "http://pbx.invalid/index.php"
SECRET = "Sx-4f9a1c7e2bQ9"
UNSAFE = "{{ 7 * 7 }}"
EXTENSIONS = {"57": {"ext": "101", "name": UNSAFE, "protocol": "sip"}}
CONFIGURATION = {"57": {"ext": "101", "options": {"secret": SECRET, "pin": "4827", "codecs": ["ulaw"]}}}


class Answer(object):
    def __init__(self, body, status=200):
        self.status_code = status
        self.text = json.dumps(body)
        self.headers = {}


@pytest.fixture
def api(monkeypatch):
    """Every request as ``(action, [(argument, value)...], user agent)``; ``api.answers`` maps actions to answers."""
    class Api(object):
        posts = []
        answers = {"pbxware.ext.list": EXTENSIONS, "pbxware.ext.configuration": CONFIGURATION,
                   "pbxware.uads.list": []}

    def post(session, url, data=None, **kwargs):
        assert data[0] == ("apikey", KEY) and data[1][0] == "action" and "apikey" not in url
        Api.posts.append((data[1][1], data[2:], session.headers["User-Agent"]))
        return Answer(Api.answers.get(data[1][1], {"error": "Selected action not allowed"}))

    monkeypatch.setattr(requests.Session, "post", post)
    for name in ("PBXWARE_URL", "PBXWARE_API_KEY", "PBXWARE_CA_PATH", "PBXWARE_VALIDATE_CERTS", "PBXWARE_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    return Api


def lookup(*terms, **kwargs):
    plugin = lookup_loader.get("bicom.pbxware.pbxware", loader=DataLoader(), templar=None)
    return plugin.run(list(terms), variables={}, **kwargs)


def render(expression, variables):
    """``expression`` (trusted, as in a playbook) templated with ``variables``."""
    try:
        from ansible.template import trust_as_template  # ansible-core 2.19+
    except ImportError:  # before 2.19 every str is a trusted template
        def trust_as_template(value):
            return value
    return Templar(loader=DataLoader(), variables=variables).template(trust_as_template(expression))


def test_one_answer_per_term_with_the_keywords_as_arguments(api):
    answers = lookup("pbxware.ext.list", "uads.list", server=2, url=URL, api_key=KEY)
    assert answers == [EXTENSIONS, []]
    assert [(action, args) for action, args, agent in api.posts] == [
        ("pbxware.ext.list", [("server", "2")]), ("pbxware.uads.list", [("server", "2")])]
    assert api.posts[0][2].startswith("bicom.pbxware/") and api.posts[0][2].endswith("(bicom.pbxware.pbxware lookup)")


def test_connection_from_the_environment(api, monkeypatch):
    monkeypatch.setenv("PBXWARE_URL", URL)
    monkeypatch.setenv("PBXWARE_API_KEY", KEY)
    monkeypatch.setenv("PBXWARE_TIMEOUT", "7")
    assert lookup("ext.list") == [EXTENSIONS]
    assert api.posts[0][:2] == ("pbxware.ext.list", [])


def test_arguments_option_and_keywords_merge(api):
    lookup("ext.configuration", arguments={"timeout": 5, "id": 1}, id=57, url=URL, api_key=KEY)
    assert api.posts[0][1] == [("timeout", "5"), ("id", "57")]


def test_answers_are_masked_unless_revealed(api):
    options = lookup("ext.configuration", id=57, url=URL, api_key=KEY)[0]["57"]["options"]
    assert options == {"secret": "********", "pin": "********", "codecs": ["ulaw"]}
    options = lookup("ext.configuration", id=57, url=URL, api_key=KEY, reveal_secrets=True)[0]["57"]["options"]
    assert options["secret"] == SECRET


def test_answers_are_never_templated(api):
    variables = {"url": URL, "key": KEY}
    assert render("{{ lookup('bicom.pbxware.pbxware', 'ext.list', server=2, url=url, api_key=key) }}",
                  variables)["57"]["name"] == UNSAFE
    assert render("{{ (query('bicom.pbxware.pbxware', 'pbxware.ext.list', url=url, api_key=key) | first)['57'].name }}",
                  variables) == UNSAFE
    assert render("{{ answer['57'].name }}", {"answer": lookup("ext.list", url=URL, api_key=KEY)[0]}) == UNSAFE


@pytest.mark.parametrize("action", ["pbxware.ext.add", "ext.edit", "pbxware.erg.members", "license.refresh",
                                    "pbxware.ext.es.dnd.set"])
def test_a_write_is_refused_before_any_request(api, action):
    with pytest.raises(AnsibleError, match="writes .* a lookup runs whenever a template is evaluated") as info:
        lookup("ext.list", action, url=URL, api_key=KEY)
    assert api.posts == [] and "bicom.pbxware.pbxware_api" in str(info.value)


def test_a_write_is_refused_in_a_template(api):
    with pytest.raises(AnsibleError) as info:
        render("{{ lookup('bicom.pbxware.pbxware', 'ext.delete', id=57, url=url, api_key=key) }}",
               {"url": URL, "key": KEY})
    assert api.posts == [] and "pbxware.ext.delete writes" in repr(info.value) + str(info.value.__cause__)


@pytest.mark.parametrize("terms, kwargs, message", [
    (["ext"], {}, "pbxware.<object>.<method>"),
    (["ext.list"], {"apikey": "x"}, "arguments.apikey cannot be given"),
    (["ext.list"], {"arguments": {"action": "pbxware.ext.add"}}, "arguments.action cannot be given"),
])
def test_bad_input_is_refused(api, terms, kwargs, message):
    with pytest.raises(AnsibleError, match=message.replace(".", r"\.")):
        lookup(*terms, url=URL, api_key=KEY, **kwargs)
    assert api.posts == []


def test_no_connection_says_how_to_give_it(api):
    with pytest.raises(AnsibleError, match="PBXWARE_URL"):
        lookup("ext.list", api_key=KEY)


def test_api_errors_name_the_action_and_hide_secrets(api):
    api.answers = {"pbxware.ext.configuration": {"error": "Bad pin %s for key %s" % ("98765", KEY)}}
    with pytest.raises(AnsibleError) as info:
        lookup("ext.configuration", id=57, pin="98765", url=URL, api_key=KEY)
    message = str(info.value)
    assert "PBXware API action pbxware.ext.configuration failed: Bad pin" in message
    assert "98765" not in message and KEY not in message


def test_no_terms_no_request(api):
    assert lookup(url=URL, api_key=KEY) == []
    assert api.posts == []
