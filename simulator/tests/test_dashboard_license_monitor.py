"""pbxware.dashboard.*, pbxware.license.* and pbxware.monitor.* against the reference ("Dashboard",
"License", "Monitor"), both dialects: shapes, determinism under the seed, and agreement with the state."""
import copy
import json
import re

import pytest

from pbxware_sim import registry
from pbxware_sim.server import DEFAULT_FIXTURE
from pbxware_sim.state import State

registry.load_objects()

with open(DEFAULT_FIXTURE, encoding="utf-8") as _handle:
    FIXTURE = json.load(_handle)

TENANT, OTHER_TENANT = "2", "3"
SERVER_VIEWS = ("ext_online", "sip_registrations", "calls", "glocom_editions", "glocom_users", "licensing")
MACHINE_VIEWS = ("disk_usage", "cpu", "memory")
MONITOR = ("pbxware.monitor.list", "pbxware.monitor.live_calls")


def make_state(seed=1, tenant_mode=True, extensions=12):
    state = State(copy.deepcopy(FIXTURE), tenant_mode=tenant_mode, seed=seed)
    server = TENANT if tenant_mode else "1"
    for index in range(extensions):
        add_ext(state, server, "User %d" % index, str(100 + index), ua="135" if index % 2 else "50",
                prot="iax" if index == 5 else "sip", location="2" if index == 3 else "1")
    return state


def call(state, action, **args):
    return registry.dispatch(state, [("action", action)] + [(k, str(v)) for k, v in args.items()])


def add_ext(state, server, name, number, **extra):
    answer = call(state, "pbxware.ext.add", server=server, name=name, email="u%s@example.com" % number,
                  ext=number, pin="1234", incominglimit="2", outgoinglimit="2", voicemail="1", secret="Secret-Pw1",
                  **dict({"location": "1", "ua": "50", "prot": "sip", "status": "1"}, **extra))
    assert "error" not in answer, answer
    return answer["id"]


def everything(state, **args):
    """Every answer of the three objects, as a dict (the read-only ones)."""
    answers = {name: call(state, "pbxware.dashboard." + name, **args) for name in SERVER_VIEWS}
    answers.update({name: call(state, "pbxware.dashboard." + name) for name in MACHINE_VIEWS + ("services",)})
    answers.update({action: call(state, action, **args) for action in MONITOR})
    answers.update({name: call(state, name) for name in (
        "pbxware.monitor.trunks", "pbxware.license.info", "pbxware.license.last_refreshed")})
    return answers


@pytest.fixture
def state():
    return make_state()


def test_answers_have_the_reference_shapes(state):
    answers = everything(state, server=TENANT)
    assert answers["ext_online"]["type"] == "Extensions Online" and isinstance(answers["ext_online"]["count"], int)
    assert set(answers["sip_registrations"]) == {"SIP Registrations"}
    assert {k: type(v) for k, v in answers["sip_registrations"]["SIP Registrations"].items()} == {
        "success": int, "failed": int, "lagged": int}
    assert {k: type(v) for k, v in answers["calls"].items()} == {
        "now": int, "last hour": int, "today": int, "answared calls": int}
    assert {k: type(v) for k, v in answers["glocom_editions"].items()} == {
        k: int for k in ("office", "business", "agent", "supervisor", "ios", "android")}
    assert isinstance(answers["glocom_users"]["glocom_users"], int) and len(answers["glocom_users"]) == 1
    assert set(answers["licensing"]) == {"ext", "ivr", "queue", "conference"}
    assert all(set(v) == {"inuse", "max"} and all(isinstance(n, int) for n in v.values())
               for v in answers["licensing"].values())
    for name in MACHINE_VIEWS:
        assert set(answers[name]) == {"inuse"} and re.match(r"^\d{1,3}%$", answers[name]["inuse"]), answers[name]
    assert answers["services"] == {name: "running" for name in (
        "PBXware", "PBXware service", "PBXware proxy", "Push notification", "Chat server", "Memcached")}
    for ext_id, row in answers["pbxware.monitor.list"].items():
        assert ext_id.isdigit() and set(row) == {"name", "ext", "ip", "status", "ua", "dnd", "on_call"}
        assert row["status"] in ("online", "offline") and row["dnd"] in ("true", "false")
        assert row["on_call"] in ("true", "false") and all(isinstance(v, str) for v in row.values())
    assert answers["pbxware.monitor.live_calls"], "the default seed gives this tenant live calls"
    for key, row in answers["pbxware.monitor.live_calls"].items():
        assert re.match(r"^\d{10}\.\d+$", key) and set(row) == {"from", "to", "timestamp"}
        assert row["timestamp"] == key.split(".")[0] and isinstance(row["timestamp"], str)
    assert answers["pbxware.monitor.trunks"] == {"2316": {"name": "TestSIP", "ip": "sip.example.net:5060",
                                                          "status": "online"}}
    assert answers["pbxware.license.info"]["Edition"] == "Multi-Tenant"
    assert all(isinstance(v, str) for v in answers["pbxware.license.info"].values())
    assert re.match(r"^\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2}$",
                    answers["pbxware.license.last_refreshed"]["last_refreshed"])


