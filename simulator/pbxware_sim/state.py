"""The simulator's data: plain JSON-able collections behind one lock.

Layout: ``data[collection][str(id)] = record``. Object modules own their
collections; records are stored in whatever internal form the module finds
simplest and rendered to the API's read shape by the module's handlers.
Shared collections (set up by the fixture, read by many objects):

- ``tenants``: id -> {"name", "tenantcode" (str), "package_id" (str), "ext_length" (int),
  "country_id" (str), ...every other tenant setting under its READ name
  ("incominglimit", "conch", "local_codecs" as a list...); missing ones take
  ``objects.tenant.DEFAULTS``}. The master (ID 1) is not a tenant record.
- ``packages``: id -> {"name", "ext", "voicemail", "ivr", "cf", "queues", ...} (read names)
- ``routes`` (countries): id -> {"code": dialling code, "name"}
- ``uads``: id -> {"name", "fullname", "enabled" (bool)}
- ``providers``: id -> {"name", "type" ("pstn"|"voip"), "protocol"}
- ``trunks``: id -> {"name", "server": "1", "provider_id", "status" ("1"|"0"|"2"), "options": {...}}
- ``server``: {"1": server.configuration read shape}
- ``settings``: {"ext_length": system-wide extension length} (not ID-keyed)
- ``extensions``: id -> record with at least "server" (tenant ID, str) and "ext" (number, str)
- ``dids``: id -> record with at least "server" and "number"
- ``_next_id``: collection -> last ID handed out (IDs are never reused)

Runtime-only attributes (never persisted, cleared by :meth:`State.reset`):
``live`` (:class:`LiveBehaviour`, the live-server behaviour switches, the dialect
and the edit semantics),
``tenant_born`` (tenant ID -> ``time.monotonic()`` of its ``tenant.add``) and
``tenant_views`` (tenant ID -> what reads show while ``tenant.edit`` lags).
"""
import copy
import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass, fields


DIALECTS = ("reference", "postman")
EDIT_SEMANTICS = ("partial", "whole")
IVR_KEYMAP_SHAPES = ("reference", "by_key")


@dataclass
class LiveBehaviour:
    """Runtime behaviour switches (``/_sim/settings``); the defaults are the plain simulator.

    Live-server behaviour the simulator reproduces on request (all off by default):

    - ``codec_suffixes``: codec items in extension (``options.allow``) and tenant
      (``local_codecs``...) reads carry a suffix: ``ulaw,0`` instead of ``ulaw``.
    - ``tenant_ready_delay``: seconds after ``tenant.add`` during which
      ``ext.add`` into the new tenant fails with an error.
    - ``tenant_edit_lag``: seconds before the changes of a ``tenant.edit`` show in
      ``tenant.list`` and ``tenant.configuration`` (the edit answers at once).
    - ``ivr_keymap_shape``: how ``ivr.list`` shows a keymap: ``reference`` (default;
      one ``{"type", "value"}`` without its key, the entry of the lowest key, as the
      reference's example) or ``by_key`` (an object keyed by the key pressed, each
      entry ``{"type", "value"}``, as a migration client reads it).

    - ``tenant_mode``: whether this PBXware runs in tenant mode (default ``True``, the
      ``--single-tenant`` flag sets ``False``). The reference speaks of a system that "is
      running in Tenant Mode" or not, and ``server.*`` answers only outside it; switching at
      runtime stands for pointing the client at the other kind of system: stored data is
      kept, only what is accepted and listed changes (tenants and their objects are out of
      reach until tenant mode is back).

    Readings of the vendor's sources (``DIALECTS.md``):

    - ``dialect``: ``reference`` (default) or ``postman``: which of the two vendor
      sources arguments, patterns and read shapes follow where they disagree.
      Stored data is dialect-neutral: switching at runtime changes what is
      accepted and how it reads, never what is stored.
    - ``edit_semantics``: ``partial`` (default; an ``ext.es.<service>.edit`` or
      ``otimes.<kind>.set`` keeps the values of arguments it does not send) or
      ``whole`` (they are reset to their defaults, as a new record has them).
    """

    codec_suffixes: bool = False
    tenant_ready_delay: float = 0.0
    tenant_edit_lag: float = 0.0
    dialect: str = "reference"
    edit_semantics: str = "partial"
    ivr_keymap_shape: str = "reference"
    tenant_mode: bool = True

    CODEC_SUFFIX = ",0"
    CHOICES = {"dialect": DIALECTS, "edit_semantics": EDIT_SEMANTICS, "ivr_keymap_shape": IVR_KEYMAP_SHAPES}

    def update(self, changes):
        """Apply a ``{name: value}`` dict (from JSON); raise ValueError and change nothing if any is bad."""
        if not isinstance(changes, dict):
            raise ValueError("settings must be a JSON object")
        known = {f.name for f in fields(self)}
        values = {}
        for name, value in changes.items():
            if name not in known:
                raise ValueError("unknown setting %r (known: %s)" % (name, ", ".join(sorted(known))))
            if name in ("codec_suffixes", "tenant_mode"):
                if value not in (True, False, 0, 1):
                    raise ValueError("%s must be true or false" % name)
                values[name] = bool(value)
            elif name in self.CHOICES:
                if value not in self.CHOICES[name]:
                    raise ValueError("%s must be one of: %s" % (name, ", ".join(self.CHOICES[name])))
                values[name] = value
            else:
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValueError("%s must be a number of seconds >= 0" % name)
                values[name] = float(value)
        for name, value in values.items():
            setattr(self, name, value)

    def as_dict(self):
        return asdict(self)


