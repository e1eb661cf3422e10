"""End-to-end tests of the plan cache: a query sent again with other variable values or by
another user of the same role reuses the first request's plan, and must answer exactly as if
it had been planned afresh. Each test sends the same text several times with values that
change the answer, including values that shape the SQL (a limit) and a metadata change that
makes the cached plan stale."""

import unittest

from server_case import ServerTestCase

SETUP_SQL = """
CREATE TABLE account (id int PRIMARY KEY, owner_id int NOT NULL, name text NOT NULL,
                      tags jsonb NOT NULL DEFAULT '{}');
INSERT INTO account SELECT i, 1 + i % 3, 'account ' || i, jsonb_build_object('n', i)
  FROM generate_series(1, 12) i;
"""

METADATA = [
    {"type": "pg_track_table", "args": {"table": "account"}},
    {"type": "pg_create_select_permission", "args": {
        "table": "account", "role": "user",
        "permission": {"columns": ["id", "owner_id", "name"],
                       "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}},
    {"type": "pg_create_insert_permission", "args": {
        "table": "account", "role": "user",
        "permission": {"columns": ["id", "name"], "set": {"owner_id": "X-Hasura-User-Id"},
                       "check": {}}}},
]

BY_PK = "query ($id: Int!) { account_by_pk(id: $id) { id name } }"


class PlanCacheTest(ServerTestCase):
    SETUP_SQL = SETUP_SQL
    METADATA = METADATA

    def test_other_variable_values_get_their_own_rows(self):
        for id_ in (3, 7, 3, 12, 99):
            data = self.gql(BY_PK, variables={"id": id_})
            expected = None if id_ == 99 else {"id": id_, "name": f"account {id_}"}
            self.assertEqual(data, {"data": {"account_by_pk": expected}})

    def test_strings_and_json_values_are_bound_too(self):
        query = ("query ($name: String!, $tags: jsonb) { account(where: {name: {_eq: $name}, "
                 "tags: {_contains: $tags}}) { id } }")
        for name, tags, ids in (("account 4", {"n": 4}, [4]), ("account 5", {"n": 5}, [5]),
                                ("account 5", {"n": 4}, []), ("x'); --", {}, [])):
            data = self.gql(query, variables={"name": name, "tags": tags})
            self.assertEqual(data, {"data": {"account": [{"id": i} for i in ids]}})

    def test_a_variable_that_shapes_the_sql_is_matched_exactly(self):
        query = ("query ($limit: Int, $offset: Int) { account(order_by: {id: asc}, "
                 "limit: $limit, offset: $offset) { id } }")
        for limit, offset in ((2, 0), (3, 0), (2, 5), (2, 0), (1, 11)):
            data = self.gql(query, variables={"limit": limit, "offset": offset})
            expected = [{"id": i} for i in range(offset + 1, min(13, offset + limit + 1))]
            self.assertEqual(data, {"data": {"account": expected}}, (limit, offset))

    def test_each_user_of_a_role_sees_their_own_rows(self):
        query = "{ account(order_by: {id: asc}) { id owner_id } }"
        for user in ("1", "2", "1", "3"):
            data = self.gql(query, headers={"x-hasura-role": "user", "x-hasura-user-id": user})
            rows = data["data"]["account"]
            self.assertTrue(rows)
            self.assertEqual({row["owner_id"] for row in rows}, {int(user)})
        # Without the session variable the plan cannot be reused: Hasura's error.
        data = self.gql(query, headers={"x-hasura-role": "user"})
        self.assertIn("errors", data)
        self.assertIn("x-hasura-user-id", data["errors"][0]["message"].lower())

    def test_a_variable_of_the_wrong_type_is_refused_every_time(self):
        self.gql(BY_PK, variables={"id": 1})
        for _ in range(2):
            data = self.gql(BY_PK, variables={"id": "one"})
            self.assertEqual(data["errors"][0]["extensions"]["code"], "validation-failed", data)

    def test_inserts_with_a_cached_plan_write_each_value(self):
        mutation = ("mutation ($id: Int!, $name: String!) { insert_account_one(object: "
                    "{id: $id, name: $name}) { id owner_id name } }")
        for id_, user in ((101, "2"), (102, "3")):
            data = self.gql(mutation, variables={"id": id_, "name": f"new {id_}"},
                            headers={"x-hasura-role": "user", "x-hasura-user-id": user})
            self.assertEqual(data, {"data": {"insert_account_one": {
                "id": id_, "owner_id": int(user), "name": f"new {id_}"}}})
        rows = self.sql("SELECT id, owner_id FROM account WHERE id > 100 ORDER BY id")["result"]
        self.assertEqual(rows, [["id", "owner_id"], ["101", "2"], ["102", "3"]])

    def test_a_metadata_change_makes_cached_plans_stale(self):
        query = "query ($id: Int!) { account(where: {id: {_eq: $id}}) { id name } }"
        self.assertEqual(self.gql(query, variables={"id": 2}),
                         {"data": {"account": [{"id": 2, "name": "account 2"}]}})
        self.metadata({"type": "pg_set_table_customization", "args": {
            "table": "account", "configuration": {"column_config": {
                "name": {"custom_name": "title"}}}}})
        try:
            data = self.gql(query, variables={"id": 2})
            self.assertEqual(data["errors"][0]["extensions"]["code"], "validation-failed", data)
            renamed = "query ($id: Int!) { account(where: {id: {_eq: $id}}) { id title } }"
            self.assertEqual(self.gql(renamed, variables={"id": 2}),
                             {"data": {"account": [{"id": 2, "title": "account 2"}]}})
        finally:
            self.metadata({"type": "pg_set_table_customization", "args": {
                "table": "account", "configuration": {}}})

    def metadata(self, command):
        status, _, resp = self.graft.request("POST", "/v1/metadata", body=command)
        self.assertEqual(status, 200, resp)


if __name__ == "__main__":
    unittest.main()
