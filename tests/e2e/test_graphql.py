"""End-to-end tests of /v1/graphql that the YAML cases cannot express: graphql-js reading the
generated schema, and the session rules of the admin secret and the unauthorized role."""

import json
import os
import subprocess
import tempfile
import unittest

from graft_harness import Graft, PgCluster

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
INTROSPECTION_QUERY = os.path.join(ROOT, "src", "graphql", "testdata",
                                   "introspection_query.graphql")
ROUNDTRIP = os.path.join(ROOT, "tests", "clients", "introspection_roundtrip.mjs")

SETUP_SQL = """
CREATE SCHEMA salesforce;
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE TABLE public.author (id serial PRIMARY KEY, name text NOT NULL, rating numeric,
                            big bigint, info jsonb, tags text[], seen timestamptz,
                            uid uuid, feeling mood, ok boolean);
COMMENT ON TABLE public.author IS 'People who write';
COMMENT ON COLUMN public.author.name IS 'Their pen name';
CREATE TABLE public.article (id serial PRIMARY KEY, title text NOT NULL,
                             author_id int NOT NULL REFERENCES public.author (id));
CREATE TABLE salesforce.account (id text PRIMARY KEY, owner_id int, amount float8);
CREATE VIEW public.author_names AS SELECT id, name FROM public.author;
"""


def metadata(graft, body):
    status, _, resp = graft.request("POST", "/v1/metadata", body=body)
    if status != 200:
        raise AssertionError(f"{body['type']}: {status} {resp}")
    return json.loads(resp)


