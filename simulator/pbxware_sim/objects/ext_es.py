"""Extension enhanced services: ``pbxware.ext.es.<service>.<method>`` and ``pbxware.ext.es.states.*``.

Every one of the 25 services has ``set``/``get`` (state ``yes``, ``no`` or
``pin``) and ``set_osc``/``get_osc`` (``yes`` or ``no``). Fourteen services
also have ``configuration``/``edit`` (callerid, callfilters, callscreening,
dnd, callfwd, followme, instrecord, remoteaccess, phonecallback, grouphunt,
mobilenumbers, sppage, blflist, speeddial); ``extoperationtimes`` has only
``configuration``. Every call takes ``server`` and ``id`` (both required; the
extension must live in ``server``, which in tenant mode must be a tenant, as
for ``ext.configuration``).

State lives in the extension record (``state.collection("extensions")[id]``)
under ``es``: ``{service: {"state", "osc", "config"}}``, filled lazily (a
missing entry reads as the defaults below), so it goes away with
``ext.delete`` and survives ``ext.edit``. ``config`` is the read shape of the
service's ``configuration`` (plus write-only values under ``_``-prefixed keys).

Choices where the reference is silent or ambiguous:

- Default states of a new extension are the values of the reference's
  ``states.get`` example, default OSC states those of its ``states.get_osc``
  example (the only real values the reference shows). Default configurations
  are empty: empty lists, ``""`` strings, ``"0"`` flags (``callfilters`` starts
  with its mandatory ``anonymous`` row, ``do_nothing``; ``dnd`` destination type
  ``voicemail``; ``remoteaccess`` ``require_pin`` ``"1"``; ``blflist``
  ``blf_start`` 1).
- ``set`` answers ``{"success": "<extension ID>: <code>.", "state"}`` with
  code no=0, pin=1, yes=2 (the example shows ``"11: 2."`` for yes);
  ``set_osc`` the same with no=0, yes=1 (example ``"11: 0."`` for no).
  ``set_osc`` accepts ``1``/``0`` for yes/no (Postman regex
  ``^(yes|no|1|0)$``) and answers with ``yes``/``no``; ``set`` accepts only
  ``yes|no|pin`` (the reference), for every service; the postman dialect refuses
  ``pin`` for the services Postman documents as yes/no (``POSTMAN_NO_PIN``).
- ``edit`` answers ``{"success": "<service title>.", "<service>": "OK"}`` (the
  vendor's Postman test expects exactly ``"Call Filters & Blocking."`` and
  ``"callfilters": "OK"``; the others only a ``success`` string and a string
  named after the service). Caller ID's success reads
  ``"Caller ID: <callerid>."`` (its Postman test expects ``"Caller ID: "``).
- ``edit`` is a partial update: an omitted argument leaves its value as it
  is (with ``edit_semantics`` "whole" it goes back to its default instead;
  remoteaccess keeps its ``pid``). A list argument replaces the whole list; an empty value (where the
  pattern allows it) empties it. Items are split on ``,`` (callerid's lists:
  on ``:``, as documented / as the Postman regexes show); ``""`` is the empty
  list.
- Parallel lists must match in size, reported as
  ``Fields a, b and c must match in size`` (the README's server message
  style). The reference states the rule for callerid, callfilters, callfwd,
  followme and speeddial; it is applied to every parallel list (callscreening
  destinations/delays/suspends, remoteaccess callerids/pins, phonecallback,
  grouphunt, mobilenumbers, blflist exts/labels/blfs). When only some lists of
  a group are sent, the sent ones must match the first of the group;
  blflist ``labels``/``blfs``, callerid ``tprivacies`` and ``acodes`` default
  per item (``""``/1, ``4`` = none, ``""``). callfwd ``*_timeouts`` must match
  their ``*_dests`` even when left out (reference: "must mach in size or error
  will be returned"; an empty ``*_timeouts`` next to one destination is one
  empty timeout, as PHP's explode reads it); the postman dialect pads a missing
  or shorter one with ``""`` (the vendor's request sends 3 destinations, 1 timeout).
- callerid: "trunks and tcallerids and anums and alabels must match in size"
  is read as two groups: ``trunks``/``tcallerids`` (+ ``tprivacies``) and
  ``anums``/``alabels`` (+ ``acodes``). The non-tenant-mode arguments
  (``trunks``, ``tcallerids``, ``tprivacies``, ``emergencycid``, ``anums``,
  ``alabels``, ``acodes``) are refused with a non-empty value in tenant mode,
  where ``configuration`` shows only ``callerid``. Trunk names must name
  existing trunks. ``acodes`` are stored but not shown (the example shows no
  codes).
- Required arguments without a vendor regex (callerid ``callerid``,
  callfilters' lists, phonecallback's lists) count as missing when empty.
  Required arguments with a vendor regex are checked against it even when
  empty (the dispatcher's rule), so e.g. ``speeddial`` lists cannot be sent
  empty.
- callfilters: ``telemarketer`` (``0|1``) is accepted although only the Postman
  collection documents it for ``edit`` (the reference's configuration shows
  it). The first caller must be ``anonymous``; trailing rows whose caller,
  type and destination are all empty are dropped (the Postman request sends
  ``callers=anonymous,``). Other callers are numbers (``^\\+?\\d+$``);
  destinations numbers or empty.
- callscreening: ``dtypes`` is read back as ``dtype``; ``suspends`` reads back
  as an object of the 0-based positions whose suspend is 1, each ``"on"`` (as
  the example: 3 destinations, ``{"0": "on", "2": "on"}``).
  ``greetingwithname`` is stored as ``"1"``/``"0"``; the reference dialect
  accepts and reads 1|0 (the example reads ``"1"``), the postman dialect
  yes|no (Postman's regex ``^(yes|no)$``).
- remoteaccess: ``pid`` is an ID given on the first edit (a counter across
  extensions), ``""`` before; ``requirepin``/``dopts`` read back as
  ``require_pin``/``dial_opts``.
- sppage ``quiet`` and blflist have no read-back beyond the reference's
  example keys: ``quiet`` is stored but not shown, blflist has no
  ``functions`` (neither documented in the reference). blflist numbers
  (``blfs``, ``blf_start``, ``blf_cleanup``, ``cart_only``) read as numbers, as
  in the example. The reference dialect takes one BLF or more
  (``^[0-1](,[0-1])*$``); the postman dialect applies Postman's regex
  (``^[0-1](,[0-1])+$``, two or more), accepts ``functions`` (shown as a
  ``functions`` array) and pads a ``labels`` list shorter than ``exts``.
- instrecord: the reference documents the service twice; the first section
  (``silent`` and ``emailrec``, both required) is followed.
- extoperationtimes: no example; the shape is the one the vendor's Postman
  test asserts (``timeout``, ``dial_opts``, ``sequential``, ``last_dest``
  strings; ``destinations``, ``ot_time_from``, ``ot_time_to``,
  ``ot_days_array`` lists), always empty (no ``edit`` exists).
- Empty objects (callscreening ``suspends``, callerid ``allowed_callerids``)
  go over HTTP as ``[]``, like every empty PHP array.
- Read shapes that differ in the postman dialect (``DIALECTS.md``): callfwd
  (``enabled``/``destinations``/``timeouts`` strings, ``play``/``cid``
  numbers), sppage (``quiet`` a number), blflist (``functions``),
  callscreening (``greetingwithname`` yes/no).
- ``states.set``: ``all`` (yes|no) is applied first, then the named
  services (yes|no|pin); nothing given is a successful no-op.
  ``states.set_osc`` likewise with yes|no only. ``states.get``/``get_osc``
  require ``services`` (``all`` or a comma-separated list of service names)
  and answer in the order of the reference's ``states.get`` example.
"""
import copy
import json

