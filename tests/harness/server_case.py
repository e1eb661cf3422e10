"""ServerTestCase: a unittest base for end-to-end suites that share one Graft server over a
throwaway cluster per test class, set up with the class's SQL (SETUP_SQL, run with run_sql)
and metadata commands (METADATA, one bulk), with helpers for SQL and GraphQL requests."""

import json
import unittest

from graft_harness import Graft, PgCluster


class ServerTestCase(unittest.TestCase):
    SETUP_SQL = ""
    METADATA = []
    ENV = {}

    @classmethod
    def setUpClass(cls):
        cls.pg = PgCluster().__enter__()
        env = {"HASURA_GRAPHQL_DATABASE_URL": cls.pg.url(), **cls.ENV}
        try:
            cls.graft = Graft(env=env).__enter__()
        except BaseException:
            cls.pg.__exit__(None, None, None)
            raise
        if cls.SETUP_SQL:
            status, _, resp = cls.graft.request(
                "POST", "/v2/query", body={"type": "run_sql", "args": {"sql": cls.SETUP_SQL}})
            assert status == 200, resp
        if cls.METADATA:
            status, _, resp = cls.graft.request("POST", "/v1/metadata",
                                                body={"type": "bulk", "args": cls.METADATA})
            assert status == 200, resp

    @classmethod
    def tearDownClass(cls):
        cls.graft.__exit__(None, None, None)
        cls.pg.__exit__(None, None, None)

    def sql(self, text):
        status, _, resp = self.graft.request("POST", "/v2/query",
                                             body={"type": "run_sql", "args": {"sql": text}})
        self.assertEqual(status, 200, resp)
        return json.loads(resp)

    def gql(self, query, headers=None, variables=None):
        """POST /v1/graphql, expecting HTTP 200; the parsed response."""
        body = {"query": query}
        if variables is not None:
            body["variables"] = variables
        status, _, resp = self.graft.request("POST", "/v1/graphql", body=body, headers=headers)
        self.assertEqual(status, 200, resp)
        return json.loads(resp)
