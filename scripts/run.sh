#!/usr/bin/env bash
# Sets up, builds and runs Harbour's web app on http://127.0.0.1:8080 with the default data folder
# (./harbour-data, created and seeded with demo data on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product harbour
exec .build/release/harbour serve "$@"
