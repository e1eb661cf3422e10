"""End-to-end tests of `graft serve --demo`: the README's example query and its answer are
read from README.md and checked against the real demo, so the README cannot go stale; the
demo is loaded once, kept on restart, and refused on a database holding other tables."""

import json
import os
import re
import shutil
import subprocess
import unittest

from graft_harness import Graft, PgCluster, make_temp_dir

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
README = os.path.join(ROOT, "README.md")

DEMO_TABLES = ["public.users", "public.deals_and_contacts", "salesforce.account",
               "salesforce.contact", "salesforce.opportunity", "hubspot.contact", "hubspot.deal",
               "hubspot.associations_contact_deal"]


def readme_block(marker, language):
    """The fenced block of `language` that follows `<!-- marker -->` in README.md."""
    with open(README, encoding="utf-8") as f:
        text = f.read()
    m = re.search(r"<!-- " + re.escape(marker) + r" -->\s*```" + language + r"\n(.*?)\n```",
                  text, re.S)
    if not m:
        raise AssertionError(f"README.md has no ```{language} block after <!-- {marker} -->")
    return m.group(1)


def readme_query():
    return readme_block("demo-query", "graphql")


def readme_answer():
    return json.loads(readme_block("demo-answer", "json"))


def one_line(query):
    return " ".join(query.split())


def graphql(graft, query):
    status, _, body = graft.request("POST", "/v1/graphql", body={"query": query})
    if status != 200:
        raise AssertionError(f"/v1/graphql: {status} {body}")
    return json.loads(body)


def run_sql(graft, sql):
    status, _, body = graft.request("POST", "/v2/query",
                                    body={"type": "run_sql", "args": {"sql": sql}})
    if status != 200:
        raise AssertionError(f"run_sql: {status} {body}")
    return json.loads(body)["result"]


def row_counts(graft):
    sql = " UNION ALL ".join(f"SELECT '{t}', count(*) FROM {t}" for t in DEMO_TABLES)
    return dict(run_sql(graft, sql)[1:])


def export_metadata(graft):
    status, _, body = graft.request("POST", "/v1/metadata",
                                    body={"type": "export_metadata", "args": {}})
    if status != 200:
        raise AssertionError(f"export_metadata: {status} {body}")
    return json.loads(body)


def banner_curl(graft):
    """The curl command that --demo prints once Graft listens."""
    with open(graft.stderr_path, encoding="utf-8") as f:
        for line in f:
            if line.strip().startswith("curl "):
                return line.strip()
    raise AssertionError("no curl command in graft's output:\n" + graft.output())


def demo_log(graft):
    return [line for line in graft.log_lines()
            if isinstance(line.get("detail"), dict) and line["detail"].get("kind") == "demo"]


class DemoTestCase(unittest.TestCase):
    def assert_readme_answer(self, graft):
        self.assertEqual(graphql(graft, readme_query()), readme_answer())

    def assert_demo_sized(self, counts):
        for table, count in counts.items():
            self.assertGreaterEqual(int(count), 200, table)


class ManagedDemoTest(DemoTestCase):
    """The README's way: scripts/run.sh is `graft serve --demo` on the managed database."""

    def setUp(self):
        self.dir = make_temp_dir("graft-e2e-demo-")
        self.data_dir = os.path.join(self.dir, "pg")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_readme_query_and_printed_curl_answer_what_the_readme_says(self):
        with Graft(args=["--demo", "--data-dir", self.data_dir]) as graft:
            self.assert_readme_answer(graft)
            command = banner_curl(graft)
            self.assertIn(f"http://localhost:{graft.port}/v1/graphql", command)
            payload = re.search(r"-d '(.*)'$", command).group(1)
            self.assertEqual(json.loads(payload)["query"], one_line(readme_query()))
            pasted = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                                    timeout=60)
            self.assertEqual(pasted.returncode, 0, pasted.stderr)
            self.assertEqual(json.loads(pasted.stdout), readme_answer())

    def test_a_mutation_on_the_demo_data(self):
        """A HubSpot contact inserted with a new deal through the association table (an
        array relationship whose rows insert their deal first), read back through the view,
        then deleted."""
        with Graft(args=["--demo", "--data-dir", self.data_dir]) as graft:
            inserted = graphql(graft, """mutation {
              insert_hubspot_contact_one(object: {
                id: 990000001, email: "new@example.com", firstname: "Nia", lastname: "Obi",
                contact_to_association: {data: [
                  {association_to_deal: {data: {id: 990000002, dealname: "Pilot",
                                                stage: "appointmentscheduled", amount: 1200}}}
                ]}
              }) { id contact_to_association { association_to_deal { dealname } } }
            }""")
            self.assertEqual(inserted, {"data": {"insert_hubspot_contact_one": {
                "id": 990000001,
                "contact_to_association": [{"association_to_deal": {"dealname": "Pilot"}}]}}})
            view = graphql(graft, """{ deals_and_contacts(
                where: {contact_id: {_eq: 990000001}}) { firstname dealname amount } }""")
            self.assertEqual(view, {"data": {"deals_and_contacts": [
                {"firstname": "Nia", "dealname": "Pilot", "amount": 1200}]}})
            deleted = graphql(graft, """mutation {
              a: delete_hubspot_associations_contact_deal(
                   where: {contact_id: {_eq: 990000001}}) { affected_rows }
              d: delete_hubspot_deal_by_pk(id: 990000002) { dealname }
              c: delete_hubspot_contact(where: {id: {_eq: 990000001}}) { affected_rows }
            }""")
            self.assertEqual(deleted, {"data": {"a": {"affected_rows": 1},
                                                "d": {"dealname": "Pilot"},
                                                "c": {"affected_rows": 1}}})
            self.assert_readme_answer(graft)

    def test_loading_twice_duplicates_nothing(self):
        with Graft(args=["--demo", "--data-dir", self.data_dir]) as graft:
            counts = row_counts(graft)
            metadata = export_metadata(graft)
            self.assertIn("loaded the demo data set and its metadata",
                          [line["detail"]["info"] for line in demo_log(graft)])
        self.assert_demo_sized(counts)
        with Graft(args=["--demo", "--data-dir", self.data_dir]) as again:
            self.assertEqual(row_counts(again), counts)
            self.assertEqual(export_metadata(again), metadata)
            self.assertIn("the demo data set is already in the database",
                          [line["detail"]["info"] for line in demo_log(again)])
            self.assert_readme_answer(again)


