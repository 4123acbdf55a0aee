"""Monitor: ``pbxware.monitor.list|live_calls|trunks`` (presence, live calls, trunk status).

Nothing here is stored: what a live PBXware would see on its phones and trunks is
generated from the state (the extensions and trunks that exist) with
``activity.rng`` scoped per extension, trunk or the whole system, so the same seed
and state always give the same answer. The dashboard (``dashboard.py``) counts the
same generated presence and calls, so its figures agree with these lists.

Presence of an extension (``presence``): a disabled extension is unregistered; an
enabled one is, by its own draw, registered (60 %), registered but lagged (10 %),
failing to register (10 %) or not registered (20 %). Registered and lagged are
``online`` (with a device IP: private for a local extension, from 203.0.113.0/24
for a remote one, and its device's name as the user agent); the others ``offline``
with ``ip`` and ``ua`` empty. ``dnd`` is the extension's Do Not Disturb setting
(``ext.es.dnd.edit`` ``dnd`` 1 temporary or 2 permanent); ``on_call`` whether a
live call involves it.

Live calls (``live_calls``) describe ``NOW`` (fixed: generated answers do not change
with the clock). Per tenant, its online extensions are shuffled and paired into
internal calls (how many: a draw up to half of them); some of the rest call an
external number when the system has a trunk. A call is keyed as Asterisk keys a
channel, ``<start as Unix time>.<sequence>``, the sequence counted over the whole
system so a tenant's calls keep their keys whether or not the list is filtered.
``from``/``to`` read ``<name> (<extension>)`` (an external party: its number);
``timestamp`` is the start as Unix time (the reference's example, ``"12334"``, does
not say which moment it is).

``server`` (optional) filters by tenant; left out, or ``1`` (the master, whose view
on a multi-tenant system is the whole system), everything is listed. An unknown
server answers ``Invalid server ID.``.

Dialects (DIALECTS.md, rows k and k'): the reference's example reads ``dnd`` and
``on_call`` as ``"true"``/``"false"`` and ``timestamp`` as a string; the vendor's
Postman tests want booleans (or ``""``) and a number. The reference dialect sends
the strings, the postman dialect booleans and a number.

``monitor.trunks`` takes no argument (the reference lists none) and shows every
trunk: ``ip`` is the trunk's host with the port of its transport (5061 for TLS,
else 5060) unless the host names one; ``status`` is ``offline`` for a trunk that is
not active, else ``online`` or, by the trunk's own draw (15 %), ``offline``.
"""
import datetime

from pbxware_sim.activity import TODAY, rng
from pbxware_sim.common import by_id
from pbxware_sim.objects.ext import exts
from pbxware_sim.registry import ApiError, action

# The moment live answers describe (activity.TODAY, mid-morning UTC).
NOW = datetime.datetime.combine(TODAY, datetime.time(10, 30), tzinfo=datetime.timezone.utc)
NOW_UNIX = int(NOW.timestamp())
REGISTRATIONS = (("registered", 0.6), ("lagged", 0.1), ("failed", 0.1), ("unregistered", 0.2))
ONLINE = ("registered", "lagged")
EXTERNAL_CALL_SHARE = 0.3
LONGEST_CALL = 1800
TRUNK_OFFLINE_SHARE = 0.15


def scope(request):
    """The tenant ``server`` filters by, or ``None`` for the whole system (``server`` left out or ``1``)."""
    if "server" not in request.args:
        return None
    server = request.get("server")
    if not request.state.valid_server(server):
        raise ApiError("Invalid server ID.")
    return None if server == "1" else server


def extensions_in(state, server):
    """``[(id, record)]`` of the extensions in ``server`` (``None``: all), by ID."""
    return [(ext_id, record) for ext_id, record in sorted(exts(state).items(), key=lambda item: int(item[0]))
            if server is None or str(record["server"]) == server]


def enabled(record):
    return str(record.get("status", "1")) in ("1", "enabled")


def registration(state, ext_id, record):
    """``registered``, ``lagged``, ``failed`` or ``unregistered`` (drawn once per extension)."""
    if not enabled(record):
        return "unregistered"
    draw = rng(state, "presence", ext_id).random()
    for name, share in REGISTRATIONS:
        if draw < share:
            return name
        draw -= share
    return "unregistered"


def is_online(state, ext_id, record):
    return registration(state, ext_id, record) in ONLINE


