// loadStory in two stages, so `check` can look up a whole result between them: reading
// (the manifest parsed, every chapter file's bytes read, every input named in `key`),
// then parsing the chapters and building and validating the story. Internal to load.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "load/build.h"
#include "load/loader.h"

namespace lc {

struct StoryInputs {
  LoadResult failed;  // diagnostics when the manifest cannot be read (then nothing else is set)
  bool ok = false;
  bool checkAudio = false;  // LoadOptions::checkAudio, for the last step
  std::unique_ptr<Story> story;
  FileCtx manifest;
  Manifest m;
  std::vector<FileCtx> chapters;
  std::vector<std::string> bytes, hashes, readErrors;  // per chapter
  std::vector<char> readOk;
  std::vector<bool> unreadable;  // per chapter, once collected: could not be read or parsed
  // Hash of everything the result depends on: the engine build, the path given, the
  // manifest's bytes, each chapter's path and bytes (or why it cannot be read), and
  // each cue file's path and state (missing, a file of what size, a FIFO...).
  std::string key;
};

StoryInputs readStoryInputs(const std::string& path, const LoadOptions& options);
LoadResult buildStory(StoryInputs inputs, const LoadOptions& options);

}  // namespace lc