class GeneratedSchemaTest(unittest.TestCase):
    def test_graphql_js_rebuilds_the_generated_schema(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            graft.request("POST", "/v2/query",
                          body={"type": "run_sql", "args": {"sql": SETUP_SQL}})
            metadata(graft, {"type": "bulk", "args": [
                {"type": "pg_track_table", "args": {"table": "author"}},
                {"type": "pg_track_table", "args": {"table": "article"}},
                {"type": "pg_track_table", "args": {"table": "author_names"}},
                {"type": "pg_track_table",
                 "args": {"table": {"schema": "salesforce", "name": "account"}}},
                {"type": "pg_create_object_relationship", "args": {
                    "table": "article", "name": "author",
                    "using": {"foreign_key_constraint_on": "author_id"}}},
                {"type": "pg_create_array_relationship", "args": {
                    "table": "author", "name": "articles",
                    "using": {"foreign_key_constraint_on": {"table": "article",
                                                            "column": "author_id"}}}},
                {"type": "pg_create_array_relationship", "args": {
                    "table": "author", "name": "accounts",
                    "using": {"manual_configuration": {
                        "remote_table": {"schema": "salesforce", "name": "account"},
                        "column_mapping": {"id": "owner_id"}}}}},
            ]})
            with open(INTROSPECTION_QUERY) as f:
                query = f.read()
            status, _, resp = graft.request("POST", "/v1/graphql", body={"query": query})
            self.assertEqual(status, 200)
            self.assertNotIn("errors", json.loads(resp))
            with tempfile.NamedTemporaryFile("wb", suffix=".json") as result:
                result.write(resp)
                result.flush()
                rebuilt = subprocess.run(["node", ROUNDTRIP, "-", result.name],
                                         capture_output=True, text=True)
            self.assertEqual(rebuilt.returncode, 0, rebuilt.stderr)
            sdl = rebuilt.stdout
            # Hasura's names and shapes, as graphql-js prints them.
            for line in [
                "schema {\n  query: query_root\n  mutation: mutation_root\n}",
                "  insert_author(\n",
                "type author_mutation_response {",
                '"""People who write"""\ntype author {',
                '  """Their pen name"""\n  name: String!',
                "  articles(\n",
                "  articles_aggregate(\n",
                "  author_by_pk(id: Int!): author",
                "  salesforce_account(\n",
                "  author_names_aggregate(\n",
                "input author_bool_exp {",
                "input String_comparison_exp {",
                "input jsonb_comparison_exp {",
                "  _has_keys_any: [String!]",
                "enum order_by {",
                "enum author_select_column {",
                "type author_aggregate_fields {",
                "  count(columns: [author_select_column!], distinct: Boolean): Int!",
                "scalar numeric",
                "scalar bigint",
                "scalar _text",
                "scalar mood",
                "scalar timestamptz",
                "scalar float8",
                "  author: author!",
            ]:
                self.assertIn(line, sdl)
            self.assertNotIn("author_names_by_pk", sdl, "views have no primary key")


class ExplainTest(unittest.TestCase):
    def test_explain_gives_sql_and_postgres_plan_per_root_field(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            graft.request("POST", "/v2/query", body={"type": "run_sql", "args": {
                "sql": "CREATE TABLE t (id int PRIMARY KEY, name text)"}})
            metadata(graft, {"type": "pg_track_table", "args": {"table": "t"}})
            body = {"query": {"query": "query ($id: Int!) { a: t_by_pk(id: $id) { name } "
                                       "__typename b: t(limit: 2) { id } }",
                              "variables": {"id": 1}},
                    "user": {"x-hasura-role": "admin"}}
            status, _, resp = graft.request("POST", "/v1/graphql/explain", body=body)
            self.assertEqual(status, 200, resp)
            fields = json.loads(resp)
            self.assertEqual([f["field"] for f in fields], ["a", "b"])
            self.assertIn('FROM "public"."t"', fields[0]["sql"])
            # Values appear inline, as in Hasura, so the text runs as it is.
            self.assertIn("('1')::", fields[0]["sql"])
            self.assertNotIn("$1", fields[0]["sql"])
            self.assertTrue(any("Scan" in line for line in fields[0]["plan"]), fields[0]["plan"])
            status, _, resp = graft.request("POST", "/v1/graphql/explain",
                                            body={"query": {"query": "{ nope }"}})
            self.assertEqual(status, 400)
            self.assertEqual(json.loads(resp)["code"], "validation-failed")


VALUES_SQL = r"""
CREATE TYPE mood AS ENUM ('happy', 'sad');
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TYPE pair AS (a int, b text);
CREATE TABLE holder (id int PRIMARY KEY);
CREATE TABLE value (
  id int PRIMARY KEY, holder_id int REFERENCES holder (id),
  b boolean, i2 smallint, i4 int, i8 bigint, n numeric, n2 numeric(10,2), f4 real,
  f8 double precision, m money, t text, v varchar(5), c char(4), nm name, u uuid, j json,
  jb jsonb, ts timestamp, tz timestamptz, d date, tm time, iv interval, by bytea, ip inet,
  ta text[], ia int[], e mood, dom positive, p pair, o oid);
INSERT INTO holder VALUES (1), (2);
INSERT INTO value VALUES
  (1, 1, true, -32768, 2147483647, -9223372036854775808, 0.000, 12.5, 1.5, 0.1, 12.34,
   E'say "hi" \\ / \n\t\u0001 \u007f é 日本 🙂', 'abc', 'ab', 'a name',
   'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"a" : [1, 2.50]}', '{"b": {"c": 1.50}}',
   '2020-01-02 03:04:05.678', '2020-01-02 03:04:05+05:30', '2020-01-02', '03:04:05',
   '1 day 02:03:04', '\x00ff', '192.168.0.1/24', '{"a","b c",NULL}', '{1,NULL,3}', 'sad',
   7, ROW(1, 'x'), 4294967295),
  (2, 1, false, 0, 0, 0, 'NaN', -0.5, 'NaN', 'Infinity', -1, '', '', '', '', NULL, 'null',
   '[]', '-infinity', 'infinity', '0044-03-15 BC', '24:00', '-1 year', '\x', '::1', '{}',
   '{}', 'happy', 1, ROW(NULL, NULL), 0),
  (3, 2, NULL, NULL, NULL, NULL, 1e-20, NULL, '-Infinity', 1e300, NULL, NULL, NULL, NULL,
   NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
   NULL, NULL);
"""
VALUE_COLUMNS = ("id holder_id b i2 i4 i8 n n2 f4 f8 m t v c nm u j jb ts tz d tm iv by ip "
                 "ta ia e dom p o").split()


def exact_json(text):
    """JSON with numbers kept as their text, so that 100.00 and 100 differ."""
    return json.loads(text, parse_float=lambda s: ("number", s),
                      parse_int=lambda s: ("number", s))


class ResponseValuesTest(unittest.TestCase):
    def test_values_of_every_kind_are_what_row_to_json_writes(self):
        """Graft writes rows' JSON itself from Postgres' binary values (pg/binary_json.h); for
        every type it must give what Postgres' own row_to_json gives, numbers to the digit."""
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            status, _, resp = graft.request("POST", "/v2/query", body={
                "type": "run_sql", "args": {"sql": VALUES_SQL}})
            self.assertEqual(status, 200, resp)
            metadata(graft, {"type": "bulk", "args": [
                {"type": "pg_track_table", "args": {"table": "holder"}},
                {"type": "pg_track_table", "args": {"table": "value"}},
                {"type": "pg_create_array_relationship", "args": {
                    "table": "holder", "name": "values",
                    "using": {"foreign_key_constraint_on": {"table": "value",
                                                            "column": "holder_id"}}}},
                {"type": "pg_create_object_relationship", "args": {
                    "table": "value", "name": "holder",
                    "using": {"foreign_key_constraint_on": "holder_id"}}}]})
            columns = " ".join(VALUE_COLUMNS)
            status, _, resp = graft.request("POST", "/v1/graphql", body={"query": (
                "{ value(order_by: {id: asc}) { " + columns + " __typename holder { id } } "
                "holder(order_by: {id: asc}) { id values(order_by: {id: desc}) { " + columns +
                " } } value_by_pk(id: 1) { " + columns + " } }")})
            self.assertEqual(status, 200, resp)
            data = exact_json(resp)["data"]

            def postgres(sql):
                status, _, resp = graft.request("POST", "/v2/query", body={
                    "type": "run_sql", "args": {"sql": sql}})
                self.assertEqual(status, 200, resp)
                return exact_json(json.loads(resp)["result"][1][0])

            listed = ", ".join(f'"{c}"' for c in VALUE_COLUMNS)
            qualified = ", ".join(f'value."{c}"' for c in VALUE_COLUMNS)
            rows = postgres("SELECT json_agg(row_to_json(r) ORDER BY id) FROM (SELECT "
                            f"{qualified}, "
                            "'value' AS __typename, (SELECT row_to_json(h) FROM (SELECT "
                            "holder.id) h) AS holder FROM value JOIN holder ON "
                            "holder.id = holder_id) r")
            self.assertEqual(data["value"], rows)
            by_holder = postgres(
                "SELECT json_agg(json_build_object('id', h.id, 'values', (SELECT "
                f"json_agg(row_to_json(r) ORDER BY id DESC) FROM (SELECT {listed} FROM value "
                "WHERE holder_id = h.id) r)) ORDER BY h.id) FROM holder h")
            self.assertEqual(data["holder"], by_holder)
            self.assertEqual(data["value_by_pk"],
                             {k: v for k, v in rows[0].items() if k in VALUE_COLUMNS})
            # A few by hand, in case row_to_json and Graft were wrong alike.
            first = data["value"][0]
            self.assertEqual(first["n"], ("number", "0.000"))
            self.assertEqual(first["n2"], ("number", "12.50"))
            self.assertEqual(first["i8"], ("number", "-9223372036854775808"))
            self.assertEqual(first["t"], 'say "hi" \\ / \n\t\x01 \x7f é 日本 🙂')
            self.assertEqual(data["value"][1]["n"], "NaN")
            self.assertEqual(data["value"][1]["j"], None)


class SourcesTest(unittest.TestCase):
    def test_a_second_database_is_added_tracked_queried_and_dropped(self):
        with PgCluster() as pg:
            pg.psql("CREATE DATABASE crm")
            pg.psql("CREATE TABLE lead (id int PRIMARY KEY, email text); "
                    "INSERT INTO lead VALUES (1, 'a@example.com')", dbname="crm")
            env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url(), "CRM_URL": pg.url("crm")}
            with Graft(env=env) as graft:
                add = {"type": "pg_add_source", "args": {"name": "crm", "configuration": {
                    "connection_info": {"database_url": {"from_env": "CRM_URL"},
                                        "pool_settings": {"max_connections": 5}}}}}
                metadata(graft, add)
                status, _, resp = graft.request("POST", "/v1/metadata", body=add)
                self.assertEqual((status, json.loads(resp)["code"]), (400, "already-exists"))
                metadata(graft, {"type": "pg_track_table",
                                 "args": {"source": "crm", "table": "lead"}})
                status, _, resp = graft.request("POST", "/v1/graphql",
                                                body={"query": "{ lead { id email } }"})
                self.assertEqual(json.loads(resp),
                                 {"data": {"lead": [{"id": 1, "email": "a@example.com"}]}}, resp)
                # One operation over both databases: one statement per source.
                graft.request("POST", "/v2/query", body={"type": "run_sql", "args": {
                    "sql": "CREATE TABLE app_user (id int PRIMARY KEY); "
                           "INSERT INTO app_user VALUES (7)"}})
                metadata(graft, {"type": "pg_track_table", "args": {"table": "app_user"}})
                status, _, resp = graft.request("POST", "/v1/graphql", body={
                    "query": "{ a: lead { id } __typename b: app_user { id } c: lead { email } }"})
                self.assertEqual(resp, b'{"data":{"a":[{"id":1}],"__typename":"query_root",'
                                       b'"b":[{"id":7}],"c":[{"email":"a@example.com"}]}}')
                status, _, resp = graft.request("POST", "/v2/query", body={
                    "type": "run_sql", "args": {"source": "crm", "sql": "SELECT count(*) FROM lead"}})
                self.assertEqual(json.loads(resp)["result"], [["count"], ["1"]], resp)
                # A mutation over both databases: each root field in a transaction of its own,
                # in order, as Hasura runs them.
                status, _, resp = graft.request("POST", "/v1/graphql", body={"query": """
                    mutation { a: insert_app_user_one(object: {id: 8}) { id }
                               b: insert_lead(objects: [{id: 2, email: "b@example.com"}]) {
                                    affected_rows }
                               __typename }"""})
                self.assertEqual(json.loads(resp), {"data": {
                    "a": {"id": 8}, "b": {"affected_rows": 1}, "__typename": "mutation_root"}})
                # The second fails: the first stays done, the third is not run.
                status, _, resp = graft.request("POST", "/v1/graphql", body={"query": """
                    mutation { a: insert_app_user_one(object: {id: 9}) { id }
                               b: insert_lead(objects: [{id: 2, email: "again"}]) {
                                    affected_rows }
                               c: insert_app_user_one(object: {id: 10}) { id } }"""})
                self.assertEqual(json.loads(resp)["errors"][0]["extensions"]["code"],
                                 "constraint-violation", resp)
                self.assertNotIn("data", json.loads(resp))
                status, _, resp = graft.request("POST", "/v1/graphql", body={
                    "query": "{ app_user(order_by: {id: asc}) { id } lead { id } }"})
                self.assertEqual(json.loads(resp), {"data": {
                    "app_user": [{"id": 7}, {"id": 8}, {"id": 9}],
                    "lead": [{"id": 1}, {"id": 2}]}}, resp)
                # A source that cannot be reached is refused.
                bad = {"type": "pg_add_source", "args": {"name": "nowhere", "configuration": {
                    "connection_info": {"database_url": pg.url("missing_db")}}}}
                status, _, resp = graft.request("POST", "/v1/metadata", body=bad)
                self.assertEqual(status, 400, resp)
                # Dropping a source with tracked tables needs cascade.
                drop = {"type": "pg_drop_source", "args": {"name": "crm"}}
                status, _, resp = graft.request("POST", "/v1/metadata", body=drop)
                self.assertEqual((status, json.loads(resp)["code"]), (400, "dependency-error"))
            # The source and its tracking survive a restart.
            with Graft(env=env) as graft:
                status, _, resp = graft.request("POST", "/v1/graphql",
                                                body={"query": "{ lead { id } }"})
                self.assertEqual(json.loads(resp), {"data": {"lead": [{"id": 1}, {"id": 2}]}}, resp)
                metadata(graft, {"type": "pg_drop_source", "args": {"name": "crm", "cascade": True}})
                status, _, resp = graft.request("POST", "/v1/graphql",
                                                body={"query": "{ lead { id } }"})
                self.assertIn("errors", json.loads(resp))


    def test_a_source_is_updated_to_another_database(self):
        with PgCluster() as pg:
            for db, rows in (("crm_old", "(1, 'old')"), ("crm_new", "(2, 'new')")):
                pg.psql(f"CREATE DATABASE {db}")
                pg.psql(f"CREATE TABLE lead (id int PRIMARY KEY, email text); "
                        f"INSERT INTO lead VALUES {rows}", dbname=db)
            pg.psql("ALTER TABLE lead ADD COLUMN score int DEFAULT 5", dbname="crm_new")
            env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url()}
            query = {"query": "{ lead { id email } }"}
            with Graft(env=env) as graft:
                missing = {"type": "pg_update_source", "args": {"name": "crm", "configuration": {
                    "connection_info": {"database_url": pg.url("crm_new")}}}}
                status, _, resp = graft.request("POST", "/v1/metadata", body=missing)
                self.assertEqual((status, json.loads(resp)), (400, {
                    "path": "$.args", "error": 'source with name "crm" does not exist',
                    "code": "not-exists"}))
                metadata(graft, {"type": "pg_add_source", "args": {"name": "crm", "configuration": {
                    "connection_info": {"database_url": pg.url("crm_old")}}}})
                metadata(graft, {"type": "pg_track_table",
                                 "args": {"source": "crm", "table": "lead"}})
                self.assertEqual(json.loads(graft.request("POST", "/v1/graphql", body=query)[2]),
                                 {"data": {"lead": [{"id": 1, "email": "old"}]}})
                # Updated: served from the new database, with the new database's columns; a
                # customization given with it is stored (not applied yet: compatibility.md).
                metadata(graft, {"type": "pg_update_source", "args": {
                    "name": "crm", "configuration": missing["args"]["configuration"],
                    "customization": {"root_fields": {"prefix": "crm_"}}}})
                new_rows = {"data": {"lead": [{"id": 2, "email": "new", "score": 5}]}}
                query = {"query": "{ lead { id email score } }"}
                self.assertEqual(json.loads(graft.request("POST", "/v1/graphql", body=query)[2]),
                                 new_rows)
                # A bulk that fails leaves the source where it was.
                back = {"type": "pg_update_source", "args": {"name": "crm", "configuration": {
                    "connection_info": {"database_url": pg.url("crm_old")}}}}
                status, _, resp = graft.request("POST", "/v1/metadata", body={
                    "type": "bulk", "args": [
                        back, {"type": "pg_track_table", "args": {"source": "crm", "table": "nope"}}]})
                self.assertEqual(status, 400, resp)
                status, _, resp = graft.request("POST", "/v2/query", body={
                    "type": "run_sql", "args": {"source": "crm", "sql": "SELECT sum(score) FROM lead"}})
                self.assertEqual(json.loads(resp)["result"], [["sum"], ["5"]], resp)
                self.assertEqual(json.loads(graft.request("POST", "/v1/graphql", body=query)[2]),
                                 new_rows)
                exported = json.loads(graft.request("POST", "/v1/metadata", body={
                    "type": "export_metadata", "args": {}})[2])
                crm = [s for s in exported["sources"] if s["name"] == "crm"][0]
                self.assertEqual(crm["configuration"], missing["args"]["configuration"])
                self.assertEqual(crm["customization"], {"root_fields": {"prefix": "crm_"}})
            # And so it stays after a restart.
            with Graft(env=env) as graft:
                status, _, resp = graft.request("POST", "/v1/graphql", body={
                    "query": "{ lead { id } }"})
                self.assertEqual(json.loads(resp), {"data": {"lead": [{"id": 2}]}}, resp)


