"""pbxware.ring_group.{list,add,edit,configuration,delete} against the reference and Postman."""
import pytest

from ext_did_helpers import call, make_state

GROUP = {"server": "2", "name": "Sales", "ext": "200", "extensions": "101,100"}


@pytest.fixture
def state():
    return make_state()


def add(state, **overrides):
    return call(state, "pbxware.ring_group.add", **dict(GROUP, **overrides))


def test_add_list_and_configuration_shapes(state):
    assert call(state, "pbxware.ring_group.list", server="2") == []
    assert add(state, last_dest="105", last_dest_vm="yes", ganswer="yes", ring_strategy="round") == {
        "success": "Ring Group ID: 1", "id": 1}
    assert call(state, "pbxware.ring_group.list", server="2") == {"1": {
        "name": "Sales", "ext": "200", "destinations": "101,100", "last_dest": "105", "last_dest_vm": "yes"}}
    config = call(state, "pbxware.ring_group.configuration", server="2", id="1")
    assert list(config) == ["1"] and set(config["1"]) == {"name", "ext", "destinations", "options"}
    options = config["1"]["options"]
    assert len(options) == 26 and all(isinstance(value, str) for value in options.values())
    # yes/no arguments read as 1/0 here, while the list reads last_dest_vm as yes/no.
    assert (options["ganswer"], options["last_dest_vm"], options["record"]) == ("1", "1", "0")
    # Documented defaults.
    assert (options["timeout"], options["max_limit"], options["loops"], options["dial_options"],
            options["looping_mode"], options["ring_strategy"]) == ("30", "1", "1", "r", "per_ext", "round")


def test_edit_is_partial_and_answers_id_as_string(state):
    add(state, timeout="20", greeting="greeting-sales")
    assert call(state, "pbxware.ring_group.edit", server="2", id="1", extensions="102", record="yes") == {
        "success": "Ring Group ID: 1.", "id": "1"}
    group = call(state, "pbxware.ring_group.configuration", server="2", id="1")["1"]
    assert group["destinations"] == "102" and group["name"] == "Sales"
    assert (group["options"]["timeout"], group["options"]["greeting"], group["options"]["record"]) == (
        "20", "greeting-sales", "1")
    call(state, "pbxware.ring_group.edit", server="2", id="1", extensions="", greeting="")
    group = call(state, "pbxware.ring_group.configuration", server="2", id="1")["1"]
    assert (group["destinations"], group["options"]["greeting"]) == ("", "")


@pytest.mark.parametrize("missing", ["server", "name", "ext"])
def test_add_requires(state, missing):
    args = {k: v for k, v in GROUP.items() if k != missing}
    assert call(state, "pbxware.ring_group.add", **args) == {"error": "Required field '%s' is missing" % missing}


@pytest.mark.parametrize("name,value,pattern", [
    ("greeting", "welcome", r"^greeting\-([\w\-]+)$"),
    ("timeout_msg", "greeting-x", r"^announce\-([\w\-]+)$"),
    ("confirm_msg", "announce-x", r"^rg\-announce\-([\w\-]+)$"),
    ("confirm_answered_msg", "rg-announce-x", r"^rg\-late\-announce\-([\w\-]+)$"),
    ("max_limit", "100", r"^\d{1,2}$"),
    ("ring_strategy", "random", r"^(all|leastrecent|round|round_memory)$"),
    ("looping_mode", "linear", r"^(per_ext|circular)$"),
    ("record", "1", r"^(yes|no)$"),
    ("extensions", "101;102", r"^\d+(,\d+)*$"),
    ("exit_ext", "1001", r"^\d{3}$"),
])
def test_patterns(state, name, value, pattern):
    assert add(state, **{name: value}) == {
        "error": "Field '%s=%s' contains invalid data (Regex: /%s/)" % (name, value, pattern)}


def test_server_rules(state):
    assert add(state, server="1") == {"error": "In tenant mode, make sure server is a valid tenant ID."}
    assert add(state, server="9") == {"error": "Invalid server ID."}
    add(state)
    for action in ("configuration", "edit", "delete"):
        assert call(state, "pbxware.ring_group." + action, server="3", id="1") == {
            "error": "Ring Group ID 1 does not exist."}
        assert call(state, "pbxware.ring_group." + action, server="1", id="1") == {
            "error": "In tenant mode, make sure server is a valid tenant ID."}
    assert call(state, "pbxware.ring_group.list", server="3") == []


def test_single_tenant_system_uses_server_1():
    state = make_state(tenant_mode=False)
    assert call(state, "pbxware.ring_group.add", **dict(GROUP, server="1"))["id"] == 1
    assert list(call(state, "pbxware.ring_group.list")) == ["1"]
    assert call(state, "pbxware.ring_group.add", **dict(GROUP, server="2")) == {"error": "Invalid server ID."}


def test_numbers_are_unique_per_tenant_across_call_groups(state):
    add(state)
    assert add(state, name="Other") == {"error": "Extension number 200 is already used by Ring Group ID 1."}
    assert call(state, "pbxware.erg.add", server="2", name="Queue", ext="200", max_wait_callers="5",
                rings_answer="0") == {"error": "Extension number 200 is already used by Ring Group ID 1."}
    assert call(state, "pbxware.paging_group.add", server="2", name="Page", number="200") == {
        "error": "Extension number 200 is already used by Ring Group ID 1."}
    assert add(state, server="3", ext="2000")["id"] == 2  # another tenant's plan
    add(state, ext="201", name="Second")
    assert call(state, "pbxware.ring_group.edit", server="2", id="3", ext="200") == {
        "error": "Extension number 200 is already used by Ring Group ID 1."}
    assert call(state, "pbxware.ring_group.edit", server="2", id="1", ext="200")["id"] == "1"  # its own


def test_delete(state):
    add(state)
    assert call(state, "pbxware.ring_group.delete", server="2", id="1") == {
        "success": "Deleted Ring Group ID 1 successfully."}
    assert call(state, "pbxware.ring_group.list", server="2") == []
    assert call(state, "pbxware.ring_group.delete", server="2", id="1") == {
        "error": "Ring Group ID 1 does not exist."}
    assert add(state)["id"] == 2  # IDs are not reused


def test_undocumented_arguments_are_refused(state):
    assert add(state, destinations="100") == {
        "error": "Unknown field 'destinations' for action pbxware.ring_group.add"}
    assert call(state, "pbxware.ring_group.configuration", server="2", id="1", ext="200") == {
        "error": "Unknown field 'ext' for action pbxware.ring_group.configuration"}
