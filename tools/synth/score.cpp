// Parser for the .score format. Errors are reported as "file:line:col: error:"
// so a typo in a score is as easy to find as a typo in code.
#include "score.hpp"

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>

namespace lcs {
namespace {

struct Token {
    std::string text;
    int line = 0, col = 0;
};

using Line = std::vector<Token>;
using PatternMap = std::map<std::string, Line>;

[[noreturn]] void fail(const std::string& path, int line, int col, const std::string& msg) {
    throw ScoreError(path + ":" + std::to_string(line) + ":" + std::to_string(col) +
                     ": error: " + msg);
}

// Splits one line into tokens. '[', ']' and '|' stand alone even when written
// against a note ("[C4" or "E4]"); '#' starts a comment only at the start of
// a token, so sharps such as F#4 are safe; "..." is kept as one token.
Line tokenize(const std::string& text, int lineNo, const std::string& path) {
    Line out;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const int col = static_cast<int>(i) + 1;
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (c == '#') break;
        if (c == '[' || c == ']' || c == '|') {
            out.push_back({std::string(1, c), lineNo, col});
            ++i;
            continue;
        }
        std::size_t j = i;
        if (c == '"') {
            j = text.find('"', i + 1);
            if (j == std::string::npos) fail(path, lineNo, col, "unterminated string");
            ++j;
        } else {
            while (j < text.size() && std::string(" \t\r[]|").find(text[j]) == std::string::npos)
                ++j;
        }
        out.push_back({text.substr(i, j - i), lineNo, col});
        i = j;
    }
    return out;
}

// Scientific pitch name (C4 = middle C = MIDI 60) with any number of # or b.
bool parsePitch(const std::string& s, int& midi) {
    static const int kBase[7] = {9, 11, 0, 2, 4, 5, 7};  // A B C D E F G
    if (s.size() < 2 || s[0] < 'A' || s[0] > 'G') return false;
    int pc = kBase[s[0] - 'A'];
    std::size_t i = 1;
    for (; i < s.size() && (s[i] == '#' || s[i] == 'b'); ++i) pc += (s[i] == '#') ? 1 : -1;
    if (i >= s.size()) return false;
    char* end = nullptr;
    const long octave = std::strtol(s.c_str() + i, &end, 10);
    if (*end != '\0' || octave < 0 || octave > 8) return false;
    midi = 12 * (static_cast<int>(octave) + 1) + pc;
    return true;
}

// w h q e s t (whole .. thirty-second), optional '.' (dotted), optional '3' (triplet).
bool parseDuration(const std::string& s, double& beats) {
    static const std::string kLetters = "whqest";
    if (s.empty() || kLetters.find(s[0]) == std::string::npos) return false;
    beats = 4.0 / std::pow(2.0, static_cast<double>(kLetters.find(s[0])));
    std::size_t i = 1;
    if (i < s.size() && s[i] == '.') {
        beats *= 1.5;
        ++i;
    }
    if (i < s.size() && s[i] == '3') {
        beats *= 2.0 / 3.0;
        ++i;
    }
    return i == s.size();
}

bool parseDynamic(const std::string& s, double& vel) {
    static const std::map<std::string, double> kMarks = {{"ppp", 0.15}, {"pp", 0.25}, {"p", 0.38},
                                                         {"mp", 0.52},  {"mf", 0.66}, {"f", 0.80},
                                                         {"ff", 0.92},  {"fff", 1.0}};
    const auto it = kMarks.find(s);
    if (it == kMarks.end()) return false;
    vel = it->second;
    return true;
}

// Turns the note tokens of one voice into timed events, checking every bar
// against the time signature as it goes.
class VoiceBuilder {
public:
    VoiceBuilder(Voice& v, const Score& s, const PatternMap& patterns)
        : voice_(v), score_(s), patterns_(patterns) {}

