// The frame around a save's lines: the format line that opens it and, from format 2 on,
// the end marker that closes it with a checksum of everything before it. A file cut short
// anywhere, or altered after it was written, fails here before any line is read.
#include <cstdio>
#include <cstdlib>

#include "core/save.h"

namespace lc {
namespace {

constexpr std::string_view kFormatKey = "lostcorner-save:";
constexpr std::string_view kEndKey = "end-of-save: fnv1a64 ";

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// The first line that is neither blank nor a comment.
std::string_view firstLine(std::string_view text) {
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = trimmed(text.substr(0, nl));
    if (!line.empty() && line[0] != '#') return line;
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return {};
}

std::string hex64(uint64_t v) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(v));
  return buf;
}

}  // namespace

uint64_t saveChecksum(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;  // FNV-1a, 64 bits
  for (char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ull;
  }
  return h;
}

std::string endOfSaveLine(std::string_view body) { return std::string(kEndKey) + hex64(saveChecksum(body)) + "\n"; }

SaveFrame readSaveFrame(std::string_view text) {
  SaveFrame frame;
  std::string_view first = firstLine(text);
  if (first.empty()) {
    frame.error = "the save is empty or not a Lost Corner save";
    return frame;
  }
  if (first.substr(0, kFormatKey.size()) != kFormatKey) {
    frame.error = "this is not a Lost Corner save (it does not start with 'lostcorner-save:')";
    return frame;
  }
  const std::string number(trimmed(first.substr(kFormatKey.size())));
  char* end = nullptr;
  const long long version = std::strtoll(number.c_str(), &end, 10);
  if (number.empty() || number.size() > 9 || *end != '\0' || version < kOldestSaveFormat) {
    frame.error = "the save names format '" + number.substr(0, 20) +
                  "', which no Lost Corner ever wrote: the file is damaged";
    return frame;
  }
  if (version > kSaveFormatVersion) {
    frame.error = "this save was made by a newer Lost Corner (save format " + number +
                  "); update Lost Corner to load it";
    frame.newerFormat = true;
    return frame;
  }
  frame.version = static_cast<int>(version);
  frame.body = text;
  if (frame.version < 2) return frame;  // format 1 had no end marker: read as it is
  // The end marker is the last line; a missing final newline is all a cut may leave out.
  std::string_view closing = text;
  if (!closing.empty() && closing.back() == '\n') closing.remove_suffix(1);
  const size_t at = closing.rfind('\n');
  const std::string_view last = at == std::string_view::npos ? closing : closing.substr(at + 1);
  if (last.substr(0, kEndKey.size()) != kEndKey) {
    frame.error = "the save is cut short: its end marker is missing (the file was truncated or damaged)";
    return frame;
  }
  frame.body = text.substr(0, at + 1);
  if (last.substr(kEndKey.size()) != hex64(saveChecksum(frame.body))) {
    frame.error = "the save is damaged: its checksum does not match its contents (the file was cut short or altered)";
    return frame;
  }
  return frame;
}

}  // namespace lc
