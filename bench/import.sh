#!/usr/bin/env bash
# Import throughput against xmllint's on the same file, and the importer's peak memory.
# Usage: bench/import.sh [MEGABYTES=200]   (bench/import.sh 1000 checks memory on a 1 GB file)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node=node_modules/.bin/node
load() { cut -d' ' -f1-3 /proc/loadavg; }

$node bench/build-iati-file.ts "$work/bench.xml" "$size_mb"
bytes=$(stat -c %s "$work/bench.xml")
activities=$(grep -c '<iati-activity[ >]' "$work/bench.xml" || true)
load_before=$(load)

/usr/bin/time -f '%e %U %S' -o "$work/xmllint.time" xmllint --stream --noout "$work/bench.xml"
read -r xmllint_s xmllint_user xmllint_sys <"$work/xmllint.time"

export DATABASE_URL="sqlite:$work/bench.db" LOG_LEVEL=warn
$node bin/caravan.js db migrate >/dev/null
/usr/bin/time -f '%e %U %S %M' -o "$work/import.time" \
  $node bin/caravan.js import iati --json "$work/bench.xml" >"$work/summary.json" 2>"$work/import.log"
read -r import_s import_user import_sys rss_kb <"$work/import.time"

mb=$(echo "scale=2; $bytes / 1048576" | bc)
echo "file: $mb MB, $activities activities"
echo "xmllint --stream: $(echo "scale=1; $mb / $xmllint_s" | bc) MB/s"
echo "caravan import:   $(echo "scale=1; $mb / $import_s" | bc) MB/s, $(echo "$activities / $import_s" | bc) activities/s, peak RSS $((rss_kb / 1024)) MB"
echo "ratio (import / xmllint throughput): $(echo "scale=3; $xmllint_s / $import_s" | bc)"
# CPU seconds are steadier than wall time on a shared machine; the import uses two threads.
echo "cpu: import $(echo "$import_user + $import_sys" | bc) s over ${import_s} s, xmllint $(echo "$xmllint_user + $xmllint_sys" | bc) s over ${xmllint_s} s; load average $load_before before, $(load) after"
$node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log("summary:",JSON.stringify(s.totals))' "$work/summary.json"
