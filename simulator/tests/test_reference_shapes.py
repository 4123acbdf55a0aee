"""Every implemented action answers in the SHAPE the API reference documents.

For each action in ``pbxware_sim.registry.ACTIONS`` the test builds a State
from the default fixture, creates what the call needs, calls the action
in-process (``registry.dispatch``) and compares the answer with the reference's
JSON example(s) from ``simulator/conformance/reference_examples.json``
(regenerate with ``python3 simulator/conformance/extract_examples.py``):

- same keys at each level; maps keyed by ID (or by name where declared in
  ``NAME_KEYED``) are compared by the shape of their values, merged over all
  example entries (a key that only some entries show is optional);
- same container types (object / list / scalar);
- same scalar types, except where the README says types are inconsistent
  (``TYPE_TOLERANCE``); a ``null`` in an example says nothing about the type.

Deviations are declared in ONE place each, with a reason:
``ALLOWED_KEYS`` (documented keys the example omits, or example keys the
reference marks as optional), ``TYPE_TOLERANCE`` and ``KNOWN_DEVIATIONS``
(simulator answers that differ from the reference; the test checks the
deviation is exactly the declared one, so fixing the simulator fails the test
until the entry is removed). Implemented actions with no extractable example
are listed in ``NO_EXAMPLE``: they are still called and must succeed.
"""
import copy
import fnmatch
import json
import os
import re

import pytest

from pbxware_sim.registry import ACTIONS, dispatch, load_objects
from pbxware_sim.state import State

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES_FILE = os.path.join(HERE, "..", "conformance", "reference_examples.json")
# The vendor's reference lies in shared/spec beside the checkout (as in CI), or where PBXWARE_SPEC_DIR says.
REFERENCE = os.path.join(
    os.environ.get("PBXWARE_SPEC_DIR")
    or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "spec"),
    "pbxware-api-reference.txt")

load_objects()
IMPLEMENTED = sorted(ACTIONS)

with open(EXAMPLES_FILE, encoding="utf-8") as _handle:
    EXAMPLES_DOC = json.load(_handle)
EXAMPLES = EXAMPLES_DOC["examples"]


def _fixture_path():
    try:
        from pbxware_sim.server import DEFAULT_FIXTURE
        return DEFAULT_FIXTURE
    except ImportError:  # pragma: no cover - server module not there yet
        import pbxware_sim
        return os.path.join(os.path.dirname(pbxware_sim.__file__), "fixtures", "default.json")


with open(_fixture_path(), encoding="utf-8") as _handle:
    FIXTURE = json.load(_handle)

TENANT = "2"  # fixture tenant (code 344, ext_length 3)
ES_SERVICES = sorted({a.split(".")[3] for a in EXAMPLES_DOC["actions_without_example"] + list(EXAMPLES)
                      if a.startswith("pbxware.ext.es.") and a.split(".")[3] != "states"})


# ---------------------------------------------------------------------------
# Declared differences (one place, each with its reason)
# ---------------------------------------------------------------------------

# Implemented actions the reference gives no JSON example for (extract_examples.py
# lists them under "actions_without_example"). They are still called and must succeed.
NO_EXAMPLE = {
    "pbxware.tenant.configuration": "the reference lists response fields but shows no example",
    "pbxware.ext.call_rating": "documented only as the successor of ext.billing (no section, no example)",
    "pbxware.ext.call_rating_info": "documented only as the successor of ext.billing_info (no example)",
    "pbxware.ext.call_rating_history": "documented only as the successor of ext.billing_history (no example)",
    "pbxware.ring_group.delete": "the section has arguments but no response example",
    "pbxware.ext.es.extoperationtimes.configuration": "no configuration example for this service",
}
for _svc in ("blflist", "callerid", "callfilters", "callfwd", "callscreening", "dnd", "followme", "grouphunt",
             "instrecord", "mobilenumbers", "phonecallback", "remoteaccess", "speeddial", "sppage"):
    NO_EXAMPLE["pbxware.ext.es.%s.edit" % _svc] = "the reference documents edit arguments, not its response"

# Maps whose keys are names rather than IDs (path -> reason).
NAME_KEYED = {
    ("pbxware.trunk.providers", "$"): "keyed by provider name (reference: 'array key being Provider Name')",
    ("pbxware.apps.list", "$"): "keyed by edition/module name (reference: 'array key being the Edition/Module name')",
}

# Keys allowed to differ from the merged example: action -> {path: {"extra": [...], "missing": [...], "why": ...}}.
ALLOWED_KEYS = {
    "pbxware.ari.list": {"$.*": {
        "extra": ["id", "username", "password", "address"],
        "why": "id, username, password and address are documented response fields of ari.list the example omits"}},
    "pbxware.did.list": {"$.*": {
        "extra": ["e911"],
        "why": "e911 is a documented response field of did.list that the example omits"}},
    "pbxware.ext.configuration": {"$.*": {
        "extra": ["email", "service_plan"],
        "why": "email and service_plan are documented response fields the example omits"}},
    "pbxware.server.configuration": {"$": {
        "extra": ["ap_req_num", "currency_writing_convention", "didmode", "domainname", "e2faxch", "emailto",
                  "enable_tftp", "erg_abandoned_check_interval", "faxfiletype", "mp3_auto_conv", "nodidresponse",
                  "pbd_pin_length", "rpsexpiry", "show_advanced_opts", "show_dir_osc", "tenant_calls_enabled"],
        "why": "keys the vendor's Postman test asserts for server.configuration (evidence from real servers, "
               "README 'How real servers behave'); the reference does not list them"}},
    "pbxware.ext.editions_modules.configuration": {
        "$.editions": {"extra": ["operator", "web"],
                       "why": "editions_modules.set documents operator and web, which the example omits"},
        "$.modules": {"extra": ["omni_channel", "customer_survey"],
                      "why": "editions_modules.set documents 'omni channel' and 'customer survey', "
                             "which the example omits"}},
}

