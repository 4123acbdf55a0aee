"""Extension sub-actions (balance, billing/call rating, history, slaves, resets, voicemail,
additional MACs, editions & modules) against the reference and the vendor's Postman collection."""
import datetime
import json
import os

import pytest

from ext_did_helpers import add_ext, call, make_state
from pbxware_sim import registry
from pbxware_sim.objects.ext_extras import MONTHS

AMOUNT_RE = r"^([0-9]+|[0-9]+\.[0-9]+)$"
VALUES_RE = r"^\b(?:[0-9A-Fa-f]{12},?)+\b$"
DEVICES_RE = r"^(,|\d+)+$"
EXCLUSIVE = {"error": "You cannot supply id and ext at the same time"}
NO_ID = {"error": "Required field 'id' is missing"}

BY_ID_OR_EXT = ("pbxware.ext.billing", "pbxware.ext.call_rating", "pbxware.ext.billing_info",
                "pbxware.ext.call_rating_info", "pbxware.ext.sms_rating_info", "pbxware.ext.slaves")
HISTORY = ("pbxware.ext.billing_history", "pbxware.ext.call_rating_history")
RESETS = ("pbxware.ext.reset_inclusive_minutes", "pbxware.ext.reset_inclusive_messages")


@pytest.fixture
def state():
    s = make_state()
    assert add_ext(s)["id"] == "1"  # tenant 2, ext 100
    return s


def rec(state, ext_id="1"):
    return state.data["extensions"][ext_id]


def day(date):
    """mmm-dd-YYYY without relying on the locale."""
    return "%s-%02d-%d" % (MONTHS[date.month - 1], date.day, date.year)


TODAY = datetime.datetime.now(datetime.timezone.utc).date()


def balance(state, **args):
    base = {"server": "2", "id": "1", "mode": "credit", "amount": "10", "notes": "top-up", "refno": "INV-1"}
    base.update(args)
    return call(state, "pbxware.ext.balance", **base)


def history(state, action="pbxware.ext.billing_history", **args):
    base = {"server": "2", "id": "1", "start": day(TODAY - datetime.timedelta(days=1)),
            "end": day(TODAY + datetime.timedelta(days=1))}
    base.update(args)
    return call(state, action, **base)


def seed_history(state, *entries, ext_id="1"):
    """entries: (timestamp, type, amount, refno)"""
    rec(state, ext_id)["balance_history"] = [
        {"timestamp": ts, "type": kind, "amount": amount, "notes": "seeded", "refno": refno}
        for ts, kind, amount, refno in entries]


# --- declarations ------------------------------------------------------------------

DECLARED = {
    "pbxware.ext.balance": ({"server", "id", "ext", "mode", "amount", "notes", "refno"},
                            ("server", "mode", "amount", "notes", "refno"), True),
    "pbxware.ext.billing": ({"server", "id", "ext"}, (), False),
    "pbxware.ext.call_rating": ({"server", "id", "ext"}, (), False),
    "pbxware.ext.billing_info": ({"server", "id", "ext"}, (), False),
    "pbxware.ext.call_rating_info": ({"server", "id", "ext"}, (), False),
    "pbxware.ext.sms_rating_info": ({"server", "id", "ext"}, (), False),
    "pbxware.ext.slaves": ({"server", "id", "ext"}, (), False),
    "pbxware.ext.billing_history": ({"server", "id", "ext", "start", "end", "starttime", "endtime", "type",
                                     "refno", "rrefno", "sum", "timezone"}, ("start", "end"), False),
    "pbxware.ext.call_rating_history": ({"server", "id", "ext", "start", "end", "starttime", "endtime", "type",
                                         "refno", "rrefno", "sum", "timezone"}, ("start", "end"), False),
    "pbxware.ext.reset_inclusive_minutes": ({"server", "id", "ext"}, ("server",), True),
    "pbxware.ext.reset_inclusive_messages": ({"server", "id", "ext"}, ("server",), True),
    "pbxware.ext.voicemail.delete": ({"server", "ext"}, ("server", "ext"), True),
    "pbxware.ext.additional_macs": ({"server", "id", "values", "sn", "devices", "locations", "device_addresses"},
                                    ("server", "id", "values", "devices", "locations"), True),
    "pbxware.ext.editions_modules.set": ({"server", "id", "editions", "modules", "use_department_templates"},
                                         ("server", "id"), True),
    "pbxware.ext.editions_modules.configuration": ({"server", "id"}, ("server", "id"), False),
}


