#!/usr/bin/env bash
# The browser walk and the API fuzzing against a real `harbour serve`: installs Chromium and its
# driver from apt, selenium and schemathesis from PyPI into a venv under the build folder,
# starts the server on a free loopback port with a fresh data folder, walks it in headless
# Chromium (screenshots in .build/browser-screenshots), then fuzzes /openapi.json.
# Usage: bash Tests/Browser/run.sh [walk|fuzz|all]   (HARBOUR_BIN: the binary, default .build/debug/harbour)
set -euo pipefail
cd "$(dirname "$0")/../.."
what="${1:-all}"
bin="${HARBOUR_BIN:-.build/debug/harbour}"
build=".build"
venv="${HARBOUR_BROWSER_VENV:-$build/browser-venv}"
shots="${HARBOUR_SCREENSHOTS:-$build/browser-screenshots}"

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
dpkg -s python3-venv >/dev/null 2>&1 || missing+=(python3-venv)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "browser: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ ! -x "$venv/bin/python" ] || ! cmp -s Tests/Browser/requirements.txt "$venv/requirements.txt"; then
    echo "browser: creating $venv" >&2
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check -r Tests/Browser/requirements.txt
    cp Tests/Browser/requirements.txt "$venv/requirements.txt"
fi
[ -x "$bin" ] || { echo "browser: $bin is missing; build it first (swift build --product harbour)" >&2; exit 1; }

data="$(mktemp -d)"
port="$("$venv/bin/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
password="browser-walk-$(date +%s)-$RANDOM"
log="$build/browser-server.log"
# A fresh master key for this run's data keys (personal fields are sealed with them).
master_key="$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')"
HARBOUR_MASTER_KEY="$master_key" HARBOUR_ADMIN_PASSWORD="$password" "$bin" serve --data "$data/harbour" --port "$port" --demo-events 0 >"$log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$data"
}
trap cleanup EXIT
base="http://127.0.0.1:$port"
up() { "$venv/bin/python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/health", timeout=2)' "$base" 2>/dev/null; }
for _ in $(seq 1 300); do
    up && break
    kill -0 "$server" 2>/dev/null || { echo "browser: the server stopped; its log:" >&2; cat "$log" >&2; exit 1; }
    sleep 0.2
done
up || { echo "browser: the server did not answer on $base" >&2; cat "$log" >&2; exit 1; }

status=0
if [ "$what" = walk ] || [ "$what" = all ]; then
    rm -rf "$shots"
    "$venv/bin/python" Tests/Browser/walk.py "$base" "$password" "$shots" || status=$?
fi
if [ "$what" = fuzz ] || [ "$what" = all ]; then
    "$venv/bin/python" Tests/Browser/fuzz.py "$base" "$password" || status=$?
fi
if [ "$status" -ne 0 ]; then
    echo "browser: failed; the server's log is $log" >&2
fi
exit "$status"
