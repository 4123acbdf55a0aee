# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""gloCOM apps: licensed slots (``pbxware.apps.list``) and department templates (``pbxware.apps.templates.*``).

A template is the editions and modules a department's extensions get when they
use department templates (``pbxware_extension_editions``'s
``use_department_templates``). ``templates.set`` writes one (there is no
delete); ``templates.list`` reads all of a tenant's, each with its
``department_id``, as an object keyed by department ID (the reference) or as a
list (the vendor's Postman test). Lists are comma-separated text on both sides
(``"business,agent"``), read in the order written, ``all``/``none`` possibly
among them: they compare as sets of names.
"""

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import collection, ident, to_int, to_str
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, Resource
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import (
    EDITIONS, MODULES, encode_selection, selection)

APPS_TEMPLATE = Resource(
    "apps template",
    [
        # set names the template by department_id. On an update the engine sends the list key as
        # department_id, which is the department ID only in the reference's keyed answer (Postman's is a
        # list): resending the field from the row sends the true ID either way.
        Field("department", api="department_id", read="department_id", normalize=ident, resend_on_edit=True),
        Field("editions", normalize=selection(EDITIONS), to_api=encode_selection),
        Field("modules", normalize=selection(MODULES), to_api=encode_selection),
    ],
    identity=["department"],
    api_object="apps.templates",
    write_methods={"create": "set", "update": "set"},
    id_param="department_id",
)


def app_slots(answer):
    """``apps.list`` by edition/module name as the modules spell it (``office``, ``call popup``):
    ``{"total", "in_use", "extensions"}`` with numbers as numbers and extension numbers as text."""
    slots = {}
    for name, row in sorted(collection(answer).items()):
        row = row if isinstance(row, dict) else {}
        slots[to_str(name).lower()] = {"total": to_int(row.get("total")), "in_use": to_int(row.get("in_use")),
                                       "extensions": [to_str(number) for number in row.get("extensions") or []]}
    return slots


def template_rows(answer):
    """``templates.list`` rows (keyed or listed) in one order: by department ID."""
    rows = [row for row in collection(answer).values() if isinstance(row, dict)]
    return sorted(rows, key=lambda row: int(ident(row.get("department_id")) or 0))
