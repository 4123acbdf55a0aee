# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

DOCUMENTATION = r"""
name: pbxware
short_description: Read from the PBXware API in a template
version_added: 0.2.0
description:
  - Sends each term, a PBXware API action that reads, and returns its answer parsed from JSON - for a template,
    a C(when) condition or a C(set_fact), without a task that registers a result.
  - Keyword arguments other than this plugin's options are the action's arguments, for example
    C(lookup('bicom.pbxware.pbxware', 'pbxware.ext.list', server=2)). Every term gets the same arguments.
  - Reads only. A lookup runs whenever a template is evaluated - in check mode too, and as often as the template is -,
    so an action whose method writes (anything but the read methods listed for the M(bicom.pbxware.pbxware_api)
    module, such as V(add), V(edit), V(delete), V(set)) is refused before any request. Use
    M(bicom.pbxware.pbxware_api) for writes.
  - Reads are retried on transient faults, as by the modules. An API error (an answer with an C(error) key, sent
    with HTTP 200) fails the template with a message naming the action; the API key and argument values under
    secret-looking names are masked in every message.
  - The answers are unsafe text - never templated, so an extension named C({{ 7 * 7 }}) stays exactly that.
author:
  - Bicom PBXware collection maintainers (@bicom-ansible)
requirements:
  - requests
options:
  _terms:
    description:
      - The actions to send, as C(pbxware.<object>.<method>) (V(pbxware.ext.list)); the C(pbxware.) prefix may be
        left out (V(ext.list)).
    type: list
    elements: str
    required: true
  url:
    description:
      - The PBXware API endpoint, for example C(https://pbx.example.com/index.php).
      - Must not carry the API key; the key is always sent in the request body.
    type: str
    env:
      - name: PBXWARE_URL
    ini:
      - section: pbxware
        key: url
  api_key:
    description:
      - The API key set in PBXware under I(Admin Settings - API key).
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
      - A CA bundle file (PEM) on the controller to trust, for a PBXware with a self-signed or private certificate,
        instead of the system's CA store. Ignored when O(validate_certs=false).
      - An empty value means none.
    type: str
    env:
      - name: PBXWARE_CA_PATH
    ini:
      - section: pbxware
        key: ca_path
  timeout:
    description: Seconds to wait for each API answer. Reads that time out are retried with backoff.
    type: int
    default: 30
    env:
      - name: PBXWARE_TIMEOUT
    ini:
      - section: pbxware
        key: timeout
  arguments:
    description:
      - API arguments as a dictionary, merged with the other keyword arguments (which win); for an argument whose
        name is one of this plugin's options, such as C(timeout).
      - Sent as the modules send arguments - a boolean as V(1)/V(0), a list as repeated C(name[]=) arguments, a
        dictionary as bracket arrays; a null value is left out.
      - C(apikey), C(action) and C(apiformat) are refused; the plugin sends them itself.
    type: dict
    default: {}
  reveal_secrets:
    description: Show passwords, secrets and PINs in the answers instead of masking them as C(********).
    type: bool
    default: false
notes:
  - ansible-test and some other runners start Ansible with an empty environment; give O(url) and O(api_key) as
    keyword arguments there (C(url=pbxware_url, api_key=pbxware_api_key)).
  - With C(lookup()), one term's answer is returned as it is (a dictionary, or a list); C(query()) (or
    C(wantlist=true)) always returns the list of answers, one per term.
seealso:
  - module: bicom.pbxware.pbxware_api
"""

EXAMPLES = r"""
- name: Extension numbers of tenant 2 (connection from PBXWARE_URL and PBXWARE_API_KEY)
  ansible.builtin.debug:
    msg: "{{ lookup('bicom.pbxware.pbxware', 'pbxware.ext.list', server=2) | dict2items
             | map(attribute='value.ext') | list }}"

- name: Only when the tenant has no extension yet
  ansible.builtin.debug:
    msg: Tenant 2 is empty
  when: lookup('bicom.pbxware.pbxware', 'ext.list', server=2) | length == 0

- name: One extension's settings, connection options given as keywords
  ansible.builtin.set_fact:
    reception: "{{ lookup('bicom.pbxware.pbxware', 'pbxware.ext.configuration', server=2, id=57,
                          url='https://pbx.example.com/index.php', api_key=vault_pbxware_api_key) }}"

- name: Two reads at once, as a list of answers
  ansible.builtin.set_fact:
    catalogue: "{{ query('bicom.pbxware.pbxware', 'pbxware.uads.list', 'pbxware.trunk.providers') }}"
"""

RETURN = r"""
_raw:
  description:
    - One answer per term, parsed from JSON - usually a dictionary keyed by object ID, C([]) when the server has
      none. Passwords, secrets and PINs are masked unless O(reveal_secrets=true).
  type: list
  elements: raw
"""

import os

from ansible.errors import AnsibleLookupError
from ansible.module_utils.common.text.converters import to_text
from ansible.plugins.lookup import LookupBase
from ansible.utils.unsafe_proxy import wrap_var

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import raw
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareClient, PBXwareError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import mask_settings, scrub
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.module import MIN_MASKED_LENGTH
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError

USER_AGENT_NAME = "bicom.pbxware.pbxware lookup"
OPTIONS = ("url", "api_key", "validate_certs", "ca_path", "timeout", "arguments", "reveal_secrets")


class LookupModule(LookupBase):

    def run(self, terms, variables=None, **kwargs):
        options = dict((name, value) for name, value in kwargs.items() if name in OPTIONS)
        self.set_options(var_options=variables, direct=options)
        arguments = dict(self.get_option("arguments") or {})
        arguments.update((name, value) for name, value in kwargs.items() if name not in OPTIONS)
        secrets = [value for value in raw.secret_values(arguments) if len(value) >= MIN_MASKED_LENGTH]
        try:
            actions = self._read_actions(terms)
            raw.check_arguments(arguments, "arguments")
            if not actions:
                return []
            client = self._client(secrets)
            try:
                answers = [raw.call(client, action, arguments, True) for action in actions]
            finally:
                client.session.close()
        except (ReconcileError, PBXwareError) as err:
            raise AnsibleLookupError("bicom.pbxware.pbxware lookup: %s" % self._scrub(err.message, secrets))
        reveal = self.get_option("reveal_secrets")
        return [wrap_var(mask_settings(answer, reveal)) for answer in answers]

    @staticmethod
    def _read_actions(terms):
        """The full names of ``terms``; a write is refused before any request (a template may run in check mode)."""
        actions = [raw.full_action_name(to_text(term)) for term in LookupBase._flatten(terms)]
        for action in actions:
            if not raw.reads(action):
                raise ReconcileError(
                    "%s writes (its method %s is not one of the API's read methods), and a lookup runs whenever a "
                    "template is evaluated, in check mode too: it only reads. Send writes with the "
                    "bicom.pbxware.pbxware_api module" % (action, action.rsplit(".", 1)[-1]), "_terms")
        return actions

    def _client(self, secrets):
        ca_path = self.get_option("ca_path")
        api_key = self.get_option("api_key")
        return PBXwareClient(
            to_text(self.get_option("url")) if self.get_option("url") is not None else None,
            to_text(api_key) if api_key is not None else None,
            validate_certs=self.get_option("validate_certs"), timeout=self.get_option("timeout"),
            # A str option, as in the inventory: "" (an AWX credential without a CA path) means none.
            module_name=USER_AGENT_NAME, ca_path=os.path.expanduser(ca_path) if ca_path else None, secrets=secrets)

    def _scrub(self, text, secrets):
        return scrub(text, self.get_option("api_key"), *secrets)
