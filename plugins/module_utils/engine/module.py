# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ansible glue shared by every module: options, client, tenant, errors.

A module declares its own options and calls :meth:`PBXwareModule.run` with a
function doing the work; connection and tenant options, the client, and the
translation of every error into a clean, key-free ``fail_json`` live here.
"""

import difflib
from urllib.parse import urlsplit

from ansible.module_utils import basic
from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib
from ansible.module_utils.common.arg_spec import ArgumentSpecValidator
from ansible.module_utils.common.text.converters import to_text

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    HAS_REQUESTS, REQUESTS_IMPORT_ERROR, PBXwareClient, PBXwareError)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import is_secret_key, scrub
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ParentMissing, ReconcileError, check_control_characters, check_list_items, desired_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import resolve_tenant

CONNECTION_ARGS = dict(
    url=dict(type="str", required=True, fallback=(env_fallback, ["PBXWARE_URL"])),
    api_key=dict(type="str", required=True, no_log=True, fallback=(env_fallback, ["PBXWARE_API_KEY"])),
    validate_certs=dict(type="bool", default=True, fallback=(env_fallback, ["PBXWARE_VALIDATE_CERTS"])),
    ca_path=dict(type="path", fallback=(env_fallback, ["PBXWARE_CA_PATH"])),
    timeout=dict(type="int", default=30),
)

TENANT_ARGS = dict(
    tenant=dict(type="str"),
    tenant_id=dict(type="int"),
)
# Shorter values would mask unrelated text everywhere (Ansible masks no_log values as substrings).
MIN_MASKED_LENGTH = 3


def secret_values(params, url=None):
    """Values to hide from every message besides the no_log options: a URL's password and
    every secret-named key of a dict option (an extension's ``options.auth``, ``options.pbd_pin``)."""
    found = []
    password = urlsplit(url).password if url else None
    if password:
        found.append(password)
    for value in params.values():
        if isinstance(value, list):  # an aggregate module's items, each like a single module's parameters
            found.extend(secret for item in value if isinstance(item, dict) for secret in secret_values(item))
        if isinstance(value, dict):
            found.extend(to_text(item) for key, item in value.items()
                         if is_secret_key(key) and not isinstance(item, (dict, list, bool)) and item not in (None, ""))
    return [value for value in found if len(value) >= MIN_MASKED_LENGTH]


def spot_typos(spec):
    """``(spec, typos)``: a top-level choice given with a near miss (``folowme``) is taken out of
    ``spec`` so that the module can name the closest choices (Ansible's own message lists them all)."""
    try:
        # Looked up at call time: documentation tools replace it (and get no arguments).
        given = basic._load_params()
    except Exception:  # no arguments to look at: Ansible validates as usual
        return spec, {}
    if not isinstance(given, dict):
        return spec, {}
    typos = {}
    for name, option in spec.items():
        value, choices = given.get(name), option.get("choices")
        if not choices or not isinstance(value, str) or value in choices or option.get("type", "str") != "str":
            continue
        close = difflib.get_close_matches(value, [str(choice) for choice in choices], n=2, cutoff=0.6)
        if close:
            typos[name] = (value, [str(choice) for choice in choices], close)
    if typos:
        unchecked = dict((name, dict((key, item) for key, item in spec[name].items() if key != "choices"))
                         for name in typos)
        spec = dict(spec, **unchecked)
    return spec, typos


def check_items(spec):
    """``(spec, errors, hidden)``: Ansible's own checks of each item of a list-of-dicts option, every bad
    item named (``config[3] (extension 105): value of protocol must be one of ...``), where Ansible's
    message only says "found in config". With errors, those options lose their suboptions in ``spec``
    so that the module can fail with these messages; ``hidden``: the items' no_log values."""
    try:
        given = basic._load_params()  # looked up at call time, as in spot_typos
    except Exception:
        return spec, [], []
    errors, hidden = [], []
    for name, option in sorted(spec.items()):
        suboptions = option.get("options")
        items = given.get(name) if isinstance(given, dict) else None
        if option.get("type") != "list" or not suboptions or not isinstance(items, list):
            continue
        required = [key for key, sub in suboptions.items() if sub.get("required")]
        found = []
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            hidden.extend(to_text(item[key]) for key, sub in suboptions.items()
                          if sub.get("no_log") and isinstance(item.get(key), (str, int)) and item[key] != "")
            named = ", ".join("%s %s" % (key, item[key]) for key in required if item.get(key) not in (None, ""))
            label = "%s[%d]%s" % (name, index, " (%s)" % named if named else "")
            for err in ArgumentSpecValidator(suboptions).validate(dict(item)).errors:
                unsupported = type(err).__name__ == "UnsupportedError"
                found.append("%s: %s%s" % (label, "unsupported parameters: " if unsupported else "", err.msg))
        if found:
            errors.extend(found)
            spec = dict(spec, **{name: dict((key, value) for key, value in option.items() if key != "options")})
    return spec, errors, hidden


class PBXwareModule(object):
    """An AnsibleModule with the collection's connection (and tenant) options."""

    def __init__(self, argument_spec, tenant_scoped=False, mutually_exclusive=None, reads_only=False, free_text=(),
                 **kwargs):
        """``reads_only``: an info module, which fails on a missing tenant or extension even in check mode;
        ``free_text``: options whose values may hold line breaks (the module sends them encoded, e.g. an SMS body)."""
        spec = dict(CONNECTION_ARGS)
        exclusive = list(mutually_exclusive or [])
        if tenant_scoped:
            spec.update(TENANT_ARGS)
            exclusive.append(("tenant", "tenant_id"))
        spec.update(argument_spec)
        kwargs.setdefault("supports_check_mode", True)
        spec, typos = spot_typos(spec)
        spec, item_errors, item_secrets = check_items(spec)
        self.ansible = AnsibleModule(argument_spec=spec, mutually_exclusive=exclusive, **kwargs)
        self.ansible.no_log_values.update(item_secrets)
        if item_errors:
            self.ansible.fail_json(msg="; ".join(item_errors))
        for name, (value, choices, close) in sorted(typos.items()):
            self.ansible.fail_json(msg="value of %s must be one of: %s, got: %s; did you mean %s?"
                                   % (name, ", ".join(choices), value, " or ".join(close)))
        if not HAS_REQUESTS:
            self.ansible.fail_json(msg=missing_required_lib("requests"), exception=str(REQUESTS_IMPORT_ERROR))
        self.params = self.ansible.params
        self.check_mode = self.ansible.check_mode
        self.secrets = secret_values(self.params, self.params.get("url"))
        # Ansible then masks them in every result, message, warning and in the invocation it prints.
        self.ansible.no_log_values.update(self.secrets)
        self._client = None
        self._server = None
        self.tenant_row = None  # the tenant.list row, when the tenant was given by name or code
        self.reads_only = reads_only
        self.free_text = frozenset(free_text)

    @property
    def client(self):
        if self._client is None:
            self._client = self.new_client()
        return self._client

    def new_client(self):
        """Another client for the same server (a thread of its own: a requests Session is not thread-safe)."""
        return PBXwareClient(
            url=self.params["url"], api_key=self.params["api_key"],
            validate_certs=self.params["validate_certs"], timeout=self.params["timeout"],
            module_name=getattr(self.ansible, "_name", None), ca_path=self.params["ca_path"],
            secrets=self.secrets)

    def server(self):
        """The ``server`` argument for the tenant the task names (see tenancy.resolve_tenant), looked up once."""
        if self._server is None:
            self._server, self.tenant_row = resolve_tenant(
                self.client, self.params.get("tenant"), self.params.get("tenant_id"))
        return self._server

    def server_filter(self):
        """``{"server": ID}`` for the tenant the task names; ``{}`` (the whole system) when it names none.

        For reads that cover the whole system unless narrowed to a tenant (CDRs, the dashboard, live state).
        """
        if self.params.get("tenant") is None and self.params.get("tenant_id") is None:
            return {}
        return {"server": self.server()}

    def converge(self, resource, desired, result_key, state="present", resolve=None, force_write_only=False,
                 shape=None, in_tenant=True, scope=None, check_tenant=None):
        """Reconcile one object of ``resource`` in the task's tenant; the module's result dict.

        ``shape`` turns views into what users see (e.g. options nested back under ``options``).
        ``in_tenant=False`` for system-wide objects (DID groups), which take no ``server``;
        ``scope``: further arguments of every call (the DID of a CLI routing rule);
        ``check_tenant(row)``: input checks that need the tenant's ``tenant.list`` row (before any other call).
        """
        shape = shape or (lambda view: view)
        check_list_items(resource, desired)
        desired_view(resource, desired)  # every normaliser judges its value before any call
        server = self.server() if in_tenant else None
        if check_tenant is not None:
            check_tenant(self.tenant_row)
        converger = Converger(self.client, resource, server, scope)
        result = converger.converge(desired, state, self.check_mode, force_write_only, resolve=resolve)
        return {
            "changed": result["changed"],
            "operation": result["operation"],
            "id": result["id"],
            result_key: shape(result["after"]),
            "before": shape(result["before"]),
            "proposed": shape(result["proposed"]),
            "diff": dict((side, shape(view)) for side, view in result["diff"].items()),
            "warnings": converger.warnings,
        }

    def scrub(self, text):
        return scrub(text, self.params.get("api_key"), *self.secrets)

    def warn(self, warnings):
        """Emit ``warnings`` after the client's own (a URL that does not look like the API's)."""
        client_warnings = self._client.warnings if self._client is not None else []
        for warning in client_warnings + list(warnings):
            self.ansible.warn(self.scrub(warning))
        del client_warnings[:]

    def fail(self, msg, **kwargs):
        self.warn([])
        self.ansible.fail_json(msg=self.scrub(msg), **kwargs)

    def run(self, work):
        """Call ``work()`` and exit with its result dict; every known error becomes one clear line."""
        try:
            no_log = [name for name, spec in self.ansible.argument_spec.items() if spec.get("no_log")]
            check_control_characters(dict((name, value) for name, value in self.params.items()
                                          if name not in self.free_text), no_log)
            for name, spec in sorted(self.ansible.argument_spec.items()):
                value = self.params.get(name)
                if spec.get("required") and isinstance(value, str) and not value.strip():
                    raise ReconcileError("%s cannot be empty" % name, name)
            # Trusted as given (no lookup), so checked here: server 0 or below reaches no tenant, and writes with it
            # would be refused by PBXware only after they were sent.
            tenant_id = self.params.get("tenant_id")
            if tenant_id is not None and tenant_id < 1:
                raise ReconcileError("tenant_id must be a server ID of 1 or more, got %s" % tenant_id, "tenant_id")
            result = work()
        except ParentMissing as err:
            if not (self.check_mode and not self.reads_only and self.params.get("state") != "absent"):
                self.fail("%s (parameter: %s)" % (err.message, err.parameter))
            # A preview: an earlier task of this run may create it; nothing more can be read without it.
            result = {"changed": True, "parent_missing": err.message, "warnings": [
                "%s. In check mode this task assumes an earlier task creates it and reports the change it would "
                "make then; what exactly cannot be compared until it exists." % err.message]}
        except ReconcileError as err:
            self.fail("%s (parameter: %s)" % (err.message, err.parameter) if err.parameter else err.message)
        except PBXwareError as err:
            # An aggregate that failed part-way reports what it wrote before (AggregateFailure.result).
            partial = dict(getattr(err, "result", None) or {})
            self.warn(partial.pop("warnings", []))
            self.fail(err.message, **partial)
        except ValueError as err:
            # An answer shaped unlike the reference (normalize refuses it): say so, without a traceback.
            self.fail("unexpected data from PBXware: %s" % err)
        self.warn(result.pop("warnings", []))
        self.ansible.exit_json(**result)
