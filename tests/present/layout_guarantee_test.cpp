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
      {"card", [](Harness& h) { h.key(SDLK_1); h.wait(600); }},
      {"reveal", [](Harness& h) { newGame(h); h.wait(300); }},
      {"choices", [](Harness& h) { h.key(SDLK_1); h.readToChoices(); }},
      {"menu", [](Harness& h) { h.key(SDLK_1); h.readToChoices(); h.key(SDLK_ESCAPE); }},
      {"save", [](Harness& h) { h.key(SDLK_1); h.readToChoices(); h.key(SDLK_ESCAPE); h.key(SDLK_2); }},
      {"load", [](Harness& h) { h.key(SDLK_3); }},
      {"settings", [](Harness& h) { h.key(SDLK_4); }},
      {"history", [](Harness& h) { h.key(SDLK_1); h.readToChoices(); h.key(SDLK_PAGEUP); }},
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
  return std::to_string(size.x) + "x" + std::to_string(size.y) + " text " + std::to_string(l.fontSize) +
         " theme " + themeLabel(l.theme) + (l.dyslexia ? " dyslexia" : "") + (l.projector ? " projector" : "");
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
      if (SDL_HasIntersection(&x.rect, &y.rect))
        out.push_back("overlap: \"" + x.text + "\" and \"" + y.text + "\"");
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
                      std::string(look.theme == ThemeId::Paper ? "paper" : look.theme == ThemeId::Dark ? "dark" : "high-contrast") +
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
          h.screenshot(std::string(look.theme == ThemeId::ProjectorLight ? "layout-projector-light-" : "layout-projector-") +
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
