"""End-to-end tests of tracked functions and computed fields on /v1/graphql: a function
returning SETOF a table with arguments, defaults and the session, its aggregate, and computed
fields (scalar and table) in selections, filters and orderings, as admin and as a role."""

import unittest

from server_case import ServerTestCase

SETUP_SQL = """
CREATE TABLE author (id int PRIMARY KEY, first_name text NOT NULL, last_name text);
CREATE TABLE article (id int PRIMARY KEY, title text NOT NULL, author_id int NOT NULL);
INSERT INTO author VALUES (1, 'Ada', 'Lovelace'), (2, 'Brian', NULL);
INSERT INTO article VALUES (1, 'Engines', 1), (2, 'Notes', 1), (3, 'Unix', 2);
CREATE FUNCTION search_articles(search text, max_id int DEFAULT 100)
  RETURNS SETOF article AS $$
    SELECT * FROM article WHERE title ILIKE '%' || search || '%' AND id <= max_id
  $$ LANGUAGE sql STABLE;
CREATE FUNCTION my_articles(hasura_session json)
  RETURNS SETOF article AS $$
    SELECT * FROM article WHERE author_id = (hasura_session ->> 'x-hasura-user-id')::int
  $$ LANGUAGE sql STABLE;
CREATE FUNCTION full_name(author_row author) RETURNS text AS $$
    SELECT author_row.first_name || coalesce(' ' || author_row.last_name, '')
  $$ LANGUAGE sql STABLE;
CREATE FUNCTION articles_of(author_row author) RETURNS SETOF article AS $$
    SELECT * FROM article WHERE author_id = author_row.id
  $$ LANGUAGE sql STABLE;
"""

METADATA = [
    {"type": "pg_track_table", "args": {"table": "author"}},
    {"type": "pg_track_table", "args": {"table": "article"}},
    {"type": "pg_track_function", "args": {"function": "search_articles"}},
    {"type": "pg_track_function", "args": {
        "function": "my_articles", "configuration": {"session_argument": "hasura_session"}}},
    {"type": "pg_add_computed_field", "args": {
        "table": "author", "name": "full_name", "definition": {"function": "full_name"}}},
    {"type": "pg_add_computed_field", "args": {
        "table": "author", "name": "written", "definition": {"function": "articles_of"}}},
    # The same function as a root field: its row argument is a scalar given as text.
    {"type": "pg_track_function", "args": {"function": "articles_of"}},
    {"type": "pg_create_select_permission", "args": {
        "table": "author", "role": "reader",
        "permission": {"columns": ["id"], "filter": {}, "computed_fields": ["full_name"]}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "author", "role": "viewer", "permission": {"columns": ["id"], "filter": {}}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "author", "role": "self",
        "permission": {"columns": ["id"], "computed_fields": ["full_name"],
                       "filter": {"id": {"_eq": "X-Hasura-User-Id"}}}}},
    {"type": "add_inherited_role", "args": {"role_name": "viewer_self",
                                            "role_set": ["viewer", "self"]}},
    {"type": "pg_create_select_permission", "args": {
        "table": "article", "role": "reader",
        "permission": {"columns": ["id", "title"], "filter": {"id": {"_lt": 3}}}}},
]


class FunctionsTest(ServerTestCase):
    SETUP_SQL = SETUP_SQL
    METADATA = METADATA

    def test_function_arguments_defaults_filters_and_aggregate(self):
        body = self.gql('{ a: search_articles(args: {search: "e"}, order_by: {id: desc}) { id } '
                        '  b: search_articles(args: {search: "e", max_id: 1}) { id } '
                        '  c: search_articles(args: {search: "n"}, where: {author_id: {_eq: 2}}) '
                        '     { title } '
                        '  search_articles_aggregate(args: {search: "e"}) '
                        '     { aggregate { count } } }')
        self.assertEqual(body, {"data": {
            "a": [{"id": 2}, {"id": 1}], "b": [{"id": 1}], "c": [{"title": "Unix"}],
            "search_articles_aggregate": {"aggregate": {"count": 2}}}})

    def test_session_argument(self):
        body = self.gql("{ my_articles(order_by: {id: asc}) { id } }",
                        {"x-hasura-role": "admin", "x-hasura-user-id": "2"})
        self.assertEqual(body, {"data": {"my_articles": [{"id": 3}]}})

    def test_computed_fields_select_filter_and_order(self):
        body = self.gql('{ author(where: {full_name: {_eq: "Ada Lovelace"}}) '
                        '{ full_name written(order_by: {id: asc}) { title } } '
                        '  b: author(order_by: {full_name: desc}) { id } '
                        '  c: author(where: {written: {title: {_eq: "Unix"}}}) { id } }')
        self.assertEqual(body, {"data": {
            "author": [{"full_name": "Ada Lovelace",
                        "written": [{"title": "Engines"}, {"title": "Notes"}]}],
            "b": [{"id": 2}, {"id": 1}], "c": [{"id": 2}]}})

    def test_function_of_a_row_as_root_field(self):
        body = self.gql('{ articles_of(args: {author_row: "(1,Ada,Lovelace)"}, '
                        '  order_by: {id: asc}) { title } '
                        '  author(where: {id: {_eq: 2}}) { written { title } } }')
        self.assertEqual(body, {"data": {
            "articles_of": [{"title": "Engines"}, {"title": "Notes"}],
            "author": [{"written": [{"title": "Unix"}]}]}})
        # The scalar of the row type is named apart from the table's object type.
        body = self.gql('{ __type(name: "articles_of_args") '
                        '{ inputFields { name type { name } } } }')
        self.assertEqual(body["data"]["__type"]["inputFields"],
                         [{"name": "author_row", "type": {"name": "author_scalar"}}])
        body = self.gql('{ articles_of(args: {author_row: 1}) { id } }')
        self.assertEqual(body["errors"][0]["message"], "A string is expected for type: author")

    def test_a_role_sees_its_computed_fields_and_rows(self):
        reader = {"x-hasura-role": "reader"}
        body = self.gql("{ author(order_by: {id: asc}) { full_name "
                        "written(order_by: {id: asc}) { id } } }", reader)
        # The table computed field follows article's filter (id < 3).
        self.assertEqual(body, {"data": {"author": [
            {"full_name": "Ada Lovelace", "written": [{"id": 1}, {"id": 2}]},
            {"full_name": "Brian", "written": []}]}})
        body = self.gql("{ search_articles(args: {search: \"\"}) { id } }", reader)
        self.assertEqual(body, {"data": {"search_articles": [{"id": 1}, {"id": 2}]}})
        # An inherited role shows a computed field only on the rows of the parent listing it.
        body = self.gql("{ author(order_by: {id: asc}) { id full_name } }",
                        {"x-hasura-role": "viewer_self", "x-hasura-user-id": "1"})
        self.assertEqual(body, {"data": {"author": [{"id": 1, "full_name": "Ada Lovelace"},
                                                    {"id": 2, "full_name": None}]}})
        # No permission on author.last_name: it does not exist for the role.
        body = self.gql("{ author { last_name } }", reader)
        self.assertEqual(body["errors"][0]["extensions"]["code"], "validation-failed")


if __name__ == "__main__":
    unittest.main()
