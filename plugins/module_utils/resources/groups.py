# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Call groups of a tenant: ring groups, enhanced ring groups (ERGs) and paging groups.

Each is identified by its number in the tenant (the module's ``extension``).

- Ring groups: ``pbxware.ring_group.list`` reads name, ``ext``, ``destinations``
  (written as ``extensions``), ``last_dest`` and ``last_dest_vm`` (``yes``/``no``);
  ``pbxware.ring_group.configuration`` reads every other argument under
  ``options`` (yes/no arguments as ``1``/``0``). The configuration is read only
  when the task sets something the list does not show.
- ERGs: ``pbxware.erg.list`` is the only read (``number``, ``strategy``,
  ``members``); every other argument is write-only. Members are set with
  ``pbxware.erg.members`` (parallel ``numbers``/``penalties`` lists), a second
  resource on the same list read.
- Paging groups: ``pbxware.paging_group.list`` reads everything (``number``,
  ``quiet`` and the ``destinations`` items as numbers).
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    collection, comma_list, ident, to_bool, to_int, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ReconcileError, Resource, desired_params, nest_options, read_view)

DIGITS = re.compile(r"^\d+$")


def yes_no(value):
    """A boolean as the ``Specify yes or no`` arguments take it."""
    return "yes" if value else "no"


def number_set(value):
    """Paging destinations: all are paged at once, so order and repeats do not matter."""
    items = comma_list(value)
    return None if items is None else sorted(set(items), key=lambda item: (len(item), item))


RING_STRATEGIES = ("all", "leastrecent", "round", "round_memory")
RING_GROUP = Resource(
    "ring group",
    [
        Field("extension", api="ext", read="ext", required_on_create=True),
        Field("name", required_on_create=True),
        # Kept in order: the reference does not say any strategy ignores it, and the hunting strategies
        # (round robin, circular looping) go through the members in that order.
        Field("members", api="extensions", read="destinations", normalize=comma_list, to_api=CommaList),
        Field("ring_strategy", read="options.ring_strategy"),
        # The module's ``timeout`` is the connection's.
        Field("ring_timeout", api="timeout", read="options.timeout", normalize=to_int),
        Field("max_limit", read="options.max_limit", normalize=to_int),
        Field("greeting", read="options.greeting"),
        Field("last_dest", read="last_dest"),
        Field("last_dest_vm", read="last_dest_vm", normalize=to_bool, to_api=yes_no),
    ],
    identity=["extension"],
    api_object="ring_group",
)
# The other ring_group.add/edit arguments (all read under the configuration's options):
# yes/no flags as booleans, the rest as text with the validation the vendor documents.
RING_GROUP_FLAGS = ("ganswer", "overwrite_timeout", "store_cdr", "record", "record_silent", "confirm_calls",
                    "skip_pbd_local", "preserve_callerid", "member_es_disable")
RING_GROUP_TEXT = {
    "timeout_msg": r"^announce-[\w-]+$", "loops": r"^\d{1,2}$", "dial_options": r"^\w+$",
    "custom_ringtone": r"^\w+$", "callerid": r"^[+\w\s%]+(\s*<[+%\w]+>)?$", "exit_digit": r"^\d$",
    "exit_ext": r"^\d+$", "confirm_msg": r"^rg-announce-[\w-]+$", "confirm_answered_msg": r"^rg-late-announce-[\w-]+$",
    "call_rating_ext": r"^\d+$", "looping_mode": r"^(per_ext|circular)$",
}
RING_GROUP_PATTERNS = {"greeting": r"^greeting-[\w-]+$", "last_dest": r"^\d+$", "ring_timeout": r"^\d{1,8}$",
                       "max_limit": r"^\d{1,2}$"}

