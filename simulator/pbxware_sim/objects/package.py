"""Tenant packages: ``pbxware.package.list|configuration|add|edit|delete``.

Records in ``packages`` use the READ names (``ext``, ``voicemail``, ``ivr``,
``cf``); writes use ``extensions``, ``voicemails``, ``ivrs``, ``cfs``.
"""
from pbxware_sim.common import ZERO_ONE, by_id, get_record, require_master, tenant_mode_only
from pbxware_sim.registry import ApiError, action

LIMIT = r"^\d{1,4}$"
# Postman regexes; the possessive ``\d{1,9}+`` there is rewritten for Python < 3.11.
PATTERNS = {
    "restrict_splans": ZERO_ONE, "allowed_service_plans": r"^\d{1,9}(,\d{1,9})*$",
    "service_plan": r"^\d{1,9}$", "call_recordings": ZERO_ONE, "monitoring": ZERO_ONE,
    "call_screening": ZERO_ONE, "extensions": LIMIT, "voicemails": LIMIT, "queues": LIMIT, "cfs": LIMIT,
    "rgroups": LIMIT, "hot_desking": LIMIT, "ivrs": LIMIT,
}
WRITE_TO_READ = {"extensions": "ext", "voicemails": "voicemail", "ivrs": "ivr", "cfs": "cf"}
ADD_ARGS = ("name",) + tuple(PATTERNS)
ADD_REQUIRED = ("name", "call_recordings", "monitoring", "call_screening", "extensions", "voicemails",
                "queues", "cfs", "rgroups", "hot_desking", "ivrs")
FIELDS = ("name", "service_plan", "allowed_service_plans", "ext", "voicemail", "queues", "ivr", "cf",
          "rgroups", "hot_desking", "restrict_splans", "call_recordings", "monitoring", "call_screening")


def _apply(request, record):
    for name in ADD_ARGS:
        if name in request.args:
            record[WRITE_TO_READ.get(name, name)] = request.args[name]
    if record.get("restrict_splans") == "1" and not record.get("allowed_service_plans"):
        raise ApiError("Required field 'allowed_service_plans' is missing")
    if not record.get("name"):
        raise ApiError("Required field 'name' is missing")


def _check_unique(state, record, package_id=None):
    for other_id, other in state.collection("packages").items():
        if other_id != package_id and other["name"].lower() == record["name"].lower():
            raise ApiError("Tenant package %s already exists." % record["name"])


@action("pbxware.package.list", guard=tenant_mode_only)
def package_list(request):
    return by_id(request.state.collection("packages"), lambda _id, package: package["name"])


@action("pbxware.package.configuration", args=("id",), required=("id",), patterns={"id": r"^\d+$"},
        guard=tenant_mode_only)
def package_configuration(request):
    package_id = request.get("id")
    package = get_record(request.state.collection("packages"), package_id, "Tenant package")
    return {package_id: {field: package.get(field, "") for field in FIELDS}}


@action("pbxware.package.add", args=ADD_ARGS, required=ADD_REQUIRED, write=True, patterns=PATTERNS,
        guard=tenant_mode_only)
def package_add(request):
    state = request.state
    record = {field: "" for field in FIELDS}
    record["restrict_splans"] = "0"
    _apply(request, record)
    _check_unique(state, record)
    package_id = state.next_id("packages")
    state.collection("packages")[str(package_id)] = record
    # Live servers were seen answering "Tenant package: 2." (the reference drops the dot).
    return {"success": "Tenant package: %d." % package_id, "id": package_id}


@action("pbxware.package.edit", args=ADD_ARGS + ("server", "id"), required=("server", "id"), write=True,
        patterns=dict(PATTERNS, id=r"^\d+$"), guard=tenant_mode_only)
def package_edit(request):
    require_master(request)
    state = request.state
    package_id = request.get("id")
    package = get_record(state.collection("packages"), package_id, "Tenant package")
    updated = dict(package)
    _apply(request, updated)
    _check_unique(state, updated, package_id)
    package.update(updated)
    return {"success": "Tenant package: %s." % package_id, "id": str(package_id)}


@action("pbxware.package.delete", args=("server", "id"), required=("server", "id"), write=True,
        patterns={"id": r"^\d+$"}, guard=tenant_mode_only)
def package_delete(request):
    require_master(request)
    state = request.state
    package_id = request.get("id")
    get_record(state.collection("packages"), package_id, "Tenant package")
    users = sorted((k for k, t in state.collection("tenants").items() if str(t["package_id"]) == package_id), key=int)
    if users:
        raise ApiError("Tenant package ID %s is used by tenant ID %s." % (package_id, ", ".join(users)))
    del state.collection("packages")[package_id]
    return {"success": "Tenant package ID: %s." % package_id, "id": str(package_id)}
