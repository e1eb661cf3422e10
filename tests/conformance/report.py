"""Console lines and the report file (JSON when the name ends in .json, else TSV)."""

import json

from case_runner import FAIL, PASS, SKIP, SOFT_FAIL, SUSPECT

OUTCOMES = (PASS, FAIL, SKIP, SOFT_FAIL, SUSPECT)


def count(results):
    totals = {o: 0 for o in OUTCOMES}
    for r in results:
        totals[r.outcome] += 1
    return totals


def group_line(group_result):
    c = count(group_result.results)
    line = (f"[{group_result.seconds:5.1f}s] {group_result.group}: {c[PASS]} passed, "
            f"{c[FAIL]} failed, {c[SKIP]} skipped")
    if c[SOFT_FAIL] or c[SUSPECT]:
        line += f", {c[SOFT_FAIL]} soft-failed, {c[SUSPECT]} suspect"
    first = next((r for r in group_result.results if r.outcome in (FAIL, SUSPECT)), None)
    if first:
        line += f"  (first: {first.case}: {first.reason[:160]})"
    return line


def summary_lines(results):
    """Two lines; the last is exactly `conformance: P passed, F failed, S skipped of N`."""
    c = count(results)
    return [f"conformance: {c[SOFT_FAIL]} soft-failed (status right, error body differs), "
            f"{c[SUSPECT]} suspect (corpus skew, not counted as failures)",
            f"conformance: {c[PASS]} passed, {c[FAIL]} failed, {c[SKIP]} skipped of {len(results)}"]


def _one_line(text):
    return " ".join(str(text).split())


def write_report(path, group_results, seconds):
    results = [r for g in group_results for r in g.results]
    if path.endswith(".json"):
        doc = {"summary": {**count(results), "total": len(results), "seconds": round(seconds, 1)},
               "groups": [{"group": g.group, "seconds": round(g.seconds, 2), "notes": g.notes,
                           "results": [{"case": r.case, "transport": r.transport,
                                        "outcome": r.outcome, "reason": r.reason,
                                        "detail": r.detail} for r in g.results]}
                          for g in group_results]}
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1, ensure_ascii=False)
        return
    with open(path, "w", encoding="utf-8") as f:
        f.write("group\tcase\ttransport\toutcome\treason\n")
        for r in results:
            row = [r.group, r.case, r.transport, r.outcome, _one_line(r.reason)]
            f.write("\t".join(row) + "\n")