# (action glob, path) -> accepted scalar types, with the README sentence that allows it.
TYPE_TOLERANCE = {
    ("pbxware.*.edit", "$.id"): ({"string", "number"},
                                 "README: *.edit returns id as a string (the examples show numbers)"),
    ("pbxware.*.add", "$.id"): ({"string", "number"},
                                "README: *.add 'usually' returns id as a number (ext.add: a string)"),
    ("pbxware.tenant.list", "$.*.package_id"): ({"string", "number"},
                                                "README: tenant.list gives package_id as a number"),
    ("pbxware.tenant.list", "$.*.country_id"): ({"string", "number"},
                                                "README: tenant.list gives country_id as a number"),
    ("pbxware.tenant.list", "$.*.ext_length"): ({"string", "number"},
                                                "README: tenant.list gives ext_length as a number"),
}

# Simulator answers that differ from the reference: action -> (exact problem list, reason).
# The test fails if the problems found are not exactly these (new ones, or fixed ones).
KNOWN_DEVIATIONS = {
    "pbxware.archiving.list": (
        ["$: list, expected an object"],
        "the reference says 'The response will consist of an array of Archiving Reports' and the vendor's Postman "
        "test reads an array; its example shows one report alone"),
    "pbxware.tenant.list": (
        ["$.*.country_code: number, expected string"],
        "the simulator sends country_code as a number (the vendor's Postman test asserts a number); the "
        "reference example shows \"1\" and the README's numeric tenant.list fields are only ext_length, "
        "package_id and country_id"),
    "pbxware.trunk.delete": (
        ["$.id: string, expected number"],
        "the simulator returns id as a string (the vendor's Postman test expects one); the reference example "
        "shows a number and the README only says *.edit returns strings"),
}


# ---------------------------------------------------------------------------
# Shapes
# ---------------------------------------------------------------------------

ID_KEY = re.compile(r"^[0-9][0-9.:]*$")


