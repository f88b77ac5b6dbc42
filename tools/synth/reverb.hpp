// A small stereo reverb after Jezar's public-domain Freeverb: eight damped
// comb filters in parallel, then four allpass diffusers, per channel.
#pragma once

#include <array>
#include <vector>

namespace lcs {

class Reverb {
public:
    // size 0..1 sets the decay time (about 1 s to 4 s); damp 0..1 how
    // quickly the treble dies away, as soft furnishings would absorb it.
    Reverb(int rate, double size, double damp = 0.35);

    // Feeds one stereo frame in and returns the wet signal only.
    void process(double inL, double inR, double& outL, double& outR);

private:
    struct Delay {
        std::vector<float> buf;
        std::size_t pos = 0;
        double store = 0.0;  // the comb's one-pole damping filter state
    };
    static double comb(Delay& d, double in, double feedback, double damp);
    static double allpass(Delay& d, double in);

    std::array<Delay, 8> combL_, combR_;
    std::array<Delay, 4> allL_, allR_;
    double feedback_, damp_;
};

}  // namespace lcs
