// The five instruments a score can use. Each renders one note to a mono
// buffer that starts at the note's onset; the mixer places and pans it.
#pragma once

#include <cstdint>
#include <vector>

#include "score.hpp"

namespace lcs {

struct NoteSpec {
    double freq = 440.0;     // Hz
    double vel = 0.7;        // 0..1
    double gate = 1.0;       // seconds the key is held / the bow moves
    double period = 0.0;     // loop length in seconds, 0 when the cue does not loop
    std::uint64_t seed = 1;  // for the noise in plucks and hammer knocks
};

std::vector<float> renderNote(Instrument inst, const VoiceParams& p, const NoteSpec& n, int rate);

// One vibration mode of a struck object: frequency ratio to the note,
// relative amplitude, and decay time relative to the fundamental's.
struct Mode {
    double ratio, amp, decay;
};

// Modal synthesis: a sum of exponentially decaying sines, each doubled with
// a slightly detuned twin so it beats slowly as real bells do. Used by the
// bell instrument and by the school-bell sound effect.
std::vector<float> renderModes(double freq, const std::vector<Mode>& modes, double tau,
                               double seconds, int rate);

}  // namespace lcs
