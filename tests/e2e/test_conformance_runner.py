"""run_conformance.py end to end, on a tiny corpus of our own foundation cases in a temp dir.

Checks what the real corpus cannot show while almost nothing passes: the summary counts,
the buckets (skip, suspect), the report file, and that the ratchet names new passes, is
rewritten by --update-ratchet, and fails the run when a listed case stops passing.
"""

import json
import os
import shutil
import subprocess
import sys
import unittest

from graft_harness import make_temp_dir

HERE = os.path.dirname(os.path.abspath(__file__))
RUNNER = os.path.join(os.path.dirname(HERE), "conformance", "run_conformance.py")
FOUNDATION = os.path.join(HERE, "cases", "foundation")

MANIFEST = {"groups": [
    {"group": "MiniFoundation", "dir": "foundation", "db_state": "per_class", "needs": [],
     "setup": [], "teardown": [], "downloaded": True,
     "cases": [{"file": "version.yaml", "transport": "both", "downloaded": True},
               {"file": "healthz.yaml", "transport": "http", "downloaded": True},
               {"file": "not_copied.yaml", "transport": "http", "downloaded": False}]},
    {"group": "MiniSkewed", "dir": "foundation", "db_state": "per_class", "needs": [],
     "setup": [], "teardown": [], "downloaded": True, "suspect": "skewed on purpose",
     "cases": [{"file": "wrong_status.yaml", "transport": "http", "downloaded": True}]},
]}


class ConformanceRunnerTest(unittest.TestCase):
    def setUp(self):
        self.dir = make_temp_dir("graft-e2e-corpus-")
        self.corpus = os.path.join(self.dir, "corpus")
        shutil.copytree(FOUNDATION, os.path.join(self.corpus, "foundation"))
        with open(os.path.join(self.corpus, "MANIFEST.json"), "w", encoding="utf-8") as f:
            json.dump(MANIFEST, f)
        self.write_case("wrong_status.yaml", "url: /v1/version\nmethod: GET\nstatus: 201\n")
        self.ratchet = os.path.join(self.dir, "passing.txt")
        self.report = os.path.join(self.dir, "report.tsv")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def write_case(self, name, text):
        with open(os.path.join(self.corpus, "foundation", name), "w", encoding="utf-8") as f:
            f.write(text)

    def run_conformance(self, *extra, corpus=None):
        r = subprocess.run([sys.executable, RUNNER, corpus or self.corpus, "--report",
                            self.report, "--ratchet", self.ratchet, *extra],
                           capture_output=True, text=True, timeout=300)
        return r.returncode, r.stdout + r.stderr

    def test_counts_buckets_report_and_ratchet(self):
        code, out = self.run_conformance()
        self.assertEqual(code, 0, out)
        lines = out.strip().splitlines()
        self.assertEqual(lines[-1], "conformance: 2 passed, 0 failed, 2 skipped of 5", out)
        self.assertIn("1 suspect", lines[-2])
        self.assertIn("add these to " + self.ratchet, out)
        self.assertIn("  MiniFoundation/healthz.yaml/http", out)
        with open(self.report, encoding="utf-8") as f:
            rows = [line.rstrip("\n").split("\t") for line in f]
        self.assertEqual(rows[0], ["group", "case", "transport", "outcome", "reason"])
        outcomes = {tuple(r[:3]): (r[3], r[4]) for r in rows[1:]}
        self.assertEqual(outcomes[("MiniFoundation", "version.yaml", "websocket")],
                         ("skip", "websocket transport not built yet"))
        self.assertEqual(outcomes[("MiniFoundation", "not_copied.yaml", "http")],
                         ("skip", "not in corpus copy"))
        self.assertEqual(outcomes[("MiniSkewed", "wrong_status.yaml", "http")][0], "suspect")

        code, out = self.run_conformance("--update-ratchet")
        self.assertEqual(code, 0, out)
        with open(self.ratchet, encoding="utf-8") as f:
            ids = [line.strip() for line in f if not line.startswith("#")]
        self.assertEqual(ids, ["MiniFoundation/healthz.yaml/http",
                               "MiniFoundation/version.yaml/http"])

        self.write_case("healthz.yaml", "url: /healthz\nmethod: GET\nstatus: 200\n"
                                        "response: NOT OK\n")
        code, out = self.run_conformance()
        self.assertEqual(code, 1, out)
        self.assertIn("1 listed case(s) no longer pass", out)
        self.assertIn("FAIL MiniFoundation/healthz.yaml/http", out)
        self.assertIn('-"NOT OK"', out)
        self.assertIn('+"OK"', out)
        self.assertEqual(out.strip().splitlines()[-1],
                         "conformance: 1 passed, 1 failed, 2 skipped of 5")

    def test_missing_corpus_is_a_clear_error(self):
        code, out = self.run_conformance(corpus=os.path.join(self.dir, "nowhere"))
        self.assertEqual(code, 2, out)
        self.assertIn("no conformance corpus at", out)


if __name__ == "__main__":
    unittest.main()
