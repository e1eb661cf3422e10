#!/usr/bin/python3
"""Rejects an #include that points up the module table of docs/architecture.md.

Each module may include its own headers and those of the modules it may use (transitively).
Test files (*_test.cc, test_support*.h) may also include `embedded`, to start real PostgreSQL
servers.
Run from anywhere: scripts/check-includes.py [src-dir]. Exit status 1 lists the offenders.
"""

import os
import re
import sys

# module -> modules it may use directly (DESIGN.md's table; `embedded` sits beside `pg`).
MAY_USE = {
    "common": [],
    "embedded": ["common"],
    "graphql": ["common"],
    "pg": ["common"],
    "metadata": ["common", "pg", "graphql"],
    "demo": ["metadata"],
    "http": ["common"],
    "auth": ["common", "http"],
    "schema": ["graphql", "metadata"],
    "ir": ["schema"],
    "planner": ["ir", "schema", "pg"],
    "remote": ["graphql", "ir"],
    "execute": ["planner", "remote", "pg"],
    "events": ["execute"],
    "actions": ["execute"],
    "subscriptions": ["execute"],
    "server": ["*"],
    "main": ["*"],
}

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')


def closure(module):
    seen, todo = set(), [module]
    while todo:
        m = todo.pop()
        for dep in MAY_USE.get(m, []):
            if dep == "*":
                return None  # may use everything
            if dep not in seen:
                seen.add(dep)
                todo.append(dep)
    return seen | {module}


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "src")
    bad = []
    for module in sorted(os.listdir(src)):
        path = os.path.join(src, module)
        if not os.path.isdir(path):
            continue
        if module not in MAY_USE:
            bad.append(f"{module}: not in the module table (scripts/check-includes.py)")
            continue
        allowed = closure(module)
        for root, _, files in os.walk(path):
            for name in files:
                if not name.endswith((".h", ".cc")):
                    continue
                file = os.path.join(root, name)
                is_test = name.endswith("_test.cc") or name.startswith("test_support")
                with open(file, encoding="utf-8") as f:
                    for lineno, line in enumerate(f, 1):
                        m = INCLUDE.match(line)
                        if m and m.group(1) in MAY_USE and allowed is not None \
                                and m.group(1) not in allowed \
                                and not (is_test and m.group(1) == "embedded"):
                            bad.append(f"{os.path.relpath(file, src)}:{lineno}: {module} may not "
                                       f"include {m.group(1)}/ (see docs/architecture.md)")
    for b in bad:
        print(b)
    if bad:
        sys.exit(1)
    print("include directions: ok")


if __name__ == "__main__":
    main()
