# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The read-plan-write cycle against an in-memory API: writes counted, uncertain writes looked up."""

import copy

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.client import (
    PBXwareApiError, PBXwareError, PBXwareResponseError, PBXwareTransportError, is_read_action)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import choice_map, to_lower
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import Field, Resource
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger, unwrap

DID = Resource(
    "DID",
    [
        Field("number", required_on_create=True),
        Field("destination", api="destination", read="ext"),
        Field("enabled", api="disabled", read="status", normalize=choice_map({"enabled": "yes", "disabled": "no"}),
              to_api=lambda value: 0 if value == "yes" else 1),
        Field("greeting", write_only=True),
        Field("pin", read="pin", secret=True),
        Field("kind", api="dest_type", read="type", normalize=to_lower),
    ],
    identity=["number"],
    api_object="did",
    master_server_actions=("delete",),
)

EXT = Resource("extension", [Field("ext"), Field("name")], identity=["ext"], api_object="ext", read_method="configuration")


class FakeApi(object):
    """A tiny PBXware: ``did`` and ``ext`` objects, every call recorded, faults on demand."""

    def __init__(self, objects=None):
        self.objects = copy.deepcopy(objects or {})
        self.calls = []
        self.fault = None  # (action, exception, apply_anyway)

    def read(self, action, params=None):
        return self._call(action, dict(params or {}))

    def write(self, action, params=None):
        return self._call(action, dict(params or {}))

    def actions(self):
        return [call[0] for call in self.calls]

    def writes(self):
        return [(action, params) for action, params in self.calls if not is_read_action(action)]

    def _call(self, action, params):
        self.calls.append((action, params))
        method = action.rsplit(".", 1)[1]
        if self.fault and self.fault[0] == action:
            exc, apply_anyway = self.fault[1:]
            self.fault = None
            if apply_anyway:
                self._do(method, params)
            raise exc
        return self._do(method, params)

    def _do(self, method, params):
        if method == "list":
            return dict((k, dict(v)) for k, v in self.objects.items()) or []
        if method == "configuration" and "ext" in params:
            found = [key for key, row in self.objects.items() if row.get("ext") == params["ext"]]
            if not found:
                raise PBXwareApiError("pbxware.ext.configuration", "Extension %s does not exist." % params["ext"])
            return {found[0]: dict(self.objects[found[0]], full=True)}
        if method == "configuration":
            return {params["id"]: dict(self.objects[params["id"]], full=True)}
        if method == "add":
            new_id = str(len(self.objects) + 10)
            row = dict((k, v) for k, v in params.items() if k not in ("server", "greeting", "disabled", "destination"))
            row["status"] = "disabled" if params.get("disabled") == 1 else "enabled"
            row["ext"] = params.get("destination", params.get("ext"))
            self.objects[new_id] = row
            return {"success": "added", "id": int(new_id)}
        if method == "edit":
            row = self.objects[params["id"]]
            if "disabled" in params:
                row["status"] = "disabled" if params["disabled"] == 1 else "enabled"
            if "destination" in params:
                row["ext"] = params["destination"]
            return {"success": "edited", "id": params["id"]}
        if method == "delete":
            del self.objects[params["id"]]
            return {"success": "deleted"}
        raise AssertionError(method)


EXISTING = {"4": {"number": "5550100", "ext": "100", "status": "enabled", "pin": "1234", "type": "Extension"}}


def converge(api, params, **kwargs):
    return Converger(api, DID, server="2").converge(params, **kwargs)


def test_create_then_rerun_is_unchanged():
    api = FakeApi()
    first = converge(api, {"number": "5550199", "destination": "101", "enabled": "no", "greeting": "welcome"})
    assert first["changed"] and first["operation"] == "create" and first["id"] == "10"
    assert api.writes() == [("pbxware.did.add", {"server": "2", "number": "5550199", "destination": "101",
                                                 "disabled": 1, "greeting": "welcome"})]
    assert first["after"] == {"number": "5550199", "destination": "101", "enabled": "no"}
    second = converge(api, {"number": "5550199", "destination": "101", "enabled": "no", "greeting": "welcome"})
    assert not second["changed"] and len(api.writes()) == 1
    assert api.actions()[-1:] == ["pbxware.did.list"]


