#include "load/content_hash.h"

#include <cstring>

namespace lc {
namespace {

inline uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

// Two independent 64-bit lanes over 8-byte words.
void hash128(std::string_view bytes, uint64_t& a, uint64_t& b) {
  a = 0x9e3779b97f4a7c15ull ^ bytes.size();
  b = 0x6a09e667f3bcc909ull + bytes.size() * 0x100000001b3ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t w;
    std::memcpy(&w, bytes.data() + i, 8);
    a = (a ^ w) * 0x100000001b3ull;
    a = (a << 29) | (a >> 35);
    b = (b + w) * 0xbf58476d1ce4e5b9ull;
    b ^= b >> 31;
  }
  uint64_t tail = 0;
  std::memcpy(&tail, bytes.data() + i, bytes.size() - i);
  a = mix(a ^ tail ^ 0xa0761d6478bd642full);
  b = mix(b + tail + 0xe7037ed1a0b428dbull);
  a = mix(a ^ b);
}

}  // namespace

std::string contentHash(std::string_view bytes) {
  uint64_t a = 0, b = 0;
  hash128(bytes, a, b);
  static const char* digits = "0123456789abcdef";
  std::string out(32, '0');
  for (int i = 0; i < 16; ++i) {
    out[static_cast<size_t>(15 - i)] = digits[(a >> (4 * i)) & 15];
    out[static_cast<size_t>(31 - i)] = digits[(b >> (4 * i)) & 15];
  }
  return out;
}

HashBuilder& HashBuilder::add(std::string_view bytes) {
  add(static_cast<uint64_t>(bytes.size()));
  buffer_.append(bytes.data(), bytes.size());
  return *this;
}

HashBuilder& HashBuilder::add(uint64_t value) {
  char word[8];
  std::memcpy(word, &value, 8);
  buffer_.append(word, 8);
  return *this;
}

}  // namespace lc
