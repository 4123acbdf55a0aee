# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Input the wire would garble, refused before any call."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, check_control_characters, check_list_items)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import EXTENSION
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.tenants import TENANT, tenant_option_fields


@pytest.mark.parametrize("resource,name,value,separator", [
    (EXTENSION, "department", ["1,2"], ","),
    (EXTENSION, "codecs", ["ulaw:alaw"], ":"),
    (TENANT.extended(tenant_option_fields({"localcodecs": None})), "options.localcodecs", ["ulaw", "g729:gsm"], ":"),
])
def test_an_item_holding_its_lists_separator_is_refused(resource, name, value, separator):
    with pytest.raises(ReconcileError) as info:
        check_list_items(resource, {name: value})
    assert info.value.parameter == name and repr(separator) in info.value.message


def test_items_without_separators_pass():
    check_list_items(EXTENSION, {"department": ["1", "2"], "codecs": ["ulaw", "alaw"], "name": "A, B: C"})


@pytest.mark.parametrize("value", ["line one\nline two", "carriage\rreturn", "nul\x00", ["ok", "bad\n"],
                                   {"key": "bad\r\n"}, {"bad\nkey": "x"}])
def test_control_characters_are_refused_naming_the_parameter(value):
    with pytest.raises(ReconcileError) as info:
        check_control_characters({"name": "fine", "notes": value})
    assert info.value.parameter == "notes"


def test_a_secret_with_a_control_character_is_not_shown():
    with pytest.raises(ReconcileError) as info:
        check_control_characters({"secret": "Hunter2!\n"}, secret_names=["secret"])
    assert "Hunter2" not in info.value.message


def test_tabs_and_plain_text_pass():
    check_control_characters({"name": "Front\tdesk", "amount": 1.5, "flag": True, "none": None})
