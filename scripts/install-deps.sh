#!/usr/bin/env bash
# Installs the Debian 12 packages Graft needs to build, run and test, skipping those present.
# Usage: scripts/install-deps.sh            (build + run + test dependencies)
set -euo pipefail

packages=(
  # build
  cmake ninja-build g++ pkg-config ccache clang-format git
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libpq-dev libssl-dev libcurl4-openssl-dev libcli11-dev libyaml-cpp-dev
  googletest libgtest-dev libbenchmark-dev
  # the managed database and the tests' throwaway clusters
  postgresql-15 postgresql-15-postgis-3
  # test harness; curl for the README's commands, which e2e.demo runs as written
  python3 python3-yaml python3-cryptography curl
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

# Node.js runs the client-compatibility tests (graphql-js); any recent version will do, so an
# existing installation (e.g. NodeSource's, which bundles npm) is kept.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

if [ ${#missing[@]} -ne 0 ]; then
  echo "installing: ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q >&2
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
fi

# The npm packages of the client tests, pinned by tests/clients/package-lock.json.
clients=$(cd "$(dirname "$0")/../tests/clients" && pwd)
if [ ! -d "$clients/node_modules" ] || [ "$clients/package-lock.json" -nt "$clients/node_modules" ]; then
  (cd "$clients" && npm ci --no-audit --no-fund >&2 && touch node_modules)
fi
