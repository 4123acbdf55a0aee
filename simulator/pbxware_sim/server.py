"""HTTP layer: API endpoint, request log, fault injection and ``/_sim/`` control paths.

The API answers at ``/`` and ``/index.php`` only, like a real server (the
reference's samples use ``/``, the vendor's Postman collection ``/index.php``);
GET takes the query string, POST the form body merged over the query string
(PHP's ``$_REQUEST``). Errors are HTTP 200 ``{"error": ...}``. Any other path
(outside ``/_sim/``) gets the web server's plain-text 404, never the API's JSON.
"""
import collections
import fnmatch
import hmac
import json
import os
import socket
import threading
import time
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

from pbxware_sim.encoding import encode_json, encode_php
from pbxware_sim.registry import ACTIONS, base_name, dispatch, load_objects, lookup
from pbxware_sim.state import State

DEFAULT_FIXTURE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures", "default.json")
INVALID_KEY = "Invalid API key."
# Values of these arguments never reach the log, whatever the action declares.
SECRET_NAMES = frozenset(("apikey", "secret", "peer_secret", "password", "pin", "appassword",
                          "ldap_password", "smtp_pass", "webrtc_password"))
PHP_CONTENT_TYPE = "text/html; charset=UTF-8"  # PHP's default; clients must not rely on it
API_PATHS = ("/", "/index.php")
NOT_FOUND_TEXT = "Not Found: %s\nThe PBXware API lives at /index.php (or /).\n"

FAULT_KINDS = ("latency", "http500", "http502", "http503", "http429", "http429_date", "nonjson", "html",
               "login_page", "empty", "truncated_json", "api_error", "empty_list", "drop", "hang",
               "timeout_after_success", "drop_after_success", "apply_late")
DEFAULT_SECONDS = {"latency": 1.0, "timeout_after_success": 5.0, "hang": 5.0, "apply_late": 3.0,
                   "http429_date": 2.0}
# Kinds that perform the action (the others answer, or not, without performing it).
PERFORMING_FAULTS = frozenset(("latency", "timeout_after_success", "truncated_json", "drop_after_success"))
API_ERROR_TEXT = "Could not complete the request (simulated api_error fault: nothing was changed)."


def _status_page(status, reason):
    return "<html><head><title>%d %s</title></head><body><h1>%s</h1></body></html>\n" % (status, reason, reason)


HTML_ERROR_PAGE = ("<!DOCTYPE html>\n<html><head><title>PBXware</title></head><body>\n"
                   "<h2>Error</h2><p>The server is busy processing configuration. Please try again later.</p>\n"
                   "</body></html>\n")
# What the web interface answers when a session is missing (a URL that is not the API's, or a proxy asking
# for a login in front of it).
LOGIN_PAGE = ("<!DOCTYPE html>\n<html><head><title>PBXware - Login</title></head><body>\n"
              "<form method=\"post\" action=\"/index.php?action=login\">\n"
              "<input type=\"text\" name=\"username\"><input type=\"password\" name=\"password\">\n"
              "<button type=\"submit\">Log in</button></form>\n</body></html>\n")
# kind -> (HTTP status, body, extra headers) for kinds that answer without performing;
# None = close the connection without a byte (after ``seconds`` for ``hang`` and ``apply_late``).
FAULT_REPLIES = {
    "http500": (500, _status_page(500, "Internal Server Error"), ()),
    "http502": (502, _status_page(502, "Bad Gateway"), ()),
    "http503": (503, _status_page(503, "Service Unavailable"), ()),
    "http429": (429, _status_page(429, "Too Many Requests"), (("Retry-After", "1"),)),
    "nonjson": (200, "Failed to generate configuration", ()),
    "html": (200, HTML_ERROR_PAGE, ()),
    "login_page": (200, LOGIN_PAGE, ()),
    "empty": (200, b"", ()),
    "api_error": (200, json.dumps({"error": API_ERROR_TEXT}), ()),
    "empty_list": (200, "[]", ()),
    "drop": None,
    "hang": None,
    "apply_late": None,
}


def fault_reply(fault):
    """The answer of a fault that does not perform its action (``None``: no answer at all)."""
    if fault.kind == "http429_date":
        retry_at = formatdate(time.time() + fault.seconds, usegmt=True)
        return 429, _status_page(429, "Too Many Requests"), (("Retry-After", retry_at),)
    return FAULT_REPLIES[fault.kind]


