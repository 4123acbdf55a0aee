"""Extension sub-actions other than enhanced services.

``pbxware.ext.{balance, billing, call_rating, billing_info, call_rating_info,
sms_rating_info, slaves, billing_history, call_rating_history,
reset_inclusive_minutes, reset_inclusive_messages, voicemail.delete,
additional_macs, editions_modules.set, editions_modules.configuration}``.

The reference documents ``call_rating``, ``call_rating_info`` and
``call_rating_history`` only as the successors of the deprecated ``billing``,
``billing_info`` and ``billing_history``. Here each pair shares its arguments,
its handler and its data.

State lives in the extension record (``state.collection("extensions")[id]``),
so it goes away with ``ext.delete``. ``ext.edit`` copies records as they are,
so these keys survive edits:

- ``balance``: account balance, a decimal string (``"0"`` when never touched).
- ``balance_history``: list of ``{"timestamp": "YYYY-MM-DD HH:MM:SS" (UTC),
  "type": "credit"|"debit", "amount": as sent ("-" prepended for debits),
  "notes", "refno"}`` in the order applied. ``billing_history`` and
  ``call_rating_history`` read it; nothing ever removes an entry, so a client
  can look up a ``refno`` before applying a payment again. The same ``refno``
  may be applied twice (the reference's own example shows refno 111 twice).
- ``inclusive_minutes_used`` / ``inclusive_messages_used``: integers, 0 for a
  new extension. The simulator carries no calls or SMS, so they only change
  when a fixture (or a test) seeds them and when the reset actions zero them.
  0 reads as the documented ``"No Inclusives spent."``; n > 0 reads as
  ``"n Inclusive minutes spent."`` / ``"n Inclusive messages spent."``.
- ``voicemail_messages``: integer count of stored voicemails (0 for a new
  extension; no API reads it). ``voicemail.delete`` zeroes it.
- ``additional_macs``: list of ``{"macaddress", "sn", "ua", "location" ("1"|"2"),
  "device_address"}`` (write names); ``ext.configuration`` shows it under
  ``additional_macaddress`` (see ``ext.render_additional_macs``).
- ``editions`` / ``modules``: lists of selected individual names (``all`` is
  expanded, ``none`` is the empty list); ``use_department_templates``: ``"0"``
  or ``"1"``. A new extension has none selected and ``"0"``.

Chosen semantics where the reference is silent:

- ``available_funds`` = account balance + credit limit (the credit limit is how
  far the account may go below zero). Balance changes need no call rating on
  the extension; debits may take the balance below zero.
- ``billing`` fields the extension never set read ``null`` (the vendor's
  Postman tests allow ``null`` for everything after ``slave``); ``splan`` is
  ``""`` and ``slave`` ``"no"`` by default; ``master_code`` is the stored
  ``slave_accountcode`` or ``null``.
- Slaves: an extension is a slave of a master when it is in the same
  server/tenant, has ``acc_slave=1`` and its ``slave_accountcode`` equals the
  master's extension number (the Postman regex for the code is ``^\\d{3}$``,
  the default extension length).
- History filter: entries count by calendar day (``entry_date`` is a date, as
  in the reference example): an entry matches when its day at 00:00:00 lies in
  ``[start starttime, end endtime]`` (both inclusive; times default to
  00:00:00, so the end date is included). ``timezone`` picks the zone in which
  an entry's day is computed and shown (default: the server's, UTC here).
  Results are newest first. ``sum=1`` gives ``[{"sum_credit", "sum_debit"}]``
  with 5 decimals (``"0.00000"`` when nothing matches).
- ``server`` is optional where the reference does not mark it required
  (billing*, call_rating*, sms_rating_info, slaves, *_history): without it an
  ``id`` is looked up across all servers; an ``ext`` needs ``server`` in
  tenant mode (server 1 is implied otherwise). Where given, in tenant mode it
  must be a tenant (extensions live in tenants), as for ``ext.configuration``.
- Neither ``id`` nor ``ext``: ``Required field 'id' is missing`` (the reference
  never describes a listing of all extensions for these actions).
- ``additional_macs`` replaces the whole list. ``values``, ``devices`` and
  ``locations`` (and ``sn``/``device_addresses`` when given) are parallel lists
  and must match in size; each MAC must be 12 hex digits, unique in the list
  and not used by any extension (primary or additional MAC, compared
  case-insensitively); non-empty device IDs must be known UADs; an empty
  device stays empty. The list cannot be emptied (``values`` is required and
  its regex needs one MAC).
- ``editions_modules.set``: each list replaces the previous one; ``all``
  selects every value, ``none`` (alone) clears, an empty or omitted list leaves
  that list as it is. ``configuration`` reports every accepted value as a
  0/1 number, keys as in the reference example (spaces become ``_``:
  ``call_popup``), ``all`` being 1 when every value is selected.
"""
import datetime
import re
from decimal import Decimal, InvalidOperation

