"""Dashboard: ``pbxware.dashboard.<view>`` for the ten views of PBXware's dashboard.

Nothing is stored: the figures are counted from the state and from what
``monitor.py`` generates (presence, live calls), or drawn with ``activity.rng``
where the state holds nothing to count (calls earlier today, machine load), so the
same seed and state always give the same figures and the dashboard agrees with the
monitor's lists:

- ``ext_online``: extensions ``monitor.list`` shows ``online``.
- ``sip_registrations``: SIP extensions by registration state (``monitor.presence``):
  ``success`` registered, ``lagged`` registered but lagged, ``failed`` failing.
- ``calls``: ``now`` the live calls of ``monitor.live_calls``; ``last hour`` and
  ``today`` add calls finished earlier (drawn per tenant, up to 2 and 10 per
  extension); ``answared calls`` (the reference's spelling) those of today's that
  were answered (live calls are).
- ``glocom_editions``: extensions with the office, business, agent or supervisor
  edition (``ext.editions_modules.set``); ``ios``/``android``: extensions with the
  mobile edition whose app is registered, drawn per extension (45 % each).
- ``glocom_users``: enabled extensions with a desktop edition (office, business,
  agent, supervisor, operator, web) logged in, drawn per extension (60 %).
- ``licensing``: ``inuse`` extensions and IVRs (queues and conferences: none, the
  simulator holds neither); ``max`` the tenant's package limits (``ext``, ``ivr``,
  ``queues``, ``cf``), or for the whole system the license's (``license.LIMITS``).
- ``services``: every service ``running``; ``disk_usage``, ``cpu``, ``memory``:
  a share drawn per view, CPU a little higher with every live call.

Every figure is a number, ``inuse`` of the machine views a percentage as text
(``"7%"``), as in the reference's examples. ``server`` (optional, where the
reference lists it) filters by tenant; left out, or ``1``, the whole system (see
``monitor.scope``). ``services``, ``disk_usage``, ``cpu`` and ``memory`` take no
argument.
"""
from pbxware_sim.activity import rng
from pbxware_sim.objects import monitor
from pbxware_sim.objects.ivr import ivrs
from pbxware_sim.objects.license import LIMITS
from pbxware_sim.registry import action

SERVICES = ("PBXware", "PBXware service", "PBXware proxy", "Push notification", "Chat server", "Memcached")
COUNTED_EDITIONS = ("office", "business", "agent", "supervisor")
DESKTOP_EDITIONS = ("office", "business", "agent", "supervisor", "operator", "web")
APP_PLATFORMS = (("ios", 0.45), ("android", 0.45))
GLOCOM_LOGGED_IN_SHARE = 0.6
# Package read names of the limits the licensing view reports.
PACKAGE_LIMITS = (("ext", "ext"), ("ivr", "ivr"), ("queue", "queues"), ("conference", "cf"))
# (view, lowest share, highest share) of the machine views.
MACHINE = {"disk_usage": (15, 70), "cpu": (2, 30), "memory": (20, 60)}
CPU_PER_CALL = 2


def _extensions(request):
    return monitor.extensions_in(request.state, monitor.scope(request))


@action("pbxware.dashboard.ext_online", args=("server",))
def dashboard_ext_online(request):
    state = request.state
    count = sum(1 for ext_id, record in _extensions(request) if monitor.is_online(state, ext_id, record))
    return {"type": "Extensions Online", "count": count}


@action("pbxware.dashboard.services")
def dashboard_services(request):
    return {name: "running" for name in SERVICES}


@action("pbxware.dashboard.sip_registrations", args=("server",))
def dashboard_sip_registrations(request):
    counts = {"registered": 0, "failed": 0, "lagged": 0, "unregistered": 0}
    for ext_id, record in _extensions(request):
        if str(record.get("prot", record.get("protocol", "sip"))) == "sip":
            counts[monitor.registration(request.state, ext_id, record)] += 1
    return {"SIP Registrations": {"success": counts["registered"], "failed": counts["failed"],
                                  "lagged": counts["lagged"]}}


@action("pbxware.dashboard.calls", args=("server",))
def dashboard_calls(request):
    state = request.state
    server = monitor.scope(request)
    live = monitor.live_calls_in(state, server)
    last_hour = today = answered = len(live)
    tenants = sorted({str(record["server"]) for _ext_id, record in monitor.extensions_in(state, server)}, key=int)
    for tenant in tenants:
        size = len(monitor.extensions_in(state, tenant))
        draw = rng(state, "calls", tenant)
        finished_last_hour = draw.randint(0, 2 * size)
        finished_today = finished_last_hour + draw.randint(0, 10 * size)
        last_hour += finished_last_hour
        today += finished_today
        answered += finished_today - draw.randint(0, finished_today // 4)
    return {"now": len(live), "last hour": last_hour, "today": today, "answared calls": answered}


def _editions(record):
    return record.get("editions") or []


@action("pbxware.dashboard.glocom_editions", args=("server",))
def dashboard_glocom_editions(request):
    extensions = _extensions(request)
    answer = {edition: sum(1 for _ext_id, record in extensions if edition in _editions(record))
              for edition in COUNTED_EDITIONS}
    answer.update({platform: 0 for platform, _share in APP_PLATFORMS})
    for ext_id, record in extensions:
        if "mobile" not in _editions(record):
            continue
        draw = rng(request.state, "mobile_app", ext_id).random()
        for platform, share in APP_PLATFORMS:
            if draw < share:
                answer[platform] += 1
                break
            draw -= share
    return answer


@action("pbxware.dashboard.glocom_users", args=("server",))
def dashboard_glocom_users(request):
    users = 0
    for ext_id, record in _extensions(request):
        if monitor.enabled(record) and set(_editions(record)) & set(DESKTOP_EDITIONS):
            if rng(request.state, "glocom_login", ext_id).random() < GLOCOM_LOGGED_IN_SHARE:
                users += 1
    return {"glocom_users": users}


@action("pbxware.dashboard.licensing", args=("server",))
def dashboard_licensing(request):
    state = request.state
    server = monitor.scope(request)
    if server is None:
        limits = dict(LIMITS)
    else:
        tenant = state.collection("tenants").get(server) or {}
        package = state.collection("packages").get(str(tenant.get("package_id", ""))) or {}
        limits = {view: int(package.get(name) or 0) for view, name in PACKAGE_LIMITS}
    in_use = {"ext": len(monitor.extensions_in(state, server)),
              "ivr": sum(1 for ivr in ivrs(state).values() if server is None or str(ivr.get("server")) == server),
              "queue": 0, "conference": 0}
    return {view: {"inuse": in_use[view], "max": limits[view]} for view, _name in PACKAGE_LIMITS}


def _machine(request, view):
    low, high = MACHINE[view]
    share = rng(request.state, "machine", view).randint(low, high)
    if view == "cpu":
        share = min(100, share + CPU_PER_CALL * len(monitor.all_live_calls(request.state)))
    return {"inuse": "%d%%" % share}


@action("pbxware.dashboard.disk_usage")
def dashboard_disk_usage(request):
    return _machine(request, "disk_usage")


@action("pbxware.dashboard.cpu")
def dashboard_cpu(request):
    return _machine(request, "cpu")


@action("pbxware.dashboard.memory")
def dashboard_memory(request):
    return _machine(request, "memory")
