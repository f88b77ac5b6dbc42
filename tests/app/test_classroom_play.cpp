// Classroom mode driven as a class would drive it: lines piped into `lostcorner play`.
#include <catch2/catch.hpp>

#include "support/classroom.h"
#include "support/run.h"
#include "support/temp_story.h"

using lc::test::contains;
using lc::test::runLostCorner;

namespace {

// Position of `part` in `text` (npos fails the test with the text shown).
size_t at(const std::string& text, const std::string& part) {
  size_t p = text.find(part);
  INFO(text);
  INFO("looking for: " << part);
  REQUIRE(p != std::string::npos);
  return p;
}

const char* kLesson =
    "\n"                                     // Enter: the discussion is over
    "Kathy feels left out — as usual.\n"     // the journal question's answer, in UTF-8,
    "\n"                                     // over two paragraphs
    "She hides it, café or not.\n"
    ".\n"
    "1\n"                                    // Walk to the pond
    "\n"                                     // Continue: chapter two is closed
    "1\n"
    "open PINE\n"
    "open oak\n"
    "journal\n"
    "A last thought.\n"
    ".\n"
    "name Ann Lee\n";

}  // namespace

SCENARIO("a classroom play-through over the protocol produces a journal export") {
  lc::test::TempStory story(lc::test::kLessonStory);
  lc::test::TempDir saves, exports;
  auto r = runLostCorner("play " + story.path() + " --jsonl --teacher-code OAK --save-dir " + saves.path(),
                         std::string(kLesson) + "export " + exports.path() + "\nquit\n");
  const std::string& out = r.out;
  REQUIRE(r.status == 0);

  THEN("the lesson shows notes, glossary terms, the pause and the journal question in order") {
    size_t note = at(out, "{\"event\":\"content_note\",\"chapter\":\"one\",\"chapter_title\":\"One\",\"note\":\"Mentions of illness.\"}\n");
    size_t scene = at(out, "{\"event\":\"scene\",\"id\":\"one.gate\"");
    CHECK(note < scene);
    at(out, "{\"event\":\"paragraph\",\"text\":\"The carer waits. Two carers talk about the Sales.\",\"glossary\":["
            "{\"term\":\"carer\",\"explanation\":\"Someone who looks after donors.\"},"
            "{\"term\":\"the Sales\",\"explanation\":\"Monthly deliveries of goods.\"}]}\n");
    at(out, "{\"event\":\"prompt\",\"kind\":\"predict\",\"ask\":\"What will she do?\"}\n"
            "{\"event\":\"pause\",\"kind\":\"predict\",\"ask\":\"What will she do?\",\"seconds\":0}\n"
            "{\"event\":\"journal\",\"ask\":\"How does Kathy feel?\"}\n"
            "{\"event\":\"write_journal\",\"ask\":\"How does Kathy feel?\",\"free_note\":false,\"finish\":\".\"}\n"
            "{\"event\":\"journal_saved\",\"chars\":60}\n"
            "{\"event\":\"choices\",\"choices\":[{\"number\":1,\"text\":\"Walk to the pond\"},{\"number\":2,\"text\":\"Go straight on\"}]}\n");
  }
  THEN("the chapter gate holds until the teacher's code opens it") {
    size_t gate = at(out, "{\"event\":\"chapter_gate\",\"chapter\":\"two\",\"chapter_title\":\"Two\"}\n");
    size_t held = at(out, "{\"event\":\"error\",\"message\":\"the class is waiting for the next chapter to open (the teacher types: open CODE)\"}\n");
    size_t refused = at(out, "{\"event\":\"error\",\"message\":\"that is not the teacher's code: the chapter stays closed\"}\n");
    size_t opened = at(out, "{\"event\":\"chapter_opened\",\"chapter\":\"two\",\"chapter_title\":\"Two\"}\n"
                            "{\"event\":\"content_note\",\"chapter\":\"two\",\"chapter_title\":\"Two\",\"note\":\"Grief.\"}\n"
                            "{\"event\":\"scene\",\"id\":\"two.field\"");
    CHECK(gate < held);
    CHECK(held < refused);
    CHECK(refused < opened);
    CHECK(out.find("\"id\":\"two.field\"") > opened);  // not entered before it was opened
  }
  THEN("the export holds the route, the choices and the reflections") {
    auto md = lc::test::filesEndingWith(exports.path(), ".md");
    auto json = lc::test::filesEndingWith(exports.path(), ".json");
    REQUIRE(md.size() == 1);
    REQUIRE(json.size() == 1);
    CHECK(md[0].find("/lesson-journal-") != std::string::npos);
    std::string journal = lc::test::readText(md[0]);
    at(journal, "# Reading journal: A Lesson\n\n- Student: Ann Lee\n- Story: lesson, version 3\n");
    at(journal, "## Route\n\n### 1. One\n\n"
                "1. **The gate** — you chose: “Walk to the pond”\n"
                "   - Discussion (predict): What will she do?\n"
                "   - Reflection on *How does Kathy feel?*:\n"
                "     > Kathy feels left out — as usual.\n"
                "     >\n"
                "     > She hides it, café or not.\n"
                "2. **The pond**\n\n"
                "### 2. Two\n\n"
                "1. **The field** — ending: “The field”\n"
                "   - Note:\n"
                "     > A last thought.\n\n"
                "## Endings reached\n\n- The field\n\n"
                "## Time spent\n\n| Chapter | Time |\n|---|---|\n| One | under a minute |\n| Two | under a minute |\n");
    std::string summary = lc::test::readText(json[0]);
    at(summary, "\"format\": \"lostcorner-class-summary/1\",\n  \"export_id\": \"");
    at(summary, "\"story\": {\"id\": \"lesson\", \"version\": 3, \"title\": \"A Lesson\"},\n  \"student\": \"Ann Lee\",\n");
    at(summary, "\"choices\": [\n    {\"chapter\": \"one\", \"chapter_number\": 1, \"chapter_title\": \"One\", \"scene\": \"one.gate\", "
                "\"scene_title\": \"The gate\", \"choice\": \"Walk to the pond\", \"options\": [\"Walk to the pond\", \"Go straight on\"]}\n  ],\n"
                "  \"endings\": [\"The field\"],\n  \"prompts\": [\n"
                "    {\"scene\": \"one.gate\", \"kind\": \"predict\", \"ask\": \"What will she do?\", \"reflection_chars\": 0},\n"
                "    {\"scene\": \"one.gate\", \"kind\": \"journal\", \"ask\": \"How does Kathy feel?\", \"reflection_chars\": 60}\n  ],\n");
    CHECK_FALSE(contains(summary, "café"));  // the summary holds lengths, never the words
    std::string html = lc::test::readText(lc::test::filesEndingWith(exports.path(), ".html").at(0));
    CHECK(contains(html, "<blockquote>Kathy feels left out — as usual.\n\nShe hides it, café or not.</blockquote>"));
    CHECK(contains(html, "default-src 'none'"));
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "https://"));
  }
  THEN("the journal was saved with the game") {
    auto r2 = runLostCorner("play " + story.path() + " --jsonl --classroom --save-dir " + saves.path(),
                            "\nMine.\n.\nsave 4\nquit\n");
    CHECK(contains(lc::test::readText(saves.file("4.save")), "journal one.gate \"How does Kathy feel?\" \"Mine.\""));
  }
}

