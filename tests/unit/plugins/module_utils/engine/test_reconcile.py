# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The pure engine: compare, write-only and secret handling, check-mode prediction, diff."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine import diff as diffs
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import ColonList
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    choice_map, colon_list, to_bool, to_int, to_lower, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ReconcileError, Resource, identity_key, index_by_identity, plan, read_view)

# A resource shaped like an extension: read and write names differ.
EXT = Resource(
    "extension",
    [
        Field("extension", api="ext", required_on_create=True, create_only=True),
        Field("name", required_on_create=True),
        Field("protocol", api="prot", read="protocol", normalize=to_lower),
        Field("status", read="status", normalize=choice_map({"1": "enabled", "0": "disabled"}),
              to_api=lambda value: 1 if value == "enabled" else 0),
        Field("voicemail", read="options.voicemail", normalize=to_bool),
        Field("incoming_limit", api="incominglimit", read="options.incominglimit", normalize=to_int),
        Field("codecs", api="acodecs", read="options.allow", normalize=colon_list, to_api=ColonList),
        Field("secret", read="options.secret", secret=True),
        Field("password", write_only=True, secret=True),
        Field("send_email", write_only=True, normalize=to_bool),
        Field("email", resend_on_edit=True),
    ],
    identity=["extension"],
    api_object="ext",
    read_method="configuration",
)

API_OBJECT = {
    "name": "User 530", "email": "u530@example.com", "protocol": "sip", "ext": 530, "status": "enabled",
    "options": {"voicemail": "1", "incominglimit": "1", "allow": ["ulaw", "alaw"], "secret": "Old-Secret1"},
}


def current():
    return read_view(EXT, API_OBJECT)


def test_read_view_maps_read_names_and_normalises():
    assert current() == {
        "extension": "530", "name": "User 530", "email": "u530@example.com", "protocol": "sip",
        "status": "enabled", "voicemail": True, "incoming_limit": 1, "codecs": ["ulaw", "alaw"],
        "secret": "Old-Secret1",
    }


def test_create_sends_write_names_and_write_values():
    result = plan(EXT, {"extension": "531", "name": "User 531", "protocol": "SIP", "status": "enabled",
                        "codecs": ["ulaw", "g729"], "password": "pw-123456", "send_email": True})
    assert result.operation == "create"
    assert result.payload == {"ext": "531", "name": "User 531", "prot": "sip", "status": 1,
                              "acodecs": ["ulaw", "g729"], "password": "pw-123456", "send_email": True}
    assert isinstance(result.payload["acodecs"], ColonList)
    assert result.before == {} and result.after["extension"] == "531"


def test_create_names_every_missing_required_argument():
    with pytest.raises(ReconcileError) as info:
        plan(EXT, {"protocol": "sip"})
    assert "requires extension, name" in info.value.message and info.value.parameter == "extension"


def test_same_values_in_other_spellings_are_no_change():
    result = plan(EXT, {"extension": 530, "name": "User 530", "status": "1", "voicemail": "yes",
                        "incoming_limit": "1", "codecs": "ulaw:alaw", "protocol": "SIP"}, current())
    assert result.operation is None and not result.changed
    assert result.payload == {} and result.before == result.after == current()


def test_only_arguments_the_user_set_are_compared():
    # email differs on the server but the user did not set it: no change.
    result = plan(EXT, {"extension": "530", "name": "User 530", "email": None}, current())
    assert not result.changed


def test_update_sends_only_what_differs_plus_resend_fields():
    result = plan(EXT, {"extension": "530", "name": "Reception", "incoming_limit": 2}, current())
    assert result.operation == "update"
    assert result.changes == {"name": ("User 530", "Reception"), "incoming_limit": (1, 2)}
    # email is resent from the current object, unchanged.
    assert result.payload == {"name": "Reception", "incominglimit": 2, "email": "u530@example.com"}


def test_check_mode_prediction_is_current_plus_changes():
    result = plan(EXT, {"extension": "530", "status": "disabled"}, current())
    expected = current()
    expected["status"] = "disabled"
    assert result.after == expected
    assert result.payload == {"status": 0, "email": "u530@example.com"}


def test_write_only_arguments_never_cause_a_change():
    result = plan(EXT, {"extension": "530", "password": "whatever1", "send_email": True}, current())
    assert not result.changed


def test_write_only_arguments_are_sent_when_forced():
    result = plan(EXT, {"extension": "530", "password": "whatever1"}, current(), force_write_only=True)
    assert result.operation == "update" and result.payload["password"] == "whatever1"


def test_create_only_argument_differing_is_an_error_naming_it():
    resource = EXT.extended([Field("ext_length", create_only=True, normalize=to_int)])
    with pytest.raises(ReconcileError) as info:
        plan(resource, {"extension": "530", "ext_length": 4}, dict(current(), ext_length=3))
    assert info.value.parameter == "ext_length" and "cannot be changed" in info.value.message


