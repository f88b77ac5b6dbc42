#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine: install, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh
cd build
# Headless is a mode: dummy video and audio drivers unless a test sets its own.
SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy} SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} \
  ctest --output-on-failure -j"$(nproc)"
