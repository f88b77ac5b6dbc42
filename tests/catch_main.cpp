// Catch2's main, headless by default: dummy video and audio drivers unless the caller
// (or a test, for its own child) chose others. (Set here rather than through ctest's
// ENVIRONMENT: catch_discover_tests cannot pass a property whose value is a list.)
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>

int main(int argc, char* argv[]) {
  ::setenv("SDL_VIDEODRIVER", "dummy", 0);
  ::setenv("SDL_AUDIODRIVER", "dummy", 0);
  return Catch::Session().run(argc, argv);
}
