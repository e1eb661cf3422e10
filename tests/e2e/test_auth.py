"""Authentication end to end: the real graft binary with a JWT secret, a real JWK server and a
real auth webhook on 127.0.0.1 (tests/harness/peers.py). Non-admin roles see an empty schema
for now, so the session is observed through what it can see: the admin sees the tracked table
`t`, other roles get `no_queries_available`, and /v1/query refuses them admin-only commands."""

import base64
import hashlib
import hmac
import json
import time
import unittest

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import padding, rsa

from graft_harness import Graft, PgCluster, wait_until
from peers import JwkServer, Peer, Reply

SECRET = "admin-s3cret"
HMAC_KEY = "an-hmac-key-that-is-long-enough-for-hs256"
NS = "https://hasura.io/jwt/claims"
TABLE_QUERY = {"query": "{ t { id } }"}


def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def encode(obj):
    return b64(json.dumps(obj).encode())


def claims(default_role="user", allowed=("user",), **extra):
    now = int(time.time())
    body = {"sub": "1", "iat": now, "exp": now + 600,
            NS: {"x-hasura-default-role": default_role,
                 "x-hasura-allowed-roles": list(allowed), "x-hasura-user-id": "1"}}
    body.update(extra)
    return body


def hs256(payload, key=HMAC_KEY, header=None):
    head = header or {"alg": "HS256", "typ": "JWT"}
    signing_input = f"{encode(head)}.{encode(payload)}"
    sig = hmac.new(key.encode(), signing_input.encode(), hashlib.sha256).digest()
    return f"{signing_input}.{b64(sig)}"


