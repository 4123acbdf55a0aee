# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The I/O half of the engine: read, plan (pure), write, read back.

One :class:`Converger` works for any declared :class:`Resource`: it finds
the object by its identity in one ``list`` read (plus a ``configuration`` read
where the API has one), lets :func:`reconcile.plan` decide, sends the single
write the plan needs (never in check mode), and reads the result back.
"""

import json
import re
import time

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import diff as diffs
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareApiError, PBXwareError, PBXwareResponseError, PBXwareTransportError)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ParentMissing, ReconcileError, desired_view, identity_key, in_sync, other_spellings, plan, read_view,
    spoken_names)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import MASTER_SERVER_ID


def unwrap(answer, object_id):
    """A ``configuration`` answer is keyed by the object's ID: ``{"5": {...}}`` -> ``{...}``."""
    if isinstance(answer, dict) and len(answer) == 1:
        (key, value), = answer.items()
        if ident(key) == ident(object_id) and isinstance(value, dict):
            return value
    return answer


class Converger(object):
    """Reconciles objects of one resource inside one server (tenant)."""

    def __init__(self, client, resource, server=None, scope=None, sleep=time.sleep, clock=time.monotonic):
        """``scope``: arguments every call takes besides ``server`` (a CLI routing rule's DID ``id``)."""
        self.client = client
        self.resource = resource
        self.server = server
        self.scope = dict(scope or {})
        self.warnings = []
        self._sleep = sleep
        self._clock = clock
        self._spelling = {}
        self._list_needed = True

    def _server_params(self, method):
        params = dict(self.scope)
        if method in self.resource.master_server_actions:
            params["server"] = MASTER_SERVER_ID
        elif self.server is not None:
            params["server"] = self.server
        return params

    # -- reads --------------------------------------------------------------

    def list_objects(self):
        """The raw ``list`` collection, ID-keyed (one read serves many objects)."""
        answer = self.client.read(self.resource.action("list"), self._server_params("list"))
        if self.resource.list_key and isinstance(answer, dict):
            answer = answer.get(self.resource.list_key)
        rows = collection(answer)
        if self.resource.scalar_rows:
            field = self.resource.by_name[self.resource.scalar_rows]
            rows = dict((key, row if isinstance(row, dict) else {field.read: row}) for key, row in rows.items())
        return rows

    def read_object(self, object_id, list_row):
        """The full object: the resource's full read (``configuration``) over the ``list`` row.

        Some fields (an extension's departments) only appear in the list.
        """
        method = self.resource.read_method
        if method is None:
            return list_row
        params = self._server_params(method)
        params[self.resource.read_id_param] = object_id
        action = self.resource.action(method)
        answer = unwrap(self.client.read(action, params), object_id)
        if not isinstance(answer, dict):
            # An object the list shows has a configuration; anything else is no ground for a plan.
            raise PBXwareResponseError("PBXware API action %s: answered %s instead of the configuration of %s %s "
                                       "(an object)" % (action, json.dumps(answer)[:100], self.resource.name,
                                                        object_id), action)
        merged = dict(list_row)
        merged.update(answer)
        return merged

    def find_direct(self, key):
        """``(object ID, object)`` from the full read by identity (``ext.configuration`` with ``ext=100``).

        ``None`` when that read cannot tell: an error (no such object, or another cause) or an answer
        that is not the object asked for. The ``list`` decides then.
        """
        resource = self.resource
        params = self._server_params(resource.read_method)
        params[resource.lookup_param] = key[0]
        try:
            answer = self.client.read(resource.action(resource.read_method), params)
        except PBXwareApiError:
            return None
        if isinstance(answer, dict) and len(answer) == 1:
            (object_id, raw), = answer.items()
            if isinstance(raw, dict) and identity_key(resource, read_view(resource, raw)) == key:
                return ident(object_id), raw
        return None

    def find_raw(self, key, rows=None):
        """``(object ID, object as the API reads it)`` for identity ``key``, or ``(None, None)``."""
        if self.resource.singleton:
            answer = self.client.read(self.resource.action("list"), self._server_params("list"))
            return None, answer if isinstance(answer, dict) else {}
        if rows is None and not self._list_needed:
            found = self.find_direct(key)
            if found is not None:
                return found
        rows = self.list_objects() if rows is None else rows
        for object_id, row in rows.items():
            if self.resource.key_field:
                row = dict(row, **{self.resource.by_name[self.resource.key_field].read: object_id})
            if identity_key(self.resource, read_view(self.resource, row)) == key:
                return object_id, self.read_object(object_id, row)
        return None, None

    def find(self, key, rows=None):
        """``(object ID, read view)`` of the object with identity ``key``, or ``(None, None)``."""
        object_id, raw = self.find_raw(key, rows)
        return object_id, (read_view(self.resource, raw) if raw is not None else None)

    # -- the cycle ------------------------------------------------------------

    def converge(self, params, state="present", check_mode=False, force_write_only=False, rows=None, resolve=None):
        """Bring one object to ``params``/``state``; return the module result.

        ``rows`` lets an aggregate caller pass one ``list`` read for many objects.
        ``resolve(params, raw)`` may translate names into IDs knowing the current
        object (``raw``, or ``None``), so that an unchanged name costs no lookup.
        """
        key = identity_key(self.resource, desired_view(self.resource, params))
        self._list_needed = self.resource.needs_list(params)
        object_id, raw = self.find_raw(key, rows)
        result_plan = self.prepare(params, raw, state, force_write_only, resolve)
        return self.commit(result_plan, object_id, key, check_mode)

    def prepare(self, params, raw, state="present", force_write_only=False, resolve=None):
        """The plan for ``params``/``state`` given the object as read (``raw``, ``None`` if absent).

        No I/O besides ``resolve``'s lookups, so that an aggregate plans every object before
        its first write; :meth:`commit` then carries the plan out (one Converger per object).
        """
        self._spelling = spoken_names(self.resource, raw or {})
        if resolve is not None and state == "present":
            params = resolve(dict(params), raw)
        current = read_view(self.resource, raw) if raw is not None else None
        result_plan = plan(self.resource, params, current, state, force_write_only)
        if result_plan.changed and result_plan.operation not in self.resource.write_methods:
            key = identity_key(self.resource, desired_view(self.resource, params))
            named = " ".join("%s %s" % pair for pair in zip(self.resource.identity, key))
            if result_plan.operation == "create":
                # A part of an object (an extension's MACs): the object itself is missing.
                raise ParentMissing("%s: %s does not exist" % (self.resource.name, named), self.resource.identity[0])
            raise ReconcileError("%s: the API cannot %s it" % (self.resource.name, result_plan.operation))
        self._warn_unverified(result_plan, current)
        return result_plan

    def commit(self, result_plan, object_id, key, check_mode=False, read_back=True):
        """Send the one write ``result_plan`` needs (none in check mode) and return the result.

        ``read_back=False`` (an aggregate, which reads each object once per task): ``after`` is the
        plan's prediction instead of a fresh read; an unclear write answer is still decided by one.
        """
        after = result_plan.after
        if result_plan.changed and not check_mode:
            object_id = self._apply(result_plan, object_id, key)
            if result_plan.operation == "delete":
                after = {}
            elif read_back:
                after = self._read_until(key, lambda found_id, view: self._landed(result_plan, found_id, view))[1] or {}
                self._warn_unapplied(result_plan, after)
        result = {
            "changed": result_plan.changed,
            "operation": result_plan.operation,
            "id": object_id if result_plan.operation != "delete" else None,
            "before": diffs.mask(self.resource, result_plan.before),
            "after": diffs.mask(self.resource, after),
            "proposed": diffs.proposed(self.resource, result_plan),
            "diff": diffs.diff(self.resource, result_plan),
        }
        return result

    def _warn_unverified(self, result_plan, current):
        """Name every option the task sets that this run neither compared nor sent (on every such run)."""
        for name in result_plan.unverified:
            field = self.resource.by_name[name]
            if field.write_only and field.secret:
                continue  # passwords: sent on create, or as the module's update_password option says
            if not field.write_only and name in current:  # a partial read that agrees (Field.compare)
                self.warnings.append(
                    "%s: %s could only be partly compared (this server's answer shows only part of it, and that "
                    "part agrees) and was not sent; it is sent whole when the part shown differs, when the object "
                    "is created, or on every run with force_write_only: true" % (self.resource.name, name))
                continue
            why = ("the API never returns it" if field.write_only
                   else "this server's answer does not contain %s" % field.read)
            self.warnings.append(
                "%s: %s was neither compared nor sent (%s); it is sent when the object is created, or on every "
                "run with force_write_only: true" % (self.resource.name, name, why))

    def _warn_unapplied(self, result_plan, after):
        """Say which changes the server accepted but did not keep (e.g. codecs a tenant disallows)."""
        for name, (old, new) in sorted(result_plan.changes.items()):
            field = self.resource.by_name[name]
            if field.write_only or in_sync(field, after.get(name), new) is not False:
                continue
            shown = (lambda value: diffs.MASK) if field.secret else repr
            self.warnings.append(
                "%s: the server accepted %s=%s but now reports %s; a rerun will try again"
                % (self.resource.name, name, shown(new), shown(after.get(name))))

    def _read_until(self, key, done):
        """``find(key)``, repeated while ``done(object ID, view)`` is false for up to the resource's settle time."""
        found_id, view = self.find(key)
        seconds, interval = self.resource.settle or (0, 0)
        deadline = self._clock() + seconds
        while not done(found_id, view) and self._clock() < deadline:
            self._sleep(interval)
            found_id, view = self.find(key)
        return found_id, view

    def _compared(self, result_plan):
        """The plan's changes a read can show (write-only ones cannot)."""
        return [name for name in sorted(result_plan.changes) if not self.resource.by_name[name].write_only]

    def _shown(self, result_plan, view):
        """The compared changes ``view`` shows applied."""
        return [name for name in self._compared(result_plan) if view is not None and in_sync(
            self.resource.by_name[name], view.get(name), result_plan.changes[name][1]) is not False]

    def _landed(self, result_plan, found_id, view):
        if result_plan.operation == "delete":
            return found_id is None
        return found_id is not None and self._shown(result_plan, view) == self._compared(result_plan)

    def _apply(self, result_plan, object_id, key):
        operation = result_plan.operation
        method = self.resource.write_methods[operation]
        params = self._server_params(method)
        if operation != "create" and not self.resource.singleton:
            params[self.resource.id_param] = object_id
        params.update((self._spelling.get(name, name), value) for name, value in result_plan.payload.items())
        try:
            answer = self._write_in_the_servers_spelling(self.resource.action(method), params)
        except PBXwareApiError as err:
            # Refused: certainly not applied. Some refusals have a known, passing cause worth naming.
            if operation == "create" and self.resource.refused_create_hint:
                raise PBXwareError("%s. %s" % (err.message.rstrip("."), self.resource.refused_create_hint),
                                   err.action)
            raise
        except (PBXwareTransportError, PBXwareResponseError) as err:
            # The write may have landed (tenant.add outliving the timeout): look, never re-send.
            if isinstance(err, PBXwareTransportError) and not err.reached_server:
                raise
            return self._confirm_uncertain_write(result_plan, key, err)
        if operation == "create" and isinstance(answer, dict) and answer.get("id") not in (None, ""):
            return ident(answer["id"])
        return object_id

    def _write_in_the_servers_spelling(self, action, params):
        """Send ``params``; when the server refuses an argument that has another spelling, send that instead.

        A refused write is certainly not applied, so sending it again renamed is safe.
        """
        tried = set()
        while True:
            try:
                return self.client.write(action, params)
            except PBXwareApiError as err:
                said = err.message.replace(action, "")
                named = [name for name in params if name not in tried
                         and re.search(r"(^|\W)%s(\W|$)" % re.escape(name), said)
                         and other_spellings(self.resource, params, name) is not None]
                if not named:
                    raise
                renamed = other_spellings(self.resource, params, named[0])
                spelled = sorted(set(renamed) - set(params))
                tried.update([named[0]] + spelled)
                self.warnings.append("%s refused %s (%s); sent it as %s, the other spelling the vendor documents"
                                     % (action, named[0], err.message, ", ".join(spelled)))
                params = renamed

    def _confirm_uncertain_write(self, result_plan, key, err):
        """A fresh read decides what an unclear answer to a write did; the write is never re-sent."""
        found_id, view = self._read_until(key, lambda found, seen: self._landed(result_plan, found, seen))
        if not self._landed(result_plan, found_id, view):
            applied = self._shown(result_plan, view) if found_id is not None else []
            raise PBXwareError(unconfirmed_write_message(err, result_plan.operation, applied,
                                                         self._compared(result_plan)), err.action)
        self.warnings.append(
            "%s: the server did not answer cleanly (%s), but a fresh read shows the change was applied"
            % (err.action, err.message))
        return found_id


# A gateway in front of PBXware answered, not PBXware: the request may still be in its hands.
GATEWAY_STATUSES = frozenset((502, 504))


def may_still_apply(err):
    """Whether the server may still apply a write that got ``err`` (no answer, or a gateway's)."""
    return isinstance(err, PBXwareTransportError) or getattr(err, "status", None) in GATEWAY_STATUSES


def unconfirmed_write_message(err, operation, applied=(), compared=()):
    """Why a write whose answer was unclear is not reported as a change, and what the user can do."""
    if operation != "create" and applied:
        seen = "a fresh read shows only part of it applied (%s; not %s)" % (
            ", ".join(applied), ", ".join(name for name in compared if name not in applied))
    else:
        seen = "a fresh read does not show it applied"
    if may_still_apply(err):
        # Timeouts and dropped answers: the server may still be working on it (tenant.add can take minutes).
        outlook = ("The server may still apply it. It was not re-sent; rerun the task later: "
                   "it reads before writing, so it will find the change and not make a duplicate.")
    else:
        outlook = "It was not re-sent; a rerun will read the server's state and send what is still missing."
    return "%s. The %s was not confirmed: %s. %s" % (err.message.rstrip("."), operation, seen, outlook)
