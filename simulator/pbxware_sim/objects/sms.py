"""SMS trunks and the SMS trunk of each tenant.

``pbxware.sms.trunks.list|configuration|add|edit|delete`` and
``pbxware.sms.trunks.tenants.list|get|set`` (reference "SMS Trunks", "SMS Trunks & Tenants").

``sms_trunks``: id -> {"enabled": "1"|"0", "name", "provider", "national_prefix" (digits, no ``+``),
"description", "settings": {argument: value}} where ``settings`` holds the arguments of the
trunk's provider only (a provider change replaces them).
``sms_tenant_trunks``: tenant id -> SMS trunk id. A tenant uses one SMS trunk ("Set Tenant's
SMS Trunk" takes one ``id``); a tenant without an entry has none.

From the reference: ``add`` requires ``enabled``, ``name``, ``provider`` and every argument of the
provider (telnyx, bandwidth, twilio, vi); ``edit`` requires only ``id``, and all arguments of the
new provider when ``provider`` changes; ``configuration`` returns "the same trunk information
that is sent via the Add/Edit request", credentials included; ``add`` and ``edit`` answer the ID
as a number (the vendor's Postman tests agree for both).

The Postman collection adds the provider ``ozsms`` (``api_key``, ``username``, neither marked
required), which the reference does not list: an omission, accepted in both dialects.

Decided here (the sources are silent): ``national_prefix`` reads with a ``+`` (the reference's
configuration example shows ``"+49"`` for an argument written "without + prefix"); arguments of
another provider than the trunk's are accepted and ignored; ``tenants.set`` without ``id`` (or
with it empty) leaves the tenant without an SMS trunk; deleting a trunk unassigns it from its
tenants and drops its service-plan SMS rates.
"""
from pbxware_sim.common import ZERO_ONE, by_id, get_record
from pbxware_sim.registry import ApiError, action

# Provider -> its arguments, in the order configuration shows them.
PROVIDER_ARGS = {
    "telnyx": ("api_key", "public_key", "messaging_profile_id"),
    "bandwidth": ("username", "password", "user_id", "app_id"),
    "twilio": ("account_sid", "auth_token"),
    "vi": ("secret", "login"),
    "ozsms": ("api_key", "username"),
}
# The reference marks every argument of its four providers required; Postman marks none of ozsms'.
REQUIRED_PROVIDER_ARGS = {provider: args for provider, args in PROVIDER_ARGS.items() if provider != "ozsms"}
CREDENTIAL_ARGS = tuple(sorted({arg for args in PROVIDER_ARGS.values() for arg in args}))
SECRETS = ("api_key", "password", "auth_token", "secret")
ADD_ARGS = ("enabled", "name", "provider", "national_prefix", "description") + CREDENTIAL_ARGS
PATTERNS = {"enabled": ZERO_ONE, "provider": "^(%s)$" % "|".join(PROVIDER_ARGS), "national_prefix": r"^\d+$"}
ID = r"^\d+$"


def trunks(state):
    return state.collection("sms_trunks")


def assignments(state):
    return state.collection("sms_tenant_trunks")


def _apply(request, trunk, creating):
    """Write the request's arguments into ``trunk`` (a copy), checking the provider's required ones."""
    provider = request.get("provider") if request.has("provider") else trunk["provider"]
    switched = provider != trunk["provider"]
    if creating or switched:
        for arg in REQUIRED_PROVIDER_ARGS.get(provider, ()):
            if not request.has(arg):
                raise ApiError("Required field '%s' is missing" % arg)
    for name in ("enabled", "name"):
        if request.has(name):
            trunk[name] = request.get(name)
    if creating and not trunk["name"]:
        raise ApiError("Required field 'name' is missing")
    for name in ("national_prefix", "description"):
        if name in request.args:
            trunk[name] = request.get(name)
    settings = {} if switched else dict(trunk["settings"])
    for arg in PROVIDER_ARGS[provider]:
        if request.has(arg):
            settings[arg] = request.get(arg)
    trunk["provider"], trunk["settings"] = provider, settings


