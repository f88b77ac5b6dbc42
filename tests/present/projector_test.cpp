// Projector mode as a lesson uses it, over what the screens drew (the layout log): a real
// paragraph is one page in type large enough for the back of the room, and a discussion
// card shows its countdown and its whole question at every window size.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "present/layout_log.h"
#include "present/settings.h"

namespace lc::present::testing {
namespace {

// About 480 characters: the bundled story's median paragraph.
const char* const kParagraph =
    "The bus left us at the corner by the chapel, and for a while nobody moved. Miss Ellery counted "
    "us twice, as if one of us might have slipped away between the seats, and then she pointed at the "
    "row of poplars along the lane and said we would walk from there. The wind came across the open "
    "field in long cold pushes. Somebody at the back started humming, and soon half the group had "
    "taken it up, quietly, the way you hum when you are not sure you are allowed.";

const char* const kQuestion =
    "Why does nobody move when the bus stops, and what does the humming tell you about how the group "
    "feels? Find one detail in the paragraph that supports your answer and explain it to the person "
    "next to you.";

std::string writeProjectorStory(const TempDir& dir) {
  const std::string folder = dir / "projector";
  writeText(folder + "/story.yaml",
            "format: lostcorner/1\nid: projector\ntitle: \"A Projector Lesson\"\nversion: 1\n"
            "start: one.lane\nchapters: [one.yaml]\n");
  writeText(folder + "/one.yaml", std::string("chapter: one\ntitle: One\nscenes:\n  lane:\n    title: The lane\n"
                                              "    text: |\n      ") +
                                      kParagraph + "\n\n      They walked on.\n    prompt: {kind: question, ask: \"" +
                                      kQuestion + "\"}\n    end: true\n    ending: The lane\n");
  return folder;
}

WindowOptions projectorOptions(const TempDir& dir) {
  WindowOptions o = optionsFor(dir, writeProjectorStory(dir));
  o.classroom = true;
  o.lesson.enabled = true;
  o.lesson.pauseSeconds = 90;
  o.projector = true;
  return o;
}

size_t letters(const std::string& s) {
  size_t n = 0;
  for (char c : s) n += c != ' ';
  return n;
}

// The letters of every line drawn at `pixels` or more, and whether each line lies inside
// the window.
size_t drawnLetters(const LayoutLog& log, FontRole role, int pixels, SDL_Point size,
                    std::vector<std::string>& outside) {
  size_t n = 0;
  for (const Drawn& d : log.items) {
    if (d.kind != Drawn::Kind::Text) continue;
    if (d.rect.x < 0 || d.rect.y < 0 || d.rect.x + d.rect.w > size.x || d.rect.y + d.rect.h > size.y)
      outside.push_back(d.text);
    if (d.role == role && d.pixels >= pixels) n += letters(d.text);
  }
  return n;
}

const SDL_Point kSizes[] = {{1920, 1080}, {1280, 720}, {800, 600}};

}  // namespace

TEST_CASE("projector mode: a real paragraph is one page, in type for the back of the room", "[present][projector]") {
  for (const SDL_Point size : kSizes) {
    INFO(size.x << "x" << size.y);
    TempDir dir("projector-page");
    Harness h(projectorOptions(dir), size.x, size.y);
    LayoutLog log;
    h.game->setLayoutLog(&log);
    h.key(SDLK_RETURN);
    h.key(SDLK_RETURN);  // New game
    h.wait(3000);        // the chapter card goes by itself
    REQUIRE(h.play());
    h.key(SDLK_RETURN);  // the whole first paragraph at once; the page waits after it
    REQUIRE(h.play());
    CHECK(h.play()->paragraphs().size() == 2);  // not cut into pages
    h.draw();
    h.screenshot("projector-page-" + std::to_string(size.x));
    // At least 32 px at 720 lines (48 px at 1080): readable from the back of the room.
    CHECK(h.play()->bodyPixels() >= size.y * 32 / 720);
    std::vector<std::string> outside;
    CHECK(drawnLetters(log, FontRole::Body, h.play()->bodyPixels(), size, outside) == letters(kParagraph));
    CHECK(outside.empty());
    CHECK_FALSE(h.play()->moreAbove());
  }
}

TEST_CASE("projector mode: the discussion card shows its countdown and the whole question", "[present][projector]") {
  for (const SDL_Point size : kSizes) {
    INFO(size.x << "x" << size.y);
    TempDir dir("projector-prompt");
    Harness h(projectorOptions(dir), size.x, size.y);
    LayoutLog log;
    h.game->setLayoutLog(&log);
    h.key(SDLK_RETURN);
    h.key(SDLK_RETURN);
    h.wait(3000);
    for (int i = 0; i < 10 && h.game->topName() == "play"; ++i) h.key(SDLK_RETURN);
    REQUIRE(h.game->topName() == "prompt");
    h.wait(2000);
    h.draw();
    h.screenshot("projector-prompt-" + std::to_string(size.x));
    std::vector<std::string> outside;
    CHECK(drawnLetters(log, FontRole::Body, 1, size, outside) == letters(kQuestion));
    CHECK(outside.empty());
    bool countdown = false;
    for (const Drawn& d : log.items) countdown |= d.text == "1:28" || d.text == "1:29";
    CHECK(countdown);
  }
}

}  // namespace lc::present::testing