from pbxware_sim.objects import ext as ext_mod
from pbxware_sim.registry import ApiError, action, check_pattern

# The reference's list of services, in its order, with their titles.
SERVICES = (
    ("callerid", "Caller ID"), ("callfilters", "Call Filters & Blocking"),
    ("callscreening", "Call Screening"), ("dnd", "Do Not Disturb"), ("callpickup", "Call Pickup"),
    ("lastcaller", "Last Caller"), ("callfwd", "Call Forwarding"), ("followme", "Follow Me"),
    ("instrecord", "Instant Recording"), ("remoteaccess", "Remote Access"),
    ("phonecallback", "Phone Callback"), ("grouphunt", "Group Hunt"), ("mobilenumbers", "Mobile Numbers"),
    ("sppage", "Speakerphone Page"), ("blflist", "BLF List"), ("speeddial", "Speed Dial"),
    ("delrecordings", "Delete Recordings"), ("listenrecordings", "Listen to Recordings"),
    ("operationtimes", "System Operation Times"), ("extoperationtimes", "Extension Operation Times"),
    ("callmonitoring", "Call Monitoring"), ("wakeupcall", "Wake-up Call"),
    ("opwakeupcall", "Operator Wake-up Call"), ("sppagegroups", "Speakerphone Page Groups"),
    ("smsnotifications", "SMS Notifications"),
)
NAMES = tuple(name for name, _ in SERVICES)
TITLES = dict(SERVICES)