from pbxware_sim.objects import ext as ext_mod
from pbxware_sim.registry import ApiError, action, check_pattern

ID_EXT = ("server", "id", "ext")
EXCLUSIVE = "You cannot supply id and ext at the same time"

# Postman regexes (the collection escapes backslashes twice; undone here).
BALANCE_PATTERNS = {
    "amount": r"^([0-9]+|[0-9]+\.[0-9]+)$",
    "notes": r"^.+$",
    "refno": r"^.+$",
}
MACS_PATTERNS = {
    "values": r"^\b(?:[0-9A-Fa-f]{12},?)+\b$",
    "devices": r"^(,|\d+)+$",
}

# Enumerations the reference spells out (checked in the handlers, reported in the server's regex style).
MODE = r"^(credit|debit)$"
LOCATIONS = r"^(1|2)(,(1|2))*$"
ZERO_ONE = r"^(1|0)$"
HISTORY_TYPE = r"^(credit|debit)(\|(credit|debit))*$"
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DATE = r"^(%s)-\d{2}-\d{4}$" % "|".join(MONTHS)
TIME = r"^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$"
HISTORY_ARGS = ID_EXT + ("start", "end", "starttime", "endtime", "type", "refno", "rrefno", "sum", "timezone")

# Accepted values in the reference's order, and the read key of each.
EDITIONS = ("agent", "office", "business", "operator", "supervisor", "mobile", "web")
MODULES = ("crm", "call popup", "skype", "omni channel", "customer survey")
# Read order: the reference example's keys first, then the accepted values it does not show.
EDITION_KEYS = ("office", "business", "agent", "supervisor", "mobile", "operator", "web")
MODULE_KEYS = ("crm", "call popup", "skype", "omni channel", "customer survey")


def _list_regex(values):
    items = "|".join(("all",) + values)
    return r"^(none|(%s)(,(%s))*)$" % (items, items)


EDITIONS_RE = _list_regex(EDITIONS)
MODULES_RE = _list_regex(MODULES)
NO_INCLUSIVES = "No Inclusives spent."


# --- helpers -----------------------------------------------------------------

def _exts(state):
    return ext_mod.exts(state)


def _optional_server(req):
    """``server`` when given (validated as for ext.configuration), else None."""
    if "server" not in req.args:
        return None
    return ext_mod.check_server(req)


def _resolve(req, server):
    """``id`` or ``ext`` (never both) -> extension ID; ``server`` may be None."""
    if server is not None:
        return ext_mod.lookup(req, server)
    if req.has("id") and req.has("ext"):
        raise ApiError(EXCLUSIVE)
    if req.has("id"):
        ext_id = req.get("id")
        if ext_id not in _exts(req.state):
            raise ApiError("Extension ID %s does not exist." % ext_id)
        return ext_id
    if req.has("ext"):
        if req.tenant_mode:
            raise ApiError("Required field 'server' is missing")
        ext_id = ext_mod.find_by_ext(req.state, "1", req.get("ext"))
        if ext_id is None:
            raise ApiError("Extension %s does not exist." % req.get("ext"))
        return ext_id
    raise ApiError("Required field 'id' is missing")


def _by_id(req, server):
    """Actions that document only ``id`` (an ``ext`` passed in non-strict mode is ignored)."""
    ext_id = req.get("id", "")
    rec = _exts(req.state).get(ext_id)
    if rec is None or str(rec["server"]) != server:
        raise ApiError("Extension ID %s does not exist." % ext_id)
    return ext_id


def _target(req):
    server = _optional_server(req)
    ext_id = _resolve(req, server)
    return ext_id, _exts(req.state)[ext_id]


def _decimal(value, default="0"):
    try:
        return Decimal(str(value if value not in (None, "") else default))
    except InvalidOperation:
        return Decimal(default)


def money(value):
    """Five decimals, as the reference shows amounts (``"15.00000"``)."""
    return "%.5f" % _decimal(value)


def _money_or_null(rec, key):
    value = rec.get(key)
    if value in (None, ""):
        return None
    try:
        return "%.5f" % Decimal(str(value))
    except InvalidOperation:
        return str(value)


def _text_or_null(rec, key):
    value = rec.get(key)
    return None if value in (None, "") else str(value)


