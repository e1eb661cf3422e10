#!/usr/bin/env python3
"""What the permission layer costs: the same list query with a nested relationship, served to
the admin and to a role whose row filter reads X-Hasura-User-Id, measured with wrk in one run
(so that the ratio is meaningful on a shared machine). Not a test; see docs/benchmarks.md.

Usage: GRAFT_BIN=build-release/graft bench/permission_cost.py [--seconds 10] [--connections 32]
"""

import argparse
import json
import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.join(ROOT, "tests", "harness"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import load  # noqa: E402
from graft_harness import Graft, PgCluster  # noqa: E402

SETUP_SQL = """
CREATE TABLE account (id int PRIMARY KEY, owner_id int NOT NULL, name text NOT NULL);
CREATE TABLE deal (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account (id),
                   amount numeric NOT NULL, stage text NOT NULL);
INSERT INTO account SELECT i, i % 100, 'account ' || i FROM generate_series(1, 10000) i;
INSERT INTO deal SELECT i, 1 + i % 10000, i * 10, (ARRAY['open','won','lost'])[1 + i % 3]
  FROM generate_series(1, 50000) i;
CREATE INDEX ON account (owner_id);
CREATE INDEX ON deal (account_id);
ANALYZE;
"""

METADATA = [
    {"type": "pg_track_table", "args": {"table": "account"}},
    {"type": "pg_track_table", "args": {"table": "deal"}},
    {"type": "pg_create_array_relationship", "args": {
        "table": "account", "name": "deals",
        "using": {"foreign_key_constraint_on": {"table": "deal", "column": "account_id"}}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "account", "role": "user",
        "permission": {"columns": "*", "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}}}}},
    {"type": "pg_create_select_permission", "args": {
        "table": "deal", "role": "user",
        "permission": {"columns": "*", "filter": {}}}},
]

# The admin asks for the same rows the role's filter gives it.
ADMIN_QUERY = ("{ account(where: {owner_id: {_eq: 7}}, order_by: {id: asc}, limit: 20) "
               "{ id name deals(order_by: {id: asc}) { id amount stage } } }")
ROLE_QUERY = ("{ account(order_by: {id: asc}, limit: 20) "
              "{ id name deals(order_by: {id: asc}) { id amount stage } } }")

def run_wrk(port, query, headers, seconds, connections):
    r = load.wrk(f"http://127.0.0.1:{port}/v1/graphql", json.dumps({"query": query}),
                 headers=headers, seconds=seconds, connections=connections)
    return r["rps"], f"{r['p50_ms']:.2f}ms", f"{r['p99_ms']:.2f}ms", r["errors"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    with PgCluster() as pg, Graft(env={"HASURA_GRAPHQL_DATABASE_URL": pg.url(),
                                       "GRAFT_THREADS": "1"}) as graft:
        graft.request("POST", "/v2/query", body={"type": "run_sql", "args": {"sql": SETUP_SQL}})
        status, _, resp = graft.request("POST", "/v1/metadata",
                                        body={"type": "bulk", "args": METADATA})
        assert status == 200, resp
        role = {"x-hasura-role": "user", "x-hasura-user-id": "7"}
        # Same answer both ways, or the comparison means nothing.
        _, _, admin_answer = graft.request("POST", "/v1/graphql", body={"query": ADMIN_QUERY})
        _, _, role_answer = graft.request("POST", "/v1/graphql", body={"query": ROLE_QUERY},
                                          headers=role)
        assert admin_answer == role_answer, (admin_answer[:200], role_answer[:200])
        results = []
        for name, query, headers in [("admin", ADMIN_QUERY, {}), ("user role", ROLE_QUERY, role),
                                     ("admin again", ADMIN_QUERY, {})]:
            results.append((name, *run_wrk(graft.port, query, headers, args.seconds,
                                           args.connections)))
        print(f"{'workload':<12} {'req/s':>9} {'p50':>9} {'p99':>9} {'errors':>7}")
        for name, rps, p50, p99, errors in results:
            print(f"{name:<12} {rps:>9.0f} {p50:>9} {p99:>9} {errors:>7}")
        admin = (results[0][1] + results[2][1]) / 2
        print(f"role / admin throughput: {results[1][1] / admin:.3f}")


if __name__ == "__main__":
    main()