@pytest.mark.parametrize("params,state", [
    ({"number": "5550199", "destination": "101"}, "present"),
    ({"number": "5550100", "destination": "102"}, "present"),
    ({"number": "5550100"}, "absent"),
])
def test_check_mode_never_writes_but_predicts(params, state):
    api = FakeApi(EXISTING)
    result = converge(api, params, state=state, check_mode=True)
    assert result["changed"] and api.writes() == []
    if state == "present":
        assert result["after"]["destination"] == params["destination"]
    else:
        assert result["after"] == {} and result["before"]["number"] == "5550100"


def test_update_sends_one_edit_with_only_the_difference():
    api = FakeApi(EXISTING)
    result = converge(api, {"number": "5550100", "destination": "102", "enabled": "yes"})
    assert api.writes() == [("pbxware.did.edit", {"server": "2", "id": "4", "destination": "102"})]
    assert result["diff"]["before"]["destination"] == "100" and result["after"]["destination"] == "102"


def test_secrets_are_masked_in_every_result_field():
    api = FakeApi(EXISTING)
    result = converge(api, {"number": "5550100", "pin": "9999"}, check_mode=True)
    assert "1234" not in repr(result) and "9999" not in repr(result)
    assert result["proposed"] == {"pin": "******** (changed)"}


def test_delete_uses_the_master_server_rule_and_absent_again_is_unchanged():
    api = FakeApi(EXISTING)
    assert converge(api, {"number": "5550100"}, state="absent")["changed"]
    assert api.writes() == [("pbxware.did.delete", {"server": "1", "id": "4"})]
    assert not converge(api, {"number": "5550100"}, state="absent")["changed"]


def test_uncertain_create_that_landed_is_a_success_with_a_warning():
    api = FakeApi()
    api.fault = ("pbxware.did.add", PBXwareTransportError("no answer within 30s", "pbxware.did.add"), True)
    converger = Converger(api, DID, server="2")
    result = converger.converge({"number": "5550123", "destination": "103"})
    assert result["changed"] and result["id"] == "10"
    assert len(api.writes()) == 1, "a write must never be re-sent"
    assert "fresh read shows the change was applied" in converger.warnings[0]


def test_uncertain_create_that_did_not_land_is_reported():
    api = FakeApi()
    api.fault = ("pbxware.did.add", PBXwareResponseError("HTTP 502", "pbxware.did.add", 502, True), False)
    with pytest.raises(PBXwareError) as info:
        converge(api, {"number": "5550123", "destination": "103"})
    assert len(api.writes()) == 1
    assert info.value.action == "pbxware.did.add"
    assert info.value.message.startswith("HTTP 502. The create was not confirmed: a fresh read does not show it")
    assert "not re-sent" in info.value.message


def test_a_write_answered_after_the_timeout_says_it_may_still_land():
    api = FakeApi()
    api.fault = ("pbxware.did.add", PBXwareTransportError("no answer within 30s", "pbxware.did.add"), False)
    with pytest.raises(PBXwareError) as info:
        converge(api, {"number": "5550123", "destination": "103"})
    assert "may still apply it" in info.value.message and "rerun" in info.value.message
    assert "not make a duplicate" in info.value.message
    assert len(api.writes()) == 1


def test_a_half_applied_update_says_what_landed():
    class HalfApplying(FakeApi):
        def write(self, action, params=None):
            # The server stores the destination, then drops the connection before the status.
            self.calls.append((action, dict(params)))
            self.objects[params["id"]]["ext"] = params["destination"]
            raise PBXwareTransportError("connection reset", action)

    api = HalfApplying(EXISTING)
    with pytest.raises(PBXwareError) as info:
        converge(api, {"number": "5550100", "destination": "102", "enabled": "disabled"})
    assert "only part of it applied (destination; not enabled)" in info.value.message
    assert len(api.writes()) == 1


def test_refused_connection_is_reported_without_a_lookup():
    api = FakeApi()
    api.fault = ("pbxware.did.add", PBXwareTransportError("refused", "pbxware.did.add", reached_server=False), False)
    with pytest.raises(PBXwareTransportError):
        converge(api, {"number": "5550123"})
    assert api.actions() == ["pbxware.did.list", "pbxware.did.add"]


