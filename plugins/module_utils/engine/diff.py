# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Diff and result views: what users see of a plan, with secrets masked.

A changed secret shows as changed without showing either value, so a nightly
``--check --diff`` audit reveals drift in a PIN without printing it.
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import MASK, MASK_CHANGED


def mask(resource, view, changed=()):
    """A copy of ``view`` with secrets masked; a changed secret says so without showing it."""
    masked = dict(view)
    for name in resource.secret_names:
        if name in masked and masked[name] is not None:
            masked[name] = MASK_CHANGED if name in changed else MASK
    return masked


def diff(resource, result_plan):
    """Ansible's ``diff`` (before/after of the whole object), secrets masked."""
    changed = frozenset(result_plan.changes)
    return {
        "before": mask(resource, result_plan.before),
        "after": mask(resource, result_plan.after, changed),
    }


def proposed(resource, result_plan):
    """What will be sent, by option name, secrets masked (for results)."""
    return mask(resource, dict((name, new) for name, (old, new) in result_plan.changes.items()),
                result_plan.changes)
