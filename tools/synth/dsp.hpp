// Small DSP building blocks shared by the instruments, the sound effects and
// the mixer. Header-only because every piece is a few lines long.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lcs {

constexpr double kPi = 3.14159265358979323846;
constexpr double kTwoPi = 2.0 * kPi;

// SplitMix64: tiny, fast and defined purely with integer arithmetic, so a
// render is bit-for-bit reproducible from the committed sources on any
// platform (std::mt19937 is too, but its distributions are not).
class Rng {
public:
    explicit Rng(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    double uniform() { return static_cast<double>(next() >> 11) * (1.0 / 9007199254740992.0); }
    double bipolar() { return 2.0 * uniform() - 1.0; }
    double range(double lo, double hi) { return lo + (hi - lo) * uniform(); }

private:
    std::uint64_t state_;
};

// Mixes two seeds into one, so each note/voice gets its own reproducible stream.
inline std::uint64_t mixSeed(std::uint64_t a, std::uint64_t b) {
    Rng r(a * 0x100000001B3ull ^ b);
    return r.next();
}

// A stereo sample buffer. Float is plenty for audio that ends up 16-bit.
struct Stereo {
    std::vector<float> l, r;
    std::size_t size() const { return l.size(); }
    void resize(std::size_t n) {
        l.resize(n, 0.0f);
        r.resize(n, 0.0f);
    }
};

inline double midiToHz(double midi) { return 440.0 * std::pow(2.0, (midi - 69.0) / 12.0); }
inline double hzToMidi(double hz) { return 69.0 + 12.0 * std::log2(hz / 440.0); }
inline double dbToGain(double db) { return std::pow(10.0, db / 20.0); }

// Constant-power pan law: a centred source is not 3 dB louder than a hard-panned one.
inline void panGains(double pan, double& gl, double& gr) {
    const double a = (std::clamp(pan, -1.0, 1.0) + 1.0) * kPi / 4.0;
    gl = std::cos(a);
    gr = std::sin(a);
}

// 0 -> 0, 1 -> 1 with zero slope at both ends: envelope segments built from it
// never click, and a rise plus a mirrored fall of the same length sum to 1.
inline double smoothStep(double x) {
    x = std::clamp(x, 0.0, 1.0);
    return 0.5 - 0.5 * std::cos(kPi * x);
}

// One-pole lowpass; its complement is a gentle highpass.
struct OnePole {
    double a = 1.0, z = 0.0;
    void setCutoff(double hz, double rate) { a = 1.0 - std::exp(-kTwoPi * hz / rate); }
    double lp(double x) {
        z += a * (x - z);
        return z;
    }
    double hp(double x) { return x - lp(x); }
};

// RBJ-cookbook biquad in transposed direct form II (stable to retune per block).
struct Biquad {
    double b0 = 1, b1 = 0, b2 = 0, a1 = 0, a2 = 0, z1 = 0, z2 = 0;

    double process(double x) {
        const double y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        return y;
    }
    void setLowpass(double hz, double q, double rate) { set(hz, q, rate, 0); }
    void setHighpass(double hz, double q, double rate) { set(hz, q, rate, 1); }
    void setBandpass(double hz, double q, double rate) { set(hz, q, rate, 2); }

private:
    void set(double hz, double q, double rate, int kind) {
        const double w = kTwoPi * std::clamp(hz, 10.0, 0.45 * rate) / rate;
        const double alpha = std::sin(w) / (2.0 * q), c = std::cos(w);
        const double a0 = 1.0 + alpha;
        if (kind == 0) {
            b0 = (1 - c) / 2;
            b1 = 1 - c;
            b2 = (1 - c) / 2;
        } else if (kind == 1) {
            b0 = (1 + c) / 2;
            b1 = -(1 + c);
            b2 = (1 + c) / 2;
        } else {
            b0 = alpha;
            b1 = 0;
            b2 = -alpha;
        }
        b0 /= a0;
        b1 /= a0;
        b2 /= a0;
        a1 = -2 * c / a0;
        a2 = (1 - alpha) / a0;
    }
};

// Adds a mono signal into a stereo buffer at a sample offset, growing it if needed.
inline void mixInto(Stereo& out, const std::vector<float>& mono, std::size_t at, double gl,
                    double gr) {
    if (out.size() < at + mono.size()) out.resize(at + mono.size());
    for (std::size_t i = 0; i < mono.size(); ++i) {
        out.l[at + i] += static_cast<float>(mono[i] * gl);
        out.r[at + i] += static_cast<float>(mono[i] * gr);
    }
}

}  // namespace lcs
