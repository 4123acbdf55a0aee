"""CDRs: ``pbxware.cdr.download|billamount|mos``, generated, never stored (``pbxware_sim.activity``).

Every server (the master and, in tenant mode, each tenant) with at least one extension
has calls on each day from ``FIRST_DAY`` (five years back) to ``activity.TODAY``: 8-16 on weekdays, 2-5 at
weekends, between 07:00 and 20:00 UTC. A call is internal (two of the server's
extensions), incoming or outgoing (one extension and a trunk; trunks are system-wide),
drawn from ``rng(state, "cdr", server, day)``: the same seed, extensions and trunks give
the same calls, and every page of a download sees the same set. Calls are listed newest
first (the reference's example).

Readings where the reference is silent (the simulator's choices):

- ``records`` is the number of rows in this answer's ``csv`` ("Total number of records
  in `csv` array"); the total is not available, as the reference says of pages.
- No matching row: ``"records": 0, "header": null, "csv": []`` (the vendor's Postman test
  reads a null ``header`` as "No Data available for given date/time!").
- ``status`` is a sum of the documented values (8, 4, 2, 1: bit flags), 1-15.
- ``cdrtype``: 1 calls that came in over a trunk, 2 calls that went out over one,
  3 all; internal calls count only under 3 (and with no ``cdrtype``).
- ``limit`` above 1000 is lowered to 1000 (the answer's ``limit`` says so).
- Dates overflow as PHP's ``mktime`` does (``Sep-31-2023`` is Oct 1, which the vendor's
  own Postman request sends); ``start``/``starttime`` to ``end``/``endtime`` is one
  inclusive window read in ``timezone`` (default UTC).
- ``billamount`` sums ``Rating Cost`` of every matching call (``page``/``limit``
  accepted, not applied).
- ``mos`` of a Unique ID that is no call's: ``"data": []``.

Dialects (DIALECTS.md): the reference's ``header`` ends with ``MOS`` and names the ID
column ``Unique ID``; the Postman test expects a leading ``Tenant`` column (the tenant
code, ``""`` for the master), ``ID`` and no ``MOS``. ``billamount`` is a number in the
reference's example and a string in Postman's test.
"""
import calendar
import datetime
import itertools
import re
import zoneinfo

from pbxware_sim import activity
from pbxware_sim.registry import ApiError, action

# Postman's regexes for the same formats ("Listing Archivings"; its CDR requests carry none).
DAY = r"^(?i:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-([0-2][0-9]|3[01])-\d{4}$"
TIME = r"^((2[0-3])|([0-1][0-9])):[0-5][0-9]:[0-5][0-9]$"
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The system's first day in service: bounds the work of a search over decades.
FIRST_DAY = activity.TODAY.replace(year=activity.TODAY.year - 5)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)

DOWNLOAD_ARGS = ("start", "starttime", "end", "endtime", "ext", "extdst", "trunk", "trunkdst", "page", "limit",
                 "server", "status", "cdrtype", "timezone")
DOWNLOAD_REQUIRED = ("start", "end")
# The reference's value lists as patterns (Postman gives none for these arguments).
DOWNLOAD_PATTERNS = {
    "start": DAY, "end": DAY, "starttime": TIME, "endtime": TIME, "page": r"^[1-9]\d*$", "limit": r"^[1-9]\d*$",
    "server": r"^\d+$", "trunk": r"^\d+$", "trunkdst": r"^\d+$", "status": r"^([1-9]|1[0-5])$",
    "cdrtype": r"^(1|2|3)$",
}
DEFAULT_LIMIT, MAX_LIMIT = 16, 1000

STATUSES = (("Answered", 8, 70), ("Unanswered", 4, 15), ("Busy", 2, 10), ("Failed", 1, 5))  # name, flag, %
STATUS_BITS = {name: bit for name, bit, _ in STATUSES}
RATES = {"internal": 0.0, "incoming": 0.01, "outgoing": 0.02}  # per minute of talk
CALLER_PREFIXES = ("1212555", "1646555", "4420794", "3851555")
RECORDED_SHARE = 0.35

