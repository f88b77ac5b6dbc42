#!/usr/bin/env bash
# The web player's numbers (issue 10): sizes of wasm/js/data and their gzip transfer size
# (music and sounds listed apart), the title-screen times and main-thread ms per frame in
# headless chromium, and the desktop's first frame measured in the same run. Prints numbers;
# asserts nothing. Needs `bash tools/web.sh` and the web tests' setup (puppeteer-core).
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${BUILD:-build}
player=$build/web-player
[ -f "$player/lostcorner-player.wasm" ] || bash tools/web.sh
[ -d "$build/web-node/node_modules/puppeteer-core" ] || bash tests/web/run.sh setup "$build" >/dev/null
out=$(mktemp -d)
"$build/lostcorner" publish story/never-let-me-go -o "$out/folder" >/dev/null
"$build/lostcorner" publish story/never-let-me-go -o "$out/single" --single-file >/dev/null
gz() { gzip -9c "$1" | wc -c; }
kb() { echo "$(( ($1 + 512) / 1024 )) KB"; }
total=0
for f in lostcorner-player.wasm lostcorner-player.js lostcorner-player.data story.data index.html; do
  raw=$(stat -c %s "$out/folder/$f"); z=$(gz "$out/folder/$f"); total=$((total + z))
  printf '%-24s %9s  gzip %9s\n' "$f" "$(kb "$raw")" "$(kb "$z")"
done
media=0
for f in $(find assets/music assets/sfx -name '*.ogg'); do media=$((media + $(gz "$f"))); done
echo "  (lostcorner-player.data holds the fonts; story.data the story, its music and sounds)"
echo "transfer, gzip: $(kb $total) in all; music and sounds $(kb $media); without them $(kb $((total - media)))  [target < 3 MB]"
echo "single file: $(kb "$(stat -c %s "$out/single/never-let-me-go.html")") ($(kb "$(gz "$out/single/never-let-me-go.html")") gzip)"
NODE_PATH=$build/web-node/node_modules node tools/bench/web_bench.js "$out/single/never-let-me-go.html"
if [ -x "$build/tools/bench/lc_frame_bench" ]; then
  echo "desktop, same run (tools/bench/frame_bench.cpp under Xvfb):"
  xvfb-run -a -s '-screen 0 1920x1080x24' "$build/tools/bench/lc_frame_bench" | grep -iE "first frame|window|still screen [0-9]|revealing" || true
fi
rm -rf "$out"