@pytest.mark.parametrize("name", sorted(DECLARED))
def test_declarations(name):
    spec = registry.lookup(name)
    args, required, write = DECLARED[name]
    assert spec.args == args
    assert set(spec.required) == set(required)
    assert spec.write is write
    assert spec.secrets == frozenset()


def test_postman_patterns():
    assert registry.lookup("pbxware.ext.balance").patterns == {
        "amount": AMOUNT_RE, "notes": r"^.+$", "refno": r"^.+$"}
    assert registry.lookup("pbxware.ext.additional_macs").patterns == {"values": VALUES_RE, "devices": DEVICES_RE}


def test_every_non_es_ext_action_is_registered():
    with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "conformance", "actions.txt")) as handle:
        documented = {line.strip() for line in handle if line.startswith("pbxware.ext.") and ".es." not in line}
    assert documented - set(registry.ACTIONS) == set()


UNDOCUMENTED_CALLS = [
    ("pbxware.ext.balance", dict(server="2", id="1", mode="credit", amount="1", notes="n", refno="r")),
    ("pbxware.ext.billing_history", dict(server="2", id="1", start="Feb-01-2009", end="Feb-28-2009")),
    ("pbxware.ext.reset_inclusive_minutes", dict(server="2", id="1")),
    ("pbxware.ext.voicemail.delete", dict(server="2", ext="100")),
    ("pbxware.ext.additional_macs", dict(server="2", id="1", values="00156512ab01", devices="50", locations="1")),
    ("pbxware.ext.editions_modules.set", dict(server="2", id="1", editions="office")),
    ("pbxware.ext.editions_modules.configuration", dict(server="2", id="1")),
] + [(name, dict(server="2", id="1")) for name in BY_ID_OR_EXT + RESETS[1:]]


@pytest.mark.parametrize("name,args", UNDOCUMENTED_CALLS)
def test_strict_mode_rejects_undocumented_args(state, name, args):
    assert call(state, name, bogus="1", **args) == {"error": "Unknown field 'bogus' for action %s" % name}
    assert "error" not in call(state, name, strict=False, bogus="1", **args)


# --- balance -----------------------------------------------------------------------

def test_balance_success_and_state(state):
    assert balance(state) == {"success": "Updated balance for Extension ID '1' successfully."}
    assert balance(state, mode="debit", amount="2.5", refno="INV-2", ext="100", id=None)["success"]
    info = call(state, "pbxware.ext.billing_info", server="2", id="1")
    assert info["1"]["account_balance"] == "7.50000"


@pytest.mark.parametrize("missing", ["server", "mode", "amount", "notes", "refno"])
def test_balance_required(state, missing):
    assert balance(state, **{missing: None}) == {"error": "Required field '%s' is missing" % missing}


def test_balance_needs_id_or_ext_not_both(state):
    assert balance(state, id=None) == NO_ID
    assert balance(state, ext="100") == EXCLUSIVE


@pytest.mark.parametrize("arg,value,pattern", [
    ("amount", "abc", AMOUNT_RE), ("amount", "-5", AMOUNT_RE), ("amount", "1.", AMOUNT_RE),
    ("amount", "1,50", AMOUNT_RE), ("amount", "", AMOUNT_RE), ("notes", "", r"^.+$"), ("refno", "", r"^.+$"),
    ("mode", "refund", r"^(credit|debit)$"), ("mode", "Credit", r"^(credit|debit)$"),
])
def test_balance_invalid_data(state, arg, value, pattern):
    assert balance(state, **{arg: value}) == {
        "error": "Required field '%s=%s' contains invalid data (Regex: /%s/)" % (arg, value, pattern)}
    assert "balance_history" not in rec(state)


def test_balance_unknown_extension_and_server_rules(state):
    assert balance(state, id="99") == {"error": "Extension ID 99 does not exist."}
    assert balance(state, id=None, ext="555") == {"error": "Extension 555 does not exist."}
    assert balance(state, server="3") == {"error": "Extension ID 1 does not exist."}  # other tenant
    assert balance(state, server="9") == {"error": "Invalid server ID."}
    assert "tenant" in balance(state, server="1")["error"]


