# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Enhanced services of one extension: plan (pure) and converge (reads, writes, read-back).

One service is one object of three parts with their own actions: its state
(``get``/``set``: yes, no or pin), its OSC state (``get_osc``/``set_osc``) and,
for 14 services, its configuration (``configuration``/``edit``). The three
parts are reconciled as one resource, so diff and results show the whole
service, and each part that differs is written with its own action.

The bulk ``states.*`` actions are planned by :func:`plan_states`.
"""

import difflib
import json

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import diff as diffs
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareApiError, PBXwareError, PBXwareResponseError, PBXwareTransportError)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.enhanced_service_settings import (
    CONFIGS, EDITABLE, PREFIX, SERVICES, refusal_hint, trunk_defaults)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_bool, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import may_still_apply
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ParentMissing, ReconcileError, Resource, desired_view, plan)

# Module choice -> API value.
STATES = {"enabled": "yes", "disabled": "no", "pin": "pin"}
STATE_NAMES = dict((value, name) for name, value in STATES.items())


def state_name(value):
    """``enabled``/``disabled``/``pin`` from the API's ``yes``/``no``/``pin`` (or the names themselves)."""
    value = to_str(value)
    if value is None:
        return None
    value = STATE_NAMES.get(value.lower(), value.lower())
    if value not in STATES:
        raise ValueError("must be one of enabled, disabled, pin")
    return value


def osc_value(value):
    return "yes" if value else "no"


STATE_FIELD = Field("state", normalize=state_name, to_api=STATES.get)
OSC_FIELD = Field("osc", normalize=to_bool, to_api=osc_value)


def find_extension_id(client, server, extension):
    """The ID ``pbxware.ext.es.*`` takes for an extension number (one ``ext.list`` read)."""
    for object_id, row in collection(client.read("pbxware.ext.list", {"server": server})).items():
        if to_str(row.get("ext")) == to_str(extension):
            return ident(object_id)
    raise ParentMissing("extension %s does not exist on this server or tenant" % extension, "extension")


# -- one service: pure part -------------------------------------------------------------------


def service_resource(service, raw_config=None, user_config=None):
    """The fields of one service: state, osc, and its config keys (per-trunk ones from the record)."""
    spec = CONFIGS.get(service)
    fields = [STATE_FIELD, OSC_FIELD]
    if spec is not None:
        fields += spec.fields_for(raw_config) + (spec.expand(raw_config, user_config) if spec.expand else [])
    return Resource("%s enhanced service" % service, fields, identity=[])


def decode(service, raw_config):
    """A ``configuration`` answer in the reference's shape, whichever source's shape the server answers in."""
    spec = CONFIGS.get(service)
    if spec is None or spec.decode is None or raw_config is None:
        return raw_config
    return spec.decode(raw_config)


def flatten_config(service, config):
    """``config`` as ``config.<key>`` parameters (nested keys as ``config.<key>.<sub>``); unknown keys refused."""
    if config is None:
        return {}
    spec = CONFIGS.get(service)
    if spec is None:
        raise ReconcileError("%s has no configuration: config is for %s (and the read-only extoperationtimes)"
                             % (service, ", ".join(EDITABLE)), "config")
    nested = spec.nested_keys()
    known = service_resource(service, None, config).by_name
    flat = {}
    for key, value in config.items():
        if key in nested:
            if not isinstance(value, dict):
                raise ReconcileError("config.%s must be a dict by condition (%s)" % (
                    key, ", ".join(name.split(".", 2)[2] for name in known if name.startswith(PREFIX + key + "."))),
                    "config." + key)
            entries = dict(("%s.%s" % (key, sub), item) for sub, item in value.items())
        else:
            entries = {key: value}
        for name, item in entries.items():
            if PREFIX + name not in known:
                allowed = sorted(set(known_key.split(".")[0] for known_key in spec.keys))
                raise ReconcileError("config.%s is not a setting of %s; allowed: %s"
                                     % (name, service, ", ".join(allowed)), "config." + name)
            flat[PREFIX + name] = item
    return flat


