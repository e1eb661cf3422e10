#!/usr/bin/env bash
# Runs the standard introspection query against a fixture schema with graphql_introspect and
# checks with graphql-js that the result rebuilds the same schema.
# Usage: introspection_roundtrip.sh <graphql_introspect> <schema.graphql> <query.graphql>
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
result=$(mktemp)
trap 'rm -f "$result"' EXIT
"$1" "$2" "$3" >"$result"
node "$here/introspection_roundtrip.mjs" "$2" "$result"
