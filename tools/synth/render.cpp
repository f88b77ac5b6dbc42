#include "render.hpp"

#include "instruments.hpp"
#include "reverb.hpp"

namespace lcs {
namespace {

// Beats to seconds. The tempo is constant except in a ritardando, where it
// falls linearly over the last bars; integrating 60/tempo gives a log.
class TempoMap {
public:
    explicit TempoMap(const Score& s)
        : t0_(s.tempo),
          t1_(s.ritBars > 0 ? s.ritTempo : s.tempo),
          end_(s.totalBeats),
          start_(std::max(0.0, s.totalBeats - s.ritBars * s.beatsPerBar())) {}

    double seconds(double beat) const {
        if (beat <= start_ || end_ <= start_) return beat * 60.0 / t0_;
        const double x = std::min(beat, end_) - start_;
        const double k = (t1_ - t0_) / (end_ - start_);
        double sec = start_ * 60.0 / t0_;
        sec += std::abs(k) < 1e-12 ? x * 60.0 / t0_ : 60.0 / k * std::log((t0_ + k * x) / t0_);
        if (beat > end_) sec += (beat - end_) * 60.0 / t1_;
        return sec;
    }

private:
    double t0_, t1_, end_, start_;
};

// A slight lean on the downbeat and a lighter touch off the beat: the
// difference between a player and a sequencer.
double metricAccent(double beat, double beatsPerBar) {
    const double pos = std::fmod(beat + 1e-9, beatsPerBar);
    if (pos < 1e-6) return 1.06;
    return std::fmod(pos, 1.0) < 1e-6 ? 1.0 : 0.95;
}

void renderVoice(const Score& s, std::size_t index, const TempoMap& tm, double period, int rate,
                 Stereo& out) {
    const Voice& v = s.voices[index];
    const VoiceParams& p = v.params;
    double gl = 0.0, gr = 0.0;
    panGains(p.pan, gl, gr);
    Rng rng(mixSeed(s.seed, index + 1));
    const double bar = s.beatsPerBar();
    for (std::size_t e = 0; e < v.events.size(); ++e) {
        const Event& ev = v.events[e];
        double endBeat = ev.beat + ev.beats;
        if (p.pedal) endBeat = std::max(endBeat, (std::floor(ev.beat / bar + 1e-9) + 1.0) * bar);
        const double onset = tm.seconds(ev.beat);
        for (std::size_t c = 0; c < ev.midi.size(); ++c) {
            NoteSpec n;
            n.freq = midiToHz(ev.midi[c]);
            n.vel = std::clamp(ev.vel * metricAccent(ev.beat, bar) * (1.0 + 0.04 * rng.bipolar()),
                               0.05, 1.0);
            n.gate = tm.seconds(endBeat) - onset;
            n.period = period;
            n.seed = mixSeed(s.seed, (index << 24) + (e << 4) + c);
            const double late = rng.uniform() * p.human / 1000.0;  // never early: beat 0 stays at 0
            const auto at = static_cast<std::size_t>(std::lround((onset + late) * rate));
            mixInto(out, renderNote(v.instrument, p, n, rate), at, gl * p.vol, gr * p.vol);
        }
    }
}

// Tape wow: the playback speed drifts slowly, which a delay line swinging
// back and forth reproduces. In a loop the swing completes whole cycles.
void addWow(Stereo& buf, int rate, double depth, double hz, bool circular) {
    const double seconds = static_cast<double>(buf.size()) / rate;
    if (circular) hz = std::max(1.0, std::round(hz * seconds)) / seconds;
    const Stereo in = buf;
    const auto n = static_cast<std::ptrdiff_t>(buf.size());
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double pos = i - depth * rate * (0.5 + 0.5 * std::sin(kTwoPi * hz * t));
        auto j = static_cast<std::ptrdiff_t>(std::floor(pos));
        const double f = pos - static_cast<double>(j);
        auto at = [&](std::ptrdiff_t k, const std::vector<float>& ch) -> double {
            if (circular) return ch[static_cast<std::size_t>(((k % n) + n) % n)];
            return k < 0 ? 0.0 : ch[static_cast<std::size_t>(k)];
        };
        buf.l[i] = static_cast<float>(at(j, in.l) * (1 - f) + at(j + 1, in.l) * f);
        buf.r[i] = static_cast<float>(at(j, in.r) * (1 - f) + at(j + 1, in.r) * f);
    }
}

}  // namespace

