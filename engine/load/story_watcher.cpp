#include "load/story_watcher.h"

#include <sys/stat.h>

namespace lc {
namespace {

bool isDirectory(const std::string& path) {
  struct stat st {};
  return ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

}  // namespace

StoryWatcher::StoryWatcher(const std::string& storyPath, double intervalMs) : intervalMs_(intervalMs) {
  // Until a story is known, the manifest alone: an edit that fixes a broken story
  // usually touches it or a chapter it lists, and watch() adds the chapters later.
  std::string manifest = storyPath;
  if (isDirectory(storyPath)) manifest += (storyPath.empty() || storyPath.back() == '/') ? "story.yaml" : "/story.yaml";
  files_.push_back(manifest);
  stamps_.push_back(stampOf(manifest));
}

void StoryWatcher::watch(const std::vector<std::string>& files) {
  if (files.empty()) return;
  files_ = files;
  stamps_.clear();
  for (const std::string& f : files_) stamps_.push_back(stampOf(f));
}

bool StoryWatcher::poll(double nowMs) {
  if (nowMs - lastCheck_ < intervalMs_) return false;
  lastCheck_ = nowMs;
  return changed();
}

bool StoryWatcher::changed() {
  bool any = false;
  for (size_t i = 0; i < files_.size(); ++i) {
    const Stamp now = stampOf(files_[i]);
    if (now == stamps_[i]) continue;
    stamps_[i] = now;  // reported once; the next report needs another change
    any = true;
  }
  return any;
}

// Modification time to the nanosecond and the size: an editor that saves twice within
// a second, or a file rewritten with the same mtime but other contents, still shows.
StoryWatcher::Stamp StoryWatcher::stampOf(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return Stamp{};
  return Stamp{static_cast<int64_t>(st.st_mtim.tv_sec), static_cast<int64_t>(st.st_mtim.tv_nsec),
               static_cast<int64_t>(st.st_size)};
}

}  // namespace lc
