#include "load/check.h"

#include "analysis/play_lint.h"

namespace lc {

LoadResult checkStory(const std::string& path, const CheckOptions& options) {
  LoadOptions load = options.load;
  load.checkAudio = true;  // check is strict about audio; play stays tolerant
  LoadResult r = loadStory(path, load);
  if (!r.story) return r;
  lintPlay(*r.story, r.diagnostics, options.maxStates ? options.maxStates : kPlayLintStates);
  r.diagnostics.sort();
  return r;
}

}  // namespace lc
