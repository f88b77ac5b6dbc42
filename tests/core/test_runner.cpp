// The story's state machine: what entering scenes and taking choices does.
#include <catch2/catch.hpp>

#include "core/runner.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::oneChapter;
using lc::test::play;
using lc::test::TempStory;
using lc::test::loadValid;
using Lines = std::vector<std::string>;

namespace {

const char* kVars = "  n: {type: int, initial: 0, min: 0, max: 3}\n  flag: {type: bool, initial: false}\n";

}  // namespace

SCENARIO("once choices disappear after they are taken") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: Hub {visits(start)}.
    choices:
      - {text: Look, goto: start, once: true}
      - {text: Leave, goto: out}
  out:
    text: Gone.
    end: true
    ending: Away
)"));
  lc::Runner r(*story);
  Lines t = play(r, {1, 1});
  CHECK(t == Lines{"scene a.start", "p: Hub 1.", "c: 1. Look", "c: 2. Leave", "> 1", "scene a.start", "p: Hub 2.",
                   "c: 1. Leave", "> 1", "scene a.out", "p: Gone.", "end: Away"});
  CHECK(r.phase() == lc::Phase::Ended);
}

SCENARIO("effects run in order, ints clamp, conditions read them") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    do: [n += 5, flag = n == 3]
    text: "n={n} flag={flag} {if seen(start) and not seen(b)}first{else}again{end}"
    choices:
      - {text: Down, goto: b, do: [n -= 10]}
      - {text: Never, goto: b, if: n > 3}
  b:
    text: n={n}
    next: start
)"));
  lc::Runner r(*story);
  Lines t = play(r, {1, 1});
  CHECK(t == Lines{"scene a.start", "p: n=3 flag=true first", "c: 1. Down", "> 1", "scene a.b", "p: n=0", "c: 1. Continue",
                   "> 1", "scene a.start", "p: n=3 flag=true again", "c: 1. Down"});
}

SCENARIO("cross-chapter goto, music and sound cues, prompts only in classroom mode") {
  std::map<std::string, std::string> files = {
      {"story.yaml", "format: lostcorner/1\nid: t\ntitle: T\nstart: one.a\nchapters: [one.yaml, two.yaml]\n"
                     "music:\n  theme: {file: theme.ogg}\nsounds:\n  bell: {file: bell.ogg}\n"},
      {"one.yaml", "chapter: one\nscenes:\n  a:\n    music: theme\n    sound: bell\n    text: A.\n"
                   "    prompt: {kind: predict, ask: \"What next?\"}\n    journal: Why?\n    next: two.a\n"},
      {"two.yaml", "chapter: two\nscenes:\n  a:\n    music: none\n    text: B.\n    end: true\n"}};
  auto story = loadValid(files);
  lc::Runner plain(*story);
  CHECK(play(plain, {1}) == Lines{"scene one.a", "music theme", "sound bell", "p: A.", "c: 1. Continue", "> 1",
                                  "scene two.a", "music none", "p: B.", "end: "});
  lc::RunnerOptions options;
  options.classroom = options.journal = true;
  lc::Runner classroom(*story, options);
  CHECK(play(classroom, {}) == Lines{"scene one.a", "music theme", "sound bell", "p: A.", "prompt: What next?",
                                     "journal: Why?", "c: 1. Continue"});
}

SCENARIO("a dead end in play is reported plainly and back() leaves it") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: Start.
    choices:
      - {text: Trap, goto: trap, do: [flag = true]}
  trap:
    text: Trapped.
    choices:
      - {text: Out, goto: start, if: not flag}
)"));
  lc::Runner r(*story);
  Lines t = play(r, {1});
  REQUIRE(t.size() == 7);
  CHECK(t[6].find("dead end: no choice can be taken in scene 'a.trap'") != std::string::npos);
  CHECK(r.phase() == lc::Phase::DeadEnd);
  REQUIRE(r.back());
  CHECK(lc::test::drain(r) == Lines{"scene a.start", "music none", "sound none", "p: Start.", "c: 1. Trap"});
  CHECK(r.state().vars[1] == lc::Value::ofBool(false));
}

