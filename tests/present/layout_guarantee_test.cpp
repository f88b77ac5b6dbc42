// The layout guarantee, over what the screens actually drew (the layout log), not over
// hand-picked pixels: for every screen x window size (and projector mode) x text size x
// theme x dyslexia font, nothing drawn past the window, no glyph missing from the fonts in
// use, no two lines of text or two buttons on top of each other, and the screen's first
// button (its primary action) in view without scrolling. Screenshots of the 1280x720 and
// projector cases go to build/screenshots for a person to look at.
#include <catch2/catch.hpp>

#include <sstream>

#include "fixtures.h"
#include "present/font_chain.h"
#include "present/layout_log.h"
#include "present/settings.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

std::string longLabel() {
  std::string s;
  while (s.size() < 200) s += "a very long choice label ";
  return s.substr(0, 200);
}

// The test story with a 200-character choice label.
std::string writeLayoutStory(const TempDir& dir) {
  std::string folder = writeTestStory(dir);
  std::ifstream in(folder + "/one.yaml");
  std::stringstream text;
  text << in.rdbuf();
  std::string yaml = text.str();
  const std::string from = "Stay by the gate";
  yaml.replace(yaml.find(from), from.size(), longLabel());
  writeText(folder + "/one.yaml", yaml);
  return folder;
}

struct ScreenCase {
  const char* name;
  std::function<void(Harness&)> open;  // from a fresh game on the title screen
};

void newGame(Harness& h) {
  h.key(SDLK_1);
  h.key(SDLK_RETURN);  // past the card
}

const std::vector<ScreenCase>& screens() {
  static const std::vector<ScreenCase> all = {
      {"title", [](Harness&) {}},
      {"card",
       [](Harness& h) {
         h.key(SDLK_1);
         h.wait(600);
       }},
      {"reveal",
       [](Harness& h) {
         newGame(h);
         h.wait(300);
       }},
      {"choices",
       [](Harness& h) {
         h.key(SDLK_1);
         h.readToChoices();
       }},
      {"menu",
       [](Harness& h) {
         h.key(SDLK_1);
         h.readToChoices();
         h.key(SDLK_ESCAPE);
       }},
      {"save",
       [](Harness& h) {
         h.key(SDLK_1);
         h.readToChoices();
         h.key(SDLK_ESCAPE);
         h.key(SDLK_2);
       }},
      {"load", [](Harness& h) { h.key(SDLK_3); }},
      {"settings", [](Harness& h) { h.key(SDLK_4); }},
      {"history",
       [](Harness& h) {
         h.key(SDLK_1);
         h.readToChoices();
         h.key(SDLK_PAGEUP);
       }},
  };
  return all;
}

struct Look {
  int fontSize;
  ThemeId theme;
  bool dyslexia;
  bool projector;
};

std::string describe(const Look& l, SDL_Point size) {
  return std::to_string(size.x) + "x" + std::to_string(size.y) + " text " + std::to_string(l.fontSize) + " theme " +
         themeLabel(l.theme) + (l.dyslexia ? " dyslexia" : "") + (l.projector ? " projector" : "");
}

bool inside(const SDL_Rect& r, SDL_Point size) {
  return r.x >= 0 && r.y >= 0 && r.x + r.w <= size.x && r.y + r.h <= size.y;
}

// Every problem with one drawn frame, as readable lines.
std::vector<std::string> problems(Harness& h, const LayoutLog& log, SDL_Point size) {
  std::vector<std::string> out;
  for (const Drawn& d : log.items) {
    if (!inside(d.rect, size)) out.push_back("past the window: \"" + d.text + "\"");
    if (d.kind != Drawn::Kind::Text) continue;
    const FontChain chain(h.game->fonts(), d.role, d.pixels);
    for (size_t i = 0; i < d.text.size();) {
      const uint32_t cp = decodeUtf8(d.text, i);
      if (!chain.covers(cp)) out.push_back("no glyph for U+" + std::to_string(cp) + " in \"" + d.text + "\"");
    }
  }
  for (size_t a = 0; a < log.items.size(); ++a)
    for (size_t b = a + 1; b < log.items.size(); ++b) {
      const Drawn &x = log.items[a], &y = log.items[b];
      if (x.kind != y.kind || x.kind == Drawn::Kind::Notice) continue;
      if (SDL_HasIntersection(&x.rect, &y.rect)) out.push_back("overlap: \"" + x.text + "\" and \"" + y.text + "\"");
    }
  if (const ButtonList* list = h.buttons(); list && !list->buttons.empty())
    if (!inside(list->buttons[0].rect, size) || list->buttons[0].rect.w == 0)
      out.push_back("the primary action \"" + list->buttons[0].label + "\" is not in view");
  return out;
}

}  // namespace

