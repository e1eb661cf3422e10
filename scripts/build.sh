#!/usr/bin/env bash
# Configures and builds Graft. Usage: scripts/build.sh <build-dir> <Release|RelWithDebInfo|Debug> [cmake args...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dir=${1:-"$root/build"}
type=${2:-RelWithDebInfo}
shift $(( $# > 2 ? 2 : $# ))
jobs=${GRAFT_BUILD_JOBS:-$(nproc)}
if [ ! -f "$dir/build.ninja" ]; then
  cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
fi
cmake --build "$dir" -j "$jobs"
