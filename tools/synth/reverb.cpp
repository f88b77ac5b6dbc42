#include "reverb.hpp"

namespace lcs {
namespace {

// Freeverb's delay lengths at 44.1 kHz. They are mutually prime-ish so the
// echoes never line up into a metallic ring; the right channel is offset
// by 23 samples to decorrelate the two sides.
constexpr std::array<int, 8> kComb = {1116, 1188, 1277, 1356, 1422, 1491, 1557, 1617};
constexpr std::array<int, 4> kAllpass = {556, 441, 341, 225};
constexpr int kSpread = 23;

std::vector<float> line(int samples44k, int rate) {
    const auto n = static_cast<std::size_t>(samples44k * static_cast<double>(rate) / 44100.0);
    return std::vector<float>(n < 1 ? 1 : n, 0.0f);
}

}  // namespace

Reverb::Reverb(int rate, double size, double damp)
    : feedback_(0.7 + 0.28 * size), damp_(0.4 * damp) {
    for (std::size_t i = 0; i < kComb.size(); ++i) {
        combL_[i].buf = line(kComb[i], rate);
        combR_[i].buf = line(kComb[i] + kSpread, rate);
    }
    for (std::size_t i = 0; i < kAllpass.size(); ++i) {
        allL_[i].buf = line(kAllpass[i], rate);
        allR_[i].buf = line(kAllpass[i] + kSpread, rate);
    }
}

double Reverb::comb(Delay& d, double in, double feedback, double damp) {
    const double out = d.buf[d.pos];
    d.store = out * (1.0 - damp) + d.store * damp;
    d.buf[d.pos] = static_cast<float>(in + d.store * feedback);
    d.pos = (d.pos + 1) % d.buf.size();
    return out;
}

double Reverb::allpass(Delay& d, double in) {
    const double held = d.buf[d.pos];
    d.buf[d.pos] = static_cast<float>(in + held * 0.5);
    d.pos = (d.pos + 1) % d.buf.size();
    return held - in;
}

void Reverb::process(double inL, double inR, double& outL, double& outR) {
    const double in = (inL + inR) * 0.015;  // Freeverb's fixed input gain
    double l = 0.0, r = 0.0;
    for (std::size_t i = 0; i < combL_.size(); ++i) {
        l += comb(combL_[i], in, feedback_, damp_);
        r += comb(combR_[i], in, feedback_, damp_);
    }
    for (std::size_t i = 0; i < allL_.size(); ++i) {
        l = allpass(allL_[i], l);
        r = allpass(allR_[i], r);
    }
    outL = l;
    outR = r;
}

}  // namespace lcs
