// Saves: play -> save -> load -> play on equals playing straight through; story edits;
// corrupt and foreign saves.
#include <catch2/catch.hpp>

#include "core/save.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::oneChapter;
using lc::test::play;
using lc::test::TempStory;
using lc::test::loadValid;
using Lines = std::vector<std::string>;

namespace {

const char* kVars =
    "  n: {type: int, initial: 0, min: 0, max: 9}\n  name: {type: string, initial: \"\"}\n"
    "  flag: {type: bool, initial: false}\n";

const char* kScenes = R"(
  start:
    music: theme
    text: "Start {n} {name} {visits(start)}"
    choices:
      - {text: "Take \"it\"", goto: start, once: true, do: [n += 1, name = "a \"q\" \\ b"]}
      - {text: Flag, goto: middle, do: [flag = true]}
  middle:
    text: Middle {if flag}flagged{end}
    choices:
      - {text: Back, goto: start}
      - {text: On, goto: last}
  last:
    text: Last {n}
    end: true
)";

std::map<std::string, std::string> files(const char* vars = kVars, const char* scenes = kScenes) {
  auto f = oneChapter(vars, scenes);
  f["story.yaml"] += "music:\n  theme: {file: theme.ogg, loop: true}\n";
  return f;
}

}  // namespace

SCENARIO("play, save, load and play on gives the same transcript as playing straight through") {
  auto story = loadValid(files());
  const std::vector<int> picks = {1, 1, 1, 1, 2};  // Take, Flag, Back, Flag, On
  lc::Runner straight(*story);
  Lines all = play(straight, picks);
  for (size_t cut = 0; cut <= picks.size(); ++cut) {
    lc::Runner first(*story);
    play(first, std::vector<int>(picks.begin(), picks.begin() + cut));
    std::string text = lc::writeSave(*story, first.state(), lc::describeState(*story, first.state(), "now"));
    lc::SaveReadResult loaded = lc::readSave(*story, text);
    REQUIRE(loaded.ok);
    CHECK(loaded.notices.empty());
    lc::Runner second(*story);
    second.resume(loaded.state);
    Lines rest = lc::test::drain(second);
    CHECK(rest.at(1) == "music theme");  // the music and sounds catch up on load
    CHECK(rest.at(2) == "sound none");
    rest.erase(rest.begin() + 1, rest.begin() + 3);
    Lines more = play(second, std::vector<int>(picks.begin() + cut, picks.end()), false);
    rest.insert(rest.end(), more.begin(), more.end());
    // The straight transcript from the cut on: find the cut-th "> " and the scene after it.
    size_t at = 0;
    for (size_t seen = 0; seen < cut; ++at) seen += all[at].rfind("> ", 0) == 0;
    Lines tail(all.begin() + at, all.end());
    tail.erase(std::remove(tail.begin(), tail.end(), "music theme"), tail.end());
    rest.erase(std::remove(rest.begin(), rest.end(), "music theme"), rest.end());
    INFO("cut after " << cut << " choices");
    CHECK(rest == tail);
    CHECK(second.state().history.size() == straight.state().history.size());
  }
}

SCENARIO("a save is readable text with author ids") {
  auto story = loadValid(files());
  lc::Runner r(*story);
  play(r, {1});
  std::string text = lc::writeSave(*story, r.state(), lc::describeState(*story, r.state(), "2026-11-21T10:00:00Z"));
  CHECK(text.find("lostcorner-save: 3\n") != std::string::npos);
  CHECK(text.find("story: test\n") != std::string::npos);
  CHECK(text.find("scene: a.start\n") != std::string::npos);
  CHECK(text.find("var n = 1\n") != std::string::npos);
  CHECK(text.find("var name = \"a \\\"q\\\" \\\\ b\"\n") != std::string::npos);
  CHECK(text.find("visits a.start = 2\n") != std::string::npos);
  CHECK(text.find("spent a.start to:a.start \"Take \\\"it\\\"\"\n") != std::string::npos);
  CHECK(text.find("music: theme\n") != std::string::npos);
  r.addJournalEntry("She \"kept\" it.\nTwo lines.", "2026-11-21T10:01:00Z", true);
  text = lc::writeSave(*story, r.state(), lc::describeState(*story, r.state(), "2026-11-21T10:00:00Z"));
  CHECK(text.find("journal a.start \"\" \"She \\\"kept\\\" it.\\nTwo lines.\" \"2026-11-21T10:01:00Z\"\n") != std::string::npos);
  auto back = lc::readSave(*story, text);
  REQUIRE(back.ok);
  REQUIRE(back.state.journal.size() == 1);
  CHECK(back.state.journal[0].answer == "She \"kept\" it.\nTwo lines.");
  CHECK(back.state.vars[1].text == "a \"q\" \\ b");
  CHECK(back.meta.excerpt == "Start 1 a \"q\" \\ b 2");
}

