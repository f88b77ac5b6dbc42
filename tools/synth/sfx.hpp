// Procedural sound effects: noise shaped by filters and envelopes, plus a
// few modal "objects" (roof drops, plastic clicks, a bell).
#pragma once

#include <vector>

#include "dsp.hpp"

namespace lcs {

struct SoundEffect {
    const char* name;
    const char* description;
    bool loops;  // rendered so its end joins its start seamlessly
    Stereo (*render)(int rate);
};

const std::vector<SoundEffect>& soundEffects();

}  // namespace lcs
