"""SMS messages: ``pbxware.sms.send_message``, ``pbxware.sms.reports.list|bulk_list``
(reference "Send SMS messages", "SMS and Bulk SMS reports"). SMS trunks are ``sms.py``.

``send_message`` (``server``: the tenant, ``to_number``: ``+E164``, ``body``: base64, all
required) answers ``{"success": "Success."}``; the message is sent "from the tenant SMS number
configured in SMS Settings" (the reference) and shows in ``reports.list`` as an Outbound SMS.
``reports.list`` and ``reports.bulk_list`` answer an object keyed by ID, every field a string,
``[]`` when nothing matches; the arguments' regexes are the vendor's Postman collection's.

Stored: ``sms_messages``: id -> the ``reports.list`` row of a message sent through the API.
Generated (``pbxware_sim.activity``, never stored): the history of every tenant that has an SMS
trunk (``sms_tenant_trunks``; in single-tenant mode the master, when an SMS trunk exists), from
``HISTORY_START`` to ``activity.TODAY``: each day a few inbound and outbound messages, and now and
then a bulk campaign, drawn from ``rng(state, "sms", server, day)``. A tenant without an SMS trunk
has sent and received nothing.

Decided here (the sources are silent):
- A message sent by a tenant without an SMS trunk is still accepted (``send_message`` answers
  before delivery) and reads ``status: "FAILED"`` with an ``error``; with one, ``"COMPLETED"``.
  ``provider`` is the SMS trunk's name (the reference's example shows a name), ``from`` the
  tenant's first SMS-enabled DID (``+`` and its E.164 number, else its number), else a number
  generated for the tenant. ``date/time`` is the server's clock (UTC).
- The date and time arguments bound one range, from ``start_date start_time`` to ``end_date
  end_time``; a bulk campaign is in it when it started in it. ``from_number``/``to_number`` match
  the number without its ``+``; ``direction``, ``type``, ``status`` match without regard to case,
  ``name`` exactly; ``server`` keeps that server's rows (an unknown one matches nothing).
- A day that does not exist (``Feb-30-2024``) is refused: ``Invalid start_date date 'Feb-30-2024'.``
"""
import datetime
import re

from pbxware_sim.activity import TODAY, rng
from pbxware_sim.objects.ext import check_server
from pbxware_sim.registry import ApiError, action

# The first day of generated history: the system has been in use since then.
HISTORY_START = datetime.date(2023, 1, 1)
# Generated IDs: (day number * ID_SERVERS + server) * ID_PER_DAY + index: unique, stable, and
# growing with the day; messages sent through the API come after every generated one.
ID_SERVERS = 10000
ID_PER_DAY = 10
SENT_BASE = ((TODAY - HISTORY_START).days + 1) * ID_SERVERS * ID_PER_DAY
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# Postman ("SMS reports list", "Bulk SMS reports list").
DATE = r"^(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-([0-2][0-9]|3[01])-\d{4}$"
TIME = r"^((2[0-3])|([0-1][0-9])):[0-5][0-9]:[0-5][0-9]$"
NUMBER = r"^\d{1,16}$"
# Postman writes these /^(?i)(SMS|MMS)$/ (PCRE); Python wants the flag first. Errors quote Postman's.
CASELESS = {"type": ("SMS", "MMS"), "status": ("Active", "Paused", "Stopped", "Completed")}
DATE_TIME_PATTERNS = {"start_date": DATE, "end_date": DATE, "start_time": TIME, "end_time": TIME}
RANGE_ARGS = ("start_date", "end_date", "start_time", "end_time", "server")
# Not in Postman (send_message has no request there): the reference's "+E164" and "base64"
# (whole 4-character groups of the standard alphabet, "=" padding only at the end).
E164 = r"^\+[1-9]\d{1,14}$"
BASE64 = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{4})$"

NO_TRUNK_ERROR = "No SMS trunk is assigned to the tenant."
OUTBOUND_ERRORS = ("Invalid destination number.", "Message rejected by carrier.", "Destination unreachable.")
CAMPAIGNS = (
    ("Appointment reminders", "Reminder: your appointment is tomorrow. Reply C to confirm."),
    ("Holiday hours", "Our offices are closed on the holiday. We are back the next working day."),
    ("Service update", "Planned maintenance tonight from 22:00 to 23:00. Calls may drop briefly."),
    ("Customer survey", "How did we do? Reply with a score from 1 to 5."),
)


