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
"""
import copy
import json
import os
import tempfile
import threading


class State:
    def __init__(self, fixture, tenant_mode=True, path=None):
        self.lock = threading.RLock()
        self.tenant_mode = tenant_mode
        self.path = path
        self._fixture = copy.deepcopy(fixture)
        self.data = copy.deepcopy(fixture)
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
