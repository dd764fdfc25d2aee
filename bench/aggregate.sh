#!/usr/bin/env bash
# p50/p95 of ten dashboard aggregations through the HTTP API, and of the same sums by a raw
# GROUP BY over transactions, on a synthetic portfolio of N activities (default 20000).
# Usage: bench/aggregate.sh [--postgres] [--keep DIR] [N]   (options: bench/portfolio-store.sh)
# API_ROUNDS (default 30) and RAW_ROUNDS (default 30, 3 above 100,000 activities) set how
# many times each query is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/portfolio-store.sh

raw_default=30
if [ "$count" -gt 100000 ]; then raw_default=3; fi
$node bench/aggregate.ts "$BASE_URL" "${API_ROUNDS:-30}" "${RAW_ROUNDS:-$raw_default}"
