# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Call groups: ring groups, enhanced ring groups and paging groups."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import encode_params
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    ReconcileError, desired_params, plan, read_view)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.groups import (
    ERG_MEMBERS, PAGING_GROUP, RING_GROUP, converge_erg, erg_resource, extension_length_check, predict_members,
    ring_group_read_resource, ring_group_resource, validate_erg, validate_paging_group, validate_ring_group,
    with_members)

# The reference's examples.
RING_LIST_ROW = {"name": "TestRing Group", "ext": "103", "destinations": "100,101", "last_dest": "108",
                 "last_dest_vm": "no"}
RING_CONFIGURATION = {"name": "Test Ring Group", "ext": "103", "destinations": "100,101", "options": {
    "timeout": "20", "last_dest": "108", "greeting": "greeting-default-attendant", "loops": "1", "exit_digit": "0",
    "exit_ext": "108", "record": "0", "record_silent": "0", "ganswer": "0", "max_limit": "1", "store_cdr": "0",
    "overwrite_timeout": "0", "call_rating_ext": "", "looping_mode": "per_ext", "skip_pbd_local": "0",
    "preserve_callerid": "1", "member_es_disable": "0", "last_dest_vm": "0", "confirm_calls": "0",
    "timeout_msg": "", "dial_options": "H", "ring_strategy": "all", "custom_ringtone": "", "callerid": "CallerID",
    "confirm_msg": "", "confirm_answered_msg": ""}}
ERG_ROW = {"name": "erg205", "number": "205", "strategy": "ringall",
           "members": [{"ext": "300", "penalty": "5"}, {"ext": "303", "penalty": "10"}]}
PAGING_ROW = {"name": "Test Paging Group", "number": 110, "quiet": 0, "destinations": [100, 101, 102]}


def ring_params(**values):
    params = dict.fromkeys(("extension", "name", "members", "ring_strategy", "ring_timeout", "max_limit", "greeting",
                            "last_dest", "last_dest_vm", "options"))
    params.update(values)
    return params


def test_ring_group_list_row_reads_into_options():
    assert read_view(RING_GROUP, RING_LIST_ROW) == {"extension": "103", "name": "TestRing Group",
                                                    "members": ["100", "101"], "last_dest": "108",
                                                    "last_dest_vm": False}


def test_ring_group_configuration_is_read_only_for_what_the_list_lacks():
    assert ring_group_resource(ring_params(extension="103", members=["1"], last_dest_vm=True)).read_method is None
    assert ring_group_resource(ring_params(extension="103", ring_timeout=20)).read_method == "configuration"
    assert ring_group_resource(ring_params(extension="103", options={"record": True})).read_method == "configuration"


def test_ring_group_full_read_covers_every_option():
    view = read_view(ring_group_read_resource(), dict(RING_LIST_ROW, **RING_CONFIGURATION))
    assert (view["ring_strategy"], view["ring_timeout"], view["max_limit"]) == ("all", 20, 1)
    assert view["options.preserve_callerid"] is True and view["options.record"] is False
    assert view["options.dial_options"] == "H" and view["last_dest_vm"] is False
    assert len([name for name in view if name.startswith("options.")]) == 20


def test_ring_group_create_writes_api_names_and_yes_no():
    params = ring_params(extension="200", name="Sales", members=["102", "101"], last_dest_vm=True,
                         options={"record": "yes", "loops": 2})
    resource = ring_group_resource(params)
    result = plan(resource, desired_params(resource, params))
    assert dict(encode_params(result.payload)) == {"ext": "200", "name": "Sales", "extensions": "102,101",
                                                   "last_dest_vm": "yes", "record": "yes", "loops": "2"}


def test_ring_group_update_sends_only_changes_and_keeps_member_order():
    params = ring_params(extension="103", members=["101", "100"], ring_timeout=20, options={"preserve_callerid": True})
    resource = ring_group_resource(params)
    current = read_view(resource, dict(RING_LIST_ROW, **RING_CONFIGURATION))
    result = plan(resource, desired_params(resource, params), current)
    assert result.operation == "update" and dict(encode_params(result.payload)) == {"extensions": "101,100"}


def test_ring_group_options_are_checked():
    with pytest.raises(ReconcileError, match="set it with the members option"):
        ring_group_resource(ring_params(options={"extensions": "1"}))
    with pytest.raises(ReconcileError, match="did you mean looping_mode"):
        ring_group_resource(ring_params(options={"loopingmode": "circular"}))