def test_balance_history_shows_refno(state):
    balance(state, amount="5", refno="111", notes="test billing update")
    balance(state, mode="debit", amount="5", refno="111", notes="test billing update")
    balance(state, amount="20.25", refno="PAY-7")
    res = history(state)
    today = TODAY.isoformat()
    assert res == [
        {"entry_date": today, "refno": "PAY-7", "notes": "top-up", "amount": "20.25", "type": "credit"},
        {"entry_date": today, "refno": "111", "notes": "test billing update", "amount": "-5", "type": "debit"},
        {"entry_date": today, "refno": "111", "notes": "test billing update", "amount": "5", "type": "credit"},
    ]
    assert all(isinstance(v, str) for entry in res for v in entry.values())
    # a client checking whether a payment was already applied
    assert [e["type"] for e in history(state, refno="111")] == ["debit", "credit"]
    assert history(state, refno="PAY-8") == []
    assert history(state, action="pbxware.ext.call_rating_history", refno="PAY-7")[0]["amount"] == "20.25"


# --- history filters ----------------------------------------------------------------

def seeded(state):
    seed_history(state,
                 ("2009-09-29 10:00:00", "credit", "5", "111"),
                 ("2010-01-18 09:30:00", "debit", "-5", "111"),
                 ("2010-01-20 23:30:00", "credit", "347.96", "PAY-2010-7"),
                 ("2010-02-01 12:00:00", "debit", "-48", "FEE-1"))


@pytest.mark.parametrize("action", HISTORY)
def test_history_date_window(state, action):
    seeded(state)
    dates = lambda **a: [e["entry_date"] for e in history(state, action=action, **a)]  # noqa: E731
    assert dates(start="Jan-01-2009", end="Dec-31-2010") == ["2010-02-01", "2010-01-20", "2010-01-18", "2009-09-29"]
    assert dates(start="Jan-18-2010", end="Jan-20-2010") == ["2010-01-20", "2010-01-18"]  # both ends inclusive
    assert dates(start="Jan-18-2010", end="Jan-20-2010", starttime="00:00:01") == ["2010-01-20"]
    assert dates(start="Jan-01-2011", end="Jan-31-2011") == []
    assert dates(start="Feb-01-2010", end="Jan-01-2010") == []


def test_history_type_refno_rrefno_sum(state):
    seeded(state)
    wide = dict(start="Jan-01-2009", end="Dec-31-2010")
    assert [e["refno"] for e in history(state, type="debit", **wide)] == ["FEE-1", "111"]
    assert len(history(state, type="credit|debit", **wide)) == 4
    assert [e["refno"] for e in history(state, rrefno="^PAY-\\d{4}", **wide)] == ["PAY-2010-7"]
    assert history(state, sum="1", **wide) == [{"sum_credit": "352.96000", "sum_debit": "-53.00000"}]
    assert history(state, sum="1", type="credit", **wide) == [{"sum_credit": "352.96000", "sum_debit": "0.00000"}]
    assert history(state, sum="1", start="Jan-01-2011", end="Jan-31-2011") == [
        {"sum_credit": "0.00000", "sum_debit": "0.00000"}]
    assert len(history(state, sum="0", **wide)) == 4


def test_history_timezone_moves_the_day(state):
    seeded(state)  # 2010-01-20 23:30 UTC is 2010-01-21 in Europe/Berlin, 18:30 on 2010-01-20 in New York
    res = history(state, start="Jan-21-2010", end="Jan-21-2010", timezone="Europe/Berlin")
    assert [(e["entry_date"], e["refno"]) for e in res] == [("2010-01-21", "PAY-2010-7")]
    assert history(state, start="Jan-21-2010", end="Jan-21-2010", timezone="America/New_York") == []
    assert history(state, start="Jan-01-2010", end="Jan-31-2010", timezone="Mars/Olympus") == {
        "error": "Invalid timezone 'Mars/Olympus'."}


