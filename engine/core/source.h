// Where something came from in the story's files, so every message can say so.
#pragma once
#include <cstdint>

namespace lc {

struct SourceLoc {
  int file = -1;  // index into Story::files, -1 when unknown
  int line = 0;   // 1-based
  int col = 0;    // 1-based, in code points
};

}  // namespace lc
