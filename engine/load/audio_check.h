// `check` opens every audio file a story names, without playing it: the container and
// the codec's headers are read the way the player's decoder (SDL_mixer) will need them.
#pragma once
#include <string>

namespace lc {

// What keeps the file at `path` from playing, as the end of a sentence ("is cut short:
// page 4 (byte 9000) ends past the end of the file", "is MP3; the player plays Ogg
// Vorbis (.ogg) and WAV (.wav)"), or "" when it reads as Ogg Vorbis (every page whole,
// checksums right, the three Vorbis headers in place) or as PCM/float WAV (format chunk
// before a whole data chunk).
std::string audioFileProblem(const std::string& path);

}  // namespace lc