def config_of(view):
    """The ``config`` dict of a flat view (``config.destinations.busy`` back under ``destinations``)."""
    config = {}
    for name, value in view.items():
        if not name.startswith(PREFIX):
            continue
        key = name[len(PREFIX):]
        head, sub = key.split(".", 1) if "." in key else (key, "")
        if sub and not key.startswith("callerid:"):
            config.setdefault(head, {})[sub] = value
        else:
            config[key] = value
    return config


def shape(service, view):
    """What users see: ``{state, osc, config}`` (no ``config`` for services without one)."""
    result = dict((name, view[name]) for name in ("state", "osc") if name in view)
    if service in CONFIGS:
        result["config"] = config_of(view)
    return result


def read_view(resource, state, osc, raw_config):
    """The normalised view of a service from its three reads (``raw_config`` ``None`` when it has none)."""
    view = {}
    if state is not None:
        view["state"] = STATE_FIELD.normalize(state)
    if osc is not None:
        view["osc"] = OSC_FIELD.normalize(osc)
    config = raw_config if isinstance(raw_config, dict) else {}
    for item in resource.fields:
        if not item.name.startswith(PREFIX) or item.write_only:
            continue
        key = item.name[len(PREFIX):]
        head, sub = key.split(".", 1) if "." in key else (key, "")
        if key in config:
            view[item.name] = item.normalize(config[key])
        elif sub and isinstance(config.get(head), dict) and sub in config[head]:
            view[item.name] = item.normalize(config[head][sub])
    return view


def _check_groups(spec, view, parameter_view=None):
    """Parallel lists must match in size; ``parameter_view`` given: only groups fully in it (the user's input)."""
    for group in spec.groups:
        names = [PREFIX + key for key in group]
        source = parameter_view if parameter_view is not None else view
        if any(name not in source or source[name] is None for name in names):
            continue
        sizes = [len(source[name]) for name in names]
        if len(set(sizes)) > 1:
            raise ReconcileError(
                "config lists %s must have the same number of items, got %s"
                % (", ".join(group), ", ".join("%s=%d" % pair for pair in zip(group, sizes))), names[0])


def check_input(service, params):
    """Everything that can be checked from the task alone (before any API call)."""
    flat = flatten_config(service, params.get("config"))
    spec = CONFIGS.get(service)
    if spec is not None and spec.prepare:
        flat = spec.prepare(flat)
    resource = service_resource(service, None, params.get("config"))
    view = desired_view(resource, dict(flat, state=params.get("state"), osc=params.get("osc")))
    if spec is not None:
        _check_groups(spec, view, parameter_view=view)
    return flat


def _check_merged(service, spec, merged):
    """The record ``edit`` will produce must be one the API accepts."""
    _check_groups(spec, merged)
    for key in spec.nonempty:
        value = merged.get(PREFIX + key)
        if value in (None, "", [], {}):
            raise ReconcileError("config.%s cannot be empty: %s's edit requires it (disable the service instead of "
                                 "emptying it)" % (key, service), PREFIX + key)
    if spec.validate:
        spec.validate(merged)


def _single_empty_items(spec, arguments):
    """A one-item list whose item is empty encodes as ``""``, which the API reads as no items.

    Where the server fills an omitted list with one empty item per item of its
    group, it is left out; where it reads ``""`` next to one item of the group as
    one empty item, it is sent so; elsewhere it cannot be sent, and the task is told so.
    """
    for name, value in list(arguments.items()):
        if isinstance(value, list) and value == [""] and name not in spec.blank_single:
            if name not in spec.defaulted:
                raise ReconcileError("a list of one empty item cannot be sent as edit argument %s (the API reads it as "
                                     "an empty list); give a value" % name, "config")
            del arguments[name]
    return arguments


def whole_config(resource, merged):
    """The ``edit`` arguments of the whole configuration ``merged`` (the current record with the task's keys).

    Values the API assigns (remote access's ``pid``) are never sent.
    """
    arguments = {}
    for item in resource.fields:
        if not item.name.startswith(PREFIX) or item.create_only or item.name not in merged:
            continue
        value = item.to_api(merged[item.name])
        if item.api is None:
            arguments.update(value)
        else:
            arguments[item.api] = value
    return arguments