ERG_STRATEGIES = ("ringall", "linear", "leastrecent", "fewestcalls", "random", "rrmemory", "rrordered", "wrandom")
ERG = Resource(
    "enhanced ring group",
    [
        Field("extension", api="ext", read="number", required_on_create=True),
        Field("name", required_on_create=True),
        Field("ring_strategy", read="strategy"),
        Field("max_wait_callers", normalize=to_int, write_only=True, required_on_create=True),
        Field("rings_answer", normalize=to_int, write_only=True, required_on_create=True),
    ],
    identity=["extension"],
    api_object="erg",
)
ERG_FLAGS = ("record", "wake_mobile", "prioritize_timeout", "max_wait_dest_vm", "redirect_vm", "announce_holdtime",
             "announce_position", "static_login", "member_es_disable", "autofill", "ring_inuse", "timeout_restart",
             "use_exit_digit", "exit_vm", "leave_when_empty", "empty_dest_vm", "enable_notification")
ERG_DESTINATIONS = ("max_wait_dest", "redirect_dest", "empty_dest", "exit_dest")
ERG_TEXT = dict(
    [(name, r"^\d+$") for name in ERG_DESTINATIONS],
    replace_cid=r"^[\w\s]+$", queue_url=None, max_wait_seconds=r"^\d{1,4}$",
    greeting=r"^queue-greeting-[\w-]+$", announce_frequency=r"^\d{1,2}$", min_announce_frequency=r"^\d{1,2}$",
    announce_r_seconds=r"^(0|5|10|15|20|30)$", member_ring_timeout=r"^\d{1,4}$", retry_timeout=r"^\d{1,3}$",
    wrapup_time=r"^\d{1,3}$", periodic_announce=r"^(default|periodic-announce-[\w-]+)$",
    periodic_announce_frequency=r"^\d{1,2}$", periodic_announce_startdelay=r"^\d+$",
    first_periodic_announce=r"^\d{1,3}$", incoming_options=r"^[tTHnrC]+$", ring_timeout=r"^\d{1,4}$",
    exit_digit=r"^\d$", notification_email=r"^[^@\s]+@[^@\s]+\.[^@\s]+$",
)
ERG_PATTERNS = {"name": r"^[a-zA-Z0-9_-]+$", "max_wait_callers": r"^\d{1,5}$", "rings_answer": r"^\d$"}


def member_list(value):
    """ERG members in one form, in order: ``[{"extension": "101", "penalty": 0}]``.

    The API reads ``[{"ext": "101", "penalty": "0"}]``; users write ``extension`` (``ext`` accepted).
    """
    if value is None:
        return None
    if not isinstance(value, (list, tuple)):
        raise ValueError("a list of {extension, penalty} items is expected")
    members = []
    for item in value:
        if not isinstance(item, dict):
            raise ValueError("a list of {extension, penalty} items is expected, got %r" % (item,))
        number = to_str(item.get("extension", item.get("ext")))
        penalty = to_int(item.get("penalty"))
        members.append({"extension": number, "penalty": 0 if penalty is None else penalty})
    return members


def member_arguments(members):
    """``pbxware.erg.members`` takes the members as two parallel comma-separated lists."""
    if not members:
        raise ReconcileError("members: pbxware.erg.members cannot remove every member (it requires at least one "
                             "number); list at least one", "members")
    return {"numbers": CommaList(member["extension"] for member in members),
            "penalties": CommaList(member["penalty"] for member in members)}


# The members of an ERG, on the same erg.list read; it can only be updated (the ERG itself is ERG's).
ERG_MEMBERS = Resource(
    "enhanced ring group",
    [
        Field("extension", read="number"),
        Field("members", api=None, read="members", normalize=member_list, to_api=member_arguments),
    ],
    identity=["extension"],
    api_object="erg",
    write_methods={"update": "members"},
)

PAGING_GROUP = Resource(
    "paging group",
    [
        Field("extension", api="number", read="number", required_on_create=True),
        Field("name", required_on_create=True),
        Field("members", api="destinations", read="destinations", normalize=number_set, to_api=CommaList),
        Field("quiet", normalize=to_bool),
    ],
    identity=["extension"],
    api_object="paging_group",
)


# --- options dicts ---------------------------------------------------------------------------------

