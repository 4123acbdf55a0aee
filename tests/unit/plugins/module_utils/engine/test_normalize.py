# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, collection, comma_list, ident, to_bool, to_int, to_str)


def test_empty_collections_in_every_spelling():
    assert collection([]) == {} and collection(None) == {} and collection({}) == {}


def test_collection_keys_become_strings():
    assert collection({2: {"a": 1}, "7": {}}) == {"2": {"a": 1}, "7": {}}
    assert collection([{"a": 1}]) == {"0": {"a": 1}}
    with pytest.raises(ValueError):
        collection("oops")


@pytest.mark.parametrize("value", [5, "5", " 5 ", 5.0])
def test_ids_compare_equal_whatever_the_type(value):
    assert ident(value) == "5"


@pytest.mark.parametrize("value,expected", [
    ("enabled", True), ("1", True), (1, True), ("yes", True), (True, True),
    ("disabled", False), ("0", False), (0, False), ("no", False), ("", False), (None, None)])
def test_boolean_spellings(value, expected):
    assert to_bool(value) is expected


def test_not_a_boolean_is_an_error():
    with pytest.raises(ValueError):
        to_bool("maybe")


def test_numbers_and_text():
    assert to_int("08") == 8 and to_int("") is None and to_int(True) == 1
    assert to_str(3) == "3" and to_str(3.0) == "3" and to_str(True) == "1" and to_str(" a ") == "a"


def test_lists_from_strings_or_lists():
    assert comma_list("a, b,,c") == ["a", "b", "c"] and comma_list(["a", 1]) == ["a", "1"]
    assert comma_list(None) is None


def test_choice_map_accepts_api_and_user_spellings():
    status = choice_map({"1": "enabled", "0": "disabled"})
    assert status(1) == status("1") == status("Enabled") == "enabled"
    assert status("0") == "disabled" and status(None) is None