SCENARIO("classroom mode in the terminal player") {
  lc::test::TempStory story(lc::test::kLessonStory);
  lc::test::TempDir saves;
  std::string args = "play " + story.path() + " --text --save-dir " + saves.path();

  WHEN("the class reads the first scene") {
    auto r = runLostCorner(args + " --classroom --pause-seconds 90", "\n.\nglossary sales\nglossary carr\nnotes\nquit\n");
    CHECK(r.out.rfind("[Content note for \"One\": Mentions of illness.]\n\n== One ==\n\n# The gate\n\n"
                      "The carer* waits. Two carers talk about the Sales*.\n"
                      "  * carer: Someone who looks after donors.\n"
                      "  * the Sales: Monthly deliveries of goods.\n\n"
                      "A carer again.\n\n"
                      "------------------------------------------------------------\n"
                      "Discussion — predict: What will she do?\n"
                      "------------------------------------------------------------\n"
                      "[Discussion time: 1:30. Press Enter to go on.]\n"
                      "[Journal] How does Kathy feel?\n\n"
                      "(Write as many lines as you like; finish with a line holding only a full stop: .)\n"
                      "[Nothing written. You can write in your journal any time: type journal]\n\n"
                      "  1. Walk to the pond\n  2. Go straight on\n", 0) == 0);
    CHECK(contains(r.out, "\nthe Sales: Monthly deliveries of goods.\n"));
    CHECK(contains(r.out, "! 'carr' is not in the glossary; did you mean 'carer'?\n"));
    CHECK(contains(r.out, "\n[Content note for \"One\": Mentions of illness.]\n\n"));
  }
  WHEN("there is no teacher code, every chapter is open") {
    auto r = runLostCorner(args + " --classroom", "\n.\n2\nquit\n");
    CHECK(contains(r.out, "[Content note for \"Two\": Grief.]\n\n== Two ==\n\n# The field\n\nA wide field.\n\nTHE END: The field\n"));
  }
  WHEN("the teacher code is missing at the gate") {
    auto r = runLostCorner(args + " --teacher-code oak", "\n.\n2\nnotes\nopen\nopen maple\nopen Oak \nquit\n");
    size_t gate = r.out.find("[The class waits here: the chapter \"Two\" is not open yet.]\n(the teacher types: open CODE)\n"
                             "[Content note for \"Two\": Grief.]\n\n");  // notes at a gate: the next chapter's
    REQUIRE(gate != std::string::npos);
    CHECK(r.out.find("! type open and the teacher's code: open CODE\n", gate) != std::string::npos);
    CHECK(r.out.find("! that is not the teacher's code: the chapter stays closed\n", gate) != std::string::npos);
    CHECK(r.out.find("[The teacher opened the chapter \"Two\"]\n[Content note for \"Two\": Grief.]\n", gate) != std::string::npos);
  }
  WHEN("homework opens every chapter and refuses a teacher code") {
    auto r = runLostCorner(args + " --homework", "\n.\n2\nopen oak\nquit\n");
    CHECK(contains(r.out, "THE END: The field"));
    CHECK(contains(r.out, "[Every chapter is open already]"));
    auto both = runLostCorner(args + " --homework --teacher-code oak", "", true);
    CHECK(both.status == 2);
    CHECK(contains(both.out, "--homework opens every chapter; it cannot be used with --teacher-code"));
  }
  WHEN("a student exports without naming a folder") {
    lc::test::TempDir home;
    const char* old = std::getenv("HOME");
    std::string saved = old ? old : "";
    ::setenv("HOME", home.path().c_str(), 1);
    auto r = runLostCorner(args + " --classroom", "\n.\nexport\nquit\n");
    ::setenv("HOME", saved.c_str(), 1);
    CHECK(contains(r.out, "[Journal exported to " + home.path() + "/Documents/Lost Corner:]\n"));
    CHECK(lc::test::filesEndingWith(home.path() + "/Documents/Lost Corner", ".html").size() == 1);
  }
}

SCENARIO("without --classroom nothing of the classroom shows unless asked for") {
  lc::test::TempStory story(lc::test::kLessonStory);
  lc::test::TempDir saves;
  auto r = runLostCorner("play " + story.path() + " --text --save-dir " + saves.path(), "notes\njournal\n2\n");
  CHECK(r.out ==
        "== One ==\n\n# The gate\n\nThe carer waits. Two carers talk about the Sales.\n\nA carer again.\n\n"
        "  1. Walk to the pond\n  2. Go straight on\n"
        "[Content note for \"One\": Mentions of illness.]\n\n"  // asked for: any reader may
        "! unknown command 'journal': type a choice number, or help\n"
        "== Two ==\n\n# The field\n\nA wide field.\n\nTHE END: The field\n"
        "(type restart to play again, back to undo the last choice, or quit)\n");
}
