# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue: input every module must refuse, honestly and early.

Each case is a dict:

- ``id``: unique name; ``module``: the module (``pbxware_`` prefix left out);
- ``args``: module arguments (the connection options are added by the runner;
  a key set to ``None`` is left out, e.g. ``url=None`` for a missing url);
- ``parameter``: the option the message must name;
- ``match``: a substring of the message;
- ``calls``: ``"none"``: the input can be judged before any read, so not one API
  request may reach the server; ``"reads_only"``: judging it needs a read (a tenant's
  extension length, a name lookup, the current record), but never a write;
- ``check_mode`` (optional): run in check mode;
- ``xfail`` (optional): why the engine does not meet the case yet. The test is then a
  strict xfail: it shows in every run, and fails once the engine is fixed (drop the key then).

Derived from the argument specs (plugins/modules) and the validation in
plugins/module_utils/resources/*.py and engine/module.py; the rules the engine does not
check yet come from the vendor's Postman regexes the simulator enforces.
"""

from bad_input_api import CASES as API_CASES
from bad_input_callflow import CASES as CALLFLOW_CASES
from bad_input_common import NONE, READS, case
from bad_input_directory import CASES as DIRECTORY_CASES
from bad_input_messaging import CASES as MESSAGING_CASES
from bad_input_operations import CASES as OPERATIONS_CASES
from bad_input_records import CASES as RECORDS_CASES
from harness import EXISTING_DID, EXISTING_EXTENSION, T1_CODE, T1_EXT_LENGTH

T1 = T1_CODE                          # "344": t1.example.com, tenant ID 2 of the bundled fixture
EXT = EXISTING_EXTENSION              # "100", seeded in tenant 344 (harness.seeded_fixture)
DID = EXISTING_DID                    # seeded in tenant 344
NEW_EXT = EXT[:-1] + "1"              # "101": right length, does not exist
UNKNOWN_EXT = "9" * T1_EXT_LENGTH     # "999": right length, does not exist
TOO_LONG = EXT + "0"                  # "1000"
TOO_SHORT = EXT[:-1]                  # "10"
WRONG_LENGTH = "uses %d-digit extensions" % T1_EXT_LENGTH


def ext_create(**override):
    """A complete, valid pbxware_extension create in tenant 344, with ``override`` applied."""
    args = dict(tenant=T1, extension=NEW_EXT, name="Bob Example", email="bob@example.com", protocol="sip",
                location="local", user_agent="generic_sip", status="enabled", pin="2580",
                secret="Str0ng!Passw0rd", incoming_limit=2, outgoing_limit=2, voicemail=True)
    args.update(override)
    return args


def did_create(**override):
    args = dict(tenant=T1, number="5552000", trunk="TestSIP", destination_type="extension", destination=EXT,
                name="Sales")
    args.update(override)
    return args


def trunk_create(**override):
    """A complete, valid pbxware_trunk create (trunks are system-wide), with ``override`` applied."""
    args = dict(name="Carrier", provider="Generic SIP", type="friend", dtmfmode="rfc2833", country="869",
                national="1", international="011", host="sip.example.net", username="acme", insecure="port,invite",
                loose_routing=True, incoming_limit=10, outgoing_limit=10, codecs=["ulaw", "alaw"], codecs_ptime=[20])
    args.update(override)
    return args


def tenant_create(**override):
    args = dict(tenant_code="555", name="t9.example.com", package="Basic", ext_length=3, country="United States",
                national="1", international="011")
    args.update(override)
    return args


def package_create(**override):
    args = dict(name="Gold", call_recordings=True, monitoring=True, call_screening=False, extensions=10,
                voicemails=10, queues=2, cfs=2, rgroups=2, hot_desking=2, ivrs=2)
    args.update(override)
    return args


def balance(**override):
    args = dict(tenant=T1, extension=EXT, mode="credit", amount=5, notes="Top-up", refno="INV-1")
    args.update(override)
    return args


def es(service, **override):
    args = dict(tenant=T1, extension=EXT, service=service)
    args.update(override)
    return args


def otimes(**override):
    args = dict(tenant=T1, kind="server", status="on")
    args.update(override)
    return args


CASES = [
    # -- pbxware_extension ------------------------------------------------------------------------
    case("ext-protocol-choice", "extension", ext_create(protocol="pjsip"), "protocol", "must be one of", NONE),
    case("ext-location-choice", "extension", ext_create(location="moon"), "location", "must be one of", NONE),
    case("ext-status-choice", "extension", ext_create(status="on"), "status", "must be one of", NONE),
    case("ext-state-choice", "extension", ext_create(state="gone"), "state", "must be one of", NONE),
    case("ext-update-password-choice", "extension", ext_create(update_password="sometimes"), "update_password",
         "must be one of", NONE),
    case("ext-incoming-limit-type", "extension", ext_create(incoming_limit="many"), "incoming_limit",
         "unable to convert to int", NONE),
    case("ext-outgoing-limit-float", "extension", ext_create(outgoing_limit="1.5"), "outgoing_limit",
         "unable to convert to int", NONE),
    case("ext-voicemail-type", "extension", ext_create(voicemail="perhaps"), "voicemail",
         "unable to convert to bool", NONE),
    case("ext-codecs-type", "extension", ext_create(codecs={"ulaw": 1}), "codecs", "unable to convert to list",
         NONE),
    case("ext-options-type", "extension", ext_create(options="not a dict"), "options",
         "unable to convert to dict", NONE),
    case("ext-force-write-only-type", "extension", ext_create(force_write_only="maybe"), "force_write_only",
         "unable to convert to bool", NONE),
    case("ext-tenant-id-type", "extension", dict(ext_create(tenant=None), tenant_id="two"), "tenant_id",
         "unable to convert to int", NONE),
    case("ext-timeout-type", "extension", ext_create(timeout="soon"), "timeout", "unable to convert to int", NONE),
    case("ext-validate-certs-type", "extension", ext_create(validate_certs="perhaps"), "validate_certs",
         "unable to convert to bool", NONE),
    case("ext-extension-missing", "extension", ext_create(extension=None), "extension",
         "missing required arguments", NONE),
    case("ext-url-missing", "extension", ext_create(url=None), "url", "missing required arguments", NONE),
    case("ext-api-key-missing", "extension", ext_create(api_key=None), "api_key", "missing required arguments",
         NONE),
    case("ext-tenant-exclusive", "extension", ext_create(tenant_id=2), "tenant_id", "mutually exclusive", NONE),
    case("ext-extension-letters", "extension", ext_create(extension="10a"), "extension", "digits only", NONE),
    case("ext-extension-letters-absent", "extension", dict(tenant=T1, extension="x1", state="absent"),
         "extension", "digits only", NONE),
    case("ext-extension-too-long", "extension", ext_create(extension=TOO_LONG), "extension",
         WRONG_LENGTH, READS),
    case("ext-extension-too-short", "extension", ext_create(extension=TOO_SHORT), "extension",
         WRONG_LENGTH, READS),
    case("ext-extension-too-short-check-mode", "extension", ext_create(extension=TOO_SHORT), "extension",
         WRONG_LENGTH, READS, check_mode=True),
    case("ext-pin-letters", "extension", ext_create(pin="12ab"), "pin", "exactly 4 digits", NONE),
    case("ext-pin-short", "extension", ext_create(pin="258"), "pin", "exactly 4 digits", NONE),
    case("ext-pin-long", "extension", ext_create(pin="25801"), "pin", "exactly 4 digits", NONE),
    case("ext-pin-yaml-int", "extension", ext_create(pin=83), "pin", "loses leading zeros", NONE),
    case("ext-pin-check-mode", "extension", ext_create(pin="12ab"), "pin", "exactly 4 digits", NONE,
         check_mode=True),
    case("ext-secret-charset", "extension", ext_create(secret="Str0ng!Pass#word"), "secret",
         "may only contain", NONE),
    case("ext-secret-space", "extension", ext_create(secret="Str0ng! Passw0rd"), "secret", "may only contain",
         NONE),
    case("ext-secret-weak", "extension", ext_create(secret="password"), "secret", "8 or more characters", NONE),
    case("ext-secret-short", "extension", ext_create(secret="Ab1!x"), "secret", "8 or more characters", NONE),
    case("ext-secret-no-special", "extension", ext_create(secret="Abcdefg12"), "secret", "8 or more characters",
         NONE),
    case("ext-secret-no-digit", "extension", ext_create(secret="Abcdefgh!"), "secret", "8 or more characters",
         NONE),
    case("ext-password-charset", "extension", ext_create(password="pass word"), "password", "may only contain",
         NONE),
    case("ext-incoming-limit-range", "extension", ext_create(incoming_limit=1000), "incoming_limit",
         "between 0 and 999", NONE),
    case("ext-outgoing-limit-negative", "extension", ext_create(outgoing_limit=-1), "outgoing_limit",
         "between 0 and 999", NONE),
    case("ext-codec-unknown", "extension", ext_create(codecs=["ulaw", "nosuchcodec"]), "codecs", "unknown codec",
         NONE),
    case("ext-codec-separator", "extension", ext_create(codecs=["ulaw:alaw"]), "codecs", "ulaw:alaw", NONE),
    case("ext-department-separator", "extension", ext_create(department=["1,2"]), "department",
         "separate this list", NONE),
    case("ext-department-letters", "extension", dict(tenant=T1, extension=EXT, department=["sales"]),
         "department", "sales", NONE),
    case("ext-name-empty", "extension", ext_create(name=""), "name", "cannot be empty", NONE),
    case("ext-name-blank", "extension", ext_create(name="   "), "name", "cannot be empty", NONE),
    case("ext-name-newline", "extension", ext_create(name="Bob\nEvil"), "name", "control character", NONE),
    case("ext-name-carriage-return", "extension", ext_create(name="Bob\rEvil"), "name", "control character",
         NONE),
    case("ext-email-newline", "extension", ext_create(email="bob@example.com\n"), "email", "control character",
         NONE),
    case("ext-secret-newline", "extension", ext_create(secret="Str0ng!Pass\nw0rd"), "secret",
         "control character", NONE),
    case("ext-email-malformed", "extension", ext_create(email="bob@"), "email", "e-mail address", NONE),
    case("ext-email-two", "extension", ext_create(email="a@example.com,b@example.com"), "email",
         "e-mail address", NONE),
    case("ext-user-agent-unknown", "extension", ext_create(user_agent="nosuchphone"), "user_agent",
         "not the name or ID", READS),
    case("ext-tenant-unknown", "extension", ext_create(tenant="nosuch.example.com"), "tenant", "not found",
         READS),
    case("ext-options-unknown", "extension", ext_create(options={"nosuchoption": "1"}), "options",
         "not an argument", NONE),
    case("ext-options-first-class", "extension", ext_create(options={"acodecs": "ulaw"}), "options",
         "set it with the codecs option", NONE),
    case("ext-options-server", "extension", ext_create(options={"server": "3"}), "options",
         "tenant or tenant_id", NONE),
    case("ext-create-missing-required", "extension", dict(tenant=T1, extension=NEW_EXT, name="Bob"), "email",
         "creating extension requires", READS),
    case("ext-options-ringtime-regex", "extension", dict(tenant=T1, extension=EXT, options={"ringtime": "abc"}),
         "ringtime", "ringtime", NONE),
    case("ext-options-macaddress-regex", "extension",
         dict(tenant=T1, extension=EXT, options={"macaddress": "zz-not-a-mac"}), "macaddress", "macaddress", NONE),
    case("ext-user-language-length", "extension", dict(tenant=T1, extension=EXT, user_language="x" * 61),
         "user_language", "user_language", NONE),

    # -- pbxware_extension_info -------------------------------------------------------------------
    case("ext-info-details-choice", "extension_info", dict(tenant=T1, details=["everything"]), "details",
         "must be one or more of", NONE),
    case("ext-info-status-choice", "extension_info", dict(tenant=T1, status="on"), "status", "must be one of",
         NONE),
    case("ext-info-history-type-choice", "extension_info", dict(tenant=T1, history_type="refund"), "history_type",
         "must be one of", NONE),
    case("ext-info-history-start-date", "extension_info", dict(tenant=T1, history_start="2024-13-01"),
         "history_start", "YYYY-MM-DD", NONE),
    case("ext-info-history-end-date", "extension_info", dict(tenant=T1, history_end="yesterday"), "history_end",
         "YYYY-MM-DD", NONE),
    case("ext-info-extensions-type", "extension_info", dict(tenant=T1, extensions={"a": 1}), "extensions",
         "unable to convert to list", NONE),
    case("ext-info-reveal-type", "extension_info", dict(tenant=T1, reveal_secrets="perhaps"), "reveal_secrets",
         "unable to convert to bool", NONE),
    case("ext-info-tenant-unknown", "extension_info", dict(tenant="999"), "tenant", "not found", READS),

    # -- pbxware_extension_balance ----------------------------------------------------------------
    case("balance-amount-nan", "extension_balance", balance(amount="nan"), "amount", "positive number", NONE),
    case("balance-amount-inf", "extension_balance", balance(amount="inf"), "amount", "positive number", NONE),
    case("balance-amount-negative", "extension_balance", balance(amount=-1), "amount", "positive number", NONE),
    case("balance-amount-zero", "extension_balance", balance(amount=0), "amount", "positive number", NONE),
    case("balance-amount-type", "extension_balance", balance(amount="ten"), "amount",
         "unable to convert to float", NONE),
    case("balance-mode-choice", "extension_balance", balance(mode="refund"), "mode", "must be one of", NONE),
    case("balance-notes-empty", "extension_balance", balance(notes=""), "notes", "cannot be empty", NONE),
    case("balance-notes-blank", "extension_balance", balance(notes="   "), "notes", "cannot be empty", NONE),
    case("balance-refno-empty", "extension_balance", balance(refno=""), "refno", "cannot be empty", NONE),
    case("balance-refno-missing", "extension_balance", balance(refno=None), "refno", "missing required arguments",
         NONE),
    case("balance-notes-newline", "extension_balance", balance(notes="Top\nup"), "notes", "control character",
         NONE),
    case("balance-history-since-date", "extension_balance", balance(history_since="01/02/2024"), "history_since",
         "YYYY-MM-DD", NONE),
    case("balance-extension-letters", "extension_balance", balance(extension="abc"), "extension", "digits",
         NONE),
    case("balance-extension-unknown", "extension_balance", balance(extension=UNKNOWN_EXT), "extension", UNKNOWN_EXT,
         READS),

    # -- pbxware_extension_editions ---------------------------------------------------------------
    case("editions-required-one-of", "extension_editions", dict(tenant=T1, extension=EXT), "editions",
         "one of the following is required", NONE),
    case("editions-unknown", "extension_editions", dict(tenant=T1, extension=EXT, editions=["gold"]), "editions",
         "unknown gold", NONE),
    case("editions-unknown-tenant-id", "extension_editions", dict(tenant_id=2, extension=EXT, editions=["gold"]),
         "editions", "unknown gold", NONE),
    case("editions-separator", "extension_editions", dict(tenant_id=2, extension=EXT, editions=["agent,office"]),
         "editions", "unknown agent,office", NONE),
    case("editions-modules-unknown", "extension_editions", dict(tenant_id=2, extension=EXT, modules=["fax"]),
         "modules", "unknown fax", NONE),
    case("editions-templates-type", "extension_editions",
         dict(tenant=T1, extension=EXT, use_department_templates="perhaps"), "use_department_templates",
         "unable to convert to bool", NONE),
    case("editions-extension-unknown", "extension_editions", dict(tenant=T1, extension=UNKNOWN_EXT, editions=["agent"]),
         "extension", "does not exist", READS),
    case("editions-extension-letters", "extension_editions", dict(tenant=T1, extension="abc", editions=["agent"]),
         "extension", "abc", NONE),

    # -- pbxware_extension_macs -------------------------------------------------------------------
    case("macs-empty", "extension_macs", dict(tenant=T1, extension=EXT, macs=[]), "macs", "at least one", NONE),
    case("macs-not-a-mac", "extension_macs", dict(tenant=T1, extension=EXT, macs=[{"mac": "zz:zz"}]), "macs",
         "not a MAC address", NONE),
    case("macs-too-short", "extension_macs", dict(tenant=T1, extension=EXT, macs=[{"mac": "0015650a0b"}]),
         "macs", "not a MAC address", NONE),
    case("macs-duplicate", "extension_macs",
         dict(tenant=T1, extension=EXT, macs=[{"mac": "00:15:65:0a:0b:0c"}, {"mac": "001565-0A0B0C"}]), "macs",
         "listed twice", NONE),
    case("macs-serial-comma", "extension_macs",
         dict(tenant=T1, extension=EXT, macs=[{"mac": "0015650a0b0c", "serial": "SN1,SN2"}]), "macs",
         "must not contain a comma", NONE),
    case("macs-device-address-comma", "extension_macs",
         dict(tenant=T1, extension=EXT, macs=[{"mac": "0015650a0b0c", "device_address": "10.0.0.1,10.0.0.2"}]),
         "macs", "must not contain a comma", NONE),
    case("macs-location-choice", "extension_macs",
         dict(tenant=T1, extension=EXT, macs=[{"mac": "0015650a0b0c", "location": "moon"}]), "location",
         "must be one of", NONE),
    case("macs-mac-missing", "extension_macs", dict(tenant=T1, extension=EXT, macs=[{"serial": "SN1"}]), "mac",
         "missing required arguments", NONE),
    case("macs-newline", "extension_macs", dict(tenant=T1, extension=EXT, macs=[{"mac": "0015650a0b0c\n"}]),
         "macs", "control character", NONE),
    case("macs-user-agent-unknown", "extension_macs",
         dict(tenant=T1, extension=EXT, macs=[{"mac": "0015650a0b0c", "user_agent": "nosuchphone"}]),
         "user_agent", "not the name or ID", READS),
    case("macs-extension-unknown", "extension_macs",
         dict(tenant=T1, extension=UNKNOWN_EXT, macs=[{"mac": "0015650a0b0c"}]),
         "extension", "does not exist", READS),

    # -- pbxware_extension_inclusive_reset --------------------------------------------------------
    case("reset-counters-choice", "extension_inclusive_reset", dict(tenant=T1, extension=EXT, counters=["hours"]),
         "counters", "must be one or more of", NONE),
    case("reset-extension-missing", "extension_inclusive_reset", dict(tenant=T1), "extension",
         "missing required arguments", NONE),
    case("reset-extension-letters", "extension_inclusive_reset", dict(tenant=T1, extension="abc"), "extension",
         "digits", NONE),
    case("reset-extension-unknown", "extension_inclusive_reset", dict(tenant=T1, extension=UNKNOWN_EXT),
         "extension", UNKNOWN_EXT, READS),
    case("reset-extension-length", "extension_inclusive_reset", dict(tenant=T1, extension=TOO_LONG), "extension",
         WRONG_LENGTH, READS),

    # -- pbxware_extension_voicemail_delete -------------------------------------------------------
    case("vm-delete-confirm-false", "extension_voicemail_delete", dict(tenant=T1, extension=EXT, confirm=False),
         "confirm", "confirm=true", NONE),
    case("vm-delete-confirm-type", "extension_voicemail_delete", dict(tenant=T1, extension=EXT, confirm="maybe"),
         "confirm", "unable to convert to bool", NONE),
    case("vm-delete-confirm-missing", "extension_voicemail_delete", dict(tenant=T1, extension=EXT), "confirm",
         "missing required arguments", NONE),
    case("vm-delete-extension-letters", "extension_voicemail_delete",
         dict(tenant=T1, extension="abc", confirm=True), "extension", "digits", NONE),
    case("vm-delete-extension-unknown", "extension_voicemail_delete",
         dict(tenant=T1, extension=UNKNOWN_EXT, confirm=True), "extension", UNKNOWN_EXT, READS),

    # -- pbxware_enhanced_service -----------------------------------------------------------------
    case("es-service-choice", "enhanced_service", es("nosuchservice", state="enabled"), "service",
         "must be one of", NONE),
    case("es-service-typo", "enhanced_service", es("folowme", state="enabled"), "service", "did you mean followme",
         NONE),
    case("did-destination-type-typo", "did", did_create(destination_type="extention"), "destination_type",
         "did you mean extension", NONE),
    case("es-state-choice", "enhanced_service", es("dnd", state="on"), "state", "must be one of", NONE),
    case("es-osc-type", "enhanced_service", es("dnd", osc="perhaps"), "osc", "unable to convert to bool", NONE),
    case("es-required-one-of", "enhanced_service", es("dnd"), "config", "one of the following is required", NONE),
    case("es-config-unknown-key", "enhanced_service", es("dnd", config={"nosuchkey": "1"}), "config.nosuchkey",
         "not a setting of dnd", NONE),
    case("es-config-without-config", "enhanced_service", es("lastcaller", config={"x": "1"}), "config",
         "has no configuration", NONE),
    case("es-followme-parallel", "enhanced_service",
         es("followme", config={"destinations": ["101", "102"], "timeouts": ["20"]}), "config.destinations",
         "same number of items", NONE),
    case("es-grouphunt-parallel", "enhanced_service",
         es("grouphunt", config={"destinations": ["101", "102"], "delays": ["0", "5"], "suspends": ["0"]}),
         "config.destinations", "same number of items", NONE),
    case("es-speeddial-parallel", "enhanced_service",
         es("speeddial", config={"codes": ["1", "2"], "names": ["Mum"], "destinations": ["0123", "0456"]}),
         "config.codes", "same number of items", NONE),
    case("es-mobilenumbers-parallel", "enhanced_service",
         es("mobilenumbers", config={"mobiles": ["0123"], "labels": ["Mobile", "Work"]}), "config.mobiles",
         "same number of items", NONE),
    case("es-remoteaccess-parallel", "enhanced_service",
         es("remoteaccess", config={"callerids": ["0123", "0456"], "pins": ["1"]}), "config.callerids",
         "same number of items", NONE),
    case("es-phonecallback-parallel", "enhanced_service",
         es("phonecallback", config={"callerids": ["0123"], "numbers": []}), "config.callerids",
         "same number of items", NONE),
    case("es-callfwd-parallel", "enhanced_service",
         es("callfwd", config={"destinations": {"busy": ["101", "102"]}, "timeouts": {"busy": ["20"]}}),
         "config.destinations.busy", "same number of items", NONE),
    case("es-mobilenumbers-label", "enhanced_service",
         es("mobilenumbers", config={"mobiles": ["0123"], "labels": ["Mobile;Work"]}), "config.labels",
         "letters, digits", NONE),
    case("es-callfwd-not-a-dict", "enhanced_service", es("callfwd", config={"destinations": ["101"]}),
         "config.destinations", "must be a dict by condition", NONE),
    case("es-callfwd-condition", "enhanced_service", es("callfwd", config={"enabled": ["sometimes"]}),
         "config.enabled", "must be one of", NONE),
    case("es-callfwd-destination-letters", "enhanced_service",
         es("callfwd", config={"destinations": {"busy": ["abc"]}, "timeouts": {"busy": ["20"]}}),
         "config.destinations.busy", "a number", NONE),
    case("es-callfwd-unknown-condition", "enhanced_service",
         es("callfwd", config={"destinations": {"sometimes": ["101"]}}), "config.destinations.sometimes",
         "not a setting of callfwd", NONE),
    case("es-dnd-choice", "enhanced_service", es("dnd", config={"dnd": "5"}), "config.dnd", "must be one of",
         NONE),
    case("es-dnd-dsttype-choice", "enhanced_service", es("dnd", config={"dsttype": "fax"}), "config.dsttype",
         "must be one of", NONE),
    case("es-callscreening-pause", "enhanced_service", es("callscreening", config={"pausebeforerec": "11"}),
         "config.pausebeforerec", "0 to 10", NONE),
    case("es-followme-dial-options", "enhanced_service", es("followme", config={"dopts": "x"}), "config.dopts",
         "dial options", NONE),
    case("es-followme-separator", "enhanced_service",
         es("followme", config={"destinations": ["101,102"], "timeouts": ["20"]}), "config.destinations",
         "must be a number", NONE),
    case("es-phonecallback-separator", "enhanced_service",
         es("phonecallback", config={"callerids": ["0123,0456"], "numbers": ["0789"]}), "config.callerids",
         "splits the list", NONE),
    case("es-callerid-allowed-separator", "enhanced_service",
         es("callerid", config={"allowed_callerids": [{"callerid": "0123:0456", "label": "Main"}]}),
         "config.allowed_callerids", "splits the list", NONE),
    case("es-callerid-allowed-extra-key", "enhanced_service",
         es("callerid", config={"allowed_callerids": [{"callerid": "0123", "label": "Main", "x": "1"}]}),
         "config.allowed_callerids", "callerid and label", NONE),
    case("es-blflist-start", "enhanced_service", es("blflist", config={"blf_start": "123"}), "config.blf_start",
         "at most 2 digits", NONE),
    case("es-remoteaccess-pin-flags", "enhanced_service",
         es("remoteaccess", config={"callerids": ["0123"], "pins": ["yes please"]}), "config.pins",
         "invalid value", NONE),
    case("es-config-newline", "enhanced_service", es("callerid", config={"callerid": "Alice\n"}), "config",
         "control character", NONE),
    case("es-extoperationtimes-read-only", "enhanced_service",
         es("extoperationtimes", config={"timeout": "99"}), "config.timeout", "read-only", READS),
    case("es-callfilters-anonymous-first", "enhanced_service",
         es("callfilters", config={"callers": ["0123"], "dtypes": ["busy"], "destinations": [""]}),
         "config.callers", "must start with 'anonymous'", READS),
    case("es-callfilters-action", "enhanced_service",
         es("callfilters", config={"callers": ["anonymous"], "dtypes": ["explode"], "destinations": [""]}),
         "config.dtypes", "is not allowed", READS),
    case("es-speeddial-duplicate-codes", "enhanced_service",
         es("speeddial", config={"codes": ["1", "1"], "names": ["Mum", "Dad"], "destinations": ["0123", "0456"]}),
         "config.codes", "more than once", READS),
    case("es-followme-empty", "enhanced_service",
         es("followme", config={"destinations": [], "timeouts": [], "voicemail": True}),
         "config.destinations", "cannot be empty", READS),
    case("es-callscreening-suspends", "enhanced_service",
         es("callscreening", config={"destinations": ["101"], "delays": ["0"], "suspends": {"3": "on"},
                                     "recordlen": "5"}),
         "config.suspends", "only 1 destinations", READS),
    case("es-callerid-trunk-in-tenant-mode", "enhanced_service",
         es("callerid", config={"callerid:TestSIP": "0123"}), "config.callerid:TestSIP", "has no", READS),
    case("es-extension-unknown", "enhanced_service", dict(es("dnd", state="enabled"), extension=UNKNOWN_EXT),
         "extension", "does not exist", READS),
    case("es-tenant-unknown", "enhanced_service", dict(es("dnd", state="enabled"), tenant="nosuch"), "tenant",
         "not found", READS),

    # -- pbxware_enhanced_services ----------------------------------------------------------------
    case("ess-all-choice", "enhanced_services", dict(tenant=T1, extension=EXT, all="on"), "all", "must be one of",
         NONE),
    case("ess-required-one-of", "enhanced_services", dict(tenant=T1, extension=EXT), "states",
         "one of the following is required", NONE),
    case("ess-states-unknown-service", "enhanced_services",
         dict(tenant=T1, extension=EXT, states={"nosuchservice": "enabled"}), "states", "unknown services", NONE),
    case("ess-states-value", "enhanced_services", dict(tenant=T1, extension=EXT, states={"dnd": "maybe"}),
         "states", "must be one of", NONE),
    case("ess-osc-value", "enhanced_services", dict(tenant=T1, extension=EXT, osc={"dnd": "perhaps"}), "osc",
         "not a boolean", NONE),
    case("ess-osc-unknown-service", "enhanced_services", dict(tenant=T1, extension=EXT, osc={"nosuch": True}),
         "osc", "unknown services", NONE),
    case("ess-all-osc-type", "enhanced_services", dict(tenant=T1, extension=EXT, all_osc="perhaps"), "all_osc",
         "unable to convert to bool", NONE),
    case("ess-states-type", "enhanced_services", dict(tenant=T1, extension=EXT, states="dnd"), "states",
         "unable to convert to dict", NONE),
    case("ess-extension-unknown", "enhanced_services", dict(tenant=T1, extension=UNKNOWN_EXT, all="disabled"),
         "extension", "does not exist", READS),

    # -- pbxware_enhanced_service_info ------------------------------------------------------------
    case("es-info-services-choice", "enhanced_service_info", dict(tenant=T1, extension=EXT, services=["nosuch"]),
         "services", "must be one or more of", NONE),
    case("es-info-extension-missing", "enhanced_service_info", dict(tenant=T1), "extension",
         "missing required arguments", NONE),
    case("es-info-extension-unknown", "enhanced_service_info", dict(tenant=T1, extension=UNKNOWN_EXT), "extension",
         "does not exist", READS),
    case("es-info-tenant-unknown", "enhanced_service_info", dict(tenant="nosuch.example.com", extension=EXT),
         "tenant", "not found", READS),

    # -- pbxware_did ------------------------------------------------------------------------------
    case("did-number-letters", "did", did_create(number="555a000"), "number", "digits only", NONE),
    case("did-number-end-lower", "did", did_create(number_end="5551999"), "number_end", "not be lower", NONE),
    case("did-number-end-length", "did", did_create(number_end="55520000"), "number_end", "as many digits", NONE),
    case("did-e164-letters", "did", did_create(e164="+15552000"), "e164", "digits only", NONE),
    case("did-e164-end-lower", "did", did_create(e164="15552000", e164_end="15551000"), "e164_end",
         "not be lower", NONE),
    case("did-destination-type-choice", "did", did_create(destination_type="pizza"), "destination_type",
         "must be one of", NONE),
    case("did-destination-missing", "did", did_create(destination=None), "destination", "is required", NONE),
    case("did-destination-empty", "did", did_create(destination_type="queue", destination=""), "destination",
         "is required", NONE),
    case("did-external-number", "did", did_create(destination_type="external_number", destination="call-me"),
         "destination", "external number", NONE),
    case("did-extension-destination-letters", "did", did_create(destination="reception"), "destination",
         "reception", NONE),
    case("did-trunk-unknown", "did", did_create(trunk="NoSuchTrunk"), "trunk", "not the name or ID", READS),
    case("did-group-unknown", "did", did_create(group="nosuchgroup"), "group", "not the name or ID", READS),
    case("did-options-unknown", "did", did_create(options={"nosuch": "1"}), "options", "allowed:", NONE),
    case("did-options-greeting-regex", "did", did_create(options={"greeting": "hello"}), "greeting", "greeting",
         NONE),
    case("did-enabled-type", "did", did_create(enabled="perhaps"), "enabled", "unable to convert to bool", NONE),
    case("did-name-newline", "did", did_create(name="Sales\r\nX-Evil: 1"), "name", "control character", NONE),
    case("did-create-missing-trunk", "did", did_create(trunk=None), "trunk", "creating DID requires", READS),
    case("did-tenant-unknown", "did", did_create(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_did_clirouting -------------------------------------------------------------------
    case("did-cli-type-choice", "did_clirouting",
         dict(tenant=T1, did=DID, callerid="0123456", destination_type="external_number", destination="0123"),
         "destination_type", "must be one of", NONE),
    case("did-cli-destination-missing", "did_clirouting",
         dict(tenant=T1, did=DID, callerid="0123456", destination_type="extension"), "destination", "is required",
         NONE),
    case("did-cli-did-unknown", "did_clirouting",
         dict(tenant=T1, did="5559999", callerid="0123456", destination_type="extension", destination=EXT), "did",
         "does not exist", READS),
    case("did-cli-did-missing", "did_clirouting",
         dict(tenant=T1, callerid="0123456", destination_type="extension", destination=EXT), "did",
         "missing required arguments", NONE),
    case("did-cli-callerid-missing", "did_clirouting",
         dict(tenant=T1, did=DID, destination_type="extension", destination=EXT), "callerid",
         "missing required arguments", NONE),
    case("did-cli-match-type", "did_clirouting",
         dict(tenant=T1, did=DID, callerid="0123456", destination_type="extension", destination=EXT,
              match_explicitly="perhaps"), "match_explicitly", "unable to convert to bool", NONE),
    case("did-cli-callerid-newline", "did_clirouting",
         dict(tenant=T1, did=DID, callerid="0123\n456", destination_type="extension", destination=EXT), "callerid",
         "control character", NONE),
    case("did-cli-create-missing-type", "did_clirouting", dict(tenant=T1, did=DID, callerid="0123456"),
         "destination_type", "requires", READS),

    # -- pbxware_did_group ------------------------------------------------------------------------
    case("did-group-range-letters", "did_group", dict(tenant=T1, name="Block", range_start="55a", range_end="559"),
         "range_start", "digits only", NONE),
    case("did-group-range-end-letters", "did_group", dict(tenant=T1, name="Block", range_start="550", range_end="5-9"),
         "range_end", "digits only", NONE),
    case("did-group-range-order", "did_group", dict(tenant=T1, name="Block", range_start="559", range_end="550"),
         "range_end", "lower than range_start", NONE),
    case("did-group-name-missing", "did_group", dict(tenant=T1, range_start="550", range_end="559"), "name",
         "missing required arguments", NONE),
    case("did-group-state-choice", "did_group", dict(tenant=T1, name="Block", state="gone"), "state",
         "must be one of", NONE),
    case("did-group-name-newline", "did_group", dict(tenant=T1, name="Block\nB", range_start="550",
                                                     range_end="559"), "name", "control character", NONE),
    case("did-group-tenant-unknown", "did_group", dict(tenant="nosuch", name="Block", range_start="550",
                                                       range_end="559"), "tenant", "not found", READS),
    case("did-group-create-missing-range", "did_group", dict(tenant=T1, name="Block"), "range_start",
         "creating DID group requires", READS),
    case("did-group-name-empty", "did_group", dict(tenant=T1, name="", range_start="550", range_end="559"), "name",
         "empty", NONE),

    # -- pbxware_did_info -------------------------------------------------------------------------
    case("did-info-details-choice", "did_info", dict(tenant=T1, details=["everything"]), "details",
         "must be one or more of", NONE),
    case("did-info-type-choice", "did_info", dict(tenant=T1, destination_type="pizza"), "destination_type",
         "must be one of", NONE),
    case("did-info-numbers-type", "did_info", dict(tenant=T1, numbers={"a": 1}), "numbers",
         "unable to convert to list", NONE),
    case("did-info-tenant-unknown", "did_info", dict(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_operation_times ------------------------------------------------------------------
    case("otimes-kind-choice", "operation_times", otimes(kind="moon"), "kind", "must be one of", NONE),
    case("otimes-status-choice", "operation_times", otimes(status="maybe"), "status", "must be one of", NONE),
    case("otimes-did-object-exclusive", "operation_times", otimes(kind="did", did=DID, object_id="1"), "did",
         "mutually exclusive", NONE),
    case("otimes-did-wrong-kind", "operation_times", otimes(kind="ivr", did=DID), "did", "for kind=did", NONE),
    case("otimes-pin-wrong-kind", "operation_times", otimes(kind="ivr", object_id="1", pin="2468"), "pin",
         "kind=route only", NONE),
    case("otimes-object-id-missing", "operation_times", otimes(kind="ivr"), "object_id", "needs object_id", NONE),
    case("otimes-date-invalid", "operation_times",
         otimes(closed_dates=[{"date_from": "2024-02-30", "date_to": "2024-03-01"}]), "closed_dates", "yyyy-mm-dd",
         NONE),
    case("otimes-date-format", "operation_times",
         otimes(closed_dates=[{"date_from": "24/12/2024", "date_to": "2024-12-26"}]), "closed_dates", "yyyy-mm-dd",
         NONE),
    case("otimes-date-order", "operation_times",
         otimes(closed_dates=[{"date_from": "2024-12-26", "date_to": "2024-12-24"}]), "closed_dates",
         "before it starts", NONE),
    case("otimes-time-hour", "operation_times",
         otimes(closed_dates=[{"date_from": "2024-12-24", "date_to": "2024-12-24", "time_from": "25:00"}]),
         "closed_dates", "HH:MM", NONE),
    case("otimes-time-format", "operation_times",
         otimes(custom_destinations=[{"destination": EXT, "days": [1], "time_from": "9am", "time_to": "17:00"}]),
         "custom_destinations", "HH:MM", NONE),
    case("otimes-time-minutes", "operation_times",
         otimes(open_days=[{"days": [1], "time_from": "08:60", "time_to": "17:00"}]), "open_days", "HH:MM", NONE),
    case("otimes-day-eight", "operation_times",
         otimes(open_days=[{"days": [8], "time_from": "08:00", "time_to": "17:00"}]), "open_days", "1 to 7", NONE),
    case("otimes-day-zero", "operation_times",
         otimes(open_days=[{"days": [0, 1], "time_from": "08:00", "time_to": "17:00"}]), "open_days", "1 to 7",
         NONE),
    case("otimes-days-empty", "operation_times",
         otimes(open_days=[{"days": [], "time_from": "08:00", "time_to": "17:00"}]), "open_days", "1 to 7", NONE),
    case("otimes-days-type", "operation_times",
         otimes(open_days=[{"days": ["mon"], "time_from": "08:00", "time_to": "17:00"}]), "days",
         "unable to convert to int", NONE),
    case("otimes-date-to-missing", "operation_times", otimes(closed_dates=[{"date_from": "2024-12-24"}]), "date_to",
         "missing required arguments", NONE),
    case("otimes-days-missing", "operation_times",
         otimes(custom_destinations=[{"destination": EXT, "time_from": "08:00", "time_to": "17:00"}]), "days",
         "missing required arguments", NONE),
    case("otimes-description-newline", "operation_times",
         otimes(closed_dates=[{"description": "Xmas\nEve", "date_from": "2024-12-24", "date_to": "2024-12-24"}]),
         "closed_dates", "control character", NONE),
    case("otimes-greeting-newline", "operation_times", otimes(greeting="hello\r\n"), "greeting",
         "control character", NONE),
    case("otimes-vm-type", "operation_times", otimes(default_destination_is_voicemail="perhaps"),
         "default_destination_is_voicemail", "unable to convert to bool", NONE),
    case("otimes-did-unknown", "operation_times", otimes(kind="did", did="5559999"), "did", "does not exist",
         READS),
    case("otimes-route-pin-letters", "operation_times", otimes(kind="route", object_id="1", pin="12ab"), "pin",
         "digits only", NONE),

    # -- pbxware_server_info ----------------------------------------------------------------------
    case("server-info-reveal-type", "server_info", dict(reveal_secrets="perhaps"), "reveal_secrets",
         "unable to convert to bool", NONE),
    case("server-info-url-missing", "server_info", dict(url=None), "url", "missing required arguments", NONE),
    case("server-info-url-scheme", "server_info", dict(url="ftp://127.0.0.1/index.php"), "url",
         "http:// or https://", NONE),
    case("server-info-url-no-host", "server_info", dict(url="http:///index.php"), "url", "http:// or https://",
         NONE),
    case("server-info-ca-path", "server_info", dict(ca_path="/nonexistent/ca.pem"), "ca_path", "is not a file",
         NONE),
    case("server-info-timeout-type", "server_info", dict(timeout="soon"), "timeout", "unable to convert to int",
         NONE),

    # -- pbxware_tenant ---------------------------------------------------------------------------
    case("tenant-code-short", "tenant", tenant_create(tenant_code="55"), "tenant_code", "exactly 3 digits", NONE),
    case("tenant-code-letters", "tenant", tenant_create(tenant_code="5a5"), "tenant_code", "exactly 3 digits",
         NONE),
    case("tenant-required-one-of", "tenant", dict(package="Basic"), "tenant_code",
         "one of the following is required", NONE),
    case("tenant-name-not-fqdn", "tenant", tenant_create(name="not a domain"), "name",
         "fully qualified domain name", NONE),
    case("tenant-name-single-label", "tenant", tenant_create(name="localhost"), "name",
         "fully qualified domain name", NONE),
    case("tenant-name-empty", "tenant", tenant_create(name=""), "name", "fully qualified domain name", NONE),
    case("tenant-name-newline", "tenant", tenant_create(name="t9.example.com\n"), "name", "control character",
         NONE),
    case("tenant-ext-length-low", "tenant", tenant_create(ext_length=1), "ext_length", "between 2 and 16", NONE),
    case("tenant-ext-length-high", "tenant", tenant_create(ext_length=17), "ext_length", "between 2 and 16", NONE),
    case("tenant-ext-length-type", "tenant", tenant_create(ext_length="three"), "ext_length",
         "unable to convert to int", NONE),
    case("tenant-national-empty", "tenant", tenant_create(national=""), "national", "cannot be empty", NONE),
    case("tenant-national-letters", "tenant", tenant_create(national="1a"), "national", "digits only", NONE),
    case("tenant-international-plus", "tenant", tenant_create(international="+00"), "international",
         "digits only", NONE),
    case("tenant-area-code-letters", "tenant", tenant_create(area_code="2O"), "area_code", "digits only", NONE),
    case("tenant-status-choice", "tenant", tenant_create(status="closed"), "status", "must be one of", NONE),
    case("tenant-localcodecs-separator", "tenant", tenant_create(options={"localcodecs": ["ulaw:alaw"]}),
         "options.localcodecs", "ulaw:alaw", NONE),
    case("tenant-localcodecs-unknown", "tenant", tenant_create(options={"localcodecs": ["ulaw", "nosuchcodec"]}),
         "options.localcodecs", "unknown codec", NONE),
    case("tenant-networkcodecs-unknown", "tenant", tenant_create(options={"networkcodecs": "ulaw:nosuchcodec"}),
         "options.networkcodecs", "unknown codec", NONE),
    case("tenant-options-unknown", "tenant", tenant_create(options={"nosuchoption": "1"}), "options",
         "not a documented argument", NONE),
    case("tenant-options-read-name", "tenant", tenant_create(options={"incominglimit": 10}), "options",
         "writes it as local_channels", NONE),
    case("tenant-options-own-option", "tenant", tenant_create(options={"tenant_name": "x.example.com"}), "options",
         "use name", NONE),
    case("tenant-package-unknown", "tenant", tenant_create(package="Platinum"), "package", "not the name or ID",
         READS),
    case("tenant-country-unknown", "tenant", tenant_create(country="Atlantis"), "country", "not a route ID",
         READS),
    case("tenant-country-code-shared", "tenant", tenant_create(country="+1"), "country", "is shared by", READS),
    case("tenant-ext-length-change", "tenant", dict(tenant_code=T1, ext_length=4), "ext_length",
         "cannot be changed", READS),
    case("tenant-name-unknown-no-code", "tenant", dict(name="nosuch.example.com", package="Basic"), "tenant_code",
         "creating one needs tenant_code", READS),
    case("tenant-create-missing-package", "tenant", tenant_create(package=None), "package",
         "creating tenant requires", READS),
    case("tenant-name-taken", "tenant", tenant_create(name="t1.example.com"), "name", "t1.example.com", READS),

    # -- pbxware_tenant_info ----------------------------------------------------------------------
    case("tenant-info-details-choice", "tenant_info", dict(details=["everything"]), "details", "must be one or more of",
         NONE),
    case("tenant-info-reveal-type", "tenant_info", dict(reveal_secrets="perhaps"), "reveal_secrets",
         "unable to convert to bool", NONE),
    case("tenant-info-api-key-missing", "tenant_info", dict(api_key=None), "api_key",
         "missing required arguments", NONE),

    # -- pbxware_tenant_package -------------------------------------------------------------------
    case("package-limit-negative", "tenant_package", package_create(extensions=-1), "extensions",
         "between 0 and 9999", NONE),
    case("package-limit-high", "tenant_package", package_create(ivrs=10000), "ivrs", "between 0 and 9999", NONE),
    case("package-limit-type", "tenant_package", package_create(queues="many"), "queues",
         "unable to convert to int", NONE),
    case("package-allowed-plans-letters", "tenant_package",
         package_create(restrict_splans=True, allowed_service_plans=["gold"]), "allowed_service_plans",
         "service plan IDs", NONE),
    case("package-allowed-plans-separator", "tenant_package",
         package_create(restrict_splans=True, allowed_service_plans=["1,x"]), "allowed_service_plans",
         "service plan IDs", NONE),
    case("package-service-plan-letters", "tenant_package", package_create(service_plan="gold"), "service_plan",
         "service plan ID", NONE),
    case("package-restrict-without-plans", "tenant_package", package_create(restrict_splans=True),
         "allowed_service_plans", "needs allowed_service_plans", NONE),
    case("package-name-missing", "tenant_package", package_create(name=None), "name",
         "missing required arguments", NONE),
    case("package-state-choice", "tenant_package", package_create(state="gone"), "state", "must be one of", NONE),
    case("package-recordings-type", "tenant_package", package_create(call_recordings="perhaps"), "call_recordings",
         "unable to convert to bool", NONE),
    case("package-name-newline", "tenant_package", package_create(name="Gold\nPlus"), "name",
         "control character", NONE),
    case("package-create-missing-required", "tenant_package", dict(name="Gold"), "call_recordings",
         "creating tenant package requires", READS),
    case("package-name-empty", "tenant_package", package_create(name=""), "name", "empty", NONE),

    # -- pbxware_department, pbxware_department_info ----------------------------------------------
    case("dept-required-one-of", "department", dict(tenant=T1), "name", "one of the following is required", NONE),
    case("dept-state-choice", "department", dict(tenant=T1, name="Sales", state="gone"), "state", "must be one of",
         NONE),
    case("dept-id-letters", "department", dict(tenant=T1, id="four", name="Sales"), "id", "digits", NONE),
    case("dept-name-empty", "department", dict(tenant=T1, name=""), "name", "cannot be empty", NONE),
    case("dept-id-unknown", "department", dict(tenant=T1, id="999", name="Sales"), "id", "does not exist", READS),
    case("dept-info-unknown-option", "department_info", dict(tenant=T1, name="Sales"), "name",
         "Unsupported parameters", NONE),
    case("dept-info-names-type", "department_info", dict(tenant=T1, names={"Sales": 1}), "names",
         "unable to convert to list", NONE),
    case("dept-info-tenant-unknown", "department_info", dict(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_apps_template, pbxware_apps_info -------------------------------------------------
    case("apps-template-required-one-of", "apps_template", dict(tenant=T1, department="Sales"), "editions",
         "one of the following is required", NONE),
    case("apps-template-edition-unknown", "apps_template", dict(tenant=T1, department="Sales", editions=["gold"]),
         "editions", "unknown gold", NONE),
    case("apps-template-module-separator", "apps_template",
         dict(tenant=T1, department="Sales", modules=["crm,skype"]), "modules", "unknown crm,skype", NONE),
    case("apps-template-department-unknown", "apps_template",
         dict(tenant=T1, department="Nowhere", editions=["office"]), "department", "does not exist", READS),
    case("apps-info-unknown-option", "apps_info", dict(tenant=T1, names=["Sales"]), "names",
         "Unsupported parameters", NONE),
    case("apps-info-exclusive", "apps_info", dict(tenant=T1, tenant_id=2), "tenant_id", "mutually exclusive", NONE),
    case("apps-info-tenant-id-type", "apps_info", dict(tenant_id="two"), "tenant_id", "unable to convert to int",
         NONE),

    # -- pbxware_uad, pbxware_uad_info ------------------------------------------------------------
    case("uad-state-missing", "uad", dict(name="yealinkt41"), "state", "missing required arguments", NONE),
    case("uad-state-choice", "uad", dict(name="yealinkt41", state="on"), "state", "must be one of", NONE),
    case("uad-tenant", "uad", dict(tenant=T1, name="yealinkt41", state="enabled"), "tenant",
         "Unsupported parameters", NONE),
    case("uad-name-unknown", "uad", dict(name="nokia3310", state="enabled"), "name", "not the name, full name or ID",
         READS),
    case("uad-fullname-other", "uad", dict(name="yealinkt41", fullname="Yealink T-41", state="enabled"), "fullname",
         "cannot be changed", READS),
    case("uad-info-unknown-option", "uad_info", dict(name="yealinkt41"), "name", "Unsupported parameters", NONE),
    case("uad-info-tenant", "uad_info", dict(tenant=T1), "tenant", "Unsupported parameters", NONE),
    case("uad-info-names-type", "uad_info", dict(names={"yealinkt41": 1}), "names", "unable to convert to list",
         NONE),

    # -- pbxware_tenant_trunks --------------------------------------------------------------------
    case("trunks-required-one-of", "tenant_trunks", dict(tenant=T1), "trunks", "one of the following is required",
         NONE),
    case("trunks-exclusive", "tenant_trunks", dict(tenant=T1, tenant_id=2, trunks=["TestSIP"]), "tenant_id",
         "mutually exclusive", NONE),
    case("trunks-unknown", "tenant_trunks", dict(tenant=T1, trunks=["NoSuchTrunk"]), "trunks",
         "not the name or ID of a trunk", READS),
    case("trunks-slot-unknown", "tenant_trunks", dict(tenant=T1, primary_trunk="NoSuchTrunk"), "primary_trunk",
         "not the name or ID of a trunk", READS),
    case("trunks-separator", "tenant_trunks", dict(tenant=T1, trunks=["TestSIP,2316"]), "trunks",
         "not the name or ID of a trunk", READS),
    case("trunks-tenant-unknown", "tenant_trunks", dict(tenant="nosuch", trunks=["TestSIP"]), "tenant",
         "not found", READS),

    # -- pbxware_tenant_clirouting ----------------------------------------------------------------
    case("tenant-cli-type-choice", "tenant_clirouting",
         dict(tenant=T1, callerid="0123456", destination_type="ivr_tree", destination="1"), "destination_type",
         "must be one of", NONE),
    case("tenant-cli-destination-missing", "tenant_clirouting",
         dict(tenant=T1, callerid="0123456", destination_type="queue"), "destination", "is required", NONE),
    case("tenant-cli-callerid-missing", "tenant_clirouting",
         dict(tenant=T1, destination_type="extension", destination=EXT), "callerid", "missing required arguments",
         NONE),
    case("tenant-cli-state-choice", "tenant_clirouting", dict(tenant=T1, callerid="0123456", state="gone"), "state",
         "must be one of", NONE),
    case("tenant-cli-match-type", "tenant_clirouting",
         dict(tenant=T1, callerid="0123456", destination_type="extension", destination=EXT,
              match_explicitly="perhaps"), "match_explicitly", "unable to convert to bool", NONE),
    case("tenant-cli-tenant-unknown", "tenant_clirouting",
         dict(tenant="nosuch", callerid="0123456", destination_type="extension", destination=EXT), "tenant",
         "not found", READS),
    case("tenant-cli-create-missing-type", "tenant_clirouting", dict(tenant=T1, callerid="0123456"),
         "destination_type", "requires", READS),

    # -- pbxware_trunk ----------------------------------------------------------------------------
    case("trunk-type-choice", "trunk", trunk_create(type="both"), "type", "must be one of", NONE),
    case("trunk-ptimes-size", "trunk", trunk_create(codecs=["ulaw", "alaw", "gsm"], codecs_ptime=[20, 30]),
         "codecs_ptime", "2 ptimes for 3 codecs", NONE),
    case("trunk-ptime-range", "trunk", trunk_create(codecs_ptime=[25]), "codecs_ptime", "10, 20, 30", NONE),
    case("trunk-codec-unknown", "trunk", trunk_create(codecs=["ulaw", "g711"]), "codecs", "unknown codec", NONE),
    case("trunk-national-letters", "trunk", trunk_create(national="+1"), "national", "does not match", NONE),
    case("trunk-option-unknown", "trunk", trunk_create(options={"qualifiy": 1}), "options", "did you mean qualify",
         NONE),
    case("trunk-option-first-class", "trunk", trunk_create(options={"looserouting": "yes"}), "options",
         "loose_routing option", NONE),
    case("trunk-option-pattern", "trunk", trunk_create(options={"defaultip": "10.0.0"}), "options.defaultip",
         "does not match", NONE),
    case("trunk-option-flag", "trunk", trunk_create(options={"e164a": "perhaps"}), "options.e164a",
         "not a boolean", NONE),
    case("trunk-provider-pstn", "trunk", trunk_create(provider="Generic Analog"), "provider", "SIP trunks only",
         READS),
    case("trunk-provider-unknown", "trunk", trunk_create(provider="Generic SPI"), "provider", "closest: Generic SIP",
         READS),
    case("trunk-new-codec-without-ptime", "trunk", dict(name="TestSIP", codecs=["ulaw", "g729"]), "codecs_ptime",
         "needed for g729", READS),
    case("trunk-create-missing-host", "trunk", trunk_create(host=None), "host", "creating trunk requires", READS),

    # -- pbxware_trunk_info -----------------------------------------------------------------------
    case("trunk-info-reveal-type", "trunk_info", dict(reveal_secrets="perhaps"), "reveal_secrets",
         "unable to convert to bool", NONE),
    case("trunk-info-unknown-option", "trunk_info", dict(names=["TestSIP"]), "names", "Unsupported parameters",
         NONE),
    case("trunk-info-name-newline", "trunk_info", dict(name="Test\nSIP"), "name", "control character", NONE),
]

# IVRs, call groups, SMS trunks and service plans (bad_input_callflow.py).


def ext_item(**override):
    """One ``config`` item of pbxware_extensions: a complete create, without the tenant."""
    item = ext_create(**override)
    del item["tenant"]
    return item


def did_item(**override):
    item = did_create(**override)
    del item["tenant"]
    return item


CASES.extend([
    # -- pbxware_extensions (aggregate): a bad item refuses the whole task, naming the item -------------
    case("exts-item-protocol-choice", "extensions",
         dict(tenant=T1, config=[ext_item(), ext_item(extension="102", protocol="pjsip")]),
         "config", "config[1] (extension 102)", NONE),
    case("exts-item-pin-pattern", "extensions", dict(tenant=T1, config=[ext_item(pin="12")]), "pin", "config[0]",
         NONE),
    case("exts-state-choice", "extensions", dict(tenant=T1, config=[ext_item()], state="merge"), "state",
         "must be one of", NONE),
    case("exts-replaced-incomplete", "extensions",
         dict(tenant=T1, config=[dict(extension=EXT, name="Alice")], state="replaced"), "config", "config[0]", NONE),
    case("exts-tenant-unknown", "extensions", dict(tenant="nosuch", config=[ext_item()]), "tenant", "not found",
         READS),
    # -- pbxware_dids (aggregate) --------------------------------------------------------------------------
    case("dids-item-number-letters", "dids", dict(tenant=T1, config=[did_item(number="55a")]), "number",
         "config[0]", NONE),
    case("dids-item-type-choice", "dids", dict(tenant=T1, config=[did_item(destination_type="menu")]), "config",
         "config[0]", NONE),
    case("dids-max-deletes-type", "dids", dict(tenant=T1, config=[did_item()], max_deletes="many"), "max_deletes",
         "unable to convert to int", NONE),
    case("dids-tenant-unknown", "dids", dict(tenant="nosuch", config=[did_item()]), "tenant", "not found", READS),
])
CASES.extend(CALLFLOW_CASES)
CASES.extend(DIRECTORY_CASES)
CASES.extend(API_CASES)
CASES.extend(OPERATIONS_CASES)
CASES.extend(RECORDS_CASES)
CASES.extend(MESSAGING_CASES)