    void feed(const Token& t, int depth = 0);
    void finish(int line);

private:
    struct Pending {
        bool active = false;
        std::vector<int> midi;
        Token at;
    };

    [[noreturn]] void err(const Token& t, const std::string& m) const {
        fail(score_.path, t.line, t.col, m);
    }
    bool feedChord(const Token& t);
    void commit();
    void barLine(const Token& t);
    void dynamic(double vel);
    void expand(const Token& t, int depth);
    int pitch(const Token& t) const;

    Voice& voice_;
    const Score& score_;
    const PatternMap& patterns_;
    Pending pending_;
    bool inChord_ = false;
    Token chordAt_;
    std::vector<int> chord_;
    double dur_ = 1.0, vel_ = 0.66, beat_ = 0.0, barStart_ = 0.0;
    int bar_ = 1;
    bool tie_ = false;
    bool hairpin_ = false;
    Token hairpinAt_;
    std::size_t hairpinFrom_ = 0;
    double hairpinBeat_ = 0.0, hairpinVel_ = 0.0;
};

int VoiceBuilder::pitch(const Token& t) const {
    int midi = 0;
    if (!parsePitch(t.text, midi))
        err(t, "expected a note like C4, F#3 or Bb2, got '" + t.text + "'");
    midi += 12 * voice_.params.octave;
    if (midi < 12 || midi > 120) err(t, "note '" + t.text + "' is out of range after octave shift");
    return midi;
}

bool VoiceBuilder::feedChord(const Token& t) {
    if (!inChord_) return false;
    if (t.text == "]") {
        if (chord_.empty()) err(t, "empty chord");
        inChord_ = false;
        pending_ = {true, chord_, chordAt_};
    } else {
        double beats = 0.0;
        if (parseDuration(t.text, beats) || t.text == "|")
            err(chordAt_, "chord is not closed with ']' before '" + t.text + "'");
        chord_.push_back(pitch(t));
    }
    return true;
}

void VoiceBuilder::feed(const Token& t, int depth) {
    if (feedChord(t)) return;
    double value = 0.0;
    if (parseDuration(t.text, value)) {
        if (!pending_.active)
            err(t, "duration '" + t.text + "' does not follow a note, chord or rest");
        dur_ = value;
        commit();
        return;
    }
    commit();  // a note written without a duration reuses the previous one
    const std::string& s = t.text;
    if (s == "[") {
        inChord_ = true;
        chordAt_ = t;
        chord_.clear();
    } else if (s == "|")
        barLine(t);
    else if (s == "~") {
        if (voice_.events.empty() || voice_.events.back().midi.empty())
            err(t, "'~' must follow a note");
        tie_ = true;
    } else if (s == "<" || s == ">") {
        hairpin_ = true;
        hairpinAt_ = t;
        hairpinFrom_ = voice_.events.size();
        hairpinBeat_ = beat_;
        hairpinVel_ = vel_;
    } else if (parseDynamic(s, value))
        dynamic(value);
    else if (s[0] == '@')
        expand(t, depth);
    else if (s == "r")
        pending_ = {true, {}, t};
    else
        pending_ = {true, {pitch(t)}, t};
}

void VoiceBuilder::commit() {
    if (!pending_.active) return;
    pending_.active = false;
    if (tie_) {
        tie_ = false;
        Event& last = voice_.events.back();
        if (last.midi != pending_.midi) err(pending_.at, "a tie '~' must join the same pitches");
        last.beats += dur_;
    } else {
        voice_.events.push_back({beat_, dur_, pending_.midi, vel_});
    }
    beat_ += dur_;
}

void VoiceBuilder::barLine(const Token& t) {
    const double got = beat_ - barStart_, want = score_.beatsPerBar();
    if (std::abs(got - want) > 1e-6) {
        std::ostringstream m;
        m << "bar " << bar_ << " of voice '" << voice_.name << "' has " << got << " beats, but "
          << score_.timeNum << "/" << score_.timeDen << " needs " << want;
        err(t, m.str());
    }
    barStart_ = beat_;
    ++bar_;
}

// A dynamic mark sets the level of the following notes; if a hairpin is open
// it also ramps every note since the hairpin from the old level to this one.
void VoiceBuilder::dynamic(double vel) {
    if (hairpin_ && beat_ > hairpinBeat_) {
        for (std::size_t i = hairpinFrom_; i < voice_.events.size(); ++i) {
            const double f = (voice_.events[i].beat - hairpinBeat_) / (beat_ - hairpinBeat_);
            voice_.events[i].vel = hairpinVel_ + (vel - hairpinVel_) * f;
        }
    }
    hairpin_ = false;
    vel_ = vel;
}

void VoiceBuilder::expand(const Token& t, int depth) {
    const auto it = patterns_.find(t.text.substr(1));
    if (it == patterns_.end())
        err(t, "unknown pattern '" + t.text + "' (define it above its first use)");
    if (depth > 8) err(t, "patterns nest more than 8 deep (does '" + t.text + "' use itself?)");
    for (const Token& inner : it->second) feed(inner, depth + 1);
    commit();
}

void VoiceBuilder::finish(int line) {
    commit();
    const Token end{"", line, 1};
    if (inChord_) err(chordAt_, "chord is not closed with ']'");
    if (tie_) err(end, "tie '~' at the end of voice '" + voice_.name + "' joins nothing");
    if (hairpin_) err(hairpinAt_, "hairpin is never closed by a dynamic mark");
    const double partial = beat_ - barStart_;
    if (partial > 1e-6 && std::abs(partial - score_.beatsPerBar()) > 1e-6) {
        std::ostringstream m;
        m << "last bar of voice '" << voice_.name << "' has " << partial << " beats, needs "
          << score_.beatsPerBar();
        err(end, m.str());
    }
    voice_.lengthBeats = beat_;
}

}  // namespace

