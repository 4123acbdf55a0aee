# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The aggregate loop against an in-memory API: reads at the lower bound, every item planned before
the first write, writes in a stable order, deletions bounded, a part-way failure reported."""

import copy
import threading

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import module as engine_module
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.aggregate import (
    Aggregate, AggregateFailure, Item, about, check_bounds, check_items, gathered_item)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import PBXwareApiError, is_read_action
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import CommaList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import comma_list, to_int
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, ReconcileError, Resource

# An extension-like object: the list carries the number, name and departments;
# the configuration (by ID) adds the PIN and the limit; ``note`` is never returned.
EXT = Resource(
    "extension",
    [
        Field("ext", required_on_create=True, create_only=True),
        Field("name", required_on_create=True),
        Field("dept", normalize=comma_list, to_api=CommaList),
        Field("pin", secret=True, required_on_create=True),
        Field("limit", normalize=to_int),
        Field("note", write_only=True),
    ],
    identity=["ext"],
    api_object="ext",
    read_method="configuration",
)
LIST_COLUMNS = ("ext", "name", "dept")


class FakeApi(object):
    """A tiny PBXware holding ``ext`` objects; every call recorded (by every client sharing it)."""

    def __init__(self, objects=None):
        self.objects = copy.deepcopy(objects or {})
        self.calls = []
        self.threads = set()
        self.fail_on = None  # (action, ID or None): that write is refused
        self.lock = threading.Lock()

    def client(self):
        """Another client of the same server (as a read worker gets)."""
        return FakeClient(self)

    def actions(self):
        return [action for action, params in self.calls]

    def writes(self):
        return [(action, params) for action, params in self.calls if not is_read_action(action)]

    def call(self, action, params):
        with self.lock:
            self.calls.append((action, dict(params)))
            method = action.rsplit(".", 1)[1]
            if self.fail_on and self.fail_on[0] == action and self.fail_on[1] in (None, params.get("ext")):
                raise PBXwareApiError(action, "refused")
            if method == "list":
                if action != "pbxware.ext.list":
                    return {"7": {"name": "lookup"}}
                return dict((key, dict((name, row[name]) for name in LIST_COLUMNS if name in row))
                            for key, row in self.objects.items()) or []
            if method == "configuration":
                self.threads.add(threading.current_thread().name)
                row = self.objects[params["id"]]
                return {params["id"]: dict((name, value) for name, value in row.items() if name != "dept")}
            if method == "add":
                new_id = str(100 + len(self.calls))
                self.objects[new_id] = dict((k, v) for k, v in params.items() if k not in ("server", "note"))
                return {"success": "added", "id": int(new_id)}
            if method == "edit":
                self.objects[params["id"]].update((k, v) for k, v in params.items() if k not in ("server", "id", "note"))
                return {"success": "edited", "id": params["id"]}
            if method == "delete":
                del self.objects[params["id"]]
                return {"success": "deleted"}
        raise AssertionError(action)


class FakeClient(object):
    def __init__(self, api):
        self.api = api

    def read(self, action, params=None):
        return self.api.call(action, dict(params or {}))

    def write(self, action, params=None):
        return self.api.call(action, dict(params or {}))


EXISTING = {
    "1": {"ext": "101", "name": "Ann", "dept": "1,2", "pin": "1111", "limit": "2"},
    "2": {"ext": "102", "name": "Bob", "dept": "", "pin": "2222", "limit": "2"},
    "3": {"ext": "103", "name": "Cid", "dept": "", "pin": "3333", "limit": "2"},
}


def items(*entries):
    return [Item("config[%d]" % index, EXT, entry) for index, entry in enumerate(entries)]


def aggregate(api, workers=1):
    return Aggregate(api.client(), EXT, server="2", new_client=api.client, max_workers=workers)


def converge(api, entries, state, workers=1, cleared=None, **kwargs):
    """Check the items, then converge them (as a module does, the checks before any call)."""
    return aggregate(api, workers).converge(check_items(entries, state, cleared), state, **kwargs)


def test_list_fields_only_cost_one_list_read():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "101", "name": "Ann", "dept": ["2", "1"][::-1]},
                                 {"ext": "102", "name": "Bob"}), "merged")
    assert not result["changed"]
    assert api.actions() == ["pbxware.ext.list"]
    assert result["counts"] == {"created": 0, "updated": 0, "deleted": 0, "unchanged": 2}


def test_a_field_the_list_lacks_reads_that_object_only():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "101", "limit": 2}, {"ext": "102", "name": "Bob"},
                                 {"ext": "109", "name": "New", "pin": "9999"}), "merged")
    assert api.actions() == ["pbxware.ext.list", "pbxware.ext.configuration", "pbxware.ext.add"]
    assert api.calls[1][1] == {"server": "2", "id": "1"}
    assert [entry["operation"] for entry in result["results"]] == [None, None, "create"]


def test_a_write_only_field_needs_no_read_and_is_not_sent_to_an_existing_object():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "101", "note": "hello"}), "merged")
    assert api.actions() == ["pbxware.ext.list"] and not result["changed"]


def test_writes_go_in_number_order_with_one_write_each_and_no_read_back():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "1000", "name": "Big", "pin": "1000"},
                                 {"ext": "102", "name": "Bobby"},
                                 {"ext": "99", "name": "Small", "pin": "0099"}), "merged")
    assert api.actions() == ["pbxware.ext.list", "pbxware.ext.add", "pbxware.ext.edit", "pbxware.ext.add"]
    assert [entry["ext"] for entry in result["results"]] == ["99", "102", "1000"]
    assert api.writes()[1] == ("pbxware.ext.edit", {"server": "2", "id": "2", "name": "Bobby"})
    assert result["results"][1]["after"]["name"] == "Bobby" and result["results"][1]["proposed"] == {"name": "Bobby"}
    assert result["counts"] == {"created": 2, "updated": 1, "deleted": 0, "unchanged": 0}


def test_check_mode_writes_nothing_and_shows_each_change_keyed_by_identity_secrets_masked():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "101", "pin": "4444"}, {"ext": "102", "name": "Bob"}),
                      "merged", check_mode=True)
    assert api.writes() == [] and result["changed"]
    assert result["diff"]["before"] == {"101": {"ext": "101", "name": "Ann", "dept": ["1", "2"], "pin": "********",
                                                "limit": 2}}
    assert result["diff"]["after"]["101"]["pin"] == "******** (changed)"
    assert result["results"][0]["proposed"] == {"pin": "******** (changed)"}
    assert "4444" not in repr(result) and "1111" not in repr(result)


def test_bad_input_in_any_item_stops_the_task_before_any_call_naming_the_item():
    api = FakeApi(EXISTING)
    with pytest.raises(ReconcileError) as err:
        converge(api, items({"ext": "101", "name": "Ann"}, {"ext": "102", "dept": ["1,2"]}), "merged")
    assert err.value.message.startswith("config[1] (ext 102): dept: item '1,2' contains ','")
    assert err.value.parameter == "config[1].dept"
    assert api.calls == []


def test_an_item_that_cannot_be_created_stops_the_task_before_any_write():
    api = FakeApi(EXISTING)
    with pytest.raises(ReconcileError) as err:
        converge(api, items({"ext": "101", "name": "Anna"}, {"ext": "110", "name": "No PIN"}), "merged")
    assert "config[1] (ext 110): creating extension requires pin" in err.value.message
    assert api.writes() == []


def test_the_same_object_twice_is_refused():
    with pytest.raises(ReconcileError, match=r"config\[0\] \(ext 101\) and config\[1\] \(ext 101\) name the same"):
        converge(FakeApi(), items({"ext": "101"}, {"ext": "101"}), "merged")


def test_replaced_needs_whole_objects_and_clears_what_an_item_leaves_out():
    api = FakeApi(EXISTING)
    with pytest.raises(ReconcileError) as err:
        converge(api, items({"ext": "101", "name": "Ann"}), "replaced", cleared={"dept": []})
    assert err.value.message == "config[0] (ext 101): state=replaced takes each item as the whole extension: set pin"
    assert api.calls == []
    result = converge(api, items({"ext": "101", "name": "Ann", "pin": "1111"}), "replaced",
                      cleared={"dept": []})
    assert api.writes() == [("pbxware.ext.edit", {"server": "2", "id": "1", "dept": []})]
    assert result["results"][0]["proposed"] == {"dept": []}


def test_overridden_deletes_what_config_does_not_list_first():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "101", "name": "Ann", "pin": "1111"},
                                 {"ext": "104", "name": "Dee", "pin": "4444"}), "overridden")
    assert [(action, params.get("id")) for action, params in api.writes()] == [
        ("pbxware.ext.delete", "2"), ("pbxware.ext.delete", "3"), ("pbxware.ext.add", None)]
    assert result["counts"] == {"created": 1, "updated": 0, "deleted": 2, "unchanged": 1}
    assert sorted(api.objects[key]["ext"] for key in api.objects) == ["101", "104"]


def test_deleting_more_than_max_deletes_is_refused_before_any_full_read_or_write():
    api = FakeApi(EXISTING)
    with pytest.raises(ReconcileError) as err:
        converge(api, items({"ext": "101", "name": "Ann", "pin": "1111"}), "overridden", max_deletes=1)
    assert err.value.parameter == "max_deletes"
    assert "would delete 2 extension(s) the config does not list (102, 103), more than max_deletes=1" in err.value.message
    assert api.actions() == ["pbxware.ext.list"]


def test_deleted_with_no_items_deletes_all_within_the_bound():
    api = FakeApi(EXISTING)
    with pytest.raises(ReconcileError):
        converge(api, [], "deleted", max_deletes=2)
    assert api.writes() == []
    result = converge(api, [], "deleted", max_deletes=3)
    assert result["counts"]["deleted"] == 3 and api.objects == {}


def test_deleted_takes_identities_and_is_not_bounded_for_listed_objects():
    api = FakeApi(EXISTING)
    result = converge(api, items({"ext": "101", "name": "ignored"}, {"ext": "102"}, {"ext": "555"}),
                      "deleted", max_deletes=0)
    assert [params["id"] for action, params in api.writes()] == ["1", "2"]
    assert [entry["operation"] for entry in result["results"]] == ["delete", "delete", None]
    assert result["results"][0]["before"]["name"] == "Ann" and result["results"][0]["after"] == {}


def test_full_reads_run_in_workers_with_clients_of_their_own():
    objects = dict((str(n), {"ext": str(200 + n), "name": "N", "dept": "", "pin": "1234", "limit": "1"})
                   for n in range(12))
    api = FakeApi(objects)
    made = []

    def new_client():
        made.append(api.client())
        return made[-1]

    result = Aggregate(api.client(), EXT, "2", new_client, max_workers=3).converge(
        check_items([Item("config[%d]" % n, EXT, {"ext": str(200 + n), "limit": 1}) for n in range(12)], "merged"),
        "merged")
    assert not result["changed"]
    assert api.actions().count("pbxware.ext.configuration") == 12
    assert 1 <= len(made) <= 3 and len(set(map(id, made))) == len(made)
    assert all(name != threading.current_thread().name for name in api.threads)


def test_a_failed_write_reports_what_was_written_before_it():
    api = FakeApi(EXISTING)
    api.fail_on = ("pbxware.ext.add", "105")
    with pytest.raises(AggregateFailure) as err:
        converge(api, items({"ext": "101", "name": "Anna"}, {"ext": "105", "name": "E", "pin": "5555"},
                            {"ext": "106", "name": "F", "pin": "6666"}), "merged")
    assert err.value.message == ("config[1] (ext 105): PBXware API action pbxware.ext.add failed: refused. "
                                 "Written before it: update 101 (see results). Not attempted: config[2] (ext 106).")
    assert err.value.result["changed"] is True
    assert [entry["ext"] for entry in err.value.result["results"]] == ["101"]
    assert err.value.result["counts"]["updated"] == 1
    assert len(api.writes()) == 2


def test_lookups_are_read_once_per_task():
    api = FakeApi(EXISTING)
    agg = aggregate(api)

    def resolve(params, raw):
        agg.lookups.read("pbxware.uads.list", {})
        return params

    agg.converge(items({"ext": "101", "name": "A"}, {"ext": "102", "name": "B"}), "merged", resolve=resolve)
    assert api.actions().count("pbxware.uads.list") == 1


def test_gathered_round_trips_through_merged_without_a_change():
    api = FakeApi(EXISTING)
    gathered = [gathered_item(EXT, view) for key, object_id, view in aggregate(api).gather()]
    assert api.actions() == ["pbxware.ext.list"] + ["pbxware.ext.configuration"] * 3
    assert gathered[0] == {"ext": "101", "name": "Ann", "dept": ["1", "2"], "limit": 2}
    assert gathered[1] == {"ext": "102", "name": "Bob", "limit": 2}  # no secret, no empty value
    del api.calls[:]
    result = converge(api, items(*gathered), "merged", workers=4)
    assert not result["changed"] and api.writes() == []


def test_about_names_the_item_and_keeps_the_error_class():
    item = Item("config[4]", EXT, {"ext": "105"})
    with pytest.raises(ReconcileError) as err:
        with about(item):
            raise ReconcileError("pin must be exactly 4 digits", "pin")
    assert (err.value.message, err.value.parameter) == ("config[4] (ext 105): pin must be exactly 4 digits",
                                                        "config[4].pin")


@pytest.mark.parametrize("args,message", [
    ((None, "merged", 10, 4), "config is required with state=merged"),
    (([{"ext": "1"}], "gathered", 10, 4), "config is not used with state=gathered"),
    (([], "deleted", -1, 4), "max_deletes cannot be negative"),
    (([], "merged", 10, 0), "max_workers must be between 1 and 16"),
    (([], "merged", 10, 17), "max_workers must be between 1 and 16"),
])
def test_check_bounds(args, message):
    with pytest.raises(ReconcileError, match=message):
        check_bounds(*args)
    check_bounds([], "deleted", 0, None)
    check_bounds(None, "gathered", 0, 1)


ITEM_SPEC = dict(ext=dict(type="str", required=True), pin=dict(type="str", no_log=True),
                 protocol=dict(type="str", choices=["sip", "iax"]))


def test_ansibles_own_item_checks_name_the_item_and_hide_its_secrets(monkeypatch):
    monkeypatch.setattr(engine_module.basic, "_load_params", lambda: {"config": [
        {"ext": "101", "pin": "1234"}, {"ext": "102", "pin": "5678", "protocol": "sipp"}, {"pin": "9012", "x": 1}]})
    spec = dict(config=dict(type="list", elements="dict", options=ITEM_SPEC), state=dict(type="str"))
    unchecked, errors, hidden = engine_module.check_items(spec)
    assert errors == ["config[1] (ext 102): value of protocol must be one of: sip, iax, got: sipp",
                      "config[2]: missing required arguments: ext",
                      "config[2]: unsupported parameters: x. Supported parameters include: ext, pin, protocol."]
    assert sorted(hidden) == ["1234", "5678", "9012"]
    assert "options" not in unchecked["config"] and unchecked["state"] == spec["state"]


def test_good_items_leave_the_spec_to_ansible(monkeypatch):
    monkeypatch.setattr(engine_module.basic, "_load_params", lambda: {"config": [{"ext": "101"}]})
    spec = dict(config=dict(type="list", elements="dict", options=ITEM_SPEC))
    assert engine_module.check_items(spec) == (spec, [], [])


def test_secret_keys_of_an_items_options_are_hidden():
    params = {"config": [{"ext": "101", "options": {"auth": "user:pw@host", "nat": "1"}}], "url": None}
    assert engine_module.secret_values(params) == ["user:pw@host"]
