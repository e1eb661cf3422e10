#!/usr/bin/env bash
# The benchmark in one command, on a fresh Debian 12 machine: installs what is missing (the
# packages of scripts/install-deps.sh, wrk, and PostGraphile v5 with Node 22 from npm, pinned
# by bench/postgraphile/package-lock.json), builds a Release binary in build-release, and runs
# bench/run.py, which prints one table per run. Arguments go to run.py (--help lists them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/install-bench-deps.sh"
GRAFT_BUILD_JOBS=${GRAFT_BUILD_JOBS:-$(nproc)} "$root/scripts/build.sh" "$root/build-release" Release >&2
GRAFT_BIN=${GRAFT_BIN:-"$root/build-release/graft"} exec python3 "$root/bench/run.py" "$@"
