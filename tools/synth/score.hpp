// The .score text format: a tiny, line-based notation for one music cue.
// See scores/README.md for the full syntax.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace lcs {

enum class Instrument { Piano, Strings, Drone, Bell, Pluck };

// Per-voice settings. Defaults depend on the instrument (see instrumentDefaults).
struct VoiceParams {
    double vol = 0.8;      // linear gain of the voice in the mix
    double pan = 0.0;      // -1 left .. +1 right
    double attack = 0.0;   // seconds (strings, drone)
    double release = 0.1;  // seconds after the note ends
    double vibrato = 0.0;  // relative pitch deviation, 0.003 is about 5 cents
    double decay = 1.0;    // scales natural ring time (piano, bell, pluck)
    double bright = 0.5;   // 0 dark .. 1 bright
    double human = 0.0;    // random late start, milliseconds, for a played feel
    bool pedal = false;    // hold every note until the end of its bar
    int octave = 0;        // transpose the whole voice by octaves
};

// A note, chord or rest at a position measured in quarter-note beats.
struct Event {
    double beat = 0.0;
    double beats = 1.0;
    std::vector<int> midi;  // empty for a rest
    double vel = 0.7;       // 0..1, from the dynamics marks
};

struct Voice {
    std::string name;
    Instrument instrument = Instrument::Piano;
    VoiceParams params;
    std::vector<Event> events;
    double lengthBeats = 0.0;
    int line = 0;
};

struct Score {
    std::string path;
    std::string title;
    double tempo = 90.0;  // quarter notes per minute
    int timeNum = 4, timeDen = 4;
    bool loop = true;
    double reverbWet = 0.2, reverbSize = 0.7;
    double levelDb = -18.0;  // target RMS of the finished cue
    std::uint64_t seed = 1;
    double ritBars = 0.0, ritTempo = 0.0;  // slow to ritTempo over the last ritBars
    double tail = 4.0;                     // seconds of ring-out after a non-looping cue
    double fadeout = 0.0;                  // seconds faded at the very end
    double wowDepth = 0.0, wowRate = 0.5;  // tape wow: delay swing (s) and rate (Hz)
    std::vector<Voice> voices;
    double totalBeats = 0.0;

    double beatsPerBar() const { return timeNum * 4.0 / timeDen; }
};

// Thrown for any syntax or consistency problem; what() reads
// "file:line:col: error: message", the form editors and IDEs understand.
class ScoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

Score parseScoreText(const std::string& text, const std::string& path);
Score parseScoreFile(const std::string& path);

const char* instrumentName(Instrument i);
VoiceParams instrumentDefaults(Instrument i);

}  // namespace lcs
