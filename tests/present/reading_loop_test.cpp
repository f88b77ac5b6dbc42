// The reading loop's named failures (issue 9), each as a player meets it: a page that
// finishes revealing while nobody touches anything, the backlog mid-scene, chapter cards
// and content notes, the "more" mark and scroll hints, notices over the choices, the
// volume sliders, and a SIGTERM.
#include <catch2/catch.hpp>

#include <csignal>

#include "fixtures.h"
#include "present/layout_log.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {

// A scene far longer than an 800x600 page, for scrolling.
std::string writeLongStory(const TempDir& dir) {
  const std::string folder = dir / "long";
  std::string text;
  for (int i = 1; i <= 6; ++i) {
    text += "      Paragraph " + std::to_string(i) + " begins here and goes on";
    for (int w = 0; w < 12; ++w) text += " with more words to fill the line";
    text += ".\n\n";
  }
  writeText(folder + "/story.yaml",
            "format: lostcorner/1\nid: long\ntitle: Long\nstart: one.a\nchapters: [one.yaml]\n");
  writeText(folder + "/one.yaml", "chapter: one\ntitle: One\nscenes:\n  a:\n    title: A long page\n    text: |\n" +
                                      text + "    choices:\n      - text: On\n        goto: b\n      - text: "
                                             "Off\n        goto: b\n  b:\n    text: The end.\n    end: true\n");
  return folder;
}

std::vector<Drawn> drawnTexts(const LayoutLog& log, const std::string& text) {
  std::vector<Drawn> out;
  for (const Drawn& d : log.items)
    if (d.kind == Drawn::Kind::Text && d.text == text) out.push_back(d);
  return out;
}

bool overlap(const SDL_Rect& a, const SDL_Rect& b) { return SDL_HasIntersection(&a, &b) == SDL_TRUE; }

}  // namespace

TEST_CASE("the frame in which a reveal completes by itself is drawn", "[present][reading]") {
  TempDir dir("reading-reveal");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  h.key(SDLK_RETURN);  // past the chapter card
  REQUIRE(h.play()->revealing());
  int completions = 0, drawnCompletions = 0;
  for (int i = 0; i < 2000 && h.play()->stage() != PlayScreen::Stage::Choosing; ++i) {
    const bool wasRevealing = h.play()->revealing();
    h.frame();
    if (wasRevealing && !h.play()->revealing()) {
      ++completions;
      drawnCompletions += h.game->drewLastFrame();
    }
    if (!h.play()->revealing() && h.play()->stage() == PlayScreen::Stage::Reading) h.key(SDLK_RETURN);
  }
  REQUIRE(h.play()->stage() == PlayScreen::Stage::Choosing);
  CHECK(completions == 2);  // each paragraph finished with nobody touching anything
  CHECK(drawnCompletions == completions);
}

TEST_CASE("the backlog lists only what was read", "[present][reading]") {
  TempDir dir("reading-backlog");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  h.key(SDLK_RETURN);  // card
  struct Case {
    int enters;     // Enter presses after the card
    size_t listed;  // paragraphs the backlog lists for the current scene
  };
  for (const Case c : {Case{0, 1}, Case{1, 1}, Case{2, 2}}) {
    for (int i = 0; i < c.enters; ++i) h.key(SDLK_RETURN);
    INFO("after " << c.enters << " more Enter presses");
    h.key(SDLK_PAGEUP);
    REQUIRE(h.game->topName() == "history");
    CHECK(h.game->session()->shownAt(0).size() == c.listed);
    h.key(SDLK_ESCAPE);
  }
}

TEST_CASE("chapter cards and content notes are seen, however long the title screen waited", "[present][reading]") {
  struct Case {
    bool notes;
    double waitMs;                // on the card, after New game
    PlayScreen::Stage stage;      // where the player is then
    bool inkOnCard;               // the card (or the page) is not blank
  };
  const Case cases[] = {
      {false, 600, PlayScreen::Stage::Card, true},     // the first chapter's card appears
      {false, 3500, PlayScreen::Stage::Reading, true}, // and goes by itself
      {true, 600, PlayScreen::Stage::Card, true},
      {true, 6000, PlayScreen::Stage::Card, true},     // the note waits, still visible
  };
  for (const Case& c : cases) {
    TempDir dir("reading-card");
    Harness h(optionsFor(dir, writeTestStory(dir)));
    h.game->settings().contentNotes = c.notes;
    h.wait(5000);  // a reader looks at the title screen first
    h.key(SDLK_1);
    h.wait(c.waitMs);
    INFO("notes " << c.notes << ", " << c.waitMs << " ms after New game");
    CHECK(h.play()->stage() == c.stage);
    h.draw();
    const SDL_Color bg = h.pixel(2, 2);
    CHECK((h.inkIn({0, 0, 1280, 720}, bg) > 400) == c.inkOnCard);
    if (c.notes && c.waitMs > 5000) h.screenshot("reading-content-note-card");
  }
}

