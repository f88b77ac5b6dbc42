#include "load/check.h"

#include "analysis/play_lint.h"
#include "load/check_cache.h"
#include "load/content_hash.h"
#include "load/load_stages.h"

namespace lc {

LoadResult checkStory(const std::string& path, const CheckOptions& options) {
  const uint64_t maxStates = options.maxStates ? options.maxStates : kPlayLintStates;
  LoadOptions load = options.load;
  load.checkAudio = true;  // check is strict about audio; play stays tolerant
  CheckCache* cache = load.cache;
  StoryInputs inputs = readStoryInputs(path, load);
  std::string key;
  if (cache && inputs.ok) {
    key = HashBuilder().add(inputs.key).add(maxStates).hex();
    if (std::optional<Diagnostics> known = cache->findResult(key)) {
      LoadResult r;
      r.diagnostics = std::move(*known);
      r.files = inputs.story->files;
      return r;
    }
  }
  LoadResult r = buildStory(std::move(inputs), load);
  if (r.story) {
    lintPlay(*r.story, r.diagnostics, maxStates);
    r.diagnostics.sort();
  }
  if (!key.empty()) {
    cache->keepResult(key, r.diagnostics);
    cache->prune();
  }
  return r;
}

}  // namespace lc
