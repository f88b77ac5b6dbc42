// Headless rendering into a surface with the software renderer: screenshots of each
// screen, theme and font size (kept in ${LC_BINARY_DIR}/screenshots for people to look
// at), checked by pixels: ink where text should be, theme colours, clean margins.
#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

// The strips left and right of the text column, above the status line: never any ink.
void checkMargins(const Harness& h, SDL_Color bg) {
  const int w = h.surface->w, hgt = h.surface->h;
  const int strip = w * 4 / 100;
  CHECK(h.inkIn({0, hgt / 10, strip, hgt * 8 / 10}, bg) == 0);
  CHECK(h.inkIn({w - strip, hgt / 5, strip, hgt * 7 / 10}, bg) == 0);
}

// New game, chapter card dismissed, first paragraph complete and all paragraphs read.
void readFirstScene(Harness& h) {
  h.key(SDLK_1);
  h.key(SDLK_RETURN);
  REQUIRE(h.readToChoices());
}

}  // namespace

TEST_CASE("title screen", "[present][render]") {
  TempDir dir("render-title");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.draw();
  h.screenshot("title");
  const Theme& paper = themeFor(ThemeId::Paper);
  CHECK(sameColour(h.pixel(3, 3), paper.background));
  CHECK(sameColour(h.pixel(1276, 716), paper.background));
  CHECK(h.inkIn({200, 80, 880, 80}, paper.background) > 1000);  // the story's title
  const SDL_Rect first = h.buttons()->buttons.at(0).rect;
  CHECK(sameColour(h.pixel(first.x + 3, first.y + 3), paper.button));
  CHECK(h.inkIn(first, paper.button) > 100);  // "New game"
  checkMargins(h, paper.background);
}

TEST_CASE("a scene while it reveals and when complete", "[present][render]") {
  TempDir dir("render-scene");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  h.wait(1000);
  h.screenshot("chapter-card");
  const Theme& paper = themeFor(ThemeId::Paper);
  CHECK(h.inkIn({0, 200, 1280, 250}, paper.background) > 1000);
  h.key(SDLK_RETURN);  // dismiss the card
  h.frames(20);  // ~0.3 s at 55 characters a second: a few words
  REQUIRE(h.play()->revealing());
  h.draw();
  h.screenshot("scene-revealing");
  const SDL_Rect column{0, 48, 1280, 720 - 48 - 44};
  const int partial = h.inkIn(column, paper.background);
  h.key(SDLK_RETURN);
  h.draw();
  h.screenshot("scene-paragraph-complete");
  const int whole = h.inkIn(column, paper.background);
  CHECK(partial > 200);
  CHECK(whole > partial * 2);
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);
  REQUIRE(h.play()->stage() == PlayScreen::Stage::Choosing);
  h.draw();
  h.screenshot("scene-choices");
  checkMargins(h, paper.background);
  // The choices sit under the text, inside the window.
  for (const Button& b : h.buttons()->buttons) {
    CHECK(b.rect.y + b.rect.h <= 720 - 44);
    CHECK(h.inkIn(b.rect, paper.button) > 100);
  }
}

TEST_CASE("a hovered choice is lit", "[present][render]") {
  TempDir dir("render-hover");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  readFirstScene(h);
  const SDL_Rect r0 = h.buttons()->buttons[0].rect, r1 = h.buttons()->buttons[1].rect;
  h.motion(r1.x + r1.w / 2, r1.y + r1.h / 2);
  h.draw();
  h.screenshot("choice-hovered");
  const Theme& paper = themeFor(ThemeId::Paper);
  CHECK(sameColour(h.pixel(r1.x + 4, r1.y + 4), paper.buttonHover));
  CHECK(sameColour(h.pixel(r0.x + 4, r0.y + 4), paper.button));
  h.key(SDLK_DOWN);  // keyboard focus: a ring in the accent colour
  h.draw();
  h.screenshot("choice-focused");
  CHECK(sameColour(h.pixel(r0.x, r0.y + r0.h / 2), paper.accent));
}

TEST_CASE("the pause menu over the page", "[present][render]") {
  TempDir dir("render-menu");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  readFirstScene(h);
  h.key(SDLK_ESCAPE);
  REQUIRE(h.game->topName() == "menu");
  h.draw();
  h.screenshot("menu");
  const Theme& paper = themeFor(ThemeId::Paper);
  const SDL_Color corner = h.pixel(3, 3);
  CHECK(corner.r < paper.background.r - 40);  // the page is shaded
  const SDL_Rect resume = h.buttons()->buttons.at(0).rect;
  CHECK(h.inkIn(resume, paper.button) > 50);
  CHECK(h.buttons()->buttons.back().rect.y + h.buttons()->buttons.back().rect.h < 720);
}