def performed_reply(fault, reply):
    """The answer of a fault that performed its action: ``reply`` as it comes out (``None``: not at all)."""
    if fault is not None and fault.kind == "truncated_json":
        status, body, headers = reply
        return status, body[:max(1, len(body) // 2)], headers
    if fault is not None and fault.kind == "drop_after_success":
        return None
    return reply


@dataclass
class Fault:
    kind: str
    pattern: str = "*"
    count: int = 1  # how many times it fires; 0 = forever
    seconds: float = 0.0
    fired: int = 0

    @classmethod
    def create(cls, kind, pattern="*", count=1, seconds=None):
        if kind not in FAULT_KINDS:
            raise ValueError("unknown fault kind %r (one of: %s)" % (kind, ", ".join(FAULT_KINDS)))
        count = int(count)
        if count < 0:
            raise ValueError("fault count must be >= 0")
        seconds = DEFAULT_SECONDS.get(kind, 0.0) if seconds in (None, "") else float(seconds)
        return cls(kind=kind, pattern=pattern or "*", count=count, seconds=seconds)

    @classmethod
    def parse(cls, spec):
        """``KIND:PATTERN[:COUNT[:SECONDS]]``, e.g. ``http503:pbxware.tenant.*:2``."""
        parts = spec.split(":")
        if not 2 <= len(parts) <= 4:
            raise ValueError("fault spec must be KIND:PATTERN[:COUNT[:SECONDS]], got %r" % spec)
        return cls.create(*parts)


class FaultTable:
    """Active faults; the first one matching an action fires and is used up."""

    def __init__(self):
        self._lock = threading.Lock()
        self._faults = []
        # Bumped by clear() (and so by /_sim/reset): a pending ``apply_late`` of an older generation is dropped.
        self.generation = 0

    def add(self, fault):
        with self._lock:
            self._faults.append(fault)

    def clear(self):
        with self._lock:
            self._faults = []
            self.generation += 1

    def take(self, action_name):
        with self._lock:
            for fault in self._faults:
                if fnmatch.fnmatchcase(action_name, fault.pattern):
                    fault.fired += 1
                    if fault.count and fault.fired >= fault.count:
                        self._faults.remove(fault)
                    return fault
        return None

    def snapshot(self):
        with self._lock:
            return [asdict(f) for f in self._faults]


class RequestLog:
    """JSON-lines file (optional) plus in-memory entries and counters."""

    def __init__(self, path=None, keep=10000):
        self._lock = threading.Lock()
        self.path = path
        self._file = open(path, "a", encoding="utf-8") if path else None
        self._keep = keep
        self.clear()

    def clear(self):
        with self._lock:
            self.entries = collections.deque(maxlen=self._keep)
            self.total = self.writes = 0
            self.by_action = collections.Counter()

    def record(self, entry, write):
        line = json.dumps(entry, sort_keys=True)
        with self._lock:
            self.entries.append(entry)
            self.total += 1
            self.writes += bool(write)
            self.by_action[entry["action"]] += 1
            if self._file:
                self._file.write(line + "\n")
                self._file.flush()

    def summary(self):
        with self._lock:
            return {"total": self.total, "writes": self.writes, "by_action": dict(self.by_action),
                    "entries": list(self.entries)}

    def close(self):
        if self._file:
            self._file.close()


class Simulator:
    """Everything a running server needs; usable without the CLI (tests)."""

    def __init__(self, api_key, fixture_path=None, state_path=None, strict=True, tenant_mode=True,
                 request_log=None, faults=(), codec_suffixes=False, tenant_ready_delay=0.0, tenant_edit_lag=0.0,
                 dialect="reference", edit_semantics="partial", ivr_keymap_shape="reference", seed=1):
        load_objects()
        with open(fixture_path or DEFAULT_FIXTURE, encoding="utf-8") as handle:
            fixture = json.load(handle)
        self.api_key = api_key
        self.strict = strict
        self.state = State(fixture, tenant_mode=tenant_mode, path=state_path, seed=seed)
        # Runtime settings (state.LiveBehaviour); /_sim/reset goes back to these startup values.
        self.startup_settings = {"codec_suffixes": codec_suffixes, "tenant_ready_delay": tenant_ready_delay,
                                 "tenant_edit_lag": tenant_edit_lag, "dialect": dialect,
                                 "edit_semantics": edit_semantics, "ivr_keymap_shape": ivr_keymap_shape,
                                 "tenant_mode": tenant_mode}
        self.state.live.update(self.startup_settings)
        self.log = RequestLog(request_log)
        self.faults = FaultTable()
        for fault in faults:
            self.faults.add(fault)

    def reset(self):
        with self.state.lock:
            self.state.reset()
            self.state.live.update(self.startup_settings)
        self.faults.clear()
        self.log.clear()


def _redact(message, pairs, action_name):
    """Remove secret argument values (and the API key) from an error message."""
    spec = lookup(action_name)
    secret_names = SECRET_NAMES | (spec.secrets if spec else frozenset())
    for name, value in pairs:
        if value and base_name(name) in secret_names:
            message = message.replace("%s=%s" % (name, value), "%s=***" % name)
            if len(value) >= 4:
                message = message.replace(value, "***")
    return message


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "Apache"
    sys_version = ""
    # TCP_NODELAY on every accepted socket. Without it, on a kept-alive connection
    # a small segment waits for the client's delayed ACK (~40 ms per request).
    disable_nagle_algorithm = True

    @property
    def sim(self):
        return self.server.simulator

    def log_message(self, format, *args):  # keep stderr quiet; the request log is the record
        pass

    # -- plumbing ---------------------------------------------------------
    def _send(self, status, body, content_type=PHP_CONTENT_TYPE, headers=()):
        data = body.encode("utf-8") if isinstance(body, str) else body
        try:
            self.send_response(status)
            for name, value in headers:
                self.send_header(name, value)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            # Status line, headers and body leave in one write (one segment for
            # small answers), instead of end_headers() followed by a second write.
            self._headers_buffer.append(b"\r\n" + data)
            self.flush_headers()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True  # the client gave up (e.g. timed out)

    def _body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length > 0 else b""

    def do_GET(self):
        self._route("GET")

    def do_POST(self):
        self._route("POST")

    def do_DELETE(self):
        self._route("DELETE")

    def _route(self, method):
        path = urlsplit(self.path).path
        if path == "/_sim" or path.startswith("/_sim/"):
            self._control(method, path.rstrip("/"))
        elif path not in API_PATHS:
            self._body()
            self._send(404, NOT_FOUND_TEXT % path, content_type="text/plain; charset=UTF-8")
        elif method in ("GET", "POST"):
            self._api(method, path)
        else:
            self._body()
            self._send(405, "Method Not Allowed\n", headers=[("Allow", "GET, POST")])

    # -- API --------------------------------------------------------------
    def _api(self, method, path):
        query = parse_qsl(urlsplit(self.path).query, keep_blank_values=True)
        pairs = list(query)
        if method == "POST":
            pairs += parse_qsl(self._body().decode("utf-8", "replace"), keep_blank_values=True)
        values = dict(pairs)  # last value wins: POST over query string
        action_name = values.get("action", "")
        spec = lookup(action_name)
        entry = {
            "time": datetime.now(timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z"),
            "action": action_name,
            "method": method,
            "args": sorted({name for name, _ in pairs} - {"apikey", "action"}),
            "apikey_in_url": any(name == "apikey" for name, _ in query),
            "outcome": "ok",
            "user_agent": self.headers.get("User-Agent", ""),
            "path": path,
        }
        encode = encode_php if values.get("apiformat") == "php" else encode_json
        fault = None
        if not hmac.compare_digest(values.get("apikey", "").encode(), self.sim.api_key.encode()):
            entry.update(outcome="auth", error=INVALID_KEY)
            reply = (200, encode({"error": INVALID_KEY}), ())
        else:
            fault = self.sim.faults.take(action_name)
            generation = self.sim.faults.generation
            if fault is not None:
                entry["outcome"] = "fault:" + fault.kind
                if fault.kind == "latency":
                    time.sleep(fault.seconds)
            if fault is not None and fault.kind not in PERFORMING_FAULTS:
                reply = fault_reply(fault)
            else:
                response = dispatch(self.sim.state, pairs, self.sim.strict)
                if isinstance(response, dict) and "error" in response:
                    if entry["outcome"] == "ok":
                        entry["outcome"] = "error"
                    entry["error"] = _redact(str(response["error"]), pairs, action_name)
                reply = performed_reply(fault, (200, encode(response), ()))
        entry["status"] = reply[0] if reply else None
        # Logged before answering: a client that got its answer finds it in the log.
        self.sim.log.record(entry, write=bool(spec and spec.write))
        if fault is not None and fault.kind == "timeout_after_success":
            time.sleep(fault.seconds)  # performed; the answer comes after the client gave up
        if fault is not None and fault.kind in ("hang", "apply_late"):
            time.sleep(fault.seconds)  # no answer meanwhile; the client times out
            if fault.kind == "apply_late" and self.sim.faults.generation == generation:
                dispatch(self.sim.state, pairs, self.sim.strict)  # performed late, never answered
        if reply is None:  # drop: close the connection without a byte
            self.close_connection = True
            try:
                self.connection.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
        else:
            self._send(reply[0], reply[1], headers=reply[2])

    # -- control paths ----------------------------------------------------
    def _control(self, method, path):
        raw = self._body()
        routes = {
            ("GET", "/_sim/health"): self._health,
            ("POST", "/_sim/reset"): self._reset,
            ("GET", "/_sim/requests"): lambda _: (200, self.sim.log.summary()),
            ("POST", "/_sim/requests/clear"): lambda _: (self.sim.log.clear(), (200, {"ok": True}))[1],
            ("GET", "/_sim/faults"): lambda _: (200, {"faults": self.sim.faults.snapshot()}),
            ("POST", "/_sim/faults"): self._add_fault,
            ("DELETE", "/_sim/faults"): self._clear_faults,
            ("POST", "/_sim/faults/clear"): self._clear_faults,
            ("GET", "/_sim/state"): self._dump_state,
            ("GET", "/_sim/settings"): self._settings,
            ("POST", "/_sim/settings"): self._change_settings,
        }
        handler = routes.get((method, path))
        if handler is None:
            known = sorted({p for _, p in routes})
            status, payload = 404, {"error": "unknown control path %s %s" % (method, path), "paths": known}
        else:
            status, payload = handler(raw)
        self._send(status, json.dumps(payload, sort_keys=True), content_type="application/json")

    def _health(self, _raw):
        return 200, {"status": "ok", "tenant_mode": self.sim.state.tenant_mode, "strict": self.sim.strict,
                     "actions": len(ACTIONS), "settings": self.sim.state.live.as_dict()}

    def _settings(self, _raw):
        with self.sim.state.lock:
            return 200, {"settings": self.sim.state.live.as_dict()}

    def _change_settings(self, raw):
        try:
            changes = json.loads(raw.decode("utf-8") or "{}")
            with self.sim.state.lock:
                self.sim.state.live.update(changes)
        except ValueError as err:  # json.JSONDecodeError is a ValueError
            return 400, {"error": "bad settings: %s" % err}
        return self._settings(raw)

    def _reset(self, _raw):
        self.sim.reset()
        return 200, {"ok": True}

    def _add_fault(self, raw):
        try:
            spec = json.loads(raw.decode("utf-8") or "{}")
            fault = Fault.create(spec["kind"], spec.get("pattern", "*"), spec.get("count", 1), spec.get("seconds"))
        except (ValueError, KeyError, TypeError, AttributeError) as err:
            return 400, {"error": "bad fault: %s" % err}
        self.sim.faults.add(fault)
        return 200, {"ok": True, "fault": asdict(fault)}

    def _clear_faults(self, _raw):
        self.sim.faults.clear()
        return 200, {"ok": True}

    def _dump_state(self, _raw):
        with self.sim.state.lock:
            return 200, json.loads(json.dumps(self.sim.state.data))


class SimHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default listen backlog of 5 resets bursts of clients


def make_server(simulator, host="127.0.0.1", port=0):
    """A bound (not yet serving) threaded HTTP server for ``simulator``."""
    httpd = SimHTTPServer((host, port), Handler)
    httpd.simulator = simulator
    return httpd


def start_in_thread(simulator, host="127.0.0.1", port=0):
    """Serve in a background thread; returns ``(httpd, base_url)``. Stop with ``httpd.shutdown()``."""
    httpd = make_server(simulator, host, port)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="pbxware-sim",
                     daemon=True).start()
    return httpd, "http://%s:%d/" % httpd.server_address[:2]
