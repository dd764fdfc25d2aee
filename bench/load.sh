#!/usr/bin/env bash
# Throughput and p99 of the public API under rising concurrency, driven by autocannon from a
# second process on loopback, against the demo portfolio on SQLite (or DATABASE_URL).
# Usage: bench/load.sh [SECONDS] [DATABASE_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
export DATABASE_URL=${2:-sqlite:$work/load.db} LOG_LEVEL=warn CARAVAN_DEMO_PASSWORD='Load bench password 2026'
node=node_modules/.bin/node

$node bin/caravan.js demo >/dev/null
PORT=8098 $node bin/caravan.js serve &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:8098/readyz >/dev/null && break; sleep 0.2; done
$node bench/load.ts http://127.0.0.1:8098 "$seconds"
