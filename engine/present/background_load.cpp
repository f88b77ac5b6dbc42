#include "present/background_load.h"

#include <atomic>
#include <exception>
#ifdef LC_PRESENT_THREADS
#include <thread>
#endif

#include "load/step_load.h"

namespace lc::present {
namespace {

LoadResult failed(const std::string& path, const std::exception& e) {
  LoadResult r;
  r.diagnostics.error(path, 0, 0, std::string("could not be read: ") + e.what());
  return r;
}

}  // namespace

struct BackgroundLoad::Impl {
  std::string path;
  LoadOptions options;
  std::unique_ptr<StepLoad> steps;  // Steps mode
  LoadResult result;
  std::atomic<bool> done{false};
  bool taken = false;
#ifdef LC_PRESENT_THREADS
  std::thread worker;
#endif
};

BackgroundLoad::BackgroundLoad(const std::string& path, CheckCache* cache, Mode mode)
    : impl_(std::make_unique<Impl>()), mode_(mode) {
#ifndef LC_PRESENT_THREADS
  mode_ = Mode::Steps;
#endif
  impl_->path = path;
  impl_->options.cache = cache;
  if (mode_ == Mode::Steps) {
    impl_->options.parallel = false;
    impl_->steps = std::make_unique<StepLoad>(path, impl_->options);
    return;
  }
#ifdef LC_PRESENT_THREADS
  Impl* impl = impl_.get();
  impl_->worker = std::thread([impl] {
    try {
      impl->result = loadStory(impl->path, impl->options);
    } catch (const std::exception& e) {
      impl->result = failed(impl->path, e);
    }
    impl->done = true;
  });
#endif
}

BackgroundLoad::~BackgroundLoad() {
#ifdef LC_PRESENT_THREADS
  if (impl_->worker.joinable()) impl_->worker.join();
#endif
}

std::optional<LoadResult> BackgroundLoad::poll() {
  if (impl_->taken) return std::nullopt;
  if (mode_ == Mode::Steps) {
    try {
      if (impl_->steps->step()) return std::nullopt;
      impl_->result = impl_->steps->take();
    } catch (const std::exception& e) {
      impl_->result = failed(impl_->path, e);
    }
    impl_->taken = true;
    return std::move(impl_->result);
  }
  if (!impl_->done) return std::nullopt;
#ifdef LC_PRESENT_THREADS
  impl_->worker.join();
#endif
  impl_->taken = true;
  return std::move(impl_->result);
}

}  // namespace lc::present
