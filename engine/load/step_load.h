// A story load in small steps, for a caller that must not wait on a whole load: the
// window's frame without threads (the browser build) does one step per frame. The
// steps: read the files, parse each chapter, collect the scene ids, build each chapter,
// then validate. Gives the same LoadResult as loadStory.
#pragma once
#include <memory>
#include <string>

#include "load/loader.h"

namespace lc {

struct StoryInputs;

class StepLoad {
 public:
  StepLoad(std::string path, LoadOptions options = {});
  ~StepLoad();
  StepLoad(const StepLoad&) = delete;
  StepLoad& operator=(const StepLoad&) = delete;

  // Does the next step; false once every step is done (take() then only validates).
  bool step();
  // The result (doing any steps still left).
  LoadResult take();

 private:
  std::string path_;
  LoadOptions options_;
  std::unique_ptr<StoryInputs> in_;
  size_t next_ = 0;
  bool done_ = false;
};

}  // namespace lc
