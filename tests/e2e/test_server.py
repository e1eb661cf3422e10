"""End-to-end tests of the foundation: the real graft binary against real PostgreSQL servers."""

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import unittest

from graft_harness import (GRAFT_BIN, Graft, PgCluster, make_temp_dir, managed_socket_dir,
                           send, wait_until)


def psql(socket_dir, sql):
    r = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socket_dir,
                        "-U", "postgres", "-d", "postgres", "-c", sql],
                       capture_output=True, text=True, check=True)
    return r.stdout.strip()


class ManagedDatabaseTest(unittest.TestCase):
    def setUp(self):
        self.dir = make_temp_dir("graft-e2e-managed-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_starts_stops_cleanly_and_keeps_data(self):
        data_dir = os.path.join(self.dir, "pg")
        graft = Graft(args=["--data-dir", data_dir]).start()
        try:
            status, _, body = graft.request("GET", "/healthz")
            self.assertEqual((status, body), (200, b"OK"))
            sock = managed_socket_dir(graft)
            psql(sock, "create table kept (v text); insert into kept values ('across restarts')")
        finally:
            code = graft.stop()
        self.assertEqual(code, 0, graft.output())
        self.assertFalse(os.path.exists(os.path.join(data_dir, "postmaster.pid")),
                         "the managed postgres must be stopped with graft")
        self.assertFalse(os.path.exists(sock), "the private socket directory is removed")

        with Graft(args=["--data-dir", data_dir]) as again:
            self.assertEqual(psql(managed_socket_dir(again), "select v from kept"),
                             "across restarts")

    def test_second_graft_on_the_same_data_dir_is_refused(self):
        data_dir = os.path.join(self.dir, "pg")
        with Graft(args=["--data-dir", data_dir]):
            second = Graft(args=["--data-dir", data_dir]).start(expect_ready=False)
            code = second.wait_exit(timeout=60)
            self.assertNotEqual(code, 0)
            self.assertIn("in use by another graft", second.output())


class ExternalDatabaseTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().init().start()

    @classmethod
    def tearDownClass(cls):
        cls.pg.destroy()

    def test_database_url_is_used(self):
        env = {"HASURA_GRAPHQL_DATABASE_URL": self.pg.url()}
        with Graft(env=env) as graft:
            status, headers, body = graft.request("GET", "/healthz")
            self.assertEqual((status, body), (200, b"OK"))
            status, headers, body = graft.request("GET", "/v1/version")
            self.assertEqual(status, 200)
            self.assertIn("version", json.loads(body))
            self.assertTrue(headers["content-type"].startswith("application/json"))
            # Graft's pool really connected to this server.
            apps = self.pg.psql("select count(*) from pg_stat_activity where datname = 'postgres'"
                                " and backend_type = 'client backend'")
            self.assertGreaterEqual(int(apps), 2)  # graft's connection and psql's

    def test_outage_gives_clear_errors_and_graft_recovers(self):
        env = {"HASURA_GRAPHQL_DATABASE_URL": self.pg.url()}
        with Graft(env=env) as graft:
            self.assertEqual(graft.request("GET", "/healthz")[0], 200)
            self.pg.stop("immediate")
            try:
                status, _, body = graft.request("GET", "/healthz", timeout=20)
                self.assertEqual((status, body), (500, b"ERROR"))
                # Other endpoints keep working while the database is away.
                self.assertEqual(graft.request("GET", "/v1/version")[0], 200)
                self.assertIsNone(graft.proc.poll(), "graft must survive a database outage")
            finally:
                self.pg.start()
            wait_until(lambda: graft.request("GET", "/healthz")[0] == 200, 30,
                       "graft to recover once postgres is back", interval=0.1)
            kinds = [(l["type"], l["detail"].get("kind")) for l in graft.log_lines()
                     if isinstance(l.get("detail"), dict)]
            self.assertIn(("pg-client", "connection-error"), kinds)
            self.assertIn(("pg-client", "connection-restored"), kinds)

    def test_unreachable_database_fails_start_with_a_clear_message(self):
        env = {"HASURA_GRAPHQL_DATABASE_URL": "postgresql://postgres@/postgres?host=/nonexistent"}
        graft = Graft(env=env).start(expect_ready=False)
        self.assertEqual(graft.wait_exit(), 1)
        self.assertIn("cannot connect to the metadata database", graft.output())


class HttpTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().init().start()
        cls.graft = Graft(env={"HASURA_GRAPHQL_DATABASE_URL": cls.pg.url(),
                               "GRAFT_MAX_BODY_SIZE": "4096",
                               "HASURA_GRAPHQL_CORS_DOMAIN": "http://app.test:3000"}).start()

    @classmethod
    def tearDownClass(cls):
        cls.graft.stop()
        cls.pg.destroy()

    def test_ten_thousand_keep_alive_requests_on_64_connections(self):
        total, clients = 10000, 64
        failures, reconnects = [], []

        def client(n):
            conn = self.graft.connection()
            try:
                conn.connect()
                first_socket = conn.sock
                for _ in range(n):
                    status, headers, body = send(conn, "GET", "/v1/version")
                    if status != 200 or b"version" not in body:
                        failures.append((status, body))
                    if conn.sock is not first_socket:
                        reconnects.append(1)
            except Exception as e:  # noqa: BLE001 - any failure counts
                failures.append(repr(e))
            finally:
                conn.close()

        per_client = total // clients
        threads = [threading.Thread(target=client, args=(per_client + (1 if i < total % clients else 0),))
                   for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(failures, [])
        self.assertEqual(reconnects, [], "keep-alive connections must be reused")

    def test_unknown_path_and_wrong_method_get_hasuras_404(self):
        for method, path in (("GET", "/nope"), ("GET", "/v1/graphql"), ("POST", "/healthz")):
            status, headers, body = self.graft.request(method, path, body="{}")
            self.assertEqual(status, 404, (method, path))
            self.assertEqual(json.loads(body), {"path": "$", "error": "resource does not exist",
                                                "code": "not-found"})

    def test_oversized_body_gets_413(self):
        status, _, body = self.graft.request("POST", "/v1/graphql", body="x" * 10000)
        self.assertEqual(status, 413)
        err = json.loads(body)
        self.assertIn("larger than the limit of 4096 bytes", err["error"])
        self.assertEqual(err["path"], "$")

    def test_malformed_http_gets_400_and_server_lives(self):
        with socket.create_connection(("127.0.0.1", self.graft.port), timeout=10) as s:
            s.sendall(b"THIS IS NOT HTTP\r\n\r\n")
            data = s.recv(4096)
        self.assertTrue(data.startswith(b"HTTP/1.1 400"), data)
        self.assertEqual(self.graft.request("GET", "/healthz")[0], 200)

    def test_cors_allows_configured_origin_only(self):
        _, headers, _ = self.graft.request("GET", "/v1/version",
                                           headers={"Origin": "http://app.test:3000"})
        self.assertEqual(headers.get("access-control-allow-origin"), "http://app.test:3000")
        self.assertEqual(headers.get("access-control-allow-credentials"), "true")
        _, headers, _ = self.graft.request("GET", "/v1/version",
                                           headers={"Origin": "http://evil.test"})
        self.assertNotIn("access-control-allow-origin", headers)
        status, headers, _ = self.graft.request(
            "OPTIONS", "/v1/graphql",
            headers={"Origin": "http://app.test:3000",
                     "Access-Control-Request-Method": "POST",
                     "Access-Control-Request-Headers": "content-type,x-hasura-role"})
        self.assertEqual(status, 204)
        self.assertEqual(headers.get("access-control-allow-headers"), "content-type,x-hasura-role")

    def test_request_id_is_returned_and_logged(self):
        _, headers, _ = self.graft.request("GET", "/v1/version", headers={"x-request-id": "abc-1"})
        self.assertEqual(headers.get("x-request-id"), "abc-1")
        _, headers, _ = self.graft.request("GET", "/v1/version")
        self.assertRegex(headers.get("x-request-id", ""), r"^[0-9a-f-]{36}$")
        wait_until(lambda: any(l.get("type") == "http-log" and l["detail"]["request_id"] == "abc-1"
                               for l in self.graft.log_lines()), 10, "the http-log line")


class ConfigurationTest(unittest.TestCase):
    def run_graft(self, args, env=None):
        full_env = {k: v for k, v in os.environ.items() if not k.startswith("HASURA_GRAPHQL_")}
        full_env.update(env or {})
        return subprocess.run([GRAFT_BIN, *args], env=full_env, capture_output=True, text=True,
                              timeout=60)

    def test_help_documents_options(self):
        r = self.run_graft(["--help"])
        self.assertEqual(r.returncode, 0)
        self.assertIn("serve", r.stdout)
        r = self.run_graft(["serve", "--help"])
        self.assertEqual(r.returncode, 0)
        for name in ("--server-port", "HASURA_GRAPHQL_SERVER_PORT", "HASURA_GRAPHQL_ADMIN_SECRET",
                     "HASURA_GRAPHQL_ENABLED_LOG_TYPES", "HASURA_GRAPHQL_PG_CONNECTIONS"):
            self.assertIn(name, r.stdout)

    def test_invalid_values_are_refused_at_start(self):
        cases = [({"HASURA_GRAPHQL_SERVER_PORT": "eighty"}, "HASURA_GRAPHQL_SERVER_PORT"),
                 ({"HASURA_GRAPHQL_LOG_LEVEL": "chatty"}, "HASURA_GRAPHQL_LOG_LEVEL"),
                 ({"HASURA_GRAPHQL_ENABLED_APIS": "graphql,everything"}, "everything"),
                 ({"HASURA_GRAPHQL_CORS_DOMAIN": "nohost"}, "HASURA_GRAPHQL_CORS_DOMAIN")]
        for env, needle in cases:
            r = self.run_graft(["serve"], env)
            self.assertEqual(r.returncode, 2, (env, r.stderr))
            self.assertIn(needle, r.stderr)
        r = self.run_graft(["serve", "--bogus-flag"])
        self.assertEqual(r.returncode, 2)
        self.assertIn("--bogus-flag", r.stderr)

    def test_port_in_use_is_a_clear_error(self):
        with PgCluster() as pg, socket.socket() as s:
            s.bind(("0.0.0.0", 0))
            s.listen()
            port = s.getsockname()[1]
            graft = Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url(),
                               "HASURA_GRAPHQL_SERVER_PORT": str(port)}).start(expect_ready=False)
            self.assertEqual(graft.wait_exit(), 1)
            self.assertIn("cannot listen", graft.output())


