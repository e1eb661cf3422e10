"""The fake HTTP peers of tests/harness/peers.py, exercised over real HTTP on 127.0.0.1."""

import http.client
import json
import time
import unittest

from peers import JwkServer, RemoteGraphQL, Reply, WebhookReceiver


def call(peer, method, path, body=None, headers=None, timeout=10):
    conn = http.client.HTTPConnection("127.0.0.1", peer.port, timeout=timeout)
    try:
        data = json.dumps(body).encode() if body is not None else None
        hdrs = {"Content-Type": "application/json", **(headers or {})} if data else (headers or {})
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        raw = resp.read()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, json.loads(raw)
    finally:
        conn.close()


class WebhookReceiverTest(unittest.TestCase):
    def test_records_requests_and_answers_the_configured_status(self):
        with WebhookReceiver(status=201, body={"ok": True}) as hook:
            status, _, body = call(hook, "POST", "/events?x=1", {"event": {"id": 7}},
                                   {"X-Custom": "v"})
            self.assertEqual((status, body), (201, {"ok": True}))
            [req] = hook.wait_for(1)
            self.assertEqual((req.method, req.path), ("POST", "/events?x=1"))
            self.assertEqual(req.json, {"event": {"id": 7}})
            self.assertEqual(req.headers["x-custom"], "v")

    def test_fails_n_times_then_succeeds(self):
        with WebhookReceiver(fail_times=2, fail_status=503) as hook:
            statuses = [call(hook, "POST", "/", {"n": i})[0] for i in range(3)]
            self.assertEqual(statuses, [503, 503, 200])
            self.assertEqual(len(hook.requests()), 3)

    def test_stalls_to_provoke_client_timeouts(self):
        with WebhookReceiver(stall_seconds=1.0) as hook:
            with self.assertRaises(TimeoutError):
                call(hook, "POST", "/", {}, timeout=0.2)
            hook.configure(stall_seconds=0)
            started = time.monotonic()
            self.assertEqual(call(hook, "POST", "/", {})[0], 200)
            self.assertLess(time.monotonic() - started, 1.0)


class RemoteGraphQLTest(unittest.TestCase):
    def test_answers_root_fields_from_resolvers(self):
        resolvers = {"hello": lambda variables, request: f"hi {variables.get('who', 'you')}",
                     "user": lambda variables, request: {"id": 1, "name": "ann"}}
        with RemoteGraphQL(resolvers) as remote:
            status, _, body = call(remote, "POST", "/graphql", {
                "query": "query Q($who: String) { hello(who: $who) me: user { id name } }",
                "variables": {"who": "graft"}})
            self.assertEqual(status, 200)
            self.assertEqual(body, {"data": {"hello": "hi graft", "me": {"id": 1, "name": "ann"}}})
            self.assertEqual(remote.requests()[0].json["variables"], {"who": "graft"})

    def test_unknown_field_is_a_graphql_error(self):
        with RemoteGraphQL({}) as remote:
            _, _, body = call(remote, "POST", "/graphql", {"query": "{ nope }"})
            self.assertIn("nope", body["errors"][0]["message"])

    def test_queued_reply_is_sent_verbatim(self):
        with RemoteGraphQL({}) as remote:
            remote.next_reply(Reply(500, {"message": "down"}))
            status, _, body = call(remote, "POST", "/graphql", {"query": "{ a }"})
            self.assertEqual((status, body), (500, {"message": "down"}))
            self.assertEqual(call(remote, "POST", "/graphql", {"query": "{ a }"})[0], 200)


class JwkServerTest(unittest.TestCase):
    def test_serves_jwks_with_caching_headers_and_counts_fetches(self):
        jwks = {"keys": [{"kty": "oct", "kid": "k1", "k": "c2VjcmV0"}]}
        with JwkServer(jwks, cache_control="max-age=3",
                       expires="Wed, 21 Oct 2015 07:28:00 GMT") as jwk:
            for _ in range(2):
                status, headers, body = call(jwk, "GET", "/.well-known/jwks.json")
                self.assertEqual((status, body), (200, jwks))
            self.assertEqual(headers["cache-control"], "max-age=3")
            self.assertEqual(headers["expires"], "Wed, 21 Oct 2015 07:28:00 GMT")
            self.assertEqual(jwk.fetch_count(), 2)
            jwk.set_jwks({"keys": []})
            _, headers, body = call(jwk, "GET", "/jwks")
            self.assertEqual(body, {"keys": []})
            self.assertNotIn("cache-control", headers)


if __name__ == "__main__":
    unittest.main()
