# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment(object):
    # The options of a CLI routing rule, shared by the DID and tenant modules (destinations.cli_route_resource).
    DOCUMENTATION = r"""
options:
  callerid:
    description: The caller ID the rule matches. Identifies the rule.
    type: str
    required: true
  state:
    description: V(present) creates or updates the rule, V(absent) deletes it.
    type: str
    choices: [present, absent]
    default: present
  destination_type:
    description: Where matching calls go (API C(dest_type), CLI routing's own numbering 0 to 11). Required to create.
    type: str
    choices: [extension, multi_user, ring_group, ivr, queue, voicemail, remote_access, conference, trunk,
              fax_to_email, deny_access, crm_routing]
  destination:
    description:
      - The destination number; for V(trunk) the trunk's ID, for V(crm_routing) the CRM routing rule's ID.
      - A ring group (a dial group or an enhanced ring group) and an IVR may also be given by name; it is resolved to
        its number with one list read (C(pbxware.ring_group.list), then C(pbxware.erg.list); C(pbxware.ivr.list)).
      - Required with every O(destination_type) except V(deny_access).
    type: str
  match_explicitly:
    description: Match the caller ID exactly rather than as a prefix. V(false) when a rule is created without it.
    type: bool
"""
