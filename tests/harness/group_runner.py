"""Runs a Group (case_groups) against a server: fixtures, cases per transport, teardown.

Shared by the conformance runner and our e2e cases. `run_group_fresh` gives each group a clean
database (every non-system schema dropped) and its own graft, which is how the corpus expects
to start (FORMAT.md §3, §8). A failing setup fixture fails the cases it guards without
sending them; teardowns run tolerantly, since several corpus teardowns drop things their
setup never created.
"""

import time
from dataclasses import dataclass, field

from case_format import CaseFormatError, load_yaml
from case_groups import group_env, group_extensions, missing_features, need_token
from case_runner import FAIL, SKIP, SOFT_FAIL, SUSPECT, Auth, Verdict, post_json, run_case_file
from graft_harness import Graft, HarnessError
from json_match import excerpt

# Hasura's test suite runs the engine with these (FORMAT.md §4: numeric output as strings).
TEST_ENV = {"HASURA_GRAPHQL_STRINGIFY_NUMERIC_TYPES": "true"}
ADMIN_SECRET = "graft-conformance-secret"
NOT_BUILT = {"websocket": "websocket transport not built yet",
             "subscription": "websocket transport not built yet"}

_RESET_SQL = """
DO $$ DECLARE s text; BEGIN
  FOR s IN SELECT nspname FROM pg_namespace
           WHERE nspname NOT IN ('pg_catalog', 'information_schema')
             AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'
  LOOP EXECUTE format('DROP SCHEMA %I CASCADE', s); END LOOP;
END $$;
CREATE SCHEMA public; ALTER SCHEMA public OWNER TO pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
CREATE SCHEMA hge_tests;
"""


@dataclass
class CaseResult:
    group: str
    case: str
    transport: str
    outcome: str
    reason: str = ""
    detail: str = ""

    @property
    def id(self):
        return f"{self.group}/{self.case}/{self.transport}"


@dataclass
class GroupResult:
    group: str
    results: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # teardown failures, crashes: worth a look
    seconds: float = 0.0


@dataclass
class Context:
    """What a case runner may use: the server client, the cluster, and the auth to add."""
    client: object
    pg: object
    auth: Auth


def reset_database(pg, extensions=()):
    """Drops every non-system schema (metadata included), recreates public and hge_tests."""
    sql = _RESET_SQL + "".join(f"CREATE EXTENSION IF NOT EXISTS {e};\n" for e in extensions)
    pg.psql(sql)


def run_fixture(ctx, group, fixture):
    """Posts one fixture file to its endpoint; returns a failure message, or None if 200."""
    try:
        body = load_yaml(group.path(fixture.file))
    except (CaseFormatError, OSError) as e:
        return f"{fixture.file}: cannot read: {e}"
    status, _, data = post_json(ctx.client, fixture.endpoint, body, ctx.auth.headers())
    if status == 200:
        return None
    text = " ".join(data.decode("utf-8", errors="replace").split())
    return f"{fixture.file}: {status} {text[:200]}"


def _run_fixtures(ctx, group, fixtures):
    for fixture in fixtures:
        if fixture.present:
            failure = run_fixture(ctx, group, fixture)
            if failure:
                return failure
    return None


def _teardown(ctx, group, fixtures, notes):
    for fixture in fixtures:
        if fixture.present:
            failure = run_fixture(ctx, group, fixture)
            if failure:
                notes.append(f"teardown failed (ignored): {failure}")


def _static_skip(group, case, transport, features):
    """Why a case variant is not run at all, or None."""
    if not group.downloaded or not case.downloaded:
        return "not in corpus copy"
    missing = missing_features(group, features)
    if missing:
        return "needs " + ", ".join(missing) + " (not built yet)"
    if not features.get("transports", {}).get(transport, transport == "http"):
        return NOT_BUILT.get(transport, f"{transport} transport not built yet")
    return None


def _run_variant(ctx, group, case, transport, special):
    if transport != "http":
        return Verdict(FAIL, f"features.json enables {transport} but the runner has no "
                             f"client for it yet")
    auth = Auth(ctx.auth.admin_secret, case.add_auth)
    handler = special.get(f"{group.dir}/{case.file}")
    if handler:
        return handler(Context(ctx.client, ctx.pg, auth), group.path(case.file))
    return run_case_file(ctx.client, group.path(case.file), auth)


