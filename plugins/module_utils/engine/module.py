# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Ansible glue shared by every module: options, client, tenant, errors.

A module declares its own options and calls :meth:`PBXwareModule.run` with a
function doing the work; connection and tenant options, the client, and the
translation of every error into a clean, key-free ``fail_json`` live here.
"""

from ansible.module_utils.basic import AnsibleModule, env_fallback, missing_required_lib

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    HAS_REQUESTS, REQUESTS_IMPORT_ERROR, PBXwareClient, PBXwareError)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import scrub
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.tenancy import TenantNotFound, resolve_server

CONNECTION_ARGS = dict(
    url=dict(type="str", required=True, fallback=(env_fallback, ["PBXWARE_URL"])),
    api_key=dict(type="str", required=True, no_log=True, fallback=(env_fallback, ["PBXWARE_API_KEY"])),
    validate_certs=dict(type="bool", default=True, fallback=(env_fallback, ["PBXWARE_VALIDATE_CERTS"])),
    timeout=dict(type="int", default=30),
)

TENANT_ARGS = dict(
    tenant=dict(type="str"),
    tenant_id=dict(type="int"),
)


class PBXwareModule(object):
    """An AnsibleModule with the collection's connection (and tenant) options."""

    def __init__(self, argument_spec, tenant_scoped=False, mutually_exclusive=None, **kwargs):
        spec = dict(CONNECTION_ARGS)
        exclusive = list(mutually_exclusive or [])
        if tenant_scoped:
            spec.update(TENANT_ARGS)
            exclusive.append(("tenant", "tenant_id"))
        spec.update(argument_spec)
        kwargs.setdefault("supports_check_mode", True)
        self.ansible = AnsibleModule(argument_spec=spec, mutually_exclusive=exclusive, **kwargs)
        if not HAS_REQUESTS:
            self.ansible.fail_json(msg=missing_required_lib("requests"), exception=str(REQUESTS_IMPORT_ERROR))
        self.params = self.ansible.params
        self.check_mode = self.ansible.check_mode
        self._client = None
        self._server = None

    @property
    def client(self):
        if self._client is None:
            self._client = PBXwareClient(
                url=self.params["url"], api_key=self.params["api_key"],
                validate_certs=self.params["validate_certs"], timeout=self.params["timeout"],
                module_name=getattr(self.ansible, "_name", None))
        return self._client

    def server(self):
        """The ``server`` argument for the tenant the task names (see tenants.resolve_server), looked up once."""
        if self._server is None:
            self._server = resolve_server(self.client, self.params.get("tenant"), self.params.get("tenant_id"))
        return self._server

    def converge(self, resource, desired, result_key, state="present", resolve=None, force_write_only=False,
                 shape=None, in_tenant=True, scope=None):
        """Reconcile one object of ``resource`` in the task's tenant; the module's result dict.

        ``shape`` turns views into what users see (e.g. options nested back under ``options``).
        ``in_tenant=False`` for system-wide objects (DID groups), which take no ``server``;
        ``scope``: further arguments of every call (the DID of a CLI routing rule).
        """
        shape = shape or (lambda view: view)
        converger = Converger(self.client, resource, self.server() if in_tenant else None, scope)
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

    def fail(self, msg, **kwargs):
        self.ansible.fail_json(msg=scrub(msg, self.params.get("api_key")), **kwargs)

    def run(self, work):
        """Call ``work()`` and exit with its result dict; every known error becomes one clear line."""
        try:
            result = work()
        except (TenantNotFound, ReconcileError) as err:
            self.fail("%s (parameter: %s)" % (err.message, err.parameter) if err.parameter else err.message)
        except PBXwareError as err:
            self.fail(err.message)
        except ValueError as err:
            # An answer shaped unlike the reference (normalize refuses it): say so, without a traceback.
            self.fail("unexpected data from PBXware: %s" % err)
        for warning in result.pop("warnings", []):
            self.ansible.warn(scrub(warning, self.params.get("api_key")))
        self.ansible.exit_json(**result)
