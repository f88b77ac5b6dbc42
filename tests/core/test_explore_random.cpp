// Random play after a partial search fills in the deep endings breadth-first search left.
#include <catch2/catch.hpp>

#include "analysis/explore.h"
#include "support/temp_story.h"

TEST_CASE("random play finds an ending a capped search did not reach") {
  std::string scenes = "  start:\n    text: S\n    choices:\n      - {text: Wait, goto: start, do: [n += 1]}\n"
                       "      - {text: Go, goto: s1}\n";
  for (int i = 1; i < 30; ++i)
    scenes += "  s" + std::to_string(i) + ":\n    text: T\n    next: s" + std::to_string(i + 1) + "\n";
  scenes += "  s30:\n    text: End\n    end: true\n    ending: Far\n";
  auto story = lc::test::loadValid(lc::test::oneChapter("  n: {type: int, initial: 0, min: 0, max: 100}\n", scenes));
  lc::ExploreOptions options;
  options.maxStates = 20;
  lc::ExploreResult r = lc::explore(*story, options);
  REQUIRE_FALSE(r.complete);
  CHECK(r.endings.empty());
  CHECK(lc::supplementByRandomPlay(*story, r, 10000, 1) == 10000);
  REQUIRE(r.endings.size() == 1);
  CHECK(r.endings[0].byRandomPlay);
  CHECK(story->scenes[r.endings[0].scene].ending == "Far");
  CHECK(r.endings[0].path.back().scene == story->findScene("a.s29"));
  CHECK(r.sceneReached[story->findScene("a.s30")]);
}
