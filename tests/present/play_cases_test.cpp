// The Play screen's less common cases: long scenes that scroll, classroom prompts, dead
// ends, reduced motion, text speed.
#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

std::string writeStory(const TempDir& dir, const std::string& chapter) {
  const std::string folder = dir / "cases";
  writeText(folder + "/story.yaml", R"(format: lostcorner/1
id: present-cases
title: Cases
start: c.long
chapters: [c.yaml]
variables:
  n: {type: int, initial: 0}
)");
  writeText(folder + "/c.yaml", chapter);
  return folder;
}

std::string longText() {
  std::string text;
  for (int i = 1; i <= 14; ++i)
    text += "      Paragraph " + std::to_string(i) +
            " goes on for a while, with enough words in it to take two lines of the column "
            "at the usual size of the text.\n\n";
  return text;
}

}  // namespace

TEST_CASE("a long scene scrolls: the newest text and the choices stay in view", "[present][play]") {
  TempDir dir("play-long");
  const std::string story = writeStory(dir, "chapter: c\nscenes:\n  long:\n    title: Long\n    text: |\n" +
                                                longText() + "    choices:\n      - text: On\n        goto: long\n      - text: Also on\n        goto: long\n");
  Harness h(optionsFor(dir, story));
  h.game->settings().textSpeed = TextSpeed::Instant;
  h.key(SDLK_1);
  REQUIRE(h.readToChoices(60));
  h.draw();
  h.screenshot("long-scene-end");
  for (const Button& b : h.buttons()->buttons) {
    CHECK(b.rect.y >= 48);
    CHECK(b.rect.y + b.rect.h <= 720 - 44);
  }
  const int before = h.buttons()->buttons[0].rect.y;
  h.wheel(+2);  // scrolls back up through the scene instead of opening the backlog
  CHECK(h.game->topName() == "play");
  h.draw();
  h.screenshot("long-scene-scrolled");
  CHECK(h.buttons()->buttons[0].rect.y > before);
  for (int i = 0; i < 40 && h.game->topName() == "play"; ++i) h.wheel(+3);
  CHECK(h.game->topName() == "history");  // at the top, wheel up opens the backlog
}

TEST_CASE("classroom mode pauses for the prompt before the choices", "[present][play]") {
  TempDir dir("play-prompt");
  const std::string story = writeStory(dir, R"(chapter: c
scenes:
  long:
    text: Before the choice.
    prompt: {kind: predict, ask: "What will she do?"}
    journal: "What would you have done?"
    choices:
      - text: This
        goto: long
      - text: That
        goto: long
)");
  WindowOptions o = optionsFor(dir, story);
  o.classroom = true;
  Harness h(o);
  h.key(SDLK_1);
  h.key(SDLK_RETURN);  // card
  h.key(SDLK_RETURN);  // the text
  CHECK(h.game->topName() == "play");  // the last paragraph stays in view until the reader goes on
  h.key(SDLK_RETURN);
  // The discussion is a full-screen card over the page, then the journal question.
  REQUIRE(h.game->topName() == "prompt");
  h.draw();
  h.screenshot("classroom-prompt");
  h.key(SDLK_RETURN);
  h.frame();
  REQUIRE(h.game->topName() == "journal");
  h.key(SDLK_ESCAPE);
  REQUIRE(h.play());
  CHECK(h.play()->stage() == PlayScreen::Stage::Choosing);
}

TEST_CASE("a dead end in play offers to go back or to the title", "[present][play]") {
  TempDir dir("play-deadend");
  const std::string story = writeStory(dir, R"(chapter: c
scenes:
  long:
    text: Start.
    choices:
      - text: Into the corner
        goto: corner
  corner:
    text: A corner.
    choices:
      - text: Only when n is positive
        if: n > 0
        goto: long
)");
  Harness h(optionsFor(dir, story));
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_1);
  h.key(SDLK_RETURN);
  REQUIRE(h.play()->stage() == PlayScreen::Stage::Stopped);
  REQUIRE(h.buttons()->buttons.size() == 2);
  CHECK(h.buttons()->buttons[0].label == "Go back one step");
  h.draw();
  h.screenshot("dead-end");
  h.key(SDLK_1);
  CHECK(h.sceneId() == "c.long");
}

TEST_CASE("text speed and reduced motion", "[present][play]") {
  TempDir dir("play-speed");
  const std::string story = writeStory(dir, "chapter: c\nscenes:\n  long:\n    text: |\n" + longText() +
                                                "    next: long\n");
  Harness h(optionsFor(dir, story));
  h.game->settings().textSpeed = TextSpeed::Slow;
  h.key(SDLK_1);
  h.key(SDLK_RETURN);
  h.frames(10, 100);  // one second: about 25 characters
  CHECK(h.play()->revealing());
  h.game->settings().textSpeed = TextSpeed::Fast;
  h.frames(10, 100);  // 120 a second: the first paragraph (about 120 characters) is done
  CHECK_FALSE(h.play()->revealing());
  h.game->settings().reducedMotion = true;
  h.key(SDLK_RETURN);  // the next paragraph appears whole: no typewriter
  h.frame();
  CHECK_FALSE(h.play()->revealing());
}
