// The second edition's flow: text alternatives by visit, conditional `next` and `goto`,
// fallback and automatic choices, scenes without text that pass play straight on; the
// walk, explore, saves and rollback see them the same way the Runner does.
#include <catch2/catch.hpp>

#include "analysis/explore.h"
#include "analysis/walk.h"
#include "core/runner.h"
#include "core/save.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::loadValid;
using lc::test::oneChapter;
using lc::test::play;
using Lines = std::vector<std::string>;

namespace {

const char* kVars = "  n: {type: int, initial: 0, min: 0, max: 3}\n  flag: {type: bool, initial: false}\n";

struct FlowCase {
  const char* name;
  const char* scenes;
  std::vector<int> picks;
  Lines expected;
};

}  // namespace

TEST_CASE("flow: alternatives, conditional ways on, fallbacks and pass-through scenes") {
  const FlowCase cases[] = {
      {"sequence, cycle and once go by the visit count of the scene", R"(
  start:
    text: "{Dawn.|Noon.|Dusk.} {&Odd|Even}{!, first time|, second time}."
    choices:
      - {text: Again, goto: start}
)",
       {1, 1, 1},
       {"scene a.start", "p: Dawn. Odd, first time.", "c: 1. Again", "> 1", "scene a.start", "p: Noon. Even, second time.",
        "c: 1. Again", "> 1", "scene a.start", "p: Dusk. Odd.", "c: 1. Again", "> 1", "scene a.start", "p: Dusk. Even.",
        "c: 1. Again"}},
      {"a conditional next takes the first branch that holds, else the fallback", R"(
  start:
    do: [n += 1]
    text: n={n}
    next:
      - {if: n >= 3, goto: done}
      - {if: n == 2, goto: two}
      - goto: start
  two:
    text: Two.
    next: start
  done:
    text: Done.
    end: true
)",
       {1, 1, 1, 1},
       {"scene a.start", "p: n=1", "c: 1. Continue", "> 1", "scene a.start", "p: n=2", "c: 1. Continue", "> 1",
        "scene a.two", "p: Two.", "c: 1. Continue", "> 1", "scene a.start", "p: n=3", "c: 1. Continue", "> 1",
        "scene a.done", "p: Done.", "end: "}},
      {"a choice's goto is chosen when the choices are shown, before its own do", R"(
  start:
    text: Hub.
    choices:
      - text: Go
        do: [flag = true]
        goto:
          - {if: flag, goto: lit}
          - goto: dark
  dark:
    text: Dark.
    next: start
  lit:
    text: Lit.
    end: true
)",
       {1, 1, 1},
       {"scene a.start", "p: Hub.", "c: 1. Go", "> 1", "scene a.dark", "p: Dark.", "c: 1. Continue", "> 1",
        "scene a.start", "p: Hub.", "c: 1. Go", "> 1", "scene a.lit", "p: Lit.", "end: "}},
      {"a fallback choice is shown only when no other choice is", R"(
  start:
    text: Room {visits(start)}.
    choices:
      - {text: Open the box, goto: start, once: true}
      - {text: Read the letter, goto: start, once: true}
      - {text: Leave at last, goto: out, fallback: true}
  out:
    text: Out.
    end: true
)",
       {1, 1, 1},
       {"scene a.start", "p: Room 1.", "c: 1. Open the box", "c: 2. Read the letter", "> 1", "scene a.start",
        "p: Room 2.", "c: 1. Read the letter", "> 1", "scene a.start", "p: Room 3.", "c: 1. Leave at last", "> 1",
        "scene a.out", "p: Out.", "end: "}},
      {"a choice without text is offered as Continue when nothing else is", R"(
  start:
    text: Hall.
    choices:
      - {text: Ring the bell, goto: start, once: true}
      - {goto: out}
  out:
    text: Out.
    end: true
)",
       {1, 1},
       {"scene a.start", "p: Hall.", "c: 1. Ring the bell", "> 1", "scene a.start", "p: Hall.", "c: 1. Continue",
        "> 1", "scene a.out", "p: Out.", "end: "}},
      {"a scene without text and a next passes play straight on, running its do", R"(
  start:
    text: Door.
    choices:
      - {text: In, goto: router, do: [n += 2]}
  router:
    do: [flag = true]
    next:
      - {if: n >= 2, goto: big}
      - goto: small
  big:
    text: Big, flag={flag}, router entered {visits(router)} time.
    end: true
  small:
    text: Small.
    end: true
)",
       {1},
       {"scene a.start", "p: Door.", "c: 1. In", "> 1", "scene a.big", "p: Big, flag=true, router entered 1 time.",
        "end: "}},
      {"a scene without text goes on by its automatic choice when no other is shown", R"(
  start:
    text: Hub.
    choices:
      - {text: Step, goto: gate}
  gate:
    choices:
      - {text: Climb the wall, goto: start, if: flag}
      - {goto: yard, do: [flag = true]}
  yard:
    text: Yard, flag={flag}.
    next: gate
)",
       {1, 1},
       {"scene a.start", "p: Hub.", "c: 1. Step", "> 1", "scene a.yard", "p: Yard, flag=true.", "c: 1. Continue",
        "> 1", "scene a.gate", "c: 1. Climb the wall"}},
      {"the start itself may pass play on", R"(
  start:
    next:
      - {if: flag, goto: start}
      - goto: real
  real:
    text: Real start.
    end: true
)",
       {},
       {"scene a.real", "p: Real start.", "end: "}},
      {"scenes that pass play to each other forever are a run-time error", R"(
  start:
    text: Go.
    choices:
      - {text: Loop, goto: ping}
  ping:
    next: pong
  pong:
    next: ping
)",
       {1},
       {"scene a.start", "p: Go.", "c: 1. Loop", "> 1",
        "fault: DIR/a.yaml:8:3: run-time error: scenes without text passed play straight on 1000 times in a row "
        "(last 'a.ping'): give one of them text or a choice"}},
  };
  for (const FlowCase& c : cases) {
    INFO(c.name);
    lc::test::TempStory dir(oneChapter(kVars, c.scenes));
    lc::LoadResult loaded = dir.load();
    INFO(lc::formatText(loaded.diagnostics));
    REQUIRE(loaded.story);
    lc::Runner r(*loaded.story);
    Lines t = play(r, c.picks);
    for (auto& line : t)
      for (size_t at; (at = line.find(dir.path())) != std::string::npos;) line.replace(at, dir.path().size(), "DIR");
    CHECK(t == c.expected);
  }
}

