// Classroom mode in the window: the chapter gate holds until the teacher code is typed
// (SDL_TEXTINPUT events), the discussion card, the reading journal (typed, saved, exported),
// projector mode and the glossary tooltip, driven through injected SDL events.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "present/font_chain.h"
#include "present/layout_log.h"

namespace lc::present::testing {
namespace {

std::string writeLessonStory(const TempDir& dir) {
  const std::string folder = dir / "lesson";
  writeText(folder + "/story.yaml",
            "format: lostcorner/1\nid: lesson\ntitle: \"A Lesson\"\nversion: 1\n"
            "start: one.gate\nchapters: [one.yaml, two.yaml]\n"
            "glossary:\n  carer: \"Someone who looks after donors.\"\n");
  writeText(folder + "/one.yaml",
            "chapter: one\ntitle: One\ncontent_note: \"Mentions of illness.\"\nscenes:\n"
            "  gate:\n    title: The gate\n    text: The carer waits by the gate.\n"
            "    prompt: {kind: predict, ask: \"What will she do?\"}\n"
            "    journal: \"How does Kathy feel?\"\n"
            "    next: two.field\n");
  writeText(folder + "/two.yaml",
            "chapter: two\ntitle: Two\nscenes:\n"
            "  field:\n    title: The field\n    text: A wide field.\n    end: true\n    ending: The field\n");
  return folder;
}

void typeText(Harness& h, const std::string& text) {
  SDL_Event e{};
  e.type = SDL_TEXTINPUT;
  SDL_strlcpy(e.text.text, text.c_str(), sizeof e.text.text);
  SDL_PushEvent(&e);
  h.frame();
}

WindowOptions lessonOptions(const TempDir& dir, const std::string& story) {
  WindowOptions o = optionsFor(dir, story);
  o.classroom = true;
  o.lesson.enabled = true;
  o.lesson.teacherCode = "Owl";
  o.lesson.exportDir = dir / "exports";
  return o;
}

// From the title to the gate scene's discussion card.
void startLesson(Harness& h) {
  h.key(SDLK_RETURN);  // focus New game
  h.key(SDLK_RETURN);  // New game
  for (int i = 0; i < 20 && h.game->topName() == "play"; ++i) h.key(SDLK_RETURN);
}

}  // namespace

TEST_CASE("classroom window: discussion card, journal typed and exported, gate opened by the code") {
  TempDir dir("classroom-window");
  Harness h(lessonOptions(dir, writeLessonStory(dir)));
  startLesson(h);
  REQUIRE(h.game->topName() == "prompt");
  h.draw();
  h.screenshot("classroom-window-prompt");
  h.key(SDLK_RETURN);  // the teacher goes on
  h.frame();
  REQUIRE(h.game->topName() == "journal");
  typeText(h, "She feels ");
  typeText(h, "caf\xC3\xA9 calm");
  h.key(SDLK_BACKSPACE);  // "calm" -> "cal"
  typeText(h, "m.");
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_RETURN;
  e.key.keysym.mod = KMOD_LCTRL;  // Ctrl+Enter saves
  SDL_PushEvent(&e);
  h.frame();
  const auto& journal = h.game->session()->runner().state().journal;
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].answer == "She feels caf\xC3\xA9 calm.");
  CHECK(journal[0].question == "How does Kathy feel?");
  h.draw();
  h.screenshot("classroom-journal");
  h.clickButton(1);  // Export
  bool found = false;
  for (const auto& f : fs::directory_iterator(dir / "exports"))
    if (f.path().extension() == ".md") {
      std::ifstream in(f.path());
      const std::string md((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      found = md.find("She feels caf\xC3\xA9 calm.") != std::string::npos;
    }
  CHECK(found);
  // The student chooses another folder: Tab moves the typing to it, Enter exports there.
  h.key(SDLK_TAB);
  for (int i = 0; i < 300; ++i) h.key(SDLK_BACKSPACE);
  const std::string chosenPath = dir / "chosen";
  for (size_t at = 0; at < chosenPath.size(); at += 20)
    typeText(h, chosenPath.substr(at, 20));  // SDL's event holds 32 bytes
  h.key(SDLK_RETURN);
  bool chosen = false;
  if (fs::exists(dir / "chosen"))
    for (const auto& f : fs::directory_iterator(dir / "chosen")) chosen = chosen || f.path().extension() == ".html";
  CHECK(chosen);
  h.key(SDLK_TAB);  // back to the reflection
  std::string error;
  REQUIRE(h.game->session()->save("1", error));
  std::ifstream save(dir / "saves/1.save");
  const std::string saved((std::istreambuf_iterator<char>(save)), std::istreambuf_iterator<char>());
  CHECK(saved.find("calm.") != std::string::npos);

  h.key(SDLK_ESCAPE);  // close the journal
  REQUIRE(h.game->topName() == "play");
  {  // J opens a free note; SDL's text event for that same key press types nothing
    SDL_Event j{};
    j.type = SDL_KEYDOWN;
    j.key.keysym.sym = SDLK_j;
    SDL_PushEvent(&j);
    SDL_Event t{};
    t.type = SDL_TEXTINPUT;
    SDL_strlcpy(t.text.text, "j", sizeof t.text.text);
    SDL_PushEvent(&t);
    h.frame();
    REQUIRE(h.game->topName() == "journal");
    typeText(h, "jam later.");  // a j typed on purpose is kept
    SDL_Event save{};
    save.type = SDL_KEYDOWN;
    save.key.keysym.sym = SDLK_RETURN;
    save.key.keysym.mod = KMOD_LCTRL;
    SDL_PushEvent(&save);
    h.frame();
    CHECK(h.game->session()->runner().state().journal.back().answer == "jam later.");
    h.key(SDLK_ESCAPE);
    REQUIRE(h.game->topName() == "play");
  }
  h.key(SDLK_RETURN);  // Continue: into chapter two, which is closed
  h.frame();
  REQUIRE(h.game->topName() == "gate");
  typeText(h, "nope");
  h.key(SDLK_RETURN);
  CHECK(h.game->topName() == "gate");  // a wrong code is refused
  h.draw();
  h.screenshot("classroom-gate-refused");
  typeText(h, "oxl");
  h.key(SDLK_LEFT);
  h.key(SDLK_BACKSPACE);  // "oxl" -> "ol"
  typeText(h, "w");       // -> "owl"
  h.key(SDLK_RETURN);
  REQUIRE(h.game->topName() == "play");
  CHECK(h.sceneId() == "two.field");
}

TEST_CASE("classroom window: the discussion and journal cards wait until the reader goes on from the last paragraph",
          "[present][classroom]") {
  TempDir dir("classroom-cards-wait");
  WindowOptions o = lessonOptions(dir, writeLessonStory(dir));
  o.lesson.teacherCode.clear();
  Harness h(o);
  LayoutLog log;
  h.game->setLayoutLog(&log);
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);  // New game
  h.wait(3000);        // the chapter card with its content note waits
  h.key(SDLK_RETURN);
  REQUIRE(h.play());
  h.key(SDLK_RETURN);  // the last (only) paragraph complete at once
  h.wait(5000);
  REQUIRE(h.game->topName() == "play");  // the paragraph stays in view
  h.draw();
  bool paragraph = false;
  for (const Drawn& d : log.items) paragraph |= d.text.find("The carer waits by the gate.") != std::string::npos;
  CHECK(paragraph);
  h.key(SDLK_RETURN);  // the teacher goes on: the card
  CHECK(h.game->topName() == "prompt");
  h.key(SDLK_RETURN);
  h.frame();
  CHECK(h.game->topName() == "journal");  // then the journal, at once (the text was read)
}

