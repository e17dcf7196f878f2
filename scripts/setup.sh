#!/usr/bin/env bash
# Installs what Harbour needs to build on Debian: liblmdb-dev (and lmdb-utils for debugging).
# Safe to run again: it installs only what is missing.
set -euo pipefail

if ! command -v swift >/dev/null 2>&1; then
    echo "setup: Swift is not on PATH; install Swift 6 first (https://www.swift.org/install/linux/)" >&2
    exit 1
fi

missing=()
dpkg -s liblmdb-dev >/dev/null 2>&1 || missing+=(liblmdb-dev)
dpkg -s lmdb-utils >/dev/null 2>&1 || missing+=(lmdb-utils)
dpkg -s pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]}" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
