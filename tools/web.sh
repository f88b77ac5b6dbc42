#!/usr/bin/env bash
# Lost Corner in the browser. Builds, in order:
#   1. the web libraries from Debian's source packages, once, into a cache outside the repo
#      (tools/web/deps.sh; /var/cache/lostcorner-web/<key>),
#   2. the web player with Debian's emscripten into build/web-player (from build/web-build),
#   3. the desktop `lostcorner` if missing, and publishes the bundled story to build/web/
#      (open build/web/never-let-me-go.html straight from disk, or serve build/web/folder/).
# Prints how long each step took. Needs: emscripten cmake ninja-build dpkg-dev (tools/install-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
t0=$(date +%s)
prefix=$(bash tools/web/deps.sh)
t1=$(date +%s)
echo "web: libraries ready in $prefix ($((t1 - t0)) s)"
export NODE_PATH=/usr/share/nodejs
if [ ! -f build/web-build/build.ninja ]; then
  emcmake cmake -S . -B build/web-build -G Ninja -DCMAKE_BUILD_TYPE=Release -DLOSTCORNER_THREADS=OFF \
    -DLOSTCORNER_BUILD_TESTS=OFF -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_FIND_ROOT_PATH="$prefix" \
    -DCMAKE_CROSSCOMPILING_EMULATOR="$root/tools/web/node-emu.sh" -DLOSTCORNER_WEB_PLAYER_DIR="$root/build/web-player" \
    >build/web-configure.log 2>&1 || { cat build/web-configure.log; exit 1; }
fi
cmake --build build/web-build -j"$(nproc)"
t2=$(date +%s)
echo "web: player built in build/web-player ($((t2 - t1)) s)"
[ -x build/lostcorner ] || { cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null && cmake --build build -j"$(nproc)" --target lostcorner; }
mkdir -p build/web
build/lostcorner publish story/never-let-me-go -o build/web/folder
build/lostcorner publish story/never-let-me-go -o build/web/single --single-file
cp build/web/single/never-let-me-go.html build/web/never-let-me-go.html
echo "web: published in $(( $(date +%s) - t2 )) s; open build/web/never-let-me-go.html in a browser"
