// The Game driven through injected SDL events, as a player would: start, read, choose,
// open the menu, save, quit; and play -> save -> quit -> start -> load -> go on.
#include <catch2/catch.hpp>

#include "fixtures.h"

using namespace lc::present;
using namespace lc::present::testing;

TEST_CASE("a game is started, read, chosen, saved and quit with the keyboard", "[present][flow]") {
  TempDir dir("flow-keys");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  REQUIRE(h.game->ok());
  REQUIRE(h.game->topName() == "title");

  h.key(SDLK_DOWN);  // focus "New game"
  h.key(SDLK_RETURN);
  REQUIRE(h.game->topName() == "play");
  CHECK(h.play()->stage() == PlayScreen::Stage::Card);  // chapter one's title card
  CHECK(h.sceneId() == "one.start");

  h.key(SDLK_RETURN);  // dismiss the card
  CHECK(h.play()->stage() == PlayScreen::Stage::Reading);
  CHECK(h.play()->revealing());
  h.key(SDLK_RETURN);  // completes the first paragraph
  CHECK_FALSE(h.play()->revealing());
  CHECK(h.play()->stage() == PlayScreen::Stage::Reading);
  h.key(SDLK_SPACE);   // on to the second paragraph, which starts revealing
  CHECK(h.play()->revealing());
  h.key(SDLK_SPACE);   // completes it: the choices appear
  REQUIRE(h.play()->stage() == PlayScreen::Stage::Choosing);
  REQUIRE(h.buttons()->buttons.size() == 2);
  CHECK(h.buttons()->buttons[0].label == "Walk down to the pond");

  h.key(SDLK_1);  // the first choice
  CHECK(h.sceneId() == "one.pond");
  REQUIRE(h.readToChoices());
  CHECK(h.play()->paragraphs().at(0) == "The pond was still. Brave is 1.");
  CHECK(h.game->session()->unsaved());

  h.key(SDLK_ESCAPE);
  REQUIRE(h.game->topName() == "menu");
  h.key(SDLK_2);  // Save
  REQUIRE(h.game->topName() == "save");
  h.key(SDLK_3);  // the third entry: Slot 1 (after quick save and autosave)
  CHECK(h.game->notices().log().back() == "Saved: Slot 1.");
  CHECK(fs::exists(dir / "saves/1.save"));
  CHECK(fs::exists(dir / "saves/auto.save"));  // written on entering each scene
  CHECK_FALSE(h.game->session()->unsaved());
  h.key(SDLK_ESCAPE);
  h.key(SDLK_ESCAPE);
  CHECK(h.game->topName() == "play");

  h.quitEvent();
  CHECK_FALSE(h.frame());  // saved: quits without asking
}

TEST_CASE("the mouse plays too: hover, click a choice, right click for the menu", "[present][flow]") {
  TempDir dir("flow-mouse");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.clickButton(0);  // New game
  REQUIRE(h.game->topName() == "play");
  for (int i = 0; i < 8 && h.play()->stage() != PlayScreen::Stage::Choosing; ++i) h.click(640, 300);
  REQUIRE(h.play()->stage() == PlayScreen::Stage::Choosing);
  const SDL_Rect r = h.buttons()->buttons[1].rect;
  h.motion(r.x + 5, r.y + 5);
  CHECK(h.buttons()->hover == 1);
  h.clickButton(1);  // Stay by the gate
  CHECK(h.sceneId() == "one.stay");
  h.click(10, 10, SDL_BUTTON_RIGHT);
  CHECK(h.game->topName() == "menu");
}

TEST_CASE("quitting with unsaved progress asks first", "[present][flow]") {
  TempDir dir("flow-quit");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);  // New game
  REQUIRE(h.readToChoices());
  h.key(SDLK_2);  // Stay by the gate: progress not saved
  h.quitEvent();
  CHECK(h.frame());
  REQUIRE(h.game->topName() == "confirm");
  h.key(SDLK_ESCAPE);  // "Keep playing"
  CHECK(h.game->topName() == "play");
  h.quitEvent();
  h.frame();
  h.key(SDLK_1);  // "Quit"
  CHECK_FALSE(h.frame());
}

TEST_CASE("saving over a slot asks first", "[present][flow]") {
  TempDir dir("flow-overwrite");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_F5);
  CHECK(h.game->notices().log().back() == "Quick saved (F9 loads it).");
  h.key(SDLK_ESCAPE);
  h.key(SDLK_2);
  h.key(SDLK_1);  // Quick save exists: confirm
  REQUIRE(h.game->topName() == "confirm");
  h.key(SDLK_RETURN);  // the focused answer is the safe one: do not save over it
  CHECK(h.game->topName() == "save");
  h.key(SDLK_1);
  h.key(SDLK_1);  // "Save over it"
  CHECK(h.game->topName() == "save");
  CHECK(h.game->notices().log().back() == "Saved: Quick save.");
}

