// explore(): every planted fault found at its scene with a shortest path there, nothing
// on clean stories, and its merged states checked against a plain search that keeps
// every visit count and spent choice.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "analysis/explore.h"
#include "core/play.h"
#include "support/fault_stories.h"

namespace {

using lc::test::FaultStory;

lc::ExploreResult exploreStory(const FaultStory& s, uint64_t maxStates = 100000) {
  auto story = lc::test::loadValid(s.files);
  lc::ExploreOptions options;
  options.maxStates = maxStates;
  return lc::explore(*story, options);
}

// Each step as "scene:choice" (choice 1-based, 0 for a `next`).
std::string steps(const lc::ExplorePath& path) {
  std::string out;
  for (const auto& s : path) out += (out.empty() ? "" : " ") + std::to_string(s.scene) + ":" + std::to_string(s.choice + 1);
  return out;
}

std::vector<std::string> labels(const lc::Story& story, const lc::ExplorePath& path) {
  std::vector<std::string> out;
  for (const auto& s : path) out.push_back(lc::choiceLabel(story, s.scene, lc::VisibleChoice{s.choice, -1}));
  return out;
}

}  // namespace

TEST_CASE("explore finds nothing wrong in a clean story") {
  lc::ExploreResult r = exploreStory(lc::test::cleanStory());
  CHECK(r.complete);
  CHECK(r.faultCount() == 0);
  REQUIRE(r.endings.size() == 1);
  CHECK(r.endings[0].path.size() == 1);  // Leave
  CHECK(r.variables[0].lo == 0);
  CHECK(r.variables[0].hi == 1);
}

SCENARIO("explore reports each planted fault at its scene, with the way there") {
  GIVEN("a dead end that only play reaches") {
    auto story = lc::test::loadValid(lc::test::deadEndStory().files);
    lc::ExploreResult r = lc::explore(*story);
    REQUIRE(r.deadEnds.size() == 1);
    CHECK(story->scenes[r.deadEnds[0].scene].qualified == "a.hall");
    CHECK(story->where(story->scenes[r.deadEnds[0].scene].loc).find("a.yaml:11:3") != std::string::npos);
    CHECK(labels(*story, r.deadEnds[0].path) == std::vector<std::string>{"Go on"});
    CHECK(r.faultCount() == 1);
  }
  GIVEN("a scene nothing leads to") {
    auto story = lc::test::loadValid(lc::test::unreachableSceneStory().files);
    lc::ExploreResult r = lc::explore(*story);
    CHECK_FALSE(r.sceneReached[story->findScene("a.lost")]);
    CHECK(r.faultCount() == 1);
  }
  GIVEN("a choice whose condition can never hold") {
    lc::ExploreResult r = exploreStory(lc::test::impossibleConditionStory());
    CHECK(r.choiceShown[0] == std::vector<bool>{true, false});
    CHECK(r.faultCount() == 0);  // a hidden choice is a warning of check, not a fault of play
  }
  GIVEN("a loop with no way out") {
    auto story = lc::test::loadValid(lc::test::softLockStory().files);
    lc::ExploreResult r = lc::explore(*story);
    REQUIRE(r.softLocks.size() == 1);
    CHECK(story->scenes[r.softLocks[0].scene].qualified == "a.maze");
    CHECK(labels(*story, r.softLocks[0].path) == std::vector<std::string>{"Enter the maze"});
    CHECK(r.softLocks[0].loop == std::vector<int>{story->findScene("a.maze"), story->findScene("a.hall")});
    CHECK(r.faultCount() == 1);
  }
  GIVEN("an ending whose only way in is never shown") {
    auto story = lc::test::loadValid(lc::test::unreachableEndingStory().files);
    lc::ExploreResult r = lc::explore(*story);
    CHECK_FALSE(r.sceneReached[story->findScene("a.summit")]);
    CHECK(r.endings.size() == 1);
    CHECK(r.choiceShown[0] == std::vector<bool>{true, false});
    CHECK(r.variables[0].hi == 0);  // n is 1 only at the ending, where nothing reads it any more
    CHECK(r.faultCount() == 1);
  }
}

TEST_CASE("a path as the numbers a player types") {
  auto story = lc::test::loadValid(lc::test::deadEndStory().files);
  lc::ExploreResult r = lc::explore(*story);
  REQUIRE(r.deadEnds.size() == 1);
  CHECK(lc::typedChoices(*story, r.deadEnds[0].path) == std::vector<int>{2});
  // A once-choice spent moves the ones after it up: the second B is typed as 1.
  auto hub = lc::test::loadValid(lc::test::oneChapter(
      "", "  start:\n    text: S\n    choices:\n"
          "      - {text: A, goto: a, once: true}\n      - {text: B, goto: b, once: true}\n"
          "  a:\n    text: A\n    next: start\n"
          "  b:\n    text: B\n    next: start\n"));
  lc::ExplorePath path{{0, 0}, {1, -1}, {0, 1}, {2, -1}};
  CHECK(lc::typedList(lc::typedChoices(*hub, path)) == "1,1,1,1");
}

