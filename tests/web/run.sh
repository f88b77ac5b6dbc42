#!/usr/bin/env bash
# The web page tests (ctest runs them; see tests/CMakeLists.txt):
#   run.sh setup BUILD   installs puppeteer-core (npm ci into BUILD/web-node, outside the repo)
#                        and publishes the test pages into BUILD/web-test
#   run.sh CASE BUILD    drives one case of pages.test.js in Debian's chromium
# Exits 77 (skipped) when node, npm, chromium or the web player (bash tools/web.sh) is missing.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${2:-$root/build}" && pwd)
skip() { echo "skipped: $*"; exit 77; }
command -v node >/dev/null || skip "node is not installed"
[ -x "${LC_CHROMIUM:-/usr/bin/chromium}" ] || skip "chromium is not installed"
[ -f "$build/web-player/lostcorner-player.wasm" ] || skip "the web player is not built (bash tools/web.sh)"
pages=$build/web-test
modules=$build/web-node
if [ "$1" != setup ]; then
  [ -d "$modules/node_modules/puppeteer-core" ] || skip "puppeteer-core is not installed (the setup test did not run)"
  NODE_PATH=$modules/node_modules exec node "$here/pages.test.js" "$pages" "$1"
fi

command -v npm >/dev/null || skip "npm is not installed"
if ! cmp -s "$here/package-lock.json" "$modules/package-lock.json" || [ ! -d "$modules/node_modules/puppeteer-core" ]; then
  rm -rf "$modules" && mkdir -p "$modules"
  cp "$here/package.json" "$here/package-lock.json" "$modules/"
  # puppeteer-core never downloads a browser; --ignore-scripts keeps any dependency from trying.
  (cd "$modules" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)
fi
lc=$build/lostcorner
rm -rf "$pages" && mkdir -p "$pages"
"$lc" publish "$root/story/never-let-me-go" -o "$pages/single" --single-file
"$lc" publish "$root/story/never-let-me-go" -o "$pages/folder"
"$lc" publish "$root/story/tutorial" -o "$pages/tutorial-single" --single-file
"$lc" publish "$root/story/tutorial" -o "$pages/tutorial-folder"
"$lc" publish "$root/story/tutorial" -o "$pages/classroom" --single-file --teacher-code owl42
"$lc" publish "$here/gated" -o "$pages/gated" --single-file --teacher-code owl42
"$lc" publish "$here/broken" -o "$pages/broken" --single-file --no-check 2>/dev/null
sed -n 's/^title: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$root/story/never-let-me-go/story.yaml" > "$pages/flagship-title.txt"
echo "test pages published in $pages"