def test_configuration_read_is_used_where_the_api_has_one():
    api = FakeApi({"8": {"ext": "530", "name": "User"}})
    result = Converger(api, EXT, server="2").converge({"ext": "530", "name": "User"})
    assert not result["changed"]
    assert api.actions() == ["pbxware.ext.list", "pbxware.ext.configuration"]
    assert api.calls[1][1] == {"server": "2", "id": "8"}


def test_one_list_read_serves_many_objects():
    api = FakeApi(dict(EXISTING, **{"5": {"number": "5550101", "ext": "101", "status": "enabled"}}))
    converger = Converger(api, DID, server="2")
    rows = converger.list_objects()
    results = [converger.converge({"number": number}, rows=rows, check_mode=True) for number in ("5550100", "5550101")]
    assert [r["id"] for r in results] == ["4", "5"]
    assert len(api.calls) == 1


def test_configuration_answer_is_unwrapped_from_its_id_key():
    assert unwrap({"5": {"a": 1}}, 5) == {"a": 1}
    assert unwrap({"a": 1}, 5) == {"a": 1}


def test_list_only_fields_are_kept_when_configuration_is_read():
    api = FakeApi({"8": {"ext": "530", "name": "User"}})
    converger = Converger(api, EXT, server="2")
    object_id, raw = converger.find_raw(("530",))
    assert object_id == "8" and raw["full"] is True and raw["name"] == "User"


EXT_BY_NUMBER = Resource("extension", [Field("ext"), Field("name"), Field("department", read="department")],
                         identity=["ext"], api_object="ext", read_method="configuration", lookup_param="ext",
                         list_only_reads=("department",))


def test_the_full_read_by_identity_alone_finds_an_object():
    api = FakeApi({"8": {"ext": "530", "name": "User"}})
    result = Converger(api, EXT_BY_NUMBER, server="2").converge({"ext": "530", "name": "User"})
    assert not result["changed"] and result["id"] == "8"
    assert api.calls == [("pbxware.ext.configuration", {"server": "2", "ext": "530"})]


def test_a_missing_object_is_confirmed_by_the_list_before_it_is_created():
    api = FakeApi({"8": {"ext": "530", "name": "User"}})
    result = Converger(api, EXT_BY_NUMBER, server="2").converge({"ext": "531", "name": "New"})
    assert result["operation"] == "create"
    assert api.actions() == ["pbxware.ext.configuration", "pbxware.ext.list", "pbxware.ext.add",
                             "pbxware.ext.configuration"]


def test_a_list_only_field_takes_the_list():
    api = FakeApi({"8": {"ext": "530", "name": "User", "department": "Sales"}})
    result = Converger(api, EXT_BY_NUMBER, server="2").converge({"ext": "530", "department": "Sales"})
    assert not result["changed"]
    assert api.actions() == ["pbxware.ext.list", "pbxware.ext.configuration"]


def test_an_answer_about_another_object_is_not_taken_for_the_one_asked():
    class IgnoresExt(FakeApi):
        def _do(self, method, params):
            if method == "configuration" and "ext" in params:
                return {"9": dict(self.objects["9"])}  # a server that ignores ext=...
            return FakeApi._do(self, method, params)

    api = IgnoresExt({"8": {"ext": "530", "name": "User"}, "9": {"ext": "999", "name": "Other"}})
    result = Converger(api, EXT_BY_NUMBER, server="2").converge({"ext": "530", "name": "User"})
    assert not result["changed"] and result["id"] == "8"
    assert api.actions() == ["pbxware.ext.configuration", "pbxware.ext.list", "pbxware.ext.configuration"]


def test_a_change_the_server_did_not_keep_is_reported():
    class DroppingApi(FakeApi):
        """Accepts an edit but keeps the old destination, like codecs a tenant disallows."""

        def _do(self, method, params):
            return FakeApi._do(self, method, dict(params, destination="100") if method == "edit" else params)

    api = DroppingApi(EXISTING)
    converger = Converger(api, DID, server="2")
    result = converger.converge({"number": "5550100", "destination": "102"})
    assert result["changed"]
    assert converger.warnings == [
        "DID: the server accepted destination='102' but now reports '100'; a rerun will try again"]


