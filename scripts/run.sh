#!/usr/bin/env bash
# The README's run command: installs what is missing, builds Graft in Release and serves
# http://localhost:8080 with its own managed PostgreSQL (data in ./graft-data).
# Extra arguments go to `graft serve`; HASURA_GRAPHQL_* variables are honoured.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build-release" Release -DGRAFT_BUILD_TESTS=OFF
port=${HASURA_GRAPHQL_SERVER_PORT:-8080}
cat <<MSG

Graft is starting on http://localhost:${port}  (Ctrl-C stops it)
Try:  curl http://localhost:${port}/healthz
      curl http://localhost:${port}/v1/version

MSG
cd "$root"
exec "$root/build-release/graft" serve "$@"
