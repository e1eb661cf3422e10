#!/usr/bin/env python3
"""Metadata at scale: Graft with N tracked tables (8 columns, an object and an array
relationship each) and ten roles holding a select permission with a session-variable filter on
every table. Reports, for each N: the time to track them all (one bulk), start-up time (process
start to /healthz, and to the first answered query, which builds the admin schema), resident
memory after start-up, after the admin's first query and after each of the ten roles' first
query, and the time to track one more table (the median of five). Not a test; see docs/benchmarks.md.

Usage: GRAFT_BIN=build-release/graft bench/metadata_scale.py [--tables 1000,5000] [--roles 10]
"""

import argparse
import json
import os
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(BENCH), "tests", "harness"))
sys.path.insert(0, BENCH)

import load  # noqa: E402
from graft_harness import Graft, HarnessError, PgCluster  # noqa: E402


def create_tables(pg, n):
    pg.psql(f"""
DO $$
BEGIN
  FOR i IN 1..{n} LOOP
    EXECUTE format('CREATE TABLE t%s (id int PRIMARY KEY, owner_id int NOT NULL, name text,
      amount numeric, created_at timestamptz, flag boolean, data jsonb, parent_id int %s)',
      i, CASE WHEN i > 1 THEN format('REFERENCES t%s (id)', i - 1) ELSE '' END);
    IF i % 500 = 0 THEN COMMIT; END IF;  -- each table takes locks until its transaction ends
  END LOOP;
END $$;""")


def metadata(n, roles, first=1):
    tables = []
    for i in range(first, n + 1):
        table = {"table": {"schema": "public", "name": f"t{i}"}}
        if i > 1:
            table["object_relationships"] = [
                {"name": "parent", "using": {"foreign_key_constraint_on": "parent_id"}}]
        if i < n:
            table["array_relationships"] = [{"name": "children", "using": {
                "foreign_key_constraint_on": {"table": {"schema": "public", "name": f"t{i + 1}"},
                                              "column": "parent_id"}}}]
        table["select_permissions"] = [
            {"role": f"role{r}", "permission": {
                "columns": "*", "filter": {"owner_id": {"_eq": "X-Hasura-User-Id"}},
                "allow_aggregations": r % 2 == 0}} for r in range(roles)]
        tables.append(table)
    return {"version": 3, "sources": [{"name": "default", "kind": "postgres", "tables": tables,
                                       "configuration": {"connection_info": {"database_url": {
                                           "from_env": "HASURA_GRAPHQL_DATABASE_URL"}}}}]}


def query(graft, headers=None):
    started = time.monotonic()
    status, _, body = graft.request("POST", "/v1/graphql", body={
        "query": "{ t1(limit: 1) { id children(limit: 1) { id } } }"}, headers=headers,
        timeout=600)
    if status != 200 or b'"errors"' in body:
        raise HarnessError(f"query failed: {body[:300]}")
    return time.monotonic() - started


def mib(graft):
    return load.memory_kib(graft.proc.pid, "VmRSS") / 1024


def measure(pg, binary, n, roles):
    create_tables(pg, n)
    env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url(), "GRAFT_THREADS": "2"}
    row = {"tables": n, "roles": roles}
    with Graft(binary=binary, env=env) as graft:
        started = time.monotonic()
        status, _, body = graft.request("POST", "/v1/metadata", timeout=600, body={
            "type": "replace_metadata", "args": metadata(n, roles)})
        if status != 200:
            raise HarnessError(f"replace_metadata: {body[:300]}")
        row["replace_metadata_s"] = time.monotonic() - started
    # A fresh start with the metadata stored.
    graft = Graft(binary=binary, env=env)
    started = time.monotonic()
    graft.start(timeout=600)
    try:
        row["ready_s"] = time.monotonic() - started
        row["idle_mib"] = mib(graft)
        row["first_query_s"] = query(graft)
        row["startup_to_first_answer_s"] = time.monotonic() - started
        row["admin_schema_mib"] = mib(graft)
        role_times = [query(graft, {"x-hasura-role": f"role{r}", "x-hasura-user-id": "1"})
                      for r in range(roles)]
        row["role_first_query_s"] = sum(role_times) / max(1, len(role_times))
        row["all_roles_mib"] = mib(graft)
        # Five more, one at a time; the median is reported (the first query after each would
        # rebuild the admin schema, so queries wait until the end).
        track_times = []
        for i in range(5):
            pg.psql(f"CREATE TABLE extra{i} (id int PRIMARY KEY, name text)")
            started = time.monotonic()
            status, _, body = graft.request("POST", "/v1/metadata", timeout=600, body={
                "type": "pg_track_table", "args": {"table": f"extra{i}"}})
            if status != 200:
                raise HarnessError(f"pg_track_table: {body[:300]}")
            track_times.append(time.monotonic() - started)
        row["track_one_more_s"] = sorted(track_times)[len(track_times) // 2]
        row["after_track_first_query_s"] = query(graft)
        # The same a while after a change: the schemas of the roles served before it were
        # generated again meanwhile, on the engine's own thread.
        pg.psql("CREATE TABLE extra5 (id int PRIMARY KEY, name text)")
        status, _, body = graft.request("POST", "/v1/metadata", timeout=600, body={
            "type": "pg_track_table", "args": {"table": "extra5"}})
        if status != 200:
            raise HarnessError(f"pg_track_table: {body[:300]}")
        time.sleep(1 + 3 * row["first_query_s"] + roles * row["role_first_query_s"])
        row["settled_first_query_s"] = query(graft)
        row["peak_mib"] = load.memory_kib(graft.proc.pid, "VmHWM") / 1024
    finally:
        graft.close()
    return row


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tables", default="1000,5000")
    parser.add_argument("--roles", type=int, default=10)
    parser.add_argument("--json")
    args = parser.parse_args()
    binary = os.environ.get("GRAFT_BIN") or os.path.join(os.path.dirname(BENCH),
                                                         "build-release", "graft")
    rows = []
    for n in [int(x) for x in args.tables.split(",")]:
        with PgCluster() as pg:
            rows.append(measure(pg, binary, n, args.roles))
        print(json.dumps(rows[-1]), flush=True)
    keys = ["tables", "replace_metadata_s", "ready_s", "first_query_s",
            "startup_to_first_answer_s", "idle_mib", "admin_schema_mib", "role_first_query_s",
            "all_roles_mib", "track_one_more_s", "after_track_first_query_s",
            "settled_first_query_s", "peak_mib"]
    print()
    for key in keys:
        print(f"{key:<28}" + "".join(f"{row[key]:>12.2f}" if isinstance(row[key], float)
                                     else f"{row[key]:>12}" for row in rows))
    if args.json:
        with open(args.json, "w") as f:
            json.dump(rows, f, indent=2)


if __name__ == "__main__":
    main()