def _option_fields(options, resource, flags, text, action, read_prefix):
    """One field per key of a free-form ``options`` dict; unknown keys and first-class ones are errors."""
    known = tuple(flags) + tuple(text)
    first_class = dict((field.api, field.name) for field in resource.fields if field.api)
    first_class.update(server="tenant or tenant_id", id="extension")
    fields = []
    for key in sorted(options or {}):
        if key in first_class:
            raise ReconcileError("options.%s: set it with the %s option instead" % (key, first_class[key]), "options")
        if key not in known:
            close = difflib.get_close_matches(key, known, n=3, cutoff=0.6)
            hint = "; did you mean %s?" % ", ".join(close) if close else "; allowed: %s" % ", ".join(sorted(known))
            raise ReconcileError("options.%s is not an argument of pbxware.%s.add/edit%s" % (key, action, hint),
                                 "options")
        read = read_prefix + key if read_prefix else None
        if key in flags:
            fields.append(Field("options." + key, api=key, read=read, write_only=read is None, normalize=to_bool,
                                to_api=yes_no))
        else:
            fields.append(Field("options." + key, api=key, read=read, write_only=read is None))
    return fields


def ring_group_resource(params):
    """The ring group resource for a task's parameters.

    ``pbxware.ring_group.configuration`` is read only when the task sets an option the list does not show.
    """
    resource = RING_GROUP.extended(
        _option_fields(params.get("options"), RING_GROUP, RING_GROUP_FLAGS, RING_GROUP_TEXT, "ring_group",
                       "options."))
    wanted = desired_params(resource, params)
    if any(value is not None and (resource.by_name[name].read or "").startswith("options.")
           for name, value in wanted.items()):
        resource.read_method = "configuration"
    return resource


def ring_group_read_resource():
    """Every readable ring group option (the list row merged with the configuration)."""
    return RING_GROUP.extended(_option_fields(dict.fromkeys(RING_GROUP_FLAGS + tuple(RING_GROUP_TEXT)), RING_GROUP,
                                              RING_GROUP_FLAGS, RING_GROUP_TEXT, "ring_group", "options."))


def erg_resource(params):
    """The ERG resource with a (write-only) field per key of the task's ``options``."""
    return ERG.extended(_option_fields(params.get("options"), ERG, ERG_FLAGS, ERG_TEXT, "erg", None))


# --- input checks ----------------------------------------------------------------------------------

def _check_value(where, value, pattern):
    if pattern and value not in (None, "") and not re.match(pattern, to_str(value)):
        raise ReconcileError("%s: %r does not match %s, which PBXware requires" % (where, value, pattern), where)


def _check_options(params, flags, patterns):
    for key, value in sorted((params.get("options") or {}).items()):
        where = "options.%s" % key
        if isinstance(value, (dict, list)):
            raise ReconcileError("%s: a single value is expected, got %r" % (where, value), where)
        if key in flags:
            try:
                to_bool(value)
            except ValueError:
                raise ReconcileError("%s: a boolean (yes or no) is expected, got %r" % (where, value), where)
        else:
            _check_value(where, value, patterns.get(key))


def _check_common(params, patterns):
    number = params.get("extension")
    if number is not None and not DIGITS.match(to_str(number)):
        raise ReconcileError("extension must be digits only, got %r" % number, "extension")
    if params.get("name") is not None and not to_str(params["name"]):
        raise ReconcileError("name cannot be empty", "name")
    for name, pattern in sorted(patterns.items()):
        if name in params:
            _check_value(name, params.get(name), pattern)
    for member in params.get("members") or []:
        number = member.get("extension") if isinstance(member, dict) else member
        if not DIGITS.match(to_str(number) or ""):
            raise ReconcileError("members: each member is an extension number (digits), got %r" % (number,),
                                 "members")


def validate_ring_group(params):
    """Refuse what PBXware would, before any API call."""
    _check_common(params, RING_GROUP_PATTERNS)
    _check_options(params, RING_GROUP_FLAGS, RING_GROUP_TEXT)


