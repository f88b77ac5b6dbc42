// explore's merging of values nothing ahead can tell apart (analysis/explore_values.cpp):
// stories whose state spaces are counted by hand, planted faults that only show behind a
// saturated counter or after many orders of once-only rooms, and the same answers as a
// search that keeps every value (mergeValues off) wherever that one can finish.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/explore.h"
#include "support/explore_answers.h"
#include "support/fault_stories.h"

namespace {

lc::ExploreResult run(const lc::Story& story, bool merge, uint64_t maxStates = 200000) {
  lc::ExploreOptions options;
  options.maxStates = maxStates;
  options.mergeValues = merge;
  return lc::explore(story, options);
}

using lc::test::requireSameAnswers;

// A hub of `rooms` once-only rooms, each adding one to `done`; the way out needs `need`.
std::string hubScenes(int rooms, const std::string& need) {
  std::string s = "  hub:\n    text: H\n    choices:\n";
  for (int i = 0; i < rooms; ++i) s += "      - {text: Room " + std::to_string(i) + ", goto: r" + std::to_string(i) + ", once: true}\n";
  s += "      - {text: Leave, goto: out, if: \"" + need + "\"}\n";
  for (int i = 0; i < rooms; ++i)
    s += "  r" + std::to_string(i) + ":\n    text: R\n    do: [done += 1]\n    next: hub\n";
  return s + "  out:\n    text: O\n    end: true\n";
}

}  // namespace

TEST_CASE("a counter that only grows saturates at what reads it") {
  struct Case {
    const char* name;
    const char* variable;
    const char* leave;       // the condition on the way out
    uint64_t states;         // counted by hand
    size_t endingChoices;
    size_t faults;
  };
  const Case cases[] = {
      // climbs 0, 1, 2, "3 or more" at the foot, and the top (climbs no longer read).
      {"max 99, read as >= 3", "  climbs: {type: int, initial: 0, max: 99}\n", "climbs >= 3", 5, 4, 0},
      // Without a max, climbing for ever overflows it: a real run-time error, found on
      // the loop of "3 or more".
      {"unbounded, read as >= 3", "  climbs: {type: int, initial: 0}\n", "climbs >= 3", 5, 4, 1},
      // == 3 tells 3 from 4: 0..3, "4 or more", and the top; past 3 there is no way up
      // any more (a soft-lock, found behind the saturation), and the overflow.
      {"unbounded, read as == 3", "  climbs: {type: int, initial: 0}\n", "climbs == 3", 6, 4, 2},
      // A max far above the read changes nothing.
      {"max 1000, read as > 1", "  climbs: {type: int, initial: 0, min: 0, max: 1000}\n", "climbs > 1", 4, 3, 0},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto story = lc::test::loadValid(lc::test::oneChapter(
        c.variable, std::string("  start:\n    text: Foot\n    choices:\n"
                                "      - {text: Climb, goto: start, do: [climbs += 1]}\n"
                                "      - {text: Rest, goto: top, if: \"") + c.leave + "\"}\n"
                                "  top:\n    text: Top\n    end: true\n"));
    lc::ExploreResult r = run(*story, true);
    CHECK(r.complete);
    CHECK(r.states == c.states);
    CHECK(r.faultCount() == c.faults);
    bool unbounded = std::string(c.variable).find("max") == std::string::npos;
    REQUIRE(r.errors.size() == (unbounded ? 1u : 0u));
    if (unbounded) {
      CHECK(r.errors[0].message ==
            "integer overflow: 'climbs' has no max, and play can go round a loop that moves it for ever, until it leaves "
            "the 32-bit range; give 'climbs' a max");
      CHECK(r.errors[0].loc.line == 6);  // the climbs += 1
    }
    REQUIRE(r.endings.size() == 1);
    CHECK(r.endings[0].path.size() == c.endingChoices);
    CHECK(r.keeps[0].kind == lc::VariableKeep::Counter);
    CHECK(r.variables[0].moreAbove);
    // Keeping every value, the search does not end within 50 states.
    CHECK_FALSE(run(*story, false, 50).complete);
  }
}

TEST_CASE("a fault behind a saturated counter is still found, on a shortest path") {
  // After ten climbs the way down is gone: play goes round the foot for ever.
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "  climbs: {type: int, initial: 0, max: 1000}\n",
      "  start:\n    text: Foot\n    choices:\n"
      "      - {text: Climb, goto: start, do: [climbs += 1]}\n"
      "      - {text: Down, goto: home, if: climbs < 10}\n"
      "  home:\n    text: Home\n    end: true\n"));
  lc::ExploreResult r = run(*story, true);
  CHECK(r.complete);
  CHECK(r.states == 12);  // the foot with 0..9 and "10 or more" climbs, and home
  REQUIRE(r.softLocks.size() == 1);
  CHECK(r.softLocks[0].scene == story->findScene("a.start"));
  CHECK(r.softLocks[0].path.size() == 10);
  CHECK(r.faultCount() == 1);
  CHECK(run(*story, false).states == 1011);  // keeping every value: 0..1000 at the foot, home after 0..9
}

TEST_CASE("a hub of once-only rooms: every order is one state per set of rooms done") {
  // 6 rooms: the hub with each of the 2^6 sets done (64), each room entered with each set
  // of the other 5 done before it (6 * 32): 256 states, though there are 6! orders.
  auto story = lc::test::loadValid(lc::test::oneChapter("  done: {type: int, initial: 0}\n", hubScenes(6, "done >= 7"),
                                                        "a.hub"));
  lc::ExploreResult merged = run(*story, true);
  lc::ExploreResult plain = run(*story, false);
  CHECK(merged.states == 256);
  CHECK(plain.states == 256);
  // The fault behind every order: with all six rooms done, nothing is left to choose.
  REQUIRE(merged.deadEnds.size() == 1);
  CHECK(merged.deadEnds[0].scene == story->findScene("a.hub"));
  CHECK(merged.deadEnds[0].path.size() == 12);
  requireSameAnswers(merged, plain);
}

