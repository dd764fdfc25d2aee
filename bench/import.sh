#!/usr/bin/env bash
# Import throughput against xmllint's on the same file, and the importer's peak memory.
# Usage: bench/import.sh [MEGABYTES=200]   (bench/import.sh 1000 checks memory on a 1 GB file)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node=node_modules/.bin/node

$node bench/build-iati-file.ts "$work/bench.xml" "$size_mb"
bytes=$(stat -c %s "$work/bench.xml")
activities=$(grep -c '<iati-activity[ >]' "$work/bench.xml" || true)

start=$(date +%s.%N)
xmllint --stream --noout "$work/bench.xml"
xmllint_s=$(echo "$(date +%s.%N) - $start" | bc)

export DATABASE_URL="sqlite:$work/bench.db" LOG_LEVEL=warn
$node bin/caravan.js db migrate >/dev/null
start=$(date +%s.%N)
/usr/bin/time -f '%M' -o "$work/rss" $node bin/caravan.js import iati --json "$work/bench.xml" >"$work/summary.json" 2>"$work/import.log"
import_s=$(echo "$(date +%s.%N) - $start" | bc)
rss_mb=$(( $(cat "$work/rss") / 1024 ))

mb=$(echo "scale=2; $bytes / 1048576" | bc)
echo "file: $mb MB, $activities activities"
echo "xmllint --stream: $(echo "scale=1; $mb / $xmllint_s" | bc) MB/s"
echo "caravan import:   $(echo "scale=1; $mb / $import_s" | bc) MB/s, $(echo "$activities / $import_s" | bc) activities/s, peak RSS $rss_mb MB"
echo "ratio (import / xmllint throughput): $(echo "scale=3; $xmllint_s / $import_s" | bc)"
$node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log("summary:",JSON.stringify(s.totals))' "$work/summary.json"