TEST_CASE("each theme draws in its own colours", "[present][render]") {
  TempDir dir("render-themes");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  readFirstScene(h);
  for (ThemeId id : {ThemeId::Paper, ThemeId::Dark, ThemeId::HighContrast}) {
    h.game->settings().theme = id;
    h.draw();
    h.screenshot(std::string("theme-") + themeKey(id));
    const Theme& t = themeFor(id);
    CHECK(sameColour(h.pixel(3, 300), t.background));
    CHECK(h.inkIn({0, 48, 1280, 400}, t.background) > 3000);
    checkMargins(h, t.background);
  }
}

TEST_CASE("each font size: larger text, same margins", "[present][render]") {
  TempDir dir("render-sizes");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  readFirstScene(h);
  const Theme& paper = themeFor(ThemeId::Paper);
  int previousBottom = 0;
  for (int size : kFontSizes) {
    h.game->settings().fontSize = size;
    h.draw();
    h.screenshot("font-size-" + std::to_string(size));
    checkMargins(h, paper.background);
    // Larger text pushes the first choice further down.
    const int bottom = h.buttons()->buttons[0].rect.y;
    CHECK(bottom > previousBottom);
    previousBottom = bottom;
  }
  h.game->settings().dyslexiaFont = true;
  h.game->settingsChanged();
  h.draw();
  h.screenshot("font-dyslexic");
  CHECK(h.inkIn({0, 48, 1280, 400}, paper.background) > 3000);
}

TEST_CASE("layout follows the window size", "[present][render]") {
  TempDir dir("render-window-sizes");
  const std::string story = writeTestStory(dir);
  for (auto [w, hgt] : {std::pair{1920, 1080}, std::pair{800, 600}, std::pair{2560, 1440}}) {
    Harness h(optionsFor(dir, story), w, hgt);
    readFirstScene(h);
    h.draw();
    h.screenshot("window-" + std::to_string(w) + "x" + std::to_string(hgt));
    const Theme& paper = themeFor(ThemeId::Paper);
    checkMargins(h, paper.background);
    const SDL_Rect last = h.buttons()->buttons.back().rect;
    CHECK(last.x + last.w <= w);
    CHECK(last.y + last.h <= hgt);
  }
}

TEST_CASE("other screens, for a person to look at", "[present][render]") {
  TempDir dir("render-others");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  readFirstScene(h);
  h.key(SDLK_1);
  h.key(SDLK_F5);
  h.draw();
  h.screenshot("notice-quick-save");
  h.key(SDLK_PAGEUP);
  h.draw();
  h.screenshot("history");
  h.key(SDLK_ESCAPE);
  h.key(SDLK_ESCAPE);
  h.key(SDLK_2);
  h.draw();
  h.screenshot("save-slots");
  const Theme& paper = themeFor(ThemeId::Paper);
  CHECK(h.inkIn(h.buttons()->buttons.at(0).rect, paper.button) > 200);
  h.key(SDLK_ESCAPE);
  h.key(SDLK_5);
  REQUIRE(h.game->topName() == "settings");
  h.draw();
  h.screenshot("settings");
  h.key(SDLK_ESCAPE);
  h.key(SDLK_ESCAPE);
  h.game->settings().captions = true;
  h.key(SDLK_BACKSPACE);
  h.key(SDLK_1);  // the pond again: its music and sound get captions
  h.frames(3);
  h.draw();
  h.screenshot("captions");
  CHECK(h.inkIn({1280 / 2, 0, 640, 80}, paper.background) > 300);
}

TEST_CASE("the bundled story: title and first scene, for a person to look at", "[present][render]") {
  // Only pictures: the story is still being written, so nothing here checks its words.
  TempDir dir("render-bundled");
  Harness h(optionsFor(dir, std::string(LC_SOURCE_DIR) + "/story/never-let-me-go"));
  if (h.game->topName() != "title") {
    WARN("the bundled story does not open yet: no screenshots of it");
    return;
  }
  h.draw();
  h.screenshot("bundled-title");
  CHECK(h.inkIn({0, 140, 1280, 90}, themeFor(ThemeId::Paper).background) > 500);  // the companion line
  h.key(SDLK_1);
  h.wait(1200);
  h.screenshot("bundled-chapter-card");
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);
  h.draw();
  h.screenshot("bundled-first-scene");
}
