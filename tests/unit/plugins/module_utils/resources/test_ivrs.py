# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""IVRs: keymaps read in both shapes (by key, one entry without its key), writes, input checks."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_params, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.ivrs import (
    IVR, info_items, keymap_resolver, keymap_type, normalize_keymap, option_fields, validate)

KEYMAP = {"1": {"type": "extension", "destination": "100"}, "9": {"type": "dy"},
          "*": {"type": "remote_access", "destination": "voicemail"}}
NORMALISED = {"1": {"type": "extension", "destination": "100"}, "9": {"type": "directory", "destination": ""},
              "*": {"type": "remote_access", "destination": "voicemail"}}
BY_KEY = {"1": {"type": "Extension", "value": "100"}, "9": {"type": "Directory", "value": ""},
          "*": {"type": "Remote Access", "value": "voicemail"}}
ROW = {"name": "MainMenu", "type": "0", "ext": "700", "status": "enabled", "operator": ""}
WANTED = {"extension": "700", "name": "MainMenu", "status": "enabled", "operator": "", "keymap": KEYMAP}


def current(keymap):
    return read_view(IVR, dict(ROW, keymap=keymap))


def params(**changes):
    wanted = dict(WANTED, **changes)
    return dict((name, wanted.get(name)) for name in IVR.by_name)


@pytest.mark.parametrize("value,name", [
    ("Extension", "extension"), ("ex", "extension"), ("extension", "extension"), ("Queues", "queue"),
    ("Queue", "queue"), ("Dial Groups and Enhanced Ring Groups", "ring_group"), ("Ring Group", "ring_group"),
    ("rg", "ring_group"), ("Conferences", "conference"), ("IVR tree", "ivr_tree"), ("aatree", "ivr_tree"),
    ("aa", "ivr"), ("Fax to E-mail", "fax_to_email"), ("Call External Number", "external_number"),
    ("External Number", "external_number"), ("ARI Application", "ari_application"), ("CRM Routing", "crm_routing"),
    ("Directory", "directory"), ("Remote Access", "remote_access"), ("vm", "voicemail")])
def test_keymap_types_from_every_spelling(value, name):
    assert keymap_type(value) == name


def test_both_read_shapes_normalise():
    assert normalize_keymap(BY_KEY) == NORMALISED
    assert normalize_keymap({"type": "Extension", "value": "100"}) == {"?": {"type": "extension", "destination": "100"}}
    assert normalize_keymap([]) == {}
    # PHP sends an array of keys 0..n-1 as a JSON list.
    assert normalize_keymap([{"type": "Voicemail", "value": "100"}]) == {"0": {"type": "voicemail", "destination": "100"}}
    assert normalize_keymap(KEYMAP) == NORMALISED
    with pytest.raises(ValueError, match="unknown keymap destination type"):
        normalize_keymap({"1": {"type": "Teleport", "value": "1"}})


def test_list_row_reads_into_options():
    assert current(BY_KEY) == {"extension": "700", "name": "MainMenu", "status": "enabled", "operator": "",
                               "keymap": NORMALISED}
    assert read_view(IVR, dict(ROW, operator=None, keymap=BY_KEY))["operator"] == ""  # postman-style null


@pytest.mark.parametrize("shown", [BY_KEY, {"type": "Extension", "value": "100"}])
def test_no_change_when_equal_in_either_shape(shown):
    result = plan(IVR, params(), current(shown))
    assert result.operation is None and result.payload == {}
    assert result.unverified == ([] if "1" in shown else ["keymap"])  # one entry: only partly compared


def test_by_key_difference_sends_the_whole_keymap():
    changed = dict(KEYMAP, **{"2": {"type": "queue", "destination": "600"}})
    result = plan(IVR, params(keymap=changed), current(BY_KEY))
    assert result.operation == "update" and list(result.changes) == ["keymap"]
    assert result.payload == {"keymap": {
        "1": {"type": "ex", "destination": "100"}, "2": {"type": "qu", "destination": "600"},
        "9": {"type": "dy", "destination": None}, "*": {"type": "ra", "destination": "voicemail"}}}
    # A key left out is a difference too: the keymap is replaced whole.
    fewer = dict((key, entry) for key, entry in KEYMAP.items() if key != "9")
    assert plan(IVR, params(keymap=fewer), current(BY_KEY)).payload == {"keymap": {
        "1": {"type": "ex", "destination": "100"}, "*": {"type": "ra", "destination": "voicemail"}}}


def test_one_entry_that_is_none_of_the_tasks_entries_sends_the_keymap():
    result = plan(IVR, params(), current({"type": "Extension", "value": "101"}))
    assert result.operation == "update" and result.unverified == []
    assert result.changes["keymap"][0] == {"?": {"type": "extension", "destination": "101"}}
    assert set(result.payload["keymap"]) == {"1", "9", "*"}


