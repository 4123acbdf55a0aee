# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
name: pbxware
short_description: Bicom PBXware tenants as an inventory
version_added: 0.1.0
description:
  - Builds an inventory with one host per tenant of a Bicom PBXware in tenant mode, from C(pbxware.tenant.list).
    Each host is named by the tenant name.
  - A PBXware that is not in tenant mode (its C(pbxware.tenant.list) answers with an error) yields one host
    for the server, described by C(pbxware.server.configuration). Its C(pbxware_ext_length) is null, as the API
    reports no extension length outside tenant mode.
  - Every host gets C(ansible_connection=local), since the collection's modules talk to the PBXware API
    from the controller; O(compose) can set another value.
  - Every host gets C(ansible_python_interpreter) set to O(python_interpreter), by default the Python that
    runs Ansible on the controller, which has the collection's requirement C(requests) (interpreter
    discovery would pick the system Python, which may lack it).
  - Default groups are C(pbxware_tenants) (every tenant), C(pbxware_package_<package name>) (one per
    package, the name lowercased with every character other than letters, digits and C(_) replaced
    by C(_)) and C(pbxware_servers) (the host of a PBXware not in tenant mode).
  - The configuration file must end in C(pbxware.yml) or C(pbxware.yaml) and set O(plugin).
  - Data from the API is never templated, on every ansible-core version. In host names, group names
    derived from it and every host variable (including O(tenant_details) settings), each string that
    could hold a template reaches Ansible as unsafe text, so a tenant named C({{ 7 * 7 }}.example.com)
    stays exactly that.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
extends_documentation_fragment:
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
requirements:
  - requests