TEST_CASE("the spine: every route to an ending passes a scene, or the shortest that does not") {
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "  key: {type: bool, initial: false}\n",
      "  start:\n    text: S\n    choices:\n"
      "      - {text: Hall, goto: hall}\n      - {text: Yard, goto: yard, do: [key = true]}\n"
      "  hall:\n    text: H\n    next: gate\n"
      "  yard:\n    text: Y\n    choices:\n"
      "      - {text: Gate, goto: gate}\n      - {text: Wall, goto: out, if: key}\n"
      "  gate:\n    text: G\n    next: out\n"
      "  out:\n    text: O\n    end: true\n"));
  lc::ExploreOptions options;
  options.mustPass = {story->findScene("a.start"), story->findScene("a.gate"), story->findScene("a.hall")};
  lc::ExploreResult r = lc::explore(*story, options);
  REQUIRE(r.complete);
  REQUIRE(r.bypasses.size() == 2);  // the start is on every route; the gate and the hall are not
  CHECK(r.bypasses[0].scene == story->findScene("a.gate"));
  CHECK(labels(*story, r.bypasses[0].path) == std::vector<std::string>{"Yard", "Wall"});
  CHECK(r.bypasses[1].scene == story->findScene("a.hall"));
  CHECK(labels(*story, r.bypasses[1].path) == std::vector<std::string>{"Yard", "Wall"});
}

TEST_CASE("the paths explore reports are shortest") {
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "",
      "  start:\n    text: S\n    choices:\n      - {text: Long, goto: b}\n      - {text: Short, goto: c}\n"
      "  b:\n    text: B\n    next: c\n"
      "  c:\n    text: C\n    choices:\n      - {text: Stop, goto: end}\n"
      "  end:\n    text: E\n    end: true\n"));
  lc::ExploreResult r = lc::explore(*story);
  REQUIRE(r.endings.size() == 1);
  CHECK(labels(*story, r.endings[0].path) == std::vector<std::string>{"Short", "Stop"});
}

TEST_CASE("once-choices in a loop: spent choices are part of the state") {
  // Both once-choices taken, the hub has nothing left to show.
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "",
      "  start:\n    text: S\n    choices:\n"
      "      - {text: A, goto: a, once: true}\n      - {text: B, goto: b, once: true}\n"
      "  a:\n    text: A\n    next: start\n"
      "  b:\n    text: B\n    next: start\n"));
  lc::ExploreResult r = lc::explore(*story);
  CHECK(r.complete);
  REQUIRE(r.deadEnds.size() == 1);
  CHECK(steps(r.deadEnds[0].path) == "0:1 1:0 0:2 2:0");
  CHECK(r.trackedOnce == 2);
}

TEST_CASE("visit counts: kept only as far as conditions can tell them apart") {
  auto hub = [](const std::string& condition) {
    return lc::test::oneChapter("",
                                "  start:\n    text: S\n    choices:\n"
                                "      - {text: Again, goto: start}\n"
                                "      - {text: Leave, goto: out, if: \"" + condition + "\"}\n"
                                "  out:\n    text: O\n    end: true\n");
  };
  auto capped = lc::test::loadValid(hub("visits(start) >= 3"));
  lc::ExploreResult r = lc::explore(*capped);
  CHECK(r.complete);
  CHECK(r.states == 4);  // start seen 1, 2, "3 or more" times, and the ending
  REQUIRE(r.endings.size() == 1);
  CHECK(r.endings[0].path.size() == 3);

  auto exact = lc::test::loadValid(hub("visits(start) % 7 == 6"));  // needs the exact count
  lc::ExploreOptions options;
  options.maxStates = 500;
  lc::ExploreResult partial = lc::explore(*exact, options);
  CHECK_FALSE(partial.complete);
  CHECK(partial.endings.size() == 1);
  CHECK(partial.faultCount() == 0);  // nothing unproven is called a fault
}

TEST_CASE("a run-time error in an effect is found, with its place and the way there") {
  auto story = lc::test::loadValid(lc::test::oneChapter(
      "  n: {type: int, initial: 2147483646}\n",
      "  start:\n    text: \"{n}\"\n    choices:\n"
      "      - {text: Up, goto: start, do: [n += 1]}\n"
      "      - {text: Out, goto: out}\n"
      "  out:\n    text: O\n    end: true\n"));
  lc::ExploreResult r = lc::explore(*story);
  REQUIRE(r.errors.size() == 1);
  CHECK(r.errors[0].message.find("integer overflow") != std::string::npos);
  CHECK(story->where(r.errors[0].loc).substr(story->where(r.errors[0].loc).size() - 11) == "a.yaml:6:40");  // the +=
  CHECK(labels(*story, r.errors[0].path) == std::vector<std::string>{"Up", "Up"});
}

