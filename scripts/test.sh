#!/usr/bin/env bash
# Sets up, builds and runs every test. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build --build-tests
# The log goes to a file as well, so that a failure's lines can be repeated at the end, where
# a CI summary that keeps only the tail will show them.
testLog="$(mktemp -t harbour-swift-test.XXXXXX)"
if ! swift test --skip-build 2>&1 | tee "$testLog"; then
    echo "== what failed (repeated from above) =="
    grep -E "✘|error:|fatal error|Fatal error" "$testLog" | tail -n 40 || true
    rm -f "$testLog"
    exit 1
fi
rm -f "$testLog"
# The web app end to end: a real browser walks it, then schemathesis fuzzes the JSON API from
# /openapi.json (installs Chromium, its driver, selenium and schemathesis on first run).
swift build --product harbour
bash Tests/Browser/run.sh all
