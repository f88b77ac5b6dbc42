#!/usr/bin/env bash
# Installs the Debian packages Lost Corner needs to build, play and test, if missing.
set -euo pipefail
packages=(
  cmake g++ make pkg-config
  libyaml-cpp-dev libsdl2-dev libsdl2-ttf-dev libsdl2-mixer-dev catch2
  xvfb xauth
  graphviz espeak-ng vorbis-tools
  emscripten ninja-build dpkg-dev
  zlib1g-dev chromium cmark
  clang-14 libclang-rt-14-dev clang-format ccache
)
# The web page tests install puppeteer-core with npm (a node from elsewhere may bring its own npm).
command -v npm >/dev/null || packages+=(npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "Installing: ${missing[*]}"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
