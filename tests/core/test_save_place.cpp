// Format 3: a save keeps the place in the scene (paragraphs begun, text finished or not)
// and the rollback steps, bounded; format-1 and format-2 saves (fixtures) still load, with
// everything shown and no rollback; damaged place and rollback lines are refused.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/save.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::loadValid;
using lc::test::oneChapter;
using lc::test::play;

namespace {

const char* kVars =
    "  n: {type: int, initial: 0, min: 0, max: 9}\n  name: {type: string, initial: \"\"}\n"
    "  flag: {type: bool, initial: false}\n";

// The story the fixtures were saved from (as in test_save_integrity.cpp).
std::map<std::string, std::string> files(const std::string& middle = "middle") {
  auto f = oneChapter(kVars, R"(
  start:
    music: theme
    text: "Start {n} {name} {visits(start)}"
    choices:
      - {text: "Take \"it\"", goto: start, once: true, do: [n += 1, name = "a \"q\" \\ b"]}
      - {text: Flag, goto: )" + middle + R"(, do: [flag = true]}
  )" + middle + R"(:
    text: "Middle {if flag}flagged{end}\n\nThe second paragraph.\n\nThe third."
    choices:
      - {text: Back, goto: start}
      - {text: On, goto: last}
  last:
    text: Last {n}
    end: true
)");
  f["story.yaml"] += "music:\n  theme: {file: theme.ogg, loop: true}\n";
  return f;
}

std::string fixture(const char* name) {
  std::ifstream in(std::string(LC_SOURCE_DIR "/tests/core/data/") + name, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// What a person would notice differs between two states (the seed is the story's).
std::string describe(const lc::Story& story, const lc::State& s) {
  std::string out = story.scenes[s.scene].qualified + " music " + std::to_string(s.music) + " vars";
  for (const lc::Value& v : s.vars) out += " " + v.literal();
  out += " visits";
  for (uint32_t v : s.visits) out += " " + std::to_string(v);
  out += " spent";
  for (uint8_t v : s.spent) out += " " + std::to_string(v);
  out += " history";
  for (const lc::HistoryEntry& h : s.history) out += " " + story.scenes[h.scene].id + ":" + h.choice;
  return out + " journal " + std::to_string(s.journal.size());
}

const std::string kElsewhere = ". Choose another slot or start a new game; other saves are untouched.";

}  // namespace

SCENARIO("saves of formats 1 and 2 load with the scene's text all shown and no rollback") {
  auto story = loadValid(files());
  struct Case {
    const char* file;
    const char* scene;
    size_t history;
  };
  const Case cases[] = {{"save-format-1.save", "a.start", 2}, {"save-format-2.save", "a.middle", 3}};
  for (const Case& c : cases) {
    INFO(c.file);
    const std::string text = fixture(c.file);
    REQUIRE_FALSE(text.empty());
    lc::SaveReadResult r = lc::readSave(*story, text);
    REQUIRE(r.ok);
    CHECK(r.notices.empty());
    CHECK(story->scenes[r.state.scene].qualified == c.scene);
    CHECK(r.state.history.size() == c.history);
    CHECK(r.extras.place == lc::SavePlace{});
    CHECK(r.extras.place.paragraphs == lc::SavePlace::kAll);
    CHECK(r.extras.rollback.empty());
    CHECK(r.state.exportId == "57263aa9be40f604e03945d78169dbb0");
    const std::string again = lc::writeSave(*story, r.state, r.meta, r.extras);
    CHECK(again.find("lostcorner-save: 3\n") != std::string::npos);
    CHECK(again.find("place:") == std::string::npos);
    CHECK(lc::writeSave(*story, lc::readSave(*story, again).state, r.meta) == again);
  }
}

SCENARIO("a save made mid-scene keeps the place, the music and the rollback steps") {
  auto story = loadValid(files());
  lc::Runner r(*story);
  play(r, {1, 1});  // Take, then Flag (Take is spent): in the middle, three paragraphs
  r.addJournalEntry("A note.", "2026-11-21T10:01:00Z", true);
  const std::vector<lc::State> steps = r.rollbackSteps();
  REQUIRE(steps.size() == 2);
  const lc::SavePlace place{2, false};  // the second paragraph begun, the choices not shown
  const lc::SaveMeta meta = lc::describeState(*story, r.state(), "2026-11-21T10:00:00Z", place);
  CHECK(meta.excerpt == "The second paragraph.");  // the line reached, not the scene's first
  const std::string text = lc::writeSave(*story, r.state(), meta, {steps, place});
  CHECK(text.find("place: 2 reading\n") != std::string::npos);
  CHECK(text.find("rollback 1 scene: a.start\nrollback 1 music: theme\n") != std::string::npos);
  CHECK(text.find("rollback 2 history-length: 2\nrollback 2 journal-count: 0\n") != std::string::npos);

  lc::SaveReadResult back = lc::readSave(*story, text);
  REQUIRE(back.ok);
  CHECK(back.notices.empty());
  CHECK(back.extras.place == place);
  CHECK(back.state.music == story->findMusic("theme"));
  REQUIRE(back.extras.rollback.size() == steps.size());
  for (size_t i = 0; i < steps.size(); ++i) {
    INFO("step " << i + 1);
    CHECK(describe(*story, back.extras.rollback[i]) == describe(*story, steps[i]));
  }
  // Resumed with its steps, back() goes where the original game's back() went.
  lc::Runner loaded(*story);
  loaded.resume(back.state, back.extras.rollback);
  lc::test::drain(loaded);
  REQUIRE(loaded.back());
  REQUIRE(r.back());
  CHECK(describe(*story, loaded.state()) == describe(*story, r.state()));
  CHECK(describe(*story, loaded.state()) ==
        "a.start music 0 vars 1 \"a \\\"q\\\" \\\\ b\" false visits 2 0 0 spent 1 history start:Take \"it\" start: journal 0");
}

SCENARIO("a save keeps only the newest rollback steps") {
  auto story = loadValid(files());
  lc::Runner r(*story);
  r.restart();
  lc::test::drain(r);
  for (size_t i = 0; i < lc::kSavedRollbackSteps + 10; ++i) {  // Flag, Back, Flag, Back...
    r.choose(i % 2 == 0 ? 1 : 0);
    lc::test::drain(r);
  }
  REQUIRE(r.rollbackSteps().size() == lc::kSavedRollbackSteps + 10);
  const std::string text = lc::writeSave(*story, r.state(), {}, {r.rollbackSteps(), {}});
  CHECK(text.find("rollback " + std::to_string(lc::kSavedRollbackSteps) + " scene:") != std::string::npos);
  CHECK(text.find("rollback " + std::to_string(lc::kSavedRollbackSteps + 1) + " ") == std::string::npos);
  lc::SaveReadResult back = lc::readSave(*story, text);
  REQUIRE(back.ok);
  REQUIRE(back.extras.rollback.size() == lc::kSavedRollbackSteps);
  CHECK(describe(*story, back.extras.rollback.back()) == describe(*story, r.rollbackSteps().back()));
  CHECK(describe(*story, back.extras.rollback.front()) == describe(*story, r.rollbackSteps()[10]));
}

SCENARIO("rollback steps through a scene removed from the story are dropped with a notice") {
  auto story = loadValid(files());
  lc::Runner r(*story);
  play(r, {2, 1, 2});  // Flag (middle), Back (start), Flag (middle): steps at start, middle, start
  const std::string text = lc::writeSave(*story, r.state(), {}, {r.rollbackSteps(), {3, true}});
  auto renamed = loadValid(files("centre"));  // the middle scene is gone
  lc::SaveReadResult back = lc::readSave(*renamed, text);
  REQUIRE(back.ok);
  CHECK(back.extras.rollback.size() == 1);  // the start step after the gone middle one
  CHECK(back.extras.place == lc::SavePlace{});  // the saved scene is gone too: all shown
  REQUIRE(back.notices.size() == 2);
  CHECK(back.notices[1] == "2 rollback steps went through scenes no longer in the story; you can go back 1 step");
}

SCENARIO("damaged place and rollback lines are refused with the line") {
  auto story = loadValid(files());
  struct Case {
    const char* lines;
    std::string error;
  };
  const Case cases[] = {
      {"place: two reading\n", "the save is damaged at line 4: 'place: two reading'" + kElsewhere},
      {"place: 2 skimming\n", "the save is damaged at line 4: 'place: 2 skimming'" + kElsewhere},
      {"rollback 2 scene: a.start\n", "the save is damaged at line 4: 'rollback 2 scene: a.start'" + kElsewhere},
      {"rollback 0 scene: a.start\n", "the save is damaged at line 4: 'rollback 0 scene: a.start'" + kElsewhere},
      {"rollback 1 weather: fine\n", "the save is damaged at line 4: 'rollback 1 weather: fine'" + kElsewhere},
      {"rollback 1 scene: a.start\nrollback 1 history-length: 0\n",
       "the save is damaged: rollback step 1 lacks its scene, or its history or journal is longer than the game's" +
           kElsewhere},
      {"rollback 1 scene: a.start\nrollback 1 history-length: 5\nrollback 1 journal-count: 0\n",
       "the save is damaged: rollback step 1 lacks its scene, or its history or journal is longer than the game's" +
           kElsewhere},
      {"rollback 51 scene: a.start\n", "the save is damaged at line 4: 'rollback 51 scene: a.start'" + kElsewhere},
  };
  for (const Case& c : cases) {
    INFO(c.lines);
    const std::string body = "lostcorner-save: 3\nstory: test\nscene: a.start\n" + std::string(c.lines);
    lc::SaveReadResult r = lc::readSave(*story, body + lc::endOfSaveLine(body));
    CHECK_FALSE(r.ok);
    CHECK(r.error == c.error);
  }
  // Format 2 never had them: a rollback line there is damage, as it always was.
  const std::string old = "lostcorner-save: 2\nstory: test\nscene: a.start\nrollback 1 scene: a.start\n";
  CHECK(lc::readSave(*story, old + lc::endOfSaveLine(old)).error ==
        "the save is damaged at line 4: 'rollback 1 scene: a.start'" + kElsewhere);
}
