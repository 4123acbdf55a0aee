"""pbxware.did.clirouting.{list,add,edit,delete} against the reference (DIDs > CLI Routing)."""
import json

import pytest

from ext_did_helpers import add_ext, call, make_state
from pbxware_sim.objects.did_clirouting import DEST_LABELS


@pytest.fixture
def state():
    st = make_state()
    add_ext(st)  # extension 100 in tenant 2
    assert call(st, "pbxware.did.add", server="2", trunk="1", did="1212400700", dest_type="0",
                destination="100", disabled="0")["id"] == 1
    return st


RULE = {"id": "1", "server": "2", "callerid": "12334455", "dest_type": "0", "destination": "100",
        "matchexplicitly": "1"}


def add_rule(state, **overrides):
    args = dict(RULE)
    args.update(overrides)
    return call(state, "pbxware.did.clirouting.add", **args)


def listing(state, did="1", server="2"):
    return call(state, "pbxware.did.clirouting.list", id=did, server=server)


def test_empty_list_is_array(state):
    assert listing(state) == []


def test_add_and_list_shapes(state):
    res = add_rule(state)
    assert res == {"success": "CLI Routing ID: 1.", "id": "1"}
    add_rule(state, callerid="999", dest_type="10", destination="", matchexplicitly="0")
    res = listing(state)
    assert res == {
        "1": {"callerid": "12334455", "ext": "100", "type": "network user", "matchtype": "1"},
        "2": {"callerid": "999", "ext": "", "type": "Deny Access", "matchtype": "0"},
    }
    assert all(isinstance(v, str) for r in res.values() for v in r.values())
    json.dumps(res)


def test_add_required(state):
    for name in ("id", "callerid", "dest_type", "destination", "matchexplicitly"):
        args = {k: v for k, v in RULE.items() if k != name}
        assert call(state, "pbxware.did.clirouting.add", **args) == {"error": "Required field '%s' is missing" % name}
    args = {k: v for k, v in RULE.items() if k != "server"}
    assert call(state, "pbxware.did.clirouting.add", **args) == {"error": "Required field 'server' is missing"}


@pytest.mark.parametrize("name,value", [("callerid", "12a"), ("dest_type", "12"), ("dest_type", "x"),
                                        ("matchexplicitly", "2"), ("id", "a")])
def test_add_regex(state, name, value):
    assert "Required field '%s=%s' contains invalid data" % (name, value) in add_rule(state, **{name: value})["error"]


def test_server_rules(state):
    assert add_rule(state, server="1") == {"error": "In tenant mode, make sure server is a valid tenant ID."}
    assert add_rule(state, server="9") == {"error": "Invalid server ID."}
    # the DID belongs to tenant 2, not 3
    assert add_rule(state, server="3") == {"error": "DID ID 1 does not exist."}
    assert listing(state, server="3") == {"error": "DID ID 1 does not exist."}
    assert add_rule(state, id="42") == {"error": "DID ID 42 does not exist."}


def test_single_tenant_server_optional():
    st = make_state(tenant_mode=False)
    add_ext(st, server="1")
    call(st, "pbxware.did.add", server="1", trunk="1", did="1212400700", dest_type="0", destination="100",
         disabled="0")
    args = {k: v for k, v in RULE.items() if k != "server"}
    assert call(st, "pbxware.did.clirouting.add", **args)["id"] == "1"
    assert call(st, "pbxware.did.clirouting.list", id="1")["1"]["ext"] == "100"
    assert call(st, "pbxware.did.clirouting.list", id="1", server="2") == {"error": "Invalid server ID."}


@pytest.mark.parametrize("dest_type", range(12))
def test_dest_type_labels(state, dest_type):
    destination = {0: "100", 1: "100,101", 8: "1", 10: ""}.get(dest_type, "700")
    assert "id" in add_rule(state, dest_type=dest_type, destination=destination)
    assert listing(state)["1"]["type"] == DEST_LABELS[dest_type]


def test_destination_checks(state):
    assert add_rule(state, destination="") == {"error": "Required field 'destination' is missing"}
    assert add_rule(state, destination="555") == {"error": "Extension 555 does not exist."}
    assert add_rule(state, dest_type="8", destination="77") == {"error": "Trunk ID 77 does not exist."}
    assert "contains invalid data" in add_rule(state, dest_type="2", destination="12a")["error"]
    # Deny Access takes no value: whatever is sent is dropped
    add_rule(state, dest_type="10", destination="100")
    assert listing(state)["1"]["ext"] == ""


def test_edit_round_trip(state):
    add_rule(state)
    res = call(state, "pbxware.did.clirouting.edit", id="1", server="2", cliroutingid="1", callerid="555",
               matchexplicitly="0")
    assert res == {"success": "CLI Routing ID: 1.", "id": "1"}
    assert listing(state)["1"] == {"callerid": "555", "ext": "100", "type": "network user", "matchtype": "0"}
    # a new destination type needs its destination
    assert call(state, "pbxware.did.clirouting.edit", id="1", server="2", cliroutingid="1", dest_type="2") == {
        "error": "Required field 'destination' is missing"}
    call(state, "pbxware.did.clirouting.edit", id="1", server="2", cliroutingid="1", dest_type="2",
         destination="800")
    assert listing(state)["1"]["type"] == "Ring Group"
    assert listing(state)["1"]["ext"] == "800"


def test_edit_delete_required_and_unknown(state):
    assert call(state, "pbxware.did.clirouting.edit", id="1", server="2") == {
        "error": "Required field 'cliroutingid' is missing"}
    assert call(state, "pbxware.did.clirouting.edit", id="1", server="2", cliroutingid="9") == {
        "error": "CLI Routing ID 9 does not exist."}
    assert call(state, "pbxware.did.clirouting.delete", id="1", server="2") == {
        "error": "Required field 'cliroutingid' is missing"}
    assert "contains invalid data" in call(state, "pbxware.did.clirouting.delete", id="1", server="2",
                                           cliroutingid="x")["error"]


def test_rule_belongs_to_its_did(state):
    call(state, "pbxware.did.add", server="2", trunk="1", did="1212400701", dest_type="0", destination="100",
         disabled="0")
    add_rule(state)
    assert listing(state, did="2") == []
    assert call(state, "pbxware.did.clirouting.delete", id="2", server="2", cliroutingid="1") == {
        "error": "CLI Routing ID 1 does not exist."}


def test_delete_and_did_delete_cascade(state):
    add_rule(state)
    assert call(state, "pbxware.did.clirouting.delete", id="1", server="2", cliroutingid="1") == {
        "success": "CLI Routing successfully deleted!"}
    assert listing(state) == []
    add_rule(state)
    call(state, "pbxware.did.delete", server="1", id="1")
    assert state.data["did_clirouting"] == {}


def test_strict_mode(state):
    assert "Unknown field 'ext'" in add_rule(state, ext="100")["error"]
    assert "Unknown field 'cliroutingid'" in add_rule(state, cliroutingid="1")["error"]
    assert "id" in add_rule(state, strict=False, ext="100")