TEST_CASE("flow: rollback and saves give back the same alternatives") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: "{~Rain.|Wind.|Snow.} {&A|B}"
    choices:
      - {text: Again, goto: start}
)"));
  lc::Runner r(*story);
  Lines first = play(r, {1, 1});
  std::string shown = first[first.size() - 2];
  std::string save = lc::writeSave(*story, r.state(), lc::describeState(*story, r.state(), "2026-12-04T20:00:00Z"));
  REQUIRE(r.back());
  Lines back = lc::test::drain(r);
  REQUIRE(r.choose(0));
  Lines again = lc::test::drain(r);
  auto paragraph = [](const Lines& lines) {
    for (const auto& l : lines)
      if (l.rfind("p: ", 0) == 0) return l;
    return std::string();
  };
  CHECK(paragraph(again) == shown);  // the same text after going back and choosing again
  lc::SaveReadResult loaded = lc::readSave(*story, save);
  REQUIRE(loaded.ok);
  lc::Runner other(*story);
  other.resume(loaded.state);
  Lines resumed = lc::test::drain(other);
  CHECK(paragraph(resumed) == shown);  // and after loading the save
}

TEST_CASE("flow: the walk and explore follow conditional ways on and pass-through scenes") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: "{Hub.|Hub again.|Hub, {&once more|and more}.}"
    choices:
      - {text: Up, goto: up, do: [n += 1], once: true}
      - {text: Down, goto: router}
      - {goto: start}
  up:
    text: Up.
    next: start
  router:
    next:
      - {if: n >= 1, goto: good}
      - goto: bad
  good:
    text: Good.
    end: true
  bad:
    text: Bad.
    end: true
)"));
  lc::WalkResult a = lc::walk(*story, 5000, 7);
  CHECK(a.error.empty());
  CHECK(a.hash == lc::walk(*story, 5000, 7).hash);  // reproducible
  CHECK(a.endings > 0);
  lc::ExploreResult r = lc::explore(*story);
  CHECK(r.complete);
  CHECK(r.endings.size() == 2);
  CHECK(r.deadEnds.empty());
  CHECK(r.errors.empty());
  for (size_t s = 0; s < story->scenes.size(); ++s) {
    INFO(story->scenes[s].qualified);
    CHECK(r.sceneReached[s]);  // the router too, though play never stops there
  }
}
