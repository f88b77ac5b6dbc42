// What a writer reads off two explore searches of one story, compared: the tests of
// explore's merging and of its one-order search against a search keeping everything.
#pragma once
#include <catch2/catch.hpp>

#include <vector>

#include "analysis/explore.h"

namespace lc::test {

inline std::vector<int> scenesOf(const std::vector<ExploreFinding>& findings) {
  std::vector<int> out;
  for (const auto& f : findings) out.push_back(f.scene);
  return out;
}

inline std::vector<size_t> lengthsOf(const std::vector<ExploreFinding>& findings) {
  std::vector<size_t> out;
  for (const auto& f : findings) out.push_back(f.path.size());
  return out;
}

// Everything a writer reads off a search but the state counts and the values taken:
// endings, faults and their shortest paths, scenes and choices reached. `reduced` keeps
// no more states than `plain`. (A macro-using helper: called from a test case.)
inline void requireSameAnswers(const ExploreResult& reduced, const ExploreResult& plain) {
  REQUIRE(plain.complete);
  REQUIRE(reduced.complete);
  CHECK(scenesOf(reduced.endings) == scenesOf(plain.endings));
  CHECK(lengthsOf(reduced.endings) == lengthsOf(plain.endings));
  CHECK(scenesOf(reduced.deadEnds) == scenesOf(plain.deadEnds));
  CHECK(lengthsOf(reduced.deadEnds) == lengthsOf(plain.deadEnds));
  CHECK(scenesOf(reduced.softLocks) == scenesOf(plain.softLocks));
  CHECK(reduced.errors.size() == plain.errors.size());
  CHECK(scenesOf(reduced.errors) == scenesOf(plain.errors));
  CHECK(reduced.sceneReached == plain.sceneReached);
  CHECK(reduced.sceneDistance == plain.sceneDistance);
  CHECK(reduced.choiceShown == plain.choiceShown);
  CHECK(reduced.faultCount() == plain.faultCount());
  CHECK(reduced.states <= plain.states);
}

}  // namespace lc::test