@pytest.mark.parametrize("action", HISTORY)
def test_history_arguments(state, action):
    assert history(state, action=action, start=None) == {"error": "Required field 'start' is missing"}
    assert history(state, action=action, end=None) == {"error": "Required field 'end' is missing"}
    assert history(state, action=action, id=None) == NO_ID
    assert history(state, action=action, ext="100") == EXCLUSIVE
    assert history(state, action=action, id=None, ext="100") == []
    assert history(state, action=action, id="42") == {"error": "Extension ID 42 does not exist."}
    date_re = r"^(%s)-\d{2}-\d{4}$" % "|".join(MONTHS)
    assert history(state, action=action, start="2009-02-01") == {
        "error": "Required field 'start=2009-02-01' contains invalid data (Regex: /%s/)" % date_re}
    assert history(state, action=action, end="feb-28-2009")["error"].startswith("Required field 'end=feb-28-2009'")
    assert history(state, action=action, start="Feb-30-2009") == {"error": "Invalid start date 'Feb-30-2009'."}
    assert history(state, action=action, starttime="24:00:00")["error"].startswith(
        "Field 'starttime=24:00:00' contains invalid data")
    assert history(state, action=action, endtime="1:00")["error"].startswith("Field 'endtime=1:00'")
    assert history(state, action=action, type="refund")["error"].startswith("Field 'type=refund'")
    assert history(state, action=action, sum="yes")["error"].startswith("Field 'sum=yes'")
    assert history(state, action=action, rrefno="(") == {
        "error": "Field 'rrefno' contains an invalid regular expression."}


# --- billing / call rating ------------------------------------------------------------

BILLING_KEYS = ["splan", "slave", "master_code", "reminder_balance", "credit_limit", "splan_date", "limits",
                "limit_type", "soft_limit", "hard_limit", "email"]


@pytest.mark.parametrize("action", ["pbxware.ext.billing", "pbxware.ext.call_rating"])
def test_billing_shape(state, action):
    res = call(state, action, server="2", id="1")
    assert list(res) == ["1"] and list(res["1"]) == BILLING_KEYS
    assert res["1"] == {"splan": "", "slave": "no", "master_code": None, "reminder_balance": None,
                        "credit_limit": None, "splan_date": None, "limits": None, "limit_type": None,
                        "soft_limit": None, "hard_limit": None, "email": None}
    add_ext(state, ext="101", call_rating="1", creditlimit="15", reminderbalance="0", service_plan="1",
            service_plan_date="01-09-2009", limitenable="1", limittype="Daily", softlimit="100", hardlimit="200",
            notification_email="john_doe@dot.com", acc_slave="1", slave_accountcode="100")
    res = call(state, action, server="2", ext="101")
    assert res == {"2": {"splan": "1", "slave": "yes", "master_code": "100", "reminder_balance": "0.00000",
                         "credit_limit": "15.00000", "splan_date": "01-09-2009", "limits": "yes",
                         "limit_type": "Daily", "soft_limit": "100", "hard_limit": "200",
                         "email": "john_doe@dot.com"}}


@pytest.mark.parametrize("action", ["pbxware.ext.billing_info", "pbxware.ext.call_rating_info"])
def test_billing_info_shape_and_funds(state, action):
    assert call(state, action, server="2", id="1") == {"1": {
        "account_balance": "0.00000", "available_funds": "0.00000", "inclusive_minutes": "No Inclusives spent."}}
    call(state, "pbxware.ext.edit", server="2", id="1", call_rating="1", creditlimit="15", reminderbalance="1",
         service_plan="1")
    balance(state, amount="100")
    balance(state, mode="debit", amount="0.5", refno="INV-2")
    res = call(state, action, server="2", ext="100")["1"]
    assert (res["account_balance"], res["available_funds"]) == ("99.50000", "114.50000")
    assert all(isinstance(v, str) for v in res.values())


def test_sms_rating_info_shape(state):
    assert call(state, "pbxware.ext.sms_rating_info", server="2", id="1") == {
        "1": {"inclusive_minutes": "No Inclusives spent."}}


@pytest.mark.parametrize("action", BY_ID_OR_EXT)
def test_lookup_rules(state, action):
    assert call(state, action, server="2", id="1", ext="100") == EXCLUSIVE
    assert call(state, action, server="2") == NO_ID
    assert call(state, action, server="2", id="7") == {"error": "Extension ID 7 does not exist."}
    assert call(state, action, server="2", ext="199") == {"error": "Extension 199 does not exist."}
    assert call(state, action, server="3", id="1") == {"error": "Extension ID 1 does not exist."}
    assert call(state, action, server="9", id="1") == {"error": "Invalid server ID."}
    # server is optional: an ID is unique system-wide, a number needs its tenant
    assert call(state, action, id="1") == call(state, action, server="2", id="1")
    assert call(state, action, ext="100") == {"error": "Required field 'server' is missing"}


