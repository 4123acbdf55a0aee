"""Servers: ``pbxware.server.configuration`` (non-tenant-mode systems only).

``server``: {"1": {...settings in the read shape...}}. A multi-tenant
PBXware refuses ``server.*`` (observed message in ``common.USE_TENANT_OBJECT``).
"""
from pbxware_sim.common import single_mode_only
from pbxware_sim.registry import action


@action("pbxware.server.configuration", guard=single_mode_only)
def server_configuration(request):
    return dict(request.state.collection("server").get("1", {}))