def test_resolver_sees_the_current_object_and_only_when_present():
    seen = []

    def resolve(params, raw):
        seen.append(raw)
        return dict(params, destination="100")

    api = FakeApi(EXISTING)
    result = Converger(api, DID, server="2").converge({"number": "5550100", "destination": "reception"},
                                                      resolve=resolve)
    assert not result["changed"] and seen[0]["ext"] == "100"
    Converger(api, DID, server="2").converge({"number": "5550100"}, state="absent", check_mode=True, resolve=resolve)
    assert len(seen) == 1


# -- servers that apply writes with a lag --------------------------------------------------

class LaggingApi(FakeApi):
    """Edits become visible only after ``lag`` further reads of the object."""

    def __init__(self, objects, lag):
        super(LaggingApi, self).__init__(objects)
        self.lag = lag
        self.pending = None

    def _do(self, method, params):
        if method == "edit":
            self.pending = (params["id"], params)
            return {"success": "edited", "id": params["id"]}
        if method == "list" and self.pending:
            if self.lag == 0:
                object_id, params = self.pending
                self.pending = None
                super(LaggingApi, self)._do("edit", params)
            else:
                self.lag -= 1
        return super(LaggingApi, self)._do(method, params)


class Clock(object):
    def __init__(self):
        self.now = 0.0
        self.sleeps = []

    def sleep(self, seconds):
        self.sleeps.append(seconds)
        self.now += seconds

    def __call__(self):
        return self.now


SETTLING_DID = Resource("DID", DID.fields, identity=["number"], api_object="did", settle=(20, 2))


@pytest.mark.parametrize("lag,warned,reads", [(0, False, 2), (3, False, 5), (30, True, 12)])
def test_a_lagging_edit_is_read_back_until_it_shows_or_the_settle_time_ends(lag, warned, reads):
    api = LaggingApi(EXISTING, lag)
    clock = Clock()
    converger = Converger(api, SETTLING_DID, server="2", sleep=clock.sleep, clock=clock)
    result = converger.converge({"number": "5550100", "destination": "102"})
    assert result["changed"] and len(api.writes()) == 1
    assert bool(converger.warnings) is warned
    assert api.actions().count("pbxware.did.list") == reads
    assert clock.now <= 20 + 2


def test_without_settle_time_the_read_back_is_read_once():
    api = LaggingApi(EXISTING, 1)
    converger = Converger(api, DID, server="2", sleep=lambda s: pytest.fail("no wait without settle"))
    converger.converge({"number": "5550100", "destination": "102"})
    assert api.actions().count("pbxware.did.list") == 2
    assert "now reports '100'" in converger.warnings[0]


def test_a_refused_create_names_a_passing_cause_when_the_resource_knows_one():
    hinted = Resource("extension", EXT.fields, identity=["ext"], api_object="ext", read_method="configuration",
                      refused_create_hint="The tenant may still be provisioning.")
    api = FakeApi()
    api.fault = ("pbxware.ext.add", PBXwareApiError("pbxware.ext.add", "Tenant ID 9 is not ready yet"), False)
    with pytest.raises(PBXwareError) as info:
        Converger(api, hinted, server="9").converge({"ext": "100", "name": "A"})
    assert info.value.message.endswith("is not ready yet. The tenant may still be provisioning.")
    assert len(api.writes()) == 1


def test_an_option_neither_compared_nor_sent_is_named_on_every_run():
    api = FakeApi(EXISTING)
    converger = Converger(api, DID, server="2")
    result = converger.converge({"number": "5550100", "greeting": "welcome"})  # write-only, not forced
    assert not result["changed"] and api.writes() == []
    assert converger.warnings == [
        "DID: greeting was neither compared nor sent (the API never returns it); it is sent when the object is "
        "created, or on every run with force_write_only: true"]
    converger = Converger(api, DID, server="2")
    converger.converge({"number": "5550100", "kind": "extension"})  # this server's rows carry no "type"...
    assert converger.warnings == []  # ...but they do here: compared, in sync
    api.objects["4"].pop("type")
    converger = Converger(api, DID, server="2")
    converger.converge({"number": "5550100", "kind": "extension"})
    assert "this server's answer does not contain type" in converger.warnings[0]
    converger = Converger(api, DID, server="2")
    converger.converge({"number": "5550100", "greeting": "welcome"}, force_write_only=True)
    assert converger.warnings == [] and api.writes()[-1][1]["greeting"] == "welcome"
