#!/usr/bin/env bash
# The administrator's day on a big log: times each `harbour` command on a generated history
# (default 1,000,000 events) with the release build, and prints a Markdown table.
#
#     bash Tools/CLIBenchmark/run.sh [EVENTS] [WORKDIR]
#
# HARBOUR_BIN names a harbour binary to time instead of building the release one.
# Each step runs once, in order, on one data folder (the store is not rebuilt between steps).
# Figures depend on the machine and on what else runs: measure on an idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."
events="${1:-1000000}"
work="${2:-$(mktemp -d /tmp/harbour-cli-bench.XXXXXX)}"
mkdir -p "$work"
if [ -n "${HARBOUR_BIN:-}" ]; then
    harbour="$HARBOUR_BIN"
else
    swift build -c release --product harbour >&2
    harbour=".build/release/harbour"
fi
data="$work/data"
rm -rf "$data" "$work/backup" "$work/history.jsonl" "$work/export.jsonl"

rows=()
# step NAME COMMAND…: runs the command quietly, records wall seconds and events/s.
step() {
    local name="$1"; shift
    local start end seconds
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    seconds=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
    rows+=("| $name | $seconds | $(awk -v n="$events" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') |")
    echo "$name: ${seconds}s" >&2
}

step "generate $events events" "$harbour" generate --seed 7 --events "$events" --out "$work/history.jsonl" --quiet
step "init" "$harbour" init --data "$data" --quiet
step "import (two passes: check, then append)" "$harbour" import "$work/history.jsonl" --data "$data" --quiet
step "verify (every record and the chain)" "$harbour" verify --data "$data" --quiet
step "export (whole log)" "$harbour" export --data "$data" --out "$work/export.jsonl" --quiet
step "backup (hot, compacting, verified)" "$harbour" backup "$work/backup" --data "$data" --quiet
step "rebuild every read model" "$harbour" rebuild --data "$data" --quiet
step "funder report, one month" "$harbour" report funder --contract ircc-sap-2025 --month 2025-06 --data "$data" --quiet
step "audit, one client" "$harbour" audit --client c-000042 --data "$data" --quiet

cmp -s "$work/history.jsonl" "$work/export.jsonl" && same="identical to" || same="different from"
echo
echo "$events events on $(nproc) cores, $(date -u +%Y-%m-%d); export is $same the imported file"
echo
echo "| step | seconds | events/s |"
echo "|---|---:|---:|"
printf '%s\n' "${rows[@]}"
echo
du -sh "$data/data.mdb" "$work/backup/data.mdb" "$work/history.jsonl" | sed 's/^/    /'
