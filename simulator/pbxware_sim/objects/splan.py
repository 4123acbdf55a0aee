"""Service plans: ``pbxware.splan.list|rates`` and ``pbxware.splan.sms_rates.list|edit``.

``service_plans`` (seeded by the fixture; the API cannot create them): id -> {"name", "tbd",
"min_charge", "connection_charge", "inclusive", "inclusive_inbound" (a number, as the
reference's example shows it), "grace_period", "billing", "call_rating",
"rates": {"<route>:<dgroup>": rate, or {"<tbd>": rate} when the plan has TBD},
"sms_rates": {sms trunk id: {"national_sms", "international_sms", "national_mms",
"international_mms" (numbers), "inclusive_messages" ("1", "0" or "" = not set)}}}.

From the reference: ``rates`` keys are ``plan:route:dgroup`` and ``dgroup`` filters only with
``route``; ``sms_rates.list`` answers "for all trunks on given Service Plan", keyed by SMS trunk
ID, prices as numbers and ``inclusive_messages`` as a string; ``sms_rates.edit`` takes the plan as
``id`` and the trunk as ``trunk_id`` and answers the trunk's ID as a number. The argument of
``sms_rates.list`` is not documented: it is the plan's ``id``, as for ``rates``.

Decided here: a trunk never edited lists prices 0 and ``inclusive_messages`` ""; an edit keeps
what it does not send; a price must be a non-negative decimal number.
"""
import re

from pbxware_sim.common import by_id, get_record
from pbxware_sim.objects.sms import trunks as sms_trunks
from pbxware_sim.registry import ApiError, action

ID = r"^\d+$"
PLAN_FIELDS = ("name", "tbd", "min_charge", "connection_charge", "inclusive", "inclusive_inbound",
               "grace_period", "billing", "call_rating")
PRICES = ("national_sms", "international_sms", "national_mms", "international_mms")
PRICE = re.compile(r"^\d+(\.\d+)?$")
NOT_SET = {"national_sms": 0.0, "international_sms": 0.0, "national_mms": 0.0, "international_mms": 0.0,
           "inclusive_messages": ""}


def plans(state):
    return state.collection("service_plans")


@action("pbxware.splan.list")
def splan_list(request):
    return by_id(plans(request.state), lambda _id, plan: {name: plan[name] for name in PLAN_FIELDS})


@action("pbxware.splan.rates", args=("id", "route", "dgroup"), required=("id",),
        patterns={"id": ID, "route": ID, "dgroup": ID})
def splan_rates(request):
    plan_id = request.get("id")
    plan = get_record(plans(request.state), plan_id, "Service Plan")
    route = request.get("route") if request.has("route") else None
    dgroup = request.get("dgroup") if route is not None and request.has("dgroup") else None
    answer = {}
    for key in sorted(plan.get("rates", {}), key=lambda text: [int(part) for part in text.split(":")]):
        rate_route, rate_dgroup = key.split(":")
        if route not in (None, rate_route) or dgroup not in (None, rate_dgroup):
            continue
        answer["%s:%s" % (plan_id, key)] = plan["rates"][key]
    return answer


def _sms_rate(plan, trunk_id, trunk):
    rate = dict(NOT_SET, **plan.get("sms_rates", {}).get(trunk_id, {}))
    return {"trunk_name": trunk["name"], "national_sms": rate["national_sms"],
            "international_sms": rate["international_sms"], "national_mms": rate["national_mms"],
            "international_mms": rate["international_mms"], "inclusive_messages": rate["inclusive_messages"]}


@action("pbxware.splan.sms_rates.list", args=("id",), required=("id",), patterns={"id": ID})
def splan_sms_rates_list(request):
    plan = get_record(plans(request.state), request.get("id"), "Service Plan")
    return by_id(sms_trunks(request.state), lambda trunk_id, trunk: _sms_rate(plan, trunk_id, trunk))


@action("pbxware.splan.sms_rates.edit", args=("id", "trunk_id", "inclusive_messages") + PRICES,
        required=("id", "trunk_id"), write=True, patterns={"id": ID, "trunk_id": ID})
def splan_sms_rates_edit(request):
    state = request.state
    plan = get_record(plans(state), request.get("id"), "Service Plan")
    trunk_id = request.get("trunk_id")
    get_record(sms_trunks(state), trunk_id, "SMS Trunk")
    rate = dict(NOT_SET, **plan.get("sms_rates", {}).get(trunk_id, {}))
    for name in PRICES:
        if name in request.args:
            value = request.get(name)
            if not PRICE.match(value):
                raise ApiError("Field '%s=%s' contains invalid data" % (name, value))
            rate[name] = float(value)
    if "inclusive_messages" in request.args:
        value = request.get("inclusive_messages")
        if value not in ("1", "0", ""):
            raise ApiError("Field 'inclusive_messages=%s' contains invalid data" % value)
        rate["inclusive_messages"] = value
    plan.setdefault("sms_rates", {})[trunk_id] = rate
    return {"success": "Trunk ID: %s" % trunk_id, "id": int(trunk_id)}