class ServicePlan(object):
    """The plan of one service: the engine's plan plus the writes it takes, in order.

    raw_config: the configuration as read (decoded), from which ``adapt`` chose the wire forms.
    unsent: write-only config fields an ``edit`` leaves out (neither read nor given).
    sent: config fields the ``edit`` carries.
    """

    def __init__(self, resource, result_plan, writes, raw_config=None, unsent=(), sent=()):
        self.resource = resource
        self.plan = result_plan
        self.writes = writes
        self.raw_config = raw_config
        self.unsent = list(unsent)
        self.sent = frozenset(sent)

    @property
    def changed(self):
        return self.plan.changed


def plan_service(service, params, state, osc, raw_config, force_write_only=False):
    """Plan one service from the task's ``state``/``osc``/``config`` and the three reads.

    Returns a :class:`ServicePlan` whose ``writes`` are ``(method, arguments)``
    pairs: ``edit`` before ``set_osc`` before ``set``, except that a service being
    disabled is disabled first. An ``edit`` carries the whole configuration, in the
    forms the server's read shows (the service's ``adapt``).
    """
    spec = CONFIGS.get(service)
    flat = check_input(service, params)
    raw_config = trunk_defaults(decode(service, raw_config), params.get("config"))
    resource = service_resource(service, raw_config, params.get("config"))
    current = read_view(resource, state, osc, raw_config)
    for name, value in flat.items():
        if value is not None and name not in current and not resource.by_name[name].write_only:
            hint = " (caller IDs per trunk, emergency and allowed caller IDs exist only outside tenant mode)" \
                if service == "callerid" else ""
            raise ReconcileError("%s: this server's %s configuration has no %s%s"
                                 % (name, service, name[len(PREFIX):], hint), name)
    desired = dict(flat, state=params.get("state"), osc=params.get("osc"))
    if spec is not None and not spec.editable:
        for name, value in desired_view(resource, flat).items():
            if current.get(name) != value:
                raise ReconcileError("%s: %s's configuration is read-only (the API has no edit); it is %r, the task "
                                     "asks for %r" % (name, service, current.get(name), value), name)
    result_plan = plan(resource, desired, current, "present", force_write_only)
    config_changes = [name for name in result_plan.changes if name.startswith(PREFIX)]
    writes, unsent, sent = [], [], []
    if config_changes:
        merged = dict(current)
        merged.update(desired_view(resource, desired))
        _check_merged(service, spec, merged)
        arguments = whole_config(resource, merged)
        if spec.encode:
            spec.encode(arguments, merged, config_changes)
        arguments = _single_empty_items(spec, arguments)
        if spec.adapt:
            arguments = spec.adapt(arguments, raw_config, None)
        writes.append(("edit", arguments))
        sent = [item.name for item in resource.fields if item.name.startswith(PREFIX) and item.name in merged]
        unsent = [item.name for item in resource.fields
                  if item.name.startswith(PREFIX) and item.write_only and item.name not in merged]
    if "osc" in result_plan.changes:
        writes.append(("set_osc", {"state": OSC_FIELD.to_api(result_plan.after["osc"])}))
    if "state" in result_plan.changes:
        write = ("set", {"state": STATE_FIELD.to_api(result_plan.after["state"])})
        if result_plan.after["state"] == "disabled":
            writes.insert(0, write)
        else:
            writes.append(write)
    return ServicePlan(resource, result_plan, writes, raw_config, unsent, sent)


# -- one service: I/O ---------------------------------------------------------------------------


class WriteFailed(PBXwareError):
    """A write did not answer cleanly and a fresh read shows the task's change is not (all) there.

    ``message`` names each write and what became of it; ``changed`` says whether
    the fresh read shows any part of the change on the server (the module's
    result is then failed and changed).
    """

    def __init__(self, message, action=None, changed=False):
        super(WriteFailed, self).__init__(message, action)
        self.changed = changed


# What a write that did not answer cleanly may have done: looked up, never re-sent.
UNCLEAN = (PBXwareTransportError, PBXwareResponseError, PBXwareApiError)


def never_sent(err):
    """Whether the request provably never left (a connection that was never made)."""
    return isinstance(err, PBXwareTransportError) and not err.reached_server


