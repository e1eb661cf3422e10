"""Unit tests of the benchmark harness's parsing: the statement log, the pgbench script made
from it, and the comparison of the two servers' answers (run by ctest as bench.unit)."""

import unittest

import run
from workloads import canonical

LOG = """2026-11-22 01:00:00.000 UTC [42] LOG:  statement: BEGIN
2026-11-22 01:00:00.001 UTC [42] LOG:  execute <unnamed>: SELECT (
\t  SELECT "_0"."id" = ($1)::"pg_catalog"."int4"
\t) AS "x", ($2)::text
2026-11-22 01:00:00.001 UTC [42] DETAIL:  parameters: $1 = '77', $2 = 'it''s, $1 = ''x'''
2026-11-22 01:00:00.002 UTC [42] LOG:  execute <unnamed>: SELECT $1
2026-11-22 01:00:00.002 UTC [42] DETAIL:  parameters: $1 = NULL
2026-11-22 01:00:00.003 UTC [42] LOG:  statement: COMMIT
2026-11-22 01:00:00.004 UTC [43] LOG:  statement: SELECT pg_reload_conf()
"""


class HarnessTest(unittest.TestCase):
    def test_statements_and_parameters_are_read_from_the_log(self):
        statements = run.parse_statement_log(LOG)
        self.assertEqual(len(statements), 4)
        self.assertEqual(statements[0], ("BEGIN", []))
        self.assertEqual(statements[1][0], 'SELECT (\n  SELECT "_0"."id" = ($1)::"pg_catalog".'
                                           '"int4"\n) AS "x", ($2)::text')
        self.assertEqual(statements[1][1], ["77", "it's, $1 = 'x'"])
        self.assertEqual(statements[2], ("SELECT $1", [None]))
        self.assertEqual(statements[3], ("COMMIT", []))

    def test_the_floor_script_draws_the_sentinel_parameter(self):
        script = run.floor_script(run.parse_statement_log(LOG), 77, (1, 100))
        self.assertEqual(script.splitlines()[0], "\\set v random(1, 100)")
        self.assertIn('= (:v)::"pg_catalog"."int4"', script)
        self.assertIn("('it''s, $1 = ''x''')::text;", script)
        self.assertIn("SELECT NULL;", script)
        self.assertTrue(script.rstrip().endswith("COMMIT;"))
        with self.assertRaises(Exception):
            run.floor_script(run.parse_statement_log(LOG), 12345, (1, 100))

    def test_answers_compare_whatever_the_field_names(self):
        graft = {"account": [{"id": 1, "name": "a", "amount": 12.5,
                              "deals": [{"id": 2, "account": {"name": "a"}}]}]}
        peer = {"allAccounts": {"nodes": [{"rowId": 1, "name": "a", "amount": "12.50",
                                           "dealsByAccountId": {"nodes": [
                                               {"rowId": 2, "accountByAccountId": {"name": "a"}}
                                           ]}}]}}
        self.assertEqual(canonical(graft), canonical(peer))
        peer["allAccounts"]["nodes"][0]["amount"] = "12.51"
        self.assertNotEqual(canonical(graft), canonical(peer))


if __name__ == "__main__":
    unittest.main()
