// A story load that never blocks the frame: hot reload starts one and polls it from
// frame(). Where the build has threads (LOSTCORNER_THREADS, LC_PRESENT_THREADS) the load
// runs on a worker thread; without them (the browser build), or when asked, each poll
// does one step of it (load/step_load.h: one chapter's parse or build). Loads share a
// check cache in memory, so a reload after editing one chapter parses only that one.
#pragma once
#include <memory>
#include <optional>
#include <string>

#include "load/loader.h"

namespace lc {
class CheckCache;
}

namespace lc::present {

class BackgroundLoad {
 public:
  enum class Mode { Thread, Steps };
#ifdef LC_PRESENT_THREADS
  static constexpr Mode kDefault = Mode::Thread;
#else
  static constexpr Mode kDefault = Mode::Steps;
#endif

  // `cache` may be null; it must outlive the load and not be used by others meanwhile.
  BackgroundLoad(const std::string& path, CheckCache* cache, Mode mode = kDefault);
  ~BackgroundLoad();  // waits for the worker to finish
  BackgroundLoad(const BackgroundLoad&) = delete;
  BackgroundLoad& operator=(const BackgroundLoad&) = delete;

  // Never waits: the result once the load is done, else nothing (in Steps mode after
  // doing one more step). A load that throws gives an error diagnostic.
  std::optional<LoadResult> poll();
  Mode mode() const { return mode_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Mode mode_;
};

}  // namespace lc::present
