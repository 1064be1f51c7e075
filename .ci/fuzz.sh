#!/usr/bin/env bash
# Sanitizer job of CI, with clang (Debian's libFuzzer): one build with AddressSanitizer and
# UndefinedBehaviorSanitizer in every library, then
#   1. the parser and loader tests of test_core under the sanitizers (no engine runs: SimGrid's own
#      context switching is not for ASan);
#   2. the libFuzzer targets for the YAML loaders and the plan-condition parser, N seconds in all
#      (default 60), starting from tests/fuzz/corpus/ and the bundled YAML files. The seed and the number
#      of inputs are fixed, so that CI replays the very inputs a developer fuzzed before pushing (a time
#      limit alone would make CI find, at random, what nobody has seen yet); longer hunts with random
#      seeds are a developer's job: `.ci/fuzz.sh 600 random`.
# A crash, leak or sanitizer report fails the job; a crash input goes into tests/fuzz/corpus/ and a
# regression test (tests/core/HardeningTest.cpp runs every corpus file).
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
mode=${2:-fixed}
if [ "$mode" = random ]; then yaml_runs=-1; expr_runs=-1; seed=0; else yaml_runs=3000; expr_runs=400000; seed=1; fi
cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  -DHG_BUILD_FUZZ=ON -DHG_SANITIZE=ON -DHG_BUILD_VIZ=OFF -DBUILD_TESTING=ON >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target fuzz_yaml_loader fuzz_expression test_core
echo "hgdrill: parser and loader tests under ASan+UBSan"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
./build-fuzz/tests/test_core "[parsers]"
corpus=$(mktemp -d)
cp tests/fuzz/corpus/yaml/* "$corpus/"
for f in scenarios/*/*.yaml tests/core/fixtures/grid/*.yaml; do cp "$f" "$corpus/$(echo "$f" | tr / _)"; done
ecorpus=$(mktemp -d)
cp tests/fuzz/corpus/expression/* "$ecorpus/"
half=$(( (secs + 1) / 2 ))
echo "hgdrill: fuzzing the YAML loaders for ${half}s"
./build-fuzz/tests/fuzz/fuzz_yaml_loader -seed="$seed" -runs="$yaml_runs" -max_total_time="$half" -max_len=65536 -rss_limit_mb=4096 -timeout=20 \
  -print_final_stats=1 "$corpus" 2>&1 | tail -n 15
echo "hgdrill: fuzzing the plan-condition parser for ${half}s"
./build-fuzz/tests/fuzz/fuzz_expression -seed="$seed" -runs="$expr_runs" -max_total_time="$half" -max_len=8192 -rss_limit_mb=2048 -timeout=10 \
  -print_final_stats=1 "$ecorpus" 2>&1 | tail -n 15
