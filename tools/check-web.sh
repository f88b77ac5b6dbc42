#!/usr/bin/env bash
# Compiles the libraries without SDL or yaml-cpp (core, analysis, classroom, platform) with Debian's Emscripten (libc++ 13), so code
# that would not build for the browser (std::format, ranges, ...) is caught here.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v em++ >/dev/null || { echo "em++ is not installed (apt-get install emscripten): skipped"; exit 77; }  # ctest: SKIP_RETURN_CODE
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0
for f in engine/core/*.cpp engine/analysis/*.cpp engine/classroom/*.cpp engine/platform/*.cpp; do
  em++ -std=c++20 -Wall -Wextra -Werror -Iengine -DLOSTCORNER_VERSION='"web"' -c "$f" -o "$out/$(basename "$f").o" || status=1
done
[ $status -eq 0 ] && echo "engine/core, analysis, classroom and platform compile with $(em++ --version | head -1)"
exit $status
