#!/usr/bin/env bash
# What bench/ needs beyond scripts/install-deps.sh: wrk (Debian) and PostGraphile v5 on Node 22
# (npm, pinned by bench/postgraphile/package-lock.json). The test suite's bench smoke uses it too.
set -euo pipefail
if ! command -v wrk >/dev/null; then
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q >&2
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends wrk >&2
fi
peer=$(cd "$(dirname "$0")/../bench/postgraphile" && pwd)
if [ ! -d "$peer/node_modules" ] || [ "$peer/package-lock.json" -nt "$peer/node_modules" ]; then
  (cd "$peer" && npm ci --no-audit --no-fund >&2 && touch node_modules)
fi
