"""pbxware.paging_group.{list,add,edit,delete} against the reference."""
import pytest

from ext_did_helpers import call, make_state

PAGING = {"server": "2", "name": "Warehouse", "number": "400", "destinations": "101,100"}


@pytest.fixture
def state():
    return make_state()


def add(state, **overrides):
    return call(state, "pbxware.paging_group.add", **dict(PAGING, **overrides))


def test_add_and_list_shape(state):
    assert call(state, "pbxware.paging_group.list", server="2") == []
    assert add(state) == {"success": "Paging Group ID: 1", "id": 1}
    # As the reference's example: number, quiet and destinations are numbers.
    assert call(state, "pbxware.paging_group.list", server="2") == {"1": {
        "name": "Warehouse", "number": 400, "quiet": 0, "destinations": [101, 100]}}
    add(state, server="3", number="4000", quiet="1", destinations="")
    assert call(state, "pbxware.paging_group.list") == {
        "1": {"name": "Warehouse", "number": 400, "quiet": 0, "destinations": [101, 100]},
        "2": {"name": "Warehouse", "number": 4000, "quiet": 1, "destinations": []}}


def test_edit(state):
    add(state)
    assert call(state, "pbxware.paging_group.edit", server="2", id="1", quiet="1", destinations="102") == {
        "success": "Paging Group ID: 1", "id": "1"}
    assert call(state, "pbxware.paging_group.list", server="2")["1"] == {
        "name": "Warehouse", "number": 400, "quiet": 1, "destinations": [102]}


@pytest.mark.parametrize("missing", ["server", "name", "number"])
def test_add_requires(state, missing):
    args = {k: v for k, v in PAGING.items() if k != missing}
    assert call(state, "pbxware.paging_group.add", **args) == {"error": "Required field '%s' is missing" % missing}


@pytest.mark.parametrize("args,error", [
    (dict(quiet="yes"), "Field 'quiet=yes' contains invalid data (Regex: /^(0|1)$/)"),
    (dict(destinations="101 102"), "Field 'destinations=101 102' contains invalid data (Regex: /^\\d+(,\\d+)*$/)"),
    (dict(number="4a"), "Required field 'number=4a' contains invalid data (Regex: /^\\d+$/)"),
    (dict(server="1"), "In tenant mode, make sure server is a valid tenant ID."),
])
def test_validation(state, args, error):
    assert add(state, **args) == {"error": error}


def test_numbers_are_shared_with_the_other_call_groups(state):
    add(state)
    assert call(state, "pbxware.erg.add", server="2", name="Q", ext="400", max_wait_callers="1",
                rings_answer="0") == {"error": "Extension number 400 is already used by Paging Group ID 1."}
    add(state, number="401")
    assert call(state, "pbxware.paging_group.edit", server="2", id="2", number="400") == {
        "error": "Extension number 400 is already used by Paging Group ID 1."}


def test_delete_and_other_tenants(state):
    add(state)
    assert call(state, "pbxware.paging_group.delete", server="3", id="1") == {
        "error": "Paging Group ID 1 does not exist."}
    assert call(state, "pbxware.paging_group.delete", server="2", id="1") == {
        "success": "Deleted Paging Group with ID 1 successfully."}
    assert call(state, "pbxware.paging_group.list", server="2") == []
