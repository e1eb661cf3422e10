"""Parsing of Hasura's YAML test-case format (hasura-tests/FORMAT.md §2) into Step objects.

A case file is one step (a mapping) or a list of steps run in order. A step is a request
(`url`, `query` or `method`/`body`, `headers`) plus what to expect (`status`, `response` or
`allowed_responses`, `resp_headers`). YAML merge keys (`<<`) and anchors are supported by
PyYAML's SafeLoader; the `!any` and `!regex` tags of json_match are added for our own cases.
"""

import json
from dataclasses import dataclass, field

import yaml

from json_match import AnyValue, Regex


class CaseLoader(yaml.SafeLoader):
    """SafeLoader plus the matcher tags (never used by Hasura's files, so harmless there)."""


CaseLoader.add_constructor("!any", lambda loader, node: AnyValue())
CaseLoader.add_constructor("!regex", lambda loader, node: Regex(loader.construct_scalar(node)))


class CaseFormatError(ValueError):
    pass


def load_yaml(path):
    """Loads a YAML file; a syntax error becomes a CaseFormatError naming the file."""
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.load(f, Loader=CaseLoader)  # noqa: S506 - CaseLoader is a SafeLoader
    except yaml.YAMLError as e:
        raise CaseFormatError(f"{path}: invalid YAML: {e}") from e


@dataclass
class Expectation:
    """One acceptable answer: a body (None = not compared) and a subset of headers."""
    response: object = None
    resp_headers: dict = field(default_factory=dict)


@dataclass
class Step:
    url: str
    status: int
    method: str = "POST"
    body: bytes = b""
    headers: dict = field(default_factory=dict)
    expectations: list = field(default_factory=list)
    index: int = 0

    def describe(self):
        return f"step {self.index + 1}: {self.method} {self.url}"


def _string_headers(raw):
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise CaseFormatError(f"headers must be a mapping, got {type(raw).__name__}")
    return {str(k): str(v) for k, v in raw.items()}


def _expectation(raw):
    # Hasura's harness treats an absent or falsy response ([], {}, null) as "don't compare".
    response = raw.get("response")
    return Expectation(response=response if response else None,
                       resp_headers=_string_headers(raw.get("resp_headers")))


def _request(raw):
    """(method, body bytes, extra headers) for a step, following Hasura's harness."""
    method = str(raw.get("method", "")).upper()
    if not method:
        return "POST", json.dumps(raw.get("query"), ensure_ascii=False).encode(), {
            "Content-Type": "application/json"}
    body = raw.get("body")
    if method == "POSTJSON":
        return "POST", json.dumps(body, ensure_ascii=False).encode(), {
            "Content-Type": "application/json"}
    if body is None or method in ("GET", "DELETE"):
        return method, b"", {}
    if isinstance(body, str):
        return method, body.encode(), {}
    return method, json.dumps(body, ensure_ascii=False).encode(), {
        "Content-Type": "application/json"}


def parse_step(raw, index=0):
    if not isinstance(raw, dict) or "url" not in raw:
        raise CaseFormatError(f"step {index + 1} is not a request step (no `url`)")
    if "status" not in raw:
        raise CaseFormatError(f"step {index + 1} has no `status`")
    method, body, content_headers = _request(raw)
    if "allowed_responses" in raw:
        expectations = [_expectation(alt) for alt in raw["allowed_responses"]]
    else:
        expectations = [_expectation(raw)]
    headers = dict(content_headers)
    headers.update(_string_headers(raw.get("headers")))
    return Step(url=str(raw["url"]), status=int(raw["status"]), method=method, body=body,
                headers=headers, expectations=expectations, index=index)


def parse_steps(document):
    """The steps of a loaded case document (a mapping or a list of mappings)."""
    raws = document if isinstance(document, list) else [document]
    if not raws:
        raise CaseFormatError("case file holds no steps")
    return [parse_step(raw, i) for i, raw in enumerate(raws)]
