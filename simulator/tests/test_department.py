"""pbxware.department.{list,add,edit,delete} against the reference ("Departments")."""
import pytest

from ext_did_helpers import add_ext, call, make_state


@pytest.fixture
def state():
    return make_state()


def add(state, name="Sales", server="2"):
    return call(state, "pbxware.department.add", server=server, name=name)


def test_empty_list_is_array(state):
    assert call(state, "pbxware.department.list") == []
    assert call(state, "pbxware.department.list", server="2") == []


def test_add_list_shapes_and_filter(state):
    assert add(state) == {"success": "Department ID: 1", "id": 1, "name": "Sales"}
    assert add(state, "Support", server="3")["id"] == 2
    assert call(state, "pbxware.department.list") == {"1": {"name": "Sales"}, "2": {"name": "Support"}}
    assert call(state, "pbxware.department.list", server="3") == {"2": {"name": "Support"}}
    assert call(state, "pbxware.department.list", server="9") == {"error": "Invalid server ID."}


def test_add_required_and_checks(state):
    assert call(state, "pbxware.department.add", server="2") == {"error": "Required field 'name' is missing"}
    assert call(state, "pbxware.department.add", name="X") == {"error": "Required field 'server' is missing"}
    assert add(state, "  ") == {"error": "Department name cannot be empty."}
    assert add(state, server="1") == {"error": "In tenant mode, make sure server is a valid tenant ID."}
    assert add(state, server="x")["error"].startswith("Required field 'server=x' contains invalid data")
    assert call(state, "pbxware.department.add", server="2", name="A", color="red") == {
        "error": "Unknown field 'color' for action pbxware.department.add"}


def test_names_are_unique_per_tenant(state):
    add(state)
    assert add(state, "sales") == {"error": "Department sales already exists."}
    assert add(state, "Sales", server="3")["id"] == 2


def test_edit_rename_and_scope(state):
    add(state)
    add(state, "Support")
    assert call(state, "pbxware.department.edit", server="2", id="1", name="Sales EU") == {
        "success": "Department ID: 1", "id": "1", "name": "Sales EU"}
    # An empty name leaves it as it is; a taken name is refused.
    assert call(state, "pbxware.department.edit", server="2", id="1", name="")["name"] == "Sales EU"
    assert call(state, "pbxware.department.edit", server="2", id="1", name="support") == {
        "error": "Department support already exists."}
    # A department is found only in its own tenant.
    assert call(state, "pbxware.department.edit", server="3", id="1", name="X") == {
        "error": "Department ID 1 does not exist."}
    assert call(state, "pbxware.department.edit", server="2", name="X") == {"error": "Required field 'id' is missing"}
    assert call(state, "pbxware.department.list", server="2")["1"] == {"name": "Sales EU"}


def test_delete(state):
    add(state)
    assert call(state, "pbxware.department.delete", server="3", id="1") == {"error": "Department ID 1 does not exist."}
    assert call(state, "pbxware.department.delete", server="2", id="1") == {
        "success": "Deleted Department ID 1 successfully."}
    assert call(state, "pbxware.department.delete", server="2", id="1") == {"error": "Department ID 1 does not exist."}
    assert call(state, "pbxware.department.list") == []
    # IDs are never reused.
    assert add(state)["id"] == 2


def test_extensions_keep_referring_to_department_ids(state):
    department = str(add(state)["id"])
    ext_id = add_ext(state, department=department)["id"]
    assert call(state, "pbxware.ext.list", server="2")[ext_id]["department"] == department
    call(state, "pbxware.department.delete", server="2", id=department)
    assert call(state, "pbxware.ext.list", server="2")[ext_id]["department"] == department


def test_single_tenant_server_rule():
    state = make_state(tenant_mode=False)
    assert add(state, server="2") == {"error": "Invalid server ID."}
    assert add(state, server="1")["id"] == 1
