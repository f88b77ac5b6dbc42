#!/usr/bin/env bash
# Builds the libFuzzer targets (cmake --preset fuzz: clang, ASan, UBSan) and runs each for
# its share of SECONDS in all (default 90) on a copy of its committed seed corpus
# (tools/fuzz/corpus/<target>/; the YAML targets also get the bundled stories). Any crash
# stops the run with the input saved as build-fuzz/crash-*: fix it with a regression test.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-90}
targets=(yaml loader expr text save protocol report)
each=$(( seconds / ${#targets[@]} )); [ "$each" -ge 1 ] || each=1
cmake --preset fuzz >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target "${targets[@]/#/fuzz_}"
for t in "${targets[@]}"; do
  work=build-fuzz/corpus/$t
  mkdir -p "$work"
  cp tools/fuzz/corpus/"$t"/* "$work/" 2>/dev/null || true
  case $t in yaml|loader) cp story/*/*.yaml "$work/" 2>/dev/null || true ;; esac
  echo "fuzz_$t: $each s"
  if ! (cd build-fuzz && ./fuzz/fuzz_"$t" -max_total_time="$each" -max_len=4096 -rss_limit_mb=1024 -timeout=10 \
        -print_final_stats=1 "corpus/$t" >"fuzz-$t.log" 2>&1); then
    tail -40 "build-fuzz/fuzz-$t.log"
    echo "fuzz_$t: crashed; the input is saved in build-fuzz/ (crash-*, timeout-*, oom-*)" >&2
    exit 1
  fi
  grep -E "stat::number_of_executed_units" "build-fuzz/fuzz-$t.log" || true
done
echo "fuzz: ${#targets[@]} targets, ${seconds} s, no crash"
