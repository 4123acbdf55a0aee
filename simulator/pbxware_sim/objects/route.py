"""Routes (countries): ``pbxware.route.list``, the only documented route action.

``routes``: id -> {"code": dialling code, "name": country}; tenant ``country``
arguments take these IDs.
"""
from pbxware_sim.common import by_id
from pbxware_sim.registry import action


@action("pbxware.route.list")
def route_list(request):
    # Shape of the reference: {"869": ["1", "United States"], ...}
    return by_id(request.state.collection("routes"), lambda _id, route: [route["code"], route["name"]])
