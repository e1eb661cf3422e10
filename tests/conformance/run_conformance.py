#!/usr/bin/python3
"""Runs Hasura's YAML test corpus (shared/hasura-tests) against the real graft binary.

One PostgreSQL 15 cluster for the run; per group, in manifest order: the database is reset,
a graft is started (GRAFT_BIN) with HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES=true plus the
group's `env:` needs, the fixtures and cases are run, and graft is stopped. Every case variant
(case file x transport) ends as passed, failed, soft-failed, skipped or suspect; only a real
match is a pass. See tests/conformance/README.md for the buckets and the ratchet.

    /usr/bin/python3 tests/conformance/run_conformance.py ../shared/hasura-tests \\
        [--report FILE.json|FILE.tsv] [--only GROUP ...] [--ratchet tests/conformance/passing.txt]
        [--update-ratchet] [-v]

Exit status: 0; 1 when a case listed in the ratchet no longer passes; 2 on bad usage, a
missing corpus or a missing GRAFT_BIN.
"""

import argparse
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "harness"))

from case_groups import load_features  # noqa: E402
from case_runner import FAIL, PASS, SOFT_FAIL, format_verdict  # noqa: E402
from corpus import CorpusError, load_corpus, select_groups  # noqa: E402
from graft_harness import GRAFT_BIN, PgCluster  # noqa: E402
from group_runner import run_group_fresh  # noqa: E402
from json_match import excerpt  # noqa: E402
from ratchet import compare, read_ratchet, updated, write_ratchet  # noqa: E402
from report import group_line, summary_lines, write_report  # noqa: E402
from special_cases import SPECIAL_CASES  # noqa: E402


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("corpus", help="the hasura-tests folder (holds MANIFEST.json)")
    p.add_argument("--report", help="write every result here (.json with details, else TSV)")
    p.add_argument("--only", nargs="+", metavar="GROUP",
                   help="run only these groups (manifest name, or folder such as v1/select)")
    p.add_argument("--ratchet", metavar="FILE",
                   help="fail if a case listed in FILE no longer passes")
    p.add_argument("--update-ratchet", action="store_true",
                   help="rewrite the --ratchet file with the cases that pass now")
    p.add_argument("--features", default=os.path.join(HERE, "features.json"))
    p.add_argument("--max-details", type=int, default=20,
                   help="print the diff of at most this many failures (default 20)")
    p.add_argument("-v", "--verbose", action="store_true", help="print every failure's diff")
    args = p.parse_args(argv)
    if args.update_ratchet and not args.ratchet:
        p.error("--update-ratchet needs --ratchet FILE")
    return args


def run_groups(groups, features):
    """Runs the groups on one cluster, printing a line per group as it finishes."""
    results = []
    with PgCluster() as pg:
        for group in groups:
            result = run_group_fresh(pg, group, features, SPECIAL_CASES)
            print(group_line(result), flush=True)
            for note in result.notes:
                print("    note: " + excerpt(note, 6).replace("\n", "\n    "), flush=True)
            results.append(result)
    return results


def print_details(case_results, limit):
    shown = 0
    for r in case_results:
        if r.outcome in (FAIL, SOFT_FAIL) and r.detail:
            if shown == limit:
                print("... more failures with diffs: see --report, or run with -v")
                return
            print("\n" + format_verdict(r.id, r))
            shown += 1


def apply_ratchet(args, case_results, groups_run):
    """Prints ratchet news; returns the exit status."""
    listed = read_ratchet(args.ratchet)
    passing = {r.id for r in case_results if r.outcome == PASS}
    regressed, new = compare(listed, passing, groups_run)
    by_id = {r.id: r for r in case_results}
    if args.update_ratchet:
        write_ratchet(args.ratchet, updated(listed, passing, groups_run))
        print(f"ratchet: wrote {args.ratchet}")
        return 0
    if new:
        print(f"ratchet: {len(new)} case(s) pass that are not listed; "
              f"add these to {args.ratchet} (or run with --update-ratchet):")
        for case_id in new:
            print("  " + case_id)
    if regressed:
        print(f"ratchet: {len(regressed)} listed case(s) no longer pass:")
        for case_id in regressed:
            r = by_id.get(case_id)
            print("  " + (format_verdict(case_id, r) if r else f"{case_id}: not run (no such "
                                                              "case in the manifest)"))
        return 1
    return 0


def main(argv):
    args = parse_args(argv)
    try:
        groups = select_groups(load_corpus(args.corpus), args.only)
    except CorpusError as e:
        print(f"conformance: {e}", file=sys.stderr)
        return 2
    if not GRAFT_BIN or not os.access(GRAFT_BIN, os.X_OK):
        print(f"conformance: set GRAFT_BIN to the graft binary (got {GRAFT_BIN!r})",
              file=sys.stderr)
        return 2
    started = time.monotonic()
    group_results = run_groups(groups, load_features(args.features))
    seconds = time.monotonic() - started
    case_results = [r for g in group_results for r in g.results]
    print_details(case_results, None if args.verbose else args.max_details)
    if args.report:
        write_report(args.report, group_results, seconds)
        print(f"report: {args.report}")
    status = apply_ratchet(args, case_results, {g.name for g in groups}) if args.ratchet else 0
    print(f"time: {seconds:.1f}s for {len(groups)} groups")
    for line in summary_lines(case_results):
        print(line)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
