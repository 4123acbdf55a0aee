# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Secret scan of the failure paths.

Failing tasks that carry secrets (the API key, an extension's secret, PIN and password,
``options.auth``/``options.pbd_pin`` the server quotes back, a password in the URL, a
tenant's HTTP and LDAP passwords, an operation-times PIN, SMS trunk credentials) run

- through ``ansible-playbook -vvv`` (one playbook, ``ignore_errors: true``, ``ANSIBLE_LOG_PATH``
  set): its output and log must not hold any secret, raw or URL-encoded;
- in-process, like every case of the bad-input catalogue: the module's result must not hold one.
"""

import json
import os
import re
import subprocess
import sys
from urllib.parse import quote, quote_plus, urlsplit

import pytest

from bad_input_cases import CASES, EXT, T1, trunk_create
from harness import run_module, staged_collections_root

# Option names whose values are secret, wherever they appear in a task's arguments.
SECRET_OPTIONS = frozenset(("api_key", "pin", "secret", "password", "http_password", "ldap_password", "auth",
                            "pbd_pin", "peer_secret",
                            # SMS trunk credentials (pbxware_sms_trunk: one option per provider's secret).
                            "telnyx_api_key", "bandwidth_password", "twilio_auth_token", "vi_secret", "ozsms_api_key"))
# Shorter values are not scanned (they would match unrelated text; the engine does not mask them either).
MIN_SCANNED = 4
PLAYBOOK_TIMEOUT = 90

PIN = "7314"
SECRET = "Vq7!Sekr3t_Ext"
PASSWORD = "Pw-Ext-9431x"
AUTH = "AuthS3kr3t-nope"           # options.auth: not user[:pass]@host, refused before any call
PBD_PIN = "PbdPin5150"
URL_PASSWORD = "Sekr3tPw"
HTTP_PASSWORD = "HttpS3kr3t-42"
LDAP_PASSWORD = "LdapS3kr3t-77"
ROUTE_PIN = "98ab-RoutePin"        # digits only: refused before any call
WRONG_KEY = "Wr0ngApiKey-123456"
SMS_AUTH_TOKEN = "TwAuthS3kr3t-5521"
SMS_API_KEY = "TelnyxS3kr3t-6632"
SMS_PASSWORD = "BwPassS3kr3t-7743"


def secret_cases(sim):
    """Failing tasks carrying secrets: (id, module, args). ``sim`` supplies the URLs."""
    host = "%s:%s" % (sim.host, sim.port)
    ext = dict(tenant=T1, extension=EXT[:-1] + "2", name="Carol", email="carol@example.com", protocol="sip",
               location="local", user_agent="generic_sip", status="enabled", pin=PIN, secret=SECRET,
               password=PASSWORD, incoming_limit=2, outgoing_limit=2, voicemail=True)
    tenant = dict(tenant_code="556", name="t8.example.com", package="Basic", ext_length=3, country="United States",
                  national="1", international="011")
    return [
        ("bad-email-with-secrets", "pbxware_extension", dict(ext, email="carol@")),
        ("bad-pin", "pbxware_extension", dict(ext, pin=PIN + "x")),
        ("bad-secret-charset", "pbxware_extension", dict(ext, secret=SECRET + "#")),
        ("secret-newline", "pbxware_extension", dict(ext, secret=SECRET + "\n")),
        ("unknown-tenant-with-secrets", "pbxware_extension", dict(ext, tenant="nosuch.example.com")),
        ("auth-quoted-back", "pbxware_extension",
         dict(tenant=T1, extension=EXT, options={"auth": AUTH, "pbd_pin": PBD_PIN}, force_write_only=True)),
        ("url-password-unknown-tenant", "pbxware_extension",
         dict(ext, url="http://user:%s@%s/index.php" % (URL_PASSWORD, host), tenant="nosuch.example.com")),
        ("url-password-wrong-path", "pbxware_server_info",
         dict(url="http://user:%s@%s/api/v1" % (URL_PASSWORD, host))),
        ("url-carries-api-key", "pbxware_server_info",
         dict(url="http://%s/index.php?apikey=%s" % (host, sim.api_key))),
        ("wrong-api-key", "pbxware_tenant_info", dict(api_key=WRONG_KEY)),
        ("tenant-name-taken-with-passwords", "pbxware_tenant",
         dict(tenant, name="t1.example.com", http_password=HTTP_PASSWORD, ldap_password=LDAP_PASSWORD)),
        ("tenant-bad-code-with-passwords", "pbxware_tenant",
         dict(tenant, tenant_code="55", http_password=HTTP_PASSWORD, ldap_password=LDAP_PASSWORD)),
        ("route-pin-refused", "pbxware_operation_times",
         dict(tenant=T1, kind="route", object_id="1", status="on", pin=ROUTE_PIN)),
        ("route-pin-wrong-kind", "pbxware_operation_times",
         dict(tenant=T1, kind="ivr", object_id="1", status="on", pin=ROUTE_PIN)),
        ("trunk-pstn-provider-with-secrets", "pbxware_trunk",
         trunk_create(provider="Generic Analog", secret=SECRET, peer_secret=PASSWORD, auth=AUTH)),
        ("sms-trunk-other-provider-with-secrets", "pbxware_sms_trunk",
         dict(name="Twilio-main", provider="twilio", twilio_account_sid="AC0123456789",
              twilio_auth_token=SMS_AUTH_TOKEN, telnyx_api_key=SMS_API_KEY)),
        ("sms-trunk-missing-argument-with-secrets", "pbxware_sms_trunk",
         dict(name="BW-main", provider="bandwidth", bandwidth_username="acme", bandwidth_password=SMS_PASSWORD,
              bandwidth_user_id="u-1")),
    ]


def secret_values(args, api_key=None):
    """Every secret a task's arguments hold (nested too), plus the API key and a URL password."""
    found = set()

    def walk(value, key=None):
        if isinstance(value, dict):
            for sub_key, item in value.items():
                walk(item, sub_key)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item, key)
        elif key in SECRET_OPTIONS and value not in (None, "") and not isinstance(value, bool):
            found.add(str(value))
        elif key == "url" and value:
            password = urlsplit(str(value)).password
            if password:
                found.add(password)
            found.update(re.findall(r"apikey=([^&]+)", str(value)))

    walk(args)
    if api_key:
        found.add(api_key)
    return sorted(value for value in found if len(value.strip()) >= MIN_SCANNED)