def test_one_entry_that_agrees_is_unverified_unless_forced():
    shown = current({"type": "Remote Access", "value": "voicemail"})
    assert plan(IVR, params(name="Renamed"), shown).payload == {"name": "Renamed"}
    forced = plan(IVR, params(), shown, force_write_only=True)
    assert forced.operation == "update" and set(forced.payload["keymap"]) == {"1", "9", "*"}


def test_other_fields_write_their_api_forms():
    result = plan(IVR, params(status="disabled", operator="101"), current(BY_KEY))
    assert result.payload == {"status": 0, "operator": "101"}


def test_create_sends_everything_and_needs_greeting_and_keymap():
    created = plan(IVR, params(greeting="greeting-main"), None)
    assert created.operation == "create"
    assert created.payload["ext"] == "700" and created.payload["greeting"] == "greeting-main"
    assert created.payload["status"] == 1 and set(created.payload["keymap"]) == {"1", "9", "*"}
    with pytest.raises(ReconcileError, match="requires greeting"):
        plan(IVR, params(), None)
    with pytest.raises(ReconcileError, match="requires keymap"):
        plan(IVR, params(greeting="greeting-main", keymap=None), None)


def test_options_are_write_only_and_checked():
    resource = IVR.extended(option_fields({"tresponse": 6, "ringtype": "moh"}))
    wanted = desired_params(resource, dict(WANTED, options={"tresponse": 6, "ringtype": "moh"}))
    assert plan(resource, wanted, current(BY_KEY)).unverified == ["options.ringtype", "options.tresponse"]
    with pytest.raises(ReconcileError, match="options.greeting"):
        option_fields({"greeting": "greeting-x"})


@pytest.mark.parametrize("wanted,message", [
    ({"extension": "7a"}, "extension must be digits"),
    ({"operator": "x1"}, "operator must be digits"),
    ({"name": "Main Menu"}, "no spaces"),
    ({"greeting": "welcome"}, "greeting must begin with greeting-"),
    ({"keymap": {}}, "at least one key"),
    ({"keymap": {"#": {"type": "ex", "destination": "100"}}}, "'#' is not a key of the keypad"),
    ({"keymap": {"10": {"type": "ex", "destination": "100"}}}, "'10' is not a key"),
    ({"keymap": {"1": "100"}}, "keymap.1 must be a dict of type and destination"),
    ({"keymap": {"1": {"type": "ex", "value": "100"}}}, "keymap.1 must be a dict"),
    ({"keymap": {"1": {"destination": "100"}}}, "keymap.1.type is required"),
    ({"keymap": {"1": {"type": "teleport", "destination": "100"}}}, "keymap.1.type: unknown keymap destination"),
    ({"keymap": {"1": {"type": "extension"}}}, "keymap.1.destination is required with type extension"),
    ({"keymap": {"1": {"type": "directory", "destination": "100"}}}, "type directory takes no destination"),
    ({"keymap": {"1": {"type": "ra", "destination": "100"}}}, "agentlogin, destinations, voicemail"),
    ({"keymap": {"1": {"type": "en", "destination": "+38761"}}}, "an external number (digits)"),
    ({"keymap": {"1": {"type": "ari", "destination": "app"}}}, "an ARI application's ID"),
    ({"keymap": {"1": {"type": "queue", "destination": "sales"}}}, "the number of the queue"),
    ({"options": {"loops": 21}}, "options.loops"),
    ({"options": {"ringtype": "music"}}, "options.ringtype"),
    ({"options": {"timeoutext": "ari-x"}}, "options.timeoutext"),
])
def test_input_refused_before_any_call(wanted, message):
    with pytest.raises(ReconcileError) as info:
        validate(wanted)
    assert message in info.value.message
    assert info.value.parameter.split(".")[0] in wanted


def test_input_accepted():
    validate(dict(WANTED, greeting="greeting-main", options={"timeoutext": "ari-5", "loops": 20, "ringtype": "none"}))
    validate({"keymap": {1: {"type": "en", "destination": 38761000000}, "0": {"type": "directory",
                                                                              "destination": ""}}})


