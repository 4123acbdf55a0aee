# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment(object):
    # Connection options shared by every module (module_utils/module.py CONNECTION_ARGS).
    DOCUMENTATION = r"""
options:
  url:
    description:
      - The PBXware API endpoint, for example C(https://pbx.example.com/index.php).
      - If not set, the value of the E(PBXWARE_URL) environment variable is used.
      - Must not carry the API key; the key is always sent in the request body.
      - A password in the URL (C(https://user:password@pbx.example.com/index.php)) is masked in every
        message and in the module arguments Ansible prints.
      - A path other than the server root or one ending in C(index.php) draws a warning.
    type: str
    required: true
  api_key:
    description:
      - The API key set in PBXware under I(Admin Settings - API key).
      - If not set, the value of the E(PBXWARE_API_KEY) environment variable is used.
      - Sent in the body of a POST request, never in a URL; never logged or shown in errors.
    type: str
    required: true
  validate_certs:
    description:
      - Whether to verify the server's TLS certificate.
      - If not set, the value of the E(PBXWARE_VALIDATE_CERTS) environment variable is used, else V(true).
    type: bool
    default: true
  ca_path:
    description:
      - A PEM file of CA certificates to trust instead of the system's, on the controller; for a PBXware
        whose certificate is self-signed or issued by a private CA.
      - To trust a self-signed PBXware, save its certificate, for example with
        C(openssl s_client -connect pbx.example.com:443 -showcerts </dev/null | openssl x509 > pbx-ca.pem),
        check its fingerprint against the server's, and give that file here. Prefer this to O(validate_certs=false).
      - If not set, the value of the E(PBXWARE_CA_PATH) environment variable is used.
      - A certificate that fails verification is reported at once, without retries.
    type: path
  timeout:
    description:
      - Seconds to wait for each API answer.
      - Reads that time out are retried with backoff; writes are never re-sent, the module
        looks the object up instead.
    type: int
    default: 30
notes:
  - All modules of this collection are in the action group C(bicom.pbxware.pbxware), so connection
    options can be set once for a play with C(module_defaults) and the key C(group/bicom.pbxware.pbxware).
  - Modules that act inside one tenant are also in the action group C(bicom.pbxware.tenant); set the
    tenant for a play under C(group/bicom.pbxware.tenant), not under C(group/bicom.pbxware.pbxware),
    whose modules include some that take no tenant.
requirements:
  - requests
"""

    TENANT = r"""
options:
  tenant:
    description:
      - The tenant to act in, by tenant name or 3-digit tenant code, resolved through C(pbxware.tenant.list).
      - An unknown tenant is an error listing the closest names.
      - Mutually exclusive with O(tenant_id). With neither, the master server (ID 1) is used,
        as on a PBXware that is not in tenant mode.
    type: str
  tenant_id:
    description:
      - The internal tenant (server) ID to act in, used as given without a lookup.
      - Mutually exclusive with O(tenant).
    type: int
"""