TEST_CASE("a two-way counter in a hub of once-only rooms still merges: the hub's moves are bounded") {
  // Start sets mood to 20 or 30; the hub's one once-only room moves it down by 1 or not at
  // all. Every cycle of the hub passes that once-choice, so inside it mood can fall at
  // most 0 (the once step) + 2 x 1 (two paths of the rest) = 2: with a cut at K, values
  // from K + 2 up read alike. Counted by hand:
  //  >= 1:  start, hub {3}, room {3}, hub-after {3, 2}, out             = 6 (plain 13)
  //  >= 25: mood never rises again, so 20 and 19 read alike too (as 24, below the cut):
  //         start, hub {24, 27}, room {24, 27}, hub-after {24, 27, 26}, out = 9 (plain 11:
  //         out after 30 and 29), and the planted dead end: the room done, mood below 25.
  struct Case {
    const char* leave;
    uint64_t states, plainStates;
    size_t deadEnds;
  };
  const Case cases[] = {{"mood >= 1", 6, 13, 0}, {"mood >= 25", 9, 11, 1}};
  for (const Case& c : cases) {
    INFO(c.leave);
    auto story = lc::test::loadValid(lc::test::oneChapter(
        "  mood: {type: int, initial: 0, min: -100, max: 100}\n",
        std::string("  start:\n    text: S\n    choices:\n"
                    "      - {text: High, goto: hub, do: [mood += 20]}\n"
                    "      - {text: Higher, goto: hub, do: [mood += 30]}\n"
                    "  hub:\n    text: H\n    choices:\n"
                    "      - {text: Room, goto: room, once: true}\n"
                    "      - {text: Leave, goto: out, if: \"") + c.leave + "\"}\n"
                    "  room:\n    text: R\n    choices:\n"
                    "      - {text: Down, goto: hub, do: [mood -= 1]}\n"
                    "      - {text: Stay, goto: hub}\n"
                    "  out:\n    text: O\n    end: true\n"));
    lc::ExploreResult merged = run(*story, true);
    lc::ExploreResult plain = run(*story, false);
    CHECK(merged.states == c.states);
    CHECK(plain.states == c.plainStates);
    CHECK(merged.deadEnds.size() == c.deadEnds);
    REQUIRE(merged.keeps.size() == 1);
    CHECK(merged.keeps[0].kind == lc::VariableKeep::Counter);
    CHECK(merged.keeps[0].onceBounded);
    requireSameAnswers(merged, plain);
  }
}

TEST_CASE("merged and plain searches give the same answers") {
  struct Case {
    const char* name;
    std::map<std::string, std::string> files;
  };
  const Case cases[] = {
      {"a counter up and down between clamps",
       lc::test::oneChapter("  n: {type: int, initial: 5, min: 0, max: 20}\n",
                            "  start:\n    text: S\n    choices:\n"
                            "      - {text: Up, goto: start, do: [n += 3]}\n"
                            "      - {text: Down, goto: start, do: [n -= 2]}\n"
                            "      - {text: Go, goto: mid, if: n >= 12}\n"
                            "  mid:\n    text: M\n    choices:\n"
                            "      - {text: Less, goto: mid, do: [n -= 1]}\n"
                            "      - {text: Exact, goto: out, if: n == 9}\n"
                            "  out:\n    text: O\n    end: true\n")},
      {"a counter read ahead only after a chain", lc::test::oneChapter(
           "  n: {type: int, initial: 0, min: 0, max: 30}\n  flag: {type: bool, initial: false}\n",
           "  start:\n    text: S\n    choices:\n"
           "      - {text: Up, goto: start, do: [n += 1]}\n"
           "      - {text: On, goto: a, do: [flag = true]}\n"
           "      - {text: Off, goto: a}\n"
           "  a:\n    text: A\n    choices:\n"
           "      - {text: Spend, goto: b, do: [n -= 4]}\n"
           "      - {text: Keep, goto: b}\n"
           "  b:\n    text: B\n    choices:\n"
           "      - {text: Rich, goto: out, if: n >= 5 and flag}\n"
           "      - {text: Poor, goto: stuck, if: n < 2}\n"
           "  stuck:\n    text: Stuck\n    next: stuck2\n"
           "  stuck2:\n    text: Still\n    next: stuck\n"
           "  out:\n    text: O\n    end: true\n")},
      {"a hub whose way out needs every room", lc::test::oneChapter("  done: {type: int, initial: 0}\n",
                                                                     hubScenes(5, "done >= 5"), "a.hub")},
      {"the planted faults", lc::test::deadEndStory().files},
      {"an ending never shown", lc::test::unreachableEndingStory().files},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    auto story = lc::test::loadValid(c.files);
    requireSameAnswers(run(*story, true), run(*story, false));
  }
  auto tutorial = lc::loadStory(std::string(LC_SOURCE_DIR) + "/story/tutorial");
  REQUIRE(tutorial.story);
  lc::ExploreResult plain = run(*tutorial.story, false, 2000000);
  requireSameAnswers(run(*tutorial.story, true), plain);  // the tutorial: a plain search finishes too
}
