"""The conformance ratchet: the file of case ids that pass, which may only grow.

Ids are `group/case-file/transport`. Only strict passes count: a soft failure (right status,
different error body) or a suspect case that fails is not a pass.
"""

HEADER = """\
# Conformance ratchet: the corpus cases (group/case-file/transport) that pass today.
# `run_conformance.py CORPUS --ratchet tests/conformance/passing.txt` (the ctest `conformance`)
# fails when a case listed here no longer passes, and names the newly passing cases that are
# not listed yet; add them with `--update-ratchet`. Sorted, one id per line, `#` = comment.
"""


def read_ratchet(path):
    try:
        with open(path, encoding="utf-8") as f:
            return {line.strip() for line in f
                    if line.strip() and not line.lstrip().startswith("#")}
    except FileNotFoundError:
        return set()


def write_ratchet(path, ids):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for case_id in sorted(ids):
            f.write(case_id + "\n")


def compare(listed, passing, groups_run):
    """(regressed, newly passing): listed ids of the groups run that no longer pass, and
    passing ids not listed. Ids of groups not run (--only) are left alone."""
    in_scope = {i for i in listed if i.split("/", 1)[0] in groups_run}
    return sorted(in_scope - passing), sorted(passing - listed)


def updated(listed, passing, groups_run):
    """The new ratchet content: ids of groups not run are kept, the run groups' replaced."""
    kept = {i for i in listed if i.split("/", 1)[0] not in groups_run}
    return kept | passing
