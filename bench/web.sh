#!/usr/bin/env bash
# The home page in headless Chromium on the demo portfolio: first contentful paint, time until
# its charts and map are drawn, and the JavaScript it transfers. Builds the web app first.
# Usage: bench/web.sh [ROUNDS]   (default 7 cold loads; needs /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
node_modules/.bin/node bench/web.ts "${1:-7}"
