// What `lostcorner explore STORY` prints: the exhaustive search's findings as text
// (each fault as file:line:col, like check) or as one JSON object.
#pragma once
#include <cstdint>
#include <string>

#include "analysis/explore.h"
#include "core/story.h"

namespace lc {

std::string exploreText(const Story& story, const ExploreResult& r, uint64_t maxStates);
std::string exploreJson(const Story& story, const ExploreResult& r, uint64_t maxStates);

// A path as the choice labels a player would pick: "Go in > Continue > Wait".
std::string pathLabels(const Story& story, const ExplorePath& path);

// The command that plays `path` again in the terminal, typing its choice numbers:
// "lostcorner play my-story --text --choices 1,3,2".
std::string replayLine(const Story& story, const ExplorePath& path);

// 1234567 -> "1,234,567"
std::string groupDigits(uint64_t n);

}  // namespace lc