@pytest.mark.parametrize("values,parameter", [
    (dict(extension="20a"), "extension"),
    (dict(greeting="welcome"), "greeting"),
    (dict(members=["101", "1 02"]), "members"),
    (dict(options={"timeout_msg": "greeting-x"}), "options.timeout_msg"),
    (dict(options={"confirm_msg": "rg-late-announce-x"}), "options.confirm_msg"),
    (dict(options={"confirm_answered_msg": "rg-announce-x"}), "options.confirm_answered_msg"),
    (dict(options={"record": "maybe"}), "options.record"),
    (dict(options={"looping_mode": "linear"}), "options.looping_mode"),
])
def test_ring_group_input_refused(values, parameter):
    with pytest.raises(ReconcileError) as info:
        validate_ring_group(ring_params(**values))
    assert info.value.parameter == parameter


def test_ring_group_empty_texts_unset():
    validate_ring_group(ring_params(greeting="", last_dest="", options={"timeout_msg": "", "exit_ext": ""}))


def test_extension_length_needs_the_tenant_row():
    check = extension_length_check(ring_params(last_dest="1001", options={"exit_ext": "10"}),
                                   ("last_dest", "options.exit_ext"))
    check(None)  # tenant given by ID: nothing known, the server judges
    with pytest.raises(ReconcileError) as info:
        check({"name": "t1.example.com", "ext_length": 3})
    assert info.value.parameter == "last_dest"


def erg_params(**values):
    params = dict.fromkeys(("extension", "name", "ring_strategy", "max_wait_callers", "rings_answer", "members",
                            "options"))
    params.update(values)
    return params


def test_erg_reads_number_and_strategy_and_the_rest_is_write_only():
    params = erg_params(extension="205", ring_strategy="linear", max_wait_callers=10, options={"record": True})
    resource = erg_resource(params)
    current = read_view(resource, ERG_ROW)
    assert current == {"extension": "205", "name": "erg205", "ring_strategy": "ringall"}
    result = plan(resource, desired_params(resource, params), current)
    assert result.payload == {"ring_strategy": "linear"}
    assert sorted(result.unverified) == ["max_wait_callers", "options.record"]
    forced = plan(resource, desired_params(resource, params), current, force_write_only=True)
    assert dict(encode_params(forced.payload)) == {"ring_strategy": "linear", "max_wait_callers": "10",
                                                   "record": "yes"}


def test_erg_create_requires_its_required_arguments():
    params = erg_params(extension="205", name="q")
    resource = erg_resource(params)
    with pytest.raises(ReconcileError, match="max_wait_callers, rings_answer"):
        plan(resource, desired_params(resource, params))


def test_erg_members_compare_in_order_and_write_parallel_lists():
    current = read_view(ERG_MEMBERS, ERG_ROW)
    assert current["members"] == [{"extension": "300", "penalty": 5}, {"extension": "303", "penalty": 10}]
    same = [{"extension": 300, "penalty": "5"}, {"extension": "303", "penalty": 10}]
    assert plan(ERG_MEMBERS, {"extension": "205", "members": same}, current).operation is None
    swapped = [{"extension": "303", "penalty": 10}, {"extension": "300", "penalty": 5}]
    result = plan(ERG_MEMBERS, {"extension": "205", "members": swapped}, current)
    assert dict(encode_params(result.payload)) == {"numbers": "303,300", "penalties": "10,5"}


def test_erg_members_cannot_be_emptied():
    current = read_view(ERG_MEMBERS, ERG_ROW)
    with pytest.raises(ReconcileError, match="at least one") as info:
        plan(ERG_MEMBERS, {"extension": "205", "members": []}, current)
    assert info.value.parameter == "members"
    assert plan(ERG_MEMBERS, {"extension": "205", "members": []}, {"extension": "205", "members": []}).operation is None


@pytest.mark.parametrize("values,parameter", [
    (dict(name="support team"), "name"),
    (dict(rings_answer=10), "rings_answer"),
    (dict(members=[{"extension": "101", "penalty": 0}, {"extension": "101", "penalty": 1}]), "members"),
    (dict(options={"greeting": "greeting-x"}), "options.greeting"),
    (dict(options={"announce_r_seconds": 25}), "options.announce_r_seconds"),
    (dict(options={"incoming_options": "tX"}), "options.incoming_options"),
])
def test_erg_input_refused(values, parameter):
    with pytest.raises(ReconcileError) as info:
        validate_erg(erg_params(**values))
    assert info.value.parameter == parameter