# The reference's states.get / states.get_osc examples: their order and the defaults.
DEFAULT_STATES = {
    "callerid": "yes", "callpickup": "pin", "lastcaller": "pin", "extoperationtimes": "no",
    "callfilters": "no", "dnd": "no", "callscreening": "no", "callfwd": "pin", "grouphunt": "yes",
    "mobilenumbers": "no", "sppage": "pin", "sppagegroups": "pin", "blflist": "no", "speeddial": "no",
    "instrecord": "yes", "delrecordings": "no", "listenrecordings": "no", "remoteaccess": "no",
    "callmonitoring": "no", "phonecallback": "pin", "operationtimes": "pin", "wakeupcall": "no",
    "opwakeupcall": "no", "smsnotifications": "no", "followme": "no",
}
DEFAULT_OSC = {
    "callerid": "yes", "callpickup": "no", "lastcaller": "yes", "extoperationtimes": "no",
    "callfilters": "no", "dnd": "no", "callscreening": "no", "callfwd": "yes", "grouphunt": "yes",
    "mobilenumbers": "no", "sppage": "no", "sppagegroups": "yes", "blflist": "no", "speeddial": "no",
    "instrecord": "yes", "delrecordings": "no", "listenrecordings": "no", "remoteaccess": "no",
    "callmonitoring": "no", "phonecallback": "no", "operationtimes": "yes", "wakeupcall": "no",
    "opwakeupcall": "no", "smsnotifications": "no", "followme": "no",
}
STATES_ORDER = tuple(DEFAULT_STATES)

STATE_RE = r"^(yes|no|pin)$"
YES_NO_ONLY_RE = r"^(yes|no)$"
# Postman dialect: services whose "<service> set" request documents the state as
# "yes or no" AND whose test accepts only yes/no read back; ``pin`` is refused for
# them. (Where the description and the test disagree the wider reading is kept.)
POSTMAN_NO_PIN = ("callerid", "callfilters", "callscreening", "dnd", "followme", "instrecord", "remoteaccess",
                  "grouphunt", "mobilenumbers", "blflist", "speeddial", "smsnotifications")
OSC_RE = r"^(yes|no|1|0)$"
YES_NO_RE = r"^(yes|no)$"
STATE_CODES = {"no": 0, "pin": 1, "yes": 2}
OSC_CODES = {"no": 0, "yes": 1}
SERVICES_RE = r"^(all|(%s)(,(%s))*)$" % ("|".join(NAMES), "|".join(NAMES))
ID_RE = r"^\d+$"

# Patterns (Postman regexes, backslashes unescaped, where the collection has one; else ours).
NUM_LIST = r"^(,|\d+)+$"
LABEL_LIST = r"^(,|([\+\w\s]+(\s*<[\+\d]+>)?))+$"
BIT = r"^(0|1)$"
DIGITS = r"^\d+$"
DOPTS = r"^[tTr]+$"

CF_CONDITIONS = (("unconditional", "uncond"), ("busy", "busy"), ("no answer", "noansw"),
                 ("line unavailable", "unavail"))
CF_ENABLED_RE = r"^((%s)(,(%s))*)?$" % (("|".join(c for c, _ in CF_CONDITIONS),) * 2)
ANON_DTYPES = ("do_nothing", "call forward", "privacy manager", "always busy", "voicemail", "not in service",
               "ring tone")
CALLER_DTYPES = ("call forward number", "no answer", "busy", "voicemail", "not in service", "ring tone")
PRIVACIES = ("anonymous", "anonymous_id", "anonymous_number", "anonymous_number_id", "none")
NON_TENANT_CALLERID = ("trunks", "tcallerids", "tprivacies", "emergencycid", "anums", "alabels", "acodes")


def _defaults():
    return {
        "callerid": {"callerid": "", "emergency_callerid": "", "_trunks": [], "_allowed": []},
        "callfilters": {"telemarketer": "0", "callers": ["anonymous"], "dtypes": ["do_nothing"],
                        "destinations": [""]},
        "callscreening": {"timeout": "", "dopts": "", "dtype": "", "replacecid": "", "preamble": "",
                          "greeting": "", "pausebeforerec": "", "recordlen": "", "greetingwithname": "0",
                          "lastd": "", "voicemail": "0", "destinations": [], "delays": [], "suspends": {}},
        "dnd": {"dnd": "0", "dst": "", "dsttype": "voicemail", "duration": ""},
        "callfwd": {"play": "0", "cid": "0", "enabled": [],
                    "destinations": {c: [] for c, _ in CF_CONDITIONS},
                    "timeouts": {c: [] for c, _ in CF_CONDITIONS}},
        "followme": {"destinations": [], "timeouts": [], "dopts": "", "lastd": "", "voicemail": "0",
                     "confirm_calls": "0"},
        "instrecord": {"silent": "0", "emailrec": "0"},
        "remoteaccess": {"callerids": [], "pins": [], "pid": "", "require_pin": "1", "timeout": "",
                         "dial_opts": ""},
        "phonecallback": {"callerids": [], "numbers": []},
        "grouphunt": {"destinations": [], "delays": [], "suspends": [], "dopts": "", "lastd": "", "timeout": "",
                      "voicemail": "0", "confirmcalls": "0"},
        "mobilenumbers": {"mobiles": [], "labels": []},
        "sppage": {"extensions": [], "_quiet": "0"},
        "blflist": {"exts": [], "labels": [], "blfs": [], "blf_start": 1, "blf_cleanup": 0, "cart_only": 0,
                    "functions": []},
        "speeddial": {"codes": [], "names": [], "destinations": []},
        "extoperationtimes": {"timeout": "", "dial_opts": "", "sequential": "", "last_dest": "",
                              "destinations": [], "ot_time_from": [], "ot_time_to": [], "ot_days_array": []},
    }