TEST_CASE("classroom window: projector mode draws very large text") {
  TempDir dir("classroom-projector");
  WindowOptions o = lessonOptions(dir, writeLessonStory(dir));
  o.lesson.teacherCode.clear();
  o.projector = true;
  Harness h(o);
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);
  h.wait(3000);  // the chapter card (with its content note) waits
  h.key(SDLK_RETURN);
  for (int i = 0; i < 3; ++i) h.key(SDLK_RETURN);  // the text complete
  for (int i = 0; i < 6 && h.game->topName() != "play"; ++i)
    h.key(h.game->topName() == "prompt" ? SDLK_RETURN : SDLK_ESCAPE);
  REQUIRE(h.game->topName() == "play");
  h.draw();
  h.screenshot("classroom-projector");
  // High contrast: black background; the tallest run of ink rows in a text line.
  const SDL_Color bg = h.pixel(2, 2);
  CHECK(bg.r < 20);
  int best = 0, run = 0;
  for (int y = 0; y < 720; ++y) {
    const bool ink = h.inkIn({100, y, 1080, 1}, bg) > 0;
    run = ink ? run + 1 : 0;
    best = std::max(best, run);
  }
  CHECK(best >= 45);  // a 72 px line: glyphs far taller than the 26 px default's
}

TEST_CASE("classroom window: hovering a glossary term shows its explanation") {
  TempDir dir("classroom-glossary");
  WindowOptions o = lessonOptions(dir, writeLessonStory(dir));
  o.lesson.teacherCode.clear();
  Harness h(o);
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);
  h.wait(3000);
  h.key(SDLK_RETURN);
  h.key(SDLK_RETURN);
  for (int i = 0; i < 6 && h.game->topName() != "play"; ++i)
    h.key(h.game->topName() == "prompt" ? SDLK_RETURN : SDLK_ESCAPE);
  h.draw();
  auto* play = h.play();
  REQUIRE(play);
  // Find the underlined word: move the pointer along the first text line until a box shows.
  const SDL_Color bg = h.pixel(2, 2);
  const int before = h.inkIn({0, 0, 1280, 720}, bg);
  bool shown = false;
  for (int x = 100; x < 1180 && !shown; x += 8)
    for (int y = 80; y < 200 && !shown; y += 8) {
      h.motion(x, y);
      h.draw();
      shown = h.inkIn({0, 0, 1280, 720}, bg) > before + 2000;
    }
  h.screenshot("classroom-glossary-hover");
  CHECK(shown);
}