def _configuration(trunk_id, trunk):
    answer = {"id": int(trunk_id), "enabled": int(trunk["enabled"]), "name": trunk["name"],
              "provider": trunk["provider"],
              "national_prefix": "+" + trunk["national_prefix"] if trunk["national_prefix"] else "",
              "description": trunk["description"]}
    for arg in PROVIDER_ARGS[trunk["provider"]]:
        answer[arg] = trunk["settings"].get(arg, "")
    return answer


@action("pbxware.sms.trunks.list")
def sms_trunks_list(request):
    return by_id(trunks(request.state), lambda _id, trunk: {"name": trunk["name"], "provider": trunk["provider"]})


@action("pbxware.sms.trunks.configuration", args=("id",), required=("id",), patterns={"id": ID})
def sms_trunks_configuration(request):
    trunk_id = request.get("id")
    return _configuration(trunk_id, get_record(trunks(request.state), trunk_id, "SMS Trunk"))


@action("pbxware.sms.trunks.add", args=ADD_ARGS, required=("enabled", "name", "provider"), write=True,
        secrets=SECRETS, patterns=PATTERNS)
def sms_trunks_add(request):
    state = request.state
    trunk = {"enabled": "1", "name": "", "provider": request.get("provider"), "national_prefix": "",
             "description": "", "settings": {}}
    _apply(request, trunk, creating=True)
    trunk_id = state.next_id("sms_trunks")
    trunks(state)[str(trunk_id)] = trunk
    return {"success": "SMS Trunk ID: %d" % trunk_id, "id": trunk_id}


@action("pbxware.sms.trunks.edit", args=ADD_ARGS + ("id",), required=("id",), write=True, secrets=SECRETS,
        patterns=dict(PATTERNS, id=ID))
def sms_trunks_edit(request):
    trunk_id = request.get("id")
    trunk = get_record(trunks(request.state), trunk_id, "SMS Trunk")
    updated = dict(trunk)
    _apply(request, updated, creating=False)
    trunk.update(updated)
    return {"success": "SMS Trunk ID: %s" % trunk_id, "id": int(trunk_id)}


@action("pbxware.sms.trunks.delete", args=("id",), required=("id",), write=True, patterns={"id": ID})
def sms_trunks_delete(request):
    state = request.state
    trunk_id = request.get("id")
    get_record(trunks(state), trunk_id, "SMS Trunk")
    del trunks(state)[trunk_id]
    tenants = assignments(state)
    for tenant_id in [k for k, v in tenants.items() if v == trunk_id]:
        del tenants[tenant_id]
    for plan in state.collection("service_plans").values():
        plan.get("sms_rates", {}).pop(trunk_id, None)
    return {"success": "Deleted SMS Trunk ID '%s' successfully." % trunk_id}


# -- SMS Trunks & Tenants --------------------------------------------------------

NO_TRUNK = {"id": None, "enabled": None, "name": None, "provider": None}


def _tenant_trunk(state, tenant_id):
    trunk_id = assignments(state).get(tenant_id)
    trunk = trunks(state).get(trunk_id) if trunk_id else None
    if trunk is None:
        return dict(NO_TRUNK)
    return {"id": trunk_id, "enabled": trunk["enabled"], "name": trunk["name"], "provider": trunk["provider"]}


def _tenant_of(request):
    state = request.state
    tenant_id = request.get("tenant")
    if not state.tenant_mode or tenant_id not in state.collection("tenants"):
        raise ApiError("Tenant ID %s does not exist." % tenant_id)
    return tenant_id


@action("pbxware.sms.trunks.tenants.list")
def sms_trunks_tenants_list(request):
    state = request.state
    tenants = state.collection("tenants") if state.tenant_mode else {}
    return by_id(tenants, lambda tenant_id, _tenant: _tenant_trunk(state, tenant_id))


@action("pbxware.sms.trunks.tenants.get", args=("tenant",), required=("tenant",))
def sms_trunks_tenants_get(request):
    return _tenant_trunk(request.state, _tenant_of(request))


@action("pbxware.sms.trunks.tenants.set", args=("tenant", "id"), required=("tenant",), write=True)
def sms_trunks_tenants_set(request):
    state = request.state
    tenant_id = _tenant_of(request)
    if request.has("id"):
        trunk_id = request.get("id")
        get_record(trunks(state), trunk_id, "SMS Trunk")
        assignments(state)[tenant_id] = trunk_id
    else:
        assignments(state).pop(tenant_id, None)
    return {"success": "Success."}