options:
  plugin:
    description: The name of this plugin; it must always be set to V(bicom.pbxware.pbxware).
    type: str
    required: true
    choices: [bicom.pbxware.pbxware]
  url:
    description:
      - The PBXware API endpoint, for example C(https://pbx.example.com/index.php).
      - Must not carry the API key; the key is always sent in the request body.
      - In the configuration file it may be a template, for example C({{ lookup('env', 'PBX_URL') }});
        values from the environment or C(ansible.cfg) are taken literally.
    type: str
    env:
      - name: PBXWARE_URL
    ini:
      - section: pbxware
        key: url
  api_key:
    description:
      - The API key set in PBXware under I(Admin Settings - API key).
      - May be encrypted with Ansible Vault (C(!vault)) in the configuration file, or be a template there,
        for example C({{ lookup('env', 'PBX_KEY') }}) or C({{ lookup('ansible.builtin.file', '~/.pbx-key') }});
        values from the environment or C(ansible.cfg) are taken literally.
      - Sent in the body of a POST request, never in a URL; never shown in errors.
    type: str
    env:
      - name: PBXWARE_API_KEY
    ini:
      - section: pbxware
        key: api_key
  validate_certs:
    description: Whether to verify the server's TLS certificate.
    type: bool
    default: true
    env:
      - name: PBXWARE_VALIDATE_CERTS
    ini:
      - section: pbxware
        key: validate_certs
  ca_path:
    description:
      - A CA bundle file (PEM) on the controller to trust, for a PBXware with a self-signed or private
        certificate, instead of the system's CA store. Ignored when O(validate_certs=false).
      - An empty value (as AWX injects for a credential without a CA path) means none.
    type: str
    env:
      - name: PBXWARE_CA_PATH
    ini:
      - section: pbxware
        key: ca_path
  timeout:
    description:
      - Seconds to wait for each API answer. Reads that time out are retried with backoff.
    type: int
    default: 30
    env:
      - name: PBXWARE_TIMEOUT
    ini:
      - section: pbxware
        key: timeout
  tenant_details:
    description:
      - Also fetch each tenant's settings with C(pbxware.tenant.configuration) (one API call per tenant)
        into the host variable C(pbxware_tenant_config), with secrets (HTTP authentication user name and
        password, LDAP password and any other password) masked as C(********).
      - Only the settings named in O(tenant_config_keys) go into C(pbxware_tenant_config).
      - On a PBXware not in tenant mode, the server's settings (every key) go into C(pbxware_server_config) instead.
    type: bool
    default: false
  tenant_config_keys:
    description:
      - With O(tenant_details), which keys of the C(pbxware.tenant.configuration) answer go into
        C(pbxware_tenant_config). The API returns about 85 settings per tenant; copying all of them onto every
        host makes a large inventory slow and its output big, so the default keeps only
        C(server_name) (the tenant name), C(tenantcode), C(package_id), C(status), C(ext_length), C(country)
        (the country ID), C(area_code), C(national) and C(international) (dialling prefixes),
        C(incominglimit) and C(outgoinglimit) (local and remote channels), C(local_codecs),
        C(remote_codecs), C(network_codecs) and C(audiolang) (the audio language).
      - A list containing V(all) keeps every key the API returns.
      - A key that no tenant's configuration has is left out, with one warning that names the closest keys
        that exist, so a typo does not fail the inventory. A key that only some tenants have is left out of
        the other tenants' C(pbxware_tenant_config).
      - Secrets among the chosen keys are masked as ever. The cache is keyed by this list too; another list
        fetches the settings again instead of reading an entry that lacks its keys.
      - Ignored without O(tenant_details), and for the server of a PBXware not in tenant mode, whose
        C(pbxware_server_config) keeps every key.
    type: list
    elements: str
    default: [server_name, tenantcode, package_id, status, ext_length, country, area_code, national, international,
              incominglimit, outgoinglimit, local_codecs, remote_codecs, network_codecs, audiolang]
    version_added: 0.2.0
  max_workers:
    description:
      - How many C(pbxware.tenant.configuration) requests run at the same time with O(tenant_details).
    type: int
    default: 8
  include_tenants:
    description:
      - Only tenants whose name matches one of these shell-style patterns (case-insensitive), or whose
        3-digit tenant code is one of these values. Empty means every tenant.
    type: list
    elements: str
    default: []
  exclude_tenants:
    description:
      - Leave out tenants whose name matches one of these shell-style patterns (case-insensitive), or whose
        tenant code is one of these values. Applied after O(include_tenants).
    type: list
    elements: str
    default: []
  include_packages:
    description:
      - Only tenants whose package name (case-insensitive, shell-style patterns allowed) or package ID is one
        of these values. Empty means every package.
    type: list
    elements: str
    default: []
  exclude_packages:
    description:
      - Leave out tenants whose package name (case-insensitive, shell-style patterns allowed) or package ID
        is one of these values.
    type: list
    elements: str
    default: []
  default_groups:
    description:
      - Whether to create the default groups C(pbxware_tenants), C(pbxware_package_*) and C(pbxware_servers).
    type: bool
    default: true
  python_interpreter:
    description:
      - The C(ansible_python_interpreter) every host gets. When not set, the Python running Ansible on the
        controller (its C(sys.executable)), so that the modules find C(requests) without configuration.
      - May be a template, for example C({{ ansible_playbook_python }}), evaluated when a task runs.
      - Set it to an empty string to set no C(ansible_python_interpreter) at all; then a C(group_vars) file
        or interpreter discovery decides.
      - "Precedence: the plugin sets inventory host variables. A C(group_vars) file does B(not) override
        them; a C(host_vars) file, play or task C(vars), C(set_fact) and C(-e) do, and so does O(compose)
        (for example C(ansible_python_interpreter: \"'/usr/bin/python3'\")), which runs after this option."
    type: str
notes:
  - In the configuration file, O(url) and O(api_key) may be templates (lookups); they are evaluated
    before any API call, and the cache is keyed by the evaluated O(url).
  - A cached run (O(cache=true) and a fresh cache) makes no API call.
  - Filters apply before O(tenant_details), so configuration is only fetched for the tenants kept.
"""

EXAMPLES = r"""
# demo.pbxware.yml: every tenant, the key from the environment (PBXWARE_API_KEY)
plugin: bicom.pbxware.pbxware
url: https://pbx.example.com/index.php

---
# lookup.pbxware.yml: connection from other environment variables, a private CA
plugin: bicom.pbxware.pbxware
url: "{{ lookup('ansible.builtin.env', 'PBX_URL') }}"
api_key: "{{ lookup('ansible.builtin.env', 'PBX_KEY') }}"
ca_path: /etc/pki/pbxware-ca.pem

---
# prod.pbxware.yml: the key from Ansible Vault, tenant settings, groups and a cache
plugin: bicom.pbxware.pbxware
url: https://pbx.example.com/index.php
api_key: !vault |
  $ANSIBLE_VAULT;1.1;AES256
  6231...
tenant_details: true
# The default settings plus the call recording ones
tenant_config_keys: [server_name, tenantcode, package_id, status, ext_length, country, area_code, national,
                     international, incominglimit, outgoinglimit, local_codecs, remote_codecs, network_codecs,
                     audiolang, recordglobal, recordformat]
max_workers: 8
exclude_tenants:
  - "test-*"
  - "999"
include_packages:
  - Business
  - "3"
keyed_groups:
  - key: pbxware_country_code
    prefix: country
compose:
  pbxware_extension_digits: pbxware_ext_length
  # Run the modules with another Python (compose overrides the python_interpreter option)
  # ansible_python_interpreter: "'/opt/ansible/bin/python3'"
groups:
  short_numbers: pbxware_ext_length < 4
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/pbxware-inventory
cache_timeout: 3600

---
# settings.pbxware.yml: every setting of every tenant (about 85 per host: slower and larger with many tenants)
plugin: bicom.pbxware.pbxware
url: https://pbx.example.com/index.php
tenant_details: true
tenant_config_keys: all
"""

import difflib
import fnmatch
import hashlib
import json
import os
import re
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

from ansible.errors import AnsibleParserError
from ansible.module_utils.common.text.converters import to_bytes, to_text
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
# Before ansible-core 2.19 a str is templated unless wrapped as unsafe; from 2.19 on, wrap_var strips
# any trust mark (data is then never templated). Either way: what it returns is never templated.
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import mask_settings
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import tenant_row
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, to_int, to_str

USER_AGENT_NAME = "bicom.pbxware.pbxware inventory"
TENANTS_GROUP = "pbxware_tenants"
SERVERS_GROUP = "pbxware_servers"
PACKAGE_GROUP_PREFIX = "pbxware_package_"
HOST_VARS = (
    ("pbxware_tenant_id", "id"),
    ("pbxware_tenant_code", "tenant_code"),
    ("pbxware_tenant_name", "name"),
    ("pbxware_package_id", "package_id"),
    ("pbxware_package", "package"),
    ("pbxware_ext_length", "ext_length"),
    ("pbxware_country_id", "country_id"),
    ("pbxware_country_code", "country_code"),
)
# 2: configurations hold only the chosen keys; "config_keys" names every key the API returned.
CACHE_FORMAT = 2
ALL_CONFIG_KEYS = "all"
FILTER_OPTIONS = ("include_tenants", "exclude_tenants", "include_packages", "exclude_packages")
# Options the configuration file may give as templates (lookups, ...).
TEMPLATED_OPTIONS = ("url", "api_key")


# -- pure helpers (unit tested) ---------------------------------------------

def make_unsafe(value):
    """``value`` (API data: dicts, lists, scalars) such that no str in it is ever templated.

    Every str that could start or end a template (one with ``{`` or ``}``: every Jinja2 delimiter has
    one) is wrapped with ``wrap_var``, on every ansible-core version; a str without either cannot be
    templated and stays as it is (``wrap_var`` on every value costs seconds with 1000 tenants'
    settings). Like community.general's ``make_unsafe``. Strings come first: most values are one.
    """
    if isinstance(value, str):
        return wrap_var(value) if "{" in value or "}" in value else value
    if isinstance(value, dict):
        return {make_unsafe(key): make_unsafe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [make_unsafe(item) for item in value]
    if isinstance(value, bytes):
        # In UTF-8 the bytes of { and } never occur inside another character.
        return wrap_var(value) if b"{" in value or b"}" in value else value
    return value


def _matches_tenant(row, patterns):
    name = (row.get("name") or "").lower()
    code = row.get("tenant_code")
    for pattern in patterns:
        pattern = to_str(pattern)
        if pattern is None:
            continue
        if code is not None and pattern == code:
            return True
        if fnmatch.fnmatchcase(name, pattern.lower()):
            return True
    return False


def _matches_package(row, patterns):
    name = (row.get("package") or "").lower()
    package_id = row.get("package_id")
    for pattern in patterns:
        pattern = to_str(pattern)
        if pattern is None:
            continue
        if package_id is not None and pattern == str(package_id):
            return True
        if fnmatch.fnmatchcase(name, pattern.lower()):
            return True
    return False


def filter_tenants(rows, include_tenants=None, exclude_tenants=None, include_packages=None, exclude_packages=None):
    """The rows kept by the include/exclude filters (an empty include list keeps everything)."""
    kept = []
    for row in rows:
        if include_tenants and not _matches_tenant(row, include_tenants):
            continue
        if exclude_tenants and _matches_tenant(row, exclude_tenants):
            continue
        if include_packages and not _matches_package(row, include_packages):
            continue
        if exclude_packages and _matches_package(row, exclude_packages):
            continue
        kept.append(row)
    return kept


def config_key_selection(keys):
    """The configuration keys to keep: ``None`` (every key) when ``keys`` holds ``all``, else a tuple."""
    keys = [to_text(key) for key in keys or []]
    if ALL_CONFIG_KEYS in keys:
        return None
    return tuple(sorted(set(keys)))


def select_settings(config, keys):
    """``config`` with only ``keys`` (the ones it has; ``None``: every key)."""
    if keys is None or not isinstance(config, dict):
        return config
    return dict((key, config[key]) for key in keys if key in config)


def unknown_config_keys(keys, known):
    """``[(key, closest known keys)]`` for each of ``keys`` that is not in ``known``."""
    if not keys or not known:
        return []
    known = sorted(known)
    return [(key, difflib.get_close_matches(key, known, n=3)) for key in keys if key not in known]


def tenant_host_vars(row, config=None):
    """Host variables of one tenant row, and its configuration if fetched (already masked: see ``_tenant_configs``)."""
    host_vars = dict((var, row.get(key)) for var, key in HOST_VARS)
    if config is not None:
        host_vars["pbxware_tenant_config"] = config
    return host_vars


def safe_group_name(name):
    """A group name: lowercased, anything but letters, digits and ``_`` replaced by ``_``."""
    return re.sub(r"[^a-z0-9_]", "_", to_text(name).lower())


def package_group(row):
    label = row.get("package") or (str(row["package_id"]) if row.get("package_id") is not None else None)
    if not label:
        return None
    return PACKAGE_GROUP_PREFIX + safe_group_name(label)


def server_host_name(config, url):
    """The host name of a PBXware not in tenant mode: its domain name, else the URL's host."""
    for key in ("domainname", "server_name"):
        value = to_str((config or {}).get(key))
        if value:
            return value
    match = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url or "", re.IGNORECASE)
    return match.group(1) if match else "pbxware"


def server_host_vars(config, with_config=False):
    """Host variables of a PBXware not in tenant mode; ``config`` is already masked (see ``_fetch_with``)."""
    config = config or {}
    host_vars = {
        "pbxware_tenant_id": 1,
        "pbxware_server_name": to_str(config.get("server_name")),
        # Outside tenant mode the API reports no extension length (pbxware.server.configuration has none).
        "pbxware_ext_length": None,
        "pbxware_country_id": _int_or_none(config.get("country")),
    }
    if with_config:
        host_vars["pbxware_server_config"] = config
    return host_vars


def engine_client():
    """The engine's HTTP client module, imported on first use: a cached run makes no request, and
    importing it (and requests) would cost every cached run time for nothing."""
    from ansible_collections.bicom.pbxware.plugins.module_utils.engine import client
    return client


def _int_or_none(value):
    try:
        return to_int(value)
    except (TypeError, ValueError):
        return None


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):

    NAME = "bicom.pbxware.pbxware"

    def verify_file(self, path):
        if not super(InventoryModule, self).verify_file(path):
            return False
        return path.endswith(("pbxware.yml", "pbxware.yaml"))

    def parse(self, inventory, loader, path, cache=True):
        super(InventoryModule, self).parse(inventory, loader, path, cache)
        config = self._read_config_data(path)
        self._conn = self._connection(config or {})

        cache_key = self._cache_key(path)
        use_cache = self.get_option("cache")
        data = None
        if use_cache and cache:
            try:
                data = self._cache[cache_key]
            except KeyError:
                data = None
            if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT:
                data = None
        if data is None:
            data = self._fetch()
            if use_cache:
                self._cache[cache_key] = data
        self._warn_unknown_config_keys(data)
        self._populate(data)

    def _config_keys(self):
        """The configuration keys hosts get (``None``: every key); only with tenant_details."""
        return config_key_selection(self.get_option("tenant_config_keys"))

    def _cache_key(self, path):
        """The file's cache key, plus what decides the answer: another server, filter or key list is another entry.

        The cache holds only the chosen configuration keys, so a cached run reads and decodes no more than the
        hosts get; another key list then fetches once more, which only a change of the file causes.
        """
        details = bool(self.get_option("tenant_details"))
        keys = self._config_keys() if details else None
        what = json.dumps([self._conn["url"] or "", details, ALL_CONFIG_KEYS if keys is None else list(keys)]
                          + [[to_text(item) for item in self.get_option(name) or []] for name in FILTER_OPTIONS])
        return "%s_%s" % (self.get_cache_key(path), hashlib.sha256(to_bytes(what)).hexdigest()[:16])

    def _warn_unknown_config_keys(self, data):
        """One warning for the chosen keys that no tenant's configuration has, with the closest that exist."""
        keys = self._config_keys()
        if data.get("mode") != "tenants" or not self.get_option("tenant_details") or keys is None:
            return
        unknown = unknown_config_keys(keys, data.get("config_keys"))
        if unknown:
            self.display.warning(
                "bicom.pbxware.pbxware inventory: tenant_config_keys: no tenant configuration has %s; no host gets it"
                % "; ".join("%s (closest: %s)" % (key, ", ".join(close) if close else "none") for key, close in unknown))

    # -- fetching ----------------------------------------------------------

    def _connection(self, config):
        """The connection options; ``url`` and ``api_key`` templated when the file gives them."""
        conn = {}
        for name in TEMPLATED_OPTIONS:
            value = self.get_option(name)
            # Only what the file itself says is a template: on ansible-core 2.19+ the file's values are
            # trusted and environment/ini values are not; before 2.19 the check here does the same.
            # A !vault value is no str; it decrypts when made text.
            if name in config and isinstance(value, str):
                try:
                    value = self.templar.template(value)
                except Exception as exc:  # AnsibleError and friends; never shows the result
                    raise AnsibleParserError("bicom.pbxware.pbxware inventory: cannot evaluate the template in %s: %s"
                                             % (name, to_text(exc)))
            conn[name] = to_text(value) if value is not None else None
        conn.update(validate_certs=self.get_option("validate_certs"), timeout=self.get_option("timeout"),
                    # A str option, not a path one: a path option turns "" into the current directory.
                    ca_path=os.path.expanduser(self.get_option("ca_path")) if self.get_option("ca_path") else None)
        return conn

    def _client(self, conn):
        return engine_client().PBXwareClient(
            conn["url"], conn["api_key"], validate_certs=conn["validate_certs"], timeout=conn["timeout"],
            module_name=USER_AGENT_NAME, ca_path=conn["ca_path"])

    def _fetch(self):
        conn = self._conn
        client = None
        try:
            client = self._client(conn)
            for warning in getattr(client, "warnings", None) or []:
                self.display.warning("bicom.pbxware.pbxware inventory: %s" % warning)
            return self._fetch_with(client, conn)
        except engine_client().PBXwareError as exc:
            message = client.scrub(exc.message) if client is not None else exc.message
            raise AnsibleParserError("bicom.pbxware.pbxware inventory: %s" % message)
        except ValueError as exc:
            text = to_text(exc)
            if client is not None:
                text = client.scrub(text)
            raise AnsibleParserError("bicom.pbxware.pbxware inventory: unexpected answer from PBXware: %s" % text)

    def _fetch_with(self, client, conn):
        details = self.get_option("tenant_details")
        try:
            raw = client.read("pbxware.tenant.list")
        except engine_client().PBXwareApiError as list_error:
            # Not in tenant mode (or a wrong key): a single server answers server.configuration.
            try:
                config = client.read("pbxware.server.configuration")
            except engine_client().PBXwareError:
                raise list_error
            if not isinstance(config, dict):
                raise list_error
            # Masked before it can reach the cache, as tenant settings are.
            return {"format": CACHE_FORMAT, "mode": "server", "server": mask_settings(config)}
        rows = sorted((tenant_row(tenant_id, item) for tenant_id, item in collection(raw).items()),
                      key=lambda row: row["id"])
        rows = filter_tenants(rows, *[self.get_option(name) for name in FILTER_OPTIONS])
        data = {"format": CACHE_FORMAT, "mode": "tenants", "tenants": rows, "configs": None}
        if details:
            data["configs"], data["config_keys"] = self._tenant_configs(client, conn, rows)
        return data

    def _tenant_configs(self, client, conn, rows):
        """``({tenant id (str): configuration}, every key name seen)``, fetched by a bounded thread pool.

        Each configuration keeps only the chosen keys and is masked here, once, before it can reach the cache
        or a host. requests Sessions are not guaranteed thread-safe: each worker thread has its own client.
        """
        ids = [str(row["id"]) for row in rows]
        keys = self._config_keys()
        seen = set()
        configs = {}
        for tenant_id, config in self._read_configs(client, conn, ids):
            if isinstance(config, dict):
                seen.update(config)
            configs[tenant_id] = mask_settings(select_settings(config, keys))
        return configs, sorted(seen)

    def _read_configs(self, client, conn, ids):
        """Yield ``(tenant id, configuration)`` of every tenant in ``ids``, ``max_workers`` requests at a time.

        A generator: the caller trims and masks each answer while the next ones are on their way, and never
        holds every full configuration at once.
        """
        if not ids:
            return
        workers = max(1, min(int(self.get_option("max_workers") or 1), len(ids)))
        if workers == 1:
            for tenant_id in ids:
                yield tenant_id, client.read("pbxware.tenant.configuration", {"id": tenant_id})
            return
        local = threading.local()
        clients = []
        clients_lock = threading.Lock()

        def fetch(tenant_id):
            worker = getattr(local, "client", None)
            if worker is None:
                worker = local.client = self._client(conn)
                with clients_lock:
                    clients.append(worker)
            return tenant_id, worker.read("pbxware.tenant.configuration", {"id": tenant_id})

        try:
            with ThreadPoolExecutor(max_workers=workers) as pool:
                yield from pool.map(fetch, ids)
        finally:
            for worker in clients:
                worker.session.close()

    # -- populating --------------------------------------------------------

    def _populate(self, data):
        """Hosts, groups and variables. Everything from the API (fresh or cached) is made unsafe here."""
        strict = self.get_option("strict")
        default_groups = self.get_option("default_groups")
        base = self._base_vars()
        if data.get("mode") == "server":
            config = data.get("server") or {}
            host = self.inventory.add_host(make_unsafe(server_host_name(config, self._conn["url"])))
            if default_groups:
                self.inventory.add_group(SERVERS_GROUP)
                self.inventory.add_child(SERVERS_GROUP, host)
            self._set_vars(host, base, server_host_vars(config, self.get_option("tenant_details")), strict)
            return
        configs = data.get("configs")
        if default_groups:
            self.inventory.add_group(TENANTS_GROUP)
        for row in data.get("tenants") or []:
            if not row.get("name"):
                continue
            host = self.inventory.add_host(make_unsafe(row["name"]))
            if default_groups:
                self.inventory.add_child(TENANTS_GROUP, host)
                group = package_group(row)
                if group:
                    group = self.inventory.add_group(make_unsafe(group))
                    self.inventory.add_child(group, host)
            config = configs.get(str(row["id"])) if configs is not None else None
            self._set_vars(host, base, tenant_host_vars(row, config), strict)

    def _base_vars(self):
        """Variables of every host from the plugin itself (not from the API)."""
        base = {"ansible_connection": "local"}
        interpreter = self.get_option("python_interpreter")
        if interpreter is None:
            interpreter = sys.executable
        if interpreter:
            # Not made unsafe: the file's value may be a template such as {{ ansible_playbook_python }}.
            base["ansible_python_interpreter"] = interpreter
        return base

    def _set_vars(self, host, base, host_vars, strict):
        """Set ``base`` (the plugin's own) and ``host_vars`` (from the API, made unsafe here), then compose."""
        all_vars = dict(base)
        all_vars.update(make_unsafe(host_vars))
        for name, value in all_vars.items():
            self.inventory.set_variable(host, name, value)
        self._set_composite_vars(self.get_option("compose"), all_vars, host, strict=strict)
        groups, keyed_groups = self.get_option("groups"), self.get_option("keyed_groups")
        if groups or keyed_groups:
            all_vars = self.inventory.get_host(host).get_vars()
            self._add_host_to_composed_groups(groups, all_vars, host, strict=strict)
            self._add_host_to_keyed_groups(keyed_groups, all_vars, host, strict=strict)
