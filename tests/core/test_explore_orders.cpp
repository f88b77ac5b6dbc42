// explore on hubs of once-only rooms: free rooms taken in one order only
// (explore_orders.cpp) and what a search too large for its cap says about hubs
// (explore_findings.cpp), with state spaces counted by hand. Each answer is checked
// against the search that keeps every order and every value.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "analysis/explore.h"
#include "support/explore_answers.h"
#include "support/fault_stories.h"

namespace {

lc::ExploreResult run(const lc::Story& story, uint64_t maxStates = 200000, bool collapse = true, bool merge = true) {
  lc::ExploreOptions options;
  options.maxStates = maxStates;
  options.collapseOrders = collapse;
  options.mergeValues = merge;
  return lc::explore(story, options);
}

lc::ExploreResult concrete(const lc::Story& story) { return run(story, 2000000, false, false); }

// The shared comparison, and fewer states than keeping every order.
void requireSameAnswers(const lc::ExploreResult& reduced, const lc::ExploreResult& plain) {
  lc::test::requireSameAnswers(reduced, plain);
  CHECK(reduced.states < plain.states);
}

// A hub of `rooms` once-only rooms, each adding one to `done` on entry; Leave (when
// `leaveIf` holds) goes on to `leave`. `room` is the rest of each room (its way back).
std::string hub(int rooms, const std::string& leave, const std::string& leaveIf = "true",
                const std::string& room = "    next: hub\n", const std::string& more = "") {
  std::string s = "  hub:\n    text: H\n    choices:\n";
  for (int i = 0; i < rooms; ++i)
    s += "      - {text: Room " + std::to_string(i) + ", goto: r" + std::to_string(i) + ", once: true}\n";
  s += "      - {text: Leave, goto: " + leave + ", if: \"" + leaveIf + "\"}\n" + more;
  for (int i = 0; i < rooms; ++i) s += "  r" + std::to_string(i) + ":\n    text: R\n    do: [done += 1]\n" + room;
  return s;
}

}  // namespace

TEST_CASE("a search stopped at its cap names the hub whose sets of rooms make it large") {
  // Four rooms, then a counter read exactly at 5000: the hub's 16 sets of rooms done are
  // all found early (16 hub states and each room entered with the 8 sets of the others:
  // 48 states; in one order room i only with the 2^i sets before it: 31), and the cap
  // stops the search in the tail.
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "  done: {type: int, initial: 0, min: 0, max: 4}\n  n: {type: int, initial: 0, min: 0, max: 10000}\n",
      hub(4, "tail") + "  tail:\n    text: T {done}\n    choices:\n"
                       "      - {text: Wait, goto: tail, do: [n += 1]}\n"
                       "      - {text: Go, goto: out, if: n == 5000 and done >= 2}\n"
                       "  out:\n    text: O\n    end: true\n",
      "a.hub"));
  for (bool collapse : {false, true}) {
    INFO("one order: " << collapse);
    lc::ExploreResult r = run(*story, 1000, collapse);
    REQUIRE_FALSE(r.complete);
    REQUIRE(r.hubSets.size() == 1);
    CHECK(r.hubSets[0].scene == story->findScene("a.hub"));
    CHECK(r.hubSets[0].choices == 4);
    CHECK(r.hubSets[0].sets == 16);
    CHECK(r.hubSets[0].states == (collapse ? 31u : 48u));
    REQUIRE_FALSE(r.crowdedScenes.empty());
    CHECK(r.crowdedScenes[0].first == story->findScene("a.tail"));
  }
}

TEST_CASE("a hub of free once-only rooms is searched in one order") {
  // Six rooms whose only effect is done += 1; the way out needs all six. Every order: the
  // hub with each of the 64 sets done, each room entered with each of the 32 sets of the
  // other five (192), and the end: 257. In one order room i is entered only with the
  // sets of rooms before it (2^i): 63, so 64 + 63 + 1 = 128.
  auto story = lc::test::loadValid(
      lc::test::oneChapter("  done: {type: int, initial: 0, min: 0, max: 6}\n",
                           hub(6, "out", "done >= 6") + "  out:\n    text: O\n    end: true\n", "a.hub"));
  lc::ExploreResult reduced = run(*story);
  lc::ExploreResult plain = concrete(*story);
  CHECK(plain.states == 257);
  CHECK(run(*story, 200000, false).states == 257);  // merging alone: every set is a state
  CHECK(reduced.states == 128);
  REQUIRE(reduced.orderedHubs.size() == 1);
  CHECK(reduced.orderedHubs[0].first == story->findScene("a.hub"));
  CHECK(reduced.orderedHubs[0].second == 6);
  CHECK(reduced.ordersSkipped > 0);
  // The hub with rooms 1..5 done but not room 0 has its way on only through room 0,
  // which one order does not take there: searched again, it is no soft-lock.
  CHECK(reduced.rescued > 0);
  CHECK(reduced.softLocks.empty());
  CHECK(reduced.faultCount() == 0);
  requireSameAnswers(reduced, plain);
  CHECK(plain.orderedHubs.empty());
}