def cause(err):
    """Why a write did not answer cleanly, without the client's "PBXware API action X" preamble."""
    if isinstance(err, PBXwareApiError):
        return "the server answered with an error: %s" % err.server_message
    prefix = "PBXware API action %s: " % err.action
    return err.message[len(prefix):] if err.message.startswith(prefix) else err.message


def _outcome(action, err):
    return "%s %s: %s" % (action, "not sent" if never_sent(err) else "failed", cause(err))


def _outlook(err):
    """What the user can expect after a failed write: nothing re-sent, a rerun completes it."""
    if may_still_apply(err) and not never_sent(err):
        return "nothing was re-sent; the server may still apply it, and a rerun reads before it writes"
    return "nothing was re-sent; a rerun sends what is still missing"


# Which fields of a service each write sets.
WRITE_PARTS = {
    "edit": lambda name: name.startswith(PREFIX),
    "set_osc": lambda name: name == "osc",
    "set": lambda name: name == "state",
}


class EnhancedServiceConverger(object):
    """Reads, plans, writes (never in check mode) and reads back one service of one extension.

    A write is sent once. When one does not answer cleanly (no answer, an HTTP
    error, an answer that is not JSON, an API error), a fresh read decides: its
    part is there, the run goes on with a warning; it is not, or only in part,
    the run stops with :class:`WriteFailed`, saying what landed and what was not sent.
    """

    def __init__(self, client, server, extension_id, service):
        self.client = client
        self.service = service
        self.ids = {"server": server, "id": extension_id}
        self.warnings = []
        # The OSC state is read only when the task sets it: one call fewer in every other run.
        self.read_osc = True

    def action(self, method):
        return "pbxware.ext.es.%s.%s" % (self.service, method)

    def read(self):
        """``(state, osc, raw configuration or None)`` as the API answers."""
        state = read_object(self.client, self.action("get"), self.ids).get("state")
        osc = read_object(self.client, self.action("get_osc"), self.ids).get("state") if self.read_osc else None
        raw_config = None
        if self.service in CONFIGS:
            raw_config = self.client.read(self.action("configuration"), self.ids)
            raw_config = raw_config if isinstance(raw_config, dict) else {}
        return state, osc, raw_config

    def read_view(self, service_plan, user_config):
        """The service as the server now holds it, in the plan's fields."""
        state, osc, raw_config = self.read()
        return read_view(service_plan.resource, state, osc,
                         trunk_defaults(decode(self.service, raw_config), user_config))

    def converge(self, params, check_mode=False, force_write_only=False):
        self.read_osc = params.get("osc") is not None
        service_plan = plan_service(self.service, params, *self.read(), force_write_only=force_write_only)
        result_plan = service_plan.plan
        after = result_plan.after
        self._warn_unverified(service_plan)
        if service_plan.writes and not check_mode:
            after = self._apply(service_plan, params.get("config"))
            self._warn_unapplied(service_plan, after)
        resource = service_plan.resource
        return {
            "changed": result_plan.changed,
            "before": shape(self.service, diffs.mask(resource, result_plan.before)),
            "after": shape(self.service, diffs.mask(resource, after)),
            "proposed": shape(self.service, diffs.proposed(resource, result_plan)),
            "diff": dict((side, shape(self.service, view))
                         for side, view in diffs.diff(resource, result_plan).items()),
        }

    def _warn_unverified(self, service_plan):
        """Name config keys the task sets that this run neither compares nor sends, and keys an edit leaves out."""
        for name in service_plan.plan.unverified:
            if name not in service_plan.sent:
                self.warnings.append("%s: %s was neither compared nor sent (this server never returns it); it is sent "
                                     "with every other change of the configuration, or on every run with "
                                     "force_write_only: true" % (self.service, name))
        for name in service_plan.unsent:
            self.warnings.append("%s: %s is left out of the edit (this server never returns it and the task does not "
                                 "set it); a server that resets what an edit leaves out puts it back to its default: "
                                 "set it in config to keep it" % (self.service, name))

    def _apply(self, service_plan, user_config):
        """Send the plan's writes in order; the fresh read of the result."""
        sent, fresh = [], None
        for index, (method, arguments) in enumerate(service_plan.writes):
            later = [self.action(write[0]) for write in service_plan.writes[index + 1:]]
            hint = None
            try:
                try:
                    self.client.write(self.action(method), dict(self.ids, **arguments))
                except PBXwareApiError as err:
                    other, hint = self._other_form(service_plan, user_config, method, arguments, err)
                    if other is None:
                        raise
                    self.client.write(self.action(method), dict(self.ids, **other))
                fresh = None
            except UNCLEAN as err:
                fresh = self._decide(service_plan, user_config, sent, method, err, later, hint)
            sent.append(method)
        return fresh if fresh is not None else self.read_view(service_plan, user_config)

    def _other_form(self, service_plan, user_config, method, arguments, err):
        """After a refused ``edit``: ``(arguments in the form the refusal asks for, None)``, or ``(None, hint)``.

        The refused write is sent again (once, in that form) only when the service's
        table knows the refusal as one about a form and a fresh read shows that
        none of the edit landed. ``hint`` explains a refusal no form can avoid.
        """
        spec = CONFIGS.get(self.service)
        if method != "edit" or spec is None or spec.adapt is None:
            return None, None
        try:
            other = spec.adapt(arguments, service_plan.raw_config, err.server_message)
        except ReconcileError as reason:
            return None, reason.message
        if other is None or other == arguments:
            return None, None
        try:
            fresh = self.read_view(service_plan, user_config)
        except UNCLEAN:
            return None, None
        if any(fresh.get(name) != old for name, (old, new) in self._parts(service_plan, method)
               if not service_plan.resource.by_name[name].write_only):
            return None, None
        changed = sorted(name for name in set(arguments) | set(other) if arguments.get(name) != other.get(name))
        self.warnings.append("%s: the server refused %s (%s); sent once more in the form it takes"
                             % (self.action(method), ", ".join(changed), err.server_message))
        return other, None

    def _parts(self, service_plan, method):
        """``(field, (before, wanted))`` of what ``method`` writes."""
        return [(name, change) for name, change in sorted(service_plan.plan.changes.items())
                if WRITE_PARTS[method](name)]

    def _seen(self, service_plan, method, fresh):
        """``(applied, missing)`` fields of ``method`` in a fresh read; write-only ones are in neither."""
        applied, missing = [], []
        for name, (old, new) in self._parts(service_plan, method):
            if not service_plan.resource.by_name[name].write_only:
                (applied if fresh.get(name) == new else missing).append(name)
        return applied, missing

    def _decide(self, service_plan, user_config, sent, method, err, later, hint=None):
        """After a write that did not answer cleanly: the fresh read, if its part is there; else fail."""
        action = self.action(method)
        if never_sent(err) and not sent:
            raise err  # nothing was sent: nothing changed
        try:
            fresh = self.read_view(service_plan, user_config)
        except UNCLEAN as read_err:
            done = ", ".join(self.action(name) for name in sent)
            raise WriteFailed("%s%s; a fresh read failed too (%s), so what landed is unknown%s"
                              % ("%s sent before; " % done if done else "", _outcome(action, err),
                                 cause(read_err), "; not sent: " + ", ".join(later) if later else ""), action)
        applied, missing = self._seen(service_plan, method, fresh)
        if not never_sent(err) and applied and not missing:
            self.warnings.append("%s: the server did not answer cleanly (%s), but a fresh read shows the change "
                                 "was applied" % (action, cause(err)))
            return fresh
        if hint is None and isinstance(err, PBXwareApiError):
            hint = refusal_hint(self.service, method, err.server_message)
        raise WriteFailed(self._failure(service_plan, sent, method, err, later, fresh, applied, missing, hint),
                          action, changed=self._landed(service_plan, fresh))

    def _failure(self, service_plan, sent, method, err, later, fresh, applied, missing, hint=None):
        """``X applied; Y failed: <cause>; <field> is still <value>; not sent: Z``."""
        words = []
        for earlier in sent:
            short = self._seen(service_plan, earlier, fresh)[1]
            words.append("%s %s" % (self.action(earlier), "applied" if not short else
                                    "answered, but a fresh read does not show it (%s)" % ", ".join(short)))
        words.append(_outcome(self.action(method), err))
        if applied:
            words.append("applied in part: " + ", ".join(applied))
        resource = service_plan.resource
        changes = service_plan.plan.changes
        for name in missing:
            show = (lambda value: diffs.MASK) if resource.by_name[name].secret else repr
            old, new = changes[name]
            words.append("%s is still %s" % (name, show(old)) if fresh.get(name) == old else
                         "%s is %s, not %s" % (name, show(fresh.get(name)), show(new)))
        if not applied and not missing:
            words.append("a read cannot show it (%s: never returned by the API)"
                         % ", ".join(part[0] for part in self._parts(service_plan, method)))
        if hint:
            words.append(hint)
        if later:
            words.append("not sent: " + ", ".join(later))
        return "; ".join(words + [_outlook(err)])

    @staticmethod
    def _landed(service_plan, fresh):
        """Whether a fresh read shows any part of the plan's change."""
        return any(fresh.get(name) != old for name, (old, new) in service_plan.plan.changes.items()
                   if not service_plan.resource.by_name[name].write_only)

    def _warn_unapplied(self, service_plan, after):
        for name, (old, new) in sorted(service_plan.plan.changes.items()):
            if service_plan.resource.by_name[name].write_only or after.get(name) == new:
                continue
            self.warnings.append("%s: the server accepted %s=%r but now reports %r; a rerun will try again"
                                 % (self.service, name, new, after.get(name)))


