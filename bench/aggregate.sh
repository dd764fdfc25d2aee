#!/usr/bin/env bash
# p50/p95 of ten dashboard aggregations through the HTTP API, and of the same sums by a raw
# GROUP BY, on a synthetic portfolio of N activities (default 20000; the issue's figure is
# 1000000, which takes hours to load at the importer's present speed).
# Usage: bench/aggregate.sh [N] [DATABASE_URL]   (default: a fresh SQLite file)
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-20000}
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
export DATABASE_URL=${2:-sqlite:$work/bench.db} LOG_LEVEL=warn
node=node_modules/.bin/node

$node bench/gen-portfolio.ts "$count"
PORT=8097 $node bin/caravan.js serve &
server=$!
for _ in $(seq 50); do curl -sf http://127.0.0.1:8097/readyz >/dev/null && break; sleep 0.2; done
$node bench/aggregate.ts http://127.0.0.1:8097 30
