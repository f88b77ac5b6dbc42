// Hot reload in the window: Ctrl+R and a changed file both reload the story and keep
// the scene; an edit with errors lists them over the game, which keeps running.
#include <catch2/catch.hpp>

#include "dev_story.h"

using namespace lc::present;
using namespace lc::present::testing;

TEST_CASE("Ctrl+R after an edit keeps the scene and shows the new text", "[present][reload]") {
  TempDir dir("reload-keys");
  const std::string story = writeDevStory(dir);
  Harness h(optionsFor(dir, story));
  playToSecondGate(h);
  editLater(story + "/one.yaml", devChapter("At the gate, edited."));
  ctrlR(h);
  REQUIRE(h.play());
  CHECK(h.sceneId() == "one.gate");
  CHECK(h.play()->paragraphs() == std::vector<std::string>{"At the gate, edited."});
  CHECK(h.play()->stage() == PlayScreen::Stage::Choosing);
  CHECK(h.game->notices().log().back() == "Story reloaded: 0 notices.");
  // The state came across: Wait is spent and trust is 1, so only Go home is offered.
  REQUIRE(h.buttons()->buttons.size() == 1);
  CHECK(h.buttons()->buttons[0].label == "Go home");
  CHECK(h.game->session()->runner().state().vars[0].number == 1);
  h.draw();
  h.screenshot("hot-reload-after");
  h.key(SDLK_1);
  CHECK(h.sceneId() == "one.field");
}

TEST_CASE("a changed story file is noticed within half a second", "[present][reload]") {
  TempDir dir("reload-watch");
  const std::string story = writeDevStory(dir);
  Harness h(optionsFor(dir, story));
  playToSecondGate(h);
  h.wait(600);  // nothing changed: nothing happens
  CHECK(h.play()->paragraphs() == std::vector<std::string>{"At the gate."});
  editLater(story + "/story.yaml", std::string(kDevManifest) + "  coat: {type: bool, initial: false}\n");
  h.wait(600);
  REQUIRE(h.play());
  CHECK(h.sceneId() == "one.gate");
  const auto& log = h.game->notices().log();
  REQUIRE(log.size() >= 2);
  CHECK(log[log.size() - 2] == "Story reloaded: 1 notice.");
  CHECK(log.back() == "new variable 'coat' starts at its initial value");
}

TEST_CASE("an edit with errors shows them over the game, which keeps running", "[present][reload]") {
  TempDir dir("reload-errors");
  const std::string story = writeDevStory(dir);
  Harness h(optionsFor(dir, story));
  playToSecondGate(h);
  editLater(story + "/one.yaml", devChapter("At the gate.", "nowhere"));
  ctrlR(h);
  HotReload* reload = h.game->hotReload();
  REQUIRE(reload);
  REQUIRE(reload->errorsShown());
  REQUIRE_FALSE(reload->errorLines().empty());
  CHECK(reload->errorLines()[0].rfind(story + "/one.yaml:10:", 0) == 0);
  CHECK(reload->errorLines()[0].find("nowhere") != std::string::npos);
  h.draw();
  h.screenshot("hot-reload-errors");
  const SDL_Color panel = h.pixel(640, 600);
  CHECK(panel.r + panel.g + panel.b < 200);

  // The previous version still plays: its Go home leads to the field.
  REQUIRE(h.play());
  h.key(SDLK_1);
  CHECK(h.sceneId() == "one.field");
  CHECK(reload->errorsShown());
  h.key(SDLK_ESCAPE);  // closes the panel, not the game's menu
  CHECK_FALSE(reload->errorsShown());
  CHECK(h.game->topName() == "play");

  // Fixed: the next reload takes it, from where the player is now.
  editLater(story + "/one.yaml", devChapter("At the gate, fixed."), 9);
  h.wait(600);
  CHECK(h.sceneId() == "one.field");
  CHECK(h.game->notices().log().back() == "Story reloaded: 0 notices.");
}