def read_object(client, action, params):
    """A read whose answer must be an object: anything else (``[]``, a list) is refused, never planned from."""
    answer = client.read(action, params)
    if not isinstance(answer, dict):
        raise PBXwareResponseError("PBXware API action %s answered %s where an object was expected; nothing was "
                                   "written" % (action, json.dumps(answer)[:80]), action)
    return answer


def read_services(client, server, extension_id, services):
    """Service name -> ``{state, osc, config}`` for ``services``: two bulk reads plus one ``configuration`` each."""
    ids = {"server": server, "id": extension_id}
    selection = "all" if len(services) == len(SERVICES) else ",".join(services)
    states = client.read("pbxware.ext.es.states.get", dict(ids, services=selection)) or {}
    oscs = client.read("pbxware.ext.es.states.get_osc", dict(ids, services=selection)) or {}
    found = {}
    for service in services:
        raw_config = None
        if service in CONFIGS:
            raw_config = decode(service, client.read("pbxware.ext.es.%s.configuration" % service, ids))
        found[service] = shape(service, read_view(service_resource(service, raw_config), states.get(service),
                                                  oscs.get(service), raw_config))
    return found


# -- states in bulk -----------------------------------------------------------------------------


def check_service_names(mapping, parameter):
    unknown = sorted(set(mapping or {}) - set(SERVICES))
    if unknown:
        close = difflib.get_close_matches(unknown[0], SERVICES, n=3, cutoff=0.5)
        hint = "; did you mean %s?" % " or ".join(close) if close else ""
        raise ReconcileError("%s names unknown services %s%s; known: %s"
                             % (parameter, ", ".join(unknown), hint, ", ".join(SERVICES)), parameter)


