#!/usr/bin/env bash
# The one test command (`npm test`): installs what is needed, then type-checks, lints and runs every test —
# unit, browser (Playwright in Debian's Chromium against the built site) and notebooks (Jupyter + tslab).
# Any failure stops it with a non-zero exit.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n==> %s\n' "$*"; }

step "system packages"
bash scripts/setup-system.sh

step "npm ci"
npm ci --no-audit --no-fund

step "type-check (tsc --noEmit)"
node node_modules/typescript/bin/tsc --noEmit -p tsconfig.json

step "lint (ESLint, Prettier)"
npx eslint .
npx prettier --check .

step "unit tests"
node scripts/run-unit-tests.mjs

step "build the site (both locales)"
npx docusaurus build

step "browser tests (Playwright, Chromium)"
PLAYWRIGHT_BROWSERS_PATH=/nonexistent npx playwright test

step "notebooks (Jupyter, tslab)"
node test/notebooks/run-notebooks.mjs

step "all tests passed"