DEFAULT_CONFIGS = _defaults()


# --- helpers -----------------------------------------------------------------

def _target(req):
    """The extension record named by ``server`` and ``id``."""
    server = ext_mod.check_server(req)
    ext_id = req.get("id", "")
    rec = ext_mod.exts(req.state).get(ext_id)
    if rec is None or str(rec["server"]) != server:
        raise ApiError("Extension ID %s does not exist." % ext_id)
    return ext_id, rec


def _entry(rec, service, create=False):
    """The stored entry of ``service`` (defaults when never written; stored when ``create``)."""
    stored = (rec.get("es") or {}).get(service)
    if stored is None:
        stored = {"state": DEFAULT_STATES[service], "osc": DEFAULT_OSC[service]}
        if service in DEFAULT_CONFIGS:
            stored["config"] = copy.deepcopy(DEFAULT_CONFIGS[service])
        if create:
            rec.setdefault("es", {})[service] = stored
    return stored


def _split(value, sep=","):
    return [] if value == "" else value.split(sep)


def _sizes(names, lists):
    if len({len(items) for items in lists}) > 1:
        raise ApiError("Fields %s and %s must match in size" % (", ".join(names[:-1]), names[-1]))


def _group(req, names, defaults=None, sep=","):
    """Parallel lists ``names`` (the first is the key list) or None when none is sent.

    Omitted members take ``defaults[name]`` per item when there is one, else are empty.
    """
    defaults = defaults or {}
    if not any(name in req.args for name in names):
        return None
    key = _split(req.get(names[0], ""), sep)
    lists, sent = {}, []
    for name in names:
        if name in req.args:
            lists[name] = _split(req.get(name), sep)
            sent.append(name)
        elif name in defaults:
            lists[name] = [defaults[name]] * len(key)
        else:
            lists[name] = []
            sent.append(name)
    _sizes(sent, [lists[name] for name in sent])
    return lists


def _one_empty(req, key, other):
    """``other=`` (empty) next to a single ``key`` item is one empty item, as PHP's explode
    reads it (a single forwarding destination without a timeout); otherwise None."""
    if req.get(other) == "" and len(_split(req.get(key, ""))) == 1:
        return {key: _split(req.get(key)), other: [""]}
    return None


def _padded(req, key, other, filler):
    """Postman dialect: ``other`` may be shorter than (or missing next to) ``key``; it is
    padded with ``filler`` (the vendor's requests send 3 destinations with 1 timeout,
    3 BLF extensions with 2 labels). A longer ``other`` is refused. None when neither is sent."""
    if key not in req.args and other not in req.args:
        return None
    keys, others = _split(req.get(key, "")), _split(req.get(other, ""))
    if len(others) > len(keys):
        _sizes([key, other], [keys, others])
    return {key: keys, other: others + [filler] * (len(keys) - len(others))}


def _nonempty(req, *names):
    for name in names:
        if req.get(name, "") == "":
            raise ApiError("Required field '%s' is missing" % name)


def _check_items(name, items, pattern):
    for item in items:
        check_pattern(name, item, pattern, False)


def _copy_plain(req, config, mapping):
    """``arg -> config key`` for plain values: copy those sent."""
    for arg, key in mapping.items():
        if arg in req.args:
            config[key] = req.get(arg)


def _edited(service):
    return {"success": "%s." % TITLES[service], service: "OK"}


# --- set / get / set_osc / get_osc ---------------------------------------------------

ID_ARGS = ("server", "id")
ID_PATTERNS = {"id": ID_RE}


def _register_states(service):
    base = "pbxware.ext.es.%s." % service

    @action(base + "set", args=ID_ARGS + ("state",), required=ID_ARGS + ("state",), write=True,
            patterns=dict(ID_PATTERNS, state=STATE_RE),
            dialect_patterns={"postman": {"state": YES_NO_ONLY_RE}} if service in POSTMAN_NO_PIN else None)
    def es_set(req):
        ext_id, rec = _target(req)
        value = req.get("state")
        _entry(rec, service, create=True)["state"] = value
        return {"success": "%s: %d." % (ext_id, STATE_CODES[value]), "state": value}

    @action(base + "get", args=ID_ARGS, required=ID_ARGS, patterns=ID_PATTERNS)
    def es_get(req):
        _, rec = _target(req)
        return {"state": _entry(rec, service)["state"]}

    @action(base + "set_osc", args=ID_ARGS + ("state",), required=ID_ARGS + ("state",), write=True,
            patterns=dict(ID_PATTERNS, state=OSC_RE))
    def es_set_osc(req):
        ext_id, rec = _target(req)
        value = {"1": "yes", "0": "no"}.get(req.get("state"), req.get("state"))
        _entry(rec, service, create=True)["osc"] = value
        return {"success": "%s: %d." % (ext_id, OSC_CODES[value]), "state": value}

    @action(base + "get_osc", args=ID_ARGS, required=ID_ARGS, patterns=ID_PATTERNS)
    def es_get_osc(req):
        _, rec = _target(req)
        return {"state": _entry(rec, service)["osc"]}


