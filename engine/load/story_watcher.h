// Notices when a story's files change on disk, for hot reload. It only compares
// modification times (stat), at most once per interval, and never blocks or starts a
// thread, so the desktop players and the browser build can call it every frame.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/story.h"

namespace lc {

class StoryWatcher {
 public:
  // `storyPath`: the story folder or its manifest, as given to loadStory.
  explicit StoryWatcher(const std::string& storyPath, double intervalMs = 500);

  // Watches the manifest and every chapter file of `story` from now on (call it again
  // after each successful reload: the manifest may list other chapters now).
  void watch(const Story& story) { watch(story.files); }
  void watch(const std::vector<std::string>& files);  // the manifest first, then the chapters
  // Checks the files when `intervalMs` has passed since the last check (nowMs: any
  // monotonic clock in milliseconds). True once per change.
  bool poll(double nowMs);
  // Checks now, whatever the interval. True when a file changed since the last report.
  bool changed();
  const std::vector<std::string>& files() const { return files_; }

 private:
  struct Stamp {
    int64_t seconds = -1, nanos = 0, size = -1;  // -1: the file is missing
    bool operator==(const Stamp& o) const { return seconds == o.seconds && nanos == o.nanos && size == o.size; }
  };
  static Stamp stampOf(const std::string& path);

  std::vector<std::string> files_;
  std::vector<Stamp> stamps_;
  double intervalMs_;
  double lastCheck_ = -1e18;
};

}  // namespace lc
