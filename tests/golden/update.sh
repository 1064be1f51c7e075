#!/usr/bin/env bash
# Regenerates the golden logs after an intended behaviour change. Review the diff before committing.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=${1:-build/bin/hgdrill}
tmp=$(mktemp -d)
"$bin" run scenarios/demo/g11-hazmat.yaml --nominal --no-report --no-baseline --quiet --out "$tmp/demo"
cp "$tmp/demo/events.jsonl" tests/golden/demo_g11_hazmat.events.jsonl
"$bin" run scenarios/flood/flash-heli.yaml --nominal --no-report --no-baseline --quiet --out "$tmp/flash"
cp "$tmp/flash/events.jsonl" tests/golden/flash_heli.events.jsonl
git --no-pager diff --stat -- tests/golden || true
