#!/usr/bin/env bash
# Times `check`, the walk and explore on a generated story of 10,000 scenes and ~900,000 words
# in 10 chapter files (the engine-core issue's targets: check < 1.0 s and < 100 MB;
# walk >= 1,000,000 steps/s). Prints numbers; asserts nothing.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
[ -x "$build/lostcorner" ] || bash tools/build.sh
story=$(mktemp -d)/synthetic
"$build/tools/bench/lc_gen_story" "$story" --scenes 10000 --chapters 10 --words 900000 --seed 1
echo "story: $(du -sh "$story" | cut -f1), $(cat "$story"/*.yaml | wc -w) words"
for run in 1 2 3; do
  /usr/bin/time -f "check: %e s wall, %U s user, %M KB peak RSS" "$build/lostcorner" check "$story" >/dev/null
done
for run in 1 2 3; do
  "$build/lostcorner" explore "$story" --walk 5000000 --seed "$run"
done
# explore: states per second on a story built for it (hubs of once-only rooms moving
# counters: a large, finite state space), stopped at the default cap of 2,000,000.
"$build/tools/bench/lc_gen_story" "$(dirname "$story")/hubs" --chapters 4 --hubs 10 --words 20000 --seed 1
for run in 1 2 3; do
  ("$build/lostcorner" explore "$(dirname "$story")/hubs" || true) | head -1  # exit 3: stopped at the cap
done
echo "bundled story:"
/usr/bin/time -f "check: %e s wall, %M KB peak RSS" "$build/lostcorner" check story/never-let-me-go
"$build/lostcorner" explore story/never-let-me-go --walk 1000000 --seed 1
out=$(mktemp)
/usr/bin/time -f "explore: %e s wall, %M KB peak RSS" "$build/lostcorner" explore story/never-let-me-go >"$out" || true
head -4 "$out"; rm -f "$out"
rm -rf "$(dirname "$story")"
