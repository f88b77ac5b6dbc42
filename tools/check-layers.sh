#!/usr/bin/env bash
# The house rule, enforced: each engine library may include only the rooms below it.
#   core       -> core                 (std only)
#   analysis   -> core, analysis
#   classroom  -> core, classroom
#   load       -> core, analysis, classroom, load
#   present    -> core, analysis, classroom, load, present
#   app        -> everything
# Exits 1 and names file:line of every include that breaks the rule.
set -euo pipefail
cd "$(dirname "$0")/.."
declare -A allowed=(
  [core]="core"
  [analysis]="core analysis"
  [classroom]="core classroom"
  [load]="core analysis classroom load"
  [present]="core analysis classroom load present"
)
status=0
for room in "${!allowed[@]}"; do
  [ -d "engine/$room" ] || continue
  while IFS=: read -r file line text; do
    target=$(sed -E 's|.*#include "([a-z_]+)/.*|\1|' <<<"$text")
    if [[ " ${allowed[$room]} " != *" $target "* ]]; then
      echo "$file:$line: error: engine/$room may not include $target/ (allowed: ${allowed[$room]})"
      status=1
    fi
  done < <(grep -nE '^#include "[a-z_]+/' -r "engine/$room" --include='*.h' --include='*.cpp' | sed -E 's|^([^:]+):([0-9]+):|\1:\2:|' || true)
done
[ $status -eq 0 ] && echo "layering: every include respects the rooms"
exit $status
