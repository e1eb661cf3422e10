"""Fake HTTP peers for e2e tests: real servers on 127.0.0.1, port 0, in a background thread.

- WebhookReceiver: records every request; can answer a given status, fail N times, stall.
- RemoteGraphQL:  answers GraphQL POSTs from a dict of root field -> callable(args, request).
- JwkServer:      serves a JWKS document with configurable caching headers, counting fetches.

Each is a context manager (`with WebhookReceiver() as hook: ... hook.url`). Handlers run on
the server's threads, so recorded state is guarded by a lock; tests read it through methods
that copy it. Waiting is done with wait_for(), which polls with a deadline (no sleeps).
"""

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from graft_harness import wait_until


@dataclass
class RecordedRequest:
    method: str
    path: str
    headers: dict  # lower-cased names
    body: bytes
    json: object = None  # the parsed body when it is JSON


@dataclass
class Reply:
    status: int = 200
    body: object = field(default_factory=dict)  # JSON value, or bytes sent as they are
    headers: dict = field(default_factory=dict)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def _handle(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        try:
            parsed = json.loads(body) if body else None
        except ValueError:
            parsed = None
        request = RecordedRequest(self.command, self.path,
                                  {k.lower(): v for k, v in self.headers.items()}, body, parsed)
        reply = self.server.peer.handle(request)
        data = reply.body if isinstance(reply.body, bytes) else json.dumps(reply.body).encode()
        self.send_response(reply.status)
        headers = {"Content-Type": "application/json", **reply.headers}
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

    def log_message(self, *args):  # keep test output clean
        pass


class Peer:
    """Base: serves on 127.0.0.1:0 in a daemon thread and records requests."""

    def __init__(self):
        self._lock = threading.Lock()
        self._requests = []
        self._server = None
        self._thread = None

    @property
    def port(self):
        return self._server.server_address[1]

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def start(self):
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.peer = self
        # A short poll interval so stop() (shutdown) returns quickly.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True, name=type(self).__name__)
        self._thread.start()
        return self

    def stop(self):
        if self._server:
            self._server.shutdown()
            self._server.server_close()
            self._thread.join()
            self._server = None

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    def handle(self, request):
        with self._lock:
            self._requests.append(request)
        return self.reply(request)

    def reply(self, request):
        raise NotImplementedError

    def requests(self):
        with self._lock:
            return list(self._requests)

    def wait_for(self, count, timeout=10):
        """Waits until at least `count` requests arrived; returns them."""
        wait_until(lambda: len(self.requests()) >= count, timeout,
                   f"{count} request(s) at {type(self).__name__}")
        return self.requests()


class WebhookReceiver(Peer):
    """Answers `status` with `body`, except that the next `fail_times` requests get
    `fail_status` and each request first stalls `stall_seconds` (to provoke timeouts)."""

    def __init__(self, status=200, body=None, fail_times=0, fail_status=500, stall_seconds=0.0):
        super().__init__()
        self.configure(status, body, fail_times, fail_status, stall_seconds)

    def configure(self, status=200, body=None, fail_times=0, fail_status=500, stall_seconds=0.0):
        with self._lock:
            self._status, self._body = status, {} if body is None else body
            self._fail_left, self._fail_status = fail_times, fail_status
            self._stall = stall_seconds

    def reply(self, request):
        with self._lock:
            stall = self._stall
            failing = self._fail_left > 0
            self._fail_left -= 1 if failing else 0
            status = self._fail_status if failing else self._status
            body = {"error": "failing on purpose"} if failing else self._body
        if stall:
            time.sleep(stall)  # the stall itself is the behaviour under test, not a wait
        return Reply(status, body)


def _root_fields(query):
    """Top-level field names (aliases resolved to names) of a simple GraphQL operation."""
    start = query.find("{")
    if start < 0:
        return []
    fields, depth, i = [], 0, start
    token = re.compile(r"\s*(?:([A-Za-z_]\w*)\s*:\s*)?([A-Za-z_]\w*)")
    while i < len(query):
        ch = query[i]
        if ch in "{(":
            depth += 1
            i += 1
        elif ch in "})":
            depth -= 1
            i += 1
        elif depth == 1:
            m = token.match(query, i)
            if m:
                fields.append((m.group(1) or m.group(2), m.group(2)))
                i = m.end()
            else:
                i += 1
        else:
            i += 1
    return fields


class RemoteGraphQL(Peer):
    """A remote schema stand-in. `resolvers` maps a root field name to
    callable(variables, request) -> JSON data for that field. A query for a field without a
    resolver gets a GraphQL error. `next_reply(Reply)` overrides the next answer verbatim."""

    def __init__(self, resolvers=None):
        super().__init__()
        self.resolvers = dict(resolvers or {})
        self._queued = []

    def next_reply(self, reply):
        with self._lock:
            self._queued.append(reply)

    def reply(self, request):
        with self._lock:
            if self._queued:
                return self._queued.pop(0)
        if request.method != "POST" or not isinstance(request.json, dict):
            return Reply(400, {"errors": [{"message": "expected a JSON GraphQL request"}]})
        variables = request.json.get("variables") or {}
        data = {}
        for alias, name in _root_fields(str(request.json.get("query", ""))):
            resolver = self.resolvers.get(name)
            if resolver is None:
                return Reply(200, {"errors": [{"message": f"field '{name}' not found in type: "
                                                          "'query_root'"}]})
            data[alias] = resolver(variables, request)
        return Reply(200, {"data": data})


class JwkServer(Peer):
    """Serves `jwks` on any GET path with the given caching headers (e.g. Cache-Control:
    max-age=3 or an Expires date); `fetch_count()` says how often it was fetched."""

    def __init__(self, jwks=None, cache_control=None, expires=None):
        super().__init__()
        self.set_jwks(jwks or {"keys": []}, cache_control, expires)

    def set_jwks(self, jwks, cache_control=None, expires=None):
        with self._lock:
            self._jwks = jwks
            self._headers = {}
            if cache_control:
                self._headers["Cache-Control"] = cache_control
            if expires:
                self._headers["Expires"] = expires

    def fetch_count(self):
        return len(self.requests())

    def reply(self, request):
        with self._lock:
            if request.method != "GET":
                return Reply(405, {"error": "method not allowed"})
            return Reply(200, self._jwks, dict(self._headers))