for _name in NAMES:
    _register_states(_name)


# --- configuration ---------------------------------------------------------------

def _render_callerid(req, config):
    if req.tenant_mode:
        return {"callerid": config["callerid"]}
    out = {"callerid": config["callerid"], "emergency_callerid": config["emergency_callerid"]}
    for trunk in config["_trunks"]:
        out["callerid:%s" % trunk["name"]] = trunk["callerid"]
        out["callerid:%s:privacy" % trunk["name"]] = PRIVACIES[int(trunk["privacy"])]
    out["allowed_callerids"] = {str(n): {"callerid": a["callerid"], "label": a["label"]}
                                for n, a in enumerate(config["_allowed"], 1)}
    return out


def _render_plain(req, config):
    return {key: copy.deepcopy(value) for key, value in config.items() if not key.startswith("_")}


def _render_callscreening(req, config):
    out = _render_plain(req, config)
    if req.postman:  # stored as "1"/"0"; Postman's only spelling of the value is yes|no
        out["greetingwithname"] = {"1": "yes", "0": "no"}.get(out["greetingwithname"], out["greetingwithname"])
    return out


def _render_callfwd(req, config):
    out = _render_plain(req, config)
    if not req.postman:
        return out
    # Postman's test: enabled, destinations and timeouts strings, play and cid numbers
    # (it runs on an extension without call forwarding). Configured, the lists read as
    # the edit's comma-separated ``enabled`` and JSON text of the per-condition object.
    def text(per_condition):
        if not any(per_condition.values()):
            return ""
        return json.dumps(per_condition, separators=(",", ":"))
    return {"play": int(out["play"] or 0), "cid": int(out["cid"] or 0), "enabled": ",".join(out["enabled"]),
            "destinations": text(out["destinations"]), "timeouts": text(out["timeouts"])}


def _render_sppage(req, config):
    out = _render_plain(req, config)
    if req.postman:  # Postman's test reads quiet as a number; the reference example does not show it
        out["quiet"] = int(config["_quiet"] or 0)
    return out


def _render_blflist(req, config):
    out = _render_plain(req, config)
    functions = out.pop("functions", [])
    if req.postman:  # Postman's test requires a functions array; the reference example has none
        out["functions"] = functions
    return out


RENDER = {"callerid": _render_callerid, "callscreening": _render_callscreening, "callfwd": _render_callfwd,
          "sppage": _render_sppage, "blflist": _render_blflist}


def _register_configuration(service):
    @action("pbxware.ext.es.%s.configuration" % service, args=ID_ARGS, required=ID_ARGS, patterns=ID_PATTERNS)
    def es_configuration(req):
        _, rec = _target(req)
        return RENDER.get(service, _render_plain)(req, _entry(rec, service)["config"])


for _name in DEFAULT_CONFIGS:
    _register_configuration(_name)


# --- edit ------------------------------------------------------------------------

# Values an edit never resets with ``edit_semantics`` "whole": they are not arguments.
KEPT_ON_WHOLE_EDIT = {"remoteaccess": ("pid",)}


def _edit(service, args, required=(), patterns=None, dialect_args=None, dialect_patterns=None):
    """Register ``<service>.edit``; the handler gets ``(req, config)``.

    ``config`` is the stored configuration (``partial``) or, with ``edit_semantics``
    "whole", the defaults of a new extension (plus the values that are not arguments).
    """
    def register(apply):
        @action("pbxware.ext.es.%s.edit" % service, args=ID_ARGS + tuple(args), required=ID_ARGS + tuple(required),
                write=True, patterns=dict(ID_PATTERNS, **(patterns or {})), dialect_args=dialect_args,
                dialect_patterns=dialect_patterns)
        def es_edit(req):
            _, rec = _target(req)
            current = _entry(rec, service)["config"]
            if req.whole_edits:
                config = copy.deepcopy(DEFAULT_CONFIGS[service])
                for key in KEPT_ON_WHOLE_EDIT.get(service, ()):
                    config[key] = current[key]
            else:
                config = copy.deepcopy(current)
            response = apply(req, config)
            _entry(rec, service, create=True)["config"] = config
            return response or _edited(service)
        return apply
    return register


@_edit("callerid", ("callerid",) + NON_TENANT_CALLERID, required=("callerid",), patterns={
    "anums": r"^(:|(([\+]?[\d\s])+))+$", "alabels": LABEL_LIST.replace(",", ":"),
    "acodes": r"^(([\d]?(:([\d])?)+)|[\d])$", "trunks": r"^(:|[a-zA-Z0-9_.-]+)+$",
    "tcallerids": LABEL_LIST.replace(",", ":"), "tprivacies": r"^[0-4](:[0-4])*$"})
