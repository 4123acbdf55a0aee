# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""UADs: a toggle whose direction is the write method."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import ReconcileError
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.runner import Converger
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.uads import find_uad_id, uad_resource, uad_rows

LIST = {"135": {"name": "yealinkt41", "fullname": "Yealink T41", "enabled": True},
        "136": {"name": "yealinkt42g", "fullname": "Yealink T42G", "enabled": False}}


class FakeUads(object):
    """uads.list over a dict that activate/deactivate change."""

    def __init__(self):
        self.uads = dict((key, dict(row)) for key, row in LIST.items())
        self.reads, self.writes = [], []

    def read(self, action, params=None):
        self.reads.append((action, params))
        return self.uads

    def write(self, action, params=None):
        self.writes.append((action, dict(params)))
        self.uads[params["id"]]["enabled"] = action.endswith(".activate")
        return {"success": "UAD: %s." % params["id"], "id": params["id"]}


@pytest.mark.parametrize("uad_id,state,action", [("136", "enabled", "pbxware.uads.activate"),
                                                 ("135", "disabled", "pbxware.uads.deactivate")])
def test_the_wanted_state_picks_the_method(uad_id, state, action):
    api = FakeUads()
    result = Converger(api, uad_resource(state)).converge({"id": uad_id, "state": state})
    assert result["changed"] and result["proposed"] == {"state": state}
    assert api.writes == [(action, {"server": "1", "id": uad_id})]
    assert result["after"]["state"] == state
    assert not Converger(api, uad_resource(state)).converge({"id": uad_id, "state": state})["changed"]
    assert len(api.writes) == 1
    assert all(params is None or "server" not in params for action, params in api.reads)


def test_check_mode_writes_nothing():
    api = FakeUads()
    result = Converger(api, uad_resource("enabled")).converge({"id": "136", "state": "enabled"}, check_mode=True)
    assert result["changed"] and result["before"]["state"] == "disabled" and api.writes == []


def test_info_rows_and_lookup():
    api = FakeUads()
    rows = uad_rows(api.read("pbxware.uads.list"))
    assert rows[0] == {"id": "135", "name": "yealinkt41", "fullname": "Yealink T41", "state": "enabled"}
    for name in ("yealinkt42g", "YEALINK T42G", "136"):
        assert find_uad_id(api, name) == "136"
    # An info item as it is: every key must name the same UAD.
    assert find_uad_id(api, "yealinkt41", "135", "Yealink T41") == "135"


@pytest.mark.parametrize("name,uad_id,fullname,parameter", [
    ("yealinkt46", None, None, "name"), (None, "999", None, "id"),
    ("yealinkt42g", "135", None, "name"), ("yealinkt41", None, "Yealink T-41", "fullname")])
def test_lookup_refuses_what_names_no_single_uad(name, uad_id, fullname, parameter):
    with pytest.raises(ReconcileError) as err:
        find_uad_id(FakeUads(), name, uad_id, fullname)
    assert err.value.parameter == parameter
