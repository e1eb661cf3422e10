"""The group model: a folder of case files with its fixtures, as in hasura-tests/MANIFEST.json.

The conformance corpus describes its groups in MANIFEST.json; our own e2e cases describe theirs
in a `group.yaml` of the same shape, so both are read by group_from_dict and run by the same
group runner. Fields (all but `group` and `cases` optional):

  group: name                  cases: [file.yaml | {file, transport, downloaded, suspect}]
  dir: folder (relative)       setup / teardown: [{file, endpoint, present, when}]
  db_state: per_class | per_method | mutation ...   needs: [env:NAME=value | admin_secret | ...]

A fixture runs once per group unless the group is per_method, its file is `values_*.yaml`, or
its `when` says "every test": then it wraps every case (FORMAT.md §3).
"""

import json
import os
import re
from dataclasses import dataclass, field

TRANSPORT_SETS = {"http": ["http"], "both": ["http", "websocket"],
                  "all": ["http", "websocket", "subscription"]}
# Needs that the database reset satisfies (extensions are created on demand, in this order).
EXTENSIONS = ["citext", "ltree", "postgis", "postgis_topology", "postgis_raster"]
DATABASE_NEEDS = set(EXTENSIONS) | {"gen_random_uuid", "schema"}


@dataclass
class Fixture:
    file: str
    endpoint: str
    present: bool = True
    per_case: bool = False


@dataclass
class CaseSpec:
    file: str
    transports: list
    downloaded: bool = True
    suspect: str = ""  # why the corpus copy of this case cannot be trusted, if it cannot
    add_auth: bool = True
    notes: str = ""


@dataclass
class Group:
    name: str
    root: str  # the corpus (or cases) folder that `dir` is relative to
    dir: str
    per_method: bool = False
    setup: list = field(default_factory=list)
    teardown: list = field(default_factory=list)
    cases: list = field(default_factory=list)
    needs: list = field(default_factory=list)
    downloaded: bool = True
    suspect: str = ""

    def path(self, file):
        return os.path.join(self.root, self.dir, file)


def _transports(value):
    if isinstance(value, list):
        return [str(t) for t in value]
    return list(TRANSPORT_SETS.get(str(value or "http"), [str(value)]))


def _fixture(raw, per_method):
    file = raw["file"]
    when = str(raw.get("when", ""))
    per_case = per_method or file.startswith("values_") or "every" in when
    return Fixture(file=file, endpoint=raw.get("endpoint", "/v1/query"),
                   present=bool(raw.get("present", True)), per_case=per_case)


def _case(raw):
    if isinstance(raw, str):
        raw = {"file": raw}
    notes = str(raw.get("notes", ""))
    return CaseSpec(file=raw["file"], transports=_transports(raw.get("transport")),
                    downloaded=bool(raw.get("downloaded", True)),
                    suspect=str(raw.get("suspect", "")), add_auth="add_auth=False" not in notes,
                    notes=notes)


def group_from_dict(raw, root):
    per_method = str(raw.get("db_state", "per_class")).startswith("per_method")
    return Group(name=raw["group"], root=root, dir=raw.get("dir", "."), per_method=per_method,
                 setup=[_fixture(f, per_method) for f in raw.get("setup", [])],
                 teardown=[_fixture(f, per_method) for f in raw.get("teardown", [])],
                 cases=[_case(c) for c in raw.get("cases", [])],
                 needs=[str(n) for n in raw.get("needs", [])],
                 downloaded=bool(raw.get("downloaded", True)),
                 suspect=str(raw.get("suspect", "")))


def load_features(path):
    """features.json: which transports and features Graft has built (true) or not."""
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def need_token(need):
    """The name a free-text need starts with: `postgis (schema_setup creates ...)` -> postgis."""
    m = re.match(r"[A-Za-z_][A-Za-z0-9_]*", need.strip())
    return m.group(0) if m else need.strip()


def group_env(group):
    """Server environment the group asks for with `env:NAME=value` needs."""
    env = {}
    for need in group.needs:
        if need.startswith("env:") and "=" in need:
            name, value = need[4:].split("=", 1)
            env[name.strip()] = value.strip()
    return env


def group_extensions(group):
    """Extensions to create before the group's setup, from its needs (any mention counts)."""
    text = " ".join(group.needs)
    return [e for e in EXTENSIONS if re.search(rf"\b{e}\b", text)]


def missing_features(group, features):
    """Needs that neither the database reset nor an enabled feature of features.json meets."""
    missing = []
    for need in group.needs:
        if need.startswith("env:"):
            continue
        token = need_token(need)
        if token in DATABASE_NEEDS or features.get(token) is True:
            continue
        missing.append(token)
    return missing
