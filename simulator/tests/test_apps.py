"""pbxware.apps.list and pbxware.apps.templates.{list,set} against the reference ("Apps"), both dialects."""
import pytest

from ext_did_helpers import add_ext, call, make_state

EDITIONS_RE = "^(none|(all|agent|office|business|operator|supervisor|mobile|web)" \
              "(,(all|agent|office|business|operator|supervisor|mobile|web))*)$"


@pytest.fixture
def state():
    state = make_state()
    call(state, "pbxware.department.add", server="2", name="Sales")      # 1
    call(state, "pbxware.department.add", server="2", name="Support")    # 2
    call(state, "pbxware.department.add", server="3", name="Elsewhere")  # 3
    return state


def dialect(state, name):
    state.live.update({"dialect": name})
    return state


def set_template(state, **args):
    return call(state, "pbxware.apps.templates.set", **dict({"server": "2", "department_id": "1"}, **args))


def test_apps_list_counts_extensions_of_the_tenant(state):
    first = add_ext(state)["id"]
    add_ext(state, ext="101", email="u101@example.com")
    add_ext(state, server="3", ext="1000", email="u1000@example.com")
    call(state, "pbxware.ext.editions_modules.set", server="2", id=first, editions="office,mobile", modules="crm")
    apps = call(state, "pbxware.apps.list", server="2")
    assert apps["OFFICE"] == {"total": 100, "in_use": 1, "extensions": [100]}
    assert apps["MOBILE"]["extensions"] == [100] and apps["CRM"]["in_use"] == 1
    assert apps["BUSINESS"] == {"total": 100, "in_use": 0, "extensions": []}
    assert {"Call Popup", "Customer Survey", "OPERATOR", "WEB"} <= set(apps)
    assert all(row["in_use"] == len(row["extensions"]) for row in apps.values())
    assert call(state, "pbxware.apps.list", server="3")["OFFICE"]["in_use"] == 0


def test_apps_list_server_rules(state):
    assert call(state, "pbxware.apps.list") == {"error": "Required field 'server' is missing"}
    assert call(state, "pbxware.apps.list", server="1") == {
        "error": "In tenant mode, make sure server is a valid tenant ID."}
    assert call(state, "pbxware.apps.list", server="9") == {"error": "Invalid server ID."}
    single = make_state(tenant_mode=False)
    assert call(single, "pbxware.apps.list")["OFFICE"]["in_use"] == 0
    assert call(single, "pbxware.apps.list", server="2") == {"error": "Invalid server ID."}


@pytest.mark.parametrize("name,expected_id", [("reference", 1), ("postman", "1")])
def test_templates_set_answer_follows_the_dialect(state, name, expected_id):
    dialect(state, name)
    assert set_template(state, editions="mobile", modules="crm") == {"success": "Department ID: 1",
                                                                    "id": expected_id}


def test_templates_list_follows_the_dialect(state):
    assert call(state, "pbxware.apps.templates.list", server="2") == []
    set_template(state, department_id="2", editions="business,agent,supervisor", modules="call popup,skype,crm")
    set_template(state, editions="mobile", modules="crm")
    set_template(state, server="3", department_id="3", editions="all")
    rows = {
        "1": {"department_id": 1, "department_name": "Sales", "editions": "mobile", "modules": "crm"},
        "2": {"department_id": 2, "department_name": "Support", "editions": "business,agent,supervisor",
              "modules": "call popup,skype,crm"},
    }
    assert call(state, "pbxware.apps.templates.list", server="2") == rows
    dialect(state, "postman")
    assert call(state, "pbxware.apps.templates.list", server="2") == [rows["1"], rows["2"]]
    assert call(state, "pbxware.apps.templates.list", server="3") == [
        {"department_id": 3, "department_name": "Elsewhere", "editions": "all", "modules": ""}]


def test_templates_set_keeps_what_it_is_not_given(state):
    set_template(state, editions="office", modules="none")
    set_template(state, modules="skype")
    set_template(state, editions="")
    assert call(state, "pbxware.apps.templates.list", server="2")["1"] == {
        "department_id": 1, "department_name": "Sales", "editions": "office", "modules": "skype"}


def test_templates_set_checks(state):
    assert set_template(state, editions="gold") == {
        "error": "Field 'editions=gold' contains invalid data (Regex: /%s/)" % EDITIONS_RE}
    assert set_template(state, modules="crm,")["error"].startswith("Field 'modules=crm,' contains invalid data")
    assert set_template(state, department_id="") == {
        "error": "Required field 'department_id=' contains invalid data (Regex: /^\\d+$/)"}
    assert set_template(state, department_id="3") == {"error": "Department ID 3 does not exist."}
    assert set_template(state, department_id="9") == {"error": "Department ID 9 does not exist."}
    assert call(state, "pbxware.apps.templates.set", department_id="1") == {
        "error": "Required field 'server' is missing"}
    assert call(state, "pbxware.apps.templates.list") == {"error": "Required field 'server' is missing"}
    assert call(state, "pbxware.apps.templates.list", server="2") == []


def test_template_of_a_deleted_department_reads_without_a_name(state):
    set_template(state, editions="web")
    call(state, "pbxware.department.delete", server="2", id="1")
    assert call(state, "pbxware.apps.templates.list", server="2")["1"]["department_name"] is None