def _inclusive_text(used, kind):
    used = int(used or 0)
    return NO_INCLUSIVES if used <= 0 else "%d Inclusive %s spent." % (used, kind)


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


# --- balance -----------------------------------------------------------------

@action("pbxware.ext.balance", args=ID_EXT + ("mode", "amount", "notes", "refno"),
        required=("server", "mode", "amount", "notes", "refno"), write=True, patterns=BALANCE_PATTERNS)
def ext_balance(req):
    check_pattern("mode", req.get("mode"), MODE, True)
    server = ext_mod.check_server(req)
    ext_id = ext_mod.lookup(req, server)
    rec = _exts(req.state)[ext_id]
    mode, amount = req.get("mode"), req.get("amount")
    delta = Decimal(amount) if mode == "credit" else -Decimal(amount)
    rec["balance"] = str(_decimal(rec.get("balance")) + delta)
    rec.setdefault("balance_history", []).append({
        "timestamp": _now().strftime("%Y-%m-%d %H:%M:%S"),
        "type": mode,
        "amount": amount if mode == "credit" else "-" + amount,
        "notes": req.get("notes"),
        "refno": req.get("refno"),
    })
    return {"success": "Updated balance for Extension ID '%s' successfully." % ext_id}


# --- billing / call rating -----------------------------------------------------

def render_billing(rec):
    limits = rec.get("limitenable")
    return {
        "splan": str(rec.get("service_plan", "") or ""),
        "slave": "yes" if str(rec.get("acc_slave", "0")) == "1" else "no",
        "master_code": _text_or_null(rec, "slave_accountcode"),
        "reminder_balance": _money_or_null(rec, "reminderbalance"),
        "credit_limit": _money_or_null(rec, "creditlimit"),
        "splan_date": _text_or_null(rec, "service_plan_date"),
        "limits": None if limits in (None, "") else ("yes" if str(limits) == "1" else "no"),
        "limit_type": _text_or_null(rec, "limittype"),
        "soft_limit": _text_or_null(rec, "softlimit"),
        "hard_limit": _text_or_null(rec, "hardlimit"),
        "email": _text_or_null(rec, "notification_email"),
    }


def render_billing_info(rec):
    balance = _decimal(rec.get("balance"))
    return {
        "account_balance": money(balance),
        "available_funds": money(balance + _decimal(rec.get("creditlimit"))),
        "inclusive_minutes": _inclusive_text(rec.get("inclusive_minutes_used"), "minutes"),
    }


def _billing(req):
    ext_id, rec = _target(req)
    return {ext_id: render_billing(rec)}


def _billing_info(req):
    ext_id, rec = _target(req)
    return {ext_id: render_billing_info(rec)}


action("pbxware.ext.billing", args=ID_EXT)(_billing)
action("pbxware.ext.call_rating", args=ID_EXT)(_billing)
action("pbxware.ext.billing_info", args=ID_EXT)(_billing_info)
action("pbxware.ext.call_rating_info", args=ID_EXT)(_billing_info)


@action("pbxware.ext.sms_rating_info", args=ID_EXT)
def ext_sms_rating_info(req):
    ext_id, rec = _target(req)
    # The reference's prose names the field inclusive_messages_left; its example (followed here) does not.
    return {ext_id: {"inclusive_minutes": _inclusive_text(rec.get("inclusive_messages_used"), "messages")}}


# --- slaves --------------------------------------------------------------------

SLAVE_FIELDS = ("name", "protocol", "ext", "location", "ua_id", "ua_name", "ua_fullname", "status")


@action("pbxware.ext.slaves", args=ID_EXT)
def ext_slaves(req):
    master_id, master = _target(req)
    server, number = str(master["server"]), str(master["ext"])
    result = {}
    for ext_id, rec in sorted(_exts(req.state).items(), key=lambda kv: int(kv[0])):
        if ext_id == master_id or str(rec["server"]) != server:
            continue
        if str(rec.get("acc_slave", "0")) == "1" and str(rec.get("slave_accountcode", "")) == number:
            item = ext_mod.render_list(req.state, rec)
            result[ext_id] = {key: item[key] for key in SLAVE_FIELDS}
    return result or []


# --- history -------------------------------------------------------------------

def _parse_date(name, value):
    check_pattern(name, value, DATE, True)
    month, day, year = value.split("-")
    try:
        return datetime.date(int(year), MONTHS.index(month) + 1, int(day))
    except ValueError:
        raise ApiError("Invalid %s date '%s'." % (name, value))