def test_lookup_without_server_outside_tenant_mode():
    plain = make_state(tenant_mode=False)
    add_ext(plain, server="1")
    assert list(call(plain, "pbxware.ext.billing", ext="100")) == ["1"]
    assert call(plain, "pbxware.ext.billing", server="2", ext="100") == {"error": "Invalid server ID."}


# --- resets ------------------------------------------------------------------------

def test_reset_inclusive_minutes(state):
    rec(state)["inclusive_minutes_used"] = 42
    info = call(state, "pbxware.ext.billing_info", server="2", id="1")["1"]
    assert info["inclusive_minutes"] == "42 Inclusive minutes spent."
    assert call(state, "pbxware.ext.reset_inclusive_minutes", server="2", id="1") == {
        "success": "Inclusive Minutes for Extension ID '1' have been reset successfully."}
    for action in ("pbxware.ext.billing_info", "pbxware.ext.call_rating_info"):
        assert call(state, action, server="2", id="1")["1"]["inclusive_minutes"] == "No Inclusives spent."


def test_reset_inclusive_messages(state):
    rec(state)["inclusive_messages_used"] = 7
    assert call(state, "pbxware.ext.sms_rating_info", server="2", id="1") == {
        "1": {"inclusive_minutes": "7 Inclusive messages spent."}}
    assert call(state, "pbxware.ext.reset_inclusive_messages", server="2", ext="100") == {
        "success": "Inclusive Messages for Extension ID '1' have been reset successfully."}
    assert call(state, "pbxware.ext.sms_rating_info", server="2", id="1")["1"]["inclusive_minutes"] == \
        "No Inclusives spent."
    assert rec(state)["inclusive_messages_used"] == 0


@pytest.mark.parametrize("action", RESETS)
def test_reset_arguments(state, action):
    assert call(state, action, id="1") == {"error": "Required field 'server' is missing"}
    assert call(state, action, server="2") == NO_ID
    assert call(state, action, server="2", id="1", ext="100") == EXCLUSIVE
    assert call(state, action, server="2", id="5") == {"error": "Extension ID 5 does not exist."}
    assert call(state, action, server="3", id="1") == {"error": "Extension ID 1 does not exist."}
    assert call(state, action, server="9", id="1") == {"error": "Invalid server ID."}


# --- voicemail.delete -------------------------------------------------------------------

def test_voicemail_delete(state):
    rec(state)["voicemail_messages"] = 3
    assert call(state, "pbxware.ext.voicemail.delete", server="2", ext="100") == {
        "success": "Voicemails for extension 100 deleted successfully!"}
    assert rec(state)["voicemail_messages"] == 0
    assert call(state, "pbxware.ext.voicemail.delete", server="2") == {"error": "Required field 'ext' is missing"}
    assert call(state, "pbxware.ext.voicemail.delete", ext="100") == {"error": "Required field 'server' is missing"}
    assert call(state, "pbxware.ext.voicemail.delete", server="2", ext="101") == {
        "error": "Extension 101 does not exist."}
    assert call(state, "pbxware.ext.voicemail.delete", server="3", ext="100") == {
        "error": "Extension 100 does not exist."}
    assert "tenant" in call(state, "pbxware.ext.voicemail.delete", server="1", ext="100")["error"]
    assert call(state, "pbxware.ext.voicemail.delete", server="2", ext="100", id="1")["error"].startswith(
        "Unknown field 'id'")
    plain = make_state(tenant_mode=False)
    add_ext(plain, server="1")
    assert "success" in call(plain, "pbxware.ext.voicemail.delete", server="1", ext="100")


# --- slaves --------------------------------------------------------------------------

