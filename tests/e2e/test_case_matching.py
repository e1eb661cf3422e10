"""The judging rules of the case runner (FORMAT.md §4) on canned answers, without a server.

Fast checks of the corners the corpus relies on: key order, numbers vs booleans, falsy
`response`, `allowed_responses`, batched soft failures, `resp_headers`, YAML merge keys and
the body that a `query` or `method`/`body` step sends.
"""

import json
import os
import shutil
import unittest

from case_runner import FAIL, PASS, SOFT_FAIL, run_case_file
from graft_harness import make_temp_dir
from json_match import json_equal


class CannedClient:
    """Answers every request with one canned (status, headers, body) and records requests."""

    def __init__(self, status, body, headers=None):
        self.answer = (status, {k.lower(): v for k, v in (headers or {}).items()},
                       body if isinstance(body, bytes) else json.dumps(body).encode())
        self.sent = []

    def request(self, method, path, body=None, headers=None):
        self.sent.append((method, path, body, headers))
        return self.answer


class CaseMatchingTest(unittest.TestCase):
    def setUp(self):
        self.dir = make_temp_dir("graft-e2e-matching-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def judge(self, case_yaml, status, body, headers=None):
        path = os.path.join(self.dir, "case.yaml")
        with open(path, "w", encoding="utf-8") as f:
            f.write(case_yaml)
        client = CannedClient(status, body, headers)
        return run_case_file(client, path), client

    def test_json_equality_rules(self):
        self.assertTrue(json_equal({"a": 1, "b": [1, 2]}, {"b": [1, 2], "a": 1.0}))
        self.assertFalse(json_equal([1, 2], [2, 1]))
        self.assertFalse(json_equal(1, True))
        self.assertFalse(json_equal("1", 1))
        self.assertFalse(json_equal({"a": 1}, {"a": 1, "b": None}))

    def test_falsy_response_checks_status_only(self):
        verdict, _ = self.judge("url: /x\nstatus: 200\nquery: {}\nresponse: []\n", 200, {"a": 1})
        self.assertEqual(verdict.outcome, PASS)

    def test_allowed_responses_any_one_matches(self):
        case = ("url: /x\nstatus: 200\nquery: {}\nallowed_responses:\n"
                "- response: {a: 1}\n- response: {a: 2}\n")
        self.assertEqual(self.judge(case, 200, {"a": 2})[0].outcome, PASS)
        self.assertEqual(self.judge(case, 200, {"a": 3})[0].outcome, FAIL)

    def test_batched_error_elements_are_soft(self):
        case = ("url: /v1/graphql\nstatus: 200\nquery: [{query: a}, {query: b}]\nresponse:\n"
                "- errors: [{message: expected}]\n- data: {x: 1}\n")
        verdict, client = self.judge(case, 200, [{"errors": [{"message": "other"}]},
                                                 {"data": {"x": 1}}])
        self.assertEqual(verdict.outcome, SOFT_FAIL)
        self.assertEqual(json.loads(client.sent[0][2]), [{"query": "a"}, {"query": "b"}])
        verdict, _ = self.judge(case, 200, [{"errors": [{"message": "other"}]},
                                            {"data": {"x": 2}}])
        self.assertEqual(verdict.outcome, FAIL)

    def test_resp_headers_are_a_case_insensitive_subset(self):
        case = "url: /x\nstatus: 200\nquery: {}\nresp_headers: {Content-Type: a/b}\n"
        self.assertEqual(self.judge(case, 200, {}, {"content-type": "a/b", "x": "y"})[0].outcome,
                         PASS)
        self.assertEqual(self.judge(case, 200, {}, {"content-type": "a/c"})[0].outcome, FAIL)

    def test_merge_keys_and_string_query(self):
        case = ("- &base\n  url: /v1/query\n  status: 400\n  query: 'type: count'\n"
                "  response: {code: parse-failed}\n- <<: *base\n  status: 400\n")
        verdict, client = self.judge(case, 400, {"code": "parse-failed"})
        self.assertEqual(verdict.outcome, PASS)
        self.assertEqual(len(client.sent), 2)
        self.assertEqual(client.sent[0][2], b'"type: count"')  # a YAML string is a JSON string

    def test_method_steps_send_their_body(self):
        _, client = self.judge("url: /api/rest/x\nmethod: POSTJSON\nbody: {a: 1}\nstatus: 200\n",
                               200, {})
        method, _, body, headers = client.sent[0]
        self.assertEqual((method, json.loads(body), headers["Content-Type"]),
                         ("POST", {"a": 1}, "application/json"))
        _, client = self.judge("url: /api/rest/x\nmethod: GET\nstatus: 200\n", 200, {})
        self.assertEqual(client.sent[0][:3], ("GET", "/api/rest/x", None))


if __name__ == "__main__":
    unittest.main()