def _as_suspect(case, group, verdict):
    """A failure of a case the corpus itself flags is filed apart, never as a real failure."""
    why = case.suspect or group.suspect
    if why and verdict.outcome in (FAIL, SOFT_FAIL):
        return Verdict(SUSPECT, f"{verdict.reason} [suspect: {why[:120]}]", verdict.detail)
    return verdict


def _plan(group, features):
    """[(case, transport, skip reason or None)] in case order."""
    return [(case, transport, _static_skip(group, case, transport, features))
            for case in group.cases for transport in case.transports]


def run_group(ctx, group, features, special=None):
    """Runs a group on a server that is up and whose database is ready for the group."""
    special = special or {}
    out = GroupResult(group.name)
    plan = _plan(group, features)
    if all(skip for _, _, skip in plan):
        out.results = [CaseResult(group.name, c.file, t, SKIP, skip) for c, t, skip in plan]
        return out
    per_case_setup = [f for f in group.setup if f.per_case]
    per_case_teardown = [f for f in group.teardown if f.per_case]
    failure = _run_fixtures(ctx, group, [f for f in group.setup if not f.per_case])
    for case, transport, skip in plan:
        if skip:
            out.results.append(CaseResult(group.name, case.file, transport, SKIP, skip))
            continue
        case_failure = failure or _run_fixtures(ctx, group, per_case_setup)
        if case_failure:
            verdict = Verdict(FAIL, f"setup failed: {case_failure}")
        else:
            verdict = _run_variant(ctx, group, case, transport, special)
            _teardown(ctx, group, per_case_teardown, out.notes)
        verdict = _as_suspect(case, group, verdict)
        out.results.append(CaseResult(group.name, case.file, transport, verdict.outcome,
                                      verdict.reason, verdict.detail))
    if not failure:  # as with pytest fixtures, a setup that failed gets no teardown
        _teardown(ctx, group, [f for f in group.teardown if not f.per_case], out.notes)
    return out


def _unrun(group, features, reason):
    """Results of a group whose cases are not sent: skips stay skips, the rest fail."""
    out = GroupResult(group.name)
    for case, transport, skip in _plan(group, features):
        verdict = Verdict(SKIP, skip) if skip else _as_suspect(case, group, Verdict(FAIL, reason))
        out.results.append(CaseResult(group.name, case.file, transport, verdict.outcome,
                                      verdict.reason))
    return out


def _summary(error):
    """`graft exited with -6 during start-up: free(): invalid pointer` from a HarnessError."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if len(lines) < 2 else f"{lines[0]} {lines[-1]}"


def run_group_fresh(pg, group, features, special=None, extra_env=None):
    """Resets the database, starts a graft for the group, runs it, stops graft."""
    started = time.monotonic()
    if all(skip for _, _, skip in _plan(group, features)):
        return _unrun(group, features, "not run")  # every variant is a skip: no graft needed
    admin_secret = ADMIN_SECRET if "admin_secret" in map(need_token, group.needs) else ""
    env = {"HASURA_GRAPHQL_DATABASE_URL": pg.url(), **TEST_ENV, **group_env(group),
           **(extra_env or {})}
    if admin_secret:
        env["HASURA_GRAPHQL_ADMIN_SECRET"] = admin_secret
    graft = Graft(env=env)
    try:
        reset_database(pg, group_extensions(group))
        graft.start()
    except HarnessError as e:
        graft.close()
        out = _unrun(group, features, f"could not start: {_summary(e)}")
        out.notes.append(excerpt(str(e), 20))
        out.seconds = time.monotonic() - started
        return out
    try:
        ctx = Context(graft, pg, Auth(admin_secret))
        # Ignored: it fails while /v1/metadata does not exist, and the reset already emptied
        # the metadata schema.
        post_json(graft, "/v1/metadata", {"type": "clear_metadata", "args": {}},
                  ctx.auth.headers())
        out = run_group(ctx, group, features, special)
        if graft.proc.poll() is not None:
            out.notes.append(f"graft exited with {graft.proc.returncode} during the group:\n"
                             + excerpt(graft.output(), 20))
    finally:
        graft.close()
    out.seconds = time.monotonic() - started
    return out

