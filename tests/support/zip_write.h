// A tiny .zip writer for tests: stored or deflated entries (deflate needs zlib), with
// hooks to break an entry on purpose (a wrong CRC, a size that lies, a cut-short file).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "load/zip_read.h"
#ifdef LC_HAVE_ZLIB
#include <zlib.h>
#endif

namespace lc::test {

struct ZipItem {
  std::string name, data;
  bool deflate = false;
  uint32_t crcXor = 0;       // != 0: a wrong checksum
  int64_t sizeLie = 0;       // added to the uncompressed size the headers claim
};

inline void put16(std::string& out, uint32_t v) { out += char(v & 0xFF), out += char((v >> 8) & 0xFF); }
inline void put32(std::string& out, uint32_t v) { put16(out, v & 0xFFFF), put16(out, v >> 16); }

inline std::string deflateRaw(const std::string& data) {
#ifdef LC_HAVE_ZLIB
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(&out[0]);
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
#else
  return data;
#endif
}

inline std::string zipArchive(const std::vector<ZipItem>& items) {
  std::string out, directory;
  for (const auto& item : items) {
    bool deflated = item.deflate;
#ifndef LC_HAVE_ZLIB
    deflated = false;
#endif
    std::string packed = deflated ? deflateRaw(item.data) : item.data;
    uint32_t crc = lc::zipCrc32(item.data) ^ item.crcXor;
    uint32_t size = static_cast<uint32_t>(int64_t(item.data.size()) + item.sizeLie);
    uint32_t offset = static_cast<uint32_t>(out.size());
    auto common = [&](std::string& h) {
      put16(h, 20), put16(h, 0), put16(h, deflated ? 8 : 0), put16(h, 0), put16(h, 0x21);
      put32(h, crc), put32(h, static_cast<uint32_t>(packed.size())), put32(h, size);
      put16(h, static_cast<uint32_t>(item.name.size())), put16(h, 0);
    };
    put32(out, 0x04034b50);
    common(out);
    out += item.name + packed;
    put32(directory, 0x02014b50);
    put16(directory, 20);
    common(directory);
    put16(directory, 0), put16(directory, 0), put16(directory, 0), put32(directory, 0), put32(directory, offset);
    directory += item.name;
  }
  uint32_t at = static_cast<uint32_t>(out.size());
  out += directory;
  put32(out, 0x06054b50), put16(out, 0), put16(out, 0);
  put16(out, static_cast<uint32_t>(items.size())), put16(out, static_cast<uint32_t>(items.size()));
  put32(out, static_cast<uint32_t>(directory.size())), put32(out, at), put16(out, 0);
  return out;
}

}  // namespace lc::test
