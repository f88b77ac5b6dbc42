#!/usr/bin/env bash
# The house rule, enforced: each engine library may include only the rooms below it.
#   platform   -> platform             (std + POSIX: the clock, environment, random ids, storage)
#   core       -> core                 (std only)
#   analysis   -> core, analysis
#   classroom  -> core, classroom, platform (its time formats)
#   load       -> core, analysis, classroom, platform, load
#   present    -> core, analysis, classroom, platform, load, present
#   app        -> everything
# And the runtime core (and classroom, which is given the time) asks the machine nothing:
# no environment, clock, randomness or files; those come in through platform/ and the
# front ends. Exits 1 and names file:line of every include or call that breaks a rule.
# LC_LAYERS_ROOT checks another tree (the test that plants a violation uses it).
set -euo pipefail
cd "${LC_LAYERS_ROOT:-$(dirname "$0")/..}"
declare -A allowed=(
  [platform]="platform"
  [core]="core"
  [analysis]="core analysis"
  [classroom]="core classroom platform"
  [load]="core analysis classroom platform load"
  [present]="core analysis classroom platform load present"
)
# What "asks the machine": read in code, not in // comments.
machine='getenv|random_device|system_clock|steady_clock|high_resolution_clock|<fstream>|fopen|std::time\('
declare -A pure=(
  [core]="$machine"
  [classroom]="$machine|systemNowMs\(|isoTimeNow\(|newRandomId\("
)
status=0
for room in "${!allowed[@]}"; do
  [ -d "engine/$room" ] || continue
  while IFS=: read -r file line text; do
    [[ $text =~ \#include\ \"([a-z_]+)/ ]] && target=${BASH_REMATCH[1]}
    if [[ " ${allowed[$room]} " != *" $target "* ]]; then
      echo "$file:$line: error: engine/$room may not include $target/ (allowed: ${allowed[$room]})"
      status=1
    fi
  done < <(grep -nE '^#include "[a-z_]+/' -r "engine/$room" --include='*.h' --include='*.cpp' || true)
done
for room in "${!pure[@]}"; do
  [ -d "engine/$room" ] || continue
  while IFS= read -r hit; do
    echo "$hit"
    status=1
  done < <(find "engine/$room" \( -name '*.h' -o -name '*.cpp' \) -print0 | sort -z | xargs -0 awk -v pat="${pure[$room]}" -v room="$room" '
      { code = $0; sub(/\/\/.*/, "", code)
        if (match(code, pat)) printf "%s:%d: error: engine/%s asks the machine (%s): take it from platform/ or the front end\n", FILENAME, FNR, room, substr(code, RSTART, RLENGTH) }')
done
[ $status -eq 0 ] && echo "layering: every include respects the rooms; core and classroom ask the machine nothing"
exit $status
