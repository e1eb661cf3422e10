"""Corpus cases that Hasura's harness drives from test code rather than the step format.

FORMAT.md §2 and the manifest notes describe each procedure; they are reproduced here. Each
handler takes (ctx: group_runner.Context, path) and returns a case_runner.Verdict. Keys are
`<group dir>/<case file>` as in MANIFEST.json.
"""

from case_format import load_yaml
from case_runner import FAIL, PASS, Verdict, decode_body, post_json
from graft_harness import HarnessError
from json_match import excerpt, json_equal, pretty, unified_diff


class _Failed(Exception):
    def __init__(self, verdict):
        super().__init__(verdict.reason)
        self.verdict = verdict


def _call(ctx, path, url, body, status=200, what=None):
    """POSTs body as admin, requires `status`, returns the decoded response."""
    got, _, data = post_json(ctx.client, url, body, ctx.auth.headers())
    actual = decode_body(data)
    if got != status:
        what = what or f"{body.get('type', 'request')} on {url}"
        raise _Failed(Verdict(FAIL, f"{what}: status {got}, expected {status}",
                              f"file: {path}\nresponse:\n{excerpt(pretty(actual))}"))
    return actual


def _require_equal(path, what, expected, actual):
    if not json_equal(expected, actual):
        raise _Failed(Verdict(FAIL, f"{what} differs",
                              f"file: {path}\nexpected:\n{excerpt(pretty(expected))}\n"
                              f"actual:\n{excerpt(pretty(actual))}\ndiff:\n"
                              f"{unified_diff(expected, actual)}"))


def _guarded(handler):
    def run(ctx, path):
        try:
            return handler(ctx, path)
        except _Failed as failed:
            return failed.verdict
        except HarnessError as e:  # the direct SQL step failed
            return Verdict(FAIL, str(e).splitlines()[0], f"file: {path}\n{e}")
    return run


@_guarded
def inconsistent_objects(ctx, path):
    """Break metadata behind the engine's back and check it reports, then drops, the damage."""
    spec = load_yaml(path)
    q = "/v1/query"

    def admin(kind, args=None, status=200):
        return _call(ctx, path, q, {"type": kind, "args": args or {}}, status)

    _call(ctx, path, q, spec["setup"], what="setup")
    ctx.pg.psql(spec["sql"])
    admin("reload_metadata")
    report = admin("get_inconsistent_metadata")
    _require_equal(path, "get_inconsistent_metadata (broken)", {
        "is_consistent": False, "inconsistent_objects": spec["inconsistent_objects"]},
        {k: report.get(k) for k in ("is_consistent", "inconsistent_objects")}
        if isinstance(report, dict) else report)
    exported = admin("export_metadata")
    admin("replace_metadata", exported, status=400)
    admin("drop_inconsistent_metadata")
    admin("reload_metadata")
    report = admin("get_inconsistent_metadata")
    _require_equal(path, "get_inconsistent_metadata (repaired)",
                   {"is_consistent": True, "inconsistent_objects": []},
                   {k: report.get(k) for k in ("is_consistent", "inconsistent_objects")}
                   if isinstance(report, dict) else report)
    _call(ctx, path, q, spec["teardown"], what="teardown")
    return Verdict(PASS)


def _field_kind(types, type_name, field_name):
    for t in types:
        if t.get("name") == type_name:
            for f in t.get("fields") or []:
                if f.get("name") == field_name:
                    return (f.get("type") or {}).get("kind")
    return None


@_guarded
def introspection(ctx, path):
    """Only checks nullability of two relationship fields of `article`, as the harness does."""
    step = load_yaml(path)
    body = _call(ctx, path, step["url"], step["query"], status=step.get("status", 200),
                 what="introspection query")
    try:
        types = body["data"]["__schema"]["types"]
    except (KeyError, TypeError):
        return Verdict(FAIL, "introspection response has no data.__schema.types",
                       f"file: {path}\nresponse:\n{excerpt(pretty(body))}")
    wanted = {"author_obj_rel_manual": "OBJECT", "author_obj_rel_fk": "NON_NULL"}
    got = {name: _field_kind(types, "article", name) for name in wanted}
    _require_equal(path, "type kinds of article's relationship fields", wanted, got)
    return Verdict(PASS)


@_guarded
def invalid_fkey_relationship(ctx, path):
    """The whole file is a /v1/query call that must fail to parse `foreign_key_constraint_on`."""
    body = _call(ctx, path, "/v1/query", load_yaml(path), status=400)
    error = body.get("error") if isinstance(body, dict) else body
    _require_equal(path, "error message", "Expecting object { table, columns }.", error)
    return Verdict(PASS)


SPECIAL_CASES = {
    "inconsistent_objects/test.yaml": inconsistent_objects,
    "graphql_introspection/introspection.yaml": introspection,
    "graphql_query/basic/setup_invalid_fkey_relationship.yaml": invalid_fkey_relationship,
}
