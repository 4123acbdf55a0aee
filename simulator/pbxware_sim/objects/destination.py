"""Destinations: ``pbxware.destination.list`` and ``pbxware.destination.groups``.

In the reference a destination is a rating destination of a route (a country), not a call
destination: "GSM BiH" of route 135, in destination group 1 ("mobile"), with the dialling codes
that reach it. Destinations and their groups come with the system's rate tables; the API only
reads them (the reference documents no way to add one).

``destination.groups`` answers the group table (``{"1": "mobile", "2": "proper", ...}``, the
reference's example). ``destination.list`` answers the destinations of the routes in the state
(``routes``), generated, never stored: every route has its "proper" destination (the country's
dialling code) and a mobile one (two or three codes below it); some also have a freephone and a
premium-rate one. Which, and the mobile codes, come from ``activity.rng(state, "destination",
route)``, so a seed always gives the same rate table. IDs are the route's ID times 10 plus the
kind's index, so a destination keeps its ID whatever the seed.

Filters (reference): ``route`` (Route ID) and ``dgroup`` (Destination Group ID), the latter
"Only if ``route`` is supplied": without ``route`` it is ignored. An unknown route or group
matches nothing (``[]``).
"""
from pbxware_sim.activity import rng
from pbxware_sim.common import by_id
from pbxware_sim.registry import action

ID = r"^\d+$"
GROUPS = {"1": "mobile", "2": "proper", "17": "freephone", "38": "other", "40": "premium rate service",
          "297": "special service", "481": "pager", "826": "Mobile - 02", "827": "Mobile - Orange"}
# (index in the ID, group ID, name suffix)
PROPER, MOBILE = (0, "2", ""), (1, "1", " - Mobile")
FREEPHONE, PREMIUM = (2, "17", " - Freephone"), (3, "40", " - Premium")


def _codes(*numbers):
    return [{"code1": number, "code2": ""} for number in numbers]


def route_destinations(state, route_id, route):
    """``{destination ID: row}`` of one route, the same for the same seed."""
    draw = rng(state, "destination", route_id)
    code, name = route["code"], route["name"]
    mobile = sorted(code + str(number) for number in draw.sample(range(60, 100), draw.randint(2, 3)))
    kinds = [(PROPER, _codes(code)), (MOBILE, _codes(*mobile))]
    if draw.random() < 0.5:
        kinds.append((FREEPHONE, _codes(code + "800")))
    if draw.random() < 0.3:
        kinds.append((PREMIUM, _codes(code + "900")))
    return {str(int(route_id) * 10 + index): {"route": route_id, "destination": name + suffix,
                                              "destination_group": group, "codes": codes}
            for (index, group, suffix), codes in kinds}


@action("pbxware.destination.list", args=("route", "dgroup"), patterns={"route": ID, "dgroup": ID})
def destination_list(request):
    routes = request.state.collection("routes")
    if request.has("route"):
        routes = {key: value for key, value in routes.items() if key == request.get("route")}
    found = {}
    for route_id, route in routes.items():
        found.update(route_destinations(request.state, route_id, route))
    if request.has("route") and request.has("dgroup"):
        found = {key: row for key, row in found.items() if row["destination_group"] == request.get("dgroup")}
    return by_id(found, lambda _id, row: row)


@action("pbxware.destination.groups")
def destination_groups(request):
    return by_id(GROUPS, lambda _id, name: name)
