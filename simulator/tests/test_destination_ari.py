"""pbxware.destination.*, pbxware.ari.* and the tenant_mode live setting, over HTTP."""
import pytest

from pbxware_sim.objects.destination import GROUPS


# -- destinations ---------------------------------------------------------------
def test_destination_groups_are_the_reference_table(sim):
    groups = sim.post("pbxware.destination.groups")
    assert groups == GROUPS
    assert groups["1"] == "mobile" and groups["2"] == "proper" and list(groups) == sorted(groups, key=int)


def test_every_route_has_a_proper_and_a_mobile_destination(sim):
    routes = sim.post("pbxware.route.list")
    destinations = sim.post("pbxware.destination.list")
    assert list(destinations) == sorted(destinations, key=int)
    for route_id, (code, name) in routes.items():
        proper = destinations[str(int(route_id) * 10)]
        mobile = destinations[str(int(route_id) * 10 + 1)]
        assert proper == {"route": route_id, "destination": name, "destination_group": "2",
                          "codes": [{"code1": code, "code2": ""}]}
        assert mobile["destination"] == name + " - Mobile" and mobile["destination_group"] == "1"
        assert 2 <= len(mobile["codes"]) <= 3
        assert all(item["code1"].startswith(code) and len(item["code1"]) == len(code) + 2
                   and item["code2"] == "" for item in mobile["codes"])
    for row in destinations.values():
        assert set(row) == {"route", "destination", "destination_group", "codes"}
        assert row["route"] in routes and row["destination_group"] in GROUPS
        assert all(isinstance(row[key], str) for key in ("route", "destination", "destination_group"))
    # Some routes have a freephone or premium-rate destination, not all.
    assert 2 * len(routes) < len(destinations) < 4 * len(routes)


def test_destinations_are_the_same_for_the_same_seed(make_sim):
    first = make_sim(seed=7).post("pbxware.destination.list")
    assert make_sim(seed=7).post("pbxware.destination.list") == first
    other = make_sim(seed=8).post("pbxware.destination.list")
    assert other != first
    assert {key for key in other if key.endswith(("0", "1"))} == {key for key in first if key.endswith(("0", "1"))}


def test_route_and_group_filters(sim):
    bosnia = sim.post("pbxware.destination.list", route=135)
    assert {row["route"] for row in bosnia.values()} == {"135"} and {"1350", "1351"} <= set(bosnia)
    mobile = sim.post("pbxware.destination.list", route=135, dgroup=1)
    assert list(mobile) == ["1351"] and mobile["1351"]["destination"] == "Bosnia and Herzegovina - Mobile"
    # "Only if route is supplied": dgroup alone filters nothing.
    assert sim.post("pbxware.destination.list", dgroup=1) == sim.post("pbxware.destination.list")
    # Empty answers are arrays.
    assert sim.post("pbxware.destination.list", route=135, dgroup=481) == []
    assert sim.post("pbxware.destination.list", route=99999) == []
    # Empty arguments are no filter.
    assert sim.post("pbxware.destination.list", route="", dgroup="") == sim.post("pbxware.destination.list")


@pytest.mark.parametrize("args,error", [
    ({"route": "US"}, "Field 'route=US' contains invalid data (Regex: /^\\d+$/)"),
    ({"route": 135, "dgroup": "mobile"}, "Field 'dgroup=mobile' contains invalid data (Regex: /^\\d+$/)"),
    ({"server": 2}, "Unknown field 'server' for action pbxware.destination.list"),
])
def test_destination_list_refuses_bad_arguments(sim, args, error):
    assert sim.post("pbxware.destination.list", **args) == {"error": error}


def test_destination_groups_take_no_argument(sim):
    assert sim.post("pbxware.destination.groups", route=135) == {
        "error": "Unknown field 'route' for action pbxware.destination.groups"}


# -- ARI applications -------------------------------------------------------------
def test_ari_list_answers_every_documented_field(sim):
    apps = sim.post("pbxware.ari.list")
    assert list(apps) == ["2", "3"]
    assert apps["2"] == {"id": "2", "name": "wallboard", "description": "Call centre wallboard",
                         "username": "wallboard", "password": "Ari-Wallboard-7", "address": "192.0.2.41"}
    assert all(isinstance(value, str) for app in apps.values() for value in app.values())
    assert sim.post("pbxware.ari.list", server=2) == {"error": "Unknown field 'server' for action pbxware.ari.list"}


def test_ari_tenant_permissions(sim):
    assert sim.post("pbxware.ari.tenant_permissions.list") == {
        "2": {"permission_type": "permit", "applications": ["2", "3"]}}
    # A deleted tenant's permissions go with it; an empty answer is an array.
    assert "success" in sim.post("pbxware.tenant.delete", server=1, id=2)
    assert sim.post("pbxware.ari.tenant_permissions.list") == []


def test_ari_reads_are_not_writes(sim):
    sim.post("pbxware.ari.list")
    sim.post("pbxware.ari.tenant_permissions.list")
    sim.post("pbxware.destination.list", route=135)
    sim.post("pbxware.destination.groups")
    summary = sim.control("GET", "/_sim/requests")[1]
    assert summary["total"] == 4 and summary["writes"] == 0


# -- tenant mode as a live setting --------------------------------------------------
def test_tenant_mode_switches_at_runtime_and_reset_restores_it(sim):
    assert "Tenant mode enabled" in sim.post("pbxware.server.configuration")["error"]
    status, answer = sim.control("POST", "/_sim/settings", {"tenant_mode": False})
    assert status == 200 and answer["settings"]["tenant_mode"] is False
    assert sim.control("GET", "/_sim/health")[1]["tenant_mode"] is False
    assert sim.post("pbxware.server.configuration")["server_name"] == "PBXware"
    assert "Tenant mode disabled" in sim.post("pbxware.tenant.list")["error"]
    # Tenants are out of reach, so are their ARI permissions; system-wide reads are unchanged.
    assert sim.post("pbxware.ari.tenant_permissions.list") == []
    assert list(sim.post("pbxware.ari.list")) == ["2", "3"]
    sim.control("POST", "/_sim/settings", {"tenant_mode": True})
    assert "2" in sim.post("pbxware.tenant.list")
    sim.control("POST", "/_sim/settings", {"tenant_mode": False})
    sim.control("POST", "/_sim/reset")
    assert sim.control("GET", "/_sim/settings")[1]["settings"]["tenant_mode"] is True
    assert "2" in sim.post("pbxware.tenant.list")


def test_single_tenant_start_is_the_startup_setting(make_sim):
    single = make_sim(tenant_mode=False)
    assert single.control("GET", "/_sim/settings")[1]["settings"]["tenant_mode"] is False
    single.control("POST", "/_sim/settings", {"tenant_mode": True})
    single.control("POST", "/_sim/reset")
    assert "server_name" in single.post("pbxware.server.configuration")


@pytest.mark.parametrize("value", ["no", 2, None])
def test_bad_tenant_mode_is_refused(sim, value):
    status, answer = sim.control("POST", "/_sim/settings", {"tenant_mode": value})
    assert status == 400 and "tenant_mode must be true or false" in answer["error"]
    assert sim.control("GET", "/_sim/settings")[1]["settings"]["tenant_mode"] is True