def device_ip(state, ext_id, record):
    draw = rng(state, "device_ip", ext_id)
    if str(record.get("location", "1")) in ("2", "remote"):
        return "203.0.113.%d" % draw.randint(2, 254)
    return "192.168.%d.%d" % (draw.randint(0, 10), draw.randint(2, 254))


def dnd_active(record):
    config = ((record.get("es") or {}).get("dnd") or {}).get("config") or {}
    return str(config.get("dnd", "0")) in ("1", "2")


def party(record):
    return "%s (%s)" % (record.get("name", ""), record["ext"])


def all_live_calls(state):
    """Every live call of the system: ``[(key, tenant, {"from", "to", "start", "parties"})]``, oldest
    first (``parties``: the IDs of the extensions on the call).

    Drawn per tenant (so one tenant's calls do not depend on another's), keyed
    over the whole system.
    """
    has_trunk = bool(state.collection("trunks"))
    drawn = []
    servers = sorted({str(record["server"]) for record in exts(state).values()}, key=int)
    for server in servers:
        draw = rng(state, "live_calls", server)
        online = [(ext_id, record) for ext_id, record in extensions_in(state, server)
                  if is_online(state, ext_id, record)]
        draw.shuffle(online)
        pairs = draw.randint(0, len(online) // 2)
        for index in range(pairs):
            (caller_id, caller), (callee_id, callee) = online[2 * index], online[2 * index + 1]
            drawn.append((NOW_UNIX - draw.randint(5, LONGEST_CALL), server,
                          {"from": party(caller), "to": party(callee), "parties": (caller_id, callee_id)}))
        for ext_id, record in online[2 * pairs:]:
            # Drawn with or without a trunk, so that adding one does not reshuffle the other calls.
            if draw.random() < EXTERNAL_CALL_SHARE and has_trunk:
                number = "1%d555%04d" % (draw.randint(201, 989), draw.randint(0, 9999))
                drawn.append((NOW_UNIX - draw.randint(5, LONGEST_CALL), server,
                              {"from": party(record), "to": number, "parties": (ext_id,)}))
    drawn.sort(key=lambda call: (call[0], int(call[1])))
    sequence = rng(state, "live_calls").randint(1, 500)
    return [("%d.%d" % (start, sequence + offset), server, dict(call, start=start))
            for offset, (start, server, call) in enumerate(drawn)]


def live_calls_in(state, server):
    return [call for call in all_live_calls(state) if server is None or call[1] == server]


def on_call(state):
    """The IDs of the extensions on a live call."""
    return {ext_id for _key, _server, call in all_live_calls(state) for ext_id in call["parties"]}


def _flag(request, value):
    return value if request.postman else ("true" if value else "false")


@action("pbxware.monitor.list", args=("server",))
def monitor_list(request):
    state = request.state
    busy = on_call(state)
    uads = state.collection("uads")
    answer = {}
    for ext_id, record in extensions_in(state, scope(request)):
        online = is_online(state, ext_id, record)
        device = uads.get(str(record.get("ua", record.get("ua_id", "")))) or {}
        answer[ext_id] = {
            "name": record.get("name", ""),
            "ext": str(record["ext"]),
            "ip": device_ip(state, ext_id, record) if online else "",
            "status": "online" if online else "offline",
            "ua": device.get("fullname", "") if online else "",
            "dnd": _flag(request, dnd_active(record)),
            "on_call": _flag(request, ext_id in busy),
        }
    return answer or []


@action("pbxware.monitor.live_calls", args=("server",))
def monitor_live_calls(request):
    answer = {}
    for key, _server, call in live_calls_in(request.state, scope(request)):
        timestamp = call["start"] if request.postman else str(call["start"])
        answer[key] = {"from": call["from"], "to": call["to"], "timestamp": timestamp}
    return answer or []


def trunk_online(state, trunk_id, trunk):
    if str(trunk.get("status", "1")) != "1":
        return False
    return rng(state, "trunk_status", trunk_id).random() >= TRUNK_OFFLINE_SHARE


def trunk_address(trunk):
    options = trunk.get("options") or {}
    host = str(options.get("host", ""))
    if not host or ":" in host:
        return host
    return "%s:%d" % (host, 5061 if str(options.get("transport", "udp")).lower() == "tls" else 5060)


@action("pbxware.monitor.trunks")
def monitor_trunks(request):
    state = request.state

    def render(trunk_id, trunk):
        return {"name": trunk.get("name", ""), "ip": trunk_address(trunk),
                "status": "online" if trunk_online(state, trunk_id, trunk) else "offline"}

    return by_id(state.collection("trunks"), render) or []