REFERENCE_HEADER = ["From", "To", "Date/Time", "Total Duration", "Rating Duration", "Rating Cost", "Status",
                    "Unique ID", "Recording Path", "Recording Available", "Location Type", "MOS"]
POSTMAN_HEADER = ["Tenant", "From", "To", "Date/Time", "Total Duration", "Rating Duration", "Rating Cost", "Status",
                  "ID", "Recording Path", "Recording Available", "Location Type"]


# -- generation ----------------------------------------------------------------

def servers(state):
    """Servers that make calls: the master and, in tenant mode, every tenant (IDs as strings)."""
    if not state.tenant_mode:
        return ["1"]
    return ["1"] + sorted(state.collection("tenants"), key=int)


def _extensions(state, server):
    rows = [rec for rec in state.collection("extensions").values() if str(rec.get("server")) == server]
    return sorted(rows, key=lambda rec: int(rec["ext"]))


def parties(state, server_ids):
    """``({server: its extensions}, trunks)``: who calls, looked up once for many days."""
    trunks = sorted(state.collection("trunks").items(), key=lambda item: int(item[0]))
    return {server: _extensions(state, server) for server in server_ids}, trunks


def day_calls(state, server, day, extensions=None, trunks=None):
    """The calls of ``server`` on ``day`` (a date, UTC), oldest first; [] outside the history.

    Lean on purpose (a year of billamount generates some 4000 calls per server): draws use
    ``random()`` directly, and the channels of a call are drawn only when asked (``channels``).
    """
    if not FIRST_DAY <= day <= activity.TODAY:
        return []
    if extensions is None or trunks is None:
        by_server, trunks = parties(state, [server])
        extensions = by_server[server]
    kinds = (["internal"] if len(extensions) > 1 else []) + (["incoming", "outgoing"] if extensions and trunks else [])
    if not kinds:
        return []
    code = state.collection("tenants").get(server, {}).get("tenantcode", "") if server != "1" else ""
    rnd = activity.rng(state, "cdr", server, day.isoformat())
    draw = rnd.random
    count = (2 + int(draw() * 4)) if day.weekday() >= 5 else (8 + int(draw() * 9))
    midnight = calendar.timegm(day.timetuple())
    starts = sorted(midnight + 7 * 3600 + int(draw() * 13 * 3600) for _ in range(count))
    calls = []
    for index, start in enumerate(starts):
        kind = kinds[int(draw() * len(kinds))]
        local = extensions[int(draw() * len(extensions))]
        trunk_id, trunk = trunks[int(draw() * len(trunks))] if trunks else (None, None)
        external = "%s%04d" % (CALLER_PREFIXES[int(draw() * len(CALLER_PREFIXES))], int(draw() * 10000))
        status = _status(draw())
        ring = 3 + int(draw() * 23)
        talk = min(3600, 5 + int(rnd.expovariate(1 / 180.0))) if status == "Answered" else 0
        total = {"Answered": ring + talk, "Unanswered": ring + 20, "Busy": 1 + int(draw() * 3), "Failed": 0}[status]
        seq = int(server) * 1000 + 2 * index
        call = {
            "server": server, "kind": kind, "start": start, "seq": seq, "uniqueid": "%d.%d" % (start, seq),
            "status": status, "total": total, "talk": talk, "cost": round(talk / 60.0 * RATES[kind], 5),
            "mos": round(3.4 + draw() * 1.1, 1) if status == "Answered" else 0,
            "location": "Remote" if str(local.get("location")) == "2" else "Local", "trunk_in": None, "trunk_out": None,
        }
        local_party = (local["ext"], "%s (%s)" % (local.get("name", ""), local["ext"]),
                       "PJSIP/%s%s" % (code, local["ext"]))
        if kind == "internal":
            others = [rec for rec in extensions if rec is not local]
            other = others[int(draw() * len(others))]
            remote_party = (other["ext"], "%s (%s)" % (other.get("name", ""), other["ext"]),
                            "PJSIP/%s%s" % (code, other["ext"]))
        else:
            remote_party = (external, external, "PJSIP/" + trunk["name"])
            call["trunk_in" if kind == "incoming" else "trunk_out"] = trunk_id
        caller, callee = (remote_party, local_party) if kind == "incoming" else (local_party, remote_party)
        call.update(from_number=caller[0], from_label=caller[1], to_number=callee[0], to_label=callee[1],
                    endpoints=(caller[2], callee[2]))
        if status == "Answered" and draw() < RECORDED_SHARE:
            call["recording"] = "archive/%s/%s/%s.mp3" % (server, day.strftime("%Y/%m/%d"), call["uniqueid"])
        calls.append(call)
    return calls


