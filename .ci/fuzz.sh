#!/usr/bin/env bash
# Builds the libFuzzer target for the YAML loaders with clang and runs it for N seconds (default 60).
# A crash, leak or sanitizer report fails the run; the corpus starts from the bundled YAML files.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DHG_BUILD_FUZZ=ON -DHG_BUILD_VIZ=OFF -DBUILD_TESTING=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_yaml_loader
corpus=$(mktemp -d)
for f in scenarios/*/*.yaml tests/core/fixtures/grid/*.yaml; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done
echo "hgdrill: fuzzing the YAML loaders for ${secs}s"
./build-fuzz/tests/fuzz/fuzz_yaml_loader -max_total_time="$secs" -max_len=65536 -rss_limit_mb=4096 \
  -print_final_stats=1 "$corpus" 2>&1 | tail -n 15
