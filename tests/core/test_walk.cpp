// The walk fingerprint: the fast walk against an independent computation, and
// against the same walk driven through the Runner as a front end would.
#include <catch2/catch.hpp>

#include <cstdlib>

#include "core/runner.h"
#include "analysis/walk.h"
#include "support/temp_story.h"

namespace {

uint32_t xorshift(uint32_t& x) {
  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return x;
}

void fnv(uint32_t& h, uint32_t v) { h = (h ^ v) * 16777619u; }

// The contract's walk, played through the Runner's events (no shared code with walk()).
uint32_t walkThroughRunner(const lc::Story& story, uint64_t steps, uint32_t seed) {
  lc::Runner r(story);
  r.restart();
  uint32_t h = 2166136261u, x = seed;
  for (uint64_t step = 0; step < steps; ++step) {
    uint32_t len = 0;
    while (r.hasEvent()) {
      lc::Event e = r.next();
      if (e.type == lc::EventType::Paragraph) len += static_cast<uint32_t>(lc::codePointCount(e.text)) + 1;
    }
    uint32_t n = r.phase() == lc::Phase::Choosing ? static_cast<uint32_t>(r.choices().size()) : 0;
    uint32_t pick = n ? xorshift(x) % n : 0;
    fnv(h, n);
    fnv(h, pick);
    fnv(h, len);
    if (n == 0) r.restart();
    else r.choose(pick);
  }
  return h;
}

}  // namespace

TEST_CASE("walk fingerprint of a small story, computed by hand") {
  lc::test::TempStory files(lc::test::oneChapter("  k: {type: int, initial: 0}\n",
                                                 "  start:\n    text: \"Héllo {k}\"\n    choices:\n"
                                                 "      - {text: A, goto: a}\n      - {text: B, goto: b, do: [k += 1]}\n"
                                                 "  a:\n    text: |\n      Ab\n\n      Cd\n    end: true\n"
                                                 "  b:\n    text: B\n    next: start\n"));
  auto loaded = files.load();
  REQUIRE(loaded.story);
  // By hand: start text "Héllo K" is 7 code points (+1 = 8); a is (2+1)+(2+1) = 6; b is 2.
  uint32_t h = 2166136261u, x = 42;
  int scene = 0;  // 0 start, 1 a, 2 b
  for (int step = 0; step < 50; ++step) {
    if (scene == 0) {
      uint32_t pick = xorshift(x) % 2;
      fnv(h, 2), fnv(h, pick), fnv(h, 8);
      scene = pick == 0 ? 1 : 2;
    } else if (scene == 1) {
      fnv(h, 0), fnv(h, 0), fnv(h, 6);
      scene = 0;
    } else {
      uint32_t pick = xorshift(x) % 1;
      fnv(h, 1), fnv(h, pick), fnv(h, 2);
      scene = 0;
    }
  }
  lc::WalkResult r = lc::walk(*loaded.story, 50, 42);
  CHECK(r.error.empty());
  CHECK(r.hash == h);
  CHECK(walkThroughRunner(*loaded.story, 50, 42) == h);
}

TEST_CASE("walk fingerprint of a generated story matches a walk through the Runner") {
  lc::test::TempDir dir;
  std::string gen = std::string(LC_BINARY_DIR) + "/tools/bench/lc_gen_story " + dir.path() +
                    "/s --scenes 300 --chapters 3 --words 6000 --seed 9 > /dev/null";
  REQUIRE(std::system(gen.c_str()) == 0);
  auto loaded = lc::loadStory(dir.path() + "/s");
  INFO(lc::formatText(loaded.diagnostics));
  REQUIRE(loaded.story);
  for (uint32_t seed : {1u, 7u, 123456789u}) {
    lc::WalkResult fast = lc::walk(*loaded.story, 20000, seed, true);
    CHECK(fast.error.empty());
    CHECK(fast.endings > 0);
    CHECK(fast.hash == walkThroughRunner(*loaded.story, 20000, seed));
    CHECK(fast.hash == lc::walk(*loaded.story, 20000, seed).hash);  // reproducible
  }
  CHECK(lc::walk(*loaded.story, 1000, 1).hash != lc::walk(*loaded.story, 1000, 2).hash);
}

TEST_CASE("walk fingerprint of a story using the second edition matches a walk through the Runner") {
  // Alternatives, a conditional next, a fallback, an automatic choice, a scene without
  // text that passes play on: the walk counts only scenes shown, as the Runner does.
  auto story = lc::test::loadValid(lc::test::oneChapter("  n: {type: int, initial: 0, min: 0, max: 5}\n", R"(
  start:
    text: "{Hub.|Hub again.|Hub, {&once more|and more}.} {~red|green|blue} n={n}"
    choices:
      - {text: Up, goto: up, do: [n += 1], once: true}
      - {text: Down, goto: router}
      - {text: Wait, goto: start, fallback: true}
      - {goto: start}
  up:
    text: "{!First climb.|Second climb.}"
    next:
      - {if: n >= 2, goto: router}
      - goto: start
  router:
    do: [n += 1]
    next:
      - {if: n >= 3, goto: good}
      - {if: n == 2, goto: start}
      - goto: bad
  good:
    text: Good.
    end: true
  bad:
    text: Bad.
    end: true
)"));
  for (uint32_t seed : {1u, 5u, 99u}) {
    lc::WalkResult fast = lc::walk(*story, 3000, seed);
    CHECK(fast.error.empty());
    CHECK(fast.endings > 0);
    CHECK(fast.hash == walkThroughRunner(*story, 3000, seed));
  }
}