def _parse_time(req, name):
    value = req.get(name, "")
    if value == "":
        return datetime.time(0, 0, 0)
    check_pattern(name, value, TIME, False)
    return datetime.time(*(int(part) for part in value.split(":")))


def _zone(name):
    if not name:
        return datetime.timezone.utc
    try:
        from zoneinfo import ZoneInfo
        return ZoneInfo(name)
    except Exception:  # unknown key, malformed key, or no tz database
        raise ApiError("Invalid timezone '%s'." % name)


def _history(req):
    start = _parse_date("start", req.get("start"))
    end = _parse_date("end", req.get("end"))
    lower = datetime.datetime.combine(start, _parse_time(req, "starttime"))
    upper = datetime.datetime.combine(end, _parse_time(req, "endtime"))
    types = ("credit", "debit")
    if req.has("type"):
        check_pattern("type", req.get("type"), HISTORY_TYPE, False)
        types = tuple(req.get("type").split("|"))
    summed = False
    if req.has("sum"):
        check_pattern("sum", req.get("sum"), ZERO_ONE, False)
        summed = req.get("sum") == "1"
    rrefno = None
    if req.has("rrefno"):
        try:
            rrefno = re.compile(req.get("rrefno"))
        except re.error:
            raise ApiError("Field 'rrefno' contains an invalid regular expression.")
    zone = _zone(req.get("timezone", ""))

    _, rec = _target(req)
    matches = []
    for seq, entry in enumerate(rec.get("balance_history", [])):
        stamp = datetime.datetime.strptime(entry["timestamp"], "%Y-%m-%d %H:%M:%S")
        day = stamp.replace(tzinfo=datetime.timezone.utc).astimezone(zone).date()
        if not lower <= datetime.datetime.combine(day, datetime.time(0, 0, 0)) <= upper:
            continue
        if entry["type"] not in types:
            continue
        if req.has("refno") and entry["refno"] != req.get("refno"):
            continue
        if rrefno is not None and rrefno.search(entry["refno"]) is None:
            continue
        matches.append((stamp, seq, day, entry))
    matches.sort(key=lambda m: (m[0], m[1]), reverse=True)

    if summed:
        credit = sum((_decimal(m[3]["amount"]) for m in matches if m[3]["type"] == "credit"), Decimal(0))
        debit = sum((_decimal(m[3]["amount"]) for m in matches if m[3]["type"] == "debit"), Decimal(0))
        return [{"sum_credit": money(credit), "sum_debit": money(debit)}]
    return [{
        "entry_date": day.isoformat(),
        "refno": entry["refno"],
        "notes": entry["notes"],
        "amount": entry["amount"],
        "type": entry["type"],
    } for _, _, day, entry in matches]


action("pbxware.ext.billing_history", args=HISTORY_ARGS, required=("start", "end"))(_history)
action("pbxware.ext.call_rating_history", args=HISTORY_ARGS, required=("start", "end"))(_history)


# --- inclusive minutes / messages, voicemail ---------------------------------------

@action("pbxware.ext.reset_inclusive_minutes", args=ID_EXT, required=("server",), write=True)
def ext_reset_inclusive_minutes(req):
    server = ext_mod.check_server(req)
    ext_id = ext_mod.lookup(req, server)
    _exts(req.state)[ext_id]["inclusive_minutes_used"] = 0
    return {"success": "Inclusive Minutes for Extension ID '%s' have been reset successfully." % ext_id}


@action("pbxware.ext.reset_inclusive_messages", args=ID_EXT, required=("server",), write=True)
def ext_reset_inclusive_messages(req):
    server = ext_mod.check_server(req)
    ext_id = ext_mod.lookup(req, server)
    _exts(req.state)[ext_id]["inclusive_messages_used"] = 0
    return {"success": "Inclusive Messages for Extension ID '%s' have been reset successfully." % ext_id}


@action("pbxware.ext.voicemail.delete", args=("server", "ext"), required=("server", "ext"), write=True)
def ext_voicemail_delete(req):
    server = ext_mod.check_server(req)
    number = req.get("ext")
    ext_id = ext_mod.find_by_ext(req.state, server, number)
    if ext_id is None:
        raise ApiError("Extension %s does not exist." % number)
    _exts(req.state)[ext_id]["voicemail_messages"] = 0
    return {"success": "Voicemails for extension %s deleted successfully!" % number}


# --- additional MACs -------------------------------------------------------------

def _split(value):
    return [item.strip() for item in value.split(",")]


