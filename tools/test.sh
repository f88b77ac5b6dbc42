#!/usr/bin/env bash
# The whole test suite from a fresh Debian machine: install, build, run every test.
# LC_CI=1 (.ci/run): warnings are errors, a short fuzz run (tools/fuzz/run.sh), and a
# test skipped for a missing tool fails the run: CI installs them all
# (tools/install-deps.sh), so a skip there means a broken install.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-deps.sh
bash tools/build.sh ${LC_CI:+-DLOSTCORNER_WERROR=ON}
# The web player and the bundled story's page (the web libraries are cached outside the repo).
if command -v emcc >/dev/null; then bash tools/web.sh; fi
cd build
# Headless is a mode: dummy video and audio drivers unless a test sets its own.
SDL_VIDEODRIVER=${SDL_VIDEODRIVER:-dummy} SDL_AUDIODRIVER=${SDL_AUDIODRIVER:-dummy} \
  ctest --output-on-failure -j"$(nproc)" | tee ctest.log
if [ -n "${LC_CI:-}" ] && grep -q '(Skipped)$' ctest.log; then
  echo "error: tests were skipped on a machine that should have every tool:" >&2
  grep '(Skipped)$' ctest.log >&2
  exit 1
fi
cd ..
if [ -n "${LC_CI:-}" ]; then bash tools/fuzz/run.sh 90; fi