class FakeIvrApi(object):
    """``ivr.list`` in either shape over a stored keymap; edits replace the keymap whole."""

    def __init__(self, by_key):
        self.by_key = by_key
        self.ivrs = {}
        self.writes = []

    def _row(self, ivr):
        order = sorted(ivr["keymap"], key="0123456789*".index)
        entries = dict((key, {"type": {"ex": "Extension", "qu": "Queues", "dy": "Directory",
                                       "ra": "Remote Access"}[ivr["keymap"][key]["type"]],
                              "value": ivr["keymap"][key].get("destination") or ""}) for key in order)
        return dict(ROW, name=ivr["name"], ext=ivr["ext"], keymap=entries if self.by_key else entries[order[0]])

    def read(self, action, params=None):
        assert action == "pbxware.ivr.list"
        return dict((key, self._row(ivr)) for key, ivr in self.ivrs.items()) or []

    def write(self, action, params=None):
        self.writes.append((action, dict(params)))
        if action == "pbxware.ivr.add":
            self.ivrs["5"] = dict((k, v) for k, v in params.items() if k in ("name", "ext", "keymap"))
            return {"success": "IVR ID: 5.", "id": 5}
        self.ivrs[params["id"]].update((k, v) for k, v in params.items() if k in ("name", "keymap"))
        return {"success": "IVR ID: 5.", "id": "5"}


@pytest.mark.parametrize("by_key", [True, False])
def test_converging_in_either_shape_is_stable(by_key):
    api = FakeIvrApi(by_key)
    wanted = params(greeting="greeting-main")
    first = Converger(api, IVR, server="2").converge(wanted)
    assert first["operation"] == "create" and first["id"] == "5"
    again = Converger(api, IVR, server="2")
    assert not again.converge(wanted)["changed"]
    partial = [] if by_key else [
        "IVR: keymap could only be partly compared (this server's answer shows only part of it, and that part "
        "agrees) and was not sent; it is sent whole when the part shown differs, when the object is created, or on "
        "every run with force_write_only: true"]
    assert again.warnings == ["IVR: greeting was neither compared nor sent (the API never returns it); it is sent "
                              "when the object is created, or on every run with force_write_only: true"] + partial
    # Key 1 (the entry a single-entry read shows) changes: seen in both shapes, the keymap sent whole,
    # and the read-back raises no "now reports" warning.
    moved = params(keymap=dict(KEYMAP, **{"1": {"type": "queue", "destination": "600"}}))
    converger = Converger(api, IVR, server="2")
    result = converger.converge(moved)
    assert result["changed"] and result["proposed"] == {"keymap": normalize_keymap(moved["keymap"])}
    assert sorted(api.writes[-1][1]["keymap"]) == ["*", "1", "9"]
    assert converger.warnings == []
    # A key the single entry does not show changes: only the by-key read sees it.
    hidden = params(keymap=dict(moved["keymap"], **{"9": {"type": "extension", "destination": "100"}}))
    assert Converger(api, IVR, server="2").converge(hidden)["changed"] is by_key


def test_info_items_are_module_input():
    rows = {"5": dict(ROW, keymap=BY_KEY), "6": dict(ROW, ext="69", keymap={"type": "Extension", "value": "100"})}
    items, ids, warnings = info_items(rows)
    assert [item["extension"] for item in items] == ["69", "700"]
    assert items[1] == {"extension": "700", "name": "MainMenu", "status": "enabled", "operator": "",
                        "keymap": NORMALISED}
    assert "keymap" not in items[0] and ids == {"69": "6", "700": "5"}
    assert warnings == ["IVR 69: this server's ivr.list shows one keymap entry without its key (extension to 100); "
                        "keymap is left out of the result"]
    assert info_items(rows, "700")[0] == [items[1]] and info_items([], None) == ([], {}, [])
    # Fed back, an item plans no change.
    assert plan(IVR, dict((name, items[1].get(name)) for name in IVR.by_name), current(BY_KEY)).operation is None


class ListsClient(object):
    LISTS = {"pbxware.ring_group.list": {"7": {"name": "Sales", "ext": "600"}},
             "pbxware.erg.list": {},
             "pbxware.ivr.list": {"9": {"name": "Night", "ext": "701"}}}

    def __init__(self):
        self.calls = []

    def read(self, action, params=None):
        self.calls.append(action)
        return self.LISTS[action] or []


def test_keymap_destinations_by_name_resolve_with_one_read_per_list():
    client = ListsClient()
    keymap = {"1": {"type": "rg", "destination": "sales"}, "2": {"type": "ring_group", "destination": "Sales"},
              "3": {"type": "ivr", "destination": "Night"}, "4": {"type": "extension", "destination": "100"},
              "9": {"type": "directory"}}
    validate(dict(WANTED, keymap=keymap))
    resolved = keymap_resolver(client, "2")({"keymap": keymap}, None)["keymap"]
    assert [resolved[key].get("destination") for key in "12349"] == ["600", "600", "701", "100", None]
    assert client.calls == ["pbxware.ring_group.list", "pbxware.ivr.list"]
    with pytest.raises(ReconcileError, match="closest: Sales") as info:
        keymap_resolver(client, "2")({"keymap": {"1": {"type": "rg", "destination": "Sale"}}}, None)
    assert info.value.parameter == "keymap"
