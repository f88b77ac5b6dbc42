// Hot reload off the frame path: a big story is loaded again while frames keep coming
// (a worker thread where there are threads, one step per frame where there are none),
// and the result is the same as a load in one go.
#include <cstdlib>
#include <optional>
#include <sstream>

#include <catch2/catch.hpp>

#include "dev_story.h"
#include "load/check_cache.h"
#include "present/background_load.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

// lc_gen_story's story of `scenes` scenes in 10 chapters.
std::string bigStory(const TempDir& dir, int scenes) {
  const std::string folder = dir / "big";
  const std::string cmd = std::string(LC_BINARY_DIR) + "/tools/bench/lc_gen_story '" + folder + "' --scenes " +
                          std::to_string(scenes) + " --chapters 10 --words " + std::to_string(scenes * 60) +
                          " --seed 3 >/dev/null";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return folder;
}

}  // namespace

TEST_CASE("a load in steps gives what a load in one go gives, one chapter per step", "[present][reload]") {
  TempDir dir("reload-steps");
  const std::string story = bigStory(dir, 600);
  const lc::LoadResult whole = lc::loadStory(story);
  REQUIRE(whole.story);
  lc::CheckCache cache(nullptr, true);
  for (int round = 0; round < 2; ++round) {  // the second from the cache's parses
    BackgroundLoad load(story, &cache, BackgroundLoad::Mode::Steps);
    int polls = 1;
    std::optional<lc::LoadResult> r;
    while (!(r = load.poll())) ++polls;
    CHECK(polls >= 22);  // read, 10 parses, collect, 10 builds, validate
    CHECK(formatText(r->diagnostics) == formatText(whole.diagnostics));
    REQUIRE(r->story);
    CHECK(r->story->scenes.size() == whole.story->scenes.size());
    CHECK_FALSE(load.poll());  // the result comes once
  }
  CHECK(cache.counts().parseHits == 10);
}

TEST_CASE("the window keeps making frames while a big story reloads", "[present][reload]") {
  TempDir dir("reload-big");
  const std::string story = bigStory(dir, 3000);
  Harness h(optionsFor(dir, story));
  REQUIRE(h.game->session());
  editLater(story + "/c4.yaml", [&] {
    std::ifstream in(story + "/c4.yaml");
    std::stringstream s;
    s << in.rdbuf();
    return s.str() + "\n";
  }());
  const int before = h.game->frames();
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.state = SDL_PRESSED;
  e.key.keysym.sym = SDLK_r;
  e.key.keysym.mod = KMOD_LCTRL;
  SDL_PushEvent(&e);
  h.frame();
  CHECK(h.game->reloading());  // the frame that asked for it returned before the load was done
  int during = 0;
  bool running = true;
  while (running && h.game->reloading()) {
    running = h.frame(0);
    ++during;
  }
  REQUIRE(running);
  INFO("frames while reloading: " << during);
  CHECK(during >= 1);
  if (BackgroundLoad::kDefault == BackgroundLoad::Mode::Steps) CHECK(during >= 21);
  CHECK(h.game->frames() == before + 1 + during);
  CHECK(h.game->notices().log().back() == "Story reloaded: 0 notices.");
}