class ShutdownTest(unittest.TestCase):
    def test_sigterm_closes_idle_keep_alive_connections_and_exits(self):
        with PgCluster() as pg:
            graft = Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}).start()
            idle = [graft.connection() for _ in range(8)]
            for conn in idle:
                send(conn, "GET", "/v1/version")
            code = graft.stop(signal.SIGTERM, timeout=20)
            self.assertEqual(code, 0, graft.output())
            self.assertIn("graft stopped", graft.output())
            for conn in idle:
                conn.close()

    def test_sigterm_lets_a_request_in_flight_finish(self):
        with PgCluster() as pg:
            graft = Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}).start()
            outcome = {}

            def slow_request():
                body = {"type": "run_sql", "args": {"sql": "select pg_sleep(1.5), 'done' as v"}}
                outcome["response"] = graft.request("POST", "/v2/query", body=body)

            worker = threading.Thread(target=slow_request)
            worker.start()
            wait_until(lambda: pg.psql("select count(*) from pg_stat_activity "
                                       "where query like 'select pg_sleep%'") == "1",
                       10, "the slow statement to reach postgres")
            code = graft.stop(signal.SIGTERM, timeout=30)
            worker.join()
            self.assertEqual(code, 0, graft.output())
            status, _, body = outcome["response"]
            self.assertEqual(status, 200)
            self.assertEqual(json.loads(body)["result"][1], ["", "done"])