def test_slaves(state):
    assert call(state, "pbxware.ext.slaves", server="2", id="1") == []
    add_ext(state, ext="101", name="Slave 101", acc_slave="1", slave_accountcode="100")
    add_ext(state, ext="102", acc_slave="0", slave_accountcode="100")  # not marked as slave
    add_ext(state, ext="103", acc_slave="1", slave_accountcode="104")  # slave of another master
    add_ext(state, ext="105", name="Slave 105", acc_slave="1", slave_accountcode="100", prot="iax", ua="52",
            secret="x")
    add_ext(state, server="3", ext="1000", acc_slave="1", slave_accountcode="100")  # other tenant
    res = call(state, "pbxware.ext.slaves", server="2", ext="100")
    assert list(res) == ["2", "5"]
    assert res["2"] == {"name": "Slave 101", "protocol": "sip", "ext": "101", "location": "local", "ua_id": "50",
                        "ua_name": "generic_sip", "ua_fullname": "Generic SIP", "status": "enabled"}
    assert (res["5"]["protocol"], res["5"]["ua_name"]) == ("iax", "custom_generic_iax")
    assert call(state, "pbxware.ext.slaves", server="2", id="2") == []
    # the link follows the master's current number
    call(state, "pbxware.ext.edit", server="2", id="1", ext="104")
    assert list(call(state, "pbxware.ext.slaves", server="2", id="1")) == ["4"]


# --- additional MACs ------------------------------------------------------------------

def macs(state, **args):
    base = {"server": "2", "id": "1", "values": "00156512ab01,00156512AB02", "devices": "50,135",
            "locations": "1,2"}
    base.update(args)
    return call(state, "pbxware.ext.additional_macs", **base)


def test_additional_macs_success_and_configuration(state):
    cfg = call(state, "pbxware.ext.configuration", server="2", id="1")["1"]
    assert cfg["additional_macaddress"] == ""
    res = macs(state, sn="SN1,", device_addresses="3,4")
    assert res == {"success": "Extension ID: 1", "id": 1} and isinstance(res["id"], int)
    cfg = call(state, "pbxware.ext.configuration", server="2", id="1")["1"]
    assert cfg["additional_macaddress"] == [
        {"macaddress": "00156512ab01", "sn": "SN1", "ua_id": "50", "location": "local", "device_address": "3"},
        {"macaddress": "00156512AB02", "sn": "", "ua_id": "135", "location": "remote", "device_address": "4"},
    ]
    # replaces the list; the devices regex lets an item be empty
    assert macs(state, values="00156512ab09,00156512ab01", devices=",50", locations="1,1")["success"]
    cfg = call(state, "pbxware.ext.configuration", server="2", id="1")["1"]
    assert [m["macaddress"] for m in cfg["additional_macaddress"]] == ["00156512ab09", "00156512ab01"]
    assert [m["ua_id"] for m in cfg["additional_macaddress"]] == ["", "50"]
    call(state, "pbxware.ext.edit", server="2", id="1", name="Renamed")  # survives an edit
    assert len(call(state, "pbxware.ext.configuration", server="2", id="1")["1"]["additional_macaddress"]) == 2
    json.dumps(cfg)


@pytest.mark.parametrize("missing", ["server", "id", "values", "devices", "locations"])
def test_additional_macs_required(state, missing):
    assert macs(state, **{missing: None}) == {"error": "Required field '%s' is missing" % missing}


@pytest.mark.parametrize("arg,value,pattern", [
    ("values", "xyz", VALUES_RE), ("values", "00156512ab0", VALUES_RE), ("values", "", VALUES_RE),
    ("values", "00156512ab01,", VALUES_RE), ("devices", "a,b", DEVICES_RE), ("devices", "", DEVICES_RE),
    ("locations", "1,3", r"^(1|2)(,(1|2))*$"),
])
def test_additional_macs_invalid_data(state, arg, value, pattern):
    assert macs(state, **{arg: value}) == {
        "error": "Required field '%s=%s' contains invalid data (Regex: /%s/)" % (arg, value, pattern)}


def test_additional_macs_server_rules(state):
    add_ext(state, ext="101", macaddress="00156512CC01")
    assert macs(state, devices="50") == {"error": "Fields values, devices and locations must match in size"}
    assert macs(state, sn="a,b,c") == {"error": "Fields values, devices, locations and sn must match in size"}
    assert macs(state, values="00156512ab0100156512ab02", devices="50", locations="1") == {
        "error": "Invalid MAC address '00156512ab0100156512ab02'."}
    assert macs(state, values="00156512ab01,00156512AB01") == {
        "error": "MAC address '00156512AB01' is already in use."}
    assert macs(state, values="00156512cc01", devices="50", locations="1") == {
        "error": "MAC address '00156512cc01' is already in use."}  # another extension's primary MAC
    assert macs(state, devices="50,999") == {"error": "Invalid User Agent ID '999'."}
    assert macs(state, id="2")["success"]
    assert macs(state)["error"] == "MAC address '00156512ab01' is already in use."  # now taken by ext 2
    assert macs(state, id="9", values="00156512ab05", devices="50", locations="1") == {
        "error": "Extension ID 9 does not exist."}
    assert macs(state, server="3", values="00156512ab05", devices="50", locations="1") == {
        "error": "Extension ID 1 does not exist."}
    assert macs(state, ext="100")["error"].startswith("Unknown field 'ext'")  # only id is documented


