"""Shared fixture and call helper for the ext/did tests (independent of the default fixture)."""
from pbxware_sim import registry
from pbxware_sim.state import State

registry.load_objects()

FIXTURE = {
    "tenants": {
        "2": {"name": "t1.example.com", "tenantcode": "344", "package_id": 1, "ext_length": 3, "country_id": 869},
        "3": {"name": "t2.example.com", "tenantcode": "455", "package_id": 1, "ext_length": 4, "country_id": 869,
              "local_codecs": "ulaw,alaw"},
    },
    "uads": {
        "50": {"name": "generic_sip", "fullname": "Generic SIP", "enabled": True},
        "52": {"name": "custom_generic_iax", "fullname": "Generic IAX", "enabled": True},
        "135": {"name": "yealinkt41", "fullname": "Yealink T41", "enabled": True},
    },
    "trunks": {"1": {"name": "trunk1", "provider": "1"}, "2": {"name": "trunk2", "provider": "1"}},
    "extensions": {},
    "dids": {},
}

GOOD_SECRET = "Abcdef1!x"
EXT_ARGS = {
    "server": "2", "name": "User 100", "email": "u100@example.com", "ext": "100", "location": "1",
    "ua": "50", "status": "1", "pin": "1234", "incominglimit": "2", "outgoinglimit": "2",
    "voicemail": "1", "prot": "sip", "secret": GOOD_SECRET,
}


def make_state(tenant_mode=True):
    return State(FIXTURE, tenant_mode=tenant_mode)


def call(state, action, strict=True, **args):
    """Dispatch ``action`` with ``args`` (values converted to strings, None dropped)."""
    pairs = [("action", action)] + [(k, str(v)) for k, v in args.items() if v is not None]
    return registry.dispatch(state, pairs, strict=strict)


def add_ext(state, **overrides):
    args = dict(EXT_ARGS)
    args.update(overrides)
    return call(state, "pbxware.ext.add", **args)
