#!/usr/bin/env bash
# Starts the app (http://localhost:3000) and backend (http://localhost:7007) with SQLite in
# ./data, the example org from ./examples and the Maturity plugin. Provisions Node 22 and
# Yarn and installs dependencies on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/toolchain.sh
yarn install --immutable
mkdir -p data
exec yarn start
