"""UADs (phone models): ``pbxware.uads.list|activate|deactivate``.

``uads``: id -> {"name", "fullname", "enabled" (bool)}. Activation is
system-wide here; ``server`` is validated but does not scope it.
"""
from pbxware_sim.common import by_id, check_server, get_record
from pbxware_sim.registry import action

ID = r"^\d+$"


@action("pbxware.uads.list", args=("server",), patterns={"server": ID})
def uads_list(request):
    check_server(request, required=False)
    return by_id(request.state.collection("uads"), lambda _id, uad: {
        "name": uad["name"], "fullname": uad["fullname"], "enabled": bool(uad["enabled"])})


def _set_enabled(request, enabled):
    check_server(request, required=False)
    uad_id = request.get("id")
    get_record(request.state.collection("uads"), uad_id, "UAD")["enabled"] = enabled
    return {"success": "UAD: %s." % uad_id, "id": str(uad_id)}


@action("pbxware.uads.activate", args=("server", "id"), required=("id",), write=True,
        patterns={"server": ID, "id": ID})
def uads_activate(request):
    return _set_enabled(request, True)


@action("pbxware.uads.deactivate", args=("server", "id"), required=("id",), write=True,
        patterns={"server": ID, "id": ID})
def uads_deactivate(request):
    return _set_enabled(request, False)
