#!/usr/bin/env bash
# How fast any importer could be that stores what Caravan's stores in SQLite: imports a file
# built as bench/import.sh builds it, copies the stored rows into a fresh database with SQLite
# alone (bench/storage-floor.ts), and prints that floor as the highest ratio to xmllint's
# throughput such an importer could reach, beside the parser's own on one thread, and what the
# two together leave on this machine's cores (for this parser, not for any).
# Usage: bench/import-floor.sh [MEGABYTES=200]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
node=node_modules/.bin/node

$node bench/build-iati-file.ts "$work/bench.xml" "$size_mb"
/usr/bin/time -f '%e' -o "$work/xmllint.time" xmllint --stream --noout "$work/bench.xml"
xmllint_s=$(cat "$work/xmllint.time")

export LOG_LEVEL=warn
DATABASE_URL="sqlite:$work/imported.db" $node bin/caravan.js db migrate >/dev/null
/usr/bin/time -f '%e' -o "$work/import.time" env DATABASE_URL="sqlite:$work/imported.db" \
  $node bin/caravan.js import iati --json "$work/bench.xml" >/dev/null 2>&1
import_s=$(cat "$work/import.time")
DATABASE_URL="sqlite:$work/copy.db" $node bin/caravan.js db migrate >/dev/null
$node bench/storage-floor.ts "$work/imported.db" "$work/copy.db" | tee "$work/floor.txt"
floor_s=$(sed -n 's/^floor: \([0-9.]*\) s.*/\1/p' "$work/floor.txt")

echo "xmllint --stream: $xmllint_s s; caravan import: $import_s s (ratio $(echo "scale=3; $xmllint_s / $import_s" | bc))"
echo "storage floor: $floor_s s, so at most $(echo "scale=3; $xmllint_s / $floor_s" | bc) of xmllint's throughput for an importer storing these rows in SQLite with a WAL"
$node src/iati/parse/measure.ts "$work/bench.xml" 1 | grep '^parser' >"$work/parser.txt"
parse_s=$(sed -n 's/.* \([0-9.]*\) s .*/\1/p' "$work/parser.txt")
echo "parser alone (tokenizer, mapping, validation) on one thread: $parse_s s, at most $(echo "scale=3; $xmllint_s / $parse_s" | bc) of xmllint's"
# Parsing and storing each take a thread; with fewer cores than two, or both busy, they share.
cores=$(nproc)
both_s=$(echo "scale=2; p=$parse_s; f=$floor_s; b=(p+f)/$cores; if (p>b) b=p; if (f>b) b=f; b" | bc)
echo "this parser and that floor on $cores cores: at least $both_s s, at most $(echo "scale=3; $xmllint_s / $both_s" | bc) of xmllint's throughput"
