#!/usr/bin/env bash
# The edit-check loop on the generated 10,000-scene, 10-chapter story (issue 12's targets):
# `check` cold (no cache: < 0.4 s), warm (nothing changed: < 50 ms), one chapter changed
# (< 100 ms), `check --no-cache` (what every check cost before the cache), and the load of
# the bundled story for play (< 40 ms, < 10 MB). Prints numbers; asserts nothing.
#   BUILD=build-rel bash tools/bench/check_bench.sh     (a Release build gives the real numbers)
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
lc="$build/lostcorner"
[ -x "$lc" ] || { echo "no $lc: build it first (cmake --build $build --target lostcorner lc_gen_story)"; exit 1; }
gen="$build/tools/bench/lc_gen_story"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
story="$work/synthetic"
if [ -x "$gen" ]; then
  "$gen" "$story" --scenes 10000 --chapters 10 --words 900000 --seed 1 >/dev/null
else
  echo "no $gen: build the lc_gen_story target"; exit 1
fi
export XDG_CACHE_HOME="$work/cache"
t() { /usr/bin/time -f "%e s wall, %U s user, %M KB peak RSS" "$@" 2>&1 >/dev/null | tail -1; }
echo "story: $(du -sh "$story" | cut -f1) in $(ls "$story" | wc -l) files; $build ($(grep -m1 CMAKE_BUILD_TYPE:STRING "$build/CMakeCache.txt" | cut -d= -f2))"
for run in 1 2 3; do echo "check --no-cache:           $(t "$lc" check --no-cache "$story")"; done
for run in 1 2 3; do rm -rf "$XDG_CACHE_HOME"; echo "check cold (empty cache):   $(t "$lc" check "$story")"; done
for run in 1 2 3; do echo "check warm (unchanged):     $(t "$lc" check "$story")"; done
for run in 1 2 3; do
  # One word of one scene in one chapter, different each run (so never a cached answer).
  sed -i "0,/ pond / s// pond$run /" "$story/c5.yaml"
  echo "check, one chapter changed: $(t "$lc" check "$story")"
done
for run in 1 2 3; do echo "play, bundled story, quit:  $(echo quit | t "$lc" play --text story/never-let-me-go)"; done
