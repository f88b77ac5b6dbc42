// Saves that survive anything: any string value round-trips (the one quoting routine),
// a save cut short or altered anywhere is refused, bad format versions are refused, a
// save of format 1 (kept as a fixture) still loads, and spent once-choices survive label edits.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/save.h"
#include "load/reload.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::loadValid;
using lc::test::oneChapter;
using lc::test::play;

namespace {

const char* kVars =
    "  n: {type: int, initial: 0, min: 0, max: 9}\n  name: {type: string, initial: \"\"}\n"
    "  flag: {type: bool, initial: false}\n";

// The story the format-1 fixture (tests/core/data/save-format-1.save) was saved from.
std::map<std::string, std::string> files(const std::string& takeLabel = "Take \\\"it\\\"",
                                         const std::string& takeTarget = "start") {
  auto f = oneChapter(kVars, R"(
  start:
    music: theme
    text: "Start {n} {name} {visits(start)}"
    choices:
      - {text: ")" + takeLabel + R"(", goto: )" + takeTarget + R"(, once: true, do: [n += 1, name = "a \"q\" \\ b"]}
      - {text: Flag, goto: middle, do: [flag = true]}
  middle:
    text: Middle {if flag}flagged{end}
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

// A save with something in every kind of line.
std::string fullSave(const lc::Story& story) {
  lc::Runner r(story);
  play(r, {1, 1});  // Take, Flag: at middle
  r.addJournalEntry("She kept it.\nTwo lines.", "2026-11-21T10:01:00Z", true);
  return lc::writeSave(story, r.state(), lc::describeState(story, r.state(), "2026-11-21T10:00:00Z"));
}

const std::string kElsewhere = ". Choose another slot or start a new game; other saves are untouched.";

}  // namespace

SCENARIO("a string variable holding any character survives a save and a hot reload") {
  auto story = loadValid(files());
  const std::string strings[] = {
      "two\nlines", "\nleading and trailing\n", "carriage\rreturn", "tab\there", "escape \x1b[2J and bell \a",
      "\x01\x02\x7f", "quote \" and backslash \\", "ends with a backslash \\", "\\n is not a newline",
      "caf\xc3\xa9 \xe2\x80\x94 ok", "",
  };
  for (const std::string& value : strings) {
    INFO(lc::quoteText(value));
    lc::Runner r(*story);
    play(r, {});
    lc::State state = r.state();
    state.vars[1] = lc::Value::ofString(value);
    const std::string text = lc::writeSave(*story, state, {});
    // One line per fact: no control byte but the line ends.
    CHECK(text.find_first_of(std::string("\r\t\x1b\x01\x7f\a", 7)) == std::string::npos);
    lc::SaveReadResult back = lc::readSave(*story, text);
    REQUIRE(back.ok);
    CHECK(back.state.vars[1].text == value);
    lc::test::TempStory folder(files());
    lc::ReloadResult reloaded = lc::reloadKeepingPlace(*story, state, folder.path());
    REQUIRE(reloaded.ok);
    CHECK(reloaded.state.vars[1].text == value);
    CHECK(reloaded.notices.empty());
  }
}

SCENARIO("one quoting routine: quoteText and readQuoted are inverses, and malformed quotes are refused") {
  struct Case {
    std::string text, quoted;
  };
  const Case cases[] = {
      {"plain", "\"plain\""},        {"a \"b\"", "\"a \\\"b\\\"\""}, {"back\\slash", "\"back\\\\slash\""},
      {"new\nline", "\"new\\nline\""}, {"\r\t", "\"\\r\\t\""},      {"\x1b[0m", "\"\\x1b[0m\""},
      {"\x7f", "\"\\x7f\""},
  };
  for (const Case& c : cases) {
    CHECK(lc::quoteText(c.text) == c.quoted);
    CHECK(lc::Value::ofString(c.text).literal() == c.quoted);
    std::string back;
    CHECK(lc::readQuoted(c.quoted, back));
    CHECK(back == c.text);
  }
  for (const char* bad : {"", "plain", "\"unterminated", "\"bad \\q escape\"", "\"short \\x1\"", "\"ends \\"}) {
    std::string out;
    INFO(bad);
    CHECK_FALSE(lc::readQuoted(bad, out));
  }
}

SCENARIO("a save cut at any byte is refused, or loads exactly as the whole save") {
  auto story = loadValid(files());
  const std::string text = fullSave(*story);
  int loaded = 0;
  for (size_t cut = 0; cut < text.size(); ++cut) {
    lc::SaveReadResult r = lc::readSave(*story, text.substr(0, cut));
    if (!r.ok) continue;
    ++loaded;
    INFO("cut at byte " << cut << " of " << text.size());
    CHECK(lc::writeSave(*story, r.state, r.meta) == text);
  }
  CHECK(loaded == 1);  // only the cut of the final newline, which loses nothing
  const size_t endLine = text.rfind("end-of-save:");
  CHECK(lc::readSave(*story, text.substr(0, endLine)).error ==
        "the save is cut short: its end marker is missing (the file was truncated or damaged)" + kElsewhere);
}

SCENARIO("a save altered at any byte is refused") {
  auto story = loadValid(files());
  const std::string text = fullSave(*story);
  int loaded = 0;
  for (size_t at = 0; at < text.size(); ++at) {
    std::string altered = text;
    altered[at] = altered[at] == 'x' ? 'y' : 'x';
    if (lc::readSave(*story, altered).ok) ++loaded;
  }
  CHECK(loaded == 0);
  std::string edited = text;
  edited.replace(edited.find("var n = 1"), 9, "var n = 9");
  CHECK(lc::readSave(*story, edited).error ==
        "the save is damaged: its checksum does not match its contents (the file was cut short or altered)" +
            kElsewhere);
}

SCENARIO("save format versions that no Lost Corner wrote are refused") {
  auto story = loadValid(files());
  struct Case {
    const char* version;
    std::string error;
  };
  const Case cases[] = {
      {"-1", "the save names format '-1', which no Lost Corner ever wrote: the file is damaged" + kElsewhere},
      {"0", "the save names format '0', which no Lost Corner ever wrote: the file is damaged" + kElsewhere},
      {"two", "the save names format 'two', which no Lost Corner ever wrote: the file is damaged" + kElsewhere},
      {"", "the save names format '', which no Lost Corner ever wrote: the file is damaged" + kElsewhere},
      {"1.5", "the save names format '1.5', which no Lost Corner ever wrote: the file is damaged" + kElsewhere},
      {"99999999999", "the save names format '99999999999', which no Lost Corner ever wrote: the file is damaged" +
                          kElsewhere},
      {"4", "this save was made by a newer Lost Corner (save format 4); update Lost Corner to load it"},
  };
  for (const Case& c : cases) {
    INFO(c.version);
    const std::string body = "lostcorner-save: " + std::string(c.version) + "\nstory: test\nscene: a.start\n";
    lc::SaveReadResult r = lc::readSave(*story, body + lc::endOfSaveLine(body));
    CHECK_FALSE(r.ok);
    CHECK(r.error == c.error);
  }
}

SCENARIO("a save written by today's format 1 still loads") {
  auto story = loadValid(files());
  std::ifstream in(LC_SOURCE_DIR "/tests/core/data/save-format-1.save", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  REQUIRE(text.str().find("lostcorner-save: 1\n") != std::string::npos);
  lc::SaveReadResult r = lc::readSave(*story, text.str());
  REQUIRE(r.ok);
  CHECK(r.notices.empty());
  CHECK(story->scenes[r.state.scene].qualified == "a.start");
  CHECK(r.state.vars[0].number == 1);
  CHECK(r.state.vars[1].text == "a \"q\" \\ b");
  CHECK(r.state.spent == std::vector<uint8_t>{1});
  CHECK(r.state.visits[0] == 2);
  REQUIRE(r.state.journal.size() == 1);
  CHECK(r.state.journal[0].answer == "She \"kept\" it.\nTwo lines.");
  CHECK(r.state.exportId == "57263aa9be40f604e03945d78169dbb0");
  CHECK(r.meta.excerpt == "Start 1 a \"q\" \\ b 2");
  // Saved again, it is format 3 and reads back the same.
  const std::string again = lc::writeSave(*story, r.state, r.meta);
  CHECK(again.find("lostcorner-save: 3\n") != std::string::npos);
  lc::SaveReadResult back = lc::readSave(*story, again);
  REQUIRE(back.ok);
  CHECK(lc::writeSave(*story, back.state, back.meta) == again);
}

SCENARIO("a spent once-choice stays spent when its label is edited (its id is derived from its target)") {
  auto story = loadValid(files("Take it"));
  lc::Runner r(*story);
  play(r, {1});  // Take it: spent
  const std::string text = lc::writeSave(*story, r.state(), {});
  CHECK(text.find("spent a.start to:a.start \"Take it\"\n") != std::string::npos);
  struct Case {
    const char* what;
    std::string label, target;
  };
  const Case cases[] = {
      {"label edited", "Pick it up", "start"},
      {"target changed, label kept", "Take it", "middle"},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    auto edited = loadValid(files(c.label, c.target));
    lc::SaveReadResult back = lc::readSave(*edited, text);
    REQUIRE(back.ok);
    CHECK(back.state.spent == std::vector<uint8_t>{1});
  }
  auto both = loadValid(files("Pick it up", "middle"));  // both changed: a new choice
  CHECK(lc::readSave(*both, text).state.spent == std::vector<uint8_t>{0});
}

SCENARIO("two once-choices with the same target get ids of their own") {
  auto story = loadValid(oneChapter("  x: {type: int, initial: 0}\n", R"(
  start:
    text: S
    choices:
      - {text: One, goto: start, once: true}
      - {text: Two, goto: start, once: true}
      - {text: Out, goto: end}
  end:
    text: E
    end: true
)"));
  CHECK(lc::onceChoiceId(*story, 0, 0) == "to:a.start");
  CHECK(lc::onceChoiceId(*story, 0, 1) == "to:a.start/2");
  lc::Runner r(*story);
  play(r, {2});  // Two
  lc::SaveReadResult back = lc::readSave(*story, lc::writeSave(*story, r.state(), {}));
  REQUIRE(back.ok);
  CHECK(back.state.spent == std::vector<uint8_t>{0, 1});
}
