# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""SMS trunks and the SMS trunk of each tenant: resource tables, checks, name lookups.

SMS trunks are system-wide (no ``server``): ``pbxware.sms.trunks.list`` reads name and
provider, ``pbxware.sms.trunks.configuration`` the rest, "the same trunk information that is
sent via the Add/Edit request" (reference) - credentials included, but only those of the
trunk's current provider. Each provider has its own arguments; the module options carry the
provider's name (``twilio_auth_token``) because two providers share API names (``api_key``,
``username``) and ``api_key`` is the connection option.

A tenant uses one SMS trunk (``pbxware.sms.trunks.tenants.*``): the list reads it by name
(``null`` when none), ``set`` writes its ID as ``id`` and the tenant as ``tenant``.
"""

import difflib
import re

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.normalize import (
    collection, ident, to_bool, to_int, to_str)
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.reconcile import (
    Field, ReconcileError, Resource, read_view)

# Provider -> its (module option, API argument) pairs, as the reference lists them; ozsms comes
# from the vendor's Postman collection only.
PROVIDERS = {
    "telnyx": (("telnyx_api_key", "api_key"), ("telnyx_public_key", "public_key"),
               ("telnyx_messaging_profile_id", "messaging_profile_id")),
    "bandwidth": (("bandwidth_username", "username"), ("bandwidth_password", "password"),
                  ("bandwidth_user_id", "user_id"), ("bandwidth_app_id", "app_id")),
    "twilio": (("twilio_account_sid", "account_sid"), ("twilio_auth_token", "auth_token")),
    "vi": (("vi_secret", "secret"), ("vi_login", "login")),
    "ozsms": (("ozsms_api_key", "api_key"), ("ozsms_username", "username")),
}
PROVIDER_OF = dict((option, provider) for provider, pairs in PROVIDERS.items() for option, api in pairs)
PROVIDER_OPTIONS = tuple(option for pairs in PROVIDERS.values() for option, api in pairs)
SECRET_OPTIONS = frozenset(("telnyx_api_key", "bandwidth_password", "twilio_auth_token", "vi_secret",
                            "ozsms_api_key"))
# The reference marks every argument of these providers required; Postman marks none of ozsms'.
REQUIRED_PROVIDERS = ("telnyx", "bandwidth", "twilio", "vi")
DIGITS = re.compile(r"^\d+$")


def national_prefix(value):
    """Written "without + prefix" (reference), read as ``+49`` in its example: compared without it."""
    text = to_str(value)
    return text.lstrip("+") if text is not None else None


def provider_options(provider):
    return [option for option, api in PROVIDERS.get(provider, ())]


def sms_trunk_resource(provider):
    """The SMS trunk table with the arguments of ``provider`` (none for ``None``).

    Sending the provider sends its arguments too: a changed provider needs all of them.
    """
    own = PROVIDERS.get(provider, ())
    fields = [
        Field("name", required_on_create=True),
        Field("provider", required_on_create=True, send_with=[option for option, api in own]),
        Field("enabled", normalize=to_bool, create_default=True),
        Field("national_prefix", normalize=national_prefix),
        Field("description"),
    ]
    fields += [Field(option, api=api, secret=option in SECRET_OPTIONS,
                     required_on_create=provider in REQUIRED_PROVIDERS) for option, api in own]
    return Resource("SMS trunk", fields, identity=["name"], api_object="sms.trunks", read_method="configuration")


def validate_sms_trunk(params):
    """Refuse, before any API call, arguments of another provider and a malformed prefix."""
    provider = params.get("provider")
    for option in PROVIDER_OPTIONS:
        if params.get(option) is not None and provider is not None and PROVIDER_OF[option] != provider:
            raise ReconcileError("%s is an argument of provider %s, not of %s (%s takes: %s)"
                                 % (option, PROVIDER_OF[option], provider, provider,
                                    ", ".join(provider_options(provider))), option)
    prefix = national_prefix(params.get("national_prefix"))
    if prefix and not DIGITS.match(prefix):
        raise ReconcileError("national_prefix must be digits (a leading + is dropped), got %r"
                             % params.get("national_prefix"), "national_prefix")


def provider_change_resolver():
    """Refuse, before any write, a provider change that lacks an argument the new provider requires.

    Its arguments cannot be compared (the configuration shows the old provider's), so all are sent.
    """

    def resolve(params, raw):
        provider = params.get("provider")
        if raw is None or provider is None or provider == to_str(raw.get("provider")):
            return params
        missing = [option for option in provider_options(provider)
                   if provider in REQUIRED_PROVIDERS and params.get(option) is None]
        if missing:
            raise ReconcileError("changing the provider of SMS trunk %s from %s to %s requires %s"
                                 % (params.get("name"), raw.get("provider"), provider, ", ".join(missing)),
                                 missing[0])
        return params

    return resolve


def sms_trunk_item(trunk_id, raw):
    """One SMS trunk as ``pbxware_sms_trunk`` takes it, with its ``id`` and without credentials."""
    resource = sms_trunk_resource(to_str(raw.get("provider")))
    view = read_view(resource, raw)
    for name in resource.secret_names:
        view.pop(name, None)
    return dict(view, id=ident(trunk_id))


# -- the SMS trunk of a tenant ---------------------------------------------------------


class SmsTrunkNames(object):
    """``sms.trunks.tenants.list`` reads an SMS trunk's name, ``set`` writes its ID: compared as names."""

    def __init__(self, trunk_list):
        self.names = dict((ident(trunk_id), to_str(row.get("name")))
                          for trunk_id, row in collection(trunk_list).items())
        self.ids = dict((name.lower(), trunk_id) for trunk_id, name in self.names.items() if name)

    def name(self, value):
        """The trunk's name from its name (any case) or ID; ``""`` for none (read as ``null``)."""
        text = to_str(value)
        if not text:
            return ""
        if text in self.names:
            return self.names[text]
        if text.lower() in self.ids:
            return self.names[self.ids[text.lower()]]
        known = sorted(name for name in self.names.values() if name)
        close = difflib.get_close_matches(text, known, n=3, cutoff=0.4)
        raise ValueError("%r is not the name or ID of an SMS trunk on this PBXware; %s"
                         % (text, "closest: %s" % ", ".join(close) if close else "known: %s" % (", ".join(known) or "none")))

    def trunk_id(self, name):
        return self.ids[name.lower()] if name else ""


def tenant_sms_trunk_resource(trunk_names):
    """Rows of ``sms.trunks.tenants.list`` are keyed by tenant ID; every tenant has one (``null`` = none)."""
    return Resource(
        "tenant SMS trunk",
        [Field("tenant_id", api="tenant", read="tenant_id", normalize=to_int),
         Field("sms_trunk", api="id", read="name", normalize=trunk_names.name, to_api=trunk_names.trunk_id)],
        identity=["tenant_id"], api_object="sms.trunks.tenants", key_field="tenant_id", id_param="tenant",
        write_methods={"update": "set"})


def tenant_sms_trunk_items(answer):
    """``sms.trunks.tenants.list`` as ``pbxware_tenant_sms_trunk`` takes it: one item per tenant."""
    return [{"tenant_id": to_int(tenant_id), "sms_trunk": to_str(row.get("name")) or ""}
            for tenant_id, row in sorted(collection(answer).items(), key=lambda pair: int(pair[0]))]
