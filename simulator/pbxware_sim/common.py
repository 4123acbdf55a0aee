"""Small helpers shared by the object modules (messages, guards, rendering)."""
from pbxware_sim.registry import ApiError

MASTER_ONLY = "In tenant mode, make sure server=1."
# Observed on a real multi-tenant system calling ``server.configuration``.
USE_TENANT_OBJECT = 'Tenant mode enabled, please use action "tenant" object instead of "server"'
# Mirror of the above for a system that is not in tenant mode (not observed; same style).
USE_SERVER_OBJECT = 'Tenant mode disabled, please use action "server" object instead of "tenant"'

YES_NO = "^(yes|no|1|0)$"
ZERO_ONE = "^(1|0)$"


def tenant_mode_only(state):
    """Guard for actions that exist only on a multi-tenant PBXware."""
    if not state.tenant_mode:
        raise ApiError(USE_SERVER_OBJECT)


def single_mode_only(state):
    """Guard for ``server.*``: a multi-tenant PBXware refuses them."""
    if state.tenant_mode:
        raise ApiError(USE_TENANT_OBJECT)


def require_master(request, optional=False):
    """Calls that act on system-wide objects take ``server=1`` even in tenant mode."""
    server = request.get("server")
    if server is None and optional:
        return
    if server != "1":
        if request.tenant_mode:
            raise ApiError(MASTER_ONLY)
        raise ApiError("Invalid server ID.")


def check_server(request, required=True):
    """``server`` must name the master (1) or an existing tenant."""
    server = request.get("server")
    if server is None and not required:
        return None
    if not request.state.valid_server(server or ""):
        raise ApiError("Invalid server ID.")
    return server


def by_id(collection, render):
    """ID-keyed response in numeric ID order; an empty dict encodes as ``[]``."""
    return {key: render(key, collection[key]) for key in sorted(collection, key=int)}


def get_record(collection, record_id, label):
    """The record or the server's "does not exist" error."""
    record = collection.get(str(record_id))
    if record is None:
        raise ApiError("%s ID %s does not exist." % (label, record_id))
    return record
