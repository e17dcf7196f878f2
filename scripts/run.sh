#!/usr/bin/env bash
# Sets up, builds and runs Harbour's web app on http://127.0.0.1:8080 with the default data folder
# (./harbour-data, created and seeded with demo data on first run). Personal fields are sealed
# with data keys wrapped by a master key: HARBOUR_MASTER_KEY_FILE names it, and when neither it
# nor HARBOUR_MASTER_KEY is set, ./harbour-master.key is used (created once, mode 0600). Keep
# that file out of the data folder's backups and back it up apart.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product harbour
if [[ -z "${HARBOUR_MASTER_KEY:-}" && -z "${HARBOUR_MASTER_KEY_FILE:-}" ]]; then
    export HARBOUR_MASTER_KEY_FILE="$PWD/harbour-master.key"
    if [[ ! -f "$HARBOUR_MASTER_KEY_FILE" ]]; then
        .build/release/harbour privacy new-master-key --file "$HARBOUR_MASTER_KEY_FILE"
    fi
fi
exec .build/release/harbour serve "$@"