def _edit_callerid(req, config):
    _nonempty(req, "callerid")
    if req.tenant_mode:
        for name in NON_TENANT_CALLERID:
            if req.has(name):
                raise ApiError("Field '%s' is not available in tenant mode." % name)
    config["callerid"] = req.get("callerid")
    if "emergencycid" in req.args:
        config["emergency_callerid"] = req.get("emergencycid")
    trunks = _group(req, ("trunks", "tcallerids", "tprivacies"), {"tprivacies": "4"}, sep=":")
    if trunks is not None:
        known = {str(t.get("name")) for t in req.state.collection("trunks").values()}
        for name in trunks["trunks"]:
            if name not in known:
                raise ApiError("Trunk '%s' does not exist." % name)
        if len(set(trunks["trunks"])) != len(trunks["trunks"]):
            raise ApiError("Field 'trunks' contains duplicate trunks.")
        config["_trunks"] = [{"name": n, "callerid": c, "privacy": p}
                             for n, c, p in zip(trunks["trunks"], trunks["tcallerids"], trunks["tprivacies"])]
    allowed = _group(req, ("anums", "alabels", "acodes"), {"acodes": ""}, sep=":")
    if allowed is not None:
        config["_allowed"] = [{"callerid": n, "label": l, "code": c}
                              for n, l, c in zip(allowed["anums"], allowed["alabels"], allowed["acodes"])]
    return {"success": "Caller ID: %s." % config["callerid"], "callerid": "OK"}


@_edit("callfilters", ("callers", "dtypes", "destinations", "telemarketer"),
       required=("callers", "dtypes", "destinations"), patterns={"telemarketer": BIT})
def _edit_callfilters(req, config):
    _nonempty(req, "callers", "dtypes", "destinations")
    rows = _group(req, ("callers", "dtypes", "destinations"))
    records = [r for r in zip(rows["callers"], rows["dtypes"], rows["destinations"]) if any(r)]
    if not records or records[0][0] != "anonymous":
        raise ApiError("Field 'callers' must start with 'anonymous'.")
    for n, (caller, dtype, dest) in enumerate(records):
        if n == 0:
            if dtype not in ANON_DTYPES:
                raise ApiError("Field 'dtypes' contains invalid data '%s' (anonymous callers: %s)."
                               % (dtype, "|".join(ANON_DTYPES)))
        else:
            check_pattern("callers", caller, r"^\+?\d+$", True)
            if dtype not in CALLER_DTYPES:
                raise ApiError("Field 'dtypes' contains invalid data '%s' (callers: %s)."
                               % (dtype, "|".join(CALLER_DTYPES)))
        check_pattern("destinations", dest, r"^\d*$", True)
    config["callers"] = [r[0] for r in records]
    config["dtypes"] = [r[1] for r in records]
    config["destinations"] = [r[2] for r in records]
    _copy_plain(req, config, {"telemarketer": "telemarketer"})


@_edit("callscreening", ("destinations", "delays", "suspends", "recordlen", "timeout", "dopts", "dtypes",
                         "replacecid", "preamble", "greeting", "pausebeforerec", "greetingwithname", "lastd",
                         "voicemail"),
       required=("destinations", "delays", "suspends", "recordlen"),
       patterns={"destinations": NUM_LIST, "delays": NUM_LIST, "suspends": r"^(,|0|1)+$", "recordlen": DIGITS,
                 "timeout": DIGITS, "dopts": DOPTS, "dtypes": BIT, "replacecid": DIGITS, "preamble": DIGITS,
                 "greeting": r"^.+$", "pausebeforerec": r"^([0-9]|10)$",
                 "greetingwithname": BIT, "lastd": DIGITS, "voicemail": BIT},
       dialect_patterns={"postman": {"greetingwithname": YES_NO_RE}})
def _edit_callscreening(req, config):
    rows = _group(req, ("destinations", "delays", "suspends"))
    _check_items("suspends", rows["suspends"], r"^(0|1)?$")
    config["destinations"] = rows["destinations"]
    config["delays"] = rows["delays"]
    config["suspends"] = {str(n): "on" for n, s in enumerate(rows["suspends"]) if s == "1"}
    _copy_plain(req, config, {"recordlen": "recordlen", "timeout": "timeout", "dopts": "dopts", "dtypes": "dtype",
                              "replacecid": "replacecid", "preamble": "preamble", "greeting": "greeting",
                              "pausebeforerec": "pausebeforerec", "lastd": "lastd", "voicemail": "voicemail"})
    if "greetingwithname" in req.args:  # the dialect's pattern admits 1|0 (reference) or yes|no (postman)
        value = req.get("greetingwithname")
        config["greetingwithname"] = "1" if value in ("yes", "1") else "0" if value in ("no", "0") else ""


@_edit("dnd", ("dnd", "dst", "dsttype", "duration"),
       patterns={"dnd": r"^(0|1|2)$", "dst": DIGITS, "dsttype": r"^(voicemail|call forward)$", "duration": DIGITS})
