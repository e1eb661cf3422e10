"""End-to-end tests of role-based permissions on /v1/graphql: row filters with session
variables, column permissions in each role's own schema and introspection, insert presets and
checks (a failed check changes nothing), update and delete filters, and inherited roles.
Graft runs without an admin secret, so the role and session variables come from headers."""

import unittest

from server_case import ServerTestCase

SETUP_SQL = """
CREATE TABLE author (id int PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE article (id serial PRIMARY KEY, title text NOT NULL,
                      author_id int NOT NULL REFERENCES author (id),
                      published boolean NOT NULL DEFAULT false);
INSERT INTO author VALUES (1, 'Ada', 'ada@example.com'), (2, 'Brian', 'brian@example.com');
INSERT INTO article (title, author_id, published) VALUES
  ('Ada draft', 1, false), ('Ada public', 1, true), ('Brian draft', 2, false);
"""

PERMISSIONS = [
    {"type": "pg_track_table", "args": {"table": "author"}},
    {"type": "pg_track_table", "args": {"table": "article"}},
    {"type": "pg_create_object_relationship", "args": {
        "table": "article", "name": "author", "using": {"foreign_key_constraint_on": "author_id"}}},
    {"type": "pg_create_array_relationship", "args": {
        "table": "author", "name": "articles",
        "using": {"foreign_key_constraint_on": {"table": "article", "column": "author_id"}}}},
    # Users see every author's name but only their own email, their own articles and the
    # published ones of others.
    {"type": "pg_create_select_permission", "args": {
        "table": "author", "role": "user",
        "permission": {"columns": ["id", "name"], "filter": {}}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "author", "role": "self",
        "permission": {"columns": ["id", "name", "email"],
                       "filter": {"id": {"_eq": "X-Hasura-User-Id"}}}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "article", "role": "user",
        "permission": {"columns": ["id", "title", "author_id", "published"],
                       "filter": {"_or": [{"author_id": {"_eq": "X-Hasura-User-Id"}},
                                          {"published": {"_eq": True}}]}}}},
    {"type": "pg_create_insert_permission", "args": {
        "table": "article", "role": "user",
        "permission": {"columns": ["title", "published"],
                       "set": {"author_id": "X-Hasura-User-Id"},
                       "check": {"published": {"_eq": False}}}}},
    {"type": "pg_create_update_permission", "args": {
        "table": "article", "role": "user",
        "permission": {"columns": ["title"],
                       "filter": {"author_id": {"_eq": "X-Hasura-User-Id"}}}}},
    {"type": "pg_create_delete_permission", "args": {
        "table": "article", "role": "user",
        "permission": {"filter": {"author_id": {"_eq": "X-Hasura-User-Id"},
                                  "published": {"_eq": False}}}}},
    # Users may add authors only through a trusted backend (Hasura's backend-only mutations).
    {"type": "pg_create_insert_permission", "args": {
        "table": "author", "role": "user",
        "permission": {"columns": ["id", "name"], "check": {}, "backend_only": True}}},
    {"type": "add_inherited_role", "args": {"role_name": "user_self",
                                            "role_set": ["user", "self"]}},
]


def user(user_id, role="user"):
    return {"x-hasura-role": role, "x-hasura-user-id": str(user_id)}


