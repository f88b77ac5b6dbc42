// "Did you mean ...?" for misspelt keys, names and ids.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace lc {

// The candidate closest to `word` by edit distance, if it is close enough to be a
// likely typo (distance <= max(1, len/3)); "" otherwise.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "did you mean 'title'?" or "" when nothing is close.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

// For a scene reference that resolves nowhere: a scene of another chapter with exactly
// that id when `ref` has no chapter prefix (`gate` -> 'hailsham.gate', the prefix it
// lacks), else the closest match; as "did you mean '...'?", or "". `qualified` holds
// the story's "chapter.scene" names, `candidates` everything that could be written.
std::string suggestScene(std::string_view ref, const std::vector<std::string>& candidates);

}  // namespace lc
