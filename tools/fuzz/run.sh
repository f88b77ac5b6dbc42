#!/usr/bin/env bash
# Builds the fuzz target with clang + libFuzzer (+ ASan/UBSan) and runs it for SECONDS
# (default 60) on a corpus seeded with the bundled stories.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-60}
out=build-fuzz
mkdir -p "$out/corpus"
cp story/*/*.yaml "$out/corpus/" 2>/dev/null || true
clang++-14 -std=c++20 -g -O1 -fsanitize=fuzzer,address,undefined -Iengine -DLOSTCORNER_VERSION='"fuzz"' \
  tools/fuzz/fuzz_yaml.cpp engine/load/yaml_tree*.cpp engine/core/expr*.cpp engine/core/text*.cpp \
  engine/core/value.cpp engine/core/suggest.cpp -lyaml-cpp -o "$out/fuzz_yaml"
"$out/fuzz_yaml" -max_total_time="$seconds" -max_len=4096 -rss_limit_mb=1024 -timeout=5 "$out/corpus"
