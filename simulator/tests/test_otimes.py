"""pbxware.otimes.<kind>.{list,set} against the reference (Operation Times)."""
import json

import pytest

from ext_did_helpers import add_ext, call, make_state
from pbxware_sim import registry
from pbxware_sim.objects.otimes import KINDS

CLOSED = [("closed_dates_desc[]", "Closed #1"), ("closed_dates_dest[]", "100"),
          ("closed_dates_date_from[]", "2022-05-05"), ("closed_dates_date_to[]", "2022-05-06"),
          ("closed_dates_time_from[]", "00:00"), ("closed_dates_time_to[]", "06:00")]
CUSTOM = [("custom_destinations_dest[]", "104"), ("custom_destinations_is_open[]", "yes"),
          ("custom_destinations_days[]", "1,2,3,4,5"), ("custom_destinations_time_from[]", "08:00"),
          ("custom_destinations_time_to[]", "17:00")]
OPEN1 = [("open_days_desc[]", "Open1"), ("open_days[]", "1,2,6"), ("open_days_time_from[]", "01:01"),
         ("open_days_time_to[]", "21:56")]
OPEN2 = [("open_days_desc[]", "Open2"), ("open_days[]", "3,4"), ("open_days_time_from[]", "08:30"),
         ("open_days_time_to[]", "17:00")]
SCALARS = [("status", "on"), ("greeting", "greeting-Mar-27-2013-15-15-44"), ("default_dest_ext", "103"),
           ("default_dest_is_vm", "yes")]
FULL = SCALARS + CLOSED + CUSTOM + OPEN1
EXPECTED = {
    "status": "on", "greeting": "greeting-Mar-27-2013-15-15-44", "default_dest_ext": "103",
    "default_dest_is_vm": "yes",
    "closed_dates": [{"description": "Closed #1", "destination": "100", "date_from": "2022-05-05",
                      "date_to": "2022-05-06", "time_from": "00:00", "time_to": "06:00"}],
    "custom_destinations": [{"destination": "104", "is_open_range": "yes", "days": "1,2,3,4,5",
                             "time_from": "08:00", "time_to": "17:00"}],
    "open_days": [{"description": "Open1", "days": "1,2,6", "time_from": "01:01", "time_to": "21:56"}],
}


@pytest.fixture
def state():
    st = make_state()
    add_ext(st)
    assert call(st, "pbxware.did.add", server="2", trunk="1", did="1212400700", dest_type="0",
                destination="100", disabled="0")["id"] == 1
    return st


def send(state, action, pairs, strict=True, **args):
    items = [("action", action)] + [(k, str(v)) for k, v in args.items()] + list(pairs)
    return registry.dispatch(state, items, strict=strict)


def ot_set(state, pairs=FULL, kind="did", **args):
    args = args or {"id": "1", "server": "2"}
    return send(state, "pbxware.otimes.%s.set" % kind, pairs, **args)


def ot_list(state, kind="did", **args):
    args = args or {"id": "1", "server": "2"}
    return call(state, "pbxware.otimes.%s.list" % kind, **args)


def test_every_kind_is_registered():
    registry.load_objects()
    for kind in ("did", "ivr", "dial_group", "servers", "routes", "queues", "erg"):
        for method in ("list", "set"):
            assert "pbxware.otimes.%s.%s" % (kind, method) in registry.ACTIONS
    assert set(KINDS) == {"did", "ivr", "dial_group", "servers", "routes", "queues", "erg"}


def test_list_before_set_is_empty(state):
    assert ot_list(state) == []
    assert ot_list(state, kind="queues") == []


def test_set_then_list_documented_shape(state):
    assert ot_set(state) == {"success": "Edited Operation Times successfully."}
    res = ot_list(state)
    assert res == {"1": EXPECTED}
    json.dumps(res)