TEST_CASE("classroom window: a journal line in Arabic and one in Chinese are drawn, right to left and without boxes",
          "[present][classroom][scripts]") {
  TempDir dir("classroom-scripts");
  Harness h(lessonOptions(dir, writeLessonStory(dir)));
  lc::present::LayoutLog log;
  h.game->setLayoutLog(&log);
  startLesson(h);
  h.key(SDLK_RETURN);  // past the discussion card
  h.frame();
  REQUIRE(h.game->topName() == "journal");
  const std::string arabic = "\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 \xD8\xB9\xD9\x84\xD9\x8A\xD9\x83\xD9\x85";  // two words
  const std::string chinese = "\xE4\xBD\xA0\xE5\xA5\xBD\xEF\xBC\x8C\xE4\xB8\x96\xE7\x95\x8C";  // five characters
  typeText(h, arabic);
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_RETURN;  // a new line in the reflection
  SDL_PushEvent(&e);
  h.frame();
  typeText(h, chinese);
  h.draw();
  h.screenshot("classroom-journal-arabic-chinese");
  bool arabicDrawn = false, chineseDrawn = false;
  for (const lc::present::Drawn& d : log.items) {
    if (d.kind != lc::present::Drawn::Kind::Text) continue;
    arabicDrawn |= d.text.find(arabic) != std::string::npos;
    chineseDrawn |= d.text.find(chinese) != std::string::npos;
    if (d.text.find(arabic) == std::string::npos && d.text.find(chinese) == std::string::npos) continue;
    const lc::present::FontChain chain(h.game->fonts(), d.role, d.pixels);
    for (size_t i = 0; i < d.text.size();) {
      const uint32_t cp = lc::present::decodeUtf8(d.text, i);
      INFO("U+" << std::hex << cp << " in " << d.text);
      CHECK(chain.covers(cp));
    }
  }
  CHECK(arabicDrawn);
  CHECK(chineseDrawn);

  // Right to left: the first word of the Arabic line is its rightmost ink.
  const lc::present::FontChain chain(h.game->fonts(), lc::present::FontRole::Ui, 32);
  SDL_Surface* whole = chain.render(arabic, {0, 0, 0, 255});
  SDL_Surface* first = chain.render(arabic.substr(0, arabic.find(' ')), {0, 0, 0, 255});
  REQUIRE(whole);
  REQUIRE(first);
  auto inkColumns = [](SDL_Surface* s, int from, int to) {
    std::vector<int> cols;
    for (int x = from; x < to; ++x) {
      int n = 0;
      for (int y = 0; y < s->h; ++y) n += (static_cast<Uint32*>(s->pixels)[y * s->pitch / 4 + x] >> 24) > 128;
      cols.push_back(n);
    }
    return cols;
  };
  const std::vector<int> word = inkColumns(first, 0, first->w);
  const std::vector<int> right = inkColumns(whole, whole->w - first->w, whole->w);
  const std::vector<int> left = inkColumns(whole, 0, first->w);
  int rightDiff = 0, leftDiff = 0;
  for (size_t x = 0; x < word.size(); ++x) {
    rightDiff += std::abs(word[x] - right[x]);
    leftDiff += std::abs(word[x] - left[x]);
  }
  CHECK(rightDiff < leftDiff);
  SDL_FreeSurface(whole);
  SDL_FreeSurface(first);
}

