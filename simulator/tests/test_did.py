"""pbxware.did.{list,add,edit,delete} against the reference and observed behaviour."""
import json

import pytest

from ext_did_helpers import call, make_state
from pbxware_sim import registry
from pbxware_sim.objects.did import DEST_TYPES

DID_ARGS = {"server": "2", "trunk": "1", "did": "1212400700", "dest_type": "0", "destination": "100", "disabled": "0"}


@pytest.fixture
def state():
    return make_state()


def add_did(state, **overrides):
    args = dict(DID_ARGS)
    args.update(overrides)
    return call(state, "pbxware.did.add", **args)


def listing(state, server="2", **filters):
    return call(state, "pbxware.did.list", server=server, **filters)


def test_add_success_shape(state):
    res = add_did(state)
    assert res == {"success": "DID ID: 1.", "id": 1}
    assert isinstance(res["id"], int)


def test_list_shape(state):
    assert listing(state) == []
    add_did(state, name="Main line", sms_enabled="1", e164="1212400700")
    res = listing(state)
    assert res == {"1": {
        "number": "1212400700", "number2": "", "server": "2", "trunk": "1", "type": "Extension", "ext": "100",
        "e164": "1212400700", "e164_2": "", "status": "enabled", "name": "Main line", "sms_enabled": "1",
        "e911": "0", "prioritize_clirouting": "0",
    }}
    assert all(isinstance(v, str) for v in res["1"].values())
    json.dumps(res)


def test_add_required(state):
    for name in ("server", "trunk", "did", "dest_type", "destination", "disabled"):
        args = {k: v for k, v in DID_ARGS.items() if k != name}
        assert call(state, "pbxware.did.add", **args) == {"error": "Required field '%s' is missing" % name}


@pytest.mark.parametrize("dest_type", range(18))
def test_dest_types_read_as_names(state, dest_type):
    destination = "" if dest_type in (12, 13) else "100"
    add_did(state, dest_type=dest_type, destination=destination)
    assert listing(state)["1"]["type"] == DEST_TYPES[dest_type]


def test_dest_type_names():
    assert DEST_TYPES[0] == "Extension" and DEST_TYPES[5] == "External Number" and DEST_TYPES[17] == "Parking Lot"
    assert len(DEST_TYPES) == 18


@pytest.mark.parametrize("value", ["18", "x", "-1", ""])
def test_bad_dest_type(state, value):
    assert "contains invalid data" in add_did(state, dest_type=value)["error"]


def test_external_number_plus_round_trip(state):
    add_did(state, dest_type="5", destination="+123456789", preserve_callerid="1")
    assert listing(state)["1"]["ext"] == "+123456789"
    assert listing(state)["1"]["type"] == "External Number"
    # '+' is for external numbers only
    assert "contains invalid data" in add_did(state, did="1212400701", destination="+100")["error"]


def test_multi_user_destination_list_and_ext_filter(state):
    add_did(state, dest_type="1", destination="100,101")
    add_did(state, did="1212400701", destination="102")
    assert list(listing(state, ext="101")) == ["1"]
    assert list(listing(state, ext="102,100")) == ["1", "2"]
    assert listing(state, ext="999") == []
    assert "contains invalid data" in listing(state, ext="abc")["error"]


def test_disabled_reads_as_status(state):
    add_did(state, disabled="1")
    assert listing(state)["1"]["status"] == "disabled"
    call(state, "pbxware.did.edit", server="2", id="1", disabled="0")
    assert listing(state)["1"]["status"] == "enabled"
    assert "contains invalid data" in add_did(state, did="1", disabled="2")["error"]


def test_trunk_must_exist(state):
    assert "error" in add_did(state, trunk="99")


def test_postman_regexes(state):
    assert add_did(state, did="12a") == {"error": "Required field 'did=12a' contains invalid data (Regex: /^\\d+$/)"}
    assert add_did(state, recordcall="5") == {"error": "Field 'recordcall=5' contains invalid data (Regex: /^(1|0|2)$/)"}
    assert "error" in add_did(state, greeting="hello")
    assert "error" in add_did(state, billingext="1000")  # tenant 2 has 3-digit extensions


