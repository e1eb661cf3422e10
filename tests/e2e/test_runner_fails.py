"""The case runner must be able to fail: broken copies of our own cases are run against a real
graft and must be reported as failures whose message shows both values and a diff.

A runner that passes everything would make the conformance count meaningless, so this runs
the same code path (case_runner, group_runner) as test_cases.py and run_conformance.py.
"""

import os
import shutil
import unittest

import yaml

from case_groups import Fixture, group_from_dict, load_features
from case_runner import FAIL, PASS, SOFT_FAIL, format_verdict, run_case_file
from graft_harness import Graft, PgCluster, make_temp_dir
from group_runner import TEST_ENV, run_group_fresh

HERE = os.path.dirname(os.path.abspath(__file__))
FOUNDATION = os.path.join(HERE, "cases", "foundation")
FEATURES = os.path.join(os.path.dirname(HERE), "conformance", "features.json")


class RunnerFailsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().init().start()
        cls.graft = Graft(env={"HASURA_GRAPHQL_DATABASE_URL": cls.pg.url(), **TEST_ENV}).start()

    @classmethod
    def tearDownClass(cls):
        cls.graft.stop()
        cls.pg.destroy()

    def setUp(self):
        self.dir = make_temp_dir("graft-e2e-broken-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def broken_copy(self, name, edit):
        """Copies a foundation case to the scratch dir after edit(parsed yaml) changed it."""
        with open(os.path.join(FOUNDATION, name), encoding="utf-8") as f:
            text = f.read()
        path = os.path.join(self.dir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(edit(text))
        return path

    def test_the_unbroken_case_passes(self):
        verdict = run_case_file(self.graft, os.path.join(FOUNDATION, "not_found.yaml"))
        self.assertEqual(verdict.outcome, PASS, format_verdict("not_found", verdict))

    def test_wrong_status_fails_with_both_statuses(self):
        path = self.broken_copy("version.yaml", lambda t: t.replace("status: 200", "status: 201"))
        verdict = run_case_file(self.graft, path)
        self.assertEqual(verdict.outcome, FAIL)
        self.assertIn("status 200, expected 201", verdict.reason)
        self.assertIn(path, verdict.detail)

    def test_wrong_response_field_fails_with_a_diff(self):
        path = self.broken_copy("version.yaml", lambda t: t.replace(
            "version: !regex '^v\\d+\\.\\d+\\.\\d+'", "version: v0.0.0-wrong"))
        verdict = run_case_file(self.graft, path)
        self.assertEqual(verdict.outcome, FAIL, format_verdict("version", verdict))
        self.assertIn("response differs", verdict.reason)
        actual = self.graft.request("GET", "/v1/version")[2].decode()
        real_version = yaml.safe_load(actual)["version"]
        diff = verdict.detail[verdict.detail.index("diff:"):]
        self.assertIn('-  "version": "v0.0.0-wrong"', diff)
        self.assertIn(f'+  "version": "{real_version}"', diff)

    def test_later_step_of_a_list_file_is_checked(self):
        path = self.broken_copy("not_found.yaml", lambda t: t.replace(
            "  url: /v1/version\n  status: 404", "  url: /v1/version\n  status: 405"))
        verdict = run_case_file(self.graft, path)
        self.assertEqual(verdict.outcome, FAIL)
        self.assertIn("step 2", verdict.reason)

    def test_different_error_body_is_a_soft_failure(self):
        path = self.broken_copy("not_found.yaml", lambda t: t.replace(
            "code: not-found", "code: some-other-code"))
        verdict = run_case_file(self.graft, path)
        self.assertEqual(verdict.outcome, SOFT_FAIL)
        self.assertIn('"some-other-code"', verdict.detail)
        self.assertIn('"not-found"', verdict.detail)

    def test_wrong_response_header_fails(self):
        path = self.broken_copy("request_id.yaml", lambda t: t.replace(
            "resp_headers:\n  X-Request-Id: e2e-foundation-1",
            "resp_headers:\n  X-Request-Id: e2e-something-else"))
        verdict = run_case_file(self.graft, path)
        self.assertEqual(verdict.outcome, FAIL, format_verdict("request_id", verdict))
        self.assertIn("X-Request-Id: got 'e2e-foundation-1', expected 'e2e-something-else'",
                      verdict.reason)

    def test_failed_setup_fails_the_group_without_sending_cases(self):
        shutil.copy(os.path.join(FOUNDATION, "version.yaml"), self.dir)
        with open(os.path.join(self.dir, "setup.yaml"), "w", encoding="utf-8") as f:
            f.write("type: bulk\nargs: []\n")
        group = group_from_dict({"group": "broken", "cases": ["version.yaml"]}, self.dir)
        # An endpoint that will never exist, so this stays a setup failure for good.
        group.setup = [Fixture("setup.yaml", "/v1/never-an-endpoint")]
        result = run_group_fresh(self.pg, group, load_features(FEATURES))
        self.assertEqual([r.outcome for r in result.results], [FAIL])
        self.assertRegex(result.results[0].reason, r"^setup failed: setup.yaml: 404 ")


if __name__ == "__main__":
    unittest.main()