TEST_CASE("rollback undoes the last choice; the backlog shows what was read", "[present][flow]") {
  TempDir dir("flow-back");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_1);
  REQUIRE(h.sceneId() == "one.pond");
  h.key(SDLK_BACKSPACE);
  CHECK(h.sceneId() == "one.start");
  CHECK(h.play()->stage() == PlayScreen::Stage::Choosing);  // shown again whole
  CHECK(h.game->session()->runner().state().vars[0].number == 0);
  h.key(SDLK_2);
  CHECK(h.sceneId() == "one.stay");
  h.key(SDLK_PAGEUP);
  REQUIRE(h.game->topName() == "history");
  h.key(SDLK_ESCAPE);
  h.wheel(+1);  // wheel up at the top of a short scene opens the backlog too
  CHECK(h.game->topName() == "history");
}

TEST_CASE("skip passes read scenes and stops at new text; auto moves on by itself", "[present][flow]") {
  TempDir dir("flow-skip");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_RETURN);  // Continue to the ending (new: the chapter two card)
  REQUIRE(h.sceneId() == "two.end");
  // Back to the first scene: it and the pond are read now.
  h.key(SDLK_BACKSPACE);
  h.key(SDLK_BACKSPACE);
  REQUIRE(h.sceneId() == "one.start");
  h.key(SDLK_1);       // the pond, read before
  h.key(SDLK_TAB);     // skip on
  h.wait(1500);
  // Skip went through the pond's text and its `next`, then stopped at the unread ending?
  // The ending was read too, so it stops only at the end of the playthrough.
  CHECK(h.sceneId() == "two.end");
  CHECK(h.play()->stage() == PlayScreen::Stage::Ended);

  TempDir dir2("flow-auto");
  Harness a(optionsFor(dir2, writeTestStory(dir2)));
  a.key(SDLK_1);
  a.key(SDLK_a);  // auto: the card, paragraphs and pauses go by with time alone
  a.wait(20000);
  CHECK(a.play()->stage() == PlayScreen::Stage::Choosing);  // auto never takes a real choice
  a.key(SDLK_1);
  a.wait(20000);
  CHECK(a.sceneId() == "two.end");  // but it goes on through a single Continue
}

TEST_CASE("play, save, quit, start again, load: same scene, music and history", "[present][flow]") {
  TempDir dir("flow-roundtrip");
  const std::string story = writeTestStory(dir);
  std::vector<lc::HistoryEntry> history;
  {
    Harness h(optionsFor(dir, story));
    h.key(SDLK_1);
    REQUIRE(h.readToChoices());
    h.key(SDLK_1);
    REQUIRE(h.readToChoices());
    CHECK(h.game->audio().musicCue() == "high");
    h.key(SDLK_ESCAPE);
    h.key(SDLK_2);
    h.key(SDLK_4);  // Slot 2
    REQUIRE(fs::exists(dir / "saves/2.save"));
    history = h.game->session()->runner().state().history;
    h.key(SDLK_ESCAPE);
    h.key(SDLK_ESCAPE);
    h.quitEvent();
    REQUIRE_FALSE(h.frame());
  }
  Harness h(optionsFor(dir, story));
  REQUIRE(h.game->topName() == "title");
  CHECK(h.game->audio().musicCue().empty());
  REQUIRE(h.buttons()->buttons.at(1).enabled);  // Continue: the newest save
  CHECK_THAT(h.buttons()->buttons[1].detail, Catch::Contains("The pond"));
  h.draw();
  h.screenshot("title-continue");
  h.key(SDLK_3);  // Load
  REQUIRE(h.game->topName() == "load");
  h.key(SDLK_4);  // Slot 2
  REQUIRE(h.game->topName() == "play");
  CHECK(h.sceneId() == "one.pond");
  CHECK(h.play()->stage() == PlayScreen::Stage::Choosing);
  CHECK(h.play()->paragraphs().at(0) == "The pond was still. Brave is 1.");
  CHECK(h.game->audio().musicCue() == "high");  // music restored from the save
  const auto& loaded = h.game->session()->runner().state().history;
  REQUIRE(loaded.size() == history.size());
  for (size_t i = 0; i < loaded.size(); ++i) {
    CHECK(loaded[i].scene == history[i].scene);
    CHECK(loaded[i].choice == history[i].choice);
  }
  CHECK(h.game->session()->shownAt(0).size() == 2);  // the backlog has the first scene's text
  h.key(SDLK_RETURN);  // continue: the story goes on from there
  CHECK(h.sceneId() == "two.end");
}

