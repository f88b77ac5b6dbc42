#include "wav.hpp"

#include <cstdint>
#include <fstream>

namespace lcs {
namespace {

void put16(std::ofstream& f, std::uint16_t v) {
    const char b[2] = {static_cast<char>(v & 0xff), static_cast<char>(v >> 8)};
    f.write(b, 2);
}

void put32(std::ofstream& f, std::uint32_t v) {
    put16(f, static_cast<std::uint16_t>(v & 0xffff));
    put16(f, static_cast<std::uint16_t>(v >> 16));
}

// Quantises with triangular dither so long quiet fades do not turn into
// buzzy staircase distortion. The dither uses a fixed seed: same file every run.
std::int16_t quantise(double x, Rng& rng) {
    const double dither = (rng.uniform() - rng.uniform());
    const double v = std::clamp(x * 32767.0 + dither, -32768.0, 32767.0);
    return static_cast<std::int16_t>(std::lround(v));
}

}  // namespace

bool writeWav(const std::string& path, const Stereo& buf, int rate, int channels,
              std::string& error) {
    std::ofstream f(path, std::ios::binary);
    if (!f) {
        error = "cannot open '" + path + "' for writing";
        return false;
    }
    const auto frames = static_cast<std::uint32_t>(buf.size());
    const std::uint32_t dataBytes = frames * static_cast<std::uint32_t>(channels) * 2u;
    f.write("RIFF", 4);
    put32(f, 36 + dataBytes);
    f.write("WAVEfmt ", 8);
    put32(f, 16);
    put16(f, 1);  // PCM
    put16(f, static_cast<std::uint16_t>(channels));
    put32(f, static_cast<std::uint32_t>(rate));
    put32(f, static_cast<std::uint32_t>(rate * channels * 2));
    put16(f, static_cast<std::uint16_t>(channels * 2));
    put16(f, 16);
    f.write("data", 4);
    put32(f, dataBytes);

    Rng rng(0x5eed);
    for (std::size_t i = 0; i < buf.size(); ++i) {
        if (channels == 1) {
            put16(f, static_cast<std::uint16_t>(quantise(0.5 * (buf.l[i] + buf.r[i]), rng)));
        } else {
            put16(f, static_cast<std::uint16_t>(quantise(buf.l[i], rng)));
            put16(f, static_cast<std::uint16_t>(quantise(buf.r[i], rng)));
        }
    }
    if (!f) {
        error = "write to '" + path + "' failed";
        return false;
    }
    return true;
}

}  // namespace lcs