def sent_messages(state):
    return state.collection("sms_messages")


def _now():
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0, tzinfo=None)


# -- who sends: the tenants with an SMS trunk -------------------------------------------------

def _sms_trunk(state, server):
    """The SMS trunk record of ``server`` (a tenant's assigned one; the first one without tenants)."""
    trunks = state.collection("sms_trunks")
    if state.tenant_mode:
        return trunks.get(state.collection("sms_tenant_trunks").get(server) or "")
    return trunks[min(trunks, key=int)] if trunks else None


def _sms_number(state, server):
    """The tenant's SMS number: its first SMS-enabled DID, else one generated for it."""
    dids = state.collection("dids")
    for did_id in sorted(dids, key=int):
        did = dids[did_id]
        if str(did.get("server")) == server and str(did.get("sms_enabled", "0")) == "1":
            return "+" + str(did.get("e164") or did.get("number") or did.get("did"))
    return _phone_number(rng(state, "sms_number", server))


def _phone_number(generator):
    return "+1%d%07d" % (generator.randint(201, 989), generator.randint(2000000, 9999999))


def _senders(state):
    """Servers with SMS history: ``server`` -> (SMS trunk name, SMS number)."""
    servers = sorted(state.collection("tenants"), key=int) if state.tenant_mode else ["1"]
    senders = {}
    for server in servers:
        trunk = _sms_trunk(state, server)
        if trunk is not None:
            senders[server] = (trunk["name"], _sms_number(state, server))
    return senders


# -- generated history ---------------------------------------------------------------------

def _generated_id(day, server, index):
    return ((day - HISTORY_START).days * ID_SERVERS + int(server)) * ID_PER_DAY + index


def _day_messages(state, server, sender, day):
    """The generated ``reports.list`` rows of one server and day: ``[(id, row)]``."""
    provider, number = sender
    generator = rng(state, "sms", server, day.isoformat())
    count = generator.randint(0, 6)
    seconds = sorted(generator.randint(7 * 3600, 21 * 3600) for index in range(count))
    rows = []
    for index, second in enumerate(seconds):
        inbound = generator.random() < 0.4
        contact = _phone_number(generator)
        failed = not inbound and generator.random() < 0.1
        moment = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(seconds=second)
        rows.append((_generated_id(day, server, index), {
            "server": server,
            "provider": provider,
            "from": contact if inbound else number,
            "to": number if inbound else contact,
            "direction": "Inbound" if inbound else "Outbound",
            "date/time": moment.strftime("%Y-%m-%d %H:%M:%S"),
            "status": "FAILED" if failed else "COMPLETED",
            "error": generator.choice(OUTBOUND_ERRORS) if failed else "",
            "type": "MMS" if generator.random() < 0.1 else "SMS",
        }))
    return rows


