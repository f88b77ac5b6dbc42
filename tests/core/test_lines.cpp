// The second edition's one-line texts: choice labels, scene titles and ending titles take
// the tags of scene text (`{name}`, `{if x}..{end}`, alternatives), rendered with the
// state; the walk, saves and rollback see them the same way the Runner does.
#include <catch2/catch.hpp>

#include "analysis/walk.h"
#include "core/play.h"
#include "core/runner.h"
#include "core/save.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::loadValid;
using lc::test::oneChapter;
using Lines = std::vector<std::string>;

namespace {

const char* kVars =
    "  n: {type: int, initial: 1}\n  zero: {type: int, initial: 0}\n  flag: {type: bool, initial: false}\n"
    "  name: {type: string, initial: Ruth}\n";

// The transcript of lc::test::play, with each scene's title as the player reads it.
Lines playWithTitles(lc::Runner& r, const std::vector<int>& picks) {
  r.restart();
  Lines all = lc::test::drain(r);
  all.push_back("title: " + r.title());
  for (int pick : picks) {
    all.push_back("> " + std::to_string(pick));
    r.choose(static_cast<size_t>(pick - 1));
    Lines more = lc::test::drain(r);
    all.insert(all.end(), more.begin(), more.end());
    all.push_back("title: " + r.title());
  }
  return all;
}

struct LineCase {
  const char* name;
  const char* scenes;
  std::vector<int> picks;
  Lines expected;
};

}  // namespace

TEST_CASE("lines: labels, titles and ending titles render their tags with the state") {
  const LineCase cases[] = {
      {"a variable in a label and a title",
       R"(
  start:
    title: "Day {n} with {name}"
    text: Morning.
    choices:
      - {text: "Ask {name} the way", goto: start, do: [n += 1]}
)",
       {1},
       {"scene a.start", "p: Morning.", "c: 1. Ask Ruth the way", "title: Day 1 with Ruth", "> 1", "scene a.start",
        "p: Morning.", "c: 1. Ask Ruth the way", "title: Day 2 with Ruth"}},
      {"a condition in a label follows the choice's own effect next time",
       R"(
  start:
    text: A door.
    choices:
      - {text: "{if flag}Open{else}Try{end} the door", goto: start, do: [flag = true]}
)",
       {1},
       {"scene a.start", "p: A door.", "c: 1. Try the door", "title: ", "> 1", "scene a.start", "p: A door.",
        "c: 1. Open the door", "title: "}},
      {"alternatives in a label and a title go by the visits of the scene",
       R"(
  start:
    title: "{The hall|The hall again}"
    text: Hall.
    choices:
      - {text: "{&Knock|Knock again}", goto: start}
)",
       {1, 1},
       {"scene a.start", "p: Hall.", "c: 1. Knock", "title: The hall", "> 1", "scene a.start", "p: Hall.",
        "c: 1. Knock again", "title: The hall again", "> 1", "scene a.start", "p: Hall.", "c: 1. Knock",
        "title: The hall again"}},
      {"an ending title",
       R"(
  start:
    text: Go.
    choices:
      - {text: Go, goto: done, do: [flag = true]}
  done:
    text: Done.
    end: true
    ending: "{if flag}The kept{else}The lost{end} promise of {name}"
)",
       {1},
       {"scene a.start", "p: Go.", "c: 1. Go", "title: ", "> 1", "scene a.done", "p: Done.",
        "end: The kept promise of Ruth", "title: "}},
      {"doubled braces are literal; newlines in a label fold to one space",
       R"(
  start:
    text: Go.
    choices:
      - text: "{{braces}} and\n\n{name}"
        goto: start
)",
       {},
       {"scene a.start", "p: Go.", "c: 1. {braces} and Ruth", "title: "}},
      {"a run-time error in a label is a fault at the label",
       R"(
  start:
    text: Go.
    choices:
      - {text: "Split {n / zero}", goto: start}
)",
       {},
       {"scene a.start", "p: Go.", "fault: DIR/a.yaml:7:17: run-time error: division by zero: 1 / 0", "title: "}},
  };
  for (const LineCase& c : cases) {
    INFO(c.name);
    lc::test::TempStory dir(oneChapter(kVars, c.scenes));
    lc::LoadResult loaded = dir.load();
    INFO(lc::formatText(loaded.diagnostics));
    REQUIRE(loaded.story);
    CHECK(lc::formatText(loaded.diagnostics).find("a.yaml") == std::string::npos);  // lint may note unused variables
    lc::Runner r(*loaded.story);
    Lines t = playWithTitles(r, c.picks);
    for (auto& line : t)
      for (size_t at; (at = line.find(dir.path())) != std::string::npos;) line.replace(at, dir.path().size(), "DIR");
    CHECK(t == c.expected);
  }
}

