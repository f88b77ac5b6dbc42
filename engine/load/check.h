// `lostcorner check`: a strict load (every audio file opened; a missing or undecodable one
// is an error), and on a story without errors the warnings only playing
// can show (analysis/play_lint.h). A plain loadStory never explores play: `play`, hot
// reload and the window load only.
#pragma once
#include <string>

#include "load/loader.h"

namespace lc {

struct CheckOptions {
  LoadOptions load;
  uint64_t maxStates = 0;  // states play-lint may explore; 0 for kPlayLintStates
};

// With `options.load.cache`, a story whose every input is unchanged since a check that
// cached its result gives that result again without reading further (its `story` is
// then null: only the diagnostics are kept), and otherwise unchanged chapter files are
// not parsed again.
LoadResult checkStory(const std::string& path, const CheckOptions& options = {});

}  // namespace lc
