// 16-bit PCM WAV output.
#pragma once

#include <string>

#include "dsp.hpp"

namespace lcs {

// Writes buf as 16-bit PCM at `rate`, stereo or (channels == 1) a mono
// downmix. Returns false and fills `error` if the file cannot be written.
bool writeWav(const std::string& path, const Stereo& buf, int rate, int channels,
              std::string& error);

}  // namespace lcs
