// A small .zip reader: the central directory, then each wanted entry on its own, stored
// or deflated (zlib's raw inflate), its size capped while it expands and its CRC checked.
#include "load/zip_read.h"

#include <algorithm>
#include <array>

#ifdef LC_HAVE_ZLIB
#include <zlib.h>
#endif

namespace lc {
namespace {

constexpr uint32_t kEndOfDirectory = 0x06054b50, kDirectoryEntry = 0x02014b50, kLocalHeader = 0x04034b50;

uint32_t le(std::string_view b, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<size_t>(i)]);
  return v;
}

std::string mib(size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

// The end-of-directory record: searched from the end, past a comment of up to 64 KiB.
bool findEnd(std::string_view z, size_t& at) {
  if (z.size() < 22) return false;
  size_t lowest = z.size() > 22 + 65535 ? z.size() - 22 - 65535 : 0;
  for (size_t i = z.size() - 22 + 1; i-- > lowest;)
    if (le(z, i, 4) == kEndOfDirectory) {
      at = i;
      return true;
    }
  return false;
}

struct DirEntry {
  std::string name;
  uint16_t flags = 0, method = 0;
  uint32_t crc = 0, packed = 0, size = 0, local = 0;
};

// Stored: the bytes as they are. Deflated: inflated in slices, stopping at `cap`.
std::string expand(std::string_view packed, const DirEntry& d, size_t cap, std::string& out) {
  if (d.method == 0) {
    if (packed.size() > cap) return "expands past the cap";
    out.assign(packed.data(), packed.size());
    return "";
  }
#ifdef LC_HAVE_ZLIB
  z_stream z{};
  if (inflateInit2(&z, -MAX_WBITS) != Z_OK) return "cannot start inflating";
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  z.avail_in = static_cast<uInt>(packed.size());
  std::array<char, 65536> slice;
  int rc = Z_OK;
  std::string why;
  while (rc == Z_OK) {
    z.next_out = reinterpret_cast<Bytef*>(slice.data());
    z.avail_out = static_cast<uInt>(slice.size());
    rc = inflate(&z, Z_NO_FLUSH);
    size_t got = slice.size() - z.avail_out;
    if (out.size() + got > cap) {
      why = "expands past the cap";
      break;
    }
    out.append(slice.data(), got);
    if (rc == Z_BUF_ERROR && z.avail_in == 0) why = "the compressed data ends early";
  }
  if (why.empty() && rc != Z_STREAM_END) why = "the compressed data is corrupt";
  inflateEnd(&z);
  return why;
#else
  (void)cap;
  (void)out;
  return "is compressed, and this build reads only stored entries (built without zlib)";
#endif
}

// Reads one entry of the central directory at `at`; "" or why not.
std::string readDirEntry(std::string_view z, size_t& at, DirEntry& d) {
  if (at + 46 > z.size() || le(z, at, 4) != kDirectoryEntry) return "the archive's directory is corrupt";
  d.flags = static_cast<uint16_t>(le(z, at + 8, 2));
  d.method = static_cast<uint16_t>(le(z, at + 10, 2));
  d.crc = le(z, at + 16, 4);
  d.packed = le(z, at + 20, 4);
  d.size = le(z, at + 24, 4);
  d.local = le(z, at + 42, 4);
  size_t nameLength = le(z, at + 28, 2), extra = le(z, at + 30, 2), comment = le(z, at + 32, 2);
  if (at + 46 + nameLength + extra + comment > z.size()) return "the archive's directory is corrupt";
  d.name.assign(z.substr(at + 46, nameLength));
  at += 46 + nameLength + extra + comment;
  return "";
}

// The entry's data: after its local header, which has lengths of its own.
std::string entryData(std::string_view z, const DirEntry& d, const ZipLimits& limits, size_t total, std::string& out) {
  if (d.flags & 1) return "refused: encrypted";
  if (d.packed == 0xFFFFFFFFu || d.size == 0xFFFFFFFFu || d.local == 0xFFFFFFFFu) return "refused: a Zip64 entry (over 4 GiB)";
  if (d.method != 0 && d.method != 8) return "refused: compression method " + std::to_string(d.method) + " (only stored and deflate are read)";
  if (size_t(d.local) + 30 > z.size() || le(z, d.local, 4) != kLocalHeader) return "refused: its header is corrupt";
  size_t start = size_t(d.local) + 30 + le(z, d.local + 26, 2) + le(z, d.local + 28, 2);
  if (start > z.size() || z.size() - start < d.packed) return "refused: the archive is cut short";
  size_t cap = std::min(limits.maxEntryBytes, limits.maxTotalBytes - total);
  std::string why = expand(z.substr(start, d.packed), d, cap, out);
  if (why == "expands past the cap")
    return cap < limits.maxEntryBytes ? "refused: the archive expands past " + mib(limits.maxTotalBytes) + " in all"
                                      : "refused: expands past " + mib(limits.maxEntryBytes) + " (a zip bomb?)";
  if (!why.empty()) return "refused: " + why;
  if (out.size() != d.size) return "refused: its size does not match the directory (corrupt)";
  if (zipCrc32(out) != d.crc) return "refused: its checksum does not match (corrupt)";
  return "";
}

}  // namespace