# --- editions & modules ---------------------------------------------------------------

def em_config(state, ext_id="1"):
    return call(state, "pbxware.ext.editions_modules.configuration", server="2", id=ext_id)


def em_set(state, **args):
    return call(state, "pbxware.ext.editions_modules.set", server="2", id="1", **args)


def test_editions_modules_defaults_and_types(state):
    res = em_config(state)
    assert res == {
        "id": "1", "use_department_templates": "0",
        "editions": {"all": 0, "office": 0, "business": 0, "agent": 0, "supervisor": 0, "mobile": 0,
                     "operator": 0, "web": 0},
        "modules": {"all": 0, "crm": 0, "call_popup": 0, "skype": 0, "omni_channel": 0, "customer_survey": 0},
    }
    assert all(isinstance(v, int) for v in list(res["editions"].values()) + list(res["modules"].values()))


def test_editions_modules_set_then_read_back(state):
    res = em_set(state, editions="office,business", modules="all", use_department_templates="1")
    assert res == {"success": "Extension ID: 1", "id": 1} and isinstance(res["id"], int)
    cfg = em_config(state)
    assert cfg["use_department_templates"] == "1"
    assert cfg["editions"] == {"all": 0, "office": 1, "business": 1, "agent": 0, "supervisor": 0, "mobile": 0,
                               "operator": 0, "web": 0}
    assert cfg["modules"] == {"all": 1, "crm": 1, "call_popup": 1, "skype": 1, "omni_channel": 1,
                              "customer_survey": 1}
    em_set(state, modules="call popup,customer survey")  # editions omitted: unchanged
    cfg = em_config(state)
    assert cfg["editions"]["office"] == 1
    assert [k for k, v in cfg["modules"].items() if v] == ["call_popup", "customer_survey"]
    em_set(state, editions="all", modules="none", use_department_templates="0")
    cfg = em_config(state)
    assert set(cfg["editions"].values()) == {1} and set(cfg["modules"].values()) == {0}
    em_set(state, editions="")  # empty: unchanged
    assert em_config(state)["editions"]["all"] == 1


@pytest.mark.parametrize("arg,value", [
    ("editions", "gold"), ("editions", "office, business"), ("editions", "none,office"), ("modules", "call_popup"),
    ("modules", "crm,"), ("use_department_templates", "yes"),
])
def test_editions_modules_invalid_values(state, arg, value):
    res = em_set(state, **{arg: value})
    assert res["error"].startswith("Field '%s=%s' contains invalid data (Regex: /" % (arg, value))
    assert "editions" not in rec(state) and "modules" not in rec(state)


def test_editions_modules_lookup_rules(state):
    for action in ("pbxware.ext.editions_modules.set", "pbxware.ext.editions_modules.configuration"):
        assert call(state, action, server="2") == {"error": "Required field 'id' is missing"}
        assert call(state, action, id="1") == {"error": "Required field 'server' is missing"}
        assert call(state, action, server="2", id="8") == {"error": "Extension ID 8 does not exist."}
        assert call(state, action, server="3", id="1") == {"error": "Extension ID 1 does not exist."}
        assert call(state, action, server="2", id="1", ext="100")["error"].startswith("Unknown field 'ext'")


# --- persistence ----------------------------------------------------------------------

def test_writes_persist(tmp_path):
    from pbxware_sim.state import State
    from ext_did_helpers import FIXTURE
    path = str(tmp_path / "state.json")
    first = State(FIXTURE, path=path)
    add_ext(first)
    balance(first, refno="R-1")
    em_set(first, editions="web")
    second = State(FIXTURE, path=path)
    assert history(second)[0]["refno"] == "R-1"
    assert em_config(second)["editions"]["web"] == 1
