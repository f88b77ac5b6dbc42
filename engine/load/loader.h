// Reading a story folder: manifest + chapter files -> Story, with every problem found.
#pragma once
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "core/story.h"

namespace lc {

struct LoadOptions {
  bool parallel = true;  // parse chapter files on worker threads (when built with threads)
  // Read every audio file the story names; a missing, unreadable or undecodable one is an
  // error (`check`). Off, a missing or unreadable one is a warning and none is read (play).
  bool checkAudio = false;
};

struct LoadResult {
  std::unique_ptr<Story> story;  // null when the story has errors
  Diagnostics diagnostics;       // errors and warnings, sorted
};

// `path` is a story folder (holding story.yaml) or a manifest file.
LoadResult loadStory(const std::string& path, const LoadOptions& options = {});

}  // namespace lc