def test_postman_dialect_sends_booleans_and_numbers(state):
    reference = everything(state, server=TENANT)
    state.live.update({"dialect": "postman"})
    postman = everything(state, server=TENANT)
    for ext_id, row in postman["pbxware.monitor.list"].items():
        assert isinstance(row["dnd"], bool) and isinstance(row["on_call"], bool)
        assert str(row["on_call"]).lower() == reference["pbxware.monitor.list"][ext_id]["on_call"]
    for key, row in postman["pbxware.monitor.live_calls"].items():
        assert row["timestamp"] == int(reference["pbxware.monitor.live_calls"][key]["timestamp"])
    assert {k: v for k, v in postman.items() if not k.startswith("pbxware.monitor.l")} == {
        k: v for k, v in reference.items() if not k.startswith("pbxware.monitor.l")}


def test_same_seed_and_state_give_the_same_answers_another_seed_others():
    first, again, other = make_state(), make_state(), make_state(seed=7)
    assert everything(first) == everything(again)
    assert everything(first, server=TENANT) == everything(again, server=TENANT)
    generated = ("pbxware.monitor.list", "pbxware.monitor.live_calls", "calls", "cpu", "memory", "disk_usage",
                 "pbxware.license.last_refreshed")
    assert any(everything(first)[name] != everything(other)[name] for name in generated)


def test_dashboard_agrees_with_the_monitor(state):
    add_ext(state, TENANT, "Sleeper", "199", status="0")
    listed = call(state, "pbxware.monitor.list", server=TENANT)
    calls = call(state, "pbxware.monitor.live_calls", server=TENANT)
    online = [row for row in listed.values() if row["status"] == "online"]
    assert listed[max(listed, key=int)]["status"] == "offline"  # a disabled extension is never online
    assert call(state, "pbxware.dashboard.ext_online", server=TENANT)["count"] == len(online)
    overview = call(state, "pbxware.dashboard.calls", server=TENANT)
    assert overview["now"] == len(calls)
    assert overview["now"] <= overview["last hour"] <= overview["today"]
    assert overview["now"] <= overview["answared calls"] <= overview["today"]
    sip = call(state, "pbxware.dashboard.sip_registrations", server=TENANT)["SIP Registrations"]
    sip_online = [r for r in online if r["ext"] != "105"]  # 105 is the IAX extension
    assert sip["success"] + sip["lagged"] == len(sip_online) and sip["failed"] <= len(listed) - len(online)
    parties = {p for c in calls.values() for p in (c["from"], c["to"])}
    for row in listed.values():
        assert (row["on_call"] == "true") == ("%s (%s)" % (row["name"], row["ext"]) in parties)
        assert (row["ip"] != "") == (row["status"] == "online") == (row["ua"] != "")
        if row["status"] == "online":
            assert row["ua"] in ("Generic SIP", "Yealink T41")
            assert row["ip"].startswith("203.0.113." if row["ext"] == "103" else "192.168.")
    for row in calls.values():  # callers are online extensions of the tenant; callees too, or a number
        assert row["from"] in {"%s (%s)" % (r["name"], r["ext"]) for r in online}
        assert row["to"].isdigit() or row["to"] in {"%s (%s)" % (r["name"], r["ext"]) for r in online}
    cpu = int(call(state, "pbxware.dashboard.cpu")["inuse"].rstrip("%"))
    assert 0 <= cpu <= 100


def test_server_filter(state):
    add_ext(state, OTHER_TENANT, "Elsewhere", "2000")  # 4-digit tenant
    whole, master, tenant, other = (everything(state), everything(state, server="1"),
                                    everything(state, server=TENANT), everything(state, server=OTHER_TENANT))
    assert whole == master
    for action in MONITOR:
        assert set(tenant[action]) | set(other[action] or {}) == set(whole[action])
        assert all(whole[action][key] == row for key, row in (tenant[action] or {}).items())
    assert whole["ext_online"]["count"] == tenant["ext_online"]["count"] + other["ext_online"]["count"]
    for figure in ("now", "last hour", "today", "answared calls"):
        assert whole["calls"][figure] == tenant["calls"][figure] + other["calls"][figure]
    assert whole["licensing"]["ext"] == {"inuse": 13, "max": 100}  # the license's limit
    assert tenant["licensing"]["ext"] == {"inuse": 12, "max": 20}  # package 1 (Basic) of tenant 2
    assert other["licensing"]["ivr"] == {"inuse": 0, "max": 200}  # package 2 (Business) of tenant 3
    for action in ("pbxware.dashboard.calls", "pbxware.monitor.list", "pbxware.monitor.live_calls"):
        assert call(state, action, server="9") == {"error": "Invalid server ID."}
        assert call(state, action, server="x") == {"error": "Invalid server ID."}


