"""Archiving reports: ``pbxware.archiving.list``, generated, never stored (``pbxware_sim.activity``).

Each tenant (in tenant mode; otherwise the one server, tenant code ``""``) archives once a
night between 01:00 and 03:00 UTC, every day of the CDR history (``objects.cdr``): the
recordings are those of the day before's calls (``cdr.day_calls``), faxes and voicemails
are drawn from ``rng(state, "archiving", server, day)``; about one night in ten some items
fail. ``status`` is SUCCESS (nothing failed), PARTIAL, or the failure status when nothing
succeeded. Reports are listed oldest first; counts are strings, as in the reference.

Dialects (DIALECTS.md): the failure status is ``FAILURE`` in the reference ("SUCCESS,
FAILURE, PARTIAL") and ``FAILED`` in Postman's ``status`` regex; each dialect accepts and
answers its own spelling.
"""
import calendar
import datetime

from pbxware_sim import activity
from pbxware_sim.objects.cdr import DAY, FIRST_DAY, TIME, day_calls, parse_window, parties, utc_day
from pbxware_sim.registry import action

FAILURE = {"reference": "FAILURE", "postman": "FAILED"}
STATUS_PATTERN = r"(?i)^(?:\b(SUCCESS|PARTIAL|%s)\b,?){1,3}$"
FAILING_SHARE = 0.1


def _servers(state):
    """``(server, tenant code)`` of everything that archives."""
    if not state.tenant_mode:
        return [("1", "")]
    tenants = state.collection("tenants")
    return [(tenant_id, str(tenants[tenant_id].get("tenantcode", ""))) for tenant_id in sorted(tenants, key=int)]


def _report(state, server, code, day, failure, extensions, trunks):
    rnd = activity.rng(state, "archiving", server, day.isoformat())
    at = calendar.timegm(day.timetuple()) + rnd.randrange(3600, 3 * 3600)
    yesterday = day_calls(state, server, day - datetime.timedelta(days=1), extensions, trunks)
    recordings = sum(1 for call in yesterday if call.get("recording"))
    totals = {"recording": recordings, "fax": rnd.randint(0, 3), "voicemail": rnd.randint(0, 5)}
    failing = rnd.random() < FAILING_SHARE
    when = datetime.datetime.fromtimestamp(at, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M:%S")
    report = {"tenant": code, "date_time": when, "status": "SUCCESS"}
    succeeded = failed = 0
    for kind, total in totals.items():
        failures = rnd.randint(0, total) if failing else 0
        report[kind] = {"success": str(total - failures), "failed": str(failures)}
        succeeded += total - failures
        failed += failures
    if failed:
        report["status"] = "PARTIAL" if succeeded else failure
    return at, report


@action("pbxware.archiving.list", args=("start_date", "end_date", "start_time", "end_time", "status", "tenant"),
        required=("start_date", "end_date"),
        patterns={"start_date": DAY, "end_date": DAY, "start_time": TIME, "end_time": TIME,
                  "status": STATUS_PATTERN % FAILURE["reference"]},
        dialect_patterns={"postman": {"status": STATUS_PATTERN % FAILURE["postman"]}})
def archiving_list(req):
    first, last = parse_window(req, "start_date", "start_time", "end_date", "end_time")
    statuses = {part.strip().upper() for part in req.get("status").split(",")} if req.has("status") else None
    failure = FAILURE[req.dialect]
    day, final = max(utc_day(first), FIRST_DAY), min(utc_day(last), activity.TODAY)
    archiving = [(server, code) for server, code in _servers(req.state)
                 if not req.has("tenant") or code == req.get("tenant")]
    extensions, trunks = parties(req.state, [server for server, _code in archiving])
    found = []
    while day <= final:
        for server, code in archiving:
            at, report = _report(req.state, server, code, day, failure, extensions[server], trunks)
            if first <= at <= last and (statuses is None or report["status"] in statuses):
                found.append(report)
        day += datetime.timedelta(days=1)
    return sorted(found, key=lambda report: (report["date_time"], report["tenant"]))