TEST_CASE("layout guarantee: every screen fits every window, size, theme and font", "[present][layout]") {
  const SDL_Point sizes[] = {{800, 600}, {1280, 720}, {1920, 1080}};
  const ThemeId themes[] = {ThemeId::Paper, ThemeId::Dark, ThemeId::HighContrast};
  std::vector<Look> looks;
  int k = 0;
  for (int fontSize : kFontSizes)
    for (bool dyslexia : {false, true}) looks.push_back({fontSize, themes[k++ % 3], dyslexia, false});
  for (bool dyslexia : {false, true}) looks.push_back({26, ThemeId::HighContrast, dyslexia, true});
  looks.push_back({26, ThemeId::ProjectorLight, false, true});  // the projector's theme for glare
  int failures = 0;
  for (const SDL_Point size : sizes)
    for (const Look& look : looks)
      for (const ScreenCase& screen : screens()) {
        TempDir dir("layout");
        writeText(dir / "config/settings.yaml",
                  "font_size: " + std::to_string(look.fontSize) + "\ntheme: " +
                      std::string(look.theme == ThemeId::Paper  ? "paper"
                                  : look.theme == ThemeId::Dark ? "dark"
                                                                : "high-contrast") +
                      (look.theme == ThemeId::ProjectorLight ? "\nprojector_theme: light" : "") +
                      "\ndyslexia_font: " + (look.dyslexia ? "true" : "false") +
                      "\nprojector: " + (look.projector ? "true" : "false") + "\n");
        Harness h(optionsFor(dir, writeLayoutStory(dir)), size.x, size.y);
        LayoutLog log;
        h.game->setLayoutLog(&log);
        screen.open(h);
        h.wait(5000);  // notices gone: they come and go, and are checked elsewhere
        h.draw();
        const std::vector<std::string> found = problems(h, log, size);
        INFO(screen.name << " at " << describe(look, size));
        for (const std::string& p : found) {
          ++failures;
          if (failures < 400) CHECK(p == "");
        }
        if (size.x == 1280 && look.fontSize == 26 && !look.dyslexia) h.screenshot(std::string("layout-") + screen.name);
        if (look.projector && size.x == 1920 && !look.dyslexia)
          h.screenshot(
              std::string(look.theme == ThemeId::ProjectorLight ? "layout-projector-light-" : "layout-projector-") +
              screen.name);
      }
  CHECK(failures == 0);
}

TEST_CASE("the dyslexia font draws the page's marks: ▲ ▼ → · — “ ” have glyphs", "[present][layout]") {
  TempDir dir("layout-marks");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.game->fonts().setDyslexic(true);
  for (const FontRole role : {FontRole::Body, FontRole::Ui, FontRole::UiBold, FontRole::Heading})
    for (const uint32_t cp : {0x25B2u, 0x25BCu, 0x2192u, 0x00B7u, 0x2014u, 0x201Cu, 0x201Du}) {
      INFO("U+" << std::hex << cp << " role " << static_cast<int>(role));
      CHECK(FontChain(h.game->fonts(), role, 24).covers(cp));
    }
}