uint32_t zipCrc32(std::string_view data) {
  static const std::array<uint32_t, 256> table = [] {
    std::array<uint32_t, 256> t{};
    for (uint32_t i = 0; i < 256; ++i) {
      uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      t[i] = c;
    }
    return t;
  }();
  uint32_t c = 0xFFFFFFFFu;
  for (char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFF] ^ (c >> 8);
  return c ^ 0xFFFFFFFFu;
}

std::string unsafeZipName(std::string_view name) {
  if (name.empty()) return "an empty name";
  for (char c : name)
    if (static_cast<unsigned char>(c) < 0x20) return "a control character in its name";
  if (name[0] == '/' || name[0] == '\\') return "an absolute path";
  if (name.size() >= 2 && name[1] == ':') return "a drive letter";
  size_t from = 0;
  while (from <= name.size()) {
    size_t end = name.find_first_of("/\\", from);
    if (end == std::string_view::npos) end = name.size();
    if (name.substr(from, end - from) == "..") return "a path leaving the archive (../)";
    from = end + 1;
  }
  return "";
}

bool readZip(std::string_view z, const ZipLimits& limits, const std::function<bool(const std::string&)>& want,
             std::vector<ZipEntry>& entries, std::vector<ZipProblem>& problems) {
  size_t end = 0;
  if (!findEnd(z, end)) {
    problems.push_back({"", "not a .zip archive, or a damaged one (no end-of-directory record)"});
    return false;
  }
  size_t count = le(z, end + 10, 2), at = le(z, end + 16, 4);
  if (count > limits.maxEntries) {
    problems.push_back({"", "holds " + std::to_string(count) + " entries (the report reads at most " +
                                std::to_string(limits.maxEntries) + ")"});
    return false;
  }
  size_t total = 0;
  for (size_t i = 0; i < count; ++i) {
    DirEntry d;
    std::string why = readDirEntry(z, at, d);
    if (!why.empty()) {
      problems.push_back({"", why + " after " + std::to_string(i) + " of " + std::to_string(count) + " entries"});
      return i > 0;
    }
    if (!d.name.empty() && (d.name.back() == '/' || d.name.back() == '\\')) continue;  // a folder
    std::string unsafe = unsafeZipName(d.name);
    if (!unsafe.empty()) {
      problems.push_back({d.name, "refused: " + unsafe});
      continue;
    }
    if (!want(d.name)) continue;
    ZipEntry entry{d.name, {}};
    why = entryData(z, d, limits, total, entry.data);
    if (!why.empty()) {
      problems.push_back({d.name, why});
      continue;
    }
    total += entry.data.size();
    entries.push_back(std::move(entry));
  }
  return true;
}

}  // namespace lc