TEST_CASE("a story with errors opens on a readable error screen", "[present][flow][errors]") {
  TempDir dir("flow-errors");
  const std::string folder = dir / "bad";
  writeText(folder + "/story.yaml",
            "format: lostcorner/1\nid: bad\ntitle: Bad\nstart: one.a\nchapters: [one.yaml]\n");
  writeText(folder + "/one.yaml",
            "chapter: one\nscenes:\n  a:\n    text: Hello {nobody}.\n    next: nowhere\n");
  Harness h(optionsFor(dir, folder));
  REQUIRE(h.game->ok());
  REQUIRE(h.game->topName() == "error");
  CHECK(h.game->exitCode() == 1);
  h.draw();
  h.screenshot("error-screen");
  CHECK(h.inkIn({40, 80, 1200, 200}, themeFor(ThemeId::Paper).background) > 500);
  // Fixed: "Try again" opens the title.
  writeText(folder + "/one.yaml", "chapter: one\nscenes:\n  a:\n    text: Hello.\n    end: true\n");
  h.key(SDLK_RETURN);
  CHECK(h.game->topName() == "title");
  CHECK(h.game->exitCode() == 0);
}

TEST_CASE("a missing story folder is an error screen too, never a crash", "[present][flow][errors]") {
  TempDir dir("flow-missing");
  Harness h(optionsFor(dir, dir / "no-such-story"));
  REQUIRE(h.game->ok());
  CHECK(h.game->topName() == "error");
  h.key(SDLK_ESCAPE);
  CHECK_FALSE(h.frame());
}

TEST_CASE("a corrupt settings file: defaults and a notice, the game goes on", "[present][flow][settings]") {
  TempDir dir("flow-settings");
  writeText(dir / "config/settings.yaml", "theme: [dark\n");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  REQUIRE(h.game->topName() == "title");
  CHECK(h.game->settings() == Settings{});
  REQUIRE_FALSE(h.game->notices().log().empty());
  CHECK_THAT(h.game->notices().log().front(), Catch::Contains("settings.yaml could not be read"));
}

TEST_CASE("the settings screen changes and keeps settings", "[present][flow][settings]") {
  TempDir dir("flow-settings-screen");
  const std::string story = writeTestStory(dir);
  {
    Harness h(optionsFor(dir, story));
    h.key(SDLK_4);  // Settings
    REQUIRE(h.game->topName() == "settings");
    h.key(SDLK_3);  // Theme: Paper -> Dark
    CHECK(h.game->settings().theme == ThemeId::Dark);
    h.key(SDLK_DOWN);
    h.key(SDLK_RIGHT);  // Text speed: Normal -> Fast
    CHECK(h.game->settings().textSpeed == TextSpeed::Fast);
    h.key(SDLK_ESCAPE);
    CHECK(h.game->topName() == "title");
  }
  Harness h(optionsFor(dir, story));
  CHECK(h.game->settings().theme == ThemeId::Dark);
  CHECK(h.game->settings().textSpeed == TextSpeed::Fast);
}

TEST_CASE("quick load: a notice when there is none, a question over unsaved progress", "[present][flow]") {
  TempDir dir("flow-quickload");
  Harness h(optionsFor(dir, writeTestStory(dir)));
  h.key(SDLK_F9);
  CHECK(h.game->notices().log().back() == "There is no quick save yet (F5 makes one).");
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_F5);
  h.key(SDLK_1);  // progress after the quick save
  REQUIRE(h.sceneId() == "one.pond");
  h.key(SDLK_F9);
  REQUIRE(h.game->topName() == "confirm");
  h.key(SDLK_1);  // Load
  CHECK(h.sceneId() == "one.start");
  CHECK(h.game->topName() == "play");
}

TEST_CASE("saves that cannot be written: said once, and play goes on", "[present][flow]") {
  TempDir dir("flow-unwritable");
  writeText(dir / "not-a-folder", "a file where the save folder should be");
  WindowOptions o = optionsFor(dir, writeTestStory(dir));
  o.saveDir = dir / "not-a-folder/saves";
  Harness h(o);
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_1);
  REQUIRE(h.readToChoices());
  h.key(SDLK_RETURN);
  CHECK(h.sceneId() == "two.end");
  int autosaveNotices = 0;
  for (const auto& n : h.game->notices().log()) autosaveNotices += n.rfind("Autosave failed", 0) == 0;
  CHECK(autosaveNotices == 1);
  h.key(SDLK_F5);
  CHECK_THAT(h.game->notices().log().back(), Catch::StartsWith("Could not save: "));
}
