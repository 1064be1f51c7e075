#!/usr/bin/env bash
# Regenerates the fire golden log after an intended behaviour change (fire model or engine). Review the
# diff before committing: it shows exactly which events moved.
set -euo pipefail
cd "$(dirname "$0")/../../.."
bin=${1:-build/bin/hgdrill}
tmp=$(mktemp -d)
"$bin" run scenarios/fire/taipinggou-spring.yaml --nominal --no-report --no-baseline --quiet --out "$tmp/fire"
cp "$tmp/fire/events.jsonl" tests/fire/golden/taipinggou_spring.events.jsonl
git --no-pager diff --stat -- tests/fire/golden || true
