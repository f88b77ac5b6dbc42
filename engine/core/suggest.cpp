#include "core/suggest.h"

#include <algorithm>

namespace lc {
namespace {

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + cost});
      diag = up;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  size_t best = SIZE_MAX;
  std::string bestName;
  for (const auto& c : candidates) {
    size_t d = editDistance(word, c);
    if (d < best) {
      best = d;
      bestName = c;
    }
  }
  size_t limit = std::max<size_t>(1, word.size() / 3);
  return best <= limit ? bestName : std::string();
}

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string m = closestMatch(word, candidates);
  return m.empty() ? m : "did you mean '" + m + "'?";
}

std::string suggestScene(std::string_view ref, const std::vector<std::string>& candidates) {
  if (ref.find('.') == std::string_view::npos) {
    for (const std::string& c : candidates) {
      size_t dot = c.find('.');
      if (dot != std::string::npos && std::string_view(c).substr(dot + 1) == ref)
        return "did you mean '" + c + "'? (a scene of another chapter is written chapter.scene)";
    }
  }
  return didYouMean(ref, candidates);
}

}  // namespace lc