def _day_campaign(state, server, sender, day):
    """The generated bulk campaign of one server and day, ``(id, row)``, or ``None``."""
    generator = rng(state, "sms_bulk", server, day.isoformat())
    if generator.random() >= 0.15:
        return None
    name, message = generator.choice(CAMPAIGNS)
    start = datetime.datetime.combine(day, datetime.time()) + datetime.timedelta(
        seconds=generator.randint(8 * 3600, 17 * 3600))
    total = generator.randint(20, 400)
    failed = generator.randint(0, total // 20)
    if day < TODAY:
        status = "Stopped" if generator.random() < 0.1 else "Completed"
    else:
        status = generator.choice(("Active", "Paused"))
    sent = total - failed if status == "Completed" else generator.randint(0, total - failed)
    end = start + datetime.timedelta(seconds=2 * (sent + failed) + generator.randint(5, 60))
    row = {
        "name": name,
        "sent": str(sent),
        "failed": str(failed),
        "time_start": start.strftime("%Y-%m-%d %H:%M:%S"),
        "time_end": end.strftime("%Y-%m-%d %H:%M:%S") if status in ("Completed", "Stopped") else "",
        "from": sender[1],
        "csv_file": "%s %s.csv" % (name, day.isoformat()),
        "status": status,
        "message": message,
    }
    return _generated_id(day, server, 0), row


def _days(lower, upper):
    day = max(lower.date(), HISTORY_START)
    while day <= min(upper.date(), TODAY):
        yield day
        day += datetime.timedelta(days=1)


# -- arguments -----------------------------------------------------------------------------

def _check_caseless(request, name):
    value = request.get(name)
    if request.has(name) and value.lower() not in [choice.lower() for choice in CASELESS[name]]:
        raise ApiError("Field '%s=%s' contains invalid data (Regex: /^(?i)(%s)$/)"
                       % (name, value, "|".join(CASELESS[name])))


def _moment(request, name, time_name, default_time):
    month, day, year = request.get(name).split("-")
    try:
        date = datetime.date(int(year), MONTHS.index(month.title()) + 1, int(day))
    except ValueError:
        raise ApiError("Invalid %s date '%s'." % (name, request.get(name)))
    time = request.get(time_name) if request.has(time_name) else default_time
    return datetime.datetime.combine(date, datetime.time(*(int(part) for part in time.split(":"))))


def _range(request):
    return (_moment(request, "start_date", "start_time", "00:00:00"),
            _moment(request, "end_date", "end_time", "23:59:59"))


def _stamp(text):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M:%S")


def _matches(request, name, value):
    return not request.has(name) or request.get(name).lower() == value.lower()


# -- actions -------------------------------------------------------------------------------

@action("pbxware.sms.send_message", args=("server", "to_number", "body"), required=("server", "to_number", "body"),
        write=True, patterns={"to_number": E164, "body": BASE64})
def sms_send_message(request):
    state = request.state
    server = check_server(request)
    trunk = _sms_trunk(state, server)
    message_id = SENT_BASE + state.next_id("sms_messages")
    sent_messages(state)[str(message_id)] = {
        "server": server,
        "provider": trunk["name"] if trunk else "",
        "from": _sms_number(state, server),
        "to": request.get("to_number"),
        "direction": "Outbound",
        "date/time": _now().strftime("%Y-%m-%d %H:%M:%S"),
        "status": "COMPLETED" if trunk else "FAILED",
        "error": "" if trunk else NO_TRUNK_ERROR,
        "type": "SMS",
    }
    return {"success": "Success."}


@action("pbxware.sms.reports.list",
        args=RANGE_ARGS + ("direction", "from_number", "to_number", "type"), required=("start_date", "end_date"),
        patterns=dict(DATE_TIME_PATTERNS, from_number=NUMBER, to_number=NUMBER))
def sms_reports_list(request):
    state = request.state
    _check_caseless(request, "type")
    lower, upper = _range(request)
    rows = []
    for server, sender in _senders(state).items():
        for day in _days(lower, upper):
            rows.extend(_day_messages(state, server, sender, day))
    rows.extend((int(message_id), row) for message_id, row in sent_messages(state).items())
    answer = {}
    for message_id, row in sorted(rows, key=lambda item: item[0]):
        if not lower <= _stamp(row["date/time"]) <= upper:
            continue
        if request.has("server") and row["server"] != request.get("server"):
            continue
        if not (_matches(request, "direction", row["direction"]) and _matches(request, "type", row["type"])):
            continue
        if any(request.has(name) and request.get(name) != row[key].lstrip("+")
               for name, key in (("from_number", "from"), ("to_number", "to"))):
            continue
        answer[str(message_id)] = dict(row)
    return answer or []


@action("pbxware.sms.reports.bulk_list", args=RANGE_ARGS + ("status", "name"), required=("start_date", "end_date"),
        patterns=dict(DATE_TIME_PATTERNS, name=r"^.{1,100}$"))
def sms_reports_bulk_list(request):
    state = request.state
    _check_caseless(request, "status")
    lower, upper = _range(request)
    answer = {}
    for server, sender in _senders(state).items():
        if request.has("server") and server != request.get("server"):
            continue
        for day in _days(lower, upper):
            campaign = _day_campaign(state, server, sender, day)
            if campaign is None:
                continue
            campaign_id, row = campaign
            if not lower <= _stamp(row["time_start"]) <= upper or not _matches(request, "status", row["status"]):
                continue
            if request.has("name") and row["name"] != request.get("name"):
                continue
            answer[campaign_id] = row
    return {str(key): answer[key] for key in sorted(answer)} or []
