#!/usr/bin/env bash
# Shows tools/check-layers.sh catches what it promises: each case plants one line in a
# copy of engine/ and expects exactly the script's message (or none) and its exit status.
set -euo pipefail
cd "$(dirname "$0")/.."
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
cp -r engine "$copy/engine"
failed=0
# room|planted line|expected output (first line)|expected status
cases=(
  'core|#include "load/loader.h"|engine/core/planted.cpp:1: error: engine/core may not include load/ (allowed: core)|1'
  'core|#include "platform/env.h"|engine/core/planted.cpp:1: error: engine/core may not include platform/ (allowed: core)|1'
  'load|#include "present/game.h"|engine/load/planted.cpp:1: error: engine/load may not include present/ (allowed: core analysis classroom platform load)|1'
  'core|const char* h = std::getenv("HOME");|engine/core/planted.cpp:1: error: engine/core asks the machine (getenv): take it from platform/ or the front end|1'
  'core|std::random_device device;|engine/core/planted.cpp:1: error: engine/core asks the machine (random_device): take it from platform/ or the front end|1'
  'core|auto t = std::chrono::system_clock::now();|engine/core/planted.cpp:1: error: engine/core asks the machine (system_clock): take it from platform/ or the front end|1'
  'core|auto t = std::chrono::steady_clock::now();|engine/core/planted.cpp:1: error: engine/core asks the machine (steady_clock): take it from platform/ or the front end|1'
  'core|#include <fstream>|engine/core/planted.cpp:1: error: engine/core asks the machine (<fstream>): take it from platform/ or the front end|1'
  'core|FILE* f = fopen("x", "r");|engine/core/planted.cpp:1: error: engine/core asks the machine (fopen): take it from platform/ or the front end|1'
  'core|long t = std::time(nullptr);|engine/core/planted.cpp:1: error: engine/core asks the machine (std::time(): take it from platform/ or the front end|1'
  'classroom|int64_t t = systemNowMs();|engine/classroom/planted.cpp:1: error: engine/classroom asks the machine (systemNowMs(): take it from platform/ or the front end|1'
  'core|// not std::getenv: the front end passes it in|layering: every include respects the rooms; core and classroom ask the machine nothing|0'
  'analysis|auto t = std::chrono::steady_clock::now();|layering: every include respects the rooms; core and classroom ask the machine nothing|0'
)
for c in "${cases[@]}"; do
  IFS='|' read -r room line expected want <<<"$c"
  printf '%s\n' "$line" >"$copy/engine/$room/planted.cpp"
  got=0
  out=$(LC_LAYERS_ROOT="$copy" bash tools/check-layers.sh 2>&1) || got=$?
  rm "$copy/engine/$room/planted.cpp"
  if [ "$(head -1 <<<"$out")" != "$expected" ] || [ "$got" != "$want" ]; then
    echo "FAIL: planting '$line' in engine/$room"
    echo "  expected ($want): $expected"
    echo "  got      ($got): $out"
    failed=1
  fi
done
[ $failed -eq 0 ] && echo "check-layers: all ${#cases[@]} planted cases caught as expected"
exit $failed
