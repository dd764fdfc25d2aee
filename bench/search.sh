#!/usr/bin/env bash
# p50/p95 of ten activity searches (words and two filters) through GET /api/activities, and of
# the same page found by a LIKE scan without the search index, on a synthetic portfolio of N
# activities (default 20000).
# Usage: bench/search.sh [--postgres] [--keep DIR] [N]   (options: bench/portfolio-store.sh)
# API_ROUNDS (default 30) and SCAN_ROUNDS (default 30, 3 above 100,000 activities) set how
# many times each query is timed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/portfolio-store.sh

scan_default=30
if [ "$count" -gt 100000 ]; then scan_default=3; fi
$node bench/search.ts "$BASE_URL" "${API_ROUNDS:-30}" "${SCAN_ROUNDS:-$scan_default}"
