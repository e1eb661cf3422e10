"""Our own e2e cases (tests/e2e/cases/<group>/) run through the conformance case runner.

Each folder with a group.yaml is one test method, run on a fresh database and its own graft,
exactly as a corpus group is. Every case variant must pass or be skipped (a feature that is
not built); soft failures count as failures here, since we write these expectations.
"""

import os
import unittest

from case_format import load_yaml
from case_groups import group_from_dict, load_features
from case_runner import PASS, SKIP, format_verdict
from graft_harness import PgCluster
from group_runner import run_group_fresh

HERE = os.path.dirname(os.path.abspath(__file__))
CASES_DIR = os.path.join(HERE, "cases")
FEATURES = os.path.join(os.path.dirname(HERE), "conformance", "features.json")


def load_group(folder):
    """The group described by <folder>/group.yaml; its case paths are relative to folder."""
    raw = load_yaml(os.path.join(folder, "group.yaml"))
    raw.setdefault("group", os.path.basename(folder))
    raw["dir"] = "."
    return group_from_dict(raw, folder)


def group_folders():
    return sorted(os.path.join(CASES_DIR, name) for name in os.listdir(CASES_DIR)
                  if os.path.isfile(os.path.join(CASES_DIR, name, "group.yaml")))


class CaseGroupsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().init().start()
        cls.features = load_features(FEATURES)

    @classmethod
    def tearDownClass(cls):
        cls.pg.destroy()

    def run_folder(self, folder):
        group = load_group(folder)
        self.assertTrue(group.cases, f"{folder}/group.yaml lists no cases")
        result = run_group_fresh(self.pg, group, self.features)
        bad = [r for r in result.results if r.outcome not in (PASS, SKIP)]
        if bad:
            self.fail("\n\n".join([format_verdict(r.id, r) for r in bad] + result.notes))
        self.assertTrue(any(r.outcome == PASS for r in result.results),
                        f"no case of {group.name} ran")


def _add_test(folder):
    def test(self):
        self.run_folder(folder)
    name = "test_" + os.path.basename(folder).replace("-", "_")
    test.__name__ = name
    setattr(CaseGroupsTest, name, test)


for _folder in group_folders():
    _add_test(_folder)


if __name__ == "__main__":
    unittest.main()