class State:
    def __init__(self, fixture, tenant_mode=True, path=None, seed=1):
        self.lock = threading.RLock()
        self.live = LiveBehaviour(tenant_mode=tenant_mode)
        # Generated activity (pbxware_sim.activity: CDRs, live calls, dashboard figures) derives from it.
        self.seed = seed
        self.path = path
        self._fixture = copy.deepcopy(fixture)
        self.data = copy.deepcopy(fixture)
        self.tenant_born = {}
        self.tenant_views = {}
        if path and os.path.exists(path):
            with open(path, encoding="utf-8") as handle:
                self.data = json.load(handle)
        self._seed_counters()

    def _seed_counters(self):
        """Retire the fixture's IDs too, so deleting one never frees it for reuse."""
        counters = self.data.setdefault("_next_id", {})
        for name, collection in self.data.items():
            if isinstance(collection, dict) and collection and all(str(k).isdigit() for k in collection):
                counters[name] = max([counters.get(name, 0)] + [int(k) for k in collection])

    @property
    def tenant_mode(self):
        """Whether the system runs in tenant mode (a live setting: ``LiveBehaviour.tenant_mode``)."""
        return self.live.tenant_mode

    def collection(self, name):
        return self.data.setdefault(name, {})

    def next_id(self, name):
        """A new, never reused ID for ``name`` (IDs of deleted objects stay retired)."""
        counters = self.data["_next_id"]
        current = max([int(k) for k in self.collection(name)] + [counters.get(name, 0)])
        counters[name] = current + 1
        return current + 1

    def valid_server(self, server):
        """Whether ``server`` names the master (1) or an existing tenant."""
        server = str(server)
        if not self.tenant_mode:
            return server == "1"
        return server == "1" or server in self.collection("tenants")

    def reset(self):
        with self.lock:
            self.data = copy.deepcopy(self._fixture)
            self.tenant_born.clear()
            self.tenant_views.clear()
            self._seed_counters()
            self.save()

    def save(self):
        """Persist atomically (write a temp file, then rename) when ``--state`` is set."""
        if not self.path:
            return
        directory = os.path.dirname(os.path.abspath(self.path))
        fd, tmp = tempfile.mkstemp(dir=directory, prefix=".pbxware-sim-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(self.data, handle)
        os.replace(tmp, self.path)
