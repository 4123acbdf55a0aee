"""License: ``pbxware.license.info|last_refreshed|refresh``.

``license.info`` answers the reference's example (the simulator carries no license
file), its ``Edition`` ``Multi-Tenant`` on a system in tenant mode and ``Business``
otherwise. ``LIMITS`` are the license's limits the dashboard's licensing view
reports for the whole system: extensions as ``info`` shows them, IVRs, queues and
conferences (which ``info`` does not show) as the reference's licensing example.

``license`` (not ID-keyed): ``{"last_refreshed": "25 Jan 2022 16:53:32"}`` once a
refresh has happened. Before that, the license file was last modified at a moment
drawn from the seed in the 30 days before ``activity.TODAY``. ``license.refresh``
(a write) stamps it with the current time (UTC), the moment the license file is
rewritten, and answers the reference's status text. None of the three takes an
argument.
"""
import datetime

from pbxware_sim.activity import TODAY, rng
from pbxware_sim.registry import action

INFO = {
    "Edition": "Multi-Tenant", "Version": "6.5.0.0", "Channels": "512", "DIDs": "9999", "Extensions": "100",
    "Hot Desking": "9999", "PSTN Trunks": "20", "Tenants": "999", "VOIP Trunks": "20", "Archiving": "1",
    "Bas": "1", "Call Rating": "1", "Crm Routing": "1", "Did Multi User": "1", "Email To Fax": "1",
    "Ext Limits": "1", "Max Generic Apps": "1", "Pin Based Dialling": "1", "Presence Panel": "1",
    "Sms Bandwidth": "1", "Sms Module": "1", "Touchless Provisioning": "1", "Wakeupcall": "1", "Web Callback": "1",
}
SINGLE_TENANT_EDITION = "Business"
LIMITS = {"ext": int(INFO["Extensions"]), "ivr": 200, "queue": 200, "conference": 200}
# %b depends on the locale; the API writes English month names.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
REFRESH_STATUS = "License refresh request processed"


def stamp(moment):
    """``25 Jan 2022 16:53:32``, the API's form of a moment."""
    return "%02d %s %04d %s" % (moment.day, MONTHS[moment.month - 1], moment.year, moment.strftime("%H:%M:%S"))


def last_refreshed(state):
    stored = state.data.get("license", {}).get("last_refreshed")
    if stored:
        return stored
    draw = rng(state, "license")
    moment = datetime.datetime.combine(TODAY, datetime.time()) - datetime.timedelta(
        days=draw.randint(1, 30), seconds=draw.randint(0, 86399))
    return stamp(moment)


@action("pbxware.license.info")
def license_info(request):
    return dict(INFO, Edition=INFO["Edition"] if request.tenant_mode else SINGLE_TENANT_EDITION)


@action("pbxware.license.last_refreshed")
def license_last_refreshed(request):
    return {"last_refreshed": last_refreshed(request.state)}


@action("pbxware.license.refresh", write=True)
def license_refresh(request):
    now = datetime.datetime.now(datetime.timezone.utc)
    request.state.data.setdefault("license", {})["last_refreshed"] = stamp(now)
    return {"status": REFRESH_STATUS}