def test_unknown_option_and_bad_value_are_errors():
    with pytest.raises(ReconcileError, match="no option colour"):
        plan(EXT, {"extension": "530", "colour": "red"}, current())
    with pytest.raises(ReconcileError) as info:
        plan(EXT, {"extension": "530", "incoming_limit": "many"}, current())
    assert info.value.parameter == "incoming_limit"


def test_absent_deletes_when_present_and_is_quiet_when_gone():
    gone = plan(EXT, {"extension": "530"}, None, state="absent")
    assert not gone.changed and gone.before == {} and gone.after == {}
    delete = plan(EXT, {"extension": "530"}, current(), state="absent")
    assert delete.operation == "delete" and delete.before == current() and delete.after == {}


def test_diff_masks_secrets_and_shows_a_changed_secret_as_changed():
    result = plan(EXT, {"extension": "530", "secret": "New-Secret2"}, current())
    shown = diffs.diff(EXT, result)
    assert shown["before"]["secret"] == diffs.MASK
    assert shown["after"]["secret"] == diffs.MASK_CHANGED
    assert "Secret" not in repr(shown)
    assert diffs.proposed(EXT, result) == {"secret": diffs.MASK_CHANGED}


def test_diff_of_unchanged_secret_is_masked_identically():
    result = plan(EXT, {"extension": "530", "name": "X"}, current())
    shown = diffs.diff(EXT, result)
    assert shown["before"]["secret"] == shown["after"]["secret"] == diffs.MASK
    assert "Old-Secret1" not in repr(shown)


def test_forced_write_only_secret_is_masked_in_after():
    result = plan(EXT, {"extension": "530", "password": "pw-zzz-123"}, current(), force_write_only=True)
    shown = diffs.diff(EXT, result)
    assert "password" not in shown["before"] and shown["after"]["password"] == diffs.MASK_CHANGED
    assert "pw-zzz" not in repr(shown)


def test_one_list_read_reconciles_many_objects():
    rows = {"1": {"ext": "530", "name": "A"}, "7": {"ext": 531, "name": "B"}}
    index = index_by_identity(EXT, rows)
    assert set(index) == {("530",), ("531",)}
    assert index[identity_key(EXT, {"extension": to_str(531)})][0] == "7"


def test_resource_declaration_errors_are_caught_early():
    with pytest.raises(ValueError, match="duplicate"):
        Resource("x", [Field("a"), Field("a")], identity=["a"])
    with pytest.raises(ValueError, match="identity"):
        Resource("x", [Field("a")], identity=["b"])
    assert EXT.action("edit") == "pbxware.ext.edit"


def test_send_with_brings_the_current_companion_value():
    resource = Resource("DID", [Field("number"), Field("kind", send_with=("destination",)), Field("destination"),
                                Field("name")], identity=["number"])
    current = {"number": "1", "kind": "extension", "destination": "100", "name": "A"}
    assert plan(resource, {"number": "1", "kind": "voicemail"}, current).payload == {
        "kind": "voicemail", "destination": "100"}
    assert plan(resource, {"number": "1", "name": "B"}, current).payload == {"name": "B"}


def test_create_default_fills_creation_only():
    resource = Resource("DID", [Field("number"), Field("enabled", normalize=to_bool, create_default=True)],
                        identity=["number"])
    assert plan(resource, {"number": "1"}).payload == {"number": "1", "enabled": True}
    assert plan(resource, {"number": "1", "enabled": False}).payload == {"number": "1", "enabled": False}
    assert not plan(resource, {"number": "1"}, {"number": "1", "enabled": False}).changed


def test_a_field_the_server_does_not_return_is_not_compared():
    current = read_view(EXT, dict((key, value) for key, value in API_OBJECT.items() if key != "email"))
    assert "email" not in current
    assert not plan(EXT, {"extension": "530", "email": "new@example.com"}, current).changed
    forced = plan(EXT, {"extension": "530", "email": "new@example.com"}, current, force_write_only=True)
    assert forced.payload["email"] == "new@example.com"


def test_an_extended_resource_keeps_every_setting():
    base = Resource("thing", [Field("a")], identity=["a"], api_object="thing", read_method="configuration",
                    master_server_actions=("add",), settle=(20, 2), refused_create_hint="why")
    copy = base.extended([Field("b")])
    assert sorted(copy.by_name) == ["a", "b"] and sorted(base.by_name) == ["a"]
    for attribute in vars(base):
        if attribute not in ("fields", "by_name"):
            assert getattr(copy, attribute) == getattr(base, attribute), attribute