TEST_CASE("faults behind every order of free rooms are still found, on shortest paths") {
  // Eight rooms, each kept or given (kept += 1 or not): the hub holds a set of rooms
  // done and 0..|set| kept. The way out needs all eight; past it, the gate opens only
  // for 1..7 kept: a dead end after keeping none or all eight, 17 choices in.
  // Counted by hand: hub sum_k C(8,k)(k+1) = 1280; rooms in every order: each room
  // entered with each set T of the other seven and 0..|T| kept, 8 * (128 + 7 * 64) =
  // 4608; in one order room i only with T among the rooms before it: 2^i + i 2^(i-1),
  // 1024 in all; the gate with 0..8 kept (9) and the end (1).
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "  done: {type: int, initial: 0, min: 0, max: 8}\n  kept: {type: int, initial: 0, min: 0, max: 8}\n",
      hub(8, "gate", "done >= 8",
          "    choices:\n      - {text: Keep, goto: hub, do: [kept += 1]}\n      - {text: Give, goto: hub}\n") +
          "  gate:\n    text: G\n    choices:\n      - {text: Through, goto: out, if: kept >= 1 and kept <= 7}\n"
          "  out:\n    text: O\n    end: true\n",
      "a.hub"));
  lc::ExploreResult reduced = run(*story);
  lc::ExploreResult plain = concrete(*story);
  CHECK(plain.states == 1280 + 4608 + 9 + 7);  // keeping every value: the end with 1..7 kept
  CHECK(run(*story, 200000, false).states == 1280 + 4608 + 9 + 1);
  CHECK(reduced.states == 1280 + 1024 + 9 + 1);
  REQUIRE(reduced.deadEnds.size() == 1);
  CHECK(reduced.deadEnds[0].scene == story->findScene("a.gate"));
  CHECK(reduced.deadEnds[0].path.size() == 17);
  REQUIRE(reduced.endings.size() == 1);
  CHECK(reduced.endings[0].path.size() == 18);
  requireSameAnswers(reduced, plain);
}

TEST_CASE("a soft-lock past a hub of free rooms is found; a room that reads the others' counter keeps its orders") {
  // Rest ends at once; Leave goes to a field whose way home needs at most five rooms
  // done: after all six, play goes round the field for ever, 13 choices in.
  auto story = lc::test::loadValid(
      lc::test::oneChapter("  done: {type: int, initial: 0, min: 0, max: 6}\n",
                           hub(6, "field", "true", "    next: hub\n", "      - {text: Rest, goto: out}\n") +
                               "  field:\n    text: F\n    choices:\n      - {text: Home, goto: out, if: done <= 5}\n"
                               "      - {text: Round, goto: field}\n"
                               "  out:\n    text: O\n    end: true\n",
                           "a.hub"));
  lc::ExploreResult reduced = run(*story);
  lc::ExploreResult plain = concrete(*story);
  REQUIRE(reduced.softLocks.size() == 1);
  CHECK(reduced.softLocks[0].scene == story->findScene("a.field"));
  CHECK(reduced.softLocks[0].path.size() == 13);
  CHECK(reduced.orderedHubs.size() == 1);
  requireSameAnswers(reduced, plain);

  // Room C opens only while fewer than two rooms are done: it reads what A and B change,
  // so it is never moved before them nor they before it; A and B are still taken in one
  // order between themselves. Counted by hand: the hub with {}, A, B, C, AB, AC, BC,
  // ABC (8); A entered with {}, B, C or BC done before (4), B likewise (4), C with {},
  // A or B (3); the end: 20. In one order A is not taken after B alone: 19.
  auto reads = lc::test::loadValid(
      lc::test::oneChapter("  done: {type: int, initial: 0, min: 0, max: 6}\n",
                           "  hub:\n    text: H\n    choices:\n"
                           "      - {text: A, goto: r0, once: true}\n      - {text: B, goto: r1, once: true}\n"
                           "      - {text: C, goto: r2, once: true, if: done < 2}\n      - {text: Leave, goto: out}\n"
                           "  r0:\n    text: R\n    do: [done += 1]\n    next: hub\n"
                           "  r1:\n    text: R\n    do: [done += 1]\n    next: hub\n"
                           "  r2:\n    text: R\n    do: [done += 1]\n    next: hub\n"
                           "  out:\n    text: O\n    end: true\n",
                           "a.hub"));
  lc::ExploreResult kept = run(*reads);
  REQUIRE(kept.orderedHubs.size() == 1);
  CHECK(kept.orderedHubs[0].second == 3);
  CHECK(run(*reads, 200000, false).states == 20);
  CHECK(kept.states == 19);
  requireSameAnswers(kept, concrete(*reads));
}