def test_empty_tenant_and_empty_system_answer_empty_lists_and_zeros():
    state = make_state(extensions=0)
    assert call(state, "pbxware.monitor.list", server=OTHER_TENANT) == []
    assert call(state, "pbxware.monitor.live_calls") == []
    assert call(state, "pbxware.dashboard.calls") == {"now": 0, "last hour": 0, "today": 0, "answared calls": 0}
    assert call(state, "pbxware.dashboard.ext_online") == {"type": "Extensions Online", "count": 0}
    state.data["trunks"] = {}
    assert call(state, "pbxware.monitor.trunks") == []


def test_arguments_the_reference_does_not_list_are_refused(state):
    for action in ["pbxware.dashboard.%s" % view for view in MACHINE_VIEWS + ("services",)] + [
            "pbxware.monitor.trunks", "pbxware.license.info", "pbxware.license.last_refreshed",
            "pbxware.license.refresh"]:
        assert call(state, action, server=TENANT) == {"error": "Unknown field 'server' for action %s" % action}


def test_dnd_and_editions_follow_the_extension(state):
    ext_id = add_ext(state, OTHER_TENANT, "Desk", "3000")
    assert call(state, "pbxware.monitor.list", server=OTHER_TENANT)[ext_id]["dnd"] == "false"
    call(state, "pbxware.ext.es.dnd.edit", server=OTHER_TENANT, id=ext_id, dnd="2")
    assert call(state, "pbxware.monitor.list", server=OTHER_TENANT)[ext_id]["dnd"] == "true"
    assert call(state, "pbxware.dashboard.glocom_editions", server=OTHER_TENANT) == dict.fromkeys(
        ("office", "business", "agent", "supervisor", "ios", "android"), 0)
    call(state, "pbxware.ext.editions_modules.set", server=OTHER_TENANT, id=ext_id, editions="office,agent,mobile")
    editions = call(state, "pbxware.dashboard.glocom_editions", server=OTHER_TENANT)
    assert (editions["office"], editions["agent"], editions["business"]) == (1, 1, 0)
    assert editions["ios"] + editions["android"] <= 1
    assert call(state, "pbxware.dashboard.glocom_users", server=OTHER_TENANT)["glocom_users"] in (0, 1)
    many = make_state(extensions=0)
    for index in range(20):
        number = str(100 + index)
        added = add_ext(many, TENANT, "App %d" % index, number)
        call(many, "pbxware.ext.editions_modules.set", server=TENANT, id=added, editions="business,mobile")
    editions = call(many, "pbxware.dashboard.glocom_editions", server=TENANT)
    users = call(many, "pbxware.dashboard.glocom_users", server=TENANT)["glocom_users"]
    assert editions["business"] == 20 and 0 < editions["ios"] + editions["android"] <= 20 and 0 < users < 20


def test_trunk_status_and_address(state):
    trunk = state.collection("trunks")["2316"]
    trunk["options"].update({"host": "192.0.2.7", "transport": "tls"})
    assert call(state, "pbxware.monitor.trunks")["2316"]["ip"] == "192.0.2.7:5061"
    trunk["options"]["host"] = "192.0.2.7:5080"
    assert call(state, "pbxware.monitor.trunks")["2316"]["ip"] == "192.0.2.7:5080"
    trunk["status"] = "0"
    assert call(state, "pbxware.monitor.trunks")["2316"]["status"] == "offline"


def test_license_refresh_is_a_write_that_changes_last_refreshed(state):
    assert registry.lookup("pbxware.license.refresh").write
    assert not any(registry.lookup(a).write for a in registry.ACTIONS
                   if a.startswith(("pbxware.dashboard.", "pbxware.monitor.", "pbxware.license.l",
                                    "pbxware.license.i")))
    before = call(state, "pbxware.license.last_refreshed")["last_refreshed"]
    assert before == call(make_state(), "pbxware.license.last_refreshed")["last_refreshed"]
    assert call(state, "pbxware.license.refresh") == {"status": "License refresh request processed"}
    after = call(state, "pbxware.license.last_refreshed")["last_refreshed"]
    assert after != before and int(after.split()[2]) >= 2026
    state.reset()
    assert call(state, "pbxware.license.last_refreshed")["last_refreshed"] == before


def test_single_tenant_system():
    single = make_state(tenant_mode=False, extensions=4)
    assert call(single, "pbxware.license.info")["Edition"] == "Business"
    assert len(call(single, "pbxware.monitor.list", server="1")) == 4
    assert call(single, "pbxware.dashboard.licensing", server="1")["ext"] == {"inuse": 4, "max": 100}
    assert call(single, "pbxware.monitor.list", server=TENANT) == {"error": "Invalid server ID."}


def test_over_http_with_get_and_post(sim):
    assert sim.get("pbxware.dashboard.services")["Memcached"] == "running"
    assert sim.post("pbxware.monitor.list", server=TENANT) == []
    assert sim.post("pbxware.license.refresh") == {"status": "License refresh request processed"}