namespace {

// A lesson story whose cards hold the longest texts a writer might give them.
std::string writeClassroomLayoutStory(const TempDir& dir) {
  const std::string folder = dir / "lesson";
  std::string ask = "What does the lane tell you about the people walking along it";
  while (ask.size() < 300) ask += ", and what does it leave out";
  ask += "?";
  writeText(folder + "/story.yaml",
            "format: lostcorner/1\nid: lesson-layout\ntitle: \"A Lesson Laid Out\"\nversion: 1\n"
            "start: one.lane\nchapters: [one.yaml, two.yaml]\n"
            "glossary:\n  carer: \"Someone who looks after donors.\"\n");
  writeText(folder + "/one.yaml",
            "chapter: one\ntitle: One\ncontent_note: \"Mentions of illness, of loss and of a long goodbye, said "
            "plainly and more than once across the chapter.\"\nscenes:\n"
            "  lane:\n    title: The lane\n    text: The carer walks down the lane to the gate.\n"
            "    prompt: {kind: predict, ask: \"" +
                ask +
                "\"}\n"
                "    journal: \"How does she feel, and how do you know?\"\n"
                "    next: two.field\n");
  writeText(folder + "/two.yaml",
            "chapter: two\ntitle: Two\nscenes:\n"
            "  field:\n    title: The field\n    text: A wide field.\n    end: true\n");
  return folder;
}

// From the title, past the chapter card, to the end of the lane's text.
void toLaneEnd(Harness& h) {
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);
  h.wait(600);
  for (int i = 0; i < 6 && h.play() && h.play()->stage() == PlayScreen::Stage::Card; ++i) h.key(SDLK_RETURN);
  for (int i = 0; i < 6 && h.play() && h.play()->stage() == PlayScreen::Stage::Reading; ++i) h.key(SDLK_RETURN);
}

const std::vector<ScreenCase>& classroomScreens() {
  static const std::vector<ScreenCase> all = {
      {"lesson-page", [](Harness& h) { toLaneEnd(h); }},
      {"prompt",
       [](Harness& h) {
         toLaneEnd(h);
         h.key(SDLK_RETURN);
       }},  // the discussion card
      {"journal",
       [](Harness& h) {
         toLaneEnd(h);
         h.key(SDLK_RETURN);
         h.key(SDLK_RETURN);
       }},
      {"content-note",
       [](Harness& h) {
         toLaneEnd(h);
         h.key(SDLK_n);
       }},
      {"glossary",
       [](Harness& h) {
         toLaneEnd(h);
         h.key(SDLK_g);
       }},
      {"gate",
       [](Harness& h) {
         toLaneEnd(h);
         for (int i = 0; i < 8 && h.game->topName() != "gate"; ++i)
           h.key(h.game->topName() == "journal" ? SDLK_ESCAPE : SDLK_RETURN);
       }},
      {"lesson-end",
       [](Harness& h) {
         toLaneEnd(h);
         h.wait(61000);
       }},
  };
  return all;
}

}  // namespace

TEST_CASE("layout guarantee: the classroom cards fit every window, in both projector themes", "[present][layout]") {
  const SDL_Point sizes[] = {{800, 600}, {1280, 720}, {1920, 1080}};
  struct Case {
    const char* settings;
    const char* name;
  };
  const Case looks[] = {
      {"font_size: 36\ntheme: paper\n", "paper-36"},
      {"projector: true\nprojector_theme: dark\n", "projector-dark"},
      {"projector: true\nprojector_theme: light\n", "projector-light"},
      {"projector: true\nprojector_theme: light\ndyslexia_font: true\n", "projector-light-dyslexia"},
  };
  int failures = 0;
  for (const SDL_Point size : sizes)
    for (const Case& look : looks)
      for (const ScreenCase& screen : classroomScreens()) {
        TempDir dir("layout-classroom");
        writeText(dir / "config/settings.yaml", look.settings);
        WindowOptions o = optionsFor(dir, writeClassroomLayoutStory(dir));
        o.classroom = true;
        o.lesson.enabled = true;
        o.lesson.teacherCode = "owl";
        o.lesson.pauseSeconds = 120;
        o.lesson.lessonMinutes = 1;
        Harness h(o, size.x, size.y);
        LayoutLog log;
        h.game->setLayoutLog(&log);
        screen.open(h);
        INFO(screen.name << " at " << size.x << "x" << size.y << " " << look.name);
        CHECK(h.game->topName() == (std::string(screen.name) == "lesson-page" ? "play" : screen.name));
        h.wait(5000);  // notices gone
        h.draw();
        for (const std::string& p : problems(h, log, {size.x, size.y})) {
          ++failures;
          if (failures < 200) CHECK(p == "");
        }
        if (size.x == 1920) h.screenshot(std::string("layout-classroom-") + look.name + "-" + screen.name);
      }
  CHECK(failures == 0);
}
