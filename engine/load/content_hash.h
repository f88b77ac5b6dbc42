// A 128-bit hash of bytes, for caches keyed by content (load/check_cache.h). Not
// cryptographic: it tells edits apart, it does not resist someone forging a collision.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

namespace lc {

// 32 hex digits.
std::string contentHash(std::string_view bytes);

// Feeds several values into one hash (each with its length, so "ab"+"c" != "a"+"bc").
class HashBuilder {
 public:
  HashBuilder& add(std::string_view bytes);
  HashBuilder& add(uint64_t value);
  std::string hex() const { return contentHash(buffer_); }

 private:
  std::string buffer_;
};

}  // namespace lc
