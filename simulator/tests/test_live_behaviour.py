"""Live-server behaviour switches: --codec-suffixes, --tenant-ready-delay, --tenant-edit-lag (and aach)."""
import time

import pytest

from pbxware_sim.cli import parse_args

NEW = {"tenant_name": "fresh.example.com", "tenant_code": "808", "package": "1", "ext_length": "3",
       "country": "869", "national": "1", "international": "011"}
EXT = {"name": "User", "email": "user@example.com", "location": 1, "ua": 50, "status": 1, "pin": "1234",
       "incominglimit": 1, "outgoinglimit": 1, "voicemail": 0, "prot": "sip", "secret": "Secret-Pw1"}
DELAY = 0.3


def settings(client, **changes):
    if changes:
        status, answer = client.control("POST", "/_sim/settings", changes)
    else:
        status, answer = client.control("GET", "/_sim/settings")
    assert status == 200, answer
    return answer["settings"]


def add_ext(client, server, **args):
    return client.post("pbxware.ext.add", server=server, **dict(EXT, **args))


# --- defaults and the control endpoint --------------------------------------

def test_defaults_are_off(sim):
    assert settings(sim) == {"codec_suffixes": False, "tenant_ready_delay": 0.0, "tenant_edit_lag": 0.0,
                             "dialect": "reference", "edit_semantics": "partial", "ivr_keymap_shape": "reference",
                             "tenant_mode": True}
    assert sim.control("GET", "/_sim/health")[1]["settings"]["codec_suffixes"] is False
    tenant_id = sim.post("pbxware.tenant.add", **NEW)["id"]
    assert add_ext(sim, tenant_id)["ext"] == 100  # at once
    sim.post("pbxware.tenant.edit", server=1, id=tenant_id, tenant_name="edited.example.com")
    assert sim.post("pbxware.tenant.list")[str(tenant_id)]["name"] == "edited.example.com"


def test_cli_options_parse():
    args = parse_args(["--api-key", "k" * 12, "--codec-suffixes", "--tenant-ready-delay", "2.5",
                       "--tenant-edit-lag", "1"])
    assert (args.codec_suffixes, args.tenant_ready_delay, args.tenant_edit_lag) == (True, 2.5, 1.0)
    args = parse_args(["--api-key", "k" * 12])
    assert (args.codec_suffixes, args.tenant_ready_delay, args.tenant_edit_lag) == (False, 0.0, 0.0)


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_cli_rejects_bad_seconds(value, capsys):
    with pytest.raises(SystemExit):
        parse_args(["--api-key", "k" * 12, "--tenant-edit-lag", value])
    assert "seconds >= 0" in capsys.readouterr().err


def test_cli_flags_reach_the_server(run_cli):
    process = run_cli("--codec-suffixes", "--tenant-ready-delay", "30", "--tenant-edit-lag", "0.5")
    assert process.client.control("GET", "/_sim/settings")[1]["settings"] == {
        "codec_suffixes": True, "tenant_ready_delay": 30.0, "tenant_edit_lag": 0.5, "dialect": "reference",
        "edit_semantics": "partial", "ivr_keymap_shape": "reference", "tenant_mode": True}


@pytest.mark.parametrize("payload", [{"bogus": 1}, {"tenant_edit_lag": -1}, {"tenant_ready_delay": "1"},
                                     {"codec_suffixes": "yes"}, ["codec_suffixes"], {"tenant_edit_lag": True}])
def test_bad_settings_are_refused_and_change_nothing(sim, payload):
    status, answer = sim.control("POST", "/_sim/settings", payload)
    assert status == 400 and answer["error"].startswith("bad settings")
    assert settings(sim)["tenant_edit_lag"] == 0.0


def test_reset_restores_startup_settings(make_sim):
    client = make_sim(tenant_edit_lag=5.0)
    assert settings(client, codec_suffixes=True, tenant_edit_lag=0) == {
        "codec_suffixes": True, "tenant_ready_delay": 0.0, "tenant_edit_lag": 0.0, "dialect": "reference",
        "edit_semantics": "partial", "ivr_keymap_shape": "reference", "tenant_mode": True}
    client.control("POST", "/_sim/reset")
    assert settings(client) == {"codec_suffixes": False, "tenant_ready_delay": 0.0, "tenant_edit_lag": 5.0,
                                "dialect": "reference", "edit_semantics": "partial", "ivr_keymap_shape": "reference",
                                "tenant_mode": True}


# --- codec suffixes ----------------------------------------------------------

def test_codec_suffixes_on_extension_and_tenant_reads(make_sim):
    client = make_sim(codec_suffixes=True)
    ext_id = add_ext(client, 2, acodecs="ulaw:alaw")["id"]
    options = client.post("pbxware.ext.configuration", server=2, id=ext_id)[ext_id]["options"]
    assert options["allow"] == ["ulaw,0", "alaw,0"]
    config = client.post("pbxware.tenant.configuration", id=2)
    assert config["local_codecs"] == ["ulaw,0", "alaw,0"]
    assert config["remote_codecs"] == ["ulaw,0", "alaw,0", "g729,0"]
    # Only reads carry the suffix: writes take plain names and the stored names stay plain.
    client.post("pbxware.tenant.edit", server=1, id=2, localcodecs="alaw")
    assert client.post("pbxware.tenant.configuration", id=2)["local_codecs"] == ["alaw,0"]
    assert client.control("GET", "/_sim/state")[1]["extensions"][ext_id]["allow"] == ["ulaw", "alaw"]
    # Trunks always carry their ptime: unchanged by the switch.
    trunk = client.post("pbxware.trunk.configuration", server=1, trunkid=2316)
    assert trunk["2316"]["options"]["allow"] == ["ulaw,20", "alaw,20"]


