# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The reconcile engine: pure functions from (desired, current) to a plan.

A resource is declared once as a list of :class:`Field` objects (user option
name, write-side API name, read-side path, normaliser, flags). From the user's
arguments and the object as the API reads it, :func:`plan` decides what to
send and predicts the result, with no I/O, so check mode, diff and the real
run share one code path and unit tests need neither Ansible nor a server.

Views are dicts keyed by user option names holding *normalised* values: the
form both sides are compared in. Only arguments the user set are compared.
"""

import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import to_str


class ReconcileError(Exception):
    """Bad input found before any write; names the offending parameter."""

    def __init__(self, message, parameter=None):
        super(ReconcileError, self).__init__(message)
        self.message = message
        self.parameter = parameter


class ParentMissing(ReconcileError):
    """The object a task acts in or on (its tenant, extension or DID) does not exist.

    In check mode an earlier task of the same run may be about to create it, so a
    module previews instead of failing (see ``PBXwareModule.run``).
    """


_SAME = object()


class Field(object):
    """One argument of a resource.

    name: the module option (``protocol``).
    api: the write-side argument (``prot``); defaults to ``name``. ``None``
        when ``to_api`` returns several arguments as a dict (parallel lists).
    read: dotted path in the read-side object (``options.secret``); defaults to
        ``api``. ``write_only=True`` means the API never returns it.
    normalize: canonical form for comparison, applied to user and API values.
    to_api: canonical value -> what is sent (``"enabled"`` -> ``1``).
    secret: masked in diff and results, never logged.
    create_only: the API cannot change it after creation; a different value
        on an existing object is an error rather than a silent no-op.
    required_on_create: creation fails without it.
    resend_on_edit: sent with every edit, from the current object when the
        user did not set it (for APIs that misbehave on partial edits).
    send_with: other options the API wants whenever this one is sent (a DID's
        ``destination`` with its ``dest_type``), from the current object if unset.
    create_default: sent on create when the user did not set it (an argument
        the API requires that has an obvious value); never compared.
    compare: ``compare(current, desired)`` for a field whose read may show only
        part of it (an IVR keymap read as one entry): ``True`` in sync, ``False``
        differs, ``None`` cannot tell (the part shown agrees): then the field is
        unverified, as one the read does not show. Default: ``==``.
    """

    def __init__(self, name, api=_SAME, read=None, normalize=to_str, to_api=None, write_only=False,
                 secret=False, create_only=False, required_on_create=False, resend_on_edit=False, send_with=(),
                 create_default=None, spellings=(), compare=None):
        self.name = name
        self.api = name if api is _SAME else api
        self.write_only = write_only
        self.read = None if write_only else (read or self.api or name)
        self.normalize = normalize or (lambda value: value)
        self.to_api = to_api or (lambda value: value)
        self.secret = secret
        self.create_only = create_only
        self.required_on_create = required_on_create
        self.resend_on_edit = resend_on_edit
        self.send_with = tuple(send_with)
        self.create_default = create_default
        # Other ``(api, read)`` names of this field where the vendor's sources disagree
        # (``cpark_timeout`` for ``cspark_timeout``): read from whichever the server
        # answers with, written in the spelling the server is seen to use.
        self.spellings = tuple(spellings)
        self.compare = compare

    @property
    def reads(self):
        """Every read path of the field, its own first."""
        return [self.read] + [read for api, read in self.spellings if read and read != self.read]

    def __repr__(self):
        return "Field(%r)" % self.name


class Resource(object):
    """A declared API object: where it lives, its fields and which of them identify it.

    api_object: the action prefix (``ext`` for ``pbxware.ext.*``).
    read_method: the full read over the ``list`` row (``configuration``), or
        ``None`` where the list is all the API returns (DIDs).
    write_methods: operation -> API method. A sub-resource of an extension
        (its MAC list) has only ``{"update": "additional_macs"}``.
    master_server_actions: methods that need ``server=1`` even in tenant mode
        (``delete`` for DIDs, every write for tenants and DID groups).
    id_param: the argument naming the object on edit and delete (``id``; a CLI
        routing rule is ``cliroutingid``, as ``id`` names its DID).
    read_id_param: the one naming it in the full read, where that differs
        (``trunk.configuration`` takes ``trunkid``); defaults to ``id_param``.
    key_field: the field whose value is the key of the ``list`` collection
        rather than a value in its rows (operation times are keyed by their object's ID).
    list_key: where the ``list`` answer holds the collection (a tenant's CLI
        routing list comes as ``{"success": {...}}``).
    singleton: the ``list`` answer is the one object itself (a tenant's trunk
        assignment), always there, written without an ID.
    scalar_rows: the option a ``list`` row holds when rows are plain values
        (``pbxware.package.list`` answers ``{"1": "Basic"}``).
    lookup_param: the argument by which the full read finds the object without
        its ID (``ext.configuration`` takes ``ext=100``): a run then skips the
        ``list``, unless the task sets a field only the list returns.
    list_only_reads: read names only the ``list`` row carries (an extension's departments).
    """

    def __init__(self, name, fields, identity, api_object=None, read_method=None, write_methods=None,
                 master_server_actions=(), id_param="id", key_field=None, list_key=None, singleton=False,
                 scalar_rows=None, settle=None, refused_create_hint=None, lookup_param=None, list_only_reads=(),
                 read_id_param=None):
        self.name = name
        self.fields = list(fields)
        self.by_name = dict((field.name, field) for field in self.fields)
        if len(self.by_name) != len(self.fields):
            raise ValueError("duplicate field names in resource %s" % name)
        unknown = [key for key in identity if key not in self.by_name]
        if unknown:
            raise ValueError("identity names unknown fields: %s" % ", ".join(unknown))
        self.identity = tuple(identity)
        self.api_object = api_object
        self.read_method = read_method
        self.write_methods = dict(write_methods or {"create": "add", "update": "edit", "delete": "delete"})
        self.master_server_actions = frozenset(master_server_actions)
        # (seconds, interval): the server applies writes with a lag (tenant edits), so a read-back that
        # does not match yet is repeated for up to ``seconds`` before anything is concluded from it.
        self.settle = settle
        # Said after the API's error when it refuses a create (a tenant still being provisioned).
        self.refused_create_hint = refused_create_hint
        self.id_param = id_param
        self.read_id_param = read_id_param or id_param
        self.key_field = key_field
        self.list_key = list_key
        self.singleton = singleton
        self.scalar_rows = scalar_rows
        self.lookup_param = lookup_param
        self.list_only_reads = frozenset(list_only_reads)

    def needs_list(self, params):
        """Whether finding the object for ``params`` takes the ``list`` (no lookup by identity, or a list-only field)."""
        if self.lookup_param is None or self.read_method is None:
            return True
        return any(params.get(field.name) is not None and field.read in self.list_only_reads for field in self.fields)

    def action(self, method):
        return "pbxware.%s.%s" % (self.api_object, method)

    def extended(self, extra_fields):
        """A copy with more fields (e.g. one per key of a free-form ``options`` dict)."""
        copy = Resource(self.name, self.fields + list(extra_fields), self.identity)
        for attribute, value in vars(self).items():
            if attribute not in ("fields", "by_name"):
                setattr(copy, attribute, value)
        return copy

    @property
    def secret_names(self):
        return frozenset(field.name for field in self.fields if field.secret)


class Plan(object):
    """What reconciling one object will do.

    operation: ``"create"``, ``"update"``, ``"delete"`` or ``None`` (in sync).
    changes: option name -> (before, after) for every changed option.
    payload: write-side arguments to send (API names, encoded-ready values).
    before / after: views of the object before and as predicted after the run
        (``{}`` when it does not exist).
    unverified: options the user set that were neither compared (no read shows them)
        nor sent (not forced): the caller must say so, never report them as in sync.
    """

    def __init__(self, operation, changes, payload, before, after, unverified=()):
        self.operation = operation
        self.changes = changes
        self.payload = payload
        self.before = before
        self.after = after
        self.unverified = list(unverified)

    @property
    def changed(self):
        return self.operation is not None


def lookup_path(obj, path):
    """``(True, value)`` at dotted ``path`` in nested dicts, ``(False, None)`` if absent."""
    node = obj
    for part in path.split("."):
        if not isinstance(node, dict) or part not in node:
            return False, None
        node = node[part]
    return True, node


def read_view(resource, api_object):
    """The normalised view of an object as the API reads it (readable fields only)."""
    view = {}
    for field in resource.fields:
        if field.read is None:
            continue
        for path in field.reads:
            found, value = lookup_path(api_object, path)
            if found:
                view[field.name] = field.normalize(value)
                break
    return view


def spoken_names(resource, api_object):
    """``{write name: the server's spelling}`` for fields whose other spelling ``api_object`` reads."""
    names = {}
    for field in resource.fields:
        if field.read is None or not field.spellings or lookup_path(api_object, field.read)[0]:
            continue
        for api, read in field.spellings:
            if read and lookup_path(api_object, read)[0]:
                names[field.api] = api
                break
    return names


def other_spellings(resource, payload, failed_name):
    """The payload with ``failed_name`` (a write name the server refused) in its next spelling, or ``None``."""
    for field in resource.fields:
        spelled = [field.api] + [api for api, read in field.spellings]
        if len(spelled) > 1 and failed_name in spelled and failed_name in payload:
            following = spelled[(spelled.index(failed_name) + 1) % len(spelled)]
            renamed = dict(payload)
            renamed[following] = renamed.pop(failed_name)
            return renamed
    return None


def desired_view(resource, params):
    """The normalised view of what the user asked for: only options they set."""
    view = {}
    for name, value in params.items():
        if value is None:
            continue
        field = resource.by_name.get(name)
        if field is None:
            raise ReconcileError("%s has no option %s" % (resource.name, name), name)
        try:
            view[name] = field.normalize(value)
        except (TypeError, ValueError) as exc:
            raise ReconcileError("%s: invalid value %r (%s)" % (name, value, exc), name)
    return view


# Sent as form fields, these would end or split a value on the server's side.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]")


def check_control_characters(params, secret_names=()):
    """Refuse a control character (newline, carriage return...) anywhere in ``params``, naming the parameter."""
    for name, value in sorted(params.items()):
        for item in _texts(value):
            if CONTROL_CHARACTERS.search(item):
                shown = "a value" if name in secret_names else repr(item)
                raise ReconcileError("%s: %s contains a control character (newline, carriage return...), which "
                                     "cannot be sent in a form field" % (name, shown), name)


def check_list_items(resource, params):
    """Refuse, before any call, a list item holding its list's separator.

    ``department: ["1,2"]`` would be stored as two items and flap forever.
    """
    for name, value in sorted(params.items()):
        field = resource.by_name.get(name)
        separator = getattr(field.to_api, "separator", None) if field is not None else None
        if separator and isinstance(value, (list, tuple)):
            for item in value:
                if separator in to_str(item):
                    shown = "a value" if field.secret else repr(item)
                    raise ReconcileError("%s: item %s contains %r, which the API uses to separate this list's "
                                         "items: it would be stored as two items" % (name, shown, separator), name)


def _texts(value):
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from _texts(item)
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, str):
        yield value


def identity_key(resource, view):
    """A hashable key identifying an object, from a (desired or read) view."""
    return tuple(view.get(name) for name in resource.identity)


def index_by_identity(resource, api_objects):
    """Map identity keys to ``(object ID, read view)`` for a whole list read.

    Lets one ``list`` call reconcile many desired objects (aggregate mode).
    """
    index = {}
    for object_id, api_object in api_objects.items():
        view = read_view(resource, api_object)
        index[identity_key(resource, view)] = (object_id, view)
    return index


def _payload(resource, view, names):
    """Write-side arguments; a field whose ``api`` is ``None`` writes a dict of several."""
    payload = {}
    for name in names:
        field = resource.by_name[name]
        value = field.to_api(view[name])
        if field.api is None:
            payload.update(value)
        else:
            payload[field.api] = value
    return payload


def plan(resource, params, current=None, state="present", force_write_only=False):
    """Decide what reconciling one object takes.

    params: the user's arguments by option name (``None`` = not set).
    current: the object's read view (from :func:`read_view`) or ``None`` if absent.
    force_write_only: also send options the API cannot read back: ``True`` for
        all of them, or a collection of option names.
    Raises :class:`ReconcileError` for input that cannot be applied.
    """
    desired = desired_view(resource, params)
    if state == "absent":
        if current is None:
            return Plan(None, {}, {}, {}, {})
        return Plan("delete", {}, {}, dict(current), {})
    if current is None:
        return _plan_create(resource, desired)
    return _plan_update(resource, desired, current, force_write_only)


def _plan_create(resource, desired):
    desired = dict(desired)
    for field in resource.fields:
        if field.create_default is not None and field.name not in desired:
            desired[field.name] = field.normalize(field.create_default)
    missing = [field.name for field in resource.fields if field.required_on_create and field.name not in desired]
    if missing:
        raise ReconcileError(
            "creating %s requires %s" % (resource.name, ", ".join(missing)), missing[0])
    changes = dict((name, (None, value)) for name, value in desired.items())
    return Plan("create", changes, _payload(resource, desired, desired), {}, dict(desired))


def in_sync(field, current, desired):
    """Whether a read value matches the desired one: ``True``, ``False``, or ``None`` when the read
    shows too little to tell (see ``Field.compare``)."""
    if field.compare is None:
        return current == desired
    return field.compare(current, desired)


def _plan_update(resource, desired, current, force_write_only):
    changes = {}
    unverified = []
    for name, value in sorted(desired.items()):
        field = resource.by_name[name]
        # A field this server does not return (older versions omit some), or returns only a part of
        # that agrees, cannot be compared either: it is handled as write-only, never a change on every run.
        agrees = None if field.write_only or name not in current else in_sync(field, current[name], value)
        if agrees is None:
            if force_write_only is True or name in (force_write_only or ()):
                changes[name] = (current.get(name), value)
            else:
                unverified.append(name)
            continue
        if agrees:
            continue
        if field.create_only:
            raise ReconcileError(
                "%s cannot be changed on an existing %s (it is %r, the task asks for %r)"
                % (name, resource.name, current.get(name), value), name)
        changes[name] = (current.get(name), value)
    if not changes:
        return Plan(None, {}, {}, dict(current), dict(current), unverified)
    merged = dict(current)
    merged.update(desired)
    companions = set(name for changed in changes for name in resource.by_name[changed].send_with)
    resend = [field.name for field in resource.fields
              if (field.resend_on_edit or field.name in companions) and field.name in merged
              and field.name not in changes]
    payload = _payload(resource, merged, list(changes) + resend)
    # Forced write-only options appear in ``after`` only: nobody can read their ``before``.
    after = dict(current)
    after.update(dict((name, new) for name, (old, new) in changes.items()))
    return Plan("update", changes, payload, dict(current), after, unverified)


def flatten_options(params):
    """Module parameters with a free-form ``options`` dict spread into ``options.<key>`` entries."""
    flat = dict((key, value) for key, value in params.items() if key != "options")
    for key, value in (params.get("options") or {}).items():
        flat["options." + key] = value
    return flat


def nest_options(view):
    """The inverse of :func:`flatten_options` for results: ``options.<key>`` back under ``options``."""
    nested = {}
    for key, value in view.items():
        if key.startswith("options."):
            nested.setdefault("options", {})[key[len("options."):]] = value
        else:
            nested[key] = value
    return nested


def desired_params(resource, params):
    """The user's arguments for every field of ``resource`` (``options.<key>`` from ``params["options"]``)."""
    flat = flatten_options(params)
    return dict((name, flat.get(name)) for name in resource.by_name)