TEST_CASE("lines: a tag that does not compile is a warning at its place, and the line is shown as written") {
  lc::test::TempStory dir(oneChapter(kVars, R"(
  start:
    title: "The {if flag}hall"
    text: Go.
    choices:
      - {text: "Ask {stranjer}", goto: start}
)"));
  lc::LoadResult loaded = dir.load();
  REQUIRE(loaded.story);
  std::string report = lc::formatText(loaded.diagnostics);
  for (size_t at; (at = report.find(dir.path())) != std::string::npos;) report.replace(at, dir.path().size(), "DIR");
  const std::string expected =
      "DIR/a.yaml:5:17: warning: '{if}' is never closed in the title of scene 'start'\n"
      "  hint: close it with '{end}'; until then it is shown as written, braces and all\n"
      "DIR/a.yaml:8:22: warning: undeclared variable 'stranjer' in the label of choice 1 of scene 'start'\n"
      "  hint: declare it under 'variables:' in story.yaml; until then it is shown as written, braces and all\n";
  CHECK(report.substr(0, expected.size()) == expected);  // then lint's notes on the unused variables
  CHECK(!loaded.diagnostics.hasErrors());
  lc::Runner r(*loaded.story);
  Lines t = playWithTitles(r, {});
  CHECK(t == Lines{"scene a.start", "p: Go.", "c: 1. Ask {stranjer}", "title: The {if flag}hall"});
}

TEST_CASE("lines: history, saves and rollback keep the rendered label and title") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    title: "Room {n}"
    text: Hub.
    choices:
      - {text: "Step {n}", goto: start, do: [n += 1]}
)"));
  lc::Runner r(*story);
  Lines first = playWithTitles(r, {1, 1});
  REQUIRE(r.state().history.size() == 3);
  CHECK(r.state().history[0].choice == "Step 1");
  CHECK(r.state().history[1].choice == "Step 2");
  CHECK(lc::describeState(*story, r.state(), "2026-12-06T21:00:00Z").scene == "Room 3");
  REQUIRE(r.back());
  Lines back = lc::test::drain(r);
  CHECK(r.title() == "Room 2");
  CHECK(back.back() == "c: 1. Step 2");
  std::string save = lc::writeSave(*story, r.state(), lc::describeState(*story, r.state(), "2026-12-06T21:00:00Z"));
  lc::SaveReadResult loaded = lc::readSave(*story, save);
  REQUIRE(loaded.ok);
  lc::Runner other(*story);
  other.resume(loaded.state);
  Lines resumed = lc::test::drain(other);
  CHECK(other.title() == "Room 2");
  CHECK(resumed.back() == "c: 1. Step 2");
}

TEST_CASE("lines: the walk's fingerprint ignores labels and titles, and stops at a run-time error in one") {
  const char* plain = R"(
  start:
    title: Hub
    text: Hub {n}.
    choices:
      - {text: Up, goto: start, do: [n += 1]}
      - {text: Out, goto: done}
  done:
    text: Done.
    end: true
    ending: Out
)";
  const char* tagged = R"(
  start:
    title: "Hub {n}"
    text: Hub {n}.
    choices:
      - {text: "{&Up|Up again} from {n}", goto: start, do: [n += 1]}
      - {text: "{if flag}Out{else}Leave{end}", goto: done}
  done:
    text: Done.
    end: true
    ending: "Out after {n}"
)";
  auto a = loadValid(oneChapter(kVars, plain));
  auto b = loadValid(oneChapter(kVars, tagged));
  lc::WalkResult wa = lc::walk(*a, 20000, 3), wb = lc::walk(*b, 20000, 3);
  CHECK(wb.error.empty());
  CHECK(wa.hash == wb.hash);
  CHECK(wa.endings == wb.endings);
  auto c = loadValid(oneChapter(kVars, R"(
  start:
    text: Go.
    choices:
      - {text: "Split {n / zero}", goto: start}
)"));
  lc::WalkResult wc = lc::walk(*c, 100, 3);
  INFO(wc.error);
  CHECK(wc.error.find("a.yaml:7:17: division by zero: 1 / 0") != std::string::npos);
}