def _macs_in_use(state, skip_id):
    used = set()
    for ext_id, rec in _exts(state).items():
        if ext_id == skip_id:
            continue
        if rec.get("macaddress"):
            used.add(str(rec["macaddress"]).lower())
        used.update(str(m.get("macaddress", "")).lower() for m in rec.get("additional_macs") or [])
    return used


@action("pbxware.ext.additional_macs",
        args=("server", "id", "values", "sn", "devices", "locations", "device_addresses"),
        required=("server", "id", "values", "devices", "locations"), write=True, patterns=MACS_PATTERNS)
def ext_additional_macs(req):
    check_pattern("locations", req.get("locations"), LOCATIONS, True)
    server = ext_mod.check_server(req)
    ext_id = _by_id(req, server)
    rec = _exts(req.state)[ext_id]

    macs, devices, locations = _split(req.get("values")), _split(req.get("devices")), _split(req.get("locations"))
    sns = _split(req.get("sn")) if req.has("sn") else [""] * len(macs)
    addresses = _split(req.get("device_addresses")) if req.has("device_addresses") else [""] * len(macs)
    if not len(macs) == len(devices) == len(locations) == len(sns) == len(addresses):
        names = ["values", "devices", "locations"] + (["sn"] if req.has("sn") else []) \
            + (["device_addresses"] if req.has("device_addresses") else [])
        raise ApiError("Fields %s and %s must match in size" % (", ".join(names[:-1]), names[-1]))

    in_use, seen = _macs_in_use(req.state, ext_id), set()
    own = str(rec.get("macaddress", "")).lower()
    for mac in macs:
        if not re.match(r"^[0-9A-Fa-f]{12}$", mac):
            raise ApiError("Invalid MAC address '%s'." % mac)
        key = mac.lower()
        if key in seen or key == own or key in in_use:
            raise ApiError("MAC address '%s' is already in use." % mac)
        seen.add(key)
    for device in devices:
        if device and device not in req.state.collection("uads"):
            raise ApiError("Invalid User Agent ID '%s'." % device)

    rec["additional_macs"] = [
        {"macaddress": mac, "sn": sn, "ua": device, "location": location, "device_address": address}
        for mac, sn, device, location, address in zip(macs, sns, devices, locations, addresses)
    ]
    # Reference example: id as a number here; the vendor's Postman test expects a string (postman dialect).
    return {"success": "Extension ID: %s" % ext_id, "id": ext_id if req.postman else int(ext_id)}


# --- editions & modules ----------------------------------------------------------

def _selection(req, name, pattern, values):
    """The new list for ``name``, or None when the argument is omitted or empty."""
    if not req.has(name):
        return None
    value = req.get(name)
    check_pattern(name, value, pattern, False)
    items = value.split(",")
    if "all" in items:
        return list(values)
    return [v for v in values if v in items]


@action("pbxware.ext.editions_modules.set", args=("server", "id", "editions", "modules", "use_department_templates"),
        required=("server", "id"), write=True)
def ext_editions_modules_set(req):
    editions = _selection(req, "editions", EDITIONS_RE, EDITIONS)
    modules = _selection(req, "modules", MODULES_RE, MODULES)
    if req.has("use_department_templates"):
        check_pattern("use_department_templates", req.get("use_department_templates"), ZERO_ONE, False)
    server = ext_mod.check_server(req)
    ext_id = _by_id(req, server)
    rec = _exts(req.state)[ext_id]
    if editions is not None:
        rec["editions"] = editions
    if modules is not None:
        rec["modules"] = modules
    if req.has("use_department_templates"):
        rec["use_department_templates"] = req.get("use_department_templates")
    return {"success": "Extension ID: %s" % ext_id, "id": ext_id if req.postman else int(ext_id)}


def _flags(selected, keys, spaces=False):
    """Reference example keys spell spaces as ``_`` (``call_popup``); the vendor's Postman
    test reads ``call popup`` (``spaces``, the postman dialect), the write spelling."""
    flags = {"all": 1 if all(k in selected for k in keys) else 0}
    flags.update((key if spaces else key.replace(" ", "_"), 1 if key in selected else 0) for key in keys)
    return flags


@action("pbxware.ext.editions_modules.configuration", args=("server", "id"), required=("server", "id"))
def ext_editions_modules_configuration(req):
    server = ext_mod.check_server(req)
    ext_id = _by_id(req, server)
    rec = _exts(req.state)[ext_id]
    return {
        "id": ext_id,
        "use_department_templates": str(rec.get("use_department_templates", "0")),
        "editions": _flags(rec.get("editions") or [], EDITION_KEYS),
        "modules": _flags(rec.get("modules") or [], MODULE_KEYS, spaces=req.postman),
    }