if __name__ == "__main__":
    unittest.main()


class QueryApiTest(unittest.TestCase):
    """What the YAML cases cannot express: raw bodies, the admin secret, persistence."""

    def test_admin_secret_guards_the_apis(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url(),
                                           "HASURA_GRAPHQL_ADMIN_SECRET": "top-secret"}) as graft:
            body = {"type": "run_sql", "args": {"sql": "select 1"}}
            status, _, resp = graft.request("POST", "/v2/query", body=body)
            self.assertEqual(status, 401)
            self.assertEqual(json.loads(resp)["code"], "access-denied")
            status, _, resp = graft.request("POST", "/v2/query", body=body,
                                            headers={"x-hasura-admin-secret": "wrong"})
            self.assertEqual((status, json.loads(resp)["error"]),
                             (401, "invalid x-hasura-admin-secret/x-hasura-access-key"))
            status, _, resp = graft.request("POST", "/v2/query", body=body,
                                            headers={"X-Hasura-Admin-Secret": "top-secret"})
            self.assertEqual(status, 200, resp)

    def test_malformed_json_is_parse_failed(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            status, _, resp = graft.request("POST", "/v1/metadata", body=b'{"type": ')
            self.assertEqual(status, 400)
            err = json.loads(resp)
            self.assertEqual((err["code"], err["path"]), ("parse-failed", "$"))

    def test_metadata_api_can_be_disabled(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url(),
                                           "HASURA_GRAPHQL_ENABLED_APIS": "graphql"}) as graft:
            status, _, _ = graft.request("POST", "/v1/metadata",
                                         body={"type": "export_metadata", "args": {}})
            self.assertEqual(status, 404)

    def test_metadata_is_stored_and_survives_restarts(self):
        with PgCluster() as pg:
            env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url()}
            with Graft(env=env) as graft:
                export = {"type": "export_metadata", "version": 2, "args": {}}
                first = json.loads(graft.request("POST", "/v1/metadata", body=export)[2])
                status, _, _ = graft.request("POST", "/v1/metadata",
                                             body={"type": "clear_metadata", "args": {}})
                self.assertEqual(status, 200)
            self.assertEqual(pg.psql("select resource_version from hdb_catalog.hdb_metadata"),
                             str(first["resource_version"] + 1))
            self.assertEqual(pg.psql("select version from hdb_catalog.hdb_version"), "48")
            with Graft(env=env) as again:
                second = json.loads(again.request("POST", "/v1/metadata", body=export)[2])
                self.assertEqual(second["resource_version"], first["resource_version"] + 1)
                self.assertEqual(second["metadata"], first["metadata"])

    def test_replace_then_export_keeps_the_document_byte_for_byte(self):
        metadata = {"version": 3,
                    "sources": [{"name": "default", "kind": "postgres", "tables": [],
                                 "configuration": {"connection_info": {"database_url": {
                                     "from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}],
                    "zz_future_section": {"b": [1, 2, {"y": None, "x": "é"}], "a": True},
                    "actions": [{"name": "login", "definition": {"kind": "synchronous"}}]}
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            status, _, body = graft.request("POST", "/v1/metadata", body={
                "type": "replace_metadata", "args": metadata})
            self.assertEqual(status, 200, body)
            _, _, exported = graft.request("POST", "/v1/metadata",
                                           body={"type": "export_metadata", "args": {}})
            self.assertEqual(exported.decode(),
                             json.dumps(metadata, separators=(",", ":"), ensure_ascii=False))

    def test_run_sql_renaming_columns_renames_them_in_the_metadata(self):
        """As Hasura does: a column renamed by run_sql (same attnum, new name) is renamed in
        every piece of metadata that names it, rather than reported as gone."""
        def shelf(label, books_key):
            return {
                "table": {"schema": "public", "name": "shelf"},
                "array_relationships": [{"name": "books", "using": {"manual_configuration": {
                    "remote_table": {"schema": "public", "name": "book"},
                    "column_mapping": {"id": books_key}}}}],
                "select_permissions": [{"role": "reader", "permission": {
                    "columns": ["id", label],
                    "filter": {"books": {"id": {"_gt": 0}}}}}]}

        def book(title, shelf_id, label):
            return {
                "table": {"schema": "public", "name": "book"},
                "configuration": {"column_config": {title: {"custom_name": "bookTitle"}},
                                  "custom_column_names": {title: "bookTitle"},
                                  "custom_root_fields": {}},
                "object_relationships": [
                    {"name": "shelf", "using": {"foreign_key_constraint_on": shelf_id}},
                    {"name": "same_shelf", "using": {"manual_configuration": {
                        "remote_table": {"schema": "public", "name": "shelf"},
                        "column_mapping": {shelf_id: "id"}}}}],
                "insert_permissions": [{"role": "reader", "permission": {
                    "check": {shelf_id: {"_eq": "X-Hasura-Shelf-Id"}},
                    "set": {title: "untitled"}, "columns": ["id", shelf_id]}}],
                "select_permissions": [{"role": "reader", "permission": {
                    "columns": ["id", title, shelf_id],
                    "filter": {"_and": [
                        {"shelf": {label: {"_eq": "a"}}},
                        {"_not": {"subtitle": {"_ceq": title}}},
                        {"_exists": {"_table": {"schema": "public", "name": "shelf"},
                                     "_where": {label: {"_cne": ["$", title]}}}}]}}}],
                "event_triggers": [{"name": "book_changed", "definition": {
                    "enable_manual": False, "update": {"columns": [title]}},
                    "retry_conf": {"num_retries": 0, "interval_sec": 10, "timeout_sec": 60},
                    "webhook": "http://127.0.0.1:1/hook"}]}

        def document(title, shelf_id, label):
            return {"version": 3, "sources": [{
                "name": "default", "kind": "postgres",
                "tables": [book(title, shelf_id, label), shelf(label, shelf_id)],
                "configuration": {"connection_info": {
                    "database_url": {"from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}]}

        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            pg.psql("create table shelf (id int primary key, label text);"
                    "create table book (id int primary key, title text, subtitle text,"
                    "                   shelf_id int references shelf (id));"
                    "insert into shelf values (1, 'a');"
                    "insert into book values (10, 'T', 'S', 1), (11, 'U', 'U', 1)")
            status, _, body = graft.request("POST", "/v1/metadata", body={
                "type": "replace_metadata", "args": document("title", "shelf_id", "label")})
            self.assertEqual(status, 200, body)
            status, _, body = graft.request("POST", "/v2/query", body={"type": "run_sql", "args": {
                "sql": "alter table book rename column title to name;"
                       "alter table book rename column shelf_id to shelf_ref;"
                       "alter table shelf rename column label to tag"}})
            self.assertEqual(status, 200, body)
            _, _, exported = graft.request("POST", "/v1/metadata",
                                           body={"type": "export_metadata", "args": {}})
            self.assertEqual(json.loads(exported), document("name", "shelf_ref", "tag"))
            inconsistent = json.loads(graft.request("POST", "/v1/metadata", body={
                "type": "get_inconsistent_metadata", "args": {}})[2])
            self.assertEqual(inconsistent["inconsistent_objects"], [])
            answer = json.loads(graft.request(
                "POST", "/v1/graphql",
                body={"query": "{ book { id bookTitle shelf_ref shelf { id tag } } }"},
                headers={"x-hasura-role": "reader"})[2])
            self.assertEqual(answer, {"data": {"book": [
                {"id": 10, "bookTitle": "T", "shelf_ref": 1, "shelf": {"id": 1, "tag": "a"}}]}})

    def test_schemas_of_roles_in_use_are_generated_again_after_a_change(self):
        """After a metadata change the schemas of the roles served before it are generated
        on the engine's own thread, without waiting for a request; roles never served are
        not."""
        env = {"HASURA_GRAPHQL_LOG_LEVEL": "debug"}
        with PgCluster() as pg, Graft(env=dict(env, HASURA_GRAPHQL_DATABASE_URL=pg.url())) as graft:
            def metadata(command, args):
                status, _, body = graft.request("POST", "/v1/metadata",
                                                body={"type": command, "args": args})
                self.assertEqual(status, 200, body)

            def gql(query, role):
                return json.loads(graft.request("POST", "/v1/graphql", body={"query": query},
                                                headers={"x-hasura-role": role})[2])

            def warmed():
                return [line["detail"]["role"] for line in graft.log_lines()
                        if line.get("type") == "schema"
                        and line.get("detail", {}).get("kind") == "warmed"]

            pg.psql("create table a (id int primary key); create table b (id int primary key);"
                    "insert into a values (1); insert into b values (2)")
            metadata("pg_track_table", {"table": "a"})
            for role in ("user", "other"):
                metadata("pg_create_select_permission", {
                    "table": "a", "role": role, "permission": {"columns": ["id"], "filter": {}}})
            self.assertEqual(warmed(), [])  # nothing was served yet
            self.assertEqual(gql("{ a { id } }", "admin"), {"data": {"a": [{"id": 1}]}})
            self.assertEqual(gql("{ a { id } }", "user"), {"data": {"a": [{"id": 1}]}})
            metadata("pg_track_table", {"table": "b"})
            wait_until(lambda: sorted(warmed()) == ["admin", "user"], 10,
                       "the schemas of admin and user to be generated again")
            self.assertEqual(gql("{ b { id } }", "admin"), {"data": {"b": [{"id": 2}]}})
            self.assertEqual(sorted(warmed()), ["admin", "user"])

    def test_commands_read_the_tables_they_name_again(self):
        """A command about some tables reads just those from the catalog again (tracking one
        more of thousands stays fast): what changed in them outside Graft is seen; other
        tables are as the last whole read left them until reload_metadata, as in Hasura."""
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            def metadata(command, args):
                return graft.request("POST", "/v1/metadata", body={"type": command, "args": args})

            def gql(query, role="admin"):
                return json.loads(graft.request("POST", "/v1/graphql", body={"query": query},
                                                headers={"x-hasura-role": role})[2])

            pg.psql("create table a (id int primary key); create table b (id int primary key);"
                    "insert into a values (1); insert into b values (2)")
            for table in ("a", "b"):
                self.assertEqual(metadata("pg_track_table", {"table": table})[0], 200)
            # Outside Graft: a new column on each, and a new table.
            pg.psql("alter table a add column note text default 'x';"
                    "alter table b add column note text default 'y';"
                    "create table c (id int primary key, a_id int references a (id))")
            status, _, body = metadata("pg_create_select_permission", {
                "table": "a", "role": "user",
                "permission": {"columns": ["id", "note"], "filter": {}}})
            self.assertEqual(status, 200, body)
            self.assertEqual(gql("{ a { id note } }", role="user"),
                             {"data": {"a": [{"id": 1, "note": "x"}]}})
            status, _, body = metadata("pg_track_table", {"table": "c"})
            self.assertEqual(status, 200, body)
            status, _, body = metadata("pg_create_object_relationship", {
                "table": "c", "name": "a", "using": {"foreign_key_constraint_on": "a_id"}})
            self.assertEqual(status, 200, body)
            self.assertIn(b"no such table", metadata("pg_track_table", {"table": "d"})[2])
            # b was not named: its new column waits for reload_metadata.
            self.assertEqual(gql("{ b { note } }")["errors"][0]["extensions"]["code"],
                             "validation-failed")
            self.assertEqual(metadata("reload_metadata", {})[0], 200)
            self.assertEqual(gql("{ b { note } }"), {"data": {"b": [{"note": "y"}]}})
            # run_sql without the consistency check is read again too.
            status, _, body = graft.request("POST", "/v2/query", body={
                "type": "run_sql", "args": {"sql": "alter table b add column n2 int default 3",
                                            "check_metadata_consistency": False}})
            self.assertEqual(status, 200, body)
            self.assertEqual(gql("{ b { n2 } }"), {"data": {"b": [{"n2": 3}]}})

    def test_concurrent_writers_on_two_instances_all_land(self):
        """Commands sent at once to two instances, naming no resource_version, each apply on
        top of the others' writes (serialised per instance, applied again after another
        instance's write got in first): every one succeeds and none is lost."""
        with PgCluster() as pg:
            pg.psql(";".join(f"create table w{i} (id int primary key)" for i in range(16)))
            env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url()}
            with Graft(env=env) as first, Graft(env=env) as second:
                statuses = {}

                def track(instance, i):
                    status, _, body = instance.request("POST", "/v1/metadata", body={
                        "type": "pg_track_table", "args": {"table": f"w{i}"}})
                    statuses[i] = (status, body[:200])

                threads = [threading.Thread(target=track, args=(first if i % 2 else second, i))
                           for i in range(16)]
                for thread in threads:
                    thread.start()
                for thread in threads:
                    thread.join()
                self.assertEqual({i: s for i, (s, _) in statuses.items()},
                                 {i: 200 for i in range(16)}, statuses)
                everything = sorted(f"w{i}" for i in range(16))
                stored = json.loads(pg.psql("select metadata from hdb_catalog.hdb_metadata"))
                self.assertEqual(sorted(t["table"]["name"]
                                        for t in stored["sources"][0]["tables"]), everything)

                def tracked(instance):
                    exported = json.loads(instance.request("POST", "/v1/metadata", body={
                        "type": "export_metadata", "args": {}})[2])
                    return sorted(t["table"]["name"] for t in exported["sources"][0]["tables"])

                # Each instance follows the other's last writes shortly after.
                for instance in (first, second):
                    wait_until(lambda: tracked(instance) == everything, 5,
                               "both instances to serve every table")

    def test_instances_follow_announced_changes_and_poll_for_silent_ones(self):
        with PgCluster() as pg:
            pg.psql("create table announced (id int primary key)")
            pg.psql("create table silent (id int primary key)")
            env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url()}
            # The second instance polls once in ten minutes: only the NOTIFY that the first
            # instance's write sends can bring it the change in time.
            listening = dict(env, HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL="600000")
            polling = dict(env, HASURA_GRAPHQL_SCHEMA_SYNC_POLL_INTERVAL="200")
            with Graft(env=env) as writer, Graft(env=listening) as listener, \
                    Graft(env=polling) as poller:
                status, _, body = writer.request("POST", "/v1/metadata", body={
                    "type": "pg_track_table", "args": {"table": "announced"}})
                self.assertEqual(status, 200, body)
                export = {"type": "export_metadata", "version": 2, "args": {}}

                def tables(instance):
                    seen = json.loads(instance.request("POST", "/v1/metadata", body=export)[2])
                    return [t["table"]["name"] for t in seen["metadata"]["sources"][0]["tables"]]

                wait_until(lambda: tables(listener) == ["announced"], 5,
                           "the listening instance to pick up the announced change",
                           interval=0.05)
                # A writer that does not notify (Hasura itself, or SQL): found by polling.
                pg.psql("""update hdb_catalog.hdb_metadata
                              set metadata = jsonb_set(metadata::jsonb, '{sources,0,tables}',
                                    '[{"table": {"schema": "public", "name": "silent"}}]')::json,
                                  resource_version = resource_version + 1""")
                wait_until(lambda: tables(poller) == ["silent"], 5,
                           "the polling instance to pick up the silent change", interval=0.05)
                self.assertEqual(json.loads(poller.request("POST", "/v1/graphql", body={
                    "query": "{ silent { id } }"})[2]), {"data": {"silent": []}})
                # The listener was not told; it still serves what it was told last.
                self.assertEqual(tables(listener), ["announced"])

    def test_instances_sharing_a_metadata_database_converge(self):
        with PgCluster() as pg:
            pg.psql("create table shared_t (id int primary key)")
            env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url()}
            with Graft(env=env) as first, Graft(env=env) as second:
                status, _, body = first.request("POST", "/v1/metadata", body={
                    "type": "pg_track_table", "args": {"table": "shared_t"}})
                self.assertEqual(status, 200, body)
                export = {"type": "export_metadata", "version": 2, "args": {}}

                def second_sees_it():
                    seen = json.loads(second.request("POST", "/v1/metadata", body=export)[2])
                    tables = seen["metadata"]["sources"][0]["tables"]
                    return tables == [{"table": {"schema": "public", "name": "shared_t"}}]

                wait_until(second_sees_it, 5, "the second instance to pick up the change",
                           interval=0.05)
                # And the second now writes against the new version without a conflict.
                status, _, body = second.request("POST", "/v1/metadata", body={
                    "type": "pg_untrack_table", "args": {"table": "shared_t"}})
                self.assertEqual(status, 200, body)