const char* instrumentName(Instrument i) {
    switch (i) {
        case Instrument::Piano:
            return "piano";
        case Instrument::Strings:
            return "strings";
        case Instrument::Drone:
            return "drone";
        case Instrument::Bell:
            return "bell";
        case Instrument::Pluck:
            return "pluck";
    }
    return "?";
}

namespace {

// The whole-file parser: global directives, voices and patterns.
class Parser {
public:
    explicit Parser(const std::string& path) { score_.path = path; }
    Score run(const std::string& text);

private:
    [[noreturn]] void err(const Token& t, const std::string& m) const {
        fail(score_.path, t.line, t.col, m);
    }
    double number(const Line& l, std::size_t i, double lo, double hi) const;
    void directive(const Line& l);
    void voiceHeader(const Line& l);
    void voiceOption(VoiceParams& p, const Token& t) const;
    void closeVoice(int line);
    void checkLengths() const;

    Score score_;
    PatternMap patterns_;
    std::string pattern_;  // name of the pattern being defined, if any
    Token patternAt_;
    std::unique_ptr<VoiceBuilder> builder_;
};

double Parser::number(const Line& l, std::size_t i, double lo, double hi) const {
    if (i >= l.size()) err(l.back(), "'" + l[0].text + "' needs another number here");
    const Token& t = l[i];
    char* end = nullptr;
    const double v = std::strtod(t.text.c_str(), &end);
    if (t.text.empty() || *end != '\0') err(t, "expected a number, got '" + t.text + "'");
    if (v < lo || v > hi) {
        std::ostringstream m;
        m << l[0].text << " value " << v << " is outside " << lo << ".." << hi;
        err(t, m.str());
    }
    return v;
}

void Parser::directive(const Line& l) {
    const std::string& k = l[0].text;
    if (k == "title") {
        if (l.size() < 2 || l[1].text.size() < 2 || l[1].text[0] != '"')
            err(l[0], "title needs a \"quoted string\"");
        score_.title = l[1].text.substr(1, l[1].text.size() - 2);
    } else if (k == "tempo")
        score_.tempo = number(l, 1, 20, 300);
    else if (k == "time") {
        const std::size_t slash = l.size() > 1 ? l[1].text.find('/') : std::string::npos;
        if (slash == std::string::npos) err(l[0], "time needs a signature like 3/4");
        score_.timeNum = std::atoi(l[1].text.substr(0, slash).c_str());
        score_.timeDen = std::atoi(l[1].text.substr(slash + 1).c_str());
        const int d = score_.timeDen;
        if (score_.timeNum < 1 || score_.timeNum > 16 || (d != 2 && d != 4 && d != 8))
            err(l[1], "unsupported time signature '" + l[1].text + "'");
    } else if (k == "loop") {
        if (l.size() < 2 || (l[1].text != "yes" && l[1].text != "no"))
            err(l[0], "loop needs yes or no");
        score_.loop = l[1].text == "yes";
    } else if (k == "reverb") {
        score_.reverbWet = number(l, 1, 0, 1);
        if (l.size() > 2) score_.reverbSize = number(l, 2, 0, 1);
    } else if (k == "level")
        score_.levelDb = number(l, 1, -40, -6);
    else if (k == "seed")
        score_.seed = static_cast<std::uint64_t>(number(l, 1, 0, 1e9));
    else if (k == "rit") {
        score_.ritBars = number(l, 1, 0, 64);
        score_.ritTempo = number(l, 2, 10, 300);
    } else if (k == "tail")
        score_.tail = number(l, 1, 0, 20);
    else if (k == "fadeout")
        score_.fadeout = number(l, 1, 0, 60);
    else if (k == "wow") {
        score_.wowDepth = number(l, 1, 0, 5) / 1000.0;
        score_.wowRate = number(l, 2, 0.05, 5);
    } else
        err(l[0], "unknown directive '" + k + "'");
    if (k != "time" && k != "title" && k != "loop") return;
    if (l.size() > 2) err(l[2], "unexpected '" + l[2].text + "'");
}

void Parser::voiceOption(VoiceParams& p, const Token& t) const {
    if (t.text == "pedal") {
        p.pedal = true;
        return;
    }
    const std::size_t eq = t.text.find('=');
    if (eq == std::string::npos) err(t, "expected an option like vol=0.8, got '" + t.text + "'");
    const std::string key = t.text.substr(0, eq), val = t.text.substr(eq + 1);
    char* end = nullptr;
    const double v = std::strtod(val.c_str(), &end);
    if (val.empty() || *end != '\0') err(t, "option '" + key + "' needs a number");
    const std::map<std::string, std::pair<double*, std::pair<double, double>>> keys = {
        {"vol", {&p.vol, {0, 4}}},
        {"pan", {&p.pan, {-1, 1}}},
        {"attack", {&p.attack, {0, 20}}},
        {"release", {&p.release, {0, 20}}},
        {"vibrato", {&p.vibrato, {0, 0.05}}},
        {"decay", {&p.decay, {0.05, 10}}},
        {"bright", {&p.bright, {0, 1}}},
        {"human", {&p.human, {0, 100}}}};
    if (key == "octave") {
        if (v != std::floor(v) || std::abs(v) > 4) err(t, "octave must be a whole number -4..4");
        p.octave = static_cast<int>(v);
        return;
    }
    const auto it = keys.find(key);
    if (it == keys.end()) err(t, "unknown voice option '" + key + "'");
    if (v < it->second.second.first || v > it->second.second.second)
        err(t, "option '" + key + "' is out of range");
    *it->second.first = v;
}

void Parser::voiceHeader(const Line& l) {
    if (l.size() < 3)
        err(l[0],
            "voice needs a name and an instrument: voice NAME piano|strings|drone|bell|pluck");
    Voice v;
    v.name = l[1].text;
    v.line = l[0].line;
    bool known = false;
    for (Instrument i : {Instrument::Piano, Instrument::Strings, Instrument::Drone,
                         Instrument::Bell, Instrument::Pluck}) {
        if (l[2].text == instrumentName(i)) {
            v.instrument = i;
            known = true;
        }
    }
    if (!known) err(l[2], "unknown instrument '" + l[2].text + "'");
    for (const Voice& o : score_.voices)
        if (o.name == v.name) err(l[1], "voice '" + v.name + "' is defined twice");
    v.params = instrumentDefaults(v.instrument);
    for (std::size_t i = 3; i < l.size(); ++i) voiceOption(v.params, l[i]);
    score_.voices.push_back(std::move(v));
    builder_ = std::make_unique<VoiceBuilder>(score_.voices.back(), score_, patterns_);
}

void Parser::closeVoice(int line) {
    if (builder_) builder_->finish(line);
    builder_.reset();
}

void Parser::checkLengths() const {
    if (score_.voices.empty()) fail(score_.path, 1, 1, "score has no voices");
    const Voice* longest = &score_.voices[0];
    for (const Voice& v : score_.voices)
        if (v.lengthBeats > longest->lengthBeats) longest = &v;
    if (longest->lengthBeats <= 0) fail(score_.path, longest->line, 1, "score has no notes");
    for (const Voice& v : score_.voices) {
        if (std::abs(v.lengthBeats - longest->lengthBeats) < 1e-6) continue;
        std::ostringstream m;
        m << "voice '" << v.name << "' lasts " << v.lengthBeats / score_.beatsPerBar()
          << " bars but '" << longest->name << "' lasts "
          << longest->lengthBeats / score_.beatsPerBar();
        fail(score_.path, v.line, 1, m.str());
    }
}

Score Parser::run(const std::string& text) {
    std::istringstream in(text);
    std::string raw;
    int lineNo = 0;
    while (std::getline(in, raw)) {
        const Line l = tokenize(raw, ++lineNo, score_.path);
        if (l.empty()) continue;
        const std::string& k = l[0].text;
        if (!pattern_.empty()) {
            if (k == "end")
                pattern_.clear();
            else if (k == "voice" || k == "pattern")
                err(l[0], "pattern '" + pattern_ + "' is not closed with 'end'");
            else
                patterns_[pattern_].insert(patterns_[pattern_].end(), l.begin(), l.end());
            continue;
        }
        double unusedVel = 0.0;
        const bool isNote = k == "|" || k == "[" || k == "~" || k == "<" || k == ">" || k == "r" ||
                            k[0] == '@' || (k[0] >= 'A' && k[0] <= 'G') ||
                            parseDynamic(k, unusedVel);
        if (isNote) {
            if (!builder_) err(l[0], "notes must come after a 'voice' line");
            for (const Token& t : l) builder_->feed(t);
            continue;
        }
        closeVoice(lineNo);
        if (k == "voice")
            voiceHeader(l);
        else if (k == "pattern") {
            if (l.size() != 2) err(l[0], "pattern needs exactly one name");
            if (patterns_.count(l[1].text))
                err(l[1], "pattern '" + l[1].text + "' is defined twice");
            pattern_ = l[1].text;
            patternAt_ = l[0];
            patterns_[pattern_];
        } else
            directive(l);
    }
    if (!pattern_.empty()) err(patternAt_, "pattern '" + pattern_ + "' is not closed with 'end'");
    closeVoice(lineNo + 1);
    checkLengths();
    score_.totalBeats = score_.voices[0].lengthBeats;
    return score_;
}

}  // namespace

Score parseScoreText(const std::string& text, const std::string& path) {
    return Parser(path).run(text);
}

Score parseScoreFile(const std::string& path) {
    std::ifstream f(path);
    if (!f) throw ScoreError(path + ":1:1: error: cannot open score file");
    std::ostringstream ss;
    ss << f.rdbuf();
    return parseScoreText(ss.str(), path);
}

}  // namespace lcs
