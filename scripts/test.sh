#!/usr/bin/env bash
# Sets up, builds and runs every test. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
swift test --skip-build
# The web app end to end: a real browser walks it, then schemathesis fuzzes the JSON API from
# /openapi.json (installs Chromium, its driver, selenium and schemathesis on first run).
swift build --product harbour
bash Tests/Browser/run.sh all
