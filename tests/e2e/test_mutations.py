"""End-to-end tests of mutations through /v1/graphql: nested inserts two levels deep down array
relationships and up object relationships, hundreds of rows each linked to its own parent, manual
relationships' insertion_order, upserts of nested objects, affected_rows counting
every level, a nested table's insert permission, the jsonb update operators, update_many
applying its updates in order, and a failing root field rolling back the ones before it."""

import unittest

from server_case import ServerTestCase

SETUP_SQL = """
CREATE TABLE author (id serial PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE article (id serial PRIMARY KEY, title text NOT NULL,
                      author_id int NOT NULL REFERENCES author (id),
                      published boolean NOT NULL DEFAULT false);
CREATE TABLE comment (id serial PRIMARY KEY, body text NOT NULL,
                      article_id int NOT NULL REFERENCES article (id));
CREATE TABLE person (id serial PRIMARY KEY, details jsonb NOT NULL);
CREATE TABLE account (id serial PRIMARY KEY, name text NOT NULL, badge_id int);
CREATE TABLE passport (id serial PRIMARY KEY, number text NOT NULL, account_id int NOT NULL);
CREATE TABLE badge (id serial PRIMARY KEY, label text NOT NULL);
"""

METADATA = [
    {"type": "pg_track_table", "args": {"table": "author"}},
    {"type": "pg_track_table", "args": {"table": "article"}},
    {"type": "pg_track_table", "args": {"table": "comment"}},
    {"type": "pg_track_table", "args": {"table": "person"}},
    {"type": "pg_track_table", "args": {"table": "account"}},
    {"type": "pg_track_table", "args": {"table": "passport"}},
    {"type": "pg_track_table", "args": {"table": "badge"}},
    # No foreign keys between these: the relationships' insertion_order says which row goes
    # in first. Without it, an object relationship's row would go in before (as for badge).
    {"type": "pg_create_object_relationship", "args": {
        "table": "account", "name": "passport", "using": {"manual_configuration": {
            "remote_table": "passport", "column_mapping": {"id": "account_id"},
            "insertion_order": "after_parent"}}}},
    {"type": "pg_create_object_relationship", "args": {
        "table": "account", "name": "badge", "using": {"manual_configuration": {
            "remote_table": "badge", "column_mapping": {"badge_id": "id"},
            "insertion_order": "before_parent"}}}},
    {"type": "pg_create_object_relationship", "args": {
        "table": "article", "name": "author", "using": {"foreign_key_constraint_on": "author_id"}}},
    {"type": "pg_create_array_relationship", "args": {
        "table": "author", "name": "articles",
        "using": {"foreign_key_constraint_on": {"table": "article", "column": "author_id"}}}},
    {"type": "pg_create_object_relationship", "args": {
        "table": "comment", "name": "article",
        "using": {"foreign_key_constraint_on": "article_id"}}},
    {"type": "pg_create_array_relationship", "args": {
        "table": "article", "name": "comments",
        "using": {"foreign_key_constraint_on": {"table": "comment", "column": "article_id"}}}},
    # Users insert articles with comments; the comments' check refuses an empty body.
    {"type": "pg_create_select_permission", "args": {
        "table": "article", "role": "user",
        "permission": {"columns": ["id", "title", "author_id"], "filter": {}}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "comment", "role": "user",
        "permission": {"columns": ["id", "body"], "filter": {}}}},
    {"type": "pg_create_insert_permission", "args": {
        "table": "article", "role": "user",
        "permission": {"columns": ["title"], "set": {"author_id": "X-Hasura-User-Id"},
                       "check": {}}}},
    {"type": "pg_create_insert_permission", "args": {
        "table": "comment", "role": "user",
        "permission": {"columns": ["body"], "check": {"body": {"_neq": ""}}}}},
]