def test_list_by_did_number(state):
    ot_set(state)
    assert call(state, "pbxware.otimes.did.list", ext="1212400700", server="2") == {"1": EXPECTED}
    assert call(state, "pbxware.otimes.did.list", ext="1212400799", server="2") == {
        "error": "DID 1212400799 does not exist."}


def test_set_replaces_lists_keeps_scalars(state):
    ot_set(state)
    ot_set(state, OPEN1 + OPEN2)
    res = ot_list(state)["1"]
    assert res["status"] == "on" and res["default_dest_ext"] == "103"
    assert res["closed_dates"] == [] and res["custom_destinations"] == []
    assert [d["description"] for d in res["open_days"]] == ["Open1", "Open2"]
    assert res["open_days"][1] == {"description": "Open2", "days": "3,4", "time_from": "08:30", "time_to": "17:00"}


def test_new_state_defaults(state):
    ot_set(state, [])
    assert ot_list(state)["1"] == {"status": "off", "greeting": "", "default_dest_ext": "", "default_dest_is_vm": "no",
                                   "closed_dates": [], "custom_destinations": [], "open_days": []}


def test_indexed_lists_work_too(state):
    pairs = [(name.replace("[]", "[0]"), value) for name, value in OPEN1]
    ot_set(state, pairs)
    assert ot_list(state)["1"]["open_days"] == EXPECTED["open_days"]


def test_list_sizes_must_match(state):
    res = ot_set(state, OPEN1 + [("open_days[]", "3")])
    assert res == {"error": "Fields open_days_desc, open_days, open_days_time_from and open_days_time_to "
                            "must match in size"}
    res = ot_set(state, CLOSED[:-1])
    assert res["error"].startswith("Fields closed_dates_desc, ") and res["error"].endswith("must match in size")
    assert ot_list(state) == []  # nothing stored on failure


def test_plain_name_for_list_is_rejected(state):
    res = ot_set(state, [("open_days", "1,2")])
    assert "must be sent as a list" in res["error"]


@pytest.mark.parametrize("name,value", [
    ("closed_dates_date_from[]", "05-05-2022"), ("closed_dates_date_to[]", "2022/05/06"),
    ("closed_dates_time_from[]", "24:00"), ("closed_dates_time_to[]", "6:00"),
])
def test_closed_date_formats(state, name, value):
    pairs = [(k, value if k == name else v) for k, v in CLOSED]
    assert "contains invalid data" in ot_set(state, pairs)["error"]


def test_closed_dates_must_be_real_and_ordered(state):
    pairs = [(k, "2023-02-30" if k == "closed_dates_date_to[]" else v) for k, v in CLOSED]
    assert "not a valid date" in ot_set(state, pairs)["error"]
    pairs = [(k, "2022-05-01" if k == "closed_dates_date_to[]" else v) for k, v in CLOSED]
    assert "ends before it starts" in ot_set(state, pairs)["error"]


@pytest.mark.parametrize("pairs", [
    [("open_days_desc[]", "x"), ("open_days[]", "1,8"), ("open_days_time_from[]", "08:00"),
     ("open_days_time_to[]", "09:00")],
    [("custom_destinations_dest[]", "104"), ("custom_destinations_is_open[]", "maybe"),
     ("custom_destinations_days[]", "1"), ("custom_destinations_time_from[]", "08:00"),
     ("custom_destinations_time_to[]", "17:00")],
])
def test_entry_formats(state, pairs):
    assert "contains invalid data" in ot_set(state, pairs)["error"]


@pytest.mark.parametrize("name,value", [("status", "enabled"), ("greeting", "hello"),
                                        ("default_dest_ext", "10a"), ("default_dest_is_vm", "1")])
def test_scalar_regex(state, name, value):
    assert "Field '%s=%s' contains invalid data" % (name, value) in ot_set(state, [(name, value)])["error"]


