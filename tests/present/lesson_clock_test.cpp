// A timed lesson in the window: its countdown in the corner of every screen, and a card
// when the time is up (the place autosaved, the plenary shown, keep reading or stop).
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "present/layout_log.h"

namespace lc::present::testing {
namespace {

std::string writeTimedStory(const TempDir& dir) {
  const std::string folder = dir / "timed";
  writeText(folder + "/story.yaml",
            "format: lostcorner/1\nid: timed\ntitle: \"A Timed Lesson\"\nversion: 1\n"
            "start: one.lane\nchapters: [one.yaml]\n");
  writeText(folder + "/one.yaml",
            "chapter: one\ntitle: One\nscenes:\n  lane:\n    title: The lane\n"
            "    text: They walked down the lane.\n    end: true\n");
  return folder;
}

// The text of the line drawn that starts with `prefix` ("" when none), and where.
std::string drawnStartingWith(const LayoutLog& log, const std::string& prefix, SDL_Rect* at = nullptr) {
  for (const Drawn& d : log.items)
    if (d.kind == Drawn::Kind::Text && d.text.rfind(prefix, 0) == 0) {
      if (at) *at = d.rect;
      return d.text;
    }
  return "";
}

}  // namespace

TEST_CASE("a timed lesson: a countdown in the corner, then an end-of-lesson card",
          "[present][classroom][lesson-clock]") {
  TempDir dir("lesson-clock");
  WindowOptions o = optionsFor(dir, writeTimedStory(dir));
  o.classroom = true;
  o.lesson.enabled = true;
  o.lesson.lessonMinutes = 2;
  o.lesson.plenary = "What would you tell Kathy now?";
  Harness h(o);
  LayoutLog log;
  h.game->setLayoutLog(&log);
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);  // New game: the lesson's time starts
  h.wait(1000);
  h.draw();
  SDL_Rect at{};
  const std::string first = drawnStartingWith(log, "Lesson ", &at);
  CHECK((first == "Lesson 2:00 left" || first == "Lesson 1:59 left"));
  CHECK((at.x > 1280 * 2 / 3 && at.y >= 0 && at.x + at.w <= 1280 && at.y + at.h < 720 / 10));  // top right
  h.wait(60000);
  h.draw();
  CHECK(drawnStartingWith(log, "Lesson ") == "Lesson 0:59 left");
  h.screenshot("lesson-clock");
  REQUIRE(h.game->topName() != "lesson-end");
  h.wait(61000);
  REQUIRE(h.game->topName() == "lesson-end");
  h.draw();
  h.screenshot("lesson-end");
  CHECK(drawnStartingWith(log, "End of the lesson") == "End of the lesson");
  CHECK(drawnStartingWith(log, "Plenary: ") == "Plenary: What would you tell Kathy now?");
  CHECK(drawnStartingWith(log, "The place is saved") != "");
  CHECK(drawnStartingWith(log, "Lesson ") == "Lesson time is up");
  CHECK(h.game->session()->slotExists("auto"));
  REQUIRE(h.buttons());
  CHECK(h.buttons()->buttons.at(0).label == "Keep reading");
  h.clickButton(0);
  CHECK(h.game->topName() == "play");
  h.wait(5000);
  CHECK(h.game->topName() == "play");  // once only
}

}  // namespace lc::present::testing
