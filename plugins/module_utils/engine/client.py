# -*- coding: utf-8 -*-
# Copyright: Contributors to the bicom.pbxware collection
# GNU General Public License v3.0+ (see LICENSE or https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The one HTTP client every module and plugin uses to talk to PBXware.

POST, form-encoded, with ``apikey`` in the body so the key never lands in a
URL, proxy log or shell history. Reads are retried with backoff on transient
faults; writes are sent once (see :meth:`PBXwareClient.call`).
"""

import json
import os
import random
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import parse_qsl, urlsplit

try:
    import requests
    from urllib3.exceptions import NewConnectionError
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError as exc:  # pragma: no cover - exercised by the sanity import test
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = exc

from ansible_collections.bicom.pbxware.plugins.module_utils.engine.encoding import encode_params
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.masking import scrub
from ansible_collections.bicom.pbxware.plugins.module_utils.engine.version import COLLECTION_VERSION

# Methods (an action's last name part) that only read: every such method of the reference's actions.
# Anything else is treated as a write and never re-sent: add, edit, delete, set, set_osc, balance,
# members (pbxware.erg.members sets the members), additional_macs, reset_inclusive_*, activate, deactivate,
# refresh (license), start/stop/pause/unpause (recording), send_message, and any method not listed here.
READ_METHODS = frozenset((
    "list", "configuration", "get", "get_osc", "providers", "groups",
    "billing", "billing_history", "billing_info", "call_rating", "call_rating_history", "call_rating_info",
    "sms_rating_info", "slaves", "rates", "calls", "cpu", "memory",
    "services", "disk_usage", "ext_online", "sip_registrations", "licensing", "glocom_editions", "glocom_users",
    "billamount", "mos", "download", "info", "last_refreshed", "live_calls", "trunks", "bulk_list",
))

RETRY_STATUSES = frozenset((429, 500, 502, 503, 504))
# An HTML form with a password field: a login page, never the API.
LOGIN_FORM = re.compile(r"<input[^>]*type\s*=\s*[\"']?password", re.IGNORECASE)
MAX_RETRY_AFTER = 30.0
BODY_EXCERPT = 200


class PBXwareError(Exception):
    """Base of every error the client raises; ``str()`` is safe to show users."""

    def __init__(self, message, action=None):
        super(PBXwareError, self).__init__(message)
        self.message = message
        self.action = action


class PBXwareApiError(PBXwareError):
    """The server answered ``{"error": ...}`` (HTTP 200, the API's failure style)."""

    def __init__(self, action, server_message):
        super(PBXwareApiError, self).__init__(
            "PBXware API action %s failed: %s" % (action, server_message), action)
        self.server_message = server_message


class PBXwareResponseError(PBXwareError):
    """The answer was not usable JSON, or came with an HTTP error status."""

    def __init__(self, message, action=None, status=None, transient=False):
        super(PBXwareResponseError, self).__init__(message, action)
        self.status = status
        self.transient = transient


class PBXwareTransportError(PBXwareError):
    """No answer: connection refused or dropped, or a timeout."""

    def __init__(self, message, action=None, reached_server=True, transient=True):
        super(PBXwareTransportError, self).__init__(message, action)
        # False only when the request provably never left (connect failed):
        # a write that may have reached the server must be looked up, not re-sent.
        self.reached_server = reached_server
        self.transient = transient


def is_read_action(action):
    return action.rsplit(".", 1)[-1] in READ_METHODS


def user_agent(module_name=None):
    base = "bicom.pbxware/%s" % COLLECTION_VERSION
    return "%s (%s)" % (base, module_name) if module_name else base


class PBXwareClient(object):
    """A session with one PBXware server.

    ``sleep`` and ``session`` are injectable so the retry rules can be tested
    without waiting or a network.
    """

    def __init__(self, url, api_key, validate_certs=True, timeout=30, module_name=None,
                 retries=3, backoff=1.0, session=None, sleep=time.sleep, ca_path=None, secrets=()):
        """``ca_path``: a CA bundle file to trust (a self-signed PBXware certificate);
        ``secrets``: further values to scrub from every message (besides the key and a URL password)."""
        if not url:
            raise PBXwareError("No PBXware URL given: set url or the PBXWARE_URL environment variable.")
        if not api_key:
            raise PBXwareError("No API key given: set api_key or the PBXWARE_API_KEY environment variable.")
        parts = urlsplit(url)
        # PHP reads apikey from the query in any case and percent-encoding (?%61pikey=...), and api_key's value
        # anywhere in the url is the key in a URL all the same.
        named = [pair[0].lower() for pair in parse_qsl(parts.query + "&" + parts.fragment, keep_blank_values=True)]
        if "apikey" in named or "apikey=" in url.lower() or (len(api_key) >= 8 and api_key in url):
            raise PBXwareError("The url must not carry the API key: give it in api_key, which is sent in the request body.")
        self._secrets = [api_key, parts.password] + [value for value in secrets if value]
        self.url = url
        self.display_url = self.scrub(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise PBXwareError("url must be an http:// or https:// URL of the PBXware API, such as "
                               "https://pbx.example.com/index.php; got %s" % self.display_url)
        if ca_path and not os.path.isfile(ca_path):
            raise PBXwareError("ca_path %s is not a file: give the path of a PEM CA bundle on the controller" % ca_path)
        # requests takes a CA bundle path in place of True.
        self.verify = ca_path if (validate_certs and ca_path) else validate_certs
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._sleep = sleep
        self.calls = []  # actions sent, in order: lets results report API usage
        self.warnings = []
        if parts.path.rstrip("/") and not parts.path.endswith("index.php"):
            self.warnings.append(
                "url %s: its path %s is not the API's (the server root or /index.php, as in "
                "https://pbx.example.com/index.php); a wrong path gets HTTP 404 or an HTML page"
                % (self.display_url, parts.path))
        if session is None:
            if not HAS_REQUESTS:
                raise PBXwareError("The Python library requests is required.")
            session = requests.Session()
        self.session = session
        self.session.headers.update({"User-Agent": user_agent(module_name), "Accept": "application/json"})

    # -- public API -------------------------------------------------------

    def call(self, action, params=None, write=None):
        """Run ``action`` and return the decoded JSON answer.

        ``write`` defaults to what the action's method says. Reads are retried
        on transient faults; a write is sent once, and a fault after it may have
        reached the server surfaces as an error with ``reached_server=True`` so
        the caller can look before deciding anything.
        """
        if write is None:
            write = not is_read_action(action)
        body = [("apikey", self._secrets[0]), ("action", action)] + encode_params(params or {})
        attempts = 1 if write else self.retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._send_once(action, body, write)
            except (PBXwareTransportError, PBXwareResponseError) as err:
                if attempt == attempts or not self._is_transient(err):
                    raise
                self._sleep(self._delay(attempt, err))
        raise AssertionError("unreachable")  # pragma: no cover

    def read(self, action, params=None):
        return self.call(action, params, write=False)

    def write(self, action, params=None):
        return self.call(action, params, write=True)

    def scrub(self, text):
        """``text`` with every form of the API key, the URL's password and the given secrets masked."""
        return scrub(text, *self._secrets)

    # -- internals --------------------------------------------------------

    def _send_once(self, action, body, write=False):
        self.calls.append(action)
        try:
            response = self.session.post(self.url, data=body, timeout=self.timeout, verify=self.verify)
        except requests.exceptions.ConnectTimeout as exc:
            raise PBXwareTransportError(self._describe(action, "connection timed out", exc), action, reached_server=False)
        except requests.exceptions.Timeout as exc:
            raise PBXwareTransportError(
                self._describe(action, "no answer within %ss" % self.timeout, exc), action)
        except requests.exceptions.SSLError as exc:
            # Not transient: the same certificate fails the same way on every retry.
            raise PBXwareTransportError(
                self._describe(action, "TLS error (for a self-signed PBXware certificate, give its CA bundle "
                                       "in ca_path)", exc), action, reached_server=False, transient=False)
        except requests.exceptions.ConnectionError as exc:
            raise PBXwareTransportError(
                self._describe(action, "connection failed", exc), action, reached_server=_reached_server(exc))
        except requests.exceptions.RequestException as exc:
            raise PBXwareTransportError(self._describe(action, "request failed", exc), action)
        return self._decode(action, response, write)

    def _decode(self, action, response, write=False):
        status = response.status_code
        text = response.text or ""
        if status >= 400:
            err = PBXwareResponseError(
                self.scrub("PBXware API action %s: HTTP %s: %s" % (action, status, _excerpt(text))),
                action, status=status, transient=status in RETRY_STATUSES)
            err.retry_after = _retry_after(response)
            raise err
        if not text.strip():
            raise PBXwareResponseError(
                "PBXware API action %s: HTTP %s with an empty body" % (action, status), action, status, transient=True)
        try:
            data = json.loads(text)
        except ValueError:
            if LOGIN_FORM.search(text):
                # The web interface (or a proxy) asking for a login: no retry will get past it.
                raise PBXwareResponseError(
                    "PBXware API action %s: HTTP %s, a login page instead of the API's JSON: is url the API's "
                    "address (such as https://pbx.example.com/index.php), and does nothing in front of it ask "
                    "for a login?" % (action, status), action, status, transient=False)
            # Busy servers answer with HTML pages or text such as
            # "Failed to generate configuration": worth another read.
            raise PBXwareResponseError(
                self.scrub("PBXware API action %s: HTTP %s, not JSON: %s" % (action, status, _excerpt(text))),
                action, status, transient=True)
        if isinstance(data, dict) and "error" in data:
            raise PBXwareApiError(action, self.scrub(str(data["error"])))
        if write and not isinstance(data, dict):
            # Writes answer an object ({"success": ...}); anything else does not say what became of the write.
            raise PBXwareResponseError(
                self.scrub("PBXware API action %s: HTTP %s, %s instead of a write's answer (an object)"
                           % (action, status, _excerpt(text))), action, status)
        return data

    @staticmethod
    def _is_transient(err):
        return err.transient

    def _delay(self, attempt, err):
        retry_after = getattr(err, "retry_after", None)
        if retry_after is not None:
            return min(retry_after, MAX_RETRY_AFTER)
        return self.backoff * (2 ** (attempt - 1)) + random.uniform(0, self.backoff / 2.0)

    def _describe(self, action, what, exc):
        return self.scrub("PBXware API action %s: %s (%s): %s" % (action, what, self.display_url, exc))


def _excerpt(text):
    text = " ".join(text.split())
    return text[:BODY_EXCERPT] + ("..." if len(text) > BODY_EXCERPT else "")


def _retry_after(response, now=time.time):
    """Seconds to wait from a ``Retry-After`` header: delay-seconds or an HTTP-date (RFC 9110)."""
    value = response.headers.get("Retry-After") if response.headers else None
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - now()) if when is not None else None


def _reached_server(exc):
    """Whether a ConnectionError may have happened after the request was sent.

    A connection that was never made (refused, unresolvable, unreachable: urllib3's
    ``NewConnectionError``, wrapped in a ``MaxRetryError``) never carried the request;
    anything else (reset, dropped mid-answer) may have.
    """
    cause = exc.args[0] if exc.args else None
    return not isinstance(getattr(cause, "reason", cause), NewConnectionError)
