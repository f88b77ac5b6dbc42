// Turns a parsed score into audio, and the mixing steps the sound effects share.
#pragma once

#include <string>
#include <vector>

#include "dsp.hpp"
#include "score.hpp"

namespace lcs {

// Loudness of each voice in the finished mix (dBFS RMS), for balancing parts.
struct VoiceLevel {
    std::string name;
    double db;
};

// Renders every voice, adds reverb and finishes the cue: looping cues come
// out exactly a whole number of bars long and join end to start seamlessly.
// If `levels` is given it receives each voice's level in the final mix.
Stereo renderScore(const Score& score, int rate, std::vector<VoiceLevel>* levels = nullptr);

// Folds everything past `length` samples back onto the start. A looping cue's
// last notes ring on into its first bars when it repeats; folding does now
// what the repeat will do then, so the loop point has nothing left to cut.
void foldLoop(Stereo& buf, std::size_t length);

// Adds reverb. With `circular` the buffer is treated as one turn of a loop:
// the reverb runs over it twice and keeps the second pass, so its tail at the
// end is exactly what is heard at the start.
void addReverb(Stereo& buf, int rate, double wet, double size, bool circular);

// Scales to the target RMS level, but never lets the peak pass `peak`.
// Returns the gain it applied.
double normalise(Stereo& buf, double levelDb, double peak);

double rmsOf(const Stereo& buf);

// Raised-cosine fades over the first / last `seconds`.
void fadeIn(Stereo& buf, int rate, double seconds);
void fadeOut(Stereo& buf, int rate, double seconds);

}  // namespace lcs
