// The debug overlay (F1): scene and its place in the files, variables, visits, and why
// each hidden choice is hidden; drawn over the game and gone again with F1.
#include <catch2/catch.hpp>

#include "dev_story.h"
#include "present/debug_overlay.h"

using namespace lc::present;
using namespace lc::present::testing;

TEST_CASE("F1 shows the debug overlay with the hidden choices explained", "[present][debug]") {
  TempDir dir("debug-overlay");
  const std::string story = writeDevStory(dir);
  Harness h(optionsFor(dir, story));
  playToSecondGate(h);
  h.draw();
  const SDL_Color paper = h.pixel(1240, 600);
  h.screenshot("debug-overlay-off");

  h.key(SDLK_F1);
  REQUIRE(h.game->debugOverlay().visible());
  h.draw();
  h.screenshot("debug-overlay-on");
  const std::vector<std::string> expected = {
      "scene: one.gate  (" + story + "/one.yaml:4:3)",
      "",
      "variables:",
      "trust = 1",
      "lamp = true",
      "",
      "visits:",
      "one.gate: 2",
      "",
      "hidden choices:",
      "hidden: Wait \u2014 spent (once)",
      "hidden: Walk on \u2014 condition false: trust >= 2",
  };
  CHECK(h.game->debugOverlay().lines() == expected);
  // A dark, semi-transparent panel on the right; the text on the left stays as it was.
  const SDL_Color panel = h.pixel(1240, 600);
  CHECK(panel.r + panel.g + panel.b < 200);
  CHECK_FALSE(sameColour(panel, paper, 30));
  CHECK(h.inkIn({780, 20, 480, 300}, panel) > 500);  // its text

  // The game still plays under it, and the overlay follows.
  h.key(SDLK_1);  // Go home: the only visible choice now
  CHECK(h.sceneId() == "one.field");
  h.draw();
  CHECK(h.game->debugOverlay().lines().front() == "scene: one.field  (" + story + "/one.yaml:11:3)");

  h.key(SDLK_F1);
  CHECK_FALSE(h.game->debugOverlay().visible());
  h.draw();
  CHECK(sameColour(h.pixel(1240, 600), paper, 3));
}

TEST_CASE("a long debug overlay scrolls with PageDown and the wheel", "[present][debug]") {
  TempDir dir("debug-scroll");
  std::string manifest = kDevManifest;
  for (int i = 0; i < 80; ++i) manifest += "  extra" + std::to_string(i) + ": {type: int, initial: " + std::to_string(i) + "}\n";
  const std::string story = dir / "story";
  writeText(story + "/story.yaml", manifest);
  writeText(story + "/one.yaml", devChapter("At the gate."));
  Harness h(optionsFor(dir, story), 1280, 720);
  playToSecondGate(h);
  h.key(SDLK_F1);
  h.draw();
  const SDL_Rect top{762, 50, 200, 200};
  h.screenshot("debug-overlay-long");
  const SDL_Color panel = h.pixel(1100, 300);  // no text reaches this far right
  const int before = h.inkIn(top, panel);
  h.key(SDLK_PAGEDOWN);
  CHECK(h.game->topName() == "play");  // taken by the overlay, not the backlog
  h.draw();
  h.screenshot("debug-overlay-scrolled");
  CHECK(h.inkIn(top, panel) != before);
  h.motion(1000, 400);
  h.wheel(3);  // back up
  h.key(SDLK_PAGEUP);
  CHECK(h.game->topName() == "play");
}

TEST_CASE("hiddenReason explains only hidden choices", "[present][debug]") {
  TempDir dir("debug-reason");
  auto loaded = lc::loadStory(writeDevStory(dir));
  REQUIRE(loaded.story);
  const lc::Story& story = *loaded.story;
  lc::State state = lc::State::initial(story);
  state.scene = story.findScene("one.gate");
  CHECK(hiddenReason(story, state, state.scene, 0) == "");
  CHECK(hiddenReason(story, state, state.scene, 1) == "condition false: trust >= 2");
  CHECK(hiddenReason(story, state, state.scene, 2) == "");
  state.vars[0].number = 2;
  CHECK(hiddenReason(story, state, state.scene, 1) == "");
  state.spent[0] = 1;
  CHECK(hiddenReason(story, state, state.scene, 0) == "spent (once)");
}
