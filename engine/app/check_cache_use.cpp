#include "app/check_cache_use.h"

#include <signal.h>
#include <time.h>

#include <cstdio>

#include "load/check.h"
#include "load/story_watcher.h"
#include "platform/clock.h"
#include "platform/env.h"

namespace lc {
namespace {

volatile sig_atomic_t stopWatching = 0;
void onStop(int) { stopWatching = 1; }

void sleepMs(long ms) {
  timespec t{ms / 1000, (ms % 1000) * 1000000L};
  while (::nanosleep(&t, &t) != 0 && !stopWatching) {
  }
}

}  // namespace

CheckCacheUse openCheckCache(bool useDisk, bool inMemory) {
  CheckCacheUse use;
  if (useDisk) use.disk = std::make_unique<FileStorage>(cacheDir(), size_t(256) << 20, /*durable=*/false);
  use.cache = std::make_unique<CheckCache>(use.disk.get(), inMemory);
  return use;
}

int printCheck(const LoadResult& r, bool json) {
  if (json) {
    std::printf("%s\n", formatJson(r.diagnostics).c_str());
  } else {
    std::fputs(formatText(r.diagnostics).c_str(), stdout);
    if (r.diagnostics.hasErrors())
      std::fprintf(stderr, "%zu error(s), %zu warning(s)\n", r.diagnostics.errorCount(), r.diagnostics.warningCount());
  }
  std::fflush(stdout);
  return r.diagnostics.hasErrors() ? 1 : 0;
}

int watchCheck(const std::string& path, bool json, CheckCache& cache) {
  struct sigaction stop {};
  stop.sa_handler = onStop;
  ::sigaction(SIGINT, &stop, nullptr);
  ::sigaction(SIGTERM, &stop, nullptr);
  CheckOptions options;
  options.load.cache = &cache;
  StoryWatcher watcher(path, 200);
  int status = 0;
  for (bool first = true; !stopWatching; first = false) {
    const int64_t start = systemNowMs();
    LoadResult r = checkStory(path, options);
    if (!json)
      std::printf("%s[check at %s, %lld ms: %zu error(s), %zu warning(s)]\n", first ? "" : "\n",
                  localStamp(start).c_str(), static_cast<long long>(systemNowMs() - start), r.diagnostics.errorCount(),
                  r.diagnostics.warningCount());
    status = printCheck(r, json);
    watcher.watch(r.files);
    while (!stopWatching && !watcher.changed()) sleepMs(200);
  }
  return status;
}

}  // namespace lc