void foldLoop(Stereo& buf, std::size_t length) {
    if (buf.size() < length) buf.resize(length);
    for (std::size_t i = length; i < buf.size(); ++i) {
        buf.l[i % length] += buf.l[i];
        buf.r[i % length] += buf.r[i];
    }
    buf.resize(length);
}

void addReverb(Stereo& buf, int rate, double wet, double size, bool circular) {
    if (wet <= 0.0) return;
    Reverb rev(rate, size);
    double l = 0.0, r = 0.0;
    if (circular) {  // warm-up pass: fills the reverb with the loop's own tail
        for (std::size_t i = 0; i < buf.size(); ++i) rev.process(buf.l[i], buf.r[i], l, r);
    }
    const double gain = 3.0 * wet;  // Freeverb's wet scaling
    for (std::size_t i = 0; i < buf.size(); ++i) {
        rev.process(buf.l[i], buf.r[i], l, r);
        buf.l[i] += static_cast<float>(l * gain);
        buf.r[i] += static_cast<float>(r * gain);
    }
}

double rmsOf(const Stereo& buf) {
    double sum = 0.0;
    for (std::size_t i = 0; i < buf.size(); ++i) sum += buf.l[i] * buf.l[i] + buf.r[i] * buf.r[i];
    return std::sqrt(sum / static_cast<double>(std::max<std::size_t>(1, 2 * buf.size())));
}

double normalise(Stereo& buf, double levelDb, double peak) {
    double top = 1e-9;
    for (std::size_t i = 0; i < buf.size(); ++i)
        top = std::max({top, std::abs(static_cast<double>(buf.l[i])),
                        std::abs(static_cast<double>(buf.r[i]))});
    const double gain = std::min(dbToGain(levelDb) / (rmsOf(buf) + 1e-12), peak / top);
    for (std::size_t i = 0; i < buf.size(); ++i) {
        buf.l[i] *= static_cast<float>(gain);
        buf.r[i] *= static_cast<float>(gain);
    }
    return gain;
}

void fadeIn(Stereo& buf, int rate, double seconds) {
    const auto n = std::min(buf.size(), static_cast<std::size_t>(seconds * rate));
    for (std::size_t i = 0; i < n; ++i) {
        const auto g = static_cast<float>(smoothStep(static_cast<double>(i) / n));
        buf.l[i] *= g;
        buf.r[i] *= g;
    }
}

void fadeOut(Stereo& buf, int rate, double seconds) {
    const auto n = std::min(buf.size(), static_cast<std::size_t>(seconds * rate));
    for (std::size_t i = 0; i < n; ++i) {
        const auto g = static_cast<float>(smoothStep(static_cast<double>(i) / n));
        buf.l[buf.size() - 1 - i] *= g;
        buf.r[buf.size() - 1 - i] *= g;
    }
}

Stereo renderScore(const Score& s, int rate, std::vector<VoiceLevel>* levels) {
    const TempoMap tm(s);
    const auto length = static_cast<std::size_t>(std::lround(tm.seconds(s.totalBeats) * rate));
    const double period = s.loop ? static_cast<double>(length) / rate : 0.0;
    Stereo buf;
    buf.resize(length);
    std::vector<double> voiceRms;
    for (std::size_t v = 0; v < s.voices.size(); ++v) {
        Stereo part;
        part.resize(length);
        renderVoice(s, v, tm, period, rate, part);
        voiceRms.push_back(rmsOf(part));
        if (buf.size() < part.size()) buf.resize(part.size());
        for (std::size_t i = 0; i < part.size(); ++i) {
            buf.l[i] += part.l[i];
            buf.r[i] += part.r[i];
        }
    }
    if (s.loop) {
        foldLoop(buf, length);
    } else {
        buf.resize(length + static_cast<std::size_t>(s.tail * rate));  // trims or pads the ring-out
    }
    if (s.wowDepth > 0) addWow(buf, rate, s.wowDepth, s.wowRate, s.loop);
    addReverb(buf, rate, s.reverbWet, s.reverbSize, s.loop);
    if (!s.loop) fadeOut(buf, rate, std::max(s.fadeout, 0.05));
    const double gain = normalise(buf, s.levelDb, 0.8);  // headroom for the encoder's overshoot
    for (std::size_t v = 0; levels && v < s.voices.size(); ++v)
        levels->push_back({s.voices[v].name, 20.0 * std::log10(voiceRms[v] * gain + 1e-12)});
    return buf;
}

}  // namespace lcs
