// Times saving the bundled story's largest state to disk, fsyncs included (the hardening
// issue's target: under 5 ms). The largest state: the longest of 300 random playthroughs
// (the history grows with every choice), with a reading-journal entry on every scene.
// Prints numbers; asserts nothing.
//
//   lc_save_bench [STORY] [SAVE_DIR]   (defaults: story/never-let-me-go, a folder in the build tree)
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "core/runner.h"
#include "core/save.h"
#include "load/loader.h"
#include "load/save_store.h"

namespace {

lc::State longestPlaythrough(const lc::Story& story) {
  lc::State best;
  size_t bestSize = 0;
  uint32_t x = 15;
  for (int run = 0; run < 300; ++run) {
    lc::Runner r(story);
    r.restart();
    for (int steps = 0; steps < 5000; ++steps) {
      while (r.hasEvent()) r.next();
      if (r.phase() != lc::Phase::Choosing || r.choices().empty()) break;
      r.addJournalEntry("A reflection of a few sentences, as a student might write it after this scene.",
                        "2026-11-21T10:00:00Z", true);
      x ^= x << 13, x ^= x >> 17, x ^= x << 5;
      r.choose(x % r.choices().size());
    }
    size_t size = lc::writeSave(story, r.state(), {}).size();
    if (size > bestSize) bestSize = size, best = r.state();
  }
  return best;
}

// Milliseconds this thread has spent runnable but waiting for a CPU (Linux schedstat;
// 0 where there is none). On a shared machine most of a save's wall time can be that
// wait, which says nothing about the save: the bench reports the time without it too.
double runQueueWaitMs() {
  FILE* f = std::fopen("/proc/thread-self/schedstat", "r");
  if (!f) return 0;
  unsigned long long run = 0, wait = 0;
  const int n = std::fscanf(f, "%llu %llu", &run, &wait);
  std::fclose(f);
  return n == 2 ? static_cast<double>(wait) / 1e6 : 0;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// The disk's own cost, for scale: one fsync of a file of this size.
double oneFsyncMs(const std::string& dir, size_t bytes) {
  std::vector<double> ms;
  const std::string path = dir + "/fsync-probe", data(bytes, 'x');
  for (int i = 0; i < 20; ++i) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    if (fd < 0 || ::write(fd, data.data(), data.size()) < 0) return -1;
    const auto t0 = std::chrono::steady_clock::now();
    ::fsync(fd);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ::close(fd);
  }
  ::unlink(path.c_str());
  return median(ms);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string storyPath = argc > 1 ? argv[1] : LC_SOURCE_DIR "/story/never-let-me-go";
  const std::string dir = argc > 2 ? argv[2] : LC_BINARY_DIR "/save-bench";
  lc::LoadResult loaded = lc::loadStory(storyPath);
  if (!loaded.story) {
    std::fprintf(stderr, "cannot load %s\n", storyPath.c_str());
    return 1;
  }
  const lc::Story& story = *loaded.story;
  const lc::State state = longestPlaythrough(story);
  lc::SaveStore store(dir);
  std::vector<double> ms, textMs, ownMs;
  std::string error;
  size_t bytes = 0;
  for (int i = 0; i < 50; ++i) {
    const double waited = runQueueWaitMs();
    const auto t0 = std::chrono::steady_clock::now();
    const std::string text = lc::writeSave(story, state, lc::describeState(story, state, "2026-11-21T10:00:00Z"));
    textMs.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    if (!store.write("bench", text, error)) {
      std::fprintf(stderr, "%s\n", error.c_str());
      return 1;
    }
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    ownMs.push_back(ms.back() - (runQueueWaitMs() - waited));
    bytes = text.size();
  }
  std::sort(ms.begin(), ms.end());
  std::printf(
      "save (write text + tmp + .bak link + rename + fsync + folder fsync) of %zu bytes, %zu history entries:\n", bytes,
      state.history.size());
  std::printf("  median %.2f ms, p90 %.2f ms, max %.2f ms over %zu saves in %s\n", ms[ms.size() / 2],
              ms[ms.size() * 9 / 10], ms.back(), ms.size(), dir.c_str());
  std::sort(ownMs.begin(), ownMs.end());
  std::printf("  without the time spent waiting for a CPU (busy machine): median %.2f ms, p90 %.2f ms\n",
              ownMs[ownMs.size() / 2], ownMs[ownMs.size() * 9 / 10]);
  std::printf(
      "  of which the save text: median %.3f ms; one fsync of %zu bytes on this disk: median %.2f ms "
      "(a save makes one journal commit: the file's fsync after the renames; see replaceFile)\n",
      median(textMs), bytes, oneFsyncMs(dir, bytes));
  return 0;
}