def plan_states(current, wanted, every=None, normalise=state_name):
    """``(changes, after)`` for the bulk states (or OSC states, with ``normalise=to_bool``).

    current: the ``states.get``/``get_osc`` answer; wanted: service -> value;
    every: the value for every service not in ``wanted`` (``all``), or ``None``.
    ``changes`` maps each service that differs to ``(before, after)``.
    """
    before = dict((service, normalise(value)) for service, value in (current or {}).items() if service in SERVICES)
    target = dict(before)
    if every is not None:
        target.update((service, normalise(every)) for service in before)
    target.update((service, normalise(value)) for service, value in (wanted or {}).items() if value is not None)
    changes = dict((service, (before.get(service), value)) for service, value in target.items()
                   if before.get(service) != value)
    return changes, target


# Option -> (its "all" option, read method, write method, normaliser, API spelling).
STATE_KINDS = (
    ("states", "all", "states.get", "states.set", state_name, STATES.get),
    ("osc", "all_osc", "states.get_osc", "states.set_osc", to_bool, osc_value),
)


def check_states_input(params):
    """The bulk options' service names and values, before any call."""
    for kind in STATE_KINDS:
        name, normalise = kind[0], kind[4]
        check_service_names(params.get(name), name)
        for service, value in (params.get(name) or {}).items():
            try:
                normalise(value)
            except ValueError as err:
                raise ReconcileError("%s.%s: %s" % (name, service, err), name)


