"""pbxware.didgroup.{list,add,edit,delete} against the reference (DID Groups) and the README's server=1 rule."""
import json

import pytest

from ext_did_helpers import call, make_state

GROUP = {"server": "1", "group_name": "Group 1", "tenantid": "2", "min_did": "1000", "max_did": "2000"}


@pytest.fixture
def state():
    return make_state()


def add_group(state, **overrides):
    args = dict(GROUP)
    args.update(overrides)
    return call(state, "pbxware.didgroup.add", **args)


def test_empty_list_is_array(state):
    assert call(state, "pbxware.didgroup.list") == []


def test_add_list_shapes(state):
    res = add_group(state)
    assert res == {"success": "DID Group ID: 1", "id": 1}
    assert isinstance(res["id"], int)
    listing = call(state, "pbxware.didgroup.list")
    assert listing == {"1": {"group_name": "Group 1", "max_did": "2000", "min_did": "1000", "tenant": "2"}}
    assert all(isinstance(v, str) for v in listing["1"].values())
    json.dumps(listing)


def test_add_required(state):
    for name in GROUP:
        args = {k: v for k, v in GROUP.items() if k != name}
        assert call(state, "pbxware.didgroup.add", **args) == {"error": "Required field '%s' is missing" % name}


@pytest.mark.parametrize("name,value", [("tenantid", "x"), ("min_did", "10a"), ("max_did", "+1"),
                                        ("group_name", "Grüppe"), ("min_did", "")])
def test_add_regex(state, name, value):
    err = add_group(state, **{name: value})["error"]
    assert err.startswith("Required field '%s=%s' contains invalid data (Regex: /" % (name, value))


def test_server_must_be_1(state):
    for action, extra in (("add", {}), ("edit", {"id": "1"}), ("delete", {"id": "1"})):
        if action != "add":
            add_group(state)
        args = dict(GROUP, server="2", **extra) if action != "delete" else dict(server="2", **extra)
        assert call(state, "pbxware.didgroup." + action, **args) == {"error": "In tenant mode, make sure server=1."}


def test_single_tenant_server_rule():
    state = make_state(tenant_mode=False)
    assert add_group(state, server="2") == {"error": "Invalid server ID."}
    assert add_group(state, tenantid="2") == {"error": "Invalid tenant ID."}
    assert add_group(state, tenantid="1")["id"] == 1


def test_tenant_must_exist_and_range_ordered(state):
    assert add_group(state, tenantid="9") == {"error": "Invalid tenant ID."}
    assert add_group(state, tenantid="1") == {"error": "Invalid tenant ID."}
    assert "range end" in add_group(state, min_did="2000", max_did="1999")["error"]


def test_edit_round_trip_and_id_type(state):
    add_group(state)
    res = call(state, "pbxware.didgroup.edit", server="1", id="1", group_name="Renamed", tenantid="3")
    assert res == {"success": "DID Group ID: 1", "id": "1"}
    assert call(state, "pbxware.didgroup.list")["1"] == {
        "group_name": "Renamed", "max_did": "2000", "min_did": "1000", "tenant": "3"}
    # an empty optional value changes nothing (the vendor's own edit request sends group_name=)
    call(state, "pbxware.didgroup.edit", server="1", id="1", group_name="")
    assert call(state, "pbxware.didgroup.list")["1"]["group_name"] == "Renamed"
    # the range is checked against the stored other end
    assert "range end" in call(state, "pbxware.didgroup.edit", server="1", id="1", max_did="999")["error"]


def test_edit_delete_required_and_missing(state):
    assert call(state, "pbxware.didgroup.edit", server="1") == {"error": "Required field 'id' is missing"}
    assert call(state, "pbxware.didgroup.edit", id="1") == {"error": "Required field 'server' is missing"}
    assert call(state, "pbxware.didgroup.edit", server="1", id="7") == {"error": "DID Group ID 7 does not exist."}
    assert call(state, "pbxware.didgroup.delete", server="1", id="7") == {"error": "DID Group ID 7 does not exist."}


def test_delete_and_ids_not_reused(state):
    add_group(state)
    assert call(state, "pbxware.didgroup.delete", server="1", id="1") == {
        "success": "Deleted DID Group ID 1 successfully."}
    assert call(state, "pbxware.didgroup.list") == []
    assert add_group(state)["id"] == 2


def test_strict_mode_rejects_undocumented(state):
    assert "Unknown field 'server'" in call(state, "pbxware.didgroup.list", server="1")["error"]
    assert "Unknown field 'tenant'" in add_group(state, tenant="2")["error"]
    assert call(state, "pbxware.didgroup.list", strict=False, server="1") == []
