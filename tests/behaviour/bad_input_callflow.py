# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The bad-input catalogue, part two: IVRs, call groups (ring groups, ERGs, paging groups),
SMS trunks and service plans. Same shape as bad_input_cases (which appends these CASES).

Derived from the argument specs and the checks in plugins/module_utils/resources/ivrs.py,
groups.py, sms.py and service_plans.py: the vendor's rules (greeting prefixes, keymap keys,
types and destinations, Postman regexes, each SMS provider's required arguments,
non-negative prices). The bundled fixture holds no IVR, call group or SMS trunk, so every
``*_create`` below is a create; it holds the service plans Standard and Premium.
"""

from bad_input_common import NONE, READS, case
from harness import EXISTING_EXTENSION, T1_CODE, T1_EXT_LENGTH

T1 = T1_CODE                          # "344": tenant ID 2, 3-digit extensions
EXT = EXISTING_EXTENSION              # "100", seeded in tenant 344
TOO_LONG = EXT + "0"                  # "1000"
WRONG_LENGTH = "uses %d-digit extensions" % T1_EXT_LENGTH
# Long enough for the secret scan (test_secret_scan.MIN_SCANNED), and not a substring of an option name.
AUTH_TOKEN = "Tw1lio-AuthTok3n-x9"
TELNYX_KEY = "KEYtelnyx-0192837465"
BANDWIDTH_PASSWORD = "Bandw1dth-Pw-4471"


def _with(args, override):
    args.update(override)
    return args


def ivr_create(**override):
    return _with(dict(tenant=T1, extension="700", name="Reception", greeting="greeting-reception", status="enabled",
                      keymap={"1": {"type": "extension", "destination": EXT}}), override)


def keymap_entry(kind, destination=None, key="1"):
    entry = {"type": kind}
    if destination is not None:
        entry["destination"] = destination
    return ivr_create(keymap={key: entry})


def ring_group_create(**override):
    return _with(dict(tenant=T1, extension="600", name="Sales", members=[EXT], ring_strategy="all"), override)


def erg_create(**override):
    return _with(dict(tenant=T1, extension="610", name="Support", ring_strategy="ringall", max_wait_callers=5,
                      rings_answer=2, members=[{"extension": EXT}]), override)


def paging_group_create(**override):
    return _with(dict(tenant=T1, extension="620", name="Floor", members=[EXT], quiet=True), override)


def sms_trunk_create(**override):
    return _with(dict(name="Twilio-main", provider="twilio", twilio_account_sid="AC0123456789",
                      twilio_auth_token=AUTH_TOKEN, national_prefix="1"), override)


def sms_rate(**override):
    return _with(dict(service_plan="Standard", sms_trunk="Twilio-main", national_sms=0.05), override)


CASES = [
    # -- pbxware_ivr ------------------------------------------------------------------------------
    case("ivr-greeting-prefix", "ivr", ivr_create(greeting="welcome"), "greeting", "must begin with greeting-",
         NONE),
    case("ivr-greeting-prefix-check-mode", "ivr", ivr_create(greeting="welcome"), "greeting",
         "must begin with greeting-", NONE, check_mode=True),
    case("ivr-greeting-space", "ivr", ivr_create(greeting="greeting-main menu"), "greeting",
         "must begin with greeting-", NONE),
    case("ivr-name-space", "ivr", ivr_create(name="Main menu"), "name", "no spaces", NONE),
    case("ivr-extension-letters", "ivr", ivr_create(extension="7o0"), "extension", "digits only", NONE),
    case("ivr-operator-letters", "ivr", ivr_create(operator="1a0"), "operator", "digits only", NONE),
    case("ivr-status-choice", "ivr", ivr_create(status="on"), "status", "must be one of", NONE),
    case("ivr-keymap-type", "ivr", ivr_create(keymap=[{"type": "extension", "destination": EXT}]), "keymap",
         "unable to convert to dict", NONE),
    case("ivr-keymap-empty", "ivr", ivr_create(keymap={}), "keymap", "at least one key", NONE),
    case("ivr-keymap-key-hash", "ivr", ivr_create(keymap={"#": {"type": "extension", "destination": EXT}}),
         "keymap", "not a key of the keypad", NONE),
    case("ivr-keymap-entry-not-dict", "ivr", ivr_create(keymap={"1": EXT}), "keymap",
         "must be a dict of type and destination", NONE),
    case("ivr-keymap-entry-extra-field", "ivr",
         ivr_create(keymap={"1": {"type": "extension", "destination": EXT, "timeout": 5}}), "keymap",
         "must be a dict of type and destination", NONE),
    case("ivr-keymap-type-missing", "ivr", ivr_create(keymap={"1": {"destination": EXT}}), "keymap",
         "keymap.1.type is required", NONE),
    case("ivr-keymap-type-unknown", "ivr", keymap_entry("extensions", EXT), "keymap",
         "unknown keymap destination type 'extensions'", NONE),
    case("ivr-keymap-destination-missing", "ivr", keymap_entry("queue"), "keymap",
         "keymap.1.destination is required with type queue", NONE),
    case("ivr-keymap-directory-destination", "ivr", keymap_entry("directory", EXT, key="9"), "keymap",
         "type directory takes no destination", NONE),
    case("ivr-keymap-remote-access", "ivr", keymap_entry("ra", "voicemails", key="*"), "keymap",
         "one of agentlogin, destinations, voicemail", NONE),
    case("ivr-keymap-external-plus", "ivr", keymap_entry("external_number", "+38761000000"), "keymap",
         "an external number (digits)", NONE),
    case("ivr-keymap-extension-letters", "ivr", keymap_entry("ex", "reception"), "keymap",
         "the number of the extension", NONE),
    case("ivr-options-loops-range", "ivr", ivr_create(options={"loops": 21}), "options.loops", "does not match",
         NONE),
    case("ivr-options-ringtype", "ivr", ivr_create(options={"ringtype": "music"}), "options.ringtype",
         "does not match", NONE),
    case("ivr-options-timeoutext", "ivr", ivr_create(options={"timeoutext": "ari-x"}), "options.timeoutext",
         "does not match", NONE),
    case("ivr-options-unknown", "ivr", ivr_create(options={"nosuch": 1}), "options",
         "not an argument of pbxware.ivr.add/edit", NONE),
    case("ivr-options-first-class", "ivr", ivr_create(options={"name": "Reception"}), "options",
         "not an argument of pbxware.ivr.add/edit", NONE),
    case("ivr-tenant-unknown", "ivr", ivr_create(tenant="nosuch"), "tenant", "not found", READS),
    case("ivr-create-missing-greeting", "ivr", ivr_create(greeting=None), "greeting", "creating IVR requires",
         READS),
    case("ivr-create-missing-keymap", "ivr", ivr_create(keymap=None), "keymap", "creating IVR requires", READS),

    # -- pbxware_ivr_info -------------------------------------------------------------------------
    case("ivr-info-extension-letters", "ivr_info", dict(tenant=T1, extension="7x"), "extension", "digits only",
         NONE),
    case("ivr-info-unknown-option", "ivr_info", dict(tenant=T1, keymap={}), "keymap", "Unsupported parameters",
         NONE),
    case("ivr-info-exclusive", "ivr_info", dict(tenant=T1, tenant_id=2), "tenant_id", "mutually exclusive", NONE),
    case("ivr-info-tenant-unknown", "ivr_info", dict(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_ring_group -----------------------------------------------------------------------
    case("rg-strategy-choice", "ring_group", ring_group_create(ring_strategy="ringall"), "ring_strategy",
         "did you mean all", NONE),
    case("rg-greeting-prefix", "ring_group", ring_group_create(greeting="welcome"), "greeting", "^greeting-",
         NONE),
    case("rg-name-empty", "ring_group", ring_group_create(name=""), "name", "cannot be empty", NONE),
    case("rg-extension-letters", "ring_group", ring_group_create(extension="6o0"), "extension", "digits only",
         NONE),
    case("rg-member-separator", "ring_group", ring_group_create(members=[EXT + ",101"]), "members",
         "each member is an extension number", NONE),
    case("rg-max-limit-range", "ring_group", ring_group_create(max_limit=100), "max_limit", "does not match", NONE),
    case("rg-ring-timeout-negative", "ring_group", ring_group_create(ring_timeout=-5), "ring_timeout",
         "does not match", NONE),
    case("rg-last-dest-letters", "ring_group", ring_group_create(last_dest="reception"), "last_dest",
         "does not match", NONE),
    case("rg-last-dest-vm-type", "ring_group", ring_group_create(last_dest_vm="perhaps"), "last_dest_vm",
         "unable to convert to bool", NONE),
    case("rg-options-looping-mode", "ring_group", ring_group_create(options={"looping_mode": "linear"}),
         "options.looping_mode", "per_ext|circular", NONE),
    case("rg-options-confirm-msg-prefix", "ring_group", ring_group_create(options={"confirm_msg": "announce-x"}),
         "options.confirm_msg", "rg-announce-", NONE),
    case("rg-options-timeout-msg-prefix", "ring_group", ring_group_create(options={"timeout_msg": "greeting-x"}),
         "options.timeout_msg", "announce-", NONE),
    case("rg-options-callerid", "ring_group", ring_group_create(options={"callerid": "Sales <abc-1>"}),
         "options.callerid", "does not match", NONE),
    case("rg-options-flag", "ring_group", ring_group_create(options={"record": "perhaps"}), "options.record",
         "a boolean (yes or no)", NONE),
    case("rg-options-typo", "ring_group", ring_group_create(options={"recrod": True}), "options",
         "did you mean record", NONE),
    case("rg-options-first-class", "ring_group", ring_group_create(options={"extensions": EXT}), "options",
         "set it with the members option", NONE),
    case("rg-options-timeout-first-class", "ring_group", ring_group_create(options={"timeout": 20}), "options",
         "set it with the ring_timeout option", NONE),
    case("rg-last-dest-length", "ring_group", ring_group_create(last_dest=TOO_LONG), "last_dest", WRONG_LENGTH,
         READS),
    case("rg-options-exit-ext-length", "ring_group", ring_group_create(options={"exit_ext": "10"}),
         "options.exit_ext", WRONG_LENGTH, READS),
    case("rg-tenant-unknown", "ring_group", ring_group_create(tenant="nosuch"), "tenant", "not found", READS),
    case("rg-create-missing-name", "ring_group", ring_group_create(name=None), "name",
         "creating ring group requires", READS),

    # -- pbxware_ring_group_info ------------------------------------------------------------------
    case("rg-info-configuration-type", "ring_group_info", dict(tenant=T1, configuration="perhaps"),
         "configuration", "unable to convert to bool", NONE),
    case("rg-info-unknown-option", "ring_group_info", dict(tenant=T1, name="Sales"), "name",
         "Unsupported parameters", NONE),
    case("rg-info-exclusive", "ring_group_info", dict(tenant=T1, tenant_id=2), "tenant_id", "mutually exclusive",
         NONE),
    case("rg-info-tenant-unknown", "ring_group_info", dict(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_erg ------------------------------------------------------------------------------
    case("erg-strategy-choice", "erg", erg_create(ring_strategy="all"), "ring_strategy", "did you mean ringall",
         NONE),
    case("erg-name-space", "erg", erg_create(name="Tech Support"), "name", "does not match", NONE),
    case("erg-rings-answer-range", "erg", erg_create(rings_answer=10), "rings_answer", "does not match", NONE),
    case("erg-max-wait-callers-range", "erg", erg_create(max_wait_callers=100000), "max_wait_callers",
         "does not match", NONE),
    case("erg-max-wait-callers-type", "erg", erg_create(max_wait_callers="many"), "max_wait_callers",
         "unable to convert to int", NONE),
    case("erg-extension-letters", "erg", erg_create(extension="6l0"), "extension", "digits only", NONE),
    case("erg-members-repeated", "erg", erg_create(members=[{"extension": EXT}, {"extension": EXT, "penalty": 1}]),
         "members", "listed more than once", NONE),
    case("erg-member-extension-missing", "erg", erg_create(members=[{"penalty": 1}]), "members",
         "missing required arguments: extension", NONE),
    case("erg-member-separator", "erg", erg_create(members=[{"extension": EXT + ",101"}]), "members",
         "each member is an extension number", NONE),
    case("erg-member-penalty-type", "erg", erg_create(members=[{"extension": EXT, "penalty": "high"}]), "members",
         "unable to convert to int", NONE),
    case("erg-member-penalty-negative", "erg", erg_create(members=[{"extension": EXT, "penalty": -1}]), "members",
         "penalty", NONE),
    case("erg-members-empty", "erg", erg_create(members=[]), "members", "without members", NONE),
    case("erg-options-greeting-prefix", "erg", erg_create(options={"greeting": "greeting-support"}),
         "options.greeting", "queue-greeting-", NONE),
    case("erg-options-announce-seconds", "erg", erg_create(options={"announce_r_seconds": 25}),
         "options.announce_r_seconds", "0|5|10|15|20|30", NONE),
    case("erg-options-incoming-options", "erg", erg_create(options={"incoming_options": "tx"}),
         "options.incoming_options", "does not match", NONE),
    case("erg-options-notification-email", "erg", erg_create(options={"notification_email": "ops@"}),
         "options.notification_email", "does not match", NONE),
    case("erg-options-unknown", "erg", erg_create(options={"number": "610"}), "options",
         "not an argument of pbxware.erg.add/edit", NONE),
    case("erg-extension-length", "erg", erg_create(extension="6100"), "extension", WRONG_LENGTH, READS),
    case("erg-options-max-wait-dest-length", "erg", erg_create(options={"max_wait_dest": TOO_LONG}),
         "options.max_wait_dest", WRONG_LENGTH, READS),
    case("erg-tenant-unknown", "erg", erg_create(tenant="nosuch"), "tenant", "not found", READS),
    case("erg-create-missing-max-wait-callers", "erg", erg_create(max_wait_callers=None), "max_wait_callers",
         "creating enhanced ring group requires", READS),

    # -- pbxware_erg_info -------------------------------------------------------------------------
    case("erg-info-unknown-option", "erg_info", dict(tenant=T1, members=[]), "members", "Unsupported parameters",
         NONE),
    case("erg-info-tenant-id-type", "erg_info", dict(tenant_id="two"), "tenant_id", "unable to convert to int",
         NONE),
    case("erg-info-exclusive", "erg_info", dict(tenant=T1, tenant_id=2), "tenant_id", "mutually exclusive", NONE),
    case("erg-info-tenant-unknown", "erg_info", dict(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_paging_group ---------------------------------------------------------------------
    case("pg-extension-letters", "paging_group", paging_group_create(extension="62o"), "extension", "digits only",
         NONE),
    case("pg-name-empty", "paging_group", paging_group_create(name=""), "name", "cannot be empty", NONE),
    case("pg-member-letters", "paging_group", paging_group_create(members=["1a"]), "members",
         "each member is an extension number", NONE),
    case("pg-member-separator", "paging_group", paging_group_create(members=[EXT + ",101"]), "members",
         "each member is an extension number", NONE),
    case("pg-quiet-type", "paging_group", paging_group_create(quiet="perhaps"), "quiet",
         "unable to convert to bool", NONE),
    case("pg-state-choice", "paging_group", paging_group_create(state="disabled"), "state", "must be one of", NONE),
    case("pg-options-unsupported", "paging_group", paging_group_create(options={"quiet": 1}), "options",
         "Unsupported parameters", NONE),
    case("pg-tenant-unknown", "paging_group", paging_group_create(tenant="nosuch"), "tenant", "not found", READS),
    case("pg-create-missing-name", "paging_group", paging_group_create(name=None), "name",
         "creating paging group requires", READS),

    # -- pbxware_paging_group_info ----------------------------------------------------------------
    case("pg-info-unknown-option", "paging_group_info", dict(tenant=T1, quiet=True), "quiet",
         "Unsupported parameters", NONE),
    case("pg-info-tenant-id-type", "paging_group_info", dict(tenant_id="two"), "tenant_id",
         "unable to convert to int", NONE),
    case("pg-info-exclusive", "paging_group_info", dict(tenant=T1, tenant_id=2), "tenant_id", "mutually exclusive",
         NONE),
    case("pg-info-tenant-unknown", "paging_group_info", dict(tenant="nosuch"), "tenant", "not found", READS),

    # -- pbxware_sms_trunk ------------------------------------------------------------------------
    case("sms-provider-choice", "sms_trunk", sms_trunk_create(provider="nexmo"), "provider", "must be one of",
         NONE),
    case("sms-provider-missing", "sms_trunk", sms_trunk_create(provider=None), "provider",
         "state is present but all of the following are missing", NONE),
    case("sms-other-provider-secret", "sms_trunk", sms_trunk_create(telnyx_api_key=TELNYX_KEY), "telnyx_api_key",
         "an argument of provider telnyx, not of twilio", NONE),
    case("sms-other-provider-username", "sms_trunk",
         dict(name="VI-main", provider="vi", vi_login="acme", vi_secret="V1-S3cret-value", ozsms_username="acme"),
         "ozsms_username", "an argument of provider ozsms, not of vi", NONE),
    case("sms-national-prefix-letters", "sms_trunk", sms_trunk_create(national_prefix="+1a"), "national_prefix",
         "must be digits", NONE),
    case("sms-name-empty", "sms_trunk", sms_trunk_create(name=""), "name", "cannot be empty", NONE),
    case("sms-name-newline", "sms_trunk", sms_trunk_create(name="Twilio\nmain"), "name", "control character",
         NONE),
    case("sms-enabled-type", "sms_trunk", sms_trunk_create(enabled="perhaps"), "enabled",
         "unable to convert to bool", NONE),
    case("sms-tenant-unsupported", "sms_trunk", sms_trunk_create(tenant=T1), "tenant", "Unsupported parameters",
         NONE),
    case("sms-create-twilio-missing-token", "sms_trunk", sms_trunk_create(twilio_auth_token=None),
         "twilio_auth_token", "creating SMS trunk requires", READS),
    case("sms-create-bandwidth-missing-app-id", "sms_trunk",
         dict(name="BW-main", provider="bandwidth", bandwidth_username="acme", bandwidth_password=BANDWIDTH_PASSWORD,
              bandwidth_user_id="u-1"), "bandwidth_app_id", "creating SMS trunk requires", READS),
    case("sms-create-telnyx-missing-profile", "sms_trunk",
         dict(name="Telnyx-main", provider="telnyx", telnyx_api_key=TELNYX_KEY, telnyx_public_key="pub-1"),
         "telnyx_messaging_profile_id", "creating SMS trunk requires", READS),

    # -- pbxware_sms_trunk_info -------------------------------------------------------------------
    case("sms-info-names-type", "sms_trunk_info", dict(names={"Twilio-main": 1}), "names",
         "unable to convert to list", NONE),
    case("sms-info-unknown-option", "sms_trunk_info", dict(name="Twilio-main"), "name", "Unsupported parameters",
         NONE),
    case("sms-info-url-missing", "sms_trunk_info", dict(url=None), "url", "missing required arguments", NONE),

    # -- pbxware_tenant_sms_trunk -----------------------------------------------------------------
    case("tenant-sms-trunk-missing", "tenant_sms_trunk", dict(tenant=T1), "sms_trunk",
         "state is present but all of the following are missing", NONE),
    case("tenant-sms-tenant-missing", "tenant_sms_trunk", dict(sms_trunk="Twilio-main"), "tenant",
         "one of the following is required", NONE),
    case("tenant-sms-exclusive", "tenant_sms_trunk", dict(tenant=T1, tenant_id=2, sms_trunk="Twilio-main"),
         "tenant_id", "mutually exclusive", NONE),
    case("tenant-sms-absent-with-trunk", "tenant_sms_trunk", dict(tenant=T1, sms_trunk="Twilio-main", state="absent"),
         "sms_trunk", "state=absent leaves the tenant without one", NONE),
    case("tenant-sms-state-choice", "tenant_sms_trunk", dict(tenant=T1, sms_trunk="Twilio-main", state="off"),
         "state", "must be one of", NONE),
    case("tenant-sms-trunk-unknown", "tenant_sms_trunk", dict(tenant=T1, sms_trunk="Nosuch"), "sms_trunk",
         "not the name or ID of an SMS trunk", READS),
    case("tenant-sms-tenant-unknown", "tenant_sms_trunk", dict(tenant="nosuch", sms_trunk="Twilio-main"), "tenant",
         "not found", READS),

    # -- pbxware_service_plan_sms_rate ------------------------------------------------------------
    case("sms-rate-negative", "service_plan_sms_rate", sms_rate(national_sms=-0.01), "national_sms",
         "must not be negative", NONE),
    case("sms-rate-negative-mms", "service_plan_sms_rate", sms_rate(international_mms=-1), "international_mms",
         "must not be negative", NONE),
    case("sms-rate-type", "service_plan_sms_rate", sms_rate(national_sms="cheap"), "national_sms",
         "unable to convert to float", NONE),
    case("sms-rate-nan", "service_plan_sms_rate", sms_rate(national_sms="nan"), "national_sms", "nan", NONE),
    case("sms-rate-infinite", "service_plan_sms_rate", sms_rate(national_sms="inf"), "national_sms", "inf", NONE),
    case("sms-rate-inclusive-choice", "service_plan_sms_rate", sms_rate(inclusive_messages="yes"),
         "inclusive_messages", "must be one of", NONE),
    case("sms-rate-trunk-missing", "service_plan_sms_rate", sms_rate(sms_trunk=None), "sms_trunk",
         "missing required arguments", NONE),
    case("sms-rate-tenant-unsupported", "service_plan_sms_rate", sms_rate(tenant=T1), "tenant",
         "Unsupported parameters", NONE),
    case("sms-rate-plan-typo", "service_plan_sms_rate", sms_rate(service_plan="Standrad"), "service_plan",
         "closest: Standard", READS),
    case("sms-rate-plan-unknown", "service_plan_sms_rate", sms_rate(service_plan="Gold"), "service_plan",
         "known: Premium, Standard", READS),
    case("sms-rate-trunk-unknown", "service_plan_sms_rate", sms_rate(), "sms_trunk",
         "'Twilio-main' is not the name or ID", READS),

    # -- pbxware_service_plan_info ----------------------------------------------------------------
    case("splan-info-details-choice", "service_plan_info", dict(details=["rates", "calls"]), "details",
         "must be one or more of", NONE),
    case("splan-info-route-letters", "service_plan_info", dict(details=["rates"], route="USA"), "route",
         "is an ID (digits)", NONE),
    case("splan-info-group-without-route", "service_plan_info", dict(details=["rates"], destination_group="1"),
         "destination_group", "missing parameter(s) required by", NONE),
    case("splan-info-group-letters", "service_plan_info",
         dict(details=["rates"], route="869", destination_group="one"), "destination_group", "is an ID (digits)",
         NONE),
    case("splan-info-names-type", "service_plan_info", dict(names={"Standard": 1}), "names",
         "unable to convert to list", NONE),
    case("splan-info-tenant-unsupported", "service_plan_info", dict(tenant=T1), "tenant", "Unsupported parameters",
         NONE),
]