class ExternalDemoTest(DemoTestCase):
    """--demo with HASURA_GRAPHQL_DATABASE_URL."""

    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().init().start()

    @classmethod
    def tearDownClass(cls):
        cls.pg.destroy()

    def database(self, name):
        self.pg.psql(f"CREATE DATABASE {name}")
        return self.pg.url(name)

    def graft(self, url):
        return Graft(args=["--demo"], env={"HASURA_GRAPHQL_DATABASE_URL": url})

    def test_loads_once_keeps_added_tables_and_heals_cleared_metadata(self):
        url = self.database("demo_external")
        with self.graft(url) as graft:
            self.assert_readme_answer(graft)
            counts = row_counts(graft)
            run_sql(graft, "CREATE TABLE public.notes (id int PRIMARY KEY, body text)")
        self.assert_demo_sized(counts)
        # The demo plus a table of the user's own: kept as it is.
        with self.graft(url) as again:
            self.assertEqual(row_counts(again), counts)
            status, _, body = again.request("POST", "/v1/metadata",
                                            body={"type": "clear_metadata", "args": {}})
            self.assertEqual(status, 200, body)
        # Cleared metadata: the demo's tracking and relationships come back, the data does not.
        with self.graft(url) as healed:
            self.assertEqual(row_counts(healed), counts)
            self.assertIn("the demo data set is already in the database; tracked its tables "
                          "and relationships",
                          [line["detail"]["info"] for line in demo_log(healed)])
            self.assert_readme_answer(healed)
        self.assertEqual(self.pg.psql("SELECT count(*) FROM public.notes", "demo_external"), "0")

    def test_refuses_a_database_with_unrelated_tables_and_leaves_it_alone(self):
        url = self.database("shop")
        self.pg.psql("CREATE TABLE public.orders (id int PRIMARY KEY, total numeric); "
                     "INSERT INTO public.orders VALUES (1, 9.5)", "shop")
        graft = self.graft(url).start(expect_ready=False)
        try:
            code = graft.wait_exit(timeout=120)
            output = graft.output()
        finally:
            graft.close()
        self.assertNotEqual(code, 0)
        self.assertIn("already holds tables or views of its own (public.orders)", output)
        self.assertIn("without --demo", output)
        self.assertEqual(self.pg.psql("SELECT id, total FROM public.orders", "shop"), "1|9.5")
        self.assertEqual(self.pg.psql("SELECT count(*) FROM pg_namespace "
                                      "WHERE nspname IN ('salesforce', 'hubspot')", "shop"), "0")


class ReadmeOwnDatabaseTest(unittest.TestCase):
    """The README's commands for tracking tables of one's own, run as written (on the port of
    a Graft serving an empty database, without the demo)."""

    def test_commands_answer_what_the_readme_says(self):
        with open(README, encoding="utf-8") as f:
            text = f.read()
        expected = re.search(r"The last command answers `([^`]*)`", text)
        self.assertIsNotNone(expected, "README.md must say what the last command answers")
        with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            script = readme_block("own-database", "sh").replace("localhost:8080",
                                                                f"localhost:{graft.port}")
            ran = subprocess.run(["bash", "-c", "set -e\n" + script], capture_output=True,
                                 text=True, timeout=120)
        self.assertEqual(ran.returncode, 0, ran.stderr)
        answers, decoder, at = [], json.JSONDecoder(), 0
        while at < len(ran.stdout):
            value, at = decoder.raw_decode(ran.stdout, at)
            answers.append(value)
        self.assertEqual(len(answers), 3, ran.stdout)
        for answer in answers[:2]:
            self.assertNotIn("error", json.dumps(answer), answer)
        self.assertEqual(answers[2], json.loads(expected.group(1)))


if __name__ == "__main__":
    unittest.main()