def test_required_and_server_rules(state):
    assert send(state, "pbxware.otimes.did.set", [], server="2") == {"error": "Required field 'id' is missing"}
    assert send(state, "pbxware.otimes.did.set", [], id="1") == {"error": "Required field 'server' is missing"}
    assert ot_set(state, id="1", server="1") == {"error": "In tenant mode, make sure server is a valid tenant ID."}
    assert ot_set(state, id="1", server="9") == {"error": "Invalid server ID."}
    assert ot_set(state, id="1", server="3") == {"error": "DID ID 1 does not exist."}
    assert ot_list(state, id="1", server="3") == {"error": "DID ID 1 does not exist."}
    assert call(state, "pbxware.otimes.did.list", id="1") == {"error": "Required field 'server' is missing"}


def test_unsimulated_kinds_accept_positive_ids(state):
    for kind in ("ivr", "dial_group", "queues", "erg"):
        assert ot_set(state, kind=kind, id="12451", server="2") == {"success": "Edited Operation Times successfully."}
        assert ot_list(state, kind=kind, id="12451", server="2") == {"12451": EXPECTED}
        assert "contains invalid data" in ot_set(state, kind=kind, id="0", server="2")["error"]
        assert ot_set(state, kind=kind, id="5") == {"error": "Required field 'server' is missing"}
    # queues may be named by number
    assert call(state, "pbxware.otimes.queues.list", number="12451", server="2") == {"12451": EXPECTED}


def test_unsimulated_kind_checks_collection_once_it_exists(state):
    state.data["ivrs"] = {"7": {"name": "IVR"}}
    assert ot_set(state, kind="ivr", id="8", server="2") == {"error": "IVR ID 8 does not exist."}
    assert ot_set(state, kind="ivr", id="7", server="2")["success"]


def test_servers_and_routes(state):
    state.data["routes"] = {"869": {"code": "1", "name": "United States"}}
    assert ot_set(state, kind="servers", id="2") == {"success": "Edited Operation Times successfully."}
    assert ot_set(state, kind="servers", id="1")["success"]
    assert ot_set(state, kind="servers", id="9") == {"error": "Invalid server ID."}
    assert set(ot_list(state, kind="servers", id="2")) == {"2"}
    assert ot_set(state, SCALARS + [("pin", "668")], kind="routes", id="869")["success"]
    assert "pin" not in ot_list(state, kind="routes", id="869")["869"]
    assert ot_set(state, kind="routes", id="2") == {"error": "Route ID 2 does not exist."}
    # pin is for routes only (strict mode)
    assert "Unknown field 'pin'" in ot_set(state, [("pin", "668")])["error"]


def test_list_without_id_lists_all(state):
    assert call(state, "pbxware.otimes.erg.list") == []
    assert call(state, "pbxware.otimes.erg.list", id="") == []
    ot_set(state, kind="erg", id="5", server="2")
    ot_set(state, kind="erg", id="6", server="3")
    assert set(call(state, "pbxware.otimes.erg.list")) == {"5", "6"}
    assert set(call(state, "pbxware.otimes.erg.list", server="3")) == {"6"}


def test_did_delete_drops_its_otimes(state):
    ot_set(state)
    call(state, "pbxware.did.delete", server="1", id="1")
    assert state.data["otimes"]["did"] == {}


def test_strict_mode(state):
    assert "Unknown field 'number'" in ot_list(state, id="1", server="2", number="1")["error"]
    assert "Unknown field 'ext'" in call(state, "pbxware.otimes.ivr.list", ext="1")["error"]
    assert "Unknown field 'closed_dates'" in ot_set(state, [("closed_dates[]", "x")])["error"]


def test_single_tenant():
    st = make_state(tenant_mode=False)
    add_ext(st, server="1")
    call(st, "pbxware.did.add", server="1", trunk="1", did="1212400700", dest_type="0", destination="100",
         disabled="0")
    assert ot_set(st, id="1")["success"]
    assert call(st, "pbxware.otimes.did.list", id="1") == {"1": EXPECTED}
    assert ot_set(st, id="1", server="2") == {"error": "Invalid server ID."}
