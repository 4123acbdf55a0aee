# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Many objects of one resource in one task: the loop of the aggregate modules.

One ``list`` read finds every object. A full read (``configuration``) is made only
for an object whose item sets a field its ``list`` row does not carry, up to
``max_workers`` of them at once, each worker with a client of its own (a requests
Session is not thread-safe). Every object is then planned by its own
:class:`Converger` before the first write, so bad input in any item stops the task
with nothing written. The writes follow one at a time: deletions first (they free
what a tenant's package counts), then the rest, each in the order of identities.
Nothing is read back: ``after`` is the plan's prediction, and an unclear answer to
a write is decided by a fresh read, as in the single modules.
"""

import collections
import contextlib
import copy
import json
import threading
from concurrent.futures import ThreadPoolExecutor

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, check_list_items, desired_view, identity_key, lookup_path, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger

STATES = ("merged", "replaced", "overridden", "deleted", "gathered")
MAX_WORKERS = 16
SHOWN_DELETES = 20  # objects named in a refusal to delete more than max_deletes
OPERATION_COUNTS = {"create": "created", "update": "updated", "delete": "deleted", None: "unchanged"}

# One object's plan, waiting for its write: ``label`` names it in messages.
Planned = collections.namedtuple("Planned", "label key converger plan object_id")


class AggregateFailure(PBXwareError):
    """A write failed part-way; ``result`` says what the objects written before it are now."""

    def __init__(self, message, action, result):
        super(AggregateFailure, self).__init__(message, action)
        self.result = result


class Item(object):
    """One entry of the task's ``config``: its place (``config[3]``), its resource and parameters.

    ``resource`` may be the aggregate's resource extended with the item's own fields
    (one per key of an ``options`` dict).
    """

    def __init__(self, path, resource, params, force_write_only=False):
        self.path = path
        self.resource = resource
        self.params = dict(params)
        self.force_write_only = force_write_only
        named = ", ".join("%s %s" % (name, params[name]) for name in resource.identity
                          if params.get(name) not in (None, ""))
        self.label = "%s (%s)" % (path, named) if named else path
        with about(self):
            self.key = identity_key(resource, desired_view(resource, dict(
                (name, params.get(name)) for name in resource.identity)))
            missing = [name for name, value in zip(resource.identity, self.key) if value in (None, "")]
            if missing:
                raise ReconcileError("%s is required" % missing[0], missing[0])

    def with_params(self, params):
        """This item with other parameters (the same identity)."""
        changed = copy.copy(self)
        changed.params = dict(params)
        return changed


@contextlib.contextmanager
def about(item):
    """Name ``item`` in any input error raised inside (``config[3] (extension 105): pin must ...``)."""
    try:
        yield
    except ReconcileError as err:
        parameter = "%s.%s" % (item.path, err.parameter) if err.parameter else item.path
        raise type(err)("%s: %s" % (item.label, err.message), parameter)


def check_bounds(config, state, max_deletes, max_workers=None):
    """Refuse an aggregate task's own options before any call: ``config`` (``None`` when not given),
    ``state``, ``max_deletes`` and ``max_workers`` (``None``: a module without read workers)."""
    if state == "gathered" and config:
        raise ReconcileError("config is not used with state=gathered (it returns config)", "config")
    if state != "gathered" and config is None:
        # Explicit, so that a forgotten or misspelt variable never means "delete everything".
        raise ReconcileError("config is required with state=%s (state=deleted with config: [] deletes every object, "
                             "up to max_deletes)" % state, "config")
    if max_deletes < 0:
        raise ReconcileError("max_deletes cannot be negative, got %d" % max_deletes, "max_deletes")
    if max_workers is not None and not 1 <= max_workers <= MAX_WORKERS:
        raise ReconcileError("max_workers must be between 1 and %d, got %d" % (MAX_WORKERS, max_workers),
                             "max_workers")


def gathered_item(resource, view, shape=None):
    """An object's read view as an item to feed back: no secret (masked, it could not be sent back)
    and no empty value (nothing to compare)."""
    kept = dict((name, value) for name, value in view.items()
                if name not in resource.secret_names and value not in (None, "", [], {}))
    return shape(kept) if shape else kept


def check_items(items, state, cleared=None):
    """``items`` ready for :meth:`Aggregate.converge`, checked with no call: one item per object;
    for replaced/overridden whole objects, each of ``cleared`` (option -> empty value) the item
    leaves unset emptied; for deleted the identity alone."""
    seen = {}
    checked = []
    for item in items:
        if item.key in seen:
            raise ReconcileError("%s and %s name the same %s" % (seen[item.key].label, item.label,
                                                                 item.resource.name), item.path)
        seen[item.key] = item
        params = item.params
        if state == "deleted":
            params = dict((name, params.get(name)) for name in item.resource.identity)
        elif state in ("replaced", "overridden"):
            missing = [field.name for field in item.resource.fields
                       if field.required_on_create and field.create_default is None and params.get(field.name) is None]
            if missing:
                with about(item):
                    raise ReconcileError("state=%s takes each item as the whole %s: set %s"
                                         % (state, item.resource.name, ", ".join(missing)), missing[0])
            params = dict(params, **dict((name, copy.deepcopy(empty)) for name, empty in (cleared or {}).items()
                                         if params.get(name) is None))
        with about(item):
            check_list_items(item.resource, params)
            desired_view(item.resource, params)  # every normaliser judges its value before any call
        checked.append(item.with_params(params))
    return checked


def sort_key(key):
    """Identities in a stable, human order: numbers by value (``99`` before ``100``), then text."""
    return tuple((0, int(value), "") if str(value).isdigit() else (1, 0, str(value)) for value in key)


def shown_key(key):
    return " ".join(str(value) for value in key)


def set_names(params):
    """The options ``params`` sets."""
    return [name for name, value in params.items() if value is not None]


def needs_full_read(resource, names, row):
    """Whether comparing the fields ``names`` takes the full read: ``row`` (the ``list``'s) lacks one."""
    if resource.read_method is None:
        return False
    for name in names:
        field = resource.by_name[name]
        if field.read is not None and not any(lookup_path(row, path)[0] for path in field.reads):
            return True
    return False


class SharedReads(object):
    """A client whose reads are each made once per task, for name lookups (a trunk or phone model
    named by many items costs one list read). Never for the objects' own reads."""

    def __init__(self, client):
        self._client = client
        self._answers = {}

    def read(self, action, params=None):
        asked = (action, json.dumps(params or {}, sort_keys=True, default=str))
        if asked not in self._answers:
            self._answers[asked] = self._client.read(action, params)
        return copy.deepcopy(self._answers[asked])


class Aggregate(object):
    """Reconciles a whole set of objects of ``resource`` inside one server (tenant).

    ``new_client()`` makes a client for a read worker; without it, reads are sequential.
    """

    def __init__(self, client, resource, server=None, new_client=None, max_workers=4):
        self.client = client
        self.resource = resource
        self.server = server
        self.new_client = new_client
        self.max_workers = max_workers
        self.lookups = SharedReads(client)
        self.warnings = []

    # -- reads ----------------------------------------------------------------

    def rows(self):
        """``{identity key: (object ID, list row)}`` from the one ``list`` read."""
        found = {}
        for object_id, row in Converger(self.client, self.resource, self.server).list_objects().items():
            if self.resource.key_field:
                row = dict(row, **{self.resource.by_name[self.resource.key_field].read: object_id})
            found[identity_key(self.resource, read_view(self.resource, row))] = (object_id, row)
        return found

    def read_full(self, wanted):
        """``{key: raw object}``: the full read over the list row of each ``(key, object ID, row)``."""
        workers = min(self.max_workers, len(wanted))
        if workers <= 1 or self.new_client is None:
            converger = Converger(self.client, self.resource, self.server)
            return dict((key, converger.read_object(object_id, row)) for key, object_id, row in wanted)
        local = threading.local()
        clients = []
        lock = threading.Lock()

        def fetch(entry):
            key, object_id, row = entry
            client = getattr(local, "client", None)
            if client is None:
                client = local.client = self.new_client()
                with lock:
                    clients.append(client)
            return key, Converger(client, self.resource, self.server).read_object(object_id, row)

        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                return dict(pool.map(fetch, wanted))
        finally:
            for client in clients:
                session = getattr(client, "session", None)
                if session is not None:
                    session.close()

    def gather(self, resource=None):
        """Every object as ``[(key, object ID, read view)]`` in identity order; ``resource``: the fields
        to show (default the aggregate's). Full reads only where the ``list`` lacks one of them."""
        resource = resource or self.resource
        rows = self.rows()
        readable = [field.name for field in resource.fields if field.read is not None]
        keys = sorted(rows, key=sort_key)
        raws = self.read_full([(key,) + rows[key] for key in keys if needs_full_read(resource, readable, rows[key][1])])
        return [(key, rows[key][0], read_view(resource, raws.get(key, rows[key][1]))) for key in keys]

    # -- the cycle --------------------------------------------------------------

    def converge(self, items, state, check_mode=False, max_deletes=10, resolve=None, shape=None):
        """Bring the objects to ``items`` (from :func:`check_items`) as ``state`` says; the module result.

        ``state``: ``merged`` (each item as a single module's ``present``), ``replaced`` (each item is
        the whole object), ``overridden`` (replaced, and every object not in ``items`` deleted),
        ``deleted`` (the items' objects; with no items, every object). Deleting objects the items do
        not name is refused, before any write, beyond ``max_deletes``.
        ``resolve(params, raw)``: as for :meth:`Converger.converge`. ``shape``: view -> what users see.
        """
        shape = shape or (lambda view: view)
        present = state in ("merged", "replaced", "overridden")
        rows = self.rows()
        wanted = set(item.key for item in items)
        doomed = []
        if state == "overridden" or (state == "deleted" and not items):
            doomed = sorted((key for key in rows if key not in wanted), key=sort_key)
            if len(doomed) > max_deletes:
                named = ", ".join(shown_key(key) for key in doomed[:SHOWN_DELETES])
                raise ReconcileError(
                    "state=%s would delete %d %s(s) the config does not list (%s%s), more than max_deletes=%d; "
                    "nothing was changed" % (state, len(doomed), self.resource.name, named,
                                             ", ..." if len(doomed) > SHOWN_DELETES else "", max_deletes),
                    "max_deletes")
        raws = {}
        if present:
            raws = self.read_full([(item.key,) + rows[item.key] for item in items if item.key in rows and
                                   needs_full_read(item.resource, set_names(item.params), rows[item.key][1])])
        planned = []
        for item in items:
            object_id, row = rows.get(item.key, (None, None))
            converger = Converger(self.client, item.resource, self.server)
            with about(item):
                result_plan = converger.prepare(item.params, raws.get(item.key, row), "present" if present else "absent",
                                                item.force_write_only, resolve)
            planned.append(Planned(item.label, item.key, converger, result_plan, object_id))
        for key in doomed:
            converger = Converger(self.client, self.resource, self.server)
            result_plan = converger.prepare(dict(zip(self.resource.identity, key)), rows[key][1], "absent")
            planned.append(Planned("%s %s" % (self.resource.name, shown_key(key)), key, converger, result_plan,
                                   rows[key][0]))
        planned.sort(key=lambda entry: (entry.plan.operation != "delete", sort_key(entry.key)))
        return self._commit(planned, check_mode, shape)

    def _commit(self, planned, check_mode, shape):
        """Carry out the plans in order; on a failed write, raise what was written before it."""
        results = []
        counts = dict((name, 0) for name in OPERATION_COUNTS.values())
        diff = {"before": {}, "after": {}}
        for index, step in enumerate(planned):
            try:
                result = step.converger.commit(step.plan, step.object_id, step.key, check_mode, read_back=False)
            except PBXwareError as err:
                self._note(step)
                written = [done for done in results if done["changed"]]
                untried = [later.label for later in planned[index + 1:] if later.plan.changed]
                raise AggregateFailure(
                    "%s: %s. Written before it: %s (see results). Not attempted: %s."
                    % (step.label, err.message.rstrip("."),
                       ", ".join("%s %s" % (done["operation"], shown_key(done["key"])) for done in written) or "nothing",
                       ", ".join(untried) or "nothing"),
                    err.action,
                    {"changed": bool(written), "results": [self._public(done) for done in results],
                     "counts": counts, "diff": diff, "warnings": self.warnings})
            self._note(step)
            results.append(dict(result, key=step.key, before=shape(result["before"]), after=shape(result["after"]),
                                proposed=shape(result["proposed"])))
            counts[OPERATION_COUNTS[result["operation"]]] += 1
            if result["changed"]:
                shown = shown_key(step.key)
                diff["before"][shown] = shape(result["diff"]["before"])
                diff["after"][shown] = shape(result["diff"]["after"])
        return {
            "changed": any(entry["changed"] for entry in results),
            "results": [self._public(entry) for entry in results],
            "counts": counts,
            "diff": diff,
            "warnings": self.warnings,
        }

    def _public(self, entry):
        """A result entry as users see it: the identity by option name, no engine diff."""
        shown = dict(zip(self.resource.identity, entry["key"]))
        shown.update((name, entry[name]) for name in ("changed", "operation", "id", "before", "after", "proposed"))
        return shown

    def _note(self, step):
        """Take over the warnings of ``step``'s Converger, naming the object."""
        self.warnings.extend("%s: %s" % (step.label, warning) for warning in step.converger.warnings)
        del step.converger.warnings[:]