def forms(secret):
    """The raw value and its URL-encoded spellings (and the value without surrounding blanks)."""
    return sorted(set(form for value in (secret, secret.strip())
                      for form in (value, quote(value, safe=""), quote_plus(value))))


def leaks(text, secrets):
    """``(secret, form)`` pairs found in ``text``. Whole-token matches, so 7314 in port 47314 is no leak."""
    found = []
    for secret in secrets:
        for form in forms(secret):
            if re.search(r"(?<![A-Za-z0-9])%s(?![A-Za-z0-9])" % re.escape(form), text):
                found.append((secret, form))
    return found


# -- in-process: every result -----------------------------------------------------------------


@pytest.mark.parametrize("item", CASES, ids=[item["id"] for item in CASES])
def test_catalogue_results_hold_no_secret(fresh_sim, item):
    result = run_module(fresh_sim, item["module"], item["args"], check_mode=item.get("check_mode", False))
    secrets = secret_values(item["args"], fresh_sim.api_key)
    assert not leaks(result["_printed"], secrets), "secret in the result of %s: %s" % (item["id"], result["msg"])


def test_secret_cases_fail_without_secrets(fresh_sim):
    problems = []
    for case_id, module, args in secret_cases(fresh_sim):
        fresh_sim.reset()
        result = run_module(fresh_sim, module, args)
        if not result.get("failed"):
            problems.append("%s: did not fail" % case_id)
        found = leaks(result["_printed"], secret_values(args, fresh_sim.api_key))
        if found:
            problems.append("%s: %s in %r" % (case_id, ", ".join(form for secret, form in found), result.get("msg")))
    assert not problems, "\n".join(problems)


# -- ansible-playbook -vvv --------------------------------------------------------------------