def test_number_ranges(state):
    res = add_did(state, did="5550100", did_2="5550199")
    assert listing(state)[str(res["id"])]["number2"] == "5550199"
    assert "error" in add_did(state, did="5550150")  # inside the range on the same trunk
    assert "id" in add_did(state, did="5550150", trunk="2")
    assert "error" in add_did(state, did="5550200", did_2="5550100")  # end below start
    assert "error" in add_did(state, did="5550200", did_2="55502000")  # different length
    # Postman's spelling is the postman dialect's only (test_dialects.py)
    assert add_did(state, did="6660100", did2="6660109") == {"error": "Unknown field 'did2' for action pbxware.did.add"}


def test_write_only_args_stored_not_shown(state):
    add_did(state, callerid="Sales <100>", greeting="greeting-did-main", recordcall="1", city="Boston",
            stripn="2", codec="ulaw")
    blob = json.dumps(listing(state))
    for key in ("callerid", "greeting", "recordcall", "city", "stripn", "codec"):
        assert '"%s"' % key not in blob
    assert state.data["dids"]["1"]["greeting"] == "greeting-did-main"


def test_strict_mode(state):
    assert "error" in add_did(state, type="Extension")
    assert "id" in call(state, "pbxware.did.add", strict=False, type="Queues", **DID_ARGS)
    assert listing(state)["1"]["type"] == "Extension"


def test_edit(state):
    add_did(state)
    res = call(state, "pbxware.did.edit", server="2", id="1", dest_type="5", destination="+38761000000", name="X")
    assert res == {"success": "DID ID: 1.", "id": "1"}
    row = listing(state)["1"]
    assert (row["type"], row["ext"], row["name"], row["number"]) == ("External Number", "+38761000000", "X",
                                                                     "1212400700")
    # destination is required with dest_type unless Phone Callback / Deny Access
    assert call(state, "pbxware.did.edit", server="2", id="1", dest_type="2") == {
        "error": "Required field 'destination' is missing"}
    assert "id" in call(state, "pbxware.did.edit", server="2", id="1", dest_type="13")
    assert listing(state)["1"]["ext"] == ""
    assert call(state, "pbxware.did.edit", server="2", name="x") == {"error": "Required field 'id' is missing"}
    assert "error" in call(state, "pbxware.did.edit", server="3", id="1", name="x")
    assert "error" in call(state, "pbxware.did.edit", server="2", id="7", name="x")


def test_server_rules_tenant_mode(state):
    assert call(state, "pbxware.did.list") == {"error": "Required field 'server' is missing"}
    assert "error" in call(state, "pbxware.did.list", server="1")
    assert "error" in add_did(state, server="1")  # did.add needs the tenant's ID
    assert add_did(state, server="9") == {"error": "Invalid server ID."}
    add_did(state)
    add_did(state, server="3", did="5550001")
    assert list(listing(state, server="3")) == ["2"]
    # did.delete is documented as needing server=1 in tenant mode
    assert call(state, "pbxware.did.delete", server="2", id="1") == {"error": "In tenant mode, make sure server=1."}
    assert call(state, "pbxware.did.delete", server="1", id="1") == {"success": "Deleted DID ID 1 successfully."}
    assert "error" in call(state, "pbxware.did.delete", server="1", id="1")
    assert call(state, "pbxware.did.delete", server="1") == {"error": "Required field 'id' is missing"}
    assert list(listing(state, server="3")) == ["2"] and listing(state) == []


def test_server_rules_plain_mode():
    state = make_state(tenant_mode=False)
    assert add_did(state, server="2") == {"error": "Invalid server ID."}
    assert add_did(state, server="1")["id"] == 1
    assert list(call(state, "pbxware.did.list")) == ["1"]
    assert call(state, "pbxware.did.delete", server="1", id="1")["success"]


def test_declared_arguments():
    add = registry.lookup("pbxware.did.add")
    assert set(add.required) == {"server", "trunk", "did", "dest_type", "destination", "disabled"}
    assert {"did_2", "did2", "prioritize_clirouting", "notify", "callerid"} <= add.args
    assert registry.lookup("pbxware.did.edit").required == ("server", "id")
    assert registry.lookup("pbxware.did.list").args == {"server", "ext"}
    assert registry.lookup("pbxware.did.delete").args == {"server", "id"}
