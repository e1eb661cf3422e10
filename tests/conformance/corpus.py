"""Reads the Hasura corpus (hasura-tests/MANIFEST.json) into case_groups.Group objects.

The corpus flags fixture/case version skew as `suspect` (FORMAT.md §8). Where the manifest
itemises it (a case's notes start with SUSPECT, or the group's text names case files), only
those cases are suspect; otherwise the whole group's text applies to each of its cases, so
their failures land in the suspect bucket rather than being counted as engine bugs.
"""

import json
import os

from case_groups import group_from_dict


class CorpusError(RuntimeError):
    pass


def _mark_suspects(group):
    itemised = []
    for case in group.cases:
        if case.notes.upper().startswith("SUSPECT"):
            case.suspect = case.notes
            itemised.append(case)
    if not itemised and group.suspect:
        itemised = [c for c in group.cases if c.file in group.suspect]
        for case in itemised:
            case.suspect = group.suspect
    if itemised:
        group.suspect = ""


def load_corpus(root):
    """The manifest's groups in order, with paths relative to `root`."""
    manifest_path = os.path.join(root, "MANIFEST.json")
    if not os.path.isfile(manifest_path):
        raise CorpusError(f"no conformance corpus at {root!r} (expected {manifest_path}); "
                          "CI keeps it in shared/hasura-tests beside the checkout")
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    groups = []
    for raw in manifest["groups"]:
        group = group_from_dict(raw, root)
        _mark_suspects(group)
        groups.append(group)
    return groups


def select_groups(groups, only):
    """Groups named in `only` (by manifest name, or by folder or a parent folder of it)."""
    if not only:
        return groups
    chosen = [g for g in groups
              if any(o == g.name or g.dir == o.rstrip("/") or g.dir.startswith(o.rstrip("/") + "/")
                     for o in only)]
    if not chosen:
        raise CorpusError(f"--only {' '.join(only)} matches no group of the manifest")
    return chosen