def _edit_dnd(req, config):
    _copy_plain(req, config, {"dnd": "dnd", "dst": "dst", "dsttype": "dsttype", "duration": "duration"})


CF_ARGS = tuple("%s_%s" % (short, kind) for _, short in CF_CONDITIONS for kind in ("dests", "timeouts"))


@_edit("callfwd", ("enabled",) + CF_ARGS + ("play", "cid"),
       patterns=dict({"enabled": CF_ENABLED_RE, "play": BIT, "cid": BIT}, **{a: NUM_LIST for a in CF_ARGS}))
def _edit_callfwd(req, config):
    for condition, short in CF_CONDITIONS:
        dests, timeouts = short + "_dests", short + "_timeouts"
        if req.postman:
            lists = _padded(req, dests, timeouts, "")
        else:  # reference: "dests, timeouts ... lists must mach in size or error will be returned"
            lists = _one_empty(req, dests, timeouts) or _group(req, (dests, timeouts))
        if lists is not None:
            _check_items(dests, lists[dests], r"^\d+$")
            _check_items(timeouts, lists[timeouts], r"^\d*$")
            config["destinations"][condition] = lists[dests]
            config["timeouts"][condition] = lists[timeouts]
    if "enabled" in req.args:
        chosen = set(_split(req.get("enabled")))
        config["enabled"] = [c for c, _ in CF_CONDITIONS if c in chosen]
    _copy_plain(req, config, {"play": "play", "cid": "cid"})


@_edit("followme", ("destinations", "timeouts", "dopts", "lastd", "voicemail", "confirm_calls"),
       required=("destinations", "timeouts"),
       patterns={"destinations": NUM_LIST, "timeouts": NUM_LIST, "dopts": DOPTS, "lastd": DIGITS,
                 "voicemail": BIT, "confirm_calls": BIT})
def _edit_followme(req, config):
    rows = _group(req, ("destinations", "timeouts"))
    config["destinations"], config["timeouts"] = rows["destinations"], rows["timeouts"]
    _copy_plain(req, config, {"dopts": "dopts", "lastd": "lastd", "voicemail": "voicemail",
                              "confirm_calls": "confirm_calls"})


@_edit("instrecord", ("silent", "emailrec"), required=("silent", "emailrec"),
       patterns={"silent": BIT, "emailrec": BIT})
def _edit_instrecord(req, config):
    _copy_plain(req, config, {"silent": "silent", "emailrec": "emailrec"})


@_edit("remoteaccess", ("callerids", "pins", "requirepin", "timeout", "dopts"),
       required=("callerids", "pins", "requirepin"),
       patterns={"callerids": NUM_LIST, "pins": r"^(,|0|1)+$", "requirepin": BIT, "timeout": DIGITS,
                 "dopts": DOPTS})
def _edit_remoteaccess(req, config):
    rows = _group(req, ("callerids", "pins"))
    _check_items("pins", rows["pins"], r"^(0|1)$")
    config["callerids"], config["pins"] = rows["callerids"], rows["pins"]
    if config["pid"] == "":
        counters = req.state.data.setdefault("_next_id", {})
        counters["es_remoteaccess_pid"] = counters.get("es_remoteaccess_pid", 0) + 1
        config["pid"] = str(counters["es_remoteaccess_pid"])
    _copy_plain(req, config, {"requirepin": "require_pin", "timeout": "timeout", "dopts": "dial_opts"})


@_edit("phonecallback", ("callerids", "numbers"), required=("callerids", "numbers"))
def _edit_phonecallback(req, config):
    _nonempty(req, "callerids", "numbers")
    rows = _group(req, ("callerids", "numbers"))
    config["callerids"], config["numbers"] = rows["callerids"], rows["numbers"]


@_edit("grouphunt", ("destinations", "delays", "suspends", "timeout", "dopts", "lastd", "voicemail",
                     "confirmcalls"),
       required=("destinations", "delays", "suspends"),
       patterns={"destinations": NUM_LIST, "delays": NUM_LIST, "suspends": NUM_LIST, "timeout": DIGITS,
                 "dopts": DOPTS, "lastd": DIGITS, "voicemail": BIT, "confirmcalls": BIT})
def _edit_grouphunt(req, config):
    rows = _group(req, ("destinations", "delays", "suspends"))
    _check_items("suspends", rows["suspends"], r"^(0|1)?$")
    config["destinations"], config["delays"], config["suspends"] = \
        rows["destinations"], rows["delays"], rows["suspends"]
    _copy_plain(req, config, {"timeout": "timeout", "dopts": "dopts", "lastd": "lastd", "voicemail": "voicemail",
                              "confirmcalls": "confirmcalls"})


@_edit("mobilenumbers", ("mobiles", "labels"), required=("mobiles", "labels"),
       patterns={"mobiles": NUM_LIST, "labels": LABEL_LIST})