TEST_CASE("rooms that move a shared counter both ways are free where no min or max can act") {
  // Five rooms, each warming or cooling mood by 1; Leave needs mood >= 2. Play starts at
  // the hub with mood 0 and a stay moves it at most 5 either way: inside -10 .. 10, so
  // the moves commute. Counted by hand: the hub holds each set S with |S| + 1 moods
  // (112); in every order each room is entered with each set T of the other four and
  // |T| + 1 moods (5 * 48 = 240); in one order room i only with T among the rooms before
  // it (2^i + i 2^(i-1): 80 in all); the end: 1 (keeping every value: 6 pairs of mood
  // and rooms done).
  auto hubOf = [](const std::string& min) {
    return lc::test::loadValid(lc::test::oneChapter(
        "  mood: {type: int, initial: 0, min: " + min + ", max: 10}\n  done: {type: int, initial: 0, min: 0, max: 5}\n",
        hub(5, "out", "mood >= 2",
            "    choices:\n      - {text: Warm, goto: hub, do: [mood += 1]}\n"
            "      - {text: Cool, goto: hub, do: [mood -= 1]}\n") +
            "  out:\n    text: O\n    end: true\n",
        "a.hub"));
  };
  auto story = hubOf("-10");
  lc::ExploreResult reduced = run(*story);
  lc::ExploreResult plain = concrete(*story);
  CHECK(plain.states == 112 + 240 + 6);
  CHECK(run(*story, 200000, false).states == 112 + 240 + 1);
  CHECK(reduced.states == 112 + 80 + 1);
  REQUIRE(reduced.orderedHubs.size() == 1);
  CHECK(reduced.orderedHubs[0].second == 5);
  requireSameAnswers(reduced, plain);
  // With min -3, five cools would be clamped: the order can matter, every order is kept.
  auto clamped = hubOf("-3");
  lc::ExploreResult kept = run(*clamped);
  CHECK(kept.orderedHubs.empty());
  CHECK(kept.states == run(*clamped, 200000, false).states);
}

TEST_CASE("text that prints a counter does not stop it merging") {
  // Text never decides where play goes: the foot prints climbs exactly and tells 7 from
  // the rest, yet the only condition reads climbs >= 3, so the search holds 0, 1, 2,
  // "3 or more" at the foot and the top (5 states), as without the text.
  auto story = lc::test::loadValid(
      lc::test::oneChapter("  climbs: {type: int, initial: 0, max: 99}\n",
                           "  start:\n    text: \"Foot, {climbs} climbs{if climbs == 7}, seven{end}.\"\n    choices:\n"
                           "      - {text: Climb, goto: start, do: [climbs += 1]}\n"
                           "      - {text: Rest, goto: top, if: climbs >= 3}\n"
                           "  top:\n    text: \"Top after {climbs}.\"\n    end: true\n"));
  lc::ExploreResult r = run(*story);
  CHECK(r.complete);
  CHECK(r.states == 5);
  REQUIRE(r.keeps.size() == 1);
  CHECK(r.keeps[0].kind == lc::VariableKeep::Counter);
  CHECK(r.keeps[0].cuts == std::vector<int64_t>{3});
  CHECK(r.variables[0].moreAbove);
  CHECK(r.faultCount() == 0);
}
