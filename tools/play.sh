#!/usr/bin/env bash
# Installs what is missing, builds, and starts the bundled story (window if there is a
# display, the terminal player otherwise). Extra arguments go to `lostcorner play`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
exec ./build/lostcorner play "$@"