def validate_erg(params):
    _check_common(params, ERG_PATTERNS)
    _check_options(params, ERG_FLAGS, ERG_TEXT)
    if params.get("members") == []:
        # Before any call: a group edit must not land and then the members write be refused.
        raise ReconcileError("members: pbxware.erg.members cannot leave a group without members (it requires at "
                             "least one number); list at least one, or leave members out", "members")
    for member in params.get("members") or []:
        penalty = to_str(member.get("penalty"))
        if penalty and not DIGITS.match(penalty):
            raise ReconcileError("members: the penalty of %s must be a whole number, 0 or more, got %s"
                                 % (member.get("extension"), penalty), "members")
    numbers = [to_str(member["extension"]) for member in params.get("members") or []]
    repeated = sorted(set(number for number in numbers if numbers.count(number) > 1))
    if repeated:
        raise ReconcileError("members: %s listed more than once" % ", ".join(repeated), "members")


def validate_paging_group(params):
    _check_common(params, {})


def extension_length_check(params, names):
    """A ``check_tenant`` hook: numbers of ``names`` (options under ``options.``) have the tenant's length."""

    def check(tenant_row):
        length = (tenant_row or {}).get("ext_length")
        if not length:
            return
        values = dict((name, params.get(name)) for name in names if not name.startswith("options."))
        values.update((name, (params.get("options") or {}).get(name[len("options."):]))
                      for name in names if name.startswith("options."))
        for name, value in sorted(values.items()):
            if value not in (None, "") and len(to_str(value)) != length:
                raise ReconcileError("%s %s has %d digits; tenant %s uses %d-digit extensions"
                                     % (name, value, len(to_str(value)), tenant_row.get("name"), length), name)

    return check


# --- info modules ---------------------------------------------------------------------------------

def listed_groups(client, server, resource, extension=None):
    """``[(ID, list row)]`` of a tenant's groups of ``resource``, by number (only ``extension`` if given)."""
    rows = collection(client.read(resource.action("list"), {"server": server}))
    found = []
    for group_id, row in rows.items():
        number = read_view(resource, row).get("extension")
        if extension is None or number == to_str(extension):
            found.append((number or "", ident(group_id), row))
    return [(group_id, row) for number, group_id, row in sorted(found, key=lambda item: (len(item[0]), item[0]))]


# --- the ERG and its members: two writes, one result ----------------------------------------------------

def converge_erg(module, params, check_tenant):
    """Converge an ERG, then its members (``pbxware.erg.members``, a write of its own), as one module result."""
    resource = erg_resource(params)
    result = module.converge(resource, desired_params(resource, params), "erg", params["state"],
                             force_write_only=params["force_write_only"], shape=nest_options, check_tenant=check_tenant)
    if params["state"] == "absent" or params["members"] is None:
        return result
    if result["operation"] == "create" and module.check_mode:
        return predict_members(result, member_list(params["members"]), "erg")
    members = module.converge(ERG_MEMBERS, {"extension": params["extension"], "members": params["members"]}, "erg")
    return with_members(result, members, "erg")


def with_members(result, members_result, key):
    """One module result from an ERG's result and its members' (``pbxware.erg.members``)."""

    def add(view, members_view):
        return dict(view, members=members_view.get("members")) if view else view

    merged = dict(result, changed=result["changed"] or members_result["changed"],
                  operation=result["operation"] or members_result["operation"],
                  proposed=dict(result["proposed"], **members_result["proposed"]),
                  warnings=result["warnings"] + members_result["warnings"])
    merged[key] = add(result[key], members_result[key])
    merged["before"] = add(result["before"], members_result["before"])
    merged["diff"] = dict((side, add(view, members_result["diff"][side])) for side, view in result["diff"].items())
    return merged


def predict_members(result, members, key):
    """Check mode creating an ERG: the members it would get (there is nothing to read them from yet)."""
    predicted = dict(result, proposed=dict(result["proposed"], members=members))
    predicted[key] = dict(result[key], members=members)
    predicted["diff"] = dict(result["diff"], after=dict(result["diff"]["after"], members=members))
    return predicted