class RsaKey:
    def __init__(self, kid):
        self.kid = kid
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self):
        numbers = self.private.public_key().public_numbers()

        def num(n):
            return b64(n.to_bytes((n.bit_length() + 7) // 8, "big"))
        return {"kty": "RSA", "kid": self.kid, "alg": "RS256", "use": "sig",
                "n": num(numbers.n), "e": num(numbers.e)}

    def token(self, payload, kid=None):
        head = {"alg": "RS256", "typ": "JWT", "kid": kid or self.kid}
        signing_input = f"{encode(head)}.{encode(payload)}"
        sig = self.private.sign(signing_input.encode(), padding.PKCS1v15(), hashes.SHA256())
        return f"{signing_input}.{b64(sig)}"


def bearer(token, **headers):
    return {"Authorization": f"Bearer {token}", **headers}


class AuthTestCase(unittest.TestCase):
    """One Postgres for the class; each test starts graft with its own auth settings."""

    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().init().start()
        cls.pg.psql("CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)")

    @classmethod
    def tearDownClass(cls):
        cls.pg.destroy()

    def start(self, **env):
        full = {"HASURA_GRAPHQL_DATABASE_URL": self.pg.url(), "HASURA_GRAPHQL_ADMIN_SECRET": SECRET}
        full.update({k: v for k, v in env.items() if v is not None})
        graft = Graft(env=full)
        self.addCleanup(graft.close)
        graft.start()
        status, _, resp = graft.request("POST", "/v1/metadata",
                                        headers={"x-hasura-admin-secret": SECRET},
                                        body={"type": "pg_track_table", "args": {"table": "t"}})
        self.assertIn(status, (200, 400), resp)  # 400: tracked by an earlier test already
        return graft

    def graphql(self, graft, headers=None, path="/v1/graphql", body=TABLE_QUERY):
        status, _, resp = graft.request("POST", path, headers=headers or {}, body=body)
        return status, json.loads(resp)

    def assertAdmin(self, graft, headers):
        status, resp = self.graphql(graft, headers)
        self.assertEqual((status, resp), (200, {"data": {"t": [{"id": 1}]}}))

    def assertNonAdmin(self, graft, headers):
        status, resp = self.graphql(graft, headers)
        self.assertEqual(status, 200, resp)
        self.assertEqual(resp["errors"][0]["extensions"]["code"], "validation-failed", resp)
        status, resp = self.graphql(graft, headers, body={"query": "{ __typename }"})
        self.assertEqual(resp, {"data": {"__typename": "query_root"}})

    def assertAuthError(self, graft, headers, code, message=None):
        status, resp = self.graphql(graft, headers)
        self.assertEqual(status, 200, resp)
        error = resp["errors"][0]
        self.assertEqual(error["extensions"]["code"], code, resp)
        if message is not None:
            self.assertEqual(error["message"], message)
        return error


class JwtTest(AuthTestCase):
    def test_hs256_roles_attacks_and_unauthorized_role(self):
        graft = self.start(HASURA_GRAPHQL_JWT_SECRET=json.dumps({"type": "HS256", "key": HMAC_KEY}),
                           HASURA_GRAPHQL_UNAUTHORIZED_ROLE="anonymous")
        self.assertNonAdmin(graft, bearer(hs256(claims())))
        # Role selection: x-hasura-role picks an allowed role (here admin), nothing else.
        both = hs256(claims(allowed=("user", "admin")))
        self.assertAdmin(graft, bearer(both, **{"x-hasura-role": "admin"}))
        self.assertNonAdmin(graft, bearer(both))
        self.assertAuthError(graft, bearer(hs256(claims()), **{"x-hasura-role": "admin"}),
                             "access-denied", "Your requested role is not in allowed roles")
        # Attacks.
        expired = claims()
        expired["exp"] = int(time.time()) - 60
        self.assertAuthError(graft, bearer(hs256(expired)), "invalid-jwt",
                             "Could not verify JWT: JWTExpired")
        future = claims(nbf=int(time.time()) + 600)
        self.assertAuthError(graft, bearer(hs256(future)), "invalid-jwt",
                             "Could not verify JWT: JWTNotYetValid")
        none = f"{encode({'alg': 'none'})}.{encode(claims(allowed=('admin',), default_role='admin'))}."
        self.assertAuthError(graft, bearer(none), "invalid-jwt",
                             "Could not verify JWT: JWSError JWSInvalidSignature")
        good = hs256(claims())
        head, _, sig = good.split(".")
        tampered = f"{head}.{encode(claims(default_role='admin', allowed=('admin',)))}.{sig}"
        self.assertAuthError(graft, bearer(tampered), "invalid-jwt",
                             "Could not verify JWT: JWSError JWSInvalidSignature")
        self.assertAuthError(graft, bearer(hs256(claims(), key="x" * 40)), "invalid-jwt")
        for garbage in ["garbage", "a.b", "a.b.c", "x" * 20000]:
            self.assertAuthError(graft, bearer(garbage), "invalid-jwt")
        self.assertAuthError(graft, {"Authorization": "Basic abc"}, "invalid-headers",
                             "Malformed Authorization header")
        # /v1alpha1/graphql keeps the error's status.
        status, resp = self.graphql(graft, bearer("garbage"), path="/v1alpha1/graphql")
        self.assertEqual(status, 400, resp)
        # No token: the unauthorized role, whatever role is asked for.
        self.assertNonAdmin(graft, {"x-hasura-role": "admin"})
        # The admin secret still works, and a JWT user cannot use admin-only APIs.
        self.assertAdmin(graft, {"x-hasura-admin-secret": SECRET})
        status, _, resp = graft.request("POST", "/v1/query", headers=bearer(hs256(claims())),
                                        body={"type": "run_sql", "args": {"sql": "SELECT 1"}})
        self.assertEqual((status, json.loads(resp)),
                         (400, {"path": "$.args", "error": "restricted access : admin only",
                                "code": "access-denied"}))
        status, _, resp = graft.request("POST", "/v1/metadata", headers=bearer(hs256(claims())),
                                        body={"type": "export_metadata", "args": {}})
        self.assertEqual(status, 400, resp)
        # A data command is allowed to the role and runs in its session (which sees no table).
        status, _, resp = graft.request("POST", "/v1/query", headers=bearer(hs256(claims())),
                                        body={"type": "select",
                                              "args": {"table": "t", "columns": ["id"]}})
        self.assertEqual(status, 400, resp)
        self.assertNotEqual(json.loads(resp)["code"], "access-denied", resp)
        status, _, resp = graft.request("POST", "/v1/query", headers=bearer(both,
                                        **{"x-hasura-role": "admin"}),
                                        body={"type": "select",
                                              "args": {"table": "t", "columns": ["id"]}})
        self.assertEqual((status, json.loads(resp)), (200, [{"id": 1}]))

    def test_missing_token_without_unauthorized_role(self):
        graft = self.start(HASURA_GRAPHQL_JWT_SECRET=json.dumps({"type": "HS256", "key": HMAC_KEY}))
        self.assertAuthError(graft, {}, "invalid-headers",
                             "Missing 'Authorization' or 'Cookie' header in JWT authentication mode")

    def test_invalid_config_fails_at_start(self):
        for env in [{"HASURA_GRAPHQL_JWT_SECRET": '{"type": "HS256", "key": "short"}'},
                    {"HASURA_GRAPHQL_JWT_SECRET": "not json"},
                    {"HASURA_GRAPHQL_AUTH_HOOK_MODE": "PUT"},
                    {"HASURA_GRAPHQL_JWT_SECRET": json.dumps({"type": "HS256", "key": HMAC_KEY}),
                     "HASURA_GRAPHQL_ADMIN_SECRET": None}]:
            full = {"HASURA_GRAPHQL_DATABASE_URL": self.pg.url(),
                    "HASURA_GRAPHQL_ADMIN_SECRET": SECRET, **env}
            graft = Graft(env={k: v for k, v in full.items() if v is not None})
            self.addCleanup(graft.close)
            graft.start(expect_ready=False)
            self.assertNotEqual(graft.wait_exit(60), 0, env)
            self.assertIn("graft:", graft.output())
            self.assertNotIn("short", graft.output().split("--- stderr")[1])


class JwkTest(AuthTestCase):
    def test_key_rotation_follows_the_jwk_server(self):
        k1, k2 = RsaKey("k1"), RsaKey("k2")
        with JwkServer({"keys": [k1.jwk()]}, cache_control="max-age=3600") as jwks:
            graft = self.start(HASURA_GRAPHQL_JWT_SECRET=json.dumps(
                {"jwk_url": jwks.url + "/.well-known/jwks.json"}))
            self.assertNonAdmin(graft, bearer(k1.token(claims())))
            admin_token = k1.token(claims(default_role="admin", allowed=("admin",)))
            self.assertAdmin(graft, bearer(admin_token))
            fetched = jwks.fetch_count()
            self.assertEqual(fetched, 1)
            # A token signed by a key the server does not publish, under a known kid, fails.
            self.assertAuthError(graft, bearer(k2.token(claims(), kid="k1")), "invalid-jwt")
            # The server rotates to k2 (short max-age); a k2 token makes graft refetch once.
            jwks.set_jwks({"keys": [k2.jwk()]}, cache_control="max-age=1")
            k2_admin = k2.token(claims(default_role="admin", allowed=("admin",)))
            wait_until(lambda: self.graphql(graft, bearer(k2_admin))[1].get("data"), 10,
                       "graft to accept a token of the new key")
            # Once the max-age has passed, k1 tokens are refused.
            wait_until(lambda: "errors" in self.graphql(graft, bearer(admin_token))[1], 10,
                       "graft to drop the rotated-out key")
            # Garbage kids do not hammer the key server.
            before = jwks.fetch_count()
            jwks.set_jwks({"keys": [k2.jwk()]}, cache_control="max-age=3600")
            for i in range(30):
                self.assertAuthError(graft, bearer(k1.token(claims(), kid=f"bogus-{i}")),
                                     "invalid-jwt")
            self.assertLessEqual(jwks.fetch_count() - before, 3)

    def test_unreachable_jwk_server_refuses_tokens(self):
        k1 = RsaKey("k1")
        jwks = JwkServer({"keys": []}, cache_control="max-age=3600").start()
        url = jwks.url + "/jwks"
        jwks.stop()
        graft = self.start(HASURA_GRAPHQL_JWT_SECRET=json.dumps({"jwk_url": url}))
        self.assertAuthError(graft, bearer(k1.token(claims())), "invalid-jwt")


class Hook(Peer):
    """An auth webhook: the token in the Authorization header names the answer."""

    ANSWERS = {
        "Bearer admin": Reply(200, {"X-Hasura-Role": "admin"}),
        "Bearer user": Reply(200, {"X-Hasura-Role": "user", "X-Hasura-User-Id": "7"}),
        "Bearer cached": Reply(200, {"X-Hasura-Role": "user", "Cache-Control": "max-age=300"}),
        "Bearer no-role": Reply(200, {"X-Hasura-User-Id": "7"}),
        "Bearer broken": Reply(500, {"error": "boom"}),
    }

    def reply(self, request):
        if request.method == "POST":
            auth = (request.json or {}).get("headers", {}).get("authorization", "")
        else:
            auth = request.headers.get("authorization", "")
        return self.ANSWERS.get(auth, Reply(401, {"error": "who are you"}))


class WebhookTest(AuthTestCase):
    def check_hook(self, mode):
        with Hook() as hook:
            graft = self.start(HASURA_GRAPHQL_AUTH_HOOK=hook.url + "/auth",
                               HASURA_GRAPHQL_AUTH_HOOK_MODE=mode)
            self.assertAdmin(graft, {"Authorization": "Bearer admin"})
            self.assertNonAdmin(graft, {"Authorization": "Bearer user"})
            self.assertAuthError(graft, {"Authorization": "Bearer nobody"}, "access-denied",
                                 "Authentication hook unauthorized this request")
            self.assertAuthError(graft, {"Authorization": "Bearer broken"}, "unexpected",
                                 "Invalid response from authorization hook")
            self.assertAuthError(graft, {"Authorization": "Bearer no-role"}, "invalid-params",
                                 "x-hasura-role not found in session variables")
            status, _, resp = graft.request("POST", "/v1/query",
                                            headers={"Authorization": "Bearer nobody"},
                                            body={"type": "run_sql", "args": {"sql": "SELECT 1"}})
            self.assertEqual((status, json.loads(resp)["code"]), (401, "access-denied"))
            # The admin secret skips the hook.
            calls = len(hook.requests())
            self.assertAdmin(graft, {"x-hasura-admin-secret": SECRET})
            self.assertEqual(len(hook.requests()), calls)
            # An answer with max-age is reused for the same credentials; others are not.
            for _ in range(3):
                self.assertNonAdmin(graft, {"Authorization": "Bearer cached"})
            cached_calls = [r for r in hook.requests()
                            if "cached" in (r.headers.get("authorization", "") + str(r.json))]
            self.assertEqual(len(cached_calls), 1)
            calls = len(hook.requests())
            self.assertNonAdmin(graft, {"Authorization": "Bearer user"})
            self.assertEqual(len(hook.requests()), calls + 2)  # two queries, two calls
            return hook

    def test_get_mode_forwards_the_client_headers(self):
        hook = self.check_hook("GET")
        request = hook.requests()[0]
        self.assertEqual(request.method, "GET")
        self.assertEqual(request.headers["authorization"], "Bearer admin")
        self.assertNotIn("content-length", request.headers)

    def test_post_mode_sends_headers_and_request(self):
        hook = self.check_hook("POST")
        request = hook.requests()[0]
        self.assertEqual(request.method, "POST")
        self.assertEqual(request.json["headers"]["authorization"], "Bearer admin")
        self.assertEqual(request.json["request"], TABLE_QUERY)


class AdminSecretTest(AuthTestCase):
    def test_admin_secret_and_unauthorized_role(self):
        graft = self.start(HASURA_GRAPHQL_UNAUTHORIZED_ROLE="anonymous")
        self.assertAdmin(graft, {"x-hasura-admin-secret": SECRET})
        self.assertAdmin(graft, {"x-hasura-access-key": SECRET})
        self.assertNonAdmin(graft, {"x-hasura-admin-secret": SECRET, "x-hasura-role": "user"})
        self.assertNonAdmin(graft, {})
        self.assertAuthError(graft, {"x-hasura-admin-secret": "wrong"}, "access-denied",
                             "invalid x-hasura-admin-secret/x-hasura-access-key")
        status, _, resp = graft.request("POST", "/v1/graphql/explain",
                                        body={"query": TABLE_QUERY})
        self.assertEqual(status, 400, resp)
        self.assertEqual(json.loads(resp)["error"], "restricted access : admin only")

    def test_secret_required_without_unauthorized_role(self):
        graft = self.start()
        self.assertAuthError(graft, {}, "access-denied",
                             "x-hasura-admin-secret/x-hasura-access-key required, but not found")
        status, _, resp = graft.request("POST", "/v1/metadata",
                                        body={"type": "export_metadata", "args": {}})
        self.assertEqual((status, json.loads(resp)["code"]), (401, "access-denied"))


if __name__ == "__main__":
    unittest.main()