def _status(value):
    """A status drawn by the weights of ``STATUSES`` from ``value`` in [0, 1)."""
    for name, _, weight in STATUSES:
        value -= weight / 100.0
        if value < 0:
            return name
    return STATUSES[-1][0]


def channel_ids(call):
    """The Unique IDs of the call's two channels (the caller's is the call's), sharing its Linked ID."""
    return call["uniqueid"], "%d.%d" % (call["start"], call["seq"] + 1)


def channels(state, call):
    """``cdr.mos`` data of both channels: MOS around the call's (0: no MOS data), from ``rng("mos", call)``."""
    rnd = activity.rng(state, "mos", call["uniqueid"])
    mos = call["mos"]
    found = []
    for endpoint, uniqueid in zip(call["endpoints"], channel_ids(call)):
        above, below = round(rnd.uniform(0.1, 0.4), 1), round(rnd.uniform(0.1, 0.4), 1)
        found.append({"channel": "%s-%08x" % (endpoint, rnd.randrange(1 << 16)), "linkedid": call["uniqueid"],
                      "uniqueid": uniqueid, "maxmes": round(mos + above, 1) if mos else 0, "avgmes": mos,
                      "minmes": round(mos - below, 1) if mos else 0})
    return found


def utc_day(timestamp):
    """The UTC date of a Unix timestamp (any platform; beyond the calendar: its first or last day)."""
    try:
        return (EPOCH + datetime.timedelta(seconds=timestamp)).date()
    except OverflowError:
        return datetime.date.max if timestamp > 0 else datetime.date.min


def find_call(state, uniqueid, server=None, by_channel=False):
    """The call whose Unique ID (``by_channel``: or one of whose channels' IDs) is ``uniqueid``, else None."""
    match = re.match(r"^(\d+)\.\d+$", uniqueid or "")
    if not match:
        return None
    day = utc_day(int(match.group(1)))
    for candidate in ([server] if server else servers(state)):
        for call in day_calls(state, candidate, day):
            if uniqueid in (channel_ids(call) if by_channel else (call["uniqueid"],)):
                return call
    return None


# -- arguments -------------------------------------------------------------------

def parse_day(text, name):
    """``Sep-31-2023`` -> 2023-10-01: the day overflows into the next month, as PHP's mktime does."""
    month, day, year = text.split("-")
    try:
        return datetime.date(int(year), MONTHS.index(month.lower()) + 1, 1) + datetime.timedelta(days=int(day) - 1)
    except (ValueError, OverflowError):
        raise ApiError("Field '%s=%s' is not a valid date" % (name, text))


def parse_window(req, start_day="start", start_time="starttime", end_day="end", end_time="endtime", zone=None):
    """``(first, last)`` Unix timestamps, both included."""
    tz = zone or datetime.timezone.utc

    def moment(day_arg, time_arg, default):
        day = parse_day(req.get(day_arg), day_arg)
        hours, minutes, seconds = (int(part) for part in (req.get(time_arg) or default).split(":"))
        try:
            return int(datetime.datetime(day.year, day.month, day.day, hours, minutes, seconds, tzinfo=tz).timestamp())
        except (OverflowError, ValueError):
            raise ApiError("Field '%s=%s' is not a valid date" % (day_arg, req.get(day_arg)))

    return moment(start_day, start_time, "00:00:00"), moment(end_day, end_time, "23:59:59")


def _zone(req):
    name = req.get("timezone") or ""
    if not name:
        return None
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ApiError("Field 'timezone=%s' is not a valid time zone" % name)


def _numbers(req, name):
    if not req.has(name):
        return None
    return {part.strip() for part in req.get(name).split(",") if part.strip()}


