// lc_synth: renders Lost Corner's music and sound cues from committed sources.
//
//   lc_synth --list                     list every cue it can render
//   lc_synth CUE -o OUT.wav             render one cue (a score name or a sound effect)
//   lc_synth FILE.score -o OUT.wav      render a score file directly
// options: --scores DIR (where CUE.score files live), --rate 44100|22050, --mono,
//          --stats (print each voice's level in the mix, for balancing parts),
//          --events (print the parsed notes: voice, beat, beats, MIDI notes, velocity)
//
// Exit status: 0 done, 1 usage or unknown cue, 2 bad score, 3 cannot write.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "render.hpp"
#include "score.hpp"
#include "sfx.hpp"
#include "wav.hpp"

#ifndef LC_SYNTH_SCORE_DIR
#define LC_SYNTH_SCORE_DIR "scores"
#endif

namespace fs = std::filesystem;

namespace {

struct Options {
    std::string cue, output, scores = LC_SYNTH_SCORE_DIR;
    int rate = 44100;
    int channels = 2;
    bool list = false;
    bool stats = false;
    bool events = false;
};

int usage(const std::string& problem) {
    std::cerr << "lc_synth: " << problem << "\n"
              << "usage: lc_synth --list [--scores DIR]\n"
              << "       lc_synth CUE -o OUT.wav [--scores DIR] [--rate 44100|22050] [--mono] "
                 "[--stats] [--events]\n";
    return 1;
}

// Returns an empty string on success, otherwise what was wrong.
std::string parseArgs(int argc, char** argv, Options& o) {
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool hasValue = i + 1 < argc;
        if (a == "--list")
            o.list = true;
        else if (a == "--mono")
            o.channels = 1;
        else if (a == "--stats")
            o.stats = true;
        else if (a == "--events")
            o.events = true;
        else if (a == "-o" || a == "--scores" || a == "--rate") {
            if (!hasValue) return "option " + a + " needs a value";
            const std::string v = argv[++i];
            if (a == "-o")
                o.output = v;
            else if (a == "--scores")
                o.scores = v;
            else if (v == "44100" || v == "22050")
                o.rate = std::stoi(v);
            else
                return "--rate must be 44100 or 22050";
        } else if (!a.empty() && a[0] == '-')
            return "unknown option '" + a + "'";
        else if (o.cue.empty())
            o.cue = a;
        else
            return "only one cue at a time (got '" + o.cue + "' and '" + a + "')";
    }
    if (!o.list && (o.cue.empty() || o.output.empty())) return "need a cue and -o OUT.wav";
    return "";
}

std::vector<std::string> scoreNames(const std::string& dir) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".score") names.push_back(entry.path().stem().string());
    std::sort(names.begin(), names.end());
    return names;
}

int list(const Options& o) {
    for (const std::string& name : scoreNames(o.scores)) {
        const std::string path = (fs::path(o.scores) / (name + ".score")).string();
        try {
            const lcs::Score s = lcs::parseScoreFile(path);
            std::cout << "music  " << name << "  " << s.title << (s.loop ? " (loops)" : "") << "\n";
        } catch (const lcs::ScoreError& e) {
            std::cout << "music  " << name << "  [bad score: " << e.what() << "]\n";
        }
    }
    for (const lcs::SoundEffect& fx : lcs::soundEffects())
        std::cout << "sound  " << fx.name << "  " << fx.description << "\n";
    return 0;
}

void printEvents(const lcs::Score& s) {
    for (const lcs::Voice& v : s.voices) {
        for (const lcs::Event& e : v.events) {
            if (e.midi.empty()) continue;
            std::cout << v.name << ' ' << e.beat << ' ' << e.beats;
            for (int m : e.midi) std::cout << ' ' << m;
            std::cout << " vel=" << e.vel << '\n';
        }
    }
}

// Renders the cue into `out`; returns an exit status.
int render(const Options& o, lcs::Stereo& out) {
    for (const lcs::SoundEffect& fx : lcs::soundEffects()) {
        if (o.cue == fx.name) {
            out = fx.render(o.rate);
            return 0;
        }
    }
    std::string path = o.cue;
    if (fs::path(path).extension() != ".score")
        path = (fs::path(o.scores) / (o.cue + ".score")).string();
    if (!fs::exists(path)) {
        std::cerr << "lc_synth: unknown cue '" << o.cue << "' (no sound effect of that name and no "
                  << path << "); try lc_synth --list\n";
        return 1;
    }
    std::vector<lcs::VoiceLevel> levels;
    try {
        const lcs::Score score = lcs::parseScoreFile(path);
        if (o.events) printEvents(score);
        out = lcs::renderScore(score, o.rate, &levels);
    } catch (const lcs::ScoreError& e) {
        std::cerr << e.what() << "\n";
        return 2;
    }
    if (o.stats) {
        for (const lcs::VoiceLevel& v : levels)
            std::cerr << "  voice " << v.name << ": " << v.db << " dBFS RMS\n";
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    const std::string problem = parseArgs(argc, argv, o);
    if (!problem.empty()) return usage(problem);
    if (o.list) return list(o);
    lcs::Stereo out;
    if (const int status = render(o, out); status != 0) return status;
    std::string error;
    if (!lcs::writeWav(o.output, out, o.rate, o.channels, error)) {
        std::cerr << "lc_synth: " << error << "\n";
        return 3;
    }
    return 0;
}
