# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one secret-masking rule set (modules, diffs, errors and the inventory)."""

import pytest

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import (
    MASK, is_secret_key, mask_settings, scrub)
from ansible_collections.bicom.pbxware.plugins.module_utils.resources.extensions import EXTENSION


@pytest.mark.parametrize("key", [
    "secret", "pin", "pbd_pin", "auth", "peer_secret", "apikey", "api_key", "appassword", "apusername",
    "ldap_password", "ldappassword", "some_password", "sms_token", "passwd", "voicemail_pin", "SIPSecret",
])
def test_secret_keys(key):
    assert is_secret_key(key)


@pytest.mark.parametrize("key", [
    # Flags and plain settings whose names merely contain a secret word's letters.
    "voiceskippin", "require_pin", "requirepin", "pins", "spinning", "recordformat", "server_name", "tenantcid",
    "passthrough", "pbd_pin_length", "password_policy", "pin_attempts",
])
def test_not_secret_keys(key):
    assert not is_secret_key(key)


def test_mask_settings_masks_values_not_flags():
    settings = {"voiceskippin": "1", "pbd_pin": "1234", "appassword": "", "nested": {"ldap_password": "x"}}
    assert mask_settings(settings) == {"voiceskippin": "1", "pbd_pin": MASK, "appassword": "",
                                       "nested": {"ldap_password": MASK}}
    assert mask_settings(settings, reveal=True) is settings


def test_declared_secrets_follow_the_same_rule():
    # Every field an extension declares secret is secret by name too, so a
    # configuration read without the table masks the same values.
    assert EXTENSION.secret_names
    for name in EXTENSION.secret_names:
        assert is_secret_key(name.split(".")[-1]), name


def test_scrub_every_form_of_every_secret():
    key = "a/b c+d"
    text = "url?apikey=a%2Fb%20c%2Bd and a%2Fb+c%2Bd and a/b c+d, pin 4321"
    scrubbed = scrub(text, key, "4321", None, "")
    assert key not in scrubbed and "a%2Fb" not in scrubbed and "4321" not in scrubbed
    assert scrubbed.count(MASK) == 4