def _query(req):
    """The filter of a download or billamount call, every argument checked."""
    for source, destination in (("trunk", "ext"), ("trunkdst", "extdst")):
        if req.has(source) and req.has(destination):
            raise ApiError("You cannot supply %s and %s at the same time!" % (source, destination))
    server = req.get("server") or None
    if server is not None and not req.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    first, last = parse_window(req, zone=_zone(req))
    return {
        "first": first, "last": last, "servers": [server] if server else servers(req.state),
        "ext": _numbers(req, "ext"), "extdst": _numbers(req, "extdst"),
        "trunk": req.get("trunk") or None, "trunkdst": req.get("trunkdst") or None,
        "status": int(req.get("status") or 15), "cdrtype": req.get("cdrtype") or "3",
    }


def _matches(call, query):
    return (query["first"] <= call["start"] <= query["last"]
            and (query["ext"] is None or call["from_number"] in query["ext"])
            and (query["extdst"] is None or call["to_number"] in query["extdst"])
            and (query["trunk"] is None or call["trunk_in"] == query["trunk"])
            and (query["trunkdst"] is None or call["trunk_out"] == query["trunkdst"])
            and bool(STATUS_BITS[call["status"]] & query["status"])
            and (query["cdrtype"] == "3" or call["kind"] == {"1": "incoming", "2": "outgoing"}[query["cdrtype"]]))


def matching_calls(state, query):
    """Matching calls, newest first, generated one day at a time (a first page costs a few days)."""
    first = max(utc_day(query["first"]), FIRST_DAY)
    day = min(utc_day(query["last"]), activity.TODAY)
    extensions, trunks = parties(state, query["servers"])
    while day >= first:
        calls = [call for server in query["servers"]
                 for call in day_calls(state, server, day, extensions[server], trunks)]
        for call in sorted(calls, key=lambda call: (call["start"], call["seq"]), reverse=True):
            if _matches(call, query):
                yield call
        day -= datetime.timedelta(days=1)


def _row(state, call, postman):
    row = [call["from_label"], call["to_label"], str(call["start"]), str(call["total"]), str(call["talk"]),
           "%.5f" % call["cost"], call["status"], call["uniqueid"], call.get("recording", ""),
           "True" if call.get("recording") else "False", call["location"]]
    if postman:
        tenant = state.collection("tenants").get(call["server"], {}) if call["server"] != "1" else {}
        return [tenant.get("tenantcode", "")] + row
    return row + [call["mos"]]


def _limit(req):
    return min(int(req.get("limit") or DEFAULT_LIMIT), MAX_LIMIT)


# -- actions ---------------------------------------------------------------------

@action("pbxware.cdr.download", args=DOWNLOAD_ARGS, required=DOWNLOAD_REQUIRED, patterns=DOWNLOAD_PATTERNS)
def cdr_download(req):
    query = _query(req)
    limit = _limit(req)
    offset = (int(req.get("page") or 1) - 1) * limit
    calls = list(itertools.islice(matching_calls(req.state, query), offset, offset + limit + 1))
    rows = [_row(req.state, call, req.postman) for call in calls[:limit]]
    header = (POSTMAN_HEADER if req.postman else REFERENCE_HEADER) if rows else None
    return {"success": "Success.", "next_page": len(calls) > limit, "limit": limit, "records": len(rows),
            "header": list(header) if header else None, "csv": rows}


@action("pbxware.cdr.billamount", args=DOWNLOAD_ARGS, required=DOWNLOAD_REQUIRED, patterns=DOWNLOAD_PATTERNS)
def cdr_billamount(req):
    query = _query(req)
    total = round(sum(call["cost"] for call in matching_calls(req.state, query)), 5)
    return {"billamount": "%.5f" % total if req.postman else total}


@action("pbxware.cdr.mos", args=("uniqueid",), required=("uniqueid",))
def cdr_mos(req):
    # Every channel with the same Linked ID as the channel given (the call's or the other party's).
    call = find_call(req.state, req.get("uniqueid"), by_channel=True)
    return {"success": "Success.", "data": channels(req.state, call) if call else []}
