#!/usr/bin/env bash
# The README's test command: installs what is missing, builds, and runs every suite (unit,
# integration against throwaway PostgreSQL clusters, end-to-end against the real binary).
# Ends with ctest's summary. Extra arguments go to ctest (e.g. -L unit, -R Cors).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/install-bench-deps.sh"
build=${GRAFT_TEST_BUILD_DIR:-"$root/build"}
"$root/scripts/build.sh" "$build" RelWithDebInfo
cd "$build"
ctest --output-on-failure -j "${GRAFT_TEST_JOBS:-2}" "$@"