TEST_CASE("the more mark stays on the page and scrolled pages say there is more", "[present][reading]") {
  TempDir dir("reading-more");
  LayoutLog log;
  Harness h(optionsFor(dir, writeLongStory(dir)), 800, 600);
  h.game->setLayoutLog(&log);
  h.key(SDLK_1);
  h.key(SDLK_RETURN);  // card
  for (int i = 0; i < 9; ++i) {  // through the paragraphs, each completed then waiting
    h.key(SDLK_RETURN);
    if (h.play()->stage() != PlayScreen::Stage::Reading) break;
    h.draw();
    INFO("paragraph " << i / 2 + 1);
    const std::vector<Drawn> marks = drawnTexts(log, "\u25BC");
    REQUIRE(marks.size() == 1);
    const SDL_Rect view = h.play()->view();
    CHECK(marks[0].rect.y + marks[0].rect.h <= view.y + view.h);
    h.key(SDLK_RETURN);
  }
  REQUIRE(h.readToChoices());
  h.wheel(+1);  // scroll back a little: lines cut by the view's edges are not drawn
  h.draw();
  h.screenshot("reading-scrolled-800x600");
  CHECK(h.play()->moreAbove());
  CHECK(h.play()->moreBelow());
  CHECK(drawnTexts(log, "\u25B2 more above").size() == 1);
  CHECK(drawnTexts(log, "\u25BC more below").size() == 1);
  const SDL_Rect view = h.play()->view();
  for (const Drawn& d : log.items)
    if (d.kind == Drawn::Kind::Text && d.role == FontRole::Body) {
      INFO(d.text);
      CHECK(d.rect.y >= view.y);
      CHECK(d.rect.y + d.rect.h <= view.y + view.h);
    }
}

TEST_CASE("notices never cover the choices or the key hints", "[present][reading]") {
  for (const SDL_Point size : {SDL_Point{800, 600}, SDL_Point{1280, 720}}) {
    TempDir dir("reading-notices");
    LayoutLog log;
    Harness h(optionsFor(dir, writeTestStory(dir)), size.x, size.y);
    h.game->setLayoutLog(&log);
    h.key(SDLK_1);
    REQUIRE(h.readToChoices());
    h.key(SDLK_F5);  // "Quick saved"
    h.key(SDLK_F9);  // "Loaded: Quick save."
    REQUIRE(h.readToChoices());
    h.draw();
    INFO(size.x << "x" << size.y);
    h.screenshot("reading-notices-" + std::to_string(size.x));
    int notices = 0;
    for (const Drawn& n : log.items) {
      if (n.kind != Drawn::Kind::Notice) continue;
      ++notices;
      for (const Drawn& d : log.items) {
        const bool covered = d.kind == Drawn::Kind::Button ||
                             (d.kind == Drawn::Kind::Text && d.text.find("Esc menu") == 0);
        INFO(n.text << " over " << d.text);
        if (covered) CHECK_FALSE(overlap(n.rect, d.rect));
      }
    }
    CHECK(notices >= 1);
  }
}

TEST_CASE("a click on a volume row sets the volume where it lands", "[present][reading]") {
  struct Case {
    double at;  // where along the row, 0 = left edge
    int volume;
  };
  for (const Case c : {Case{0.02, 0}, Case{0.5, 50}, Case{0.98, 100}, Case{0.31, 30}}) {
    TempDir dir("reading-volume");
    Harness h(optionsFor(dir, writeTestStory(dir)));
    h.key(SDLK_4);  // Settings, from the title screen
    REQUIRE(h.game->topName() == "settings");
    h.draw();
    const ButtonList* list = h.buttons();
    size_t row = 0;
    while (row < list->buttons.size() && list->buttons[row].label.rfind("Volume:", 0) != 0) ++row;
    REQUIRE(row < list->buttons.size());
    const SDL_Rect r = list->buttons[row].rect;
    h.click(r.x + static_cast<int>(r.w * c.at), r.y + r.h / 2);
    INFO("clicked at " << c.at << " of the row");
    CHECK(h.game->settings().masterVolume == c.volume);
  }
}

TEST_CASE("SIGTERM ends the game without a dialog, keeping the place", "[present][reading]") {
  TempDir dir("reading-sigterm");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_2);  // unsaved progress: a quit would ask
  REQUIRE(h.game->session()->unsaved());
  fs::remove(dir / "saves/auto.save");
  std::raise(SIGTERM);
  CHECK_FALSE(h.frame());
  CHECK(h.game->topName() != "confirm");
  CHECK(fs::exists(dir / "saves/auto.save"));
}

TEST_CASE("F9 resumes where the quick save was made, mid-scene, with rollback", "[present][reading]") {
  TempDir dir("reading-resume");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  h.key(SDLK_RETURN);  // the chapter card
  struct Case {
    const char* what;
    int enters;  // Enter presses before the quick save (from the scene's first paragraph)
    PlayScreen::Stage stage;
    size_t shown;  // paragraphsShown(): those complete before the one on hold, while reading
    bool revealing;
  };
  const Case cases[] = {
      {"first paragraph complete", 1, PlayScreen::Stage::Reading, 0, false},
      {"choices showing", 3, PlayScreen::Stage::Choosing, 2, false},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    h.game->loadSlot("auto");  // the scene's start (the autosave made on entering it)
    REQUIRE(h.play());
    CHECK(h.play()->stage() == PlayScreen::Stage::Reading);
    CHECK(h.play()->paragraphsShown() == 0);
    CHECK(h.play()->revealing());
    for (int i = 0; i < c.enters; ++i) h.key(SDLK_RETURN);
    h.key(SDLK_F5);
    h.key(SDLK_RETURN);  // read on, then come back
    h.key(SDLK_F9);
    REQUIRE(h.play());
    CHECK(h.play()->stage() == c.stage);
    CHECK(h.play()->paragraphsShown() == c.shown);
    CHECK(h.play()->revealing() == c.revealing);
  }
  // A choice, a quick save and a load: Backspace still goes back to the gate.
  h.key(SDLK_1);  // Walk down to the pond
  REQUIRE(h.sceneId() == "one.pond");
  h.key(SDLK_F5);
  h.key(SDLK_F9);
  REQUIRE(h.sceneId() == "one.pond");
  h.key(SDLK_BACKSPACE);
  CHECK(h.sceneId() == "one.start");
  CHECK(h.game->session()->runner().state().vars[0].number == 0);
}