TEST_CASE(
    "classroom window: a plan's exam: true asks chapter one's exam question before chapter two, in its level's "
    "version") {
  TempDir dir("classroom-exam");
  const std::string story = writeLessonStory(dir);
  writeText(story + "/one.yaml",
            "chapter: one\ntitle: One\nexam:\n  - {ask: \"How is the gate presented?\", ao: [AO2], support: \"What is "
            "the gate like?\"}\n"
            "scenes:\n  gate:\n    title: The gate\n    text: The carer waits by the gate.\n    next: two.field\n");
  WindowOptions o = lessonOptions(dir, story);
  o.lesson.teacherCode.clear();  // every chapter open
  o.lesson.exam = true;
  o.lesson.level = AskLevel::Support;
  Harness h(o);
  lc::present::LayoutLog log;
  h.game->setLayoutLog(&log);
  startLesson(h);  // reads the gate, Continue: on into chapter two
  for (int i = 0; i < 10 && h.game->topName() != "journal"; ++i) h.key(SDLK_RETURN);
  REQUIRE(h.game->topName() == "journal");
  h.draw();
  h.screenshot("classroom-exam");
  std::string drawn;
  for (const Drawn& d : log.items) drawn += d.text + " ";
  INFO(drawn);
  CHECK(
      drawn.find(
          "Exam question for the end of \u201COne\u201D (AO2; answer from the novel itself): What is the gate like?") !=
      std::string::npos);
  typeText(h, "Shut.");
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = SDLK_RETURN;
  e.key.keysym.mod = KMOD_LCTRL;
  SDL_PushEvent(&e);
  h.frame();
  const auto& journal = h.game->session()->runner().state().journal;
  REQUIRE(journal.size() == 1);
  CHECK(journal[0].question == "What is the gate like?");
  CHECK(journal[0].scene == h.game->session()->story().findScene("one.gate"));
  h.key(SDLK_ESCAPE);
  CHECK(h.game->topName() == "play");
}

}  // namespace lc::present::testing
