// random(a, b) in effects: drawn from a generator that is part of the state, so play,
// rollback, saves and the walk are reproducible; explore tries every value.
#include <catch2/catch.hpp>

#include "analysis/explore.h"
#include "analysis/walk.h"
#include "core/runner.h"
#include "core/save.h"
#include "support/temp_story.h"
#include "support/transcript.h"

using lc::test::loadValid;
using lc::test::oneChapter;
using Lines = std::vector<std::string>;

namespace {

const char* kVars = "  roll: {type: int, initial: 0}\n  total: {type: int, initial: 0}\n";

const char* kDice = R"(
  start:
    text: Rolled {roll}, total {total}.
    choices:
      - {text: Roll, goto: start, do: [roll = random(1, 6), total += roll]}
)";

std::string paragraph(const Lines& lines) {
  for (const auto& l : lines)
    if (l.rfind("p: ", 0) == 0) return l;
  return {};
}

}  // namespace

TEST_CASE("random: draws stay in range, and the same playthrough draws the same numbers") {
  auto story = loadValid(oneChapter(kVars, kDice));
  lc::Runner a(*story), b(*story);
  Lines ta = lc::test::play(a, std::vector<int>(40, 1)), tb = lc::test::play(b, std::vector<int>(40, 1));
  CHECK(ta == tb);
  std::vector<int> seen(7, 0);
  for (const auto& line : ta) {
    if (line.rfind("p: Rolled ", 0) != 0 || line == "p: Rolled 0, total 0.") continue;
    int roll = std::stoi(line.substr(10));
    REQUIRE(roll >= 1);
    REQUIRE(roll <= 6);
    ++seen[static_cast<size_t>(roll)];
  }
  for (int v = 1; v <= 6; ++v) CHECK(seen[static_cast<size_t>(v)] > 0);  // 40 rolls show every face
}

TEST_CASE("random: rollback and a save give back the same next draw") {
  auto story = loadValid(oneChapter(kVars, kDice));
  lc::Runner r(*story);
  lc::test::play(r, {1, 1, 1});
  const uint32_t atSave = r.state().rng;
  const std::string save =
      lc::writeSave(*story, r.state(), lc::describeState(*story, r.state(), "2026-12-06T22:00:00Z"));
  CHECK(save.find("\nrandom: " + std::to_string(r.state().rng) + "\n") != std::string::npos);
  REQUIRE(r.choose(0));
  const std::string next = paragraph(lc::test::drain(r));
  REQUIRE(r.back());
  lc::test::drain(r);
  REQUIRE(r.choose(0));
  CHECK(paragraph(lc::test::drain(r)) == next);  // going back does not reroll
  lc::SaveReadResult loaded = lc::readSave(*story, save);
  REQUIRE(loaded.ok);
  CHECK(loaded.state.rng == atSave);
  lc::Runner other(*story);
  other.resume(loaded.state);
  lc::test::drain(other);
  REQUIRE(other.choose(0));
  CHECK(paragraph(lc::test::drain(other)) == next);  // nor does loading the save
}

TEST_CASE("random: a story that draws nothing saves no generator, and its walk is unchanged") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: Total {total}.
    choices:
      - {text: Add, goto: start, do: [total += 1]}
)"));
  CHECK_FALSE(story->drawsRandom);
  CHECK(lc::writeSave(*story, lc::State::initial(*story), {}).find("random:") == std::string::npos);
  auto dice = loadValid(oneChapter(kVars, kDice));
  CHECK(dice->drawsRandom);
  lc::WalkResult w1 = lc::walk(*dice, 10000, 5), w2 = lc::walk(*dice, 10000, 5);
  CHECK(w1.error.empty());
  CHECK(w1.hash == w2.hash);  // the walk is reproducible with draws in it
}

TEST_CASE("random: explore follows every value a draw can take") {
  auto story = loadValid(oneChapter(kVars, R"(
  start:
    text: A coin, and a die.
    choices:
      - {text: Throw, goto: landed, do: [roll = random(1, 3)]}
  landed:
    next:
      - {if: roll == 1, goto: one}
      - {if: roll == 2, goto: two}
      - goto: three
  one:
    text: One.
    end: true
  two:
    text: Two.
    end: true
  three:
    text: Three.
    end: true
)"));
  lc::ExploreResult r = lc::explore(*story);
  CHECK(r.complete);
  CHECK(r.endings.size() == 3);
  CHECK(r.errors.empty());
}

TEST_CASE("random: what check says about random()") {
  struct Case {
    const char* effect;
    const char* message;
  };
  const Case cases[] = {
      {"do: [roll = random(6, 1)]",
       "a.yaml:6:45: error: random(6, 1) has its smallest value last\n  hint: write random(1, 6)\n"},
      {"do: [roll = random(1, 5000)]",
       "a.yaml:6:45: error: random(1, 5000) draws from 5000 values, more than 1000\n"
       "  hint: explore tries every value: draw from a smaller range and scale it, e.g. random(1, 100) * 10\n"},
      {"do: [roll = random(total, 3)]",
       "a.yaml:6:52: error: random() takes two whole numbers written out\n"
       "  hint: write random(1, 6): the smallest and the largest value, as whole numbers\n"},
      {"if: \"random(1, 2) == 1\"",
       "a.yaml:6:38: error: random() can only be used in an effect\n"
       "  hint: draw the number into a variable first, do: [roll = random(1, 6)], then test or show the variable\n"},
  };
  for (const Case& c : cases) {
    INFO(c.effect);
    lc::test::TempStory dir(oneChapter(
        kVars,
        std::string("  start:\n    text: Go.\n    choices:\n      - {text: Go, goto: start, ") + c.effect + "}\n"));
    lc::LoadResult loaded = dir.load();
    std::string report = lc::formatText(loaded.diagnostics);
    for (size_t at; (at = report.find(dir.path() + "/")) != std::string::npos;) report.erase(at, dir.path().size() + 1);
    CHECK(report == c.message);
  }
}

TEST_CASE("random: a v1 variable named random is still a variable") {
  auto story = loadValid(oneChapter("  random: {type: int, initial: 4}\n", R"(
  start:
    text: "{random} and {random + 1}"
    choices:
      - {text: Up, goto: start, do: [random += 1]}
)"));
  lc::Runner r(*story);
  Lines t = lc::test::play(r, {1});
  CHECK(t == Lines{"scene a.start", "p: 4 and 5", "c: 1. Up", "> 1", "scene a.start", "p: 5 and 6", "c: 1. Up"});
}