class SessionTest(unittest.TestCase):
    def test_admin_secret_and_unauthorized_role(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url(),
                                           "HASURA_GRAPHQL_ADMIN_SECRET": "s3cret",
                                           "HASURA_GRAPHQL_UNAUTHORIZED_ROLE": "anonymous"}) as graft:
            secret = {"x-hasura-admin-secret": "s3cret"}
            graft.request("POST", "/v2/query", headers=secret, body={
                "type": "run_sql", "args": {"sql": "CREATE TABLE t (id int PRIMARY KEY)"}})
            status, _, resp = graft.request("POST", "/v1/metadata", headers=secret, body={
                "type": "pg_track_table", "args": {"table": "t"}})
            self.assertEqual(status, 200, resp)
            query = {"query": "{ t { id } }"}
            status, _, resp = graft.request("POST", "/v1/graphql", headers=secret, body=query)
            self.assertEqual((status, json.loads(resp)), (200, {"data": {"t": []}}))
            # No secret: the unauthorized role, which has no permission on t.
            status, _, resp = graft.request("POST", "/v1/graphql", body=query)
            error = json.loads(resp)["errors"][0]
            self.assertEqual((status, error["extensions"]["code"]), (200, "validation-failed"))
            # A wrong secret is refused, whatever the unauthorized role; /v1/graphql answers
            # its errors with 200, as Hasura does.
            status, _, resp = graft.request("POST", "/v1/graphql", body=query,
                                            headers={"x-hasura-admin-secret": "nope"})
            self.assertEqual(status, 200)
            self.assertEqual(json.loads(resp)["errors"][0]["extensions"]["code"], "access-denied")

    def test_malformed_bodies(self):
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            for body in [b'{"query": ', b'[1, 2', b'"text"', b'{"query": 5}',
                         b'{"query": "{ __typename }", "variables": [1]}']:
                status, _, resp = graft.request("POST", "/v1/graphql", body=body)
                self.assertEqual(status, 400, (body, resp))
                self.assertEqual(json.loads(resp)["code"], "parse-failed", (body, resp))
            # A deeply nested document is refused without harm.
            deep = "{" + "a {" * 5000 + "}" * 5001
            status, _, resp = graft.request("POST", "/v1/graphql", body={"query": deep})
            self.assertEqual(status, 200)
            self.assertEqual(json.loads(resp)["errors"][0]["message"], "not a valid graphql query")
            status, _, resp = graft.request("POST", "/v1/graphql",
                                            body={"query": "{ __typename }"})
            self.assertEqual(json.loads(resp), {"data": {"__typename": "query_root"}})
            # The legacy endpoint: a failed request is HTTP 400 in the query API's error shape.
            status, _, resp = graft.request("POST", "/v1alpha1/graphql",
                                            body={"query": "{ nope }"})
            self.assertEqual((status, json.loads(resp)), (400, {"errors": [{
                "path": "$.selectionSet.nope", "code": "validation-failed",
                "error": "field \"nope\" not found in type: 'query_root'"}]}))
            status, _, resp = graft.request("POST", "/v1alpha1/graphql",
                                            body={"query": "{ __typename }"})
            self.assertEqual((status, json.loads(resp)),
                             (200, {"data": {"__typename": "query_root"}}))


if __name__ == "__main__":
    unittest.main()
