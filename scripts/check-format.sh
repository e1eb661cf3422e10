#!/usr/bin/env bash
# Fails when a C++ file under src/ is not formatted by clang-format (.clang-format).
# scripts/check-format.sh --fix reformats them instead.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
mapfile -t files < <(git ls-files -co --exclude-standard 'src/*.h' 'src/*.cc' 'bench/*.cc' | sort -u)
[ ${#files[@]} -eq 0 ] && exit 0
if [ "${1:-}" = "--fix" ]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run -Werror "${files[@]}" 2>/tmp/graft-format.$$; then
  grep -E '^[^ ].*(warning|error):' /tmp/graft-format.$$ | cut -d: -f1 | sort -u | sed 's/^/not formatted: /'
  rm -f /tmp/graft-format.$$
  echo "run scripts/check-format.sh --fix"
  exit 1
fi
rm -f /tmp/graft-format.$$
echo "format: ok"
