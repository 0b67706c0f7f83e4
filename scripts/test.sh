#!/usr/bin/env bash
# The project's one test command: type check, lint, unit and integration tests (store tests
# on SQLite and PostgreSQL) and the browser tests. Provisions what it needs on a fresh
# machine: Node 22 and Yarn, dependencies, PostgreSQL, Chromium. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)

source scripts/toolchain.sh
yarn install --immutable
source scripts/ensure-postgres.sh
source scripts/ensure-chromium.sh

step() { echo; echo "=== $1"; }

step "Type check"
yarn tsc

step "Lint and formatting"
yarn lint:all
yarn prettier:check

step "Unit and integration tests"
CI=true BACKSTAGE_TEST_DISABLE_DOCKER=1 yarn test

step "Browser tests"
CI=true yarn test:e2e

echo
echo "All checks passed in $(( $(date +%s) - started ))s"