def test_erg_members_merge_into_the_result():
    def result(changed, operation, after, before, proposed):
        return {"changed": changed, "operation": operation, "id": "7", "erg": after, "before": before,
                "proposed": proposed, "diff": {"before": before, "after": after}, "warnings": ["w"]}

    main = result(False, None, {"extension": "205", "name": "q"}, {"extension": "205", "name": "q"}, {})
    members = result(True, "update", {"extension": "205", "members": [{"extension": "1", "penalty": 0}]},
                     {"extension": "205", "members": []}, {"members": [{"extension": "1", "penalty": 0}]})
    merged = with_members(main, members, "erg")
    assert merged["changed"] and merged["operation"] == "update" and merged["id"] == "7"
    assert merged["erg"] == {"extension": "205", "name": "q", "members": [{"extension": "1", "penalty": 0}]}
    assert merged["diff"]["before"] == {"extension": "205", "name": "q", "members": []}
    assert merged["proposed"] == {"members": [{"extension": "1", "penalty": 0}]} and merged["warnings"] == ["w", "w"]
    created = result(True, "create", {"extension": "205"}, {}, {"extension": "205"})
    predicted = predict_members(created, [{"extension": "1", "penalty": 0}], "erg")
    assert predicted["diff"]["before"] == {} and predicted["erg"]["members"] == [{"extension": "1", "penalty": 0}]


class RecordingModule:
    """What converge_erg asks of PBXwareModule: converge calls, recorded, each answered by ``answer``."""

    def __init__(self, check_mode, operation):
        self.check_mode = check_mode
        self.operation = operation
        self.calls = []

    def converge(self, resource, desired, key, state="present", **options):
        self.calls.append((resource, desired, state))
        view = dict(desired)
        return {"changed": self.operation is not None, "operation": self.operation, "id": "7", key: view,
                "before": {}, "proposed": dict(desired), "diff": {"before": {}, "after": view}, "warnings": []}


MEMBERS = [{"extension": "101", "penalty": 2}]


@pytest.mark.parametrize("state, members, check_mode, operation, converges", [
    ("present", MEMBERS, False, "update", 2),   # the ERG, then its members
    ("present", None, False, "update", 1),      # members not managed: one converge
    ("absent", MEMBERS, False, "delete", 1),    # deleting takes the members with it
    ("present", MEMBERS, True, "create", 1),    # check mode create: members predicted, nothing to read them from
    ("present", MEMBERS, True, "update", 2),    # check mode update: members compared like any field
])
def test_erg_converges_members_after_the_group(state, members, check_mode, operation, converges):
    module = RecordingModule(check_mode, operation)
    params = dict(erg_params(extension="205", name="q", members=members), state=state, force_write_only=False)
    result = converge_erg(module, params, check_tenant=None)
    assert len(module.calls) == converges
    assert module.calls[0][0] is not ERG_MEMBERS and module.calls[0][2] == state
    if converges == 2:
        assert module.calls[1][0] is ERG_MEMBERS and module.calls[1][1] == {"extension": "205", "members": MEMBERS}
    if members is not None and state == "present":
        assert result["erg"]["members"] == [{"extension": "101", "penalty": 2}]
        assert result["diff"]["after"]["members"] == [{"extension": "101", "penalty": 2}]
    else:
        assert "members" not in result["erg"]


def test_paging_group_reads_numbers_and_ignores_member_order():
    current = read_view(PAGING_GROUP, PAGING_ROW)
    assert current == {"extension": "110", "name": "Test Paging Group", "members": ["100", "101", "102"],
                       "quiet": False}
    assert plan(PAGING_GROUP, {"extension": "110", "members": ["102", "100", "101"]}, current).operation is None
    result = plan(PAGING_GROUP, {"extension": "110", "members": ["99", "100"], "quiet": True}, current)
    assert dict(encode_params(result.payload)) == {"destinations": "99,100", "quiet": "1"}


def test_paging_group_members_are_numbers():
    with pytest.raises(ReconcileError, match="members"):
        validate_paging_group({"extension": "110", "name": "x", "members": ["10a"]})
