// The sound effects. Ambiences (rain, wind, gulls) are built as loops: every
// filter runs twice round the buffer (keeping the second turn, when its state
// already holds the loop's own end), every slow modulation completes whole
// cycles, and every short event is placed modulo the length.
#include "sfx.hpp"

#include "instruments.hpp"
#include "render.hpp"

namespace lcs {
namespace {

std::vector<double> whiteNoise(std::size_t n, std::uint64_t seed) {
    Rng rng(seed);
    std::vector<double> v(n);
    for (double& x : v) x = rng.bipolar();
    return v;
}

// Runs a filter (`step(i)` returns the output for sample i and keeps its own
// state) twice round a loop of n samples and returns the second turn.
template <class Step>
std::vector<float> aroundLoop(std::size_t n, Step step) {
    std::vector<float> out(n);
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < n; ++i) {
            const double y = step(i);
            if (pass == 1) out[i] = static_cast<float>(y);
        }
    return out;
}

void addChannel(Stereo& out, const std::vector<float>& v, int channel, double gain) {
    std::vector<float>& ch = channel == 1 ? out.r : out.l;
    for (std::size_t i = 0; i < v.size() && i < ch.size(); ++i)
        ch[i] += static_cast<float>(v[i] * gain);
}

// A short decaying ring at `hz` plus a tick of noise: one raindrop, or one
// mode of a plastic click.
struct Strike {
    double at, hz, tau, amp, pan, tick;
};

// With `wrap` an event near the end continues at the start (for loops).
void addStrike(Stereo& out, int rate, const Strike& s, Rng& rng, bool wrap) {
    double gl = 0.0, gr = 0.0;
    panGains(s.pan, gl, gr);
    const auto start = static_cast<std::size_t>(s.at * rate);
    const auto len = static_cast<std::size_t>(8.0 * s.tau * rate);
    const double w = kTwoPi * s.hz / rate;
    for (std::size_t k = 0; k < len; ++k) {
        const double ring = std::sin(w * static_cast<double>(k)) *
                            std::exp(-static_cast<double>(k) / (s.tau * rate));
        const double tick = rng.bipolar() * std::exp(-static_cast<double>(k) / (0.0006 * rate));
        std::size_t i = start + k;
        if (wrap)
            i %= out.size();
        else if (i >= out.size())
            break;
        const double x = s.amp * (ring + s.tick * tick);
        out.l[i] += static_cast<float>(x * gl);
        out.r[i] += static_cast<float>(x * gr);
    }
}

// Rain drumming on a roof: a bed of filtered hiss (rain on everything
// around), many tiny bright drops, and a few heavy ones thudding on boards.
Stereo rain(int rate) {
    const double len = 7.0;
    const auto n = static_cast<std::size_t>(len * rate);
    Stereo out;
    out.resize(n);
    for (int ch = 0; ch < 2; ++ch) {
        const auto hissNoise = whiteNoise(n, 100 + ch), lowNoise = whiteNoise(n, 200 + ch);
        Biquad hp, lp, low;
        hp.setHighpass(600, 0.7, rate);
        lp.setLowpass(6000, 0.7, rate);
        low.setLowpass(300, 0.7, rate);
        addChannel(
            out, aroundLoop(n, [&](std::size_t i) { return lp.process(hp.process(hissNoise[i])); }),
            ch, 0.12);
        addChannel(out, aroundLoop(n, [&](std::size_t i) { return low.process(lowNoise[i]); }), ch,
                   0.5);
    }
    Rng rng(7);
    for (int k = 0; k < 55 * 7; ++k) {  // 55 drops a second
        const Strike s{rng.uniform() * len,      rng.range(1200, 4500),
                       rng.range(0.0015, 0.005), 0.03 + 0.25 * std::pow(rng.uniform(), 3.0),
                       0.8 * rng.bipolar(),      0.5};
        addStrike(out, rate, s, rng, true);
    }
    for (int k = 0; k < 10 * 7; ++k) {  // 10 heavy ones a second
        const Strike s{rng.uniform() * len,        rng.range(140, 380), rng.range(0.012, 0.03),
                       0.1 + 0.25 * rng.uniform(), 0.6 * rng.bipolar(), 0.4};
        addStrike(out, rate, s, rng, true);
    }
    normalise(out, -21, 0.6);
    return out;
}

// Gust strength, roughly 0.3..1 (a lull, never dead calm), built only from
// whole cycles per loop.
double gust(double t, double len, double shift) {
    const double x = kTwoPi * t / len;
    return 0.63 + 0.2 * std::sin(x + shift) + 0.1 * std::sin(2 * x + 1.3 + shift) +
           0.05 * std::sin(5 * x + 0.4 + 2 * shift);
}

// Wind over open fields: broad noise whose colour rises with each gust, a
// faint whistle only in the strongest gusts, and a low rumble underneath.
Stereo wind(int rate) {
    const double len = 9.0;
    const auto n = static_cast<std::size_t>(len * rate);
    Stereo out;
    out.resize(n);
    for (int ch = 0; ch < 2; ++ch) {
        const auto noise = whiteNoise(n, 300 + ch);
        Biquad body, whistle, low;
        OnePole soften;  // wind has little treble; this keeps the bandpass skirts from hissing
        low.setLowpass(140, 0.7, rate);
        soften.setCutoff(2500, rate);
        auto step = [&](std::size_t i) {
            const double g = gust(static_cast<double>(i) / rate, len, 0.5 * ch);
            if (i % 16 == 0) {  // retune often enough to glide, rarely enough to be cheap
                body.setBandpass(300 + 600 * g, 0.7, rate);
                whistle.setBandpass(800 + 900 * g, 10, rate);
            }
            const double x = noise[i];
            return soften.lp(body.process(x)) * std::pow(g, 1.5) +
                   whistle.process(x) * 1.5 * std::pow(g, 4.0) + low.process(x) * 0.6 * g;
        };
        addChannel(out, aroundLoop(n, step), ch, 1.0);
    }
    normalise(out, -21, 0.6);
    return out;
}

// Loudness of a wave over its cycle (phase 0..1): a slow swell, the break,
// then the wash running back, which decays into the next swell.
double waveShape(double phase) {
    if (phase < 0.55)
        return std::max(0.5 * smoothStep(phase / 0.55), std::exp(-(phase + 0.38) * 6.0));
    if (phase < 0.62) return 0.5 + 0.5 * smoothStep((phase - 0.55) / 0.07);
    return std::exp(-(phase - 0.62) * 6.0);
}

void addWaves(Stereo& out, int rate, double len) {
    for (int ch = 0; ch < 2; ++ch) {
        const auto noise = whiteNoise(out.size(), 400 + ch);
        Biquad lp;
        auto step = [&](std::size_t i) {
            const double t = static_cast<double>(i) / rate;
            const double phase = std::fmod(2.0 * t / len + 0.04 * ch, 1.0);  // two waves per loop
            const double s = waveShape(phase);
            if (i % 16 == 0) lp.setLowpass(200 + 3000 * s * s, 0.5, rate);  // the break is brighter
            return lp.process(noise[i]) * (0.25 + 0.75 * s);
        };
        addChannel(out, aroundLoop(out.size(), step), ch, 0.6);
    }
}

// One "kyow" of a gull: a harmonic-rich cry that leaps up and slides down,
// roughened by a fast flutter of the throat.
std::vector<float> gullSyllable(double peakHz, double dur, int rate) {
    static const double kHarm[6] = {1.0, 0.8, 0.5, 0.3, 0.15, 0.08};
    std::vector<float> out(static_cast<std::size_t>(dur * rate));
    double phase = 0.0;
    for (std::size_t i = 0; i < out.size(); ++i) {
        const double x = static_cast<double>(i) / out.size(), t = static_cast<double>(i) / rate;
        const double f = peakHz * (x < 0.2 ? 0.8 + 0.2 * smoothStep(x / 0.2)
                                           : 1.0 - 0.3 * smoothStep((x - 0.2) / 0.8));
        phase += kTwoPi * f / rate;
        double s = 0.0;
        for (int k = 1; k <= 6 && k * f < 0.45 * rate; ++k) s += kHarm[k - 1] * std::sin(k * phase);
        const double env = smoothStep(x / 0.1) * (1.0 - smoothStep((x - 0.55) / 0.45));
        out[i] = static_cast<float>(0.2 * s * env * (1.0 + 0.3 * std::sin(kTwoPi * 60.0 * t)));
    }
    return out;
}

// A call of a few syllables; `distance` 0..1 makes it quieter and duller.
void addGullCall(Stereo& out, int rate, double at, int syllables, double pitch, double distance,
                 double pan, Rng& rng) {
    double gl = 0.0, gr = 0.0;
    panGains(pan, gl, gr);
    const double gain = 1.0 - 0.7 * distance;
    for (int k = 0; k < syllables; ++k) {
        const double dur = rng.range(0.16, 0.3);
        std::vector<float> cry = gullSyllable(pitch * rng.range(0.95, 1.05), dur, rate);
        OnePole air;  // distant sound loses its treble to the air
        air.setCutoff(6000.0 - 3500.0 * distance, rate);
        for (float& v : cry) v = static_cast<float>(air.lp(v));
        mixInto(out, cry, static_cast<std::size_t>(at * rate), gl * gain, gr * gain);
        at += dur + rng.range(0.06, 0.14);
    }
}

Stereo gulls(int rate) {
    const double len = 10.0;
    const auto n = static_cast<std::size_t>(len * rate);
    Stereo out;
    out.resize(n);
    addWaves(out, rate, len);
    Stereo birds;
    birds.resize(n);
    Rng rng(11);
    addGullCall(birds, rate, 0.7, 3, 1150, 0.2, -0.4, rng);
    addGullCall(birds, rate, 3.4, 2, 1000, 0.7, 0.6, rng);
    addGullCall(birds, rate, 5.9, 4, 1230, 0.35, 0.25, rng);
    addGullCall(birds, rate, 8.3, 2, 1080, 0.8, -0.7, rng);
    foldLoop(birds, n);
    addReverb(birds, rate, 0.3, 0.7, true);
    for (std::size_t i = 0; i < n; ++i) {
        out.l[i] += birds.l[i];
        out.r[i] += birds.r[i];
    }
    normalise(out, -20, 0.7);
    return out;
}

// One plastic-and-metal click: a few short modes (the first carries the tick
// of the impact) plus a low thump from the deck's body.
void addClick(Stereo& out, int rate, double at, std::vector<double> modes, double thumpHz,
              double amp, Rng& rng) {
    for (std::size_t k = 0; k < modes.size(); ++k)
        addStrike(out, rate, {at, modes[k], 0.006, amp / (k + 1.0), 0.05, k == 0 ? 0.8 : 0.0}, rng,
                  false);
    addStrike(out, rate, {at, thumpHz, 0.03, 0.8 * amp, 0.0, 0.0}, rng, false);
}

// A cassette slid into a deck, the door snapped shut, PLAY pressed, and then
// the soft hiss of tape running.
Stereo cassette(int rate) {
    const double len = 3.4;
    const auto n = static_cast<std::size_t>(len * rate);
    Stereo out;
    out.resize(n);
    Rng rng(21);
    const auto noise = whiteNoise(n, 500);
    Biquad slide, hissHp, hissLp;
    slide.setBandpass(3000, 1.0, rate);
    hissHp.setHighpass(1500, 0.7, rate);
    hissLp.setLowpass(9000, 0.7, rate);
    for (std::size_t i = 0; i < n; ++i) {
        const double t = static_cast<double>(i) / rate;
        const double slideEnv = smoothStep((t - 0.03) / 0.06) * (1.0 - smoothStep((t - 0.1) / 0.1));
        const double hissEnv = smoothStep((t - 1.2) / 0.25) * (1.0 - smoothStep((t - 2.6) / 0.8));
        const double x = slide.process(noise[i]) * 0.25 * slideEnv +
                         hissLp.process(hissHp.process(noise[i])) * 0.05 * hissEnv;
        out.l[i] += static_cast<float>(x);
        out.r[i] += static_cast<float>(x);
    }
    addClick(out, rate, 0.22, {2100, 3400, 5200}, 180, 0.5, rng);  // cassette seats in the well
    addClick(out, rate, 0.50, {1300, 2600, 4100}, 120, 0.8, rng);  // door snaps shut
    addClick(out, rate, 0.53, {2900}, 200, 0.15, rng);             // ...and rattles
    addClick(out, rate, 1.10, {1700, 3000}, 150, 0.35, rng);       // PLAY key goes down
    addClick(out, rate, 1.15, {900, 2200}, 90, 0.6, rng);          // transport engages
    addReverb(out, rate, 0.08, 0.2, false);
    fadeOut(out, rate, 0.05);
    normalise(out, -24, 0.7);
    return out;
}

// A brass hand bell swung by a guardian in the yard: twelve strokes, then
// it rings out. Its modes are those of a church bell (hum, prime, minor
// tierce, quint, nominal ...), which is what makes it sound like a bell.
Stereo schoolBell(int rate) {
    const double len = 5.5;
    const std::vector<Mode> modes = {{0.5, 0.35, 1.6}, {1.0, 0.6, 1.0},   {1.19, 0.45, 0.8},
                                     {1.5, 0.2, 0.6},  {2.0, 1.0, 0.7},   {2.52, 0.35, 0.45},
                                     {2.66, 0.4, 0.4}, {3.01, 0.3, 0.35}, {4.1, 0.2, 0.25},
                                     {5.2, 0.12, 0.2}, {6.3, 0.08, 0.15}};
    const std::vector<float> ring = renderModes(660.0, modes, 1.2, 4.5, rate);
    Stereo out;
    out.resize(static_cast<std::size_t>(len * rate));
    Rng rng(31);
    for (int k = 0; k < 12; ++k) {
        const double at = 0.05 + 0.21 * k + 0.008 * rng.bipolar();
        const double amp = (k % 2 == 0 ? 1.0 : 0.75) * rng.range(0.9, 1.1);
        const double pan = (k % 2 == 0 ? -0.15 : 0.15);  // the bell swings side to side
        double gl = 0.0, gr = 0.0;
        panGains(pan, gl, gr);
        mixInto(out, ring, static_cast<std::size_t>(at * rate), gl * amp * 0.3, gr * amp * 0.3);
        addStrike(out, rate, {at, 4800, 0.002, 0.04 * amp, pan, 0.6}, rng, false);  // clapper
    }
    out.resize(static_cast<std::size_t>(len * rate));
    addReverb(out, rate, 0.18, 0.5, false);
    fadeOut(out, rate, 1.0);
    normalise(out, -20, 0.7);
    return out;
}

}  // namespace

const std::vector<SoundEffect>& soundEffects() {
    static const std::vector<SoundEffect> kEffects = {
        {"rain", "rain drumming on a roof (7 s loop)", true, rain},
        {"wind", "wind over open fields (9 s loop)", true, wind},
        {"cassette", "a cassette clicking into a player, then tape hiss (3.4 s)", false, cassette},
        {"gulls", "waves on the shore and gulls calling (10 s loop)", true, gulls},
        {"bell", "a school hand bell rung in the yard (5.5 s)", false, schoolBell},
    };
    return kEffects;
}

}  // namespace lcs
