#!/bin/sh
# The CMake cross-compiling emulator for Emscripten 3.1.6 under Node >= 18: its loader breaks with the global fetch.
exec node --no-experimental-fetch "$@"
