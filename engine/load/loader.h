// Reading a story folder: manifest + chapter files -> Story, with every problem found.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/story.h"

namespace lc {

class CheckCache;

struct LoadOptions {
  bool parallel = true;  // parse chapter files on worker threads (when built with threads)
  // Read every audio file the story names; a missing, unreadable or undecodable one is an
  // error (`check`). Off, a missing or unreadable one is a warning and none is read (play).
  bool checkAudio = false;
  // Reuses the parse of each chapter file whose bytes are unchanged (load/check_cache.h);
  // null parses every file.
  CheckCache* cache = nullptr;
};

struct LoadResult {
  std::unique_ptr<Story> story;    // null when the story has errors
  Diagnostics diagnostics;         // errors and warnings, sorted
  std::vector<std::string> files;  // what the load read: the manifest, then each chapter file
};

// `path` is a story folder (holding story.yaml) or a manifest file.
LoadResult loadStory(const std::string& path, const LoadOptions& options = {});

}  // namespace lc