SCENARIO("a run-time error names the place in the story") {
  auto story = loadValid(oneChapter("  n: {type: int, initial: 2147483647}\n", R"(
  start:
    text: Start.
    choices:
      - {text: Overflow, goto: start, do: [n += 1]}
)"));
  lc::Runner r(*story);
  Lines t = play(r, {1});
  REQUIRE(!t.empty());
  INFO(t.back());
  CHECK(t.back().rfind("fault: ", 0) == 0);
  CHECK(t.back().find("a.yaml:7:46: run-time error: integer overflow") != std::string::npos);
  CHECK(r.phase() == lc::Phase::Faulted);
  CHECK(r.back());
}

SCENARIO("back() undoes the last choice, its effects and its once") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: n={n}
    choices:
      - {text: Add, goto: start, once: true, do: [n += 1]}
      - {text: Stay, goto: start}
)"));
  lc::Runner r(*story);
  play(r, {1});
  CHECK(r.state().vars[0].number == 1);
  REQUIRE(r.back());
  CHECK(lc::test::drain(r) == Lines{"scene a.start", "music none", "sound none", "p: n=0", "c: 1. Add", "c: 2. Stay"});
  CHECK(r.state().visits[0] == 1);
  CHECK_FALSE(r.back());
}

SCENARIO("a closed chapter holds play at the gate until it opens") {
  std::map<std::string, std::string> files = {
      {"story.yaml", "format: lostcorner/1\nid: t\ntitle: T\nstart: one.a\nchapters: [one.yaml, two.yaml]\n"},
      {"one.yaml", "chapter: one\nscenes:\n  a:\n    text: A.\n    next: two.a\n"},
      {"two.yaml", "chapter: two\ntitle: Two\nscenes:\n  a:\n    text: B.\n    end: true\n"}};
  auto story = loadValid(files);
  bool open = false;
  lc::RunnerOptions options;
  options.chapterOpen = [&](int chapter) { return chapter == 0 || open; };
  lc::Runner r(*story, options);
  CHECK(play(r, {1}) == Lines{"scene one.a", "p: A.", "c: 1. Continue", "> 1", "gate: Two"});
  CHECK(r.phase() == lc::Phase::Gated);
  r.retryGate();
  CHECK(lc::test::drain(r) == Lines{"gate: Two"});
  open = true;
  r.retryGate();
  CHECK(lc::test::drain(r) == Lines{"scene two.a", "p: B.", "end: "});
}

SCENARIO("a looping sound goes on until another loop, `sound: none`, or a new chapter") {
  std::map<std::string, std::string> files = {
      {"story.yaml", "format: lostcorner/1\nid: t\ntitle: T\nstart: one.a\nchapters: [one.yaml, two.yaml]\n"
                     "sounds:\n  rain: {file: r.ogg}\n  bell: {file: b.ogg}\n  wind: {file: w.ogg}\n"},
      {"one.yaml", "chapter: one\nscenes:\n"
                   "  a:\n    sound: {cue: rain, loop: true}\n    text: A.\n    next: b\n"
                   "  b:\n    sound: bell\n    text: B.\n    next: c\n"
                   "  c:\n    sound: {cue: wind, loop: true}\n    text: C.\n    next: d\n"
                   "  d:\n    sound: none\n    text: D.\n    next: e\n"
                   "  e:\n    sound: {cue: rain, loop: true}\n    text: E.\n    next: two.a\n"},
      {"two.yaml", "chapter: two\nscenes:\n  a:\n    text: F.\n    end: true\n"}};
  auto story = loadValid(files);
  lc::Runner r(*story);
  Lines t = play(r, {1, 1, 1, 1, 1});
  Lines sounds;
  for (const auto& line : t)
    if (line.rfind("sound", 0) == 0 || line.rfind("scene", 0) == 0) sounds.push_back(line);
  CHECK(sounds == Lines{"scene one.a", "sound rain", "scene one.b", "sound bell", "scene one.c", "sound wind",
                        "scene one.d", "sound none", "scene one.e", "sound rain", "scene two.a", "sound none"});
}