TEST_CASE("string variables are kept as they change, while a condition ahead reads them") {
  auto story = [](const std::string& outChoices) {
    return lc::test::loadValid(lc::test::oneChapter(
        "  name: {type: string, initial: \"\"}\n",
        "  start:\n    text: \"{name}\"\n    choices:\n"
        "      - {text: Ann, goto: out, do: [name = \"Ann\"]}\n"
        "      - {text: Bo, goto: out, do: [name = \"Bo\"]}\n"
        "  out:\n    text: \"{name}\"\n" + outChoices +
        "  end:\n    text: E\n    end: true\n"));
  };
  auto read = story("    choices:\n      - {text: On, goto: end, if: name == \"Ann\"}\n      - {text: Off, goto: end}\n");
  lc::ExploreResult r = lc::explore(*read);
  CHECK(r.variables[0].strings == std::vector<std::string>{"", "Ann", "Bo"});
  CHECK(r.states == 4);  // start, out with Ann, out with Bo, end
  // Only text reads it: text never decides where play goes, so both ways to `out` are one state.
  auto textOnly = story("    next: end\n");
  lc::ExploreResult t = lc::explore(*textOnly);
  CHECK(t.states == 3);
  CHECK_FALSE(t.variables[0].any);
  CHECK(t.keeps[0].kind == lc::VariableKeep::NotRead);
}

namespace {

// A plain search that keeps everything (exact visit counts, every spent choice) and
// counts choices to each scene, to depth `maxDepth`.
std::map<int, size_t> plainDistances(const lc::Story& story, size_t maxDepth) {
  std::map<int, size_t> dist;
  std::set<std::string> seen;
  auto keyOf = [](const lc::State& s) {
    std::string k = std::to_string(s.scene) + "|";
    for (const auto& v : s.vars) k += v.literal() + ",";
    for (auto v : s.visits) k += std::to_string(v) + ",";
    for (auto v : s.spent) k += std::to_string(v);
    return k;
  };
  lc::PlayError e;
  lc::State first = lc::State::initial(story);
  REQUIRE(lc::enterScene(story, first, story.start, e));
  std::vector<lc::State> layer{first};
  seen.insert(keyOf(first));
  for (size_t depth = 0; depth <= maxDepth && !layer.empty(); ++depth) {
    std::vector<lc::State> next;
    for (const lc::State& s : layer) {
      dist.emplace(s.scene, depth);
      std::vector<lc::VisibleChoice> visible;
      if (story.scenes[s.scene].isEnd || !lc::visibleChoices(story, s, s.scene, visible, e)) continue;
      for (const auto& c : visible) {
        lc::State t = s;
        if (!lc::takeChoice(story, t, c, e) || !lc::enterScene(story, t, c.target, e)) continue;
        if (seen.insert(keyOf(t)).second) next.push_back(std::move(t));
      }
    }
    layer = std::move(next);
  }
  return dist;
}

}  // namespace

TEST_CASE("merged states lose nothing: the tutorial against a plain search") {
  lc::LoadResult loaded = lc::loadStory(std::string(LC_SOURCE_DIR) + "/story/tutorial");
  REQUIRE(loaded.story);
  const lc::Story& story = *loaded.story;
  lc::ExploreResult r = lc::explore(story);
  REQUIRE(r.complete);
  CHECK(r.faultCount() == 0);
  CHECK(r.endings.size() == 4);
  const size_t depth = 14;
  std::map<int, size_t> plain = plainDistances(story, depth);
  for (size_t s = 0; s < story.scenes.size(); ++s) {
    INFO(story.scenes[s].qualified);
    REQUIRE(r.sceneReached[s]);
    size_t length = r.sceneDistance[s];
    if (length <= depth) CHECK(plain.at(static_cast<int>(s)) == length);
    else CHECK(plain.count(static_cast<int>(s)) == 0);
  }
}

TEST_CASE("the state cap stops the search and says so") {
  lc::LoadResult loaded = lc::loadStory(std::string(LC_SOURCE_DIR) + "/story/never-let-me-go");
  REQUIRE(loaded.story);
  lc::ExploreOptions options;
  options.maxStates = 60000;
  uint64_t calls = 0;
  options.progress = [&](uint64_t, uint64_t) { ++calls; };
  lc::ExploreResult r = lc::explore(*loaded.story, options);
  CHECK_FALSE(r.complete);
  CHECK(r.states >= 60000);
  CHECK(r.states < 60100);
  CHECK(calls > 0);
  CHECK(r.deadEnds.empty());
  CHECK(r.softLocks.empty());
  CHECK(r.errors.empty());
}
