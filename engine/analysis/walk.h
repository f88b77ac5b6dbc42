// The walk fingerprint of the contract: reproducible random play for comparing engines.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/story.h"

namespace lc {

// The contract's PRNG: xorshift32 with the state as given (non-zero).
struct XorShift32 {
  uint32_t x;
  uint32_t next() {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return x;
  }
};

struct WalkResult {
  uint32_t hash = 2166136261u;
  uint64_t steps = 0;
  uint64_t endings = 0;   // endings and dead ends reached (each restarts the play)
  std::string error;      // a run-time error stops the walk: "file:line:col: message"
  std::vector<uint32_t> sceneVisits;   // coverage: how often each scene was shown
  std::vector<uint32_t> choiceTaken;   // coverage: per scene, per choice (flattened)
};

// Plays `steps` steps from the start with xorshift32 seeded by `seed` (non-zero).
WalkResult walk(const Story& story, uint64_t steps, uint32_t seed, bool coverage = false);

}  // namespace lc