SCENARIO("a save still loads after the story was edited") {
  auto story = loadValid(files());
  lc::Runner r(*story);
  play(r, {1, 1});  // Take, then Flag: at middle, n = 1
  std::string text = lc::writeSave(*story, r.state(), {});
  GIVEN("a new variable, a removed variable and a changed type") {
    auto edited = loadValid(files("  n: {type: int, initial: 0, max: 9}\n  fresh: {type: int, initial: 7}\n"
                             "  flag: {type: string, initial: \"x\"}\n",
                             "  start:\n    text: S\n    next: middle\n  middle:\n    text: M {n}\n    next: start\n"));
    auto loaded = lc::readSave(*edited, text);
    REQUIRE(loaded.ok);
    CHECK(loaded.state.vars[0].number == 1);
    CHECK(loaded.state.vars[1].number == 7);
    CHECK(loaded.state.vars[2].text == "x");
    CHECK(loaded.notices == std::vector<std::string>{
                                "variable 'name' is no longer in the story; dropped",
                                "variable 'flag' is now a string; it starts again at its initial value",
                                "new variable 'fresh' starts at its initial value"});
  }
  GIVEN("the current scene was removed") {
    auto edited = loadValid(files(kVars, R"(
  start:
    text: Start again
    choices:
      - {text: On, goto: last}
  last:
    text: Last
    end: true
)"));
    auto loaded = lc::readSave(*edited, text);
    REQUIRE(loaded.ok);
    CHECK(edited->scenes[loaded.state.scene].qualified == "a.start");
    REQUIRE(loaded.notices.size() == 1);
    CHECK(loaded.notices[0] ==
          "scene 'a.middle' is no longer in the story; resuming at 'a.start', the latest scene of your history that still exists");
  }
}

SCENARIO("corrupt and foreign saves are refused with a clear reason") {
  auto story = loadValid(files());
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"", "the save is empty or not a Lost Corner save. Choose another slot or start a new game; other saves are untouched."},
      {"hello world\n",
       "this is not a Lost Corner save (it does not start with 'lostcorner-save:'). Choose another slot or start a new "
       "game; other saves are untouched."},
      {"lostcorner-save: 1\nstory: test\nscene: a.start\nvar n 3\n",
       "the save is damaged at line 4: 'var n 3'. Choose another slot or start a new game; other saves are untouched."},
      {"lostcorner-save: 1\nstory: test\n", "the save is damaged: it names no scene. Choose another slot or start a new game; other saves are untouched."},
      {"lostcorner-save: 9\nstory: test\nscene: a.start\n",
       "this save was made by a newer Lost Corner (save format 9); update Lost Corner to load it"},
      {"lostcorner-save: 1\nstory: other\nscene: a.start\n", "this save belongs to the story 'other', not 'test'"},
      {"lostcorner-save: 1\nstory: test\nscene: a.start\nhistory a.start \"unterminated\n",
       "the save is damaged at line 4: 'history a.start \"unterminated'. Choose another slot or start a new game; other saves are untouched."},
  };
  for (const auto& c : cases) {
    auto r = lc::readSave(*story, c.text);
    INFO(c.text);
    CHECK_FALSE(r.ok);
    CHECK(r.error == c.error);
  }
}

// The core draws no random numbers: the id comes from the front end (here a counter).
lc::RunnerOptions countingIds(int& made) {
  lc::RunnerOptions options;
  options.newGameId = [&made] { return "game-" + std::to_string(++made); };
  return options;
}

SCENARIO("a game's export id is made once, kept across restarts and carried by saves") {
  auto story = loadValid(files());
  int made = 0;
  lc::Runner r(*story, countingIds(made));
  play(r, {1});
  const std::string id = r.state().exportId;
  CHECK(id == "game-1");
  r.restart();
  lc::test::drain(r);
  CHECK(r.state().exportId == id);
  std::string text = lc::writeSave(*story, r.state(), {});
  CHECK(text.find("export-id: " + id + "\n") != std::string::npos);
  auto loaded = lc::readSave(*story, text);
  REQUIRE(loaded.ok);
  CHECK(loaded.state.exportId == id);
  lc::Runner other(*story, countingIds(made));
  other.restart();
  CHECK(other.state().exportId == "game-2");  // another game, another student
  CHECK(made == 2);
}

SCENARIO("without an id source a game has no export id (the core draws nothing at random)") {
  auto story = loadValid(files());
  lc::Runner r(*story);
  play(r, {1});
  CHECK(r.state().exportId.empty());
  CHECK(lc::writeSave(*story, r.state(), {}).find("export-id:") == std::string::npos);
}
