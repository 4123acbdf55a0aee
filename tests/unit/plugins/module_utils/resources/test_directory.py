# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Directory reads: routes, rating destinations and their groups, ARI applications and permissions."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.directory import (
    ari_application_rows, ari_permission_rows, check_filters, destination_group_rows, destination_rows,
    filter_routes, matches, resolve_destination_group, resolve_route, route_rows)

# The reference's examples.
ROUTES = {"1": ["93", "Afghanistan"], "179": ["1", "Canada"], "869": ["1", "United States"],
          "135": ["387", "Bosnia and Herzegovina"]}
GROUPS = {"1": "mobile", "2": "proper", "17": "freephone", "826": "Mobile - 02"}
DESTINATIONS = {"135": {"route": "135", "destination": "GSM BiH", "destination_group": "1",
                        "codes": [{"code1": "38762", "code2": ""}, {"code1": "38761", "code2": ""}]}}
ARI = {"3": {"name": "ari_app", "description": "description for ARI app"},
       "2": {"id": "2", "name": "test", "description": "description for ARI app", "username": "remote",
             "password": "Ari-Secret-1", "address": "192.0.2.7"}}
PERMISSIONS = {"5": {"permission_type": "deny", "applications": ["3", "4"]},
               "2": {"permission_type": "permit", "applications": ["2", 3]}}


def test_routes_in_id_order_from_either_row_shape():
    rows = route_rows(dict(ROUTES, **{"42": {"code": 61, "name": "Australia"}}))
    assert [row["id"] for row in rows] == ["1", "42", "135", "179", "869"]
    assert rows[1] == {"id": "42", "code": "61", "name": "Australia"}
    assert rows[0] == {"id": "1", "code": "93", "name": "Afghanistan"}
    assert route_rows([]) == []


def test_a_route_row_of_another_shape_is_unexpected_data():
    with pytest.raises(ValueError, match="route 7"):
        route_rows({"7": "Atlantis"})


@pytest.mark.parametrize("names,codes,expected", [
    (None, None, ["1", "135", "179", "869"]),
    (["united states", "135"], None, ["135", "869"]),
    (None, ["+1"], ["179", "869"]),
    (["Canada"], ["1"], ["179"]),
    (["Canada"], ["387"], []),
    (["Atlantis"], None, []),
    # A route ID is not a dialling code: "1" names Afghanistan.
    (["1"], None, ["1"]),
])
def test_route_filters(names, codes, expected):
    assert [row["id"] for row in filter_routes(route_rows(ROUTES), names, codes)] == expected


def test_a_route_is_resolved_by_country_name():
    rows = route_rows(ROUTES)
    assert resolve_route(rows, "bosnia and herzegovina") == "135"
    with pytest.raises(ReconcileError) as err:
        resolve_route(rows, "Bosnia")
    assert err.value.parameter == "route" and "closest: Bosnia and Herzegovina" in err.value.message


def test_destination_groups_resolve_by_id_or_name():
    groups = destination_group_rows(GROUPS)
    assert groups == [{"id": "1", "name": "mobile"}, {"id": "2", "name": "proper"}, {"id": "17", "name": "freephone"},
                      {"id": "826", "name": "Mobile - 02"}]
    assert resolve_destination_group(groups, "MOBILE") == "1"
    assert resolve_destination_group(groups, "17") == "17"
    assert resolve_destination_group(groups, "mobile - 02") == "826"
    with pytest.raises(ReconcileError) as err:
        resolve_destination_group(groups, "pager")
    assert err.value.parameter == "destination_group" and "pager" in err.value.message
    with pytest.raises(ReconcileError):
        resolve_destination_group(groups, "481")


def test_destinations_name_their_group():
    groups = destination_group_rows(GROUPS)
    assert destination_rows(DESTINATIONS, groups) == [{
        "id": "135", "name": "GSM BiH", "route_id": "135", "destination_group_id": "1", "destination_group": "mobile",
        "codes": [{"code1": "38762", "code2": ""}, {"code1": "38761", "code2": ""}]}]
    unknown_group = {"9": {"route": 869, "destination": "USA", "destination_group": 38, "codes": []}}
    row, = destination_rows(unknown_group, groups)
    assert (row["route_id"], row["destination_group_id"], row["destination_group"], row["codes"]) == (
        "869", "38", None, [])
    assert destination_rows([], groups) == []


def test_ari_applications_never_carry_the_password():
    rows = ari_application_rows(ARI)
    assert rows == [{"id": "2", "name": "test", "description": "description for ARI app", "username": "remote",
                     "address": "192.0.2.7"},
                    {"id": "3", "name": "ari_app", "description": "description for ARI app", "username": None,
                     "address": None}]
    assert "Ari-Secret-1" not in repr(rows)
    assert ari_application_rows([]) == []


def test_ari_permissions_by_tenant_with_application_names():
    rows = ari_permission_rows(PERMISSIONS, ari_application_rows(ARI))
    assert rows == [
        {"tenant_id": 2, "permission_type": "permit",
         "applications": [{"id": "2", "name": "test"}, {"id": "3", "name": "ari_app"}]},
        {"tenant_id": 5, "permission_type": "deny",
         "applications": [{"id": "3", "name": "ari_app"}, {"id": "4", "name": None}]}]
    assert ari_permission_rows([], []) == []


def test_matches_is_case_insensitive_and_all_without_filter():
    assert matches(None, "x") and matches([], "x")
    assert matches(["GSM bih"], "135", "GSM BiH")
    assert not matches(["GSM"], "135", "GSM BiH")
    assert not matches(["x"], None)


@pytest.mark.parametrize("params,parameter", [
    ({"names": []}, "names"),
    ({"names": ["ok", ""]}, "names"),
    ({"names": [" "]}, "names"),
    ({"route": ""}, "route"),
])
def test_empty_filters_are_refused(params, parameter):
    with pytest.raises(ReconcileError) as err:
        check_filters(params, ("names", "route"))
    assert err.value.parameter == parameter


def test_absent_filters_pass():
    check_filters({"names": None, "route": "135"}, ("names", "route", "codes"))