def _edit_mobilenumbers(req, config):
    rows = _group(req, ("mobiles", "labels"))
    config["mobiles"], config["labels"] = rows["mobiles"], rows["labels"]


@_edit("sppage", ("extensions", "quiet"), patterns={"extensions": NUM_LIST, "quiet": BIT})
def _edit_sppage(req, config):
    if "extensions" in req.args:
        config["extensions"] = _split(req.get("extensions"))
    _copy_plain(req, config, {"quiet": "_quiet"})


BLFS_REFERENCE = r"^[0-1](,[0-1])*$"
BLFS_POSTMAN = r"^[0-1](,[0-1])+$"  # two or more BLFs


@_edit("blflist", ("exts", "labels", "blfs", "blf_start", "blf_cleanup", "cart_only"),
       patterns={"exts": NUM_LIST, "labels": LABEL_LIST, "blfs": BLFS_REFERENCE, "blf_start": r"^\d{1,2}$",
                 "blf_cleanup": r"^[0-1]$", "cart_only": r"^[0-1]$"},
       dialect_args={"postman": ("functions",)},
       dialect_patterns={"postman": {"blfs": None, "functions": NUM_LIST}})
def _edit_blflist(req, config):
    if req.postman and req.has("blfs"):
        # Postman's regex; the message says "Required field" like the live server's
        # ("Required field 'ext=100' ..." for the optional ext of ext.add).
        check_pattern("blfs", req.get("blfs"), BLFS_POSTMAN, True)
    names = ("exts", "labels", "blfs")
    if any(name in req.args for name in names):
        rows = {name: _split(req.get(name, "")) for name in names}
        size = len(rows["exts"])
        for name, filler in (("labels", ""), ("blfs", "1")):
            if name not in req.args:
                rows[name] = [filler] * size
        if req.postman and len(rows["labels"]) < size:  # Postman's request: 3 exts, 2 labels
            rows["labels"] += [""] * (size - len(rows["labels"]))
        sent = [name for name in names if name in req.args or name == "exts"]
        _sizes(sent, [rows[name] for name in sent])
        config["exts"], config["labels"] = rows["exts"], rows["labels"]
        config["blfs"] = [int(b) for b in rows["blfs"]]
    if "functions" in req.args:
        config["functions"] = [int(f) for f in _split(req.get("functions")) if f != ""]
    for arg in ("blf_start", "blf_cleanup", "cart_only"):
        if req.has(arg):
            config[arg] = int(req.get(arg))


@_edit("speeddial", ("codes", "names", "destinations"), required=("codes", "names", "destinations"),
       patterns={"codes": NUM_LIST, "names": r"^(,|[\w\s]+)+$", "destinations": NUM_LIST})
def _edit_speeddial(req, config):
    rows = _group(req, ("codes", "names", "destinations"))
    codes = [c for c in rows["codes"] if c != ""]
    if len(set(codes)) != len(codes):
        raise ApiError("Field 'codes' contains duplicate codes.")
    config["codes"], config["names"], config["destinations"] = rows["codes"], rows["names"], rows["destinations"]


# --- states (bulk) -----------------------------------------------------------------

def _selected(req):
    value = req.get("services")
    return STATES_ORDER if value == "all" else tuple(s for s in STATES_ORDER if s in value.split(","))


@action("pbxware.ext.es.states.get", args=ID_ARGS + ("services",), required=ID_ARGS + ("services",),
        patterns=dict(ID_PATTERNS, services=SERVICES_RE))
def es_states_get(req):
    _, rec = _target(req)
    return {service: _entry(rec, service)["state"] for service in _selected(req)}


@action("pbxware.ext.es.states.get_osc", args=ID_ARGS + ("services",), required=ID_ARGS + ("services",),
        patterns=dict(ID_PATTERNS, services=SERVICES_RE))
def es_states_get_osc(req):
    _, rec = _target(req)
    return {service: _entry(rec, service)["osc"] for service in _selected(req)}


def _bulk(req, key):
    _, rec = _target(req)
    updates = {}
    if req.has("all"):
        updates.update((service, req.get("all")) for service in NAMES)
    updates.update((service, req.get(service)) for service in NAMES if req.has(service))
    for service, value in updates.items():
        _entry(rec, service, create=True)[key] = value


@action("pbxware.ext.es.states.set", args=ID_ARGS + ("all",) + NAMES, required=ID_ARGS, write=True,
        patterns=dict(ID_PATTERNS, all=YES_NO_RE, **{s: STATE_RE for s in NAMES}))
def es_states_set(req):
    _bulk(req, "state")
    return {"success": "Updated Enhanced Service states successfully."}


@action("pbxware.ext.es.states.set_osc", args=ID_ARGS + ("all",) + NAMES, required=ID_ARGS, write=True,
        patterns=dict(ID_PATTERNS, all=YES_NO_RE, **{s: YES_NO_RE for s in NAMES}))
def es_states_set_osc(req):
    _bulk(req, "osc")
    return {"success": "Updated Enhanced Service OSC states successfully."}