def test_playbook_output_and_log_hold_no_secret(fresh_sim, tmp_path):
    cases = secret_cases(fresh_sim)
    tasks = []
    for case_id, module, args in cases:
        task_args = dict(url=fresh_sim.url, api_key=fresh_sim.api_key)
        task_args.update(args)
        tasks.append({"name": case_id, "bicom.pbxware." + module: task_args, "ignore_errors": True})
    playbook = [{"name": "Secret scan of failure paths", "hosts": "localhost", "connection": "local",
                 "gather_facts": False, "vars": {"ansible_python_interpreter": sys.executable}, "tasks": tasks}]
    # JSON is YAML: control characters and quotes survive as they are.
    (tmp_path / "secret-scan.yml").write_text(json.dumps(playbook, indent=1), encoding="utf-8")
    (tmp_path / "inventory").write_text("localhost ansible_connection=local\n", encoding="utf-8")
    log_path = tmp_path / "ansible.log"
    env = dict((key, value) for key, value in os.environ.items()
               if not key.startswith(("ANSIBLE_", "PBXWARE_")))
    env.update(ANSIBLE_COLLECTIONS_PATH=staged_collections_root(), ANSIBLE_LOG_PATH=str(log_path),
               ANSIBLE_NOCOLOR="1", ANSIBLE_FORCE_COLOR="0", ANSIBLE_RETRY_FILES_ENABLED="0",
               ANSIBLE_LOCAL_TEMP=str(tmp_path / "tmp"), ANSIBLE_HOME=str(tmp_path / "ansible-home"),
               ANSIBLE_DEPRECATION_WARNINGS="0", ANSIBLE_PIPELINING="1",
               # ansible-core 2.21 leaves the task arguments out of results by default; older cores (and
               # this setting) show them at -vvv: the no_log of every secret option is checked here.
               ANSIBLE_INJECT_INVOCATION="1")
    binary = os.path.join(os.path.dirname(sys.executable), "ansible-playbook")
    # cwd: a directory without ansible.cfg (the repository's points at build/collections).
    run = subprocess.run([binary, "-vvv", "-i", "inventory", "secret-scan.yml"], cwd=str(tmp_path), env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, universal_newlines=True,
                         timeout=PLAYBOOK_TIMEOUT, check=False)
    output = run.stdout + "\n" + run.stderr
    assert run.returncode == 0, "ansible-playbook failed (%s):\n%s" % (run.returncode, output[-4000:])
    recap = re.search(r"localhost\s*:\s*ok=(\d+).*failed=(\d+).*ignored=(\d+)", run.stdout)
    assert recap, "no PLAY RECAP in the output:\n%s" % output[-4000:]
    assert int(recap.group(3)) == len(cases), "every task must fail (ignored): %s" % recap.group(0)
    assert log_path.exists() and log_path.stat().st_size > 0, "ANSIBLE_LOG_PATH was not written"
    log = log_path.read_text(encoding="utf-8")
    secrets = sorted(set(secret for case_id, module, args in cases
                         for secret in secret_values(args, fresh_sim.api_key)))
    assert len(secrets) >= 10, secrets
    problems = ["%s in %s" % (form, where) for where, text in (("output", output), ("log", log))
                for secret, form in leaks(text, secrets)]
    assert not problems, "secrets leaked by ansible-playbook -vvv: %s" % ", ".join(problems)
    # The scan looked at real failure output: every task ran, and the server's quoted-back values were masked.
    for case_id, module, args in cases:
        assert "TASK [%s]" % case_id in run.stdout, case_id
    # options.auth and the route PIN are refused before any call (the vendor's patterns), without
    # showing them; values a server quotes back are scrubbed too (unit: test_other_secrets_are_scrubbed...).
    assert "options.auth: a value does not match" in output
    assert "pin: a route PIN is digits only" in output


def test_scanner_finds_leaks():
    """The scan itself: raw and URL-encoded forms are found, a secret inside a longer token is not."""
    assert leaks("url http://u:Sekr3t%2FPw@host/", ["Sekr3t/Pw"]) == [("Sekr3t/Pw", "Sekr3t%2FPw")]
    assert leaks("auth=AuthS3kr3t-nope failed", [AUTH])
    assert leaks("a b+c", ["a b+c"]) and leaks("x=a+b%2Bc&", ["a b+c"])
    assert not leaks("listening on 127.0.0.1:47314", [PIN])
    assert secret_values({"url": "http://u:%s@h/index.php?apikey=K3yK3yK3y" % URL_PASSWORD,
                          "options": {"auth": AUTH, "dtmfmode": "rfc2833"}, "pin": "12"}, "ApiK3y-1") == \
        sorted([URL_PASSWORD, "K3yK3yK3y", AUTH, "ApiK3y-1"])
