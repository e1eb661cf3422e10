"""Runs one YAML case file over HTTP against a server and judges it (hasura-tests/FORMAT.md §4).

A case passes only when every step's status and response really match. An error body that
differs while both sides are error bodies is a *soft failure* (Hasura's newest harness only
warns there), reported apart from real failures. Steps run in order and a case stops at its
first real failure, since later steps usually depend on earlier ones.

`client` is anything with `request(method, path, body, headers) -> (status, headers, bytes)`
and lower-cased header names, e.g. graft_harness.Graft.
"""

import http.client
import json
from dataclasses import dataclass

from case_format import CaseFormatError, load_yaml, parse_steps
from json_match import excerpt, has_error, json_equal, pretty, unified_diff

PASS, FAIL, SOFT_FAIL, SKIP, SUSPECT = "pass", "fail", "soft-fail", "skip", "suspect"
WRONG_ADMIN_SECRET = "not-the-admin-secret"
_RANK = {PASS: 0, SOFT_FAIL: 1, FAIL: 2}


@dataclass
class Verdict:
    """The judgement of one step or one case: outcome, a one-line reason, a readable detail."""
    outcome: str
    reason: str = ""
    detail: str = ""


@dataclass
class Auth:
    """How requests are authenticated: the admin secret (if the server has one) and whether to
    add it to this case's requests (Hasura's `add_auth=False` cases send only their headers)."""
    admin_secret: str = ""
    add_auth: bool = True

    def headers(self):
        if self.admin_secret and self.add_auth:
            return {"X-Hasura-Admin-Secret": self.admin_secret}
        return {}


def decode_body(data):
    """The body as JSON when it parses, else as text (e.g. /healthz answers a plain `OK`)."""
    text = data.decode("utf-8", errors="replace")
    try:
        return json.loads(text)
    except ValueError:
        return text


def _headers_mismatch(expected, actual):
    for name, value in expected.items():
        got = actual.get(name.lower())
        if got != value:
            return f"response header {name}: got {got!r}, expected {value!r}"
    return None


def _soft_mismatch(expected, actual):
    """Whether every difference is between two error bodies (per element when batched)."""
    if has_error(expected) and has_error(actual):
        return True
    if isinstance(expected, list) and isinstance(actual, list) and len(expected) == len(actual):
        return all(json_equal(e, a) or (has_error(e) and has_error(a))
                   for e, a in zip(expected, actual))
    return False


def _judge(expectation, actual, headers):
    """(outcome, reason) of one allowed answer against the actual body and headers."""
    mismatch = _headers_mismatch(expectation.resp_headers, headers)
    if mismatch:
        return FAIL, mismatch
    expected = expectation.response
    if expected is None or json_equal(expected, actual):
        return PASS, ""
    if _soft_mismatch(expected, actual):
        return SOFT_FAIL, "error body differs"
    return FAIL, "response differs"


def _detail(path, step, status, actual, expected):
    parts = [f"file: {path} ({step.describe()})", f"status: expected {step.status}, got {status}"]
    if expected is not None:
        parts += ["expected response:", excerpt(pretty(expected)),
                  "actual response:", excerpt(pretty(actual)),
                  "diff:", unified_diff(expected, actual)]
    else:
        parts += ["actual response:", excerpt(pretty(actual))]
    return "\n".join(parts)


def send_request(client, method, path, body, headers):
    """client.request, with a transport error turned into status None and a message body."""
    try:
        return client.request(method, path, body=body or None, headers=headers)
    except (OSError, http.client.HTTPException) as e:
        return None, {}, f"request failed: {e!r}".encode()


def post_json(client, path, value, headers=None):
    """POSTs a JSON value (how fixtures and admin calls are sent)."""
    body = json.dumps(value, ensure_ascii=False).encode()
    return send_request(client, "POST", path, body,
                        {"Content-Type": "application/json", **(headers or {})})


def _send(client, step, headers):
    return send_request(client, step.method, step.url, step.body, headers)


def _check_secret_required(client, step, path):
    """With an admin secret, a request without it or with a wrong one must be refused."""
    graphql = step.url.endswith("/graphql") or step.url.endswith("/relay")
    allowed = {404} if step.status == 404 else ({200} if graphql else {401, 404})
    for secret in (None, WRONG_ADMIN_SECRET):
        headers = dict(step.headers)
        if secret:
            headers["X-Hasura-Admin-Secret"] = secret
        status, _, data = _send(client, step, headers)
        if status not in allowed:
            which = "a wrong admin secret" if secret else "no admin secret"
            return Verdict(FAIL, f"{step.describe()} with {which}: status {status}, expected "
                           f"one of {sorted(allowed)}",
                           f"file: {path}\nbody: {excerpt(data.decode(errors='replace'))}")
    return None


def run_step(client, step, auth=None, path="<case>"):
    """Sends one step and judges its status, then its body and headers."""
    auth = auth or Auth()
    if auth.admin_secret and auth.add_auth:
        refused = _check_secret_required(client, step, path)
        if refused:
            return refused
    headers = dict(step.headers)
    headers.update(auth.headers())
    status, resp_headers, data = _send(client, step, headers)
    actual = decode_body(data)
    first = step.expectations[0].response if step.expectations else None
    if status != step.status:
        return Verdict(FAIL, f"{step.describe()}: status {status}, expected {step.status}",
                       _detail(path, step, status, actual, first))
    if not step.expectations:  # `allowed_responses: []`: only the status is checked
        return Verdict(PASS)
    # The best-matching allowed answer decides; the first one wins a tie.
    judged = [(_judge(e, actual, resp_headers), e) for e in step.expectations]
    (outcome, reason), expectation = min(judged, key=lambda j: _RANK[j[0][0]])
    if outcome == PASS:
        return Verdict(PASS)
    return Verdict(outcome, f"{step.describe()}: {reason}",
                   _detail(path, step, status, actual, expectation.response))


def run_case_file(client, path, auth=None):
    """Runs every step of a case file in order; the case's verdict is its worst step's."""
    try:
        steps = parse_steps(load_yaml(path))
    except (CaseFormatError, OSError, ValueError) as e:
        return Verdict(FAIL, f"cannot read case file: {e}", f"file: {path}")
    soft = None
    for step in steps:
        verdict = run_step(client, step, auth, path)
        if verdict.outcome == FAIL:
            return verdict
        if verdict.outcome == SOFT_FAIL and soft is None:
            soft = verdict
    return soft or Verdict(PASS)


def format_verdict(name, verdict):
    """A block for logs: the name, outcome, reason and (for failures) the detail."""
    head = f"{verdict.outcome.upper()} {name}" + (f": {verdict.reason}" if verdict.reason else "")
    return head + ("\n" + verdict.detail if verdict.detail else "")