def scalar_type(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    return "string"


def shape_of(value, action, path="$"):
    """A comparable description: ("obj", {key: shape}, optional set) | ("map", shape, id_keys)
    | ("list", shape or None) | ("scalar", {types})."""
    if isinstance(value, dict):
        keyed_by_name = (action, path) in NAME_KEYED
        if value and (keyed_by_name or all(ID_KEY.match(k) for k in value)):
            merged = None
            for item in value.values():
                merged = merge(merged, shape_of(item, action, path + ".*"))
            return ("map", merged, not keyed_by_name)
        return ("obj", {k: shape_of(v, action, "%s.%s" % (path, k)) for k, v in value.items()}, frozenset())
    if isinstance(value, list):
        merged = None
        for item in value:
            merged = merge(merged, shape_of(item, action, path + "[]"))
        return ("list", merged)
    return ("scalar", frozenset([scalar_type(value)]))


def merge(a, b):
    if a is None:
        return b
    if b is None:
        return a
    if a[0] == b[0] == "obj":
        keys = set(a[1]) | set(b[1])
        fields = {k: merge(a[1].get(k), b[1].get(k)) for k in keys}
        optional = set(a[2]) | set(b[2]) | (set(a[1]) ^ set(b[1]))
        return ("obj", fields, frozenset(optional))
    if a[0] == b[0] == "map":
        return ("map", merge(a[1], b[1]), a[2] and b[2])
    if a[0] == b[0] == "list":
        return ("list", merge(a[1], b[1]))
    if a[0] == b[0] == "scalar":
        return ("scalar", a[1] | b[1])
    return ("any",)


def _allowed(action, path, kind):
    spec = ALLOWED_KEYS.get(action, {}).get(path, {})
    return set(spec.get(kind, ()))


def _tolerated(action, path):
    for (glob, where), (types, _why) in TYPE_TOLERANCE.items():
        if where == path and fnmatch.fnmatchcase(action, glob):
            return types
    return None


def compare(expected, actual, action, path="$"):
    """Problems (strings) where ``actual`` does not have the ``expected`` shape."""
    if expected is None or expected[0] == "any":
        return []
    kind = expected[0]
    if kind == "scalar":
        types = expected[1]
        got = scalar_type(actual)
        if isinstance(actual, (dict, list)):
            return ["%s: %s, expected a scalar (%s)" % (path, type(actual).__name__, "/".join(sorted(types)))]
        if "null" in types or got in types:
            return []
        tolerated = _tolerated(action, path)
        if tolerated and got in tolerated:
            return []
        return ["%s: %s, expected %s" % (path, got, "/".join(sorted(types)))]
    if kind == "list":
        if not isinstance(actual, list):
            return ["%s: %s, expected a list" % (path, scalar_type(actual) if not isinstance(actual, dict)
                                                 else "object")]
        problems = []
        for item in actual:
            for problem in compare(expected[1], item, action, path + "[]"):
                if problem not in problems:
                    problems.append(problem)
        return problems
    if kind == "map":
        if actual == []:
            return ["%s: empty collection ([]); the call must return data to compare" % path]
        if not isinstance(actual, dict):
            return ["%s: %s, expected an object keyed by %s" % (path, _kind(actual),
                                                                "ID" if expected[2] else "name")]
        if not actual:
            return ["%s: empty object; the call must return data to compare" % path]
        problems = []
        if expected[2]:
            bad = sorted(k for k in actual if not ID_KEY.match(k))
            if bad:
                problems.append("%s: keys %s are not IDs" % (path, bad))
        for item in actual.values():
            for problem in compare(expected[1], item, action, path + ".*"):
                if problem not in problems:
                    problems.append(problem)
        return problems
    # object
    if not isinstance(actual, dict):
        return ["%s: %s, expected an object" % (path, _kind(actual))]
    fields, optional = expected[1], expected[2]
    missing = sorted(set(fields) - set(actual) - set(optional) - _allowed(action, path, "missing"))
    extra = sorted(set(actual) - set(fields) - _allowed(action, path, "extra"))
    problems = []
    if missing:
        problems.append("%s: missing keys %s" % (path, missing))
    if extra:
        problems.append("%s: unexpected keys %s" % (path, extra))
    for key in sorted(set(fields) & set(actual)):
        problems.extend(compare(fields[key], actual[key], action, "%s.%s" % (path, key)))
    return problems


def _kind(value):
    if isinstance(value, dict):
        return "object"
    if isinstance(value, list):
        return "list"
    return scalar_type(value)


def primary_examples(action):
    return [e for e in EXAMPLES.get(action, []) if e["primary"]]


# ---------------------------------------------------------------------------
# Calling the simulator
# ---------------------------------------------------------------------------

class Ctx:
    """A fresh State from the default fixture plus helpers that create objects."""

    def __init__(self, tenant_mode=True):
        self.state = State(copy.deepcopy(FIXTURE), tenant_mode=tenant_mode)
        self.tenant = TENANT if tenant_mode else "1"
        self._cache = {}

    def call(self, action, args):
        pairs = [("action", action)]
        for key, value in args.items():
            if isinstance(value, (list, tuple)):
                pairs.extend((key, str(v)) for v in value)
            else:
                pairs.append((key, str(value)))
        return dispatch(self.state, pairs)

    def ok(self, action, **args):
        response = self.call(action, args)
        assert not (isinstance(response, dict) and "error" in response), \
            "setup call %s %r failed: %r" % (action, args, response)
        return response

    def once(self, key, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    # -- objects ----------------------------------------------------------
    def trunk(self):
        return self.once("trunk", lambda: sorted(self.state.collection("trunks"), key=int)[0])

    def ext(self, number="101", **extra):
        def make():
            args = dict(server=self.tenant, name="Shape User %s" % number, email="u%s@example.com" % number,
                        ext=number, location="1", ua="50", status="1", pin="1234", incominglimit="2",
                        outgoinglimit="2", voicemail="1", prot="sip", secret="Shape-Secret9",
                        macaddress="00156500%s" % number.zfill(4)[-4:], user_location="Office",
                        department="1")
            args.update(extra)
            return str(self.ok("pbxware.ext.add", **args)["id"])
        return self.once(("ext", number), make)

    def billing_ext(self):
        """An extension with call rating data set (billing reads show every field)."""
        return self.ext("102", call_rating="1", creditlimit="15", reminderbalance="5", service_plan="1",
                        service_plan_date="01-09-2009", limitenable="1", limittype="Daily", softlimit="100",
                        hardlimit="200", notification_email="billing@example.com", acc_slave="0")

    def slave_of(self, master_number):
        return self.ext("103", acc_slave="1", slave_accountcode=master_number)

    def did(self):
        def make():
            self.ext()
            return str(self.ok("pbxware.did.add", server=self.tenant, trunk=self.trunk(), did="12125550123",
                               dest_type="0", destination="101", disabled="0", name="Shape DID",
                               e164="12125550123", sms_enabled="1")["id"])
        return self.once("did", make)

    def package(self):
        return self.once("package", lambda: str(self.ok(
            "pbxware.package.add", name="Shape Package", call_recordings="1", monitoring="1", call_screening="1",
            extensions="20", voicemails="20", queues="20", cfs="20", rgroups="20", hot_desking="20",
            ivrs="20")["id"]))

    def spare_tenant(self):
        return self.once("tenant", lambda: str(self.ok(
            "pbxware.tenant.add", server="1", tenant_name="shape.example.com", tenant_code="556", package="1",
            ext_length="3", country="869", national="1", international="011")["id"]))

    def new_trunk(self):
        return self.once("new_trunk", lambda: str(self.ok("pbxware.trunk.add", **TRUNK_ADD)["id"]))


TRUNK_ADD = dict(server="1", name="ShapeTrunk", provider_id="20", type="friend", dtmfmode="rfc2833",
                 status="active", country="869", national="1", international="011", emerg_trunk="no",
                 host="192.0.2.10", username="shape", secret="Trunk-Secret9", insecure="port,invite",
                 looserouting="yes", incominglimit="10", outgoinglimit="10", codecs="ulaw,alaw",
                 codecs_ptime="20,20")

HISTORY = dict(start="Jan-01-2000", end="Dec-31-2099")


def _tenant_trunks(c):
    c.ok("pbxware.tenant.trunks.set", tenant=c.tenant, trunks="%s,%s" % (c.trunk(), c.new_trunk()),
         primary_trunk=c.trunk(), secondary_trunk=c.new_trunk(), tertiary_trunk=c.trunk(),
         primary_emerg_trunk=c.trunk(), secondary_emerg_trunk=c.new_trunk(), tertiary_emerg_trunk=c.trunk())


def _tenant_cli_rule(c):
    return c.once("tenant_cli_rule", lambda: c.ok(
        "pbxware.tenant.clirouting.add", tenant=c.tenant, callerid="12125550198", dest_type="8",
        destination=c.trunk(), matchexplicitly="1")["id"])


def _department(c):
    return c.once("department", lambda: str(c.ok("pbxware.department.add", server=c.tenant, name="Shape Dept")["id"]))


IVR_ADD = {"name": "ShapeIVR", "greeting": "greeting-shape", "keymap[1][type]": "ex", "keymap[1][destination]": "101"}


def _ivr(c):
    c.ext()
    return c.once("ivr", lambda: str(c.ok("pbxware.ivr.add", **dict(IVR_ADD, server=c.tenant, ext="700"))["id"]))


def _with_balance(c):
    ext_id = c.billing_ext()
    c.ok("pbxware.ext.balance", server=c.tenant, id=ext_id, mode="credit", amount="5", notes="n", refno="111")
    c.ok("pbxware.ext.balance", server=c.tenant, id=ext_id, mode="debit", amount="2", notes="n", refno="112")
    return ext_id


# action -> (callable(ctx) -> args dict) ; "single": run on a State that is not in tenant mode.
RECIPES = {
    # tenants & packages
    "pbxware.tenant.list": lambda c: {},
    "pbxware.tenant.configuration": lambda c: {"id": c.tenant},
    "pbxware.tenant.add": lambda c: dict(server="1", tenant_name="new.example.com", tenant_code="557",
                                         package="1", ext_length="3", country="869", national="1",
                                         international="011"),
    "pbxware.tenant.edit": lambda c: dict(server="1", id=c.spare_tenant(), tenant_name="shape.example.com",
                                          tenant_code="556", package="1", country="869", national="1",
                                          international="011"),
    "pbxware.tenant.delete": lambda c: dict(server="1", id=c.spare_tenant()),
    "pbxware.tenant.trunks.list": lambda c: (_tenant_trunks(c), {"tenant": c.tenant})[1],
    "pbxware.tenant.trunks.set": lambda c: dict(tenant=c.tenant, trunks="%s,%s" % (c.trunk(), c.new_trunk()),
                                                primary_trunk=c.trunk(), secondary_trunk=c.new_trunk(),
                                                primary_emerg_trunk=c.trunk()),
    "pbxware.tenant.clirouting.list": lambda c: (_tenant_cli_rule(c), {"tenant": c.tenant})[1],
    "pbxware.tenant.clirouting.add": lambda c: dict(tenant=c.tenant, callerid="12125550199", dest_type="8",
                                                    destination=c.trunk(), matchexplicitly="0"),
    "pbxware.tenant.clirouting.edit": lambda c: dict(tenant=c.tenant, cliroutingid=_tenant_cli_rule(c),
                                                     matchexplicitly="1"),
    "pbxware.tenant.clirouting.delete": lambda c: dict(tenant=c.tenant, cliroutingid=_tenant_cli_rule(c)),
    "pbxware.package.list": lambda c: {},
    "pbxware.package.configuration": lambda c: {"id": c.package()},
    "pbxware.package.add": lambda c: dict(name="Another Package", call_recordings="1", monitoring="1",
                                          call_screening="1", extensions="5", voicemails="5", queues="5",
                                          cfs="5", rgroups="5", hot_desking="5", ivrs="5"),
    "pbxware.package.edit": lambda c: dict(server="1", id=c.package(), name="Renamed Package"),
    "pbxware.package.delete": lambda c: dict(server="1", id=c.package()),
    "pbxware.route.list": lambda c: {},
    "pbxware.server.configuration": ("single", lambda c: {}),
    # UADs
    "pbxware.uads.list": lambda c: {"server": c.tenant},
    "pbxware.uads.activate": lambda c: {"server": c.tenant, "id": "136"},
    "pbxware.uads.deactivate": lambda c: {"server": c.tenant, "id": "135"},
    # departments and apps (templates need a department)
    "pbxware.department.list": lambda c: (_department(c), {"server": c.tenant})[1],
    "pbxware.department.add": lambda c: {"server": c.tenant, "name": "Added Department"},
    "pbxware.department.edit": lambda c: {"server": c.tenant, "id": _department(c), "name": "Renamed"},
    "pbxware.department.delete": lambda c: {"server": c.tenant, "id": _department(c)},
    "pbxware.apps.list": lambda c: (c.ok("pbxware.ext.editions_modules.set", server=c.tenant, id=c.ext(),
                                         editions="office", modules="crm"), {"server": c.tenant})[1],
    "pbxware.apps.templates.list": lambda c: (c.ok("pbxware.apps.templates.set", server=c.tenant,
                                                   department_id=_department(c), editions="mobile", modules="crm"),
                                              {"server": c.tenant})[1],
    "pbxware.apps.templates.set": lambda c: {"server": c.tenant, "department_id": _department(c),
                                             "editions": "business,agent", "modules": "call popup"},
    # trunks
    "pbxware.trunk.list": lambda c: {},
    "pbxware.trunk.providers": lambda c: {"server": c.tenant},
    "pbxware.trunk.configuration": lambda c: {"server": "1", "trunkid": c.trunk()},
    "pbxware.trunk.add": lambda c: dict(TRUNK_ADD),
    "pbxware.trunk.edit": lambda c: dict(server="1", id=c.new_trunk(), name="ShapeTrunk2"),
    "pbxware.trunk.delete": lambda c: dict(server="1", id=c.new_trunk()),
    # extensions
    "pbxware.ext.list": lambda c: (c.ext(), {"server": c.tenant})[1],
    "pbxware.ext.configuration": lambda c: {"server": c.tenant, "id": c.ext()},
    "pbxware.ext.add": lambda c: dict(server=c.tenant, name="Added User", email="added@example.com", ext="120",
                                      location="1", ua="50", status="1", pin="1234", incominglimit="2",
                                      outgoinglimit="2", voicemail="1", prot="sip", secret="Added-Secret9"),
    "pbxware.ext.edit": lambda c: dict(server=c.tenant, id=c.ext(), name="Edited User"),
    "pbxware.ext.delete": lambda c: dict(server=c.tenant, id=c.ext()),
    "pbxware.ext.balance": lambda c: dict(server=c.tenant, id=c.ext(), mode="credit", amount="10",
                                          notes="top up", refno="111"),
    "pbxware.ext.billing": lambda c: dict(server=c.tenant, id=c.billing_ext()),
    "pbxware.ext.call_rating": lambda c: dict(server=c.tenant, id=c.billing_ext()),
    "pbxware.ext.billing_info": lambda c: dict(server=c.tenant, id=c.billing_ext()),
    "pbxware.ext.call_rating_info": lambda c: dict(server=c.tenant, id=c.billing_ext()),
    "pbxware.ext.sms_rating_info": lambda c: dict(server=c.tenant, id=c.ext()),
    "pbxware.ext.slaves": lambda c: (c.slave_of("101"), dict(server=c.tenant, id=c.ext()))[1],
    "pbxware.ext.billing_history": lambda c: dict(HISTORY, server=c.tenant, id=_with_balance(c)),
    "pbxware.ext.call_rating_history": lambda c: dict(HISTORY, server=c.tenant, id=_with_balance(c)),
    "pbxware.ext.reset_inclusive_minutes": lambda c: dict(server=c.tenant, id=c.ext()),
    "pbxware.ext.reset_inclusive_messages": lambda c: dict(server=c.tenant, id=c.ext()),
    "pbxware.ext.voicemail.delete": lambda c: (c.ext(), dict(server=c.tenant, ext="101"))[1],
    "pbxware.ext.additional_macs": lambda c: dict(server=c.tenant, id=c.ext(), values="0015650000aa",
                                                  devices="50", locations="1"),
    "pbxware.ext.editions_modules.set": lambda c: dict(server=c.tenant, id=c.ext(), editions="office,business",
                                                       modules="crm"),
    "pbxware.ext.editions_modules.configuration": lambda c: dict(server=c.tenant, id=c.ext()),
    "pbxware.ext.es.states.get": lambda c: dict(server=c.tenant, id=c.ext(), services="all"),
    "pbxware.ext.es.states.get_osc": lambda c: dict(server=c.tenant, id=c.ext(), services="all"),
    "pbxware.ext.es.states.set": lambda c: dict(server=c.tenant, id=c.ext(), all="yes"),
    "pbxware.ext.es.states.set_osc": lambda c: dict(server=c.tenant, id=c.ext(), all="yes"),
    # DIDs
    "pbxware.did.list": lambda c: (c.did(), {"server": c.tenant})[1],
    "pbxware.did.add": lambda c: (c.ext(), dict(server=c.tenant, trunk=c.trunk(), did="12125550999",
                                                dest_type="0", destination="101", disabled="0"))[1],
    "pbxware.did.edit": lambda c: dict(server=c.tenant, id=c.did(), name="Renamed DID"),
    "pbxware.did.delete": lambda c: dict(server="1", id=c.did()),
    # IVRs
    "pbxware.ivr.list": lambda c: (_ivr(c), {"server": c.tenant})[1],
    "pbxware.ivr.add": lambda c: (c.ext(), dict(IVR_ADD, server=c.tenant, ext="701"))[1],
    "pbxware.ivr.edit": lambda c: {"server": c.tenant, "id": _ivr(c), "name": "RenamedIVR"},
    "pbxware.ivr.delete": lambda c: {"server": c.tenant, "id": _ivr(c)},
    # read-only actions of objects not simulated yet (used as soon as they are)
    "pbxware.dashboard.ext_online": lambda c: {"server": c.tenant},
    "pbxware.dashboard.sip_registrations": lambda c: {"server": c.tenant},
    "pbxware.dashboard.calls": lambda c: {"server": c.tenant},
    "pbxware.dashboard.glocom_editions": lambda c: {"server": c.tenant},
    "pbxware.dashboard.glocom_users": lambda c: {"server": c.tenant},
    "pbxware.dashboard.licensing": lambda c: {"server": c.tenant},
    "pbxware.dashboard.services": lambda c: {},
    "pbxware.dashboard.disk_usage": lambda c: {},
    "pbxware.dashboard.cpu": lambda c: {},
    "pbxware.dashboard.memory": lambda c: {},
    "pbxware.license.info": lambda c: {},
    "pbxware.license.last_refreshed": lambda c: {},
    "pbxware.license.refresh": lambda c: {},
    # six extensions: the default seed puts some of them on live calls
    "pbxware.monitor.list": lambda c: ([c.ext(str(n)) for n in range(101, 107)], {"server": c.tenant})[1],
    "pbxware.monitor.live_calls": lambda c: ([c.ext(str(n)) for n in range(101, 107)], {"server": c.tenant})[1],
    "pbxware.monitor.trunks": lambda c: {},
    "pbxware.destination.groups": lambda c: {},
    "pbxware.destination.list": lambda c: {"route": "135"},
    "pbxware.ari.list": lambda c: {},
    "pbxware.ari.tenant_permissions.list": lambda c: {},
}

# Enhanced services: the same recipe for every service.
_ES_EDIT = {
    "callerid": dict(callerid="Mr. Smith"),
    "callfilters": dict(callers="anonymous,300", dtypes="voicemail,busy", destinations="123,"),
    "callscreening": dict(destinations="100,101", delays="16,22", suspends="0,1", recordlen="11"),
    "dnd": dict(dnd="1", dst="123", dsttype="voicemail", duration="1"),
    "callfwd": dict(enabled="busy", busy_dests="106", busy_timeouts="10"),
    "followme": dict(destinations="106,107", timeouts="10,10"),
    "instrecord": dict(silent="0", emailrec="0"),
    "remoteaccess": dict(callerids="21345678", pins="1", requirepin="1"),
    "phonecallback": dict(callerids="12015618445", numbers="447441907999"),
    "grouphunt": dict(destinations="100,101", delays="1,2", suspends="1,0"),
    "mobilenumbers": dict(mobiles="12015618445", labels="Number one"),
    "sppage": dict(extensions="106,107"),
    "blflist": dict(exts="122,123", labels="Test,Test 1", blfs="1,0"),
    "speeddial": dict(codes="11,22", names="test1,test2", destinations="106,107"),
}
for _svc in ES_SERVICES:
    _base = "pbxware.ext.es.%s." % _svc
    RECIPES.setdefault(_base + "get", lambda c: dict(server=c.tenant, id=c.ext()))
    RECIPES.setdefault(_base + "get_osc", lambda c: dict(server=c.tenant, id=c.ext()))
    RECIPES.setdefault(_base + "set", lambda c: dict(server=c.tenant, id=c.ext(), state="yes"))
    RECIPES.setdefault(_base + "set_osc", lambda c: dict(server=c.tenant, id=c.ext(), state="yes"))
    RECIPES.setdefault(_base + "configuration", lambda c: dict(server=c.tenant, id=c.ext()))
    if _svc in _ES_EDIT:
        # Configure the service first, so the configuration's lists and maps hold data to compare.
        RECIPES[_base + "configuration"] = lambda c, _s=_svc, _a=_ES_EDIT[_svc]: (
            c.ok("pbxware.ext.es.%s.edit" % _s, server=c.tenant, id=c.ext(), **_a),
            dict(server=c.tenant, id=c.ext()))[1]
        RECIPES.setdefault(_base + "edit", lambda c, _a=_ES_EDIT[_svc]: dict(_a, server=c.tenant, id=c.ext()))


# DID groups, CLI routing of DIDs, operation times.
def _didgroup(c):
    return c.once("didgroup", lambda: str(c.ok(
        "pbxware.didgroup.add", server="1", group_name="Shape Group", tenantid=c.tenant, min_did="12125550200",
        max_did="12125550299")["id"]))


def _did_clirouting(c):
    return c.once("did_clirouting", lambda: str(c.ok(
        "pbxware.did.clirouting.add", id=c.did(), server=c.tenant, callerid="333222111", dest_type="0",
        destination="101", matchexplicitly="1")["id"]))


OT_SET = {"status": "on", "greeting": "greeting-Mar-27-2013-15-15-44", "default_dest_ext": "101",
          "default_dest_is_vm": "yes", "closed_dates_desc[]": "Closed #1", "closed_dates_dest[]": "101",
          "closed_dates_date_from[]": "2022-05-05", "closed_dates_date_to[]": "2022-05-06",
          "closed_dates_time_from[]": "00:00", "closed_dates_time_to[]": "06:00",
          "custom_destinations_dest[]": "104", "custom_destinations_is_open[]": "yes",
          "custom_destinations_days[]": "1,2,3,4,5", "custom_destinations_time_from[]": "08:00",
          "custom_destinations_time_to[]": "17:00", "open_days_desc[]": "Open1", "open_days[]": "1,2,6",
          "open_days_time_from[]": "01:01", "open_days_time_to[]": "21:56"}


def _ot_target(c, kind):
    if kind == "did":
        return {"id": c.did(), "server": c.tenant}
    if kind == "servers":
        return {"id": c.tenant}
    if kind == "routes":
        return {"id": "869"}
    return {"id": "5", "server": c.tenant}  # objects not simulated yet: any positive ID


def _ot_list(c, kind):
    target = _ot_target(c, kind)
    c.ok("pbxware.otimes.%s.set" % kind, **dict(OT_SET, **target))
    return target


RECIPES.update({
    "pbxware.didgroup.list": lambda c: (_didgroup(c), {})[1],
    "pbxware.didgroup.add": lambda c: dict(server="1", group_name="Group 1", tenantid=c.tenant, min_did="1000",
                                           max_did="2000"),
    "pbxware.didgroup.edit": lambda c: dict(server="1", id=_didgroup(c), group_name="Renamed Group"),
    "pbxware.didgroup.delete": lambda c: dict(server="1", id=_didgroup(c)),
    "pbxware.did.clirouting.list": lambda c: (_did_clirouting(c), dict(id=c.did(), server=c.tenant))[1],
    "pbxware.did.clirouting.add": lambda c: dict(id=c.did(), server=c.tenant, callerid="12334455",
                                                 dest_type="0", destination="101", matchexplicitly="0"),
    "pbxware.did.clirouting.edit": lambda c: dict(id=c.did(), server=c.tenant, cliroutingid=_did_clirouting(c),
                                                  callerid="12334456"),
    "pbxware.did.clirouting.delete": lambda c: dict(id=c.did(), server=c.tenant,
                                                    cliroutingid=_did_clirouting(c)),
})


# SMS trunks, their tenants, service plans (seeded by the fixture) and their SMS rates.
SMS_TRUNK_ADD = dict(enabled="1", name="Shape SMS", provider="telnyx", national_prefix="49",
                     description="Shape trunk", api_key="ShapeKey", public_key="ShapePublic",
                     messaging_profile_id="ShapeProfile")


def _sms_trunk(c):
    return c.once("sms_trunk", lambda: str(c.ok("pbxware.sms.trunks.add", **SMS_TRUNK_ADD)["id"]))


def _tenant_sms_trunk(c):
    c.ok("pbxware.sms.trunks.tenants.set", tenant=c.tenant, id=_sms_trunk(c))


RECIPES.update({
    "pbxware.sms.trunks.list": lambda c: (_sms_trunk(c), {})[1],
    "pbxware.sms.trunks.configuration": lambda c: {"id": _sms_trunk(c)},
    "pbxware.sms.trunks.add": lambda c: dict(SMS_TRUNK_ADD),
    "pbxware.sms.trunks.edit": lambda c: dict(id=_sms_trunk(c), description="Edited"),
    "pbxware.sms.trunks.delete": lambda c: dict(id=_sms_trunk(c)),
    "pbxware.sms.trunks.tenants.list": lambda c: (_tenant_sms_trunk(c), {})[1],
    "pbxware.sms.trunks.tenants.get": lambda c: (_tenant_sms_trunk(c), {"tenant": c.tenant})[1],
    "pbxware.sms.trunks.tenants.set": lambda c: {"tenant": c.tenant, "id": _sms_trunk(c)},
    "pbxware.splan.list": lambda c: {},
    "pbxware.splan.rates": lambda c: {"id": "1"},
    "pbxware.splan.sms_rates.list": lambda c: (_sms_trunk(c), {"id": "1"})[1],
    "pbxware.splan.sms_rates.edit": lambda c: dict(id="1", trunk_id=_sms_trunk(c), national_sms="0.1"),
    # a tenant with an SMS trunk has generated SMS history (sms_messages.py)
    "pbxware.sms.send_message": lambda c: dict(server=c.tenant, to_number="+12125550100", body="aGk="),
    "pbxware.sms.reports.list": lambda c: (_tenant_sms_trunk(c), dict(start_date="Oct-01-2026",
                                                                     end_date="Oct-31-2026"))[1],
    "pbxware.sms.reports.bulk_list": lambda c: (_tenant_sms_trunk(c), dict(start_date="Jun-01-2026",
                                                                          end_date="Oct-31-2026"))[1],
})
# six extensions: the default seed puts some of them on live calls (recording acts on those)
for _recording in ("start", "stop", "pause", "unpause"):
    RECIPES["pbxware.recording." + _recording] = lambda c: (
        [c.ext(str(n)) for n in range(101, 107)], {"server": c.tenant, "ext": "101"})[1]
for _ot_kind in ("did", "ivr", "dial_group", "servers", "routes", "queues", "erg"):
    RECIPES["pbxware.otimes.%s.list" % _ot_kind] = lambda c, _k=_ot_kind: _ot_list(c, _k)
    RECIPES["pbxware.otimes.%s.set" % _ot_kind] = lambda c, _k=_ot_kind: dict(OT_SET, **_ot_target(c, _k))


# Ring groups, enhanced ring groups, paging groups.
def _ring_group(c):
    return c.once("ring_group", lambda: str(c.ok(
        "pbxware.ring_group.add", server=c.tenant, name="Shape RG", ext="210", extensions="101,102",
        last_dest="101", last_dest_vm="no")["id"]))


def _erg(c):
    def make():
        erg_id = str(c.ok("pbxware.erg.add", server=c.tenant, name="ShapeERG", ext="220", max_wait_callers="5",
                          rings_answer="0")["id"])
        c.ok("pbxware.erg.members", server=c.tenant, id=erg_id, numbers="101,102", penalties="0,5")
        return erg_id
    return c.once("erg", make)


def _paging_group(c):
    return c.once("paging_group", lambda: str(c.ok(
        "pbxware.paging_group.add", server=c.tenant, name="Shape Paging", number="230", destinations="101,102",
        quiet="1")["id"]))


RECIPES.update({
    "pbxware.ring_group.list": lambda c: (_ring_group(c), {"server": c.tenant})[1],
    "pbxware.ring_group.add": lambda c: dict(server=c.tenant, name="Added RG", ext="211", extensions="101"),
    "pbxware.ring_group.edit": lambda c: dict(server=c.tenant, id=_ring_group(c), name="Renamed RG"),
    "pbxware.ring_group.configuration": lambda c: dict(server=c.tenant, id=_ring_group(c)),
    "pbxware.ring_group.delete": lambda c: dict(server=c.tenant, id=_ring_group(c)),
    "pbxware.erg.list": lambda c: (_erg(c), {"server": c.tenant})[1],
    "pbxware.erg.add": lambda c: dict(server=c.tenant, name="AddedERG", ext="221", max_wait_callers="5",
                                      rings_answer="0"),
    "pbxware.erg.edit": lambda c: dict(server=c.tenant, id=_erg(c), name="RenamedERG"),
    "pbxware.erg.members": lambda c: dict(server=c.tenant, id=_erg(c), numbers="103", penalties="1"),
    "pbxware.erg.delete": lambda c: dict(server=c.tenant, id=_erg(c)),
    "pbxware.paging_group.list": lambda c: (_paging_group(c), {"server": c.tenant})[1],
    "pbxware.paging_group.add": lambda c: dict(server=c.tenant, name="Added Paging", number="231"),
    "pbxware.paging_group.edit": lambda c: dict(server=c.tenant, id=_paging_group(c), quiet="0"),
    "pbxware.paging_group.delete": lambda c: dict(server=c.tenant, id=_paging_group(c)),
})


# CDRs, transcriptions, archiving: generated from the extensions that exist (a week of calls).
CDR_WEEK = dict(start="Oct-27-2026", end="Nov-02-2026")


def _cdr_uniqueid(c, recorded=False):
    c.ext()
    rows = c.ok("pbxware.cdr.download", limit="1000", **CDR_WEEK)["csv"]
    return next(row[7] for row in rows if not recorded or row[9] == "True")


RECIPES.update({
    "pbxware.cdr.download": lambda c: (c.ext(), dict(CDR_WEEK, limit="2"))[1],
    "pbxware.cdr.billamount": lambda c: (c.ext(), dict(CDR_WEEK))[1],
    "pbxware.cdr.mos": lambda c: {"uniqueid": _cdr_uniqueid(c)},
    "pbxware.transcription.get": lambda c: {"uniqueid": _cdr_uniqueid(c, recorded=True), "server": c.tenant},
    "pbxware.archiving.list": lambda c: dict(start_date="Oct-01-2026", end_date="Oct-02-2026"),
})


def run_recipe(action):
    recipe = RECIPES[action]
    tenant_mode = True
    if isinstance(recipe, tuple):
        tenant_mode = recipe[0] != "single"
        recipe = recipe[1]
    ctx = Ctx(tenant_mode=tenant_mode)
    args = recipe(ctx)
    return ctx.call(action, args), args


# ---------------------------------------------------------------------------
# Tests
# ---------------------------------------------------------------------------

def test_every_implemented_action_is_covered():
    """Nothing is skipped silently: each action has an example or a NO_EXAMPLE reason, and a recipe."""
    no_shape = [a for a in IMPLEMENTED if not primary_examples(a) and a not in NO_EXAMPLE]
    no_recipe = [a for a in IMPLEMENTED if a not in RECIPES]
    assert not no_shape, "implemented actions with neither a reference example nor a NO_EXAMPLE entry: %s" % no_shape
    assert not no_recipe, "implemented actions without a call recipe in RECIPES: %s" % no_recipe


def test_declarations_stay_honest():
    """NO_EXAMPLE only lists actions that really have no example; declarations name real actions."""
    wrongly_listed = sorted(a for a in NO_EXAMPLE if primary_examples(a))
    assert not wrongly_listed, "NO_EXAMPLE lists actions that have an example: %s" % wrongly_listed
    documented = set(EXAMPLES) | set(EXAMPLES_DOC["actions_without_example"])
    unknown = sorted(a for a in list(NO_EXAMPLE) + list(ALLOWED_KEYS) + list(KNOWN_DEVIATIONS)
                     + [a for a, _ in NAME_KEYED] if a not in documented)
    assert not unknown, "declarations for undocumented actions: %s" % unknown
    stale = sorted(a for a in KNOWN_DEVIATIONS if a not in ACTIONS)
    assert not stale, "KNOWN_DEVIATIONS for actions that are not implemented: %s" % stale


@pytest.mark.skipif(not os.path.exists(REFERENCE), reason="the reference text is not available here")
def test_reference_examples_file_is_up_to_date():
    import subprocess
    import sys
    script = os.path.join(HERE, "..", "conformance", "extract_examples.py")
    proc = subprocess.run([sys.executable, script, "--check"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr + proc.stdout


@pytest.mark.parametrize("action", IMPLEMENTED)
def test_response_has_reference_shape(action):
    if action not in RECIPES:
        pytest.fail("no recipe for %s (see test_every_implemented_action_is_covered)" % action)
    response, args = run_recipe(action)
    assert not (isinstance(response, dict) and "error" in response), \
        "%s %r answered %r" % (action, args, response)
    if action in NO_EXAMPLE:
        assert isinstance(response, (dict, list)), "%s answered %r" % (action, response)
        return
    examples = primary_examples(action)
    attempts = []
    for example in examples:
        expected = shape_of(example["body"], action)
        problems = compare(expected, response, action)
        attempts.append((problems, example["line"]))
        if not problems:
            break
    problems, line = min(attempts, key=lambda a: len(a[0]))
    declared = KNOWN_DEVIATIONS.get(action)
    if declared is not None:
        assert problems == declared[0], (
            "%s: the declared deviation (%s) no longer matches; found %s" % (action, declared[1], problems))
        return
    assert not problems, "%s differs from the reference example (line %d):\n  %s\nresponse: %s" % (
        action, line, "\n  ".join(problems), json.dumps(response)[:1500])


def test_every_example_has_its_own_shape():
    """The comparator accepts each documented example as an answer to its own action."""
    problems = {}
    for action, examples in EXAMPLES.items():
        for example in examples:
            found = compare(shape_of(example["body"], action), example["body"], action)
            if found:
                problems["%s (line %d)" % (action, example["line"])] = found
    assert not problems, problems


def test_comparator_catches_differences():
    action = "pbxware.ext.list"
    example = primary_examples(action)[0]["body"]
    expected = shape_of(example, action)
    record = dict(next(iter(example.values())))
    assert compare(expected, {"5": record}, action) == []
    assert compare(expected, {"5": dict(record, extra="x")}, action) == ["$.*: unexpected keys ['extra']"]
    without = {k: v for k, v in record.items() if k != "ext"}
    assert compare(expected, {"5": without}, action) == ["$.*: missing keys ['ext']"]
    assert compare(expected, {"5": dict(record, ext=530)}, action) == ["$.*.ext: number, expected string"]
    assert compare(expected, [record], action) == ["$: list, expected an object keyed by ID"]
    assert compare(expected, {"five": record}, action) == ["$: keys ['five'] are not IDs"]
    assert compare(expected, [], action)[0].startswith("$: empty collection")
    # Tolerated by the README only where it says so.
    assert compare(("obj", {"id": ("scalar", frozenset(["number"]))}, frozenset()), {"id": "7"},
                   "pbxware.did.edit") == []
    assert compare(("obj", {"id": ("scalar", frozenset(["number"]))}, frozenset()), {"id": "7"},
                   "pbxware.did.delete") == ["$.id: string, expected number"]