def test_codec_suffixes_at_runtime(sim):
    ext_id = add_ext(sim, 2, acodecs="ulaw")["id"]

    def allow():
        return sim.post("pbxware.ext.configuration", server=2, id=ext_id)[ext_id]["options"]["allow"]

    assert allow() == ["ulaw"]
    settings(sim, codec_suffixes=True)
    assert allow() == ["ulaw,0"]
    settings(sim, codec_suffixes=False)
    assert allow() == ["ulaw"]


# --- tenant ready delay ------------------------------------------------------

def test_new_tenant_refuses_extensions_until_ready(make_sim):
    client = make_sim(tenant_ready_delay=DELAY)
    started = time.monotonic()
    tenant_id = client.post("pbxware.tenant.add", **NEW)["id"]
    answer = add_ext(client, tenant_id)
    assert set(answer) == {"error"} and "not ready" in answer["error"]
    assert time.monotonic() - started < DELAY, "too slow to test the delay"
    assert client.post("pbxware.ext.list", server=tenant_id) == []  # nothing was created
    assert add_ext(client, 2)["ext"] == 100  # existing tenants are not affected
    time.sleep(DELAY - (time.monotonic() - started) + 0.05)
    assert add_ext(client, tenant_id) == {"success": "Extension ID: 2", "id": "2", "ext": 100}
    entries = client.sim.log.summary()["entries"]
    assert [e["outcome"] for e in entries if e["action"] == "pbxware.ext.add"] == ["error", "ok", "ok"]


def test_ready_delay_set_at_runtime_counts_from_tenant_add(sim):
    tenant_id = sim.post("pbxware.tenant.add", **NEW)["id"]
    settings(sim, tenant_ready_delay=60)
    assert "error" in add_ext(sim, tenant_id)
    settings(sim, tenant_ready_delay=0)
    assert "success" in add_ext(sim, tenant_id)


# --- tenant edit lag ---------------------------------------------------------

def test_tenant_edit_applies_after_lag(make_sim):
    client = make_sim(tenant_edit_lag=DELAY)
    started = time.monotonic()
    answer = client.post("pbxware.tenant.edit", server=1, id=2, tenant_name="late.example.com",
                         local_channels=20, auto_attendants=12)
    assert answer == {"success": "Tenant ID: 2", "id": "2"}
    listed = client.post("pbxware.tenant.list")["2"]
    config = client.post("pbxware.tenant.configuration", id=2)
    assert time.monotonic() - started < DELAY, "too slow to test the lag"
    assert listed["name"] == "t1.example.com"
    assert (config["server_name"], config["incominglimit"], config["aach"]) == ("t1.example.com", "8", "8")
    time.sleep(DELAY - (time.monotonic() - started) + 0.05)
    assert client.post("pbxware.tenant.list")["2"]["name"] == "late.example.com"
    config = client.post("pbxware.tenant.configuration", id=2)
    assert (config["server_name"], config["incominglimit"], config["aach"]) == ("late.example.com", "20", "12")


def test_successive_edits_land_in_order(make_sim):
    client = make_sim(tenant_edit_lag=DELAY)
    client.post("pbxware.tenant.edit", server=1, id=2, conferences=11)
    time.sleep(DELAY / 2)
    client.post("pbxware.tenant.edit", server=1, id=2, conferences=12)
    assert client.post("pbxware.tenant.configuration", id=2)["conch"] == "8"
    time.sleep(DELAY / 2 + 0.05)  # the first edit has landed, not the second
    assert client.post("pbxware.tenant.configuration", id=2)["conch"] == "11"
    time.sleep(DELAY / 2)
    assert client.post("pbxware.tenant.configuration", id=2)["conch"] == "12"
    assert client.sim.state.tenant_views == {}


def test_edit_lag_affects_reads_only(make_sim):
    client = make_sim(tenant_edit_lag=30)
    client.post("pbxware.tenant.edit", server=1, id=2, tenant_code="345")
    assert client.post("pbxware.tenant.list")["2"]["tenantcode"] == "344"
    # The server already works with the new values: the old code is free, the new one taken.
    assert client.post("pbxware.tenant.edit", server=1, id=3, tenant_code="345") == {
        "error": "Tenant code 345 already exists."}
    assert client.control("GET", "/_sim/state")[1]["tenants"]["2"]["tenantcode"] == "345"
    client.post("pbxware.tenant.delete", server=1, id=2)
    assert client.sim.state.tenant_views == {}
    assert "2" not in client.post("pbxware.tenant.list")


# --- aach ----------------------------------------------------------------------

def test_aach_defaults_to_8_and_reads_under_its_write_names(make_sim):
    strict = make_sim()
    tenant_id = strict.post("pbxware.tenant.add", **NEW)["id"]
    config = strict.post("pbxware.tenant.configuration", id=tenant_id)
    assert config["aach"] == "8" and "auto_attendants" not in config
    strict.post("pbxware.tenant.edit", server=1, id=tenant_id, auto_attendants=14)  # documented write name
    assert strict.post("pbxware.tenant.configuration", id=tenant_id)["aach"] == "14"
    # aach as a write name is observed live but undocumented: strict mode refuses it.
    assert strict.post("pbxware.tenant.edit", server=1, id=tenant_id, aach=15)["error"] == (
        "Unknown field 'aach' for action pbxware.tenant.edit")
    loose = make_sim(strict=False)
    tenant_id = loose.post("pbxware.tenant.add", **dict(NEW, aach=16))["id"]
    assert loose.post("pbxware.tenant.configuration", id=tenant_id)["aach"] == "16"
    loose.post("pbxware.tenant.edit", server=1, id=tenant_id, aach=17)
    assert loose.post("pbxware.tenant.configuration", id=tenant_id)["aach"] == "17"
