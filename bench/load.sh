#!/usr/bin/env bash
# Throughput and p99 of the public API under rising concurrency, driven by autocannon from a
# second process on loopback, and the same for a bare node:http server (the reference) in the
# same run. Without DATABASE_URL: the demo portfolio on a fresh SQLite file. With it: that
# database as it stands (migrated), e.g. a million-activity one kept by bench/aggregate.sh.
# Usage: bench/load.sh [SECONDS] [DATABASE_URL]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
work=$(mktemp -d)
server=
reference=
trap 'kill $server $reference 2>/dev/null || true; rm -rf "$work"' EXIT
export LOG_LEVEL=warn
node=node_modules/.bin/node

if [ -n "${2:-}" ]; then
  export DATABASE_URL=$2
  $node bin/caravan.js db migrate >/dev/null
else
  export DATABASE_URL=sqlite:$work/load.db CARAVAN_DEMO_PASSWORD='Load bench password 2026'
  $node bin/caravan.js demo >/dev/null
fi
PORT=8098 $node bin/caravan.js serve &
server=$!
$node bench/reference-server.ts 8099 &
reference=$!
for _ in $(seq 300); do curl -sf http://127.0.0.1:8098/readyz >/dev/null && break; sleep 0.2; done
curl -sf http://127.0.0.1:8098/readyz >/dev/null || { echo "$0: the server did not start" >&2; exit 1; }
$node bench/load.ts http://127.0.0.1:8098 "$seconds" http://127.0.0.1:8099
