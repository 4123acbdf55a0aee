"""Action registry: every simulated ``pbxware.*`` action declares itself here.

An object module (``pbxware_sim/objects/<object>.py``) registers handlers with
the :func:`action` decorator. The dispatcher (``server.py``) looks the action
up, enforces what the declaration says (documented arguments in strict mode,
required arguments, Postman validation regexes), then calls the handler with
a :class:`Request` while holding the state lock.

Dialects (``state.live.dialect``, see ``DIALECTS.md``): where the vendor's API
reference and its Postman collection disagree, an action may declare
arguments that only one dialect accepts (``dialect_args``) and patterns that
differ per dialect (``dialect_patterns``). In strict mode an argument of the
other dialect is refused like any undocumented one.
"""
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, FrozenSet, Optional, Tuple


class ApiError(Exception):
    """A failure the real server reports as HTTP 200 ``{"error": message}``."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Action:
    name: str
    handler: Callable
    # Documented argument names (base names: ``keymap`` covers ``keymap[1][type]``,
    # ``name`` covers ``name[]``). ``apikey``, ``action`` and ``apiformat`` are implicit.
    args: FrozenSet[str]
    required: Tuple[str, ...]
    write: bool
    # Arguments whose values must never reach the request log.
    secrets: FrozenSet[str]
    # Validation regexes from the vendor's Postman collection: arg -> pattern.
    patterns: Dict[str, str] = field(default_factory=dict)
    # ``guard(state)`` runs before any argument check and may raise ApiError
    # (e.g. ``tenant.*`` on a server that is not in tenant mode).
    guard: Optional[Callable] = None
    # Arguments only one dialect accepts: arg -> dialect ("reference" or "postman").
    # ``args`` holds them too (every name some dialect documents).
    dialect_only: Dict[str, str] = field(default_factory=dict)
    # Per-dialect pattern overrides: dialect -> {arg: pattern, or None for no pattern}.
    dialect_patterns: Dict[str, Dict[str, Optional[str]]] = field(default_factory=dict)

    def accepts(self, arg, dialect):
        """Whether ``arg`` (a base name) is documented for this action in ``dialect``."""
        return arg in self.args and self.dialect_only.get(arg, dialect) == dialect

    def patterns_for(self, dialect):
        merged = dict(self.patterns)
        merged.update(self.dialect_patterns.get(dialect, {}))
        return {arg: pattern for arg, pattern in merged.items() if pattern is not None}


ACTIONS: Dict[str, Action] = {}


def action(name, *, args=(), required=(), write=False, secrets=(), patterns=None, guard=None,
           dialect_args=None, dialect_patterns=None):
    """Register ``handler(request) -> JSON-able response`` for ``name``.

    ``required`` arguments are also documented arguments. A handler signals a
    server-side failure by raising :class:`ApiError`. ``dialect_args``:
    ``{dialect: names}`` accepted only in that dialect; ``dialect_patterns``:
    ``{dialect: {arg: pattern or None}}`` replacing ``patterns`` in that dialect.
    """
    only = {}
    for dialect, names in (dialect_args or {}).items():
        for arg in names:
            if arg in only or arg in args or arg in required:
                raise ValueError("%s: %s cannot be specific to two dialects or to none" % (name, arg))
            only[arg] = dialect

    def register(handler):
        if name in ACTIONS:
            raise ValueError("action registered twice: %s" % name)
        ACTIONS[name] = Action(
            name=name,
            handler=handler,
            args=frozenset(args) | frozenset(required) | frozenset(only),
            required=tuple(required),
            write=write,
            secrets=frozenset(secrets),
            patterns=dict(patterns or {}),
            guard=guard,
            dialect_only=only,
            dialect_patterns={d: dict(p) for d, p in (dialect_patterns or {}).items()},
        )
        return handler

    return register


def base_name(arg):
    """``keymap[1][type]`` -> ``keymap``; ``name[]`` -> ``name``."""
    return arg.split("[", 1)[0]


@dataclass
class Request:
    """What a handler sees.

    ``args``: plain arguments as strings (the last value wins when repeated).
    ``lists``: repeated ``name[]=`` arguments, base name -> list of strings.
    ``nested``: bracket arrays, ``keymap[1][type]=ex`` -> {"keymap": {"1": {"type": "ex"}}}.
    ``state``: the :class:`pbxware_sim.state.State` (the lock is already held).
    """

    action: str
    args: Dict[str, str]
    lists: Dict[str, list]
    nested: Dict[str, dict]
    state: "object"

    def get(self, name, default=None):
        return self.args.get(name, default)

    def has(self, name):
        return name in self.args and self.args[name] != ""

    @property
    def tenant_mode(self):
        return self.state.tenant_mode

    @property
    def dialect(self):
        """``"reference"`` or ``"postman"``: which vendor source answers follow where they disagree."""
        return self.state.live.dialect

    @property
    def postman(self):
        return self.state.live.dialect == "postman"

    @property
    def whole_edits(self):
        """``edit_semantics == "whole"``: an edit/set resets the arguments it does not send."""
        return self.state.live.edit_semantics == "whole"


def check_pattern(name, value, pattern, required):
    """Raise the server's message style when ``value`` fails ``pattern``."""
    if re.search(pattern, value) is None:
        kind = "Required field" if required else "Field"
        raise ApiError("%s '%s=%s' contains invalid data (Regex: /%s/)" % (kind, name, value, pattern))