namespace lc::present::testing {

TEST_CASE("projector mode: a light theme for rooms with glare, chosen in Settings and kept", "[present][projector]") {
  // The settings row steps Off -> On, dark -> On, light -> Off; the file keeps the theme.
  TempDir dir("projector-light");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_4);  // Settings
  REQUIRE(h.game->topName() == "settings");
  const ButtonList* list = h.buttons();
  size_t row = 0;
  while (row < list->buttons.size() && list->buttons[row].label.rfind("Projector mode", 0) != 0) ++row;
  REQUIRE(row < list->buttons.size());
  CHECK(list->buttons[row].label == "Projector mode: Off");
  h.clickButton(row);
  CHECK(h.buttons()->buttons[row].label == "Projector mode: On, dark");
  h.draw();
  CHECK(h.pixel(2, 2).r < 20);  // white on black
  h.clickButton(row);
  CHECK(h.buttons()->buttons[row].label == "Projector mode: On, light (for glare)");
  h.draw();
  h.screenshot("projector-light-settings");
  const SDL_Color bg = h.pixel(2, 2);
  CHECK((bg.r > 240 && bg.g > 240 && bg.b > 230));
  std::ifstream in(dir / "config/settings.yaml");
  const std::string saved((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(saved.find("projector: true") != std::string::npos);
  CHECK(saved.find("projector_theme: light") != std::string::npos);
  const SettingsRead back = parseSettings(saved);
  CHECK(back.notices.empty());
  CHECK(back.settings.projectorLight);
  CHECK(parseSettings("projector_theme: grey\n").notices.at(0) ==
        "settings.yaml:1:18: projector_theme: expected dark or light");
  h.clickButton(row);
  CHECK(h.buttons()->buttons[row].label == "Projector mode: Off");
}

TEST_CASE("projector mode: the content note card shows its note in both themes, light on white",
          "[present][projector]") {
  for (const char* theme : {"dark", "light"}) {
    INFO(theme);
    TempDir dir("projector-note");
    writeText(dir / "config/settings.yaml", std::string("projector_theme: ") + theme + "\n");
    WindowOptions o = projectorOptions(dir);
    writeText(dir / "projector/one.yaml",
              "chapter: one\ntitle: One\ncontent_note: \"Mentions of a hospital and of grief.\"\nscenes:\n"
              "  lane:\n    title: The lane\n    text: They walked on.\n    end: true\n");
    Harness h(o, 1920, 1080);
    LayoutLog log;
    h.game->setLayoutLog(&log);
    h.key(SDLK_RETURN);
    h.key(SDLK_RETURN);
    h.wait(1000);
    h.key(SDLK_RETURN);  // past the chapter card (a lesson shows its note there too)
    REQUIRE(h.play());
    h.key(SDLK_n);
    REQUIRE(h.game->topName() == "content-note");
    h.draw();
    h.screenshot(std::string("projector-note-") + theme);
    std::string drawn;
    for (const Drawn& d : log.items) drawn += d.text + " ";
    CHECK(drawn.find("Mentions of a hospital") != std::string::npos);
    const SDL_Color bg = h.pixel(2, 2);
    CHECK((std::string(theme) == "light" ? bg.r > 240 : bg.r < 20));
    CHECK(h.inkIn({0, 200, 1920, 700}, bg) > 2000);
  }
}

}  // namespace lc::present::testing
