#!/usr/bin/env bash
# Sets up, builds and runs Harbour's main job on an embedded default data folder
# (./harbour-data, created and seeded with demo data on first run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product harbour
exec .build/release/harbour demo "$@"