def load_objects():
    """Import every object module so its actions register (idempotent)."""
    import importlib
    import pkgutil

    from pbxware_sim import objects

    for module in pkgutil.iter_modules(objects.__path__):
        importlib.import_module("pbxware_sim.objects." + module.name)


def lookup(name) -> Optional[Action]:
    return ACTIONS.get(name)


IMPLICIT_ARGS = frozenset(("apikey", "action", "apiformat"))
_BRACKETS = re.compile(r"\[([^\]]*)\]")


def parse_params(pairs):
    """Split decoded ``(name, value)`` pairs into plain, repeated and nested arguments."""
    args, lists, nested = {}, {}, {}
    for name, value in pairs:
        base = base_name(name)
        keys = _BRACKETS.findall(name[len(base):])
        if not keys:
            args[name] = value
        elif keys == [""]:
            lists.setdefault(base, []).append(value)
        else:
            node = nested.setdefault(base, {})
            for key in keys[:-1]:
                node = node.setdefault(key, {})
            node[keys[-1]] = value
    return args, lists, nested


def dispatch(state, pairs, strict=True):
    """Run one API call given its decoded parameters; return the JSON-able response.

    Failures come back as ``{"error": ...}`` like the real server; the HTTP layer
    (auth, logging, faults, output format) lives in ``server.py``.
    """
    args, lists, nested = parse_params(pairs)
    name = args.get("action", "")
    spec = lookup(name)
    if spec is None:
        return {"error": "Selected action not allowed"} if name else {"error": "No action selected."}
    try:
        if spec.guard is not None:
            spec.guard(state)
        dialect = state.live.dialect
        if strict:
            given = set(args) | set(lists) | set(nested)
            unknown = sorted(arg for arg in given - IMPLICIT_ARGS if not spec.accepts(arg, dialect))
            if unknown:
                raise ApiError("Unknown field '%s' for action %s" % (unknown[0], name))
        if spec.dialect_only:  # the other dialect's names are ignored (reached with strict off only)
            args, lists, nested = ({k: v for k, v in part.items() if spec.dialect_only.get(k, dialect) == dialect}
                                   for part in (args, lists, nested))
        for arg in spec.required:
            if arg not in args and arg not in lists and arg not in nested:
                raise ApiError("Required field '%s' is missing" % arg)
        for arg, pattern in spec.patterns_for(dialect).items():
            if arg in args and (args[arg] != "" or arg in spec.required):
                check_pattern(arg, args[arg], pattern, arg in spec.required)
        request = Request(action=name, args=args, lists=lists, nested=nested, state=state)
        with state.lock:
            response = spec.handler(request)
            if spec.write:
                state.save()
        return response
    except ApiError as err:
        return {"error": err.message}