class PermissionsTest(ServerTestCase):
    SETUP_SQL = SETUP_SQL
    METADATA = PERMISSIONS

    def test_rows_follow_the_session_variable(self):
        query = "{ article(order_by: {id: asc}) { title } }"
        self.assertEqual(self.gql(query, user(1)), {"data": {"article": [
            {"title": "Ada draft"}, {"title": "Ada public"}]}})
        self.assertEqual(self.gql(query, user(2)), {"data": {"article": [
            {"title": "Ada public"}, {"title": "Brian draft"}]}})
        # Nested lists apply the related table's filter too.
        nested = "{ author(order_by: {id: asc}) { name articles(order_by: {id: asc}) { title } } }"
        self.assertEqual(self.gql(nested, user(2)), {"data": {"author": [
            {"name": "Ada", "articles": [{"title": "Ada public"}]},
            {"name": "Brian", "articles": [{"title": "Brian draft"}]}]}})

    def test_a_missing_session_variable_is_an_error(self):
        body = self.gql("{ article { id } }", {"x-hasura-role": "user"})
        self.assertEqual(body["errors"][0]["extensions"]["code"], "not-found")
        self.assertEqual(body["errors"][0]["message"],
                         'missing session variables: "x-hasura-user-id"')

    def test_each_role_has_its_own_schema(self):
        body = self.gql("{ author { email } }", user(1))
        self.assertEqual(body["errors"][0]["message"],
                         "field \"email\" not found in type: 'author'")
        fields = self.gql('{ __type(name: "author") { fields { name } } }', user(1))
        self.assertEqual([f["name"] for f in fields["data"]["__type"]["fields"]],
                         ["id", "name", "articles"])
        roots = self.gql("{ __schema { queryType { fields { name } } "
                         "mutationType { fields { name } } } }", user(1))["data"]["__schema"]
        self.assertEqual(sorted(f["name"] for f in roots["queryType"]["fields"]),
                         ["article", "article_by_pk", "author", "author_by_pk"])
        self.assertEqual(sorted(f["name"] for f in roots["mutationType"]["fields"]),
                         ["delete_article", "delete_article_by_pk", "insert_article",
                          "insert_article_one", "update_article", "update_article_by_pk",
                          "update_article_many"])
        # A role with no permission at all has nothing to query.
        self.assertEqual(self.gql("{ no_queries_available }", {"x-hasura-role": "nobody"}),
                         {"data": {"no_queries_available": "There are no queries available to "
                                   "the current role. Either there are no sources or remote "
                                   "schemas configured, or the current role doesn't have the "
                                   "required permissions."}})
        # The input type has only the insertable columns; the preset one is not there.
        body = self.gql('mutation { insert_article(objects: [{title: "x", author_id: 2}]) '
                        '{ affected_rows } }', user(1))
        self.assertEqual(body["errors"][0]["extensions"]["code"], "validation-failed")

    def test_insert_presets_and_check(self):
        body = self.gql('mutation { insert_article_one(object: {title: "New"}) '
                        '{ title author_id published } }', user(2))
        self.assertEqual(body, {"data": {"insert_article_one": {
            "title": "New", "author_id": 2, "published": False}}})
        # The check refuses a published row; the first, valid row is not kept either.
        body = self.gql('mutation { insert_article(objects: [{title: "ok"}, '
                        '{title: "bad", published: true}]) { affected_rows } }', user(2))
        self.assertEqual(body["errors"][0]["extensions"]["code"], "permission-error")
        self.assertEqual(body["errors"][0]["message"],
                         "Check constraint violation. insert/update check constraint failed")
        count = self.gql('{ article_aggregate(where: {title: {_in: ["ok", "bad"]}}) '
                         '{ aggregate { count } } }')
        self.assertEqual(count["data"]["article_aggregate"]["aggregate"]["count"], 0)
        self.gql('mutation { delete_article(where: {title: {_eq: "New"}}) { affected_rows } }')

    def test_backend_only_insert_needs_the_backend_header(self):
        mutation = 'mutation { insert_author_one(object: {id: 9, name: "Backend"}) { id name } }'
        body = self.gql(mutation, user(1))
        self.assertEqual(body["errors"][0]["extensions"]["code"], "validation-failed", body)
        self.assertIn("insert_author_one", body["errors"][0]["message"])
        backend = {**user(1), "x-hasura-use-backend-only-permissions": "true"}
        body = self.gql(mutation, backend)
        self.assertEqual(body, {"data": {"insert_author_one": {"id": 9, "name": "Backend"}}})
        # The frontend's schema still does not show it, cached plans or not.
        body = self.gql(mutation.replace("9", "10"), user(1))
        self.assertEqual(body["errors"][0]["extensions"]["code"], "validation-failed", body)
        self.gql("mutation { delete_author_by_pk(id: 9) { id } }")

    def test_update_and_delete_reach_only_permitted_rows(self):
        body = self.gql('mutation { update_article(where: {}, _set: {title: "Renamed"}) '
                        '{ affected_rows } }', user(2))
        self.assertEqual(body, {"data": {"update_article": {"affected_rows": 1}}})
        body = self.gql('mutation { delete_article(where: {}) { affected_rows } }', user(1))
        self.assertEqual(body, {"data": {"delete_article": {"affected_rows": 1}}})
        titles = self.gql("{ article(order_by: {id: asc}) { title } }")["data"]["article"]
        self.assertEqual(titles, [{"title": "Ada public"}, {"title": "Renamed"}])
        # Put the rows back for the other tests.
        self.graft.request("POST", "/v2/query", body={"type": "run_sql", "args": {"sql": (
            "UPDATE article SET title = 'Brian draft' WHERE id = 3; "
            "INSERT INTO article (id, title, author_id) VALUES (1, 'Ada draft', 1)")}})

    def test_inherited_role_combines_its_parents(self):
        # user_self: every author (from user) with email only on the own row (from self).
        body = self.gql("{ author(order_by: {id: asc}) { name email } }", user(1, "user_self"))
        self.assertEqual(body, {"data": {"author": [
            {"name": "Ada", "email": "ada@example.com"}, {"name": "Brian", "email": None}]}})


if __name__ == "__main__":
    unittest.main()
