// Pieces of the YAML reader shared by its .cpp files; not part of the load API.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.h"

namespace lc::yaml::detail {

inline constexpr int kMaxDepth = 100;
inline constexpr uint64_t kMaxAliasNodes = 10000;
inline constexpr size_t kMaxEncodingProblems = 10;

// One pass over doc.source: fills doc.lineStarts and reports invalid UTF-8, control
// characters, lone carriage returns and tabs in indentation. Returns false when the
// bytes must not be handed to yaml-cpp.
bool prescan(Document& doc);

// yaml-cpp's message for a syntax error at byte `at`, with a hint on what to do.
Problem syntaxProblem(const Document& doc, size_t at, const std::string& yamlMessage);
// Our own words for a structural syntax error yaml-cpp reported at byte `at`, on the
// line where the writer went wrong: a key or '-' that lines up with nothing above it, a
// key indented under an unquoted value, ': ' in an unquoted value, a quote left open
// before a line that reads as a key. nullopt when the lines show none of them.
std::optional<Problem> explainSyntax(const Document& doc, size_t at, const std::string& yamlMessage);
// Warnings for unquoted text of several words cut short by a ' #' comment on its line.
void commentTraps(Document& doc);
// A second document starting at byte `at`: a `---` line, or text yaml-cpp could not
// fit into the first document.
Problem secondDocumentProblem(const Document& doc, size_t at);

inline bool isContinuation(unsigned char b) { return (b & 0xC0) == 0x80; }

// Bytes taken by the (valid) UTF-8 sequence that starts with `lead`.
inline size_t sequenceLength(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

inline int countCodePoints(std::string_view s) {
  int n = 0;
  for (char c : s) n += !isContinuation(static_cast<unsigned char>(c));
  return n;
}

// Byte offset -> Pos for offsets that mostly come in increasing order (parser events):
// remembers the last answer so that long single-line flow documents stay linear.
class PosCursor {
 public:
  explicit PosCursor(const Document& doc) : doc_(doc) {}
  Pos at(size_t byteOffset);

 private:
  const Document& doc_;
  size_t line_ = 0;  // 0-based index into lineStarts
  size_t offset_ = 0;
  int col_ = 1;
};

}  // namespace lc::yaml::detail
