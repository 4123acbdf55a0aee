# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later


class ModuleDocFragment(object):
    # Attributes shared by the modules, by kind; a module may add details to any of them.
    DOCUMENTATION = r"""
attributes:
  platform:
    description: Target OS/families that can be operated against.
    support: N/A
    platforms: posix
"""

    RESOURCE = r"""
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Reads only; the result predicts the object after the run.
      - When the tenant, extension or DID the task acts in does not exist (yet), check mode does not fail
        but reports C(changed) with a warning and the key C(parent_missing), so that a new playbook that
        creates it in an earlier task can be previewed end to end.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: full
    details: The whole object before and after, secrets masked.
"""

    ACTION = r"""
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details:
      - Reports what would be done; sends nothing.
      - When the tenant or extension the task acts on does not exist (yet), check mode reports C(changed)
        with a warning and the key C(parent_missing) instead of failing.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: none
"""

    INFO = r"""
attributes:
  check_mode:
    description: Can run in check_mode and return changed status prediction without modifying target.
    support: full
    details: This module only reads.
  diff_mode:
    description: Will return details on what has changed (or possibly needs changing in check_mode), when in diff mode.
    support: N/A
    details: This module only reads.
"""
