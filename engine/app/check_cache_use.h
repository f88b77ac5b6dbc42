// How `lostcorner check` uses the check cache (load/check_cache.h): on disk under
// $XDG_CACHE_HOME/lostcorner/ unless --no-cache, and `check --watch`, which checks again
// whenever a story file changes, reusing in memory what each unchanged file gave.
#pragma once
#include <memory>
#include <string>

#include "load/check_cache.h"
#include "load/loader.h"
#include "platform/storage.h"

namespace lc {

struct CheckCacheUse {
  std::unique_ptr<FileStorage> disk;
  std::unique_ptr<CheckCache> cache;
};

// The cache `check` uses: on disk (without fsync: a lost blob is only a miss) unless
// `useDisk` is false; in memory too when `inMemory`.
CheckCacheUse openCheckCache(bool useDisk, bool inMemory);

// Checks `path`, prints the result as `check` does, then polls the story's files every
// 200 ms and checks and prints again after each change, until interrupted. Returns the
// exit status of the last check when stopped by SIGINT/SIGTERM.
int watchCheck(const std::string& path, bool json, CheckCache& cache);

// Prints one result the way `check` does; returns check's exit status.
int printCheck(const LoadResult& r, bool json);

}  // namespace lc
