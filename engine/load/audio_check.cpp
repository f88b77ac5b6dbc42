#include "load/audio_check.h"

#include <array>
#include <cstdint>
#include <vector>

#include "load/file_io.h"

namespace lc {
namespace {

const char* const kPlays = "the player plays Ogg Vorbis (.ogg) and WAV (.wav)";

uint32_t le32(const std::string& b, size_t at) {
  return static_cast<uint32_t>(static_cast<unsigned char>(b[at])) |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 1])) << 8 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 2])) << 16 |
         static_cast<uint32_t>(static_cast<unsigned char>(b[at + 3])) << 24;
}
uint16_t le16(const std::string& b, size_t at) {
  return static_cast<uint16_t>(static_cast<unsigned char>(b[at]) | static_cast<unsigned char>(b[at + 1]) << 8);
}

// Ogg's page checksum: CRC-32 with polynomial 0x04C11DB7, not reflected, starting at 0.
const std::array<uint32_t, 256>& crcTable() {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t r = i << 24;
      for (int k = 0; k < 8; ++k) r = r & 0x80000000u ? (r << 1) ^ 0x04C11DB7u : r << 1;
      t[i] = r;
    }
    return t;
  }();
  return table;
}

uint32_t pageCrc(const std::string& b, size_t start, size_t size) {
  uint32_t crc = 0;
  for (size_t i = 0; i < size; ++i) {
    const unsigned char c = i >= 22 && i < 26 ? 0 : static_cast<unsigned char>(b[start + i]);
    crc = (crc << 8) ^ crcTable()[((crc >> 24) ^ c) & 0xFF];
  }
  return crc;
}

// Every page whole and with its checksum, the stream's end marked, and the three Vorbis
// header packets (identification, comments, codebooks) where a decoder expects them.
std::string oggProblem(const std::string& b) {
  std::vector<std::string> packets(1);
  bool ended = false;
  size_t at = 0;
  for (int page = 1; at < b.size(); ++page) {
    const std::string where = "page " + std::to_string(page) + " (byte " + std::to_string(at) + ")";
    if (ended) return "has data after the end of its Ogg stream, at byte " + std::to_string(at);
    if (b.size() - at < 27) return "is cut short: " + where + " is incomplete";
    if (b.compare(at, 4, "OggS") != 0) return "is damaged: " + where + " does not start like an Ogg page";
    const size_t segments = static_cast<unsigned char>(b[at + 26]);
    if (b.size() - at < 27 + segments) return "is cut short: " + where + " is incomplete";
    size_t body = 0;
    for (size_t s = 0; s < segments; ++s) body += static_cast<unsigned char>(b[at + 27 + s]);
    const size_t size = 27 + segments + body;
    if (b.size() - at < size) return "is cut short: " + where + " ends past the end of the file";
    if (pageCrc(b, at, size) != le32(b, at + 22)) return "is damaged: " + where + " fails its checksum";
    ended = (b[at + 5] & 0x04) != 0;
    size_t data = at + 27 + segments;
    for (size_t s = 0; s < segments && packets.size() <= 3; ++s) {
      const size_t len = static_cast<unsigned char>(b[at + 27 + s]);
      if (packets.back().size() < 4096) packets.back().append(b, data, len);
      data += len;
      if (len < 255) packets.emplace_back();
    }
    at += size;
  }
  if (!ended) return "is cut short: its Ogg stream does not reach its end";
  const std::string& id = packets[0];
  if (id.compare(0, 8, "OpusHead") == 0) return std::string("is Ogg Opus; ") + kPlays;
  if (id.compare(0, 4, "fLaC") == 0 || id.compare(0, 5,
                                                  "\x7F"
                                                  "FLAC") == 0)
    return std::string("is Ogg FLAC; ") + kPlays;
  if (id.size() < 30 || id.compare(0, 7, "\x01vorbis") != 0) return std::string("is Ogg but not Vorbis; ") + kPlays;
  if (le32(id, 7) != 0 || id[11] == 0 || le32(id, 12) == 0 || (id[29] & 1) == 0)
    return "is damaged: its Vorbis header is not valid";
  if (packets.size() < 3 || packets[1].compare(0, 7, "\x03vorbis") != 0 || packets[2].compare(0, 7, "\x05vorbis") != 0)
    return "is damaged: its Vorbis headers are missing or out of order";
  return "";
}

// A RIFF WAVE file with PCM or float samples and its data chunk whole.
std::string wavProblem(const std::string& b) {
  bool haveFormat = false;
  for (size_t at = 12; at + 8 <= b.size();) {
    const uint32_t size = le32(b, at + 4);
    const std::string id = b.substr(at, 4);
    if (id == "fmt ") {
      if (size < 16 || b.size() - at - 8 < 16) return "is damaged: its WAV format chunk is too short";
      const uint16_t format = le16(b, at + 8), channels = le16(b, at + 10), bits = le16(b, at + 22);
      const uint32_t rate = le32(b, at + 12);
      if (format != 1 && format != 3 && format != 0xFFFE)
        return "is a compressed WAV (format " + std::to_string(format) + "); " + kPlays + " with PCM samples";
      if (channels == 0 || rate == 0 || bits == 0) return "is damaged: its WAV format says no channels, rate or bits";
      haveFormat = true;
    } else if (id == "data") {
      if (!haveFormat) return "is damaged: its WAV data comes before its format";
      if (size > b.size() - at - 8)
        return "is cut short: its WAV data says " + std::to_string(size) + " bytes, the file holds " +
               std::to_string(b.size() - at - 8);
      return "";
    }
    if (size > b.size() - at - 8) break;
    at += 8 + size + (size & 1);
  }
  return "is damaged: it has no WAV data chunk";
}

}  // namespace

std::string audioFileProblem(const std::string& path) {
  std::string bytes, error;
  if (!readFile(path, bytes, error)) return "cannot be read: " + error;
  if (bytes.empty()) return "is empty";
  if (bytes.compare(0, 4, "OggS") == 0) return oggProblem(bytes);
  if (bytes.size() >= 12 && bytes.compare(0, 4, "RIFF") == 0 && bytes.compare(8, 4, "WAVE") == 0)
    return wavProblem(bytes);
  const auto byte = [&](size_t i) { return i < bytes.size() ? static_cast<unsigned char>(bytes[i]) : 0; };
  if (bytes.compare(0, 3, "ID3") == 0 || (byte(0) == 0xFF && (byte(1) & 0xE0) == 0xE0))
    return std::string("is MP3; ") + kPlays;
  if (bytes.compare(0, 4, "fLaC") == 0) return std::string("is FLAC; ") + kPlays;
  if (bytes.size() >= 12 && bytes.compare(0, 4, "FORM") == 0) return std::string("is AIFF; ") + kPlays;
  if (bytes.size() >= 8 && bytes.compare(4, 4, "ftyp") == 0) return std::string("is MP4 or M4A; ") + kPlays;
  return std::string("is not an audio file the player knows; ") + kPlays;
}

}  // namespace lc