class MutationsTest(ServerTestCase):
    SETUP_SQL = SETUP_SQL
    METADATA = METADATA

    def setUp(self):
        self.sql("TRUNCATE author, article, comment, person, account, passport, badge "
                 "RESTART IDENTITY CASCADE")

    def test_nested_array_relationships_two_levels_deep(self):
        body = self.gql("""mutation {
          insert_author(objects: [
            {name: "Ada", articles: {data: [
              {title: "Notes", comments: {data: [{body: "first"}, {body: "second"}]}},
              {title: "Letters"}]}},
            {name: "Brian", articles: {data: [{title: "Unix", comments: {data: [{body: "yes"}]}}]}}
          ]) {
            affected_rows
            returning {
              name
              articles(order_by: {id: asc}) {
                title author { name } comments(order_by: {id: asc}) { body }
              }
            }
          }
        }""")
        self.assertEqual(body, {"data": {"insert_author": {"affected_rows": 8, "returning": [
            {"name": "Ada", "articles": [
                {"title": "Notes", "author": {"name": "Ada"},
                 "comments": [{"body": "first"}, {"body": "second"}]},
                {"title": "Letters", "author": {"name": "Ada"}, "comments": []}]},
            {"name": "Brian", "articles": [
                {"title": "Unix", "author": {"name": "Brian"}, "comments": [{"body": "yes"}]}]},
        ]}}})
        rows = self.sql("SELECT c.body, r.title, a.name FROM comment c JOIN article r "
                        "ON r.id = c.article_id JOIN author a ON a.id = r.author_id ORDER BY c.id")
        self.assertEqual(rows["result"][1:], [["first", "Notes", "Ada"],
                                              ["second", "Notes", "Ada"],
                                              ["yes", "Unix", "Brian"]])

    def test_many_nested_rows_each_link_to_their_own_parent(self):
        # Each level is one INSERT whatever its size; rows find their parents' generated keys
        # by position, which must hold for hundreds of rows.
        authors = [{"name": f"a{i}", "articles": {"data": [
            {"title": f"a{i}-t{j}", "comments": {"data": [{"body": f"a{i}-t{j}-c"}]}}
            for j in range(3)]}} for i in range(300)]
        body = self.gql("mutation ($objects: [author_insert_input!]!) { "
                        "insert_author(objects: $objects) { affected_rows returning { name } } }",
                        variables={"objects": authors})
        self.assertEqual(body["data"]["insert_author"]["affected_rows"], 300 * 7)
        self.assertEqual([r["name"] for r in body["data"]["insert_author"]["returning"]],
                         [f"a{i}" for i in range(300)])
        rows = self.sql("SELECT count(*) FROM comment c JOIN article r ON r.id = c.article_id "
                        "JOIN author a ON a.id = r.author_id "
                        "WHERE c.body = r.title || '-c' AND r.title LIKE a.name || '-t_'")
        self.assertEqual(rows["result"][1:], [["900"]])

    def test_insertion_order_of_manual_relationships(self):
        body = self.gql("""mutation {
          insert_account(objects: [
            {name: "Uma", passport: {data: {number: "P1"}}, badge: {data: {label: "gold"}}},
            {name: "Vic", passport: {data: {number: "P2"}}}
          ]) {
            affected_rows
            returning { name passport { number } badge { label } }
          }
        }""")
        self.assertEqual(body, {"data": {"insert_account": {"affected_rows": 5, "returning": [
            {"name": "Uma", "passport": {"number": "P1"}, "badge": {"label": "gold"}},
            {"name": "Vic", "passport": {"number": "P2"}, "badge": None}]}}})
        # after_parent: the passport took the account's id; the account's own id is its own.
        rows = self.sql("SELECT a.name, p.number FROM account a JOIN passport p "
                        "ON p.account_id = a.id ORDER BY a.id")
        self.assertEqual(rows["result"][1:], [["Uma", "P1"], ["Vic", "P2"]])
        body = self.gql("""mutation {
          insert_account_one(object: {id: 9, name: "Wes", passport: {data: {account_id: 9,
                                                                           number: "P3"}}}) {
            name
          }
        }""")
        self.assertIn("errors", body)

    def test_nested_object_relationships_two_levels_deep(self):
        body = self.gql("""mutation {
          insert_comment_one(object: {body: "hello",
            article: {data: {title: "Greetings", author: {data: {name: "Chidi"}}}}}) {
            body article { title author { name } }
          }
        }""")
        self.assertEqual(body, {"data": {"insert_comment_one": {
            "body": "hello", "article": {"title": "Greetings", "author": {"name": "Chidi"}}}}})
        body = self.gql("""mutation {
          insert_comment(objects: [
            {body: "a", article: {data: {title: "A", author: {data: {name: "Dana"}}}}},
            {body: "b", article: {data: {title: "B", author: {data: {name: "Eve"}}}}}
          ]) { affected_rows returning { body article { title author { name } } } }
        }""")
        self.assertEqual(body["data"]["insert_comment"], {"affected_rows": 6, "returning": [
            {"body": "a", "article": {"title": "A", "author": {"name": "Dana"}}},
            {"body": "b", "article": {"title": "B", "author": {"name": "Eve"}}}]})

    def test_upsert_of_nested_objects(self):
        self.sql("INSERT INTO author (name) VALUES ('Ada')")
        body = self.gql("""mutation {
          insert_article(objects: [
            {title: "Again", author: {data: {name: "Ada"},
              on_conflict: {constraint: author_name_key, update_columns: [name]}}},
            {title: "New", author: {data: {name: "Finn"},
              on_conflict: {constraint: author_name_key, update_columns: [name]}}}
          ]) { affected_rows returning { title author { id name } } }
        }""")
        # Finn's id is 3: the upsert of Ada drew 2 from the sequence, as Postgres does.
        self.assertEqual(body, {"data": {"insert_article": {"affected_rows": 4, "returning": [
            {"title": "Again", "author": {"id": 1, "name": "Ada"}},
            {"title": "New", "author": {"id": 3, "name": "Finn"}}]}}})
        # Upserting nested children: an existing comment keeps its row and takes the new body.
        self.sql("INSERT INTO comment (body, article_id) VALUES ('old', 1)")
        body = self.gql("""mutation {
          insert_article_one(object: {id: 1, title: "Again, revised", author_id: 1,
                                      comments: {data: [{id: 1, body: "new"}, {body: "more"}],
                                                 on_conflict: {constraint: comment_pkey,
                                                               update_columns: [body]}}},
                             on_conflict: {constraint: article_pkey, update_columns: [title]}) {
            title comments(order_by: {id: asc}) { id body }
          }
        }""")
        self.assertEqual(body, {"data": {"insert_article_one": {
            "title": "Again, revised", "comments": [{"id": 1, "body": "new"},
                                                    {"id": 2, "body": "more"}]}}})

    def test_nested_upsert_that_does_nothing_is_hasuras_error(self):
        self.sql("INSERT INTO author (name) VALUES ('Ada')")
        # A do-nothing upsert of the author an article points to: nothing to link to.
        body = self.gql("""mutation {
          insert_article(objects: [
            {title: "Fine", author: {data: {name: "Finn"},
              on_conflict: {constraint: author_name_key, update_columns: []}}},
            {title: "Orphan", author: {data: {name: "Ada"},
              on_conflict: {constraint: author_name_key, update_columns: []}}}
          ]) { affected_rows }
        }""")
        self.assertEqual(body, {"errors": [{"extensions": {
            "path": "$.selectionSet.insert_article.args.objects[1].author",
            "code": "not-supported"},
            "message": 'cannot proceed to insert object relation "author" since insert to '
                       'table "author" affects zero rows'}]})
        # A do-nothing upsert of a row with children.
        body = self.gql("""mutation {
          insert_author(objects: [{name: "Ada", articles: {data: [{title: "t"}]}}],
                        on_conflict: {constraint: author_name_key, update_columns: []}) {
            affected_rows
          }
        }""")
        self.assertEqual(body, {"errors": [{"extensions": {
            "path": "$.selectionSet.insert_author.args.objects[0]", "code": "not-supported"},
            "message": 'cannot proceed to insert array relations since insert to table '
                       '"author" affects zero rows'}]})
        # Both failed as a whole.
        self.assertEqual(self.sql("SELECT count(*) FROM author")["result"][1:], [["1"]])
        self.assertEqual(self.sql("SELECT count(*) FROM article")["result"][1:], [["0"]])
        # Without a conflict, the same do-nothing upserts insert.
        body = self.gql("""mutation {
          insert_author(objects: [{name: "Bo", articles: {data: [{title: "t"}]}}],
                        on_conflict: {constraint: author_name_key, update_columns: []}) {
            affected_rows
          }
        }""")
        self.assertEqual(body, {"data": {"insert_author": {"affected_rows": 2}}})

    def test_nested_table_permissions_apply(self):
        self.sql("INSERT INTO author (name) VALUES ('Ada')")
        user = {"x-hasura-role": "user", "x-hasura-user-id": "1"}
        body = self.gql("""mutation {
          insert_article_one(object: {title: "Mine", comments: {data: [{body: "ok"}]}}) {
            title author_id comments { body }
          }
        }""", headers=user)
        self.assertEqual(body, {"data": {"insert_article_one": {
            "title": "Mine", "author_id": 1, "comments": [{"body": "ok"}]}}})
        # The comment's check fails: nothing of the mutation is kept.
        body = self.gql("""mutation {
          insert_article_one(object: {title: "Bad", comments: {data: [{body: ""}]}}) { title }
        }""", headers=user)
        self.assertEqual(body["errors"][0]["extensions"]["code"], "permission-error")
        self.assertEqual(self.sql("SELECT count(*) FROM article")["result"][1:], [["1"]])
        # The role may not insert authors, so articles have no nested author field.
        body = self.gql('mutation { insert_article_one(object: {title: "x", '
                        'author: {data: {name: "y"}}}) { title } }', headers=user)
        self.assertEqual(body["errors"][0]["extensions"]["code"], "validation-failed")

    def test_a_failing_root_field_rolls_back_the_ones_before(self):
        body = self.gql("""mutation {
          first: insert_author_one(object: {name: "Kept?", articles: {data: [{title: "t"}]}}) {
            id
          }
          second: insert_article_one(object: {title: "orphan", author_id: 999}) { id }
        }""")
        self.assertNotIn("data", body)
        self.assertEqual(body["errors"][0]["extensions"]["code"], "constraint-violation")
        self.assertEqual(self.sql("SELECT count(*) FROM author")["result"][1:], [["0"]])
        self.assertEqual(self.sql("SELECT count(*) FROM article")["result"][1:], [["0"]])

    def test_jsonb_operators(self):
        self.sql("""INSERT INTO person (details) VALUES
                    ('{"name": {"first": "Ada"}, "city": "London"}'), ('[1, 2, 3]')""")
        body = self.gql("""mutation ($v: jsonb) {
          a: update_person_by_pk(pk_columns: {id: 1}, _append: {details: $v}) { details }
          b: update_person_by_pk(pk_columns: {id: 1}, _delete_key: {details: "city"}) { details }
          c: update_person_by_pk(pk_columns: {id: 1},
                                 _delete_at_path: {details: ["name", "first"]}) { details }
          d: update_person_by_pk(pk_columns: {id: 2}, _prepend: {details: [0]}) { details }
          e: update_person(where: {id: {_eq: 2}}, _delete_elem: {details: -1}) {
            affected_rows returning { details }
          }
        }""", variables={"v": {"age": 36}})
        self.assertEqual(body, {"data": {
            "a": {"details": {"age": 36, "city": "London", "name": {"first": "Ada"}}},
            "b": {"details": {"age": 36, "name": {"first": "Ada"}}},
            "c": {"details": {"age": 36, "name": {}}},
            "d": {"details": [0, 1, 2, 3]},
            "e": {"affected_rows": 1, "returning": [{"details": [0, 1, 2]}]}}})
        body = self.gql("""mutation {
          update_person(where: {}, _append: {details: {}}, _prepend: {details: {}}) {
            affected_rows
          }
        }""")
        self.assertEqual(body, {"errors": [{
            "message": "Column found in multiple operators: ['details'].",
            "extensions": {"path": "$.selectionSet.update_person.args",
                           "code": "validation-failed"}}]})

    def test_update_many_applies_its_updates_in_order(self):
        self.sql("INSERT INTO author (name) VALUES ('Ada'), ('Brian')")
        body = self.gql("""mutation {
          update_author_many(updates: [
            {where: {name: {_eq: "Ada"}}, _set: {name: "Ada L."}},
            {where: {name: {_like: "Ada%"}}, _set: {name: "Lovelace"}},
            {where: {name: {_eq: "Ada"}}, _set: {name: "nobody"}}
          ]) { affected_rows returning { id name } }
        }""")
        self.assertEqual(body, {"data": {"update_author_many": [
            {"affected_rows": 1, "returning": [{"id": 1, "name": "Ada L."}]},
            {"affected_rows": 1, "returning": [{"id": 1, "name": "Lovelace"}]},
            {"affected_rows": 0, "returning": []}]}})
        self.assertEqual(self.gql("mutation { update_author_many(updates: []) "
                                  "{ affected_rows } }"),
                         {"data": {"update_author_many": []}})

    def test_nested_input_types_are_hasuras(self):
        body = self.gql("""{
          arr: __type(name: "article_arr_rel_insert_input") {
            description inputFields { name type { kind name ofType { name } } }
          }
          obj: __type(name: "author_obj_rel_insert_input") { description }
          append: __type(name: "person_append_input") { description }
        }""")
        self.assertEqual(body["data"]["arr"], {
            "description": 'input type for inserting array relation for remote table "article"',
            "inputFields": [
                {"name": "data", "type": {"kind": "NON_NULL", "name": None,
                                          "ofType": {"name": None}}},
                {"name": "on_conflict", "type": {"kind": "INPUT_OBJECT",
                                                 "name": "article_on_conflict", "ofType": None}}]})
        self.assertEqual(body["data"]["obj"], {
            "description": 'input type for inserting object relation for remote table "author"'})
        self.assertEqual(body["data"]["append"], {
            "description": "append existing jsonb value of filtered columns with new jsonb value"})


if __name__ == "__main__":
    unittest.main()