def converge_states(client, server, extension_id, params, check_mode=False):
    """Bring the states and OSC states the task names to what it asks; the module's result.

    Per kind: one read of every service, one write of those that differ (none in
    check mode). The write answers only "success", so ``after`` is the plan. A
    write that does not answer cleanly is never re-sent: a fresh read decides, as
    for one service (a warning when it landed, :class:`WriteFailed` when not).
    """
    ids = {"server": server, "id": extension_id}
    result = {"changed": False, "before": {}, "proposed": {}, "diff": {"before": {}, "after": {}}, "warnings": []}
    asked = [kind for kind in STATE_KINDS if params.get(kind[0]) is not None or params.get(kind[1]) is not None]
    sent = []  # (kind, changes) of the writes sent
    for index, kind in enumerate(asked):
        name, every, read, write, normalise, to_api = kind
        current = read_object(client, "pbxware.ext.es." + read, dict(ids, services="all"))
        changes, after = plan_states(current, params.get(name), params.get(every), normalise)
        if changes and not check_mode:
            try:
                client.write("pbxware.ext.es." + write,
                             dict(ids, **dict((service, to_api(new)) for service, (old, new) in changes.items())))
            except UNCLEAN as err:
                later = ["/".join(other[:2]) for other in asked[index + 1:]]
                after = _decide_states(client, ids, sent, (kind, changes), err, later, result["warnings"])
            sent.append((kind, changes))
        before = plan_states(current, {}, None, normalise)[1]
        result["changed"] = result["changed"] or bool(changes)
        result[name] = after
        result["before"][name] = before
        result["proposed"][name] = dict((service, new) for service, (old, new) in changes.items())
        result["diff"]["before"][name] = before
        result["diff"]["after"][name] = after
    return result


def _decide_states(client, ids, sent, failed, err, later, warnings):
    """After a bulk write that did not answer cleanly: the fresh states if all of it landed; else fail."""
    (name, every, read, write, normalise, to_api), changes = failed
    action = "pbxware.ext.es." + write
    if never_sent(err) and not sent:
        raise err  # nothing was sent: nothing changed
    words, landed, fresh = [], False, {}
    for (kind, kind_changes) in sent + [failed]:
        try:
            answer = client.read("pbxware.ext.es." + kind[2], dict(ids, services="all"))
        except UNCLEAN as read_err:
            raise WriteFailed("%s%s; a fresh read failed too (%s), so what landed is unknown%s" % (
                "".join("pbxware.ext.es.%s sent before; " % done[0][3] for done in sent), _outcome(action, err),
                cause(read_err), "".join("; %s not attempted" % option for option in later)), action)
        fresh = plan_states(answer, {}, None, kind[4])[1]
        applied = sorted(service for service, (old, new) in kind_changes.items() if fresh.get(service) == new)
        missing = sorted(service for service in kind_changes if service not in applied)
        landed = landed or any(fresh.get(service) != old for service, (old, new) in kind_changes.items())
        if kind is not failed[0]:
            shown = "applied" if not missing else "answered, but a fresh read does not show %s" % ", ".join(
                "%s.%s" % (kind[0], s) for s in missing)
            words.append("pbxware.ext.es.%s %s" % (kind[3], shown))
    if not never_sent(err) and not missing:
        warnings.append("%s: the server did not answer cleanly (%s), but a fresh read shows the change was applied"
                        % (action, cause(err)))
        return fresh
    words.append(_outcome(action, err))
    if applied:
        words.append("applied in part: " + ", ".join("%s.%s" % (name, service) for service in applied))
    for service in missing:
        old, new = changes[service]
        words.append("%s.%s is still %r" % (name, service, old) if fresh.get(service) == old else
                     "%s.%s is %r, not %r" % (name, service, fresh.get(service), new))
    words.extend("%s not attempted" % option for option in later)
    raise WriteFailed("; ".join(words + [_outlook(err)]), action, changed=landed)
