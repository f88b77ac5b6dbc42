#!/usr/bin/env bash
# Builds the web player's libraries (SDL2, freetype, SDL2_ttf, ogg, vorbis, SDL2_mixer, yaml-cpp) from Debian's
# source packages with Debian's Emscripten, once, into a cache outside the repo. Prints the prefix on stdout.
# The cache key is the source versions, the emscripten version and this script's hash, so a change to any of them
# builds a fresh prefix and an unchanged machine reuses the old one in a second.
#   LC_WEB_CACHE  where prefixes live (default /var/cache/lostcorner-web, or ~/.cache/lostcorner-web if unwritable)
set -euo pipefail
log() { echo "web deps: $*" >&2; }
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
packages=(libsdl2 freetype libsdl2-ttf libogg libvorbis libsdl2-mixer yaml-cpp)

# apt-get source needs a deb-src entry for the same archive as the binary packages; add it once.
add_deb_src() {
  local d=/etc/apt/sources.list.d
  [ -f $d/lostcorner-deb-src.sources ] || [ -f $d/lostcorner-deb-src.list ] && return 0
  grep -rqs '^Types:.*deb-src' $d/*.sources && return 0
  grep -qs '^deb-src ' /etc/apt/sources.list $d/*.list && return 0
  log "adding a deb-src entry for apt-get source"
  if [ -f $d/debian.sources ]; then
    sed 's/^Types: deb$/Types: deb-src/' $d/debian.sources | $SUDO tee $d/lostcorner-deb-src.sources >/dev/null
  else
    sed -n 's/^deb /deb-src /p' /etc/apt/sources.list | $SUDO tee $d/lostcorner-deb-src.list >/dev/null
  fi
  $SUDO apt-get update -qq
}

src_version() { apt-cache showsrc "$1" 2>/dev/null | sed -n 's/^Version: //p' | sort -V | tail -1; }

add_deb_src
versions="emscripten=$(dpkg-query -W -f='${Version}' emscripten)"
declare -A srcdir  # package -> the folder apt-get source unpacks it into (name-upstream version)
for p in "${packages[@]}"; do
  v=$(src_version "$p"); [ -n "$v" ] || { log "apt-cache showsrc $p found nothing (is a deb-src entry there?)"; exit 1; }
  versions+=" $p=$v"
  v=${v#*:}; srcdir[$p]="$p-${v%-*}"
done
key=$( (echo "$versions"; cat "$0") | sha256sum | cut -c1-16)
cache=${LC_WEB_CACHE:-/var/cache/lostcorner-web}
mkdir -p "$cache" 2>/dev/null && [ -w "$cache" ] || cache=$HOME/.cache/lostcorner-web
PREFIX=$cache/$key/prefix
if [ -f "$cache/$key/done" ]; then echo "$PREFIX"; exit 0; fi

log "building into $cache/$key ($versions)"
WORK=$cache/$key.tmp
rm -rf "$WORK"; mkdir -p "$WORK/src" "$WORK/build" "$WORK/prefix"
PREFIX_TMP=$WORK/prefix
(cd "$WORK/src" && apt-get source -qq "${packages[@]}" >/dev/null 2>"$WORK/apt-source.log") \
  || { cat "$WORK/apt-source.log" >&2; exit 1; }
export NODE_PATH=/usr/share/nodejs
EMU="$(cd "$(dirname "$0")" && pwd)/node-emu.sh"
JOBS=${JOBS:-$(nproc)}

cm() {  # cm NAME SOURCE-PACKAGE [cmake args...]: configure, build and install one library into the prefix
  local name=$1 src=$WORK/src/${srcdir[$2]}; shift 2
  local b=$WORK/build/$name t0; t0=$(date +%s); mkdir -p "$b"
  if ! (cd "$b" && emcmake cmake -G Ninja "$src" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX_TMP" \
      -DCMAKE_PREFIX_PATH="$PREFIX_TMP" -DCMAKE_FIND_ROOT_PATH="$PREFIX_TMP" -DCMAKE_CROSSCOMPILING_EMULATOR="$EMU" \
      -DBUILD_SHARED_LIBS=OFF "$@" >configure.log 2>&1 && ninja -j"$JOBS" >build.log 2>&1 && ninja install >install.log 2>&1); then
    log "$name failed; the end of its logs:"; tail -30 "$b"/*.log >&2; exit 1
  fi
  log "built $name in $(( $(date +%s) - t0 )) s"
}
cm sdl2 libsdl2 -DSDL_SHARED=OFF -DSDL_STATIC=ON -DSDL_TEST=OFF -DSDL_THREADS=OFF -DSDL_PTHREADS=OFF
cm freetype freetype -DFT_DISABLE_ZLIB=ON -DFT_DISABLE_BZIP2=ON -DFT_DISABLE_PNG=ON -DFT_DISABLE_HARFBUZZ=ON \
  -DFT_DISABLE_BROTLI=ON
cm sdl2_ttf libsdl2-ttf -DSDL2TTF_SAMPLES=OFF -DSDL2TTF_VENDORED=OFF -DSDL2TTF_HARFBUZZ=OFF
cm ogg libogg -DINSTALL_DOCS=OFF -DBUILD_TESTING=OFF
cm vorbis libvorbis -DBUILD_TESTING=OFF
cm sdl2_mixer libsdl2-mixer -DSDL2MIXER_SAMPLES=OFF -DSDL2MIXER_VENDORED=OFF -DSDL2MIXER_DEPS_SHARED=OFF \
  -DSDL2MIXER_CMD=OFF -DSDL2MIXER_FLAC=OFF -DSDL2MIXER_MOD=OFF -DSDL2MIXER_MIDI=OFF -DSDL2MIXER_OPUS=OFF \
  -DSDL2MIXER_MP3=OFF -DSDL2MIXER_WAVE=ON -DSDL2MIXER_VORBIS=VORBISFILE -DSDL2MIXER_VORBIS_VORBISFILE_SHARED=OFF
cm yaml-cpp yaml-cpp -DYAML_BUILD_SHARED_LIBS=OFF -DYAML_CPP_BUILD_TESTS=OFF -DYAML_CPP_BUILD_TOOLS=OFF \
  -DYAML_CPP_BUILD_CONTRIB=OFF -DCMAKE_CXX_STANDARD=20 -DCMAKE_CXX_FLAGS=-fexceptions

# Only a finished prefix is published under the key: an interrupted build leaves nothing a later run would trust.
rm -rf "$cache/$key"; mkdir -p "$cache/$key"
mv "$PREFIX_TMP" "$PREFIX"
# CMake configs record the install prefix; point them at the final place.
grep -rl "$PREFIX_TMP" "$PREFIX" 2>/dev/null | xargs -r sed -i "s#$PREFIX_TMP#$PREFIX#g"
echo "$versions" > "$cache/$key/versions"
touch "$cache/$key/done"
rm -rf "$WORK"
echo "$PREFIX"
