// Reading a .zip in memory: what a learning platform's "download all" gives a teacher.
// Only what the class report needs: stored and deflated entries, each one checked on its
// own (a bad entry is refused with a message, the others are still read). Nothing is
// ever written to disk, so no entry name can reach outside; names with "../", absolute
// paths or drive letters are refused all the same, so the report never shows them as if
// they were fine. Expanded sizes are capped while inflating (a zip bomb stops at the cap,
// whatever its headers claim).
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lc {

struct ZipLimits {
  size_t maxEntryBytes = size_t(8) << 20;    // one expanded entry
  size_t maxTotalBytes = size_t(256) << 20;  // every expanded entry together
  size_t maxEntries = 20000;
};

struct ZipEntry {
  std::string name;  // as stored: "student-1/lesson-journal-ann-3f2a9c-2026-03-02.json"
  std::string data;
};

struct ZipProblem {
  std::string name;  // the entry; "" for the archive as a whole
  std::string message;
};

// Expands the entries `want(name)` asks for into `entries`; every entry refused lands
// in `problems`. Folders are passed over. False when the archive cannot be read at all
// (then `problems` says why).
bool readZip(std::string_view archive, const ZipLimits& limits, const std::function<bool(const std::string&)>& want,
             std::vector<ZipEntry>& entries, std::vector<ZipProblem>& problems);

// Why a stored name cannot be taken as a path inside the archive, or "" when it can.
std::string unsafeZipName(std::string_view name);

// The CRC-32 of a zip entry (the zlib polynomial).
uint32_t zipCrc32(std::string_view data);

}  // namespace lc
