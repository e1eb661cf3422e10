#!/usr/bin/env python3
"""One large nested insert: `insert_account` of N accounts, each with K deals through the
`deals` array relationship (N + N*K rows, one request), against raw SQL writing the same rows
in one transaction (two multi-row INSERTs, run once by pgbench). Each is run --repeat times,
alternately, on the CRM data set (bench/crm) at a small scale; the median time and rows/s are
printed. Not a test; see docs/benchmarks.md. The single-row inserts at 32 clients are the
`insert` workload of bench/run.py.

Usage: GRAFT_BIN=build-release/graft bench/insert_bulk.py [--accounts 1000] [--deals 2]
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(BENCH), "tests", "harness"))
sys.path.insert(0, BENCH)

from graft_harness import Graft, HarnessError  # noqa: E402
from run import BenchCluster  # noqa: E402

MUTATION = ("mutation ($objects: [account_insert_input!]!) "
            "{ insert_account(objects: $objects) { affected_rows } }")


def accounts(first_id, n, k):
    return [{"id": first_id + i, "name": f"Bulk {first_id + i}", "industry": "tech",
             "owner_id": 1 + i % 100, "annual_revenue": 1000 + i,
             "created_at": "2025-01-01T00:00:00Z",
             "deals": {"data": [{"name": f"Bulk deal {j}", "stage": "open", "amount": 10 + j,
                                 "close_date": "2025-06-30", "owner_id": 1 + i % 100}
                                for j in range(k)]}}
            for i in range(n)]


def raw_sql(first_id, n, k):
    rows = ",\n".join(f"({first_id + i}, 'Bulk {first_id + i}', 'tech', {1 + i % 100}, "
                      f"{1000 + i}, '2025-01-01T00:00:00Z')" for i in range(n))
    deals = ",\n".join(f"({first_id + i}, 'Bulk deal {j}', 'open', {10 + j}, '2025-06-30', "
                       f"{1 + i % 100})" for i in range(n) for j in range(k))
    # pgbench runs one statement per semicolon; BEGIN/COMMIT make it one transaction.
    return ("BEGIN;\n"
            "INSERT INTO account (id, name, industry, owner_id, annual_revenue, created_at) "
            f"VALUES\n{rows};\n"
            "INSERT INTO deal (account_id, name, stage, amount, close_date, owner_id) "
            f"VALUES\n{deals};\nCOMMIT;\n")


def run_pgbench(pg, script_text):
    with tempfile.NamedTemporaryFile("w", suffix=".sql", delete=False) as f:
        f.write(script_text)
    try:
        out = subprocess.run(["pgbench", "-n", "-t", "1", "-c", "1", "-f", f.name,
                              "-h", pg.socket_dir, "-U", "postgres", "postgres"],
                             capture_output=True, text=True, check=True).stdout
    finally:
        os.unlink(f.name)
    return float(re.search(r"latency average = ([\d.]+) ms", out).group(1)) / 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--accounts", type=int, default=1000)
    parser.add_argument("--deals", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    binary = os.environ.get("GRAFT_BIN") or os.path.join(os.path.dirname(BENCH),
                                                         "build-release", "graft")
    rows = args.accounts * (1 + args.deals)
    graft_times, sql_times = [], []
    with BenchCluster() as pg:
        pg.load(0.1)
        with Graft(binary=binary, env={"HASURA_GRAPHQL_DATABASE_URL": pg.url()}) as graft:
            with open(os.path.join(BENCH, "crm", "metadata.json")) as f:
                status, _, body = graft.request("POST", "/v1/metadata", body={
                    "type": "replace_metadata", "args": json.load(f)})
            if status != 200:
                raise HarnessError(f"replace_metadata: {body}")
            next_id = 1_000_000
            for _ in range(args.repeat):
                body = {"query": MUTATION,
                        "variables": {"objects": accounts(next_id, args.accounts, args.deals)}}
                started = time.monotonic()
                status, _, answer = graft.request("POST", "/v1/graphql", body=body, timeout=600)
                graft_times.append(time.monotonic() - started)
                if status != 200 or json.loads(answer) != {
                        "data": {"insert_account": {"affected_rows": rows}}}:
                    raise HarnessError(f"insert failed: {answer[:300]}")
                next_id += args.accounts
                sql_times.append(run_pgbench(pg, raw_sql(next_id, args.accounts, args.deals)))
                next_id += args.accounts
    graft_s, sql_s = statistics.median(graft_times), statistics.median(sql_times)
    print(f"{args.accounts} accounts x {args.deals} deals = {rows} rows per request, "
          f"median of {args.repeat}")
    print(f"graft   {graft_s * 1000:9.1f} ms  {rows / graft_s:10.0f} rows/s  "
          f"(request, HTTP and JSON included)")
    print(f"raw SQL {sql_s * 1000:9.1f} ms  {rows / sql_s:10.0f} rows/s  (pgbench, one "
          f"transaction, the values inline)")
    print(f"graft / raw SQL time: {graft_s / sql_s:.2f}")


if __name__ == "__main__":
    main()
