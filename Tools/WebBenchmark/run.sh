#!/usr/bin/env bash
# The web app under load, on loopback, bounded in time: builds `harbour` in release mode, seeds
# a fresh data folder with a generated agency history, starts `harbour serve`, then runs wrk
# (apt: wrk) against the read routes (caseload, client file, funder report) and against
# concurrent service-logging writes, printing requests/s and the 50th/99th percentile latency.
#
# Usage: bash Tools/WebBenchmark/run.sh [EVENTS] [SECONDS] [CONNECTIONS]
#   EVENTS       demo history to seed (default 20000)
#   SECONDS      each wrk run (default 15)
#   CONNECTIONS  concurrent connections (default 32)
# Environment: HARBOUR_SCRATCH (SwiftPM scratch path, default .build); HARBOUR_BIN (a release
#   `harbour` already built: skips the build, e.g. a copy kept apart from a scratch path others
#   build in); HARBOUR_BENCH_LOG_LEVEL (`harbour serve --log-level`, default notice: no line per
#   request; info logs every request).
set -euo pipefail
cd "$(dirname "$0")/../.."
events="${1:-20000}"
seconds="${2:-15}"
connections="${3:-32}"
scratch="${HARBOUR_SCRATCH:-.build}"

command -v wrk >/dev/null 2>&1 || {
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get install -y -qq wrk >/dev/null
}
bin="${HARBOUR_BIN:-}"
if [ -z "$bin" ]; then
    swift build -c release --scratch-path "$scratch" --product harbour
    bin="$scratch/release/harbour"
fi

data="$(mktemp -d)"
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="bench-$(date +%s)-$RANDOM"
# A fresh master key for this run's data keys (personal fields are sealed with them).
master_key="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
HARBOUR_MASTER_KEY="$master_key" HARBOUR_ADMIN_PASSWORD="$password" "$bin" serve --data "$data/harbour" --port "$port" --demo-events "$events" --time-zone UTC \
    --log-level "${HARBOUR_BENCH_LOG_LEVEL:-notice}" \
    >"$data/server.log" 2>&1 &
server=$!
# On the way out the server logs how many appends its commits carried while serving (views and
# service writes together: group commit at work), and how many commits the read models made.
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; grep -h -e "log writer while serving" -e "read models while serving" "$data/server.log" || true; cp "$data/server.log" "$scratch/web-bench-server.log" 2>/dev/null || true; rm -rf "$data"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 600); do
    curl -fsS "$base/health" >/dev/null 2>&1 && break
    sleep 0.5
done

# Sign in (JSON) and keep the cookie and CSRF token.
session() {
    curl -fsS -D - -o "$data/session.json" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$base/api/session" |
        tr -d '\r' | sed -n 's/^[Ss]et-[Cc]ookie: \(harbour_session=[^;]*\).*/\1/p'
}
csrf() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["csrfToken"])' "$data/session.json"; }
worker_cookie="$(session worker1)"
worker_csrf="$(csrf)"
accountant_cookie="$(session accounts)"

# Wait until the read models have caught up with the seeded history.
head="$(curl -fsS "$base/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["headPosition"])')"
admin_cookie="$(session admin)"
for _ in $(seq 1 600); do
    lag="$(curl -fsS -H "Cookie: $admin_cookie" "$base/api/projections" | python3 -c 'import json,sys; print(max(p["lag"] for p in json.load(sys.stdin)))')"
    [ "$lag" -eq 0 ] && break
    sleep 0.5
done

# Writes and file views spread over many clients, as a team's would (one client's stream taking
# every write would measure retries of its expected version instead).
clients="$(curl -fsS -H "Cookie: $worker_cookie" "$base/api/clients" |
    python3 -c 'import json,sys; print(",".join(c["clientId"] for c in json.load(sys.stdin)[:2000]))')"
[ -n "$clients" ] || { echo "bench: the demo history has no clients" >&2; exit 1; }
report="$base/api/reports/funder?contract=ircc-sap-2025&month=2025-06"

echo "harbour web benchmark ($bin): $events seeded events (log head $head), $connections connections, ${seconds}s per run, $(nproc) cores, log level ${HARBOUR_BENCH_LOG_LEVEL:-notice}, load: $(uptime | sed 's/.*load/load/')"
# One request with curl before a route's run: an answer that is not 2xx stops the benchmark with
# its status and body (the wrk scripts only count such answers, see report.lua).
check() {
    local status
    status="$(curl -sS -o "$data/check.out" -w '%{http_code}' "$@")"
    case "$status" in
        2??) ;;
        *) echo "bench: ${!#} answered $status: $(head -c 300 "$data/check.out")" >&2; exit 1 ;;  # the URL, not the cookie
    esac
}
run() {
    local name="$1"
    shift
    echo "== $name"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | grep -E "Requests/sec|^\s+(50|99)%|non-2xx|Socket errors"
}
first_client="${clients%%,*}"
check "$base/health"
check -H "Cookie: $worker_cookie" "$base/api/session"
check -H "Cookie: $worker_cookie" "$base/api/caseload"
check -H "Cookie: $accountant_cookie" "$report"
check -H "Cookie: $worker_cookie" "$base/api/clients/$first_client/file"
run "health (GET /health: no session, no read model; the floor)" -s Tools/WebBenchmark/get.lua "$base/health"
run "session (GET /api/session: the session and account check alone)" -s Tools/WebBenchmark/get.lua -H "Cookie: $worker_cookie" "$base/api/session"
run "caseload (GET /api/caseload, worker1)" -s Tools/WebBenchmark/get.lua -H "Cookie: $worker_cookie" "$base/api/caseload"
run "funder report (GET /api/reports/funder, one month)" -s Tools/WebBenchmark/get.lua -H "Cookie: $accountant_cookie" "$report"
export HARBOUR_BENCH_CLIENTS="$clients"
run "client file (GET /api/clients/:id/file over $(echo "$clients" | tr ',' '\n' | wc -l) clients; each view appends ClientFileViewed)" \
    -s Tools/WebBenchmark/file.lua -H "Cookie: $worker_cookie" "$base"
export HARBOUR_BENCH_SERVICE_BODY="{\"component\":\"informationAndOrientation\",\"deliveredOn\":\"$(date -u +%Y-%m-%d)\",\"minutes\":30,\"mode\":\"phone\",\"language\":\"en\",\"outcome\":\"completed\"}"
check -H "Cookie: $worker_cookie" -H "X-CSRF-Token: $worker_csrf" -H 'Content-Type: application/json' \
    -d "$HARBOUR_BENCH_SERVICE_BODY" "$base/api/clients/$first_client/services"
run "log a service (POST /api/clients/:id/services, $(echo "$clients" | tr ',' '\n' | wc -l) clients)" \
    -s Tools/WebBenchmark/service.lua -H "Cookie: $worker_cookie" -H "X-CSRF-Token: $worker_csrf" "$base"
