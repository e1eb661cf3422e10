#!/usr/bin/env bash
# The README's run command: installs what is missing, builds Graft in Release and serves
# http://localhost:8080. With no database URL it runs its own managed PostgreSQL (data in
# ./graft-data) and loads the demo data set into it on first start (--demo; GRAFT_DEMO=false
# turns that off). Extra arguments go to `graft serve`; HASURA_GRAPHQL_* variables are honoured.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build-release" Release -DGRAFT_BUILD_TESTS=OFF
port=${HASURA_GRAPHQL_SERVER_PORT:-8080}
managed=true
if [ -n "${HASURA_GRAPHQL_DATABASE_URL:-}" ] || [ -n "${HASURA_GRAPHQL_METADATA_DATABASE_URL:-}" ]; then
  managed=false
fi
for arg in "$@"; do
  case "$arg" in --database-url* | --metadata-database-url*) managed=false ;; esac
done
if [ "$managed" = true ]; then
  export GRAFT_DEMO=${GRAFT_DEMO:-true}
fi
cat <<MSG

Graft is starting on http://localhost:${port}  (Ctrl-C stops it)
Try:  curl http://localhost:${port}/healthz

MSG
cd "$root"
exec "$root/build-release/graft" serve "$@"
