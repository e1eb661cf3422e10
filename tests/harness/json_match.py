"""JSON comparison for the YAML case format: equality ignoring key order, and readable diffs.

The rules are those of Hasura's own test harness (see hasura-tests/FORMAT.md §4): objects
compare ignoring key order, arrays element-wise in order, scalars by plain equality after
parsing (so 1 == 1.0, but the string '1' is not the number 1 and true is not 1).

Our own cases may also use two matchers, written as YAML tags (Hasura's files never do):
  `!any ''`           matches any value, so a key must be present but its value is free;
  `!regex 'PATTERN'`  matches a string that re.search() finds PATTERN in.
"""

import difflib
import json
import re


class Matcher:
    """An expected value that is a predicate rather than a literal."""

    def matches(self, actual):
        raise NotImplementedError

    def describe(self):
        raise NotImplementedError


class AnyValue(Matcher):
    def matches(self, actual):
        return True

    def describe(self):
        return "<any value>"


class Regex(Matcher):
    def __init__(self, pattern):
        self.pattern = pattern
        self._re = re.compile(pattern)

    def matches(self, actual):
        return isinstance(actual, str) and self._re.search(actual) is not None

    def describe(self):
        return f"<string matching /{self.pattern}/>"


def _is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def json_equal(expected, actual):
    """True when actual matches expected: key order ignored, bool distinct from numbers."""
    if isinstance(expected, Matcher):
        return expected.matches(actual)
    if isinstance(expected, dict):
        return (isinstance(actual, dict) and expected.keys() == actual.keys()
                and all(json_equal(v, actual[k]) for k, v in expected.items()))
    if isinstance(expected, list):
        return (isinstance(actual, list) and len(expected) == len(actual)
                and all(json_equal(e, a) for e, a in zip(expected, actual)))
    if _is_number(expected):
        return _is_number(actual) and expected == actual
    if isinstance(expected, bool):
        return isinstance(actual, bool) and expected == actual
    return type(expected) is type(actual) and expected == actual


def has_error(body):
    """Whether a response body is an error body (`error` or `errors` at its top level)."""
    return isinstance(body, dict) and ("error" in body or "errors" in body)


def _plain(value):
    """Replaces matchers by their descriptions so a value can be printed as JSON."""
    if isinstance(value, Matcher):
        return value.describe()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def pretty(value):
    """Stable multi-line JSON (sorted keys, UTF-8 kept) for messages and diffs."""
    return json.dumps(_plain(value), indent=2, sort_keys=True, ensure_ascii=False, default=str)


def unified_diff(expected, actual, max_lines=60):
    """A unified diff of the pretty-printed values, cut to max_lines."""
    lines = list(difflib.unified_diff(pretty(expected).splitlines(), pretty(actual).splitlines(),
                                      "expected", "actual", lineterm="", n=2))
    if len(lines) > max_lines:
        lines = lines[:max_lines] + [f"... ({len(lines) - max_lines} more diff lines)"]
    return "\n".join(lines)


def excerpt(text, limit=40):
    """The first `limit` lines of a long text, with a note of what was left out."""
    lines = text.splitlines()
    if len(lines) <= limit:
        return text
    return "\n".join(lines[:limit] + [f"... ({len(lines) - limit} more lines)"])
