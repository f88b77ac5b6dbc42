#include "load/check.h"

#include "analysis/play_lint.h"

namespace lc {

LoadResult checkStory(const std::string& path, const CheckOptions& options) {
  LoadResult r = loadStory(path, options.load);
  if (!r.story) return r;
  lintPlay(*r.story, r.diagnostics, options.maxStates ? options.maxStates : kPlayLintStates);
  r.diagnostics.sort();
  return r;
}

}  // namespace lc
