// The pre-scan: one pass over the bytes before yaml-cpp sees them. yaml-cpp accepts
// invalid UTF-8 and control characters silently and reports tabs with a message that
// names no fix, so we check these ourselves, with positions in code points.
#include <cstdio>

#include "load/yaml_tree_internal.h"

namespace lc::yaml::detail {
namespace {

const char* const kUtf8Hint = "save the file as UTF-8 text";

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Does this line end with a block scalar indicator (`key: |`, `- >-`, `|2`), before
// an optional comment? Then the more-indented lines below are text, where tabs are
// content. A plain scalar ending in " |" fools this; we are then lenient, no worse.
bool endsWithBlockIndicator(std::string_view line) {
  size_t end = line.size();
  for (size_t k = 0; k < line.size(); ++k) {
    if (line[k] == '#' && (k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t')) {
      end = k;
      break;
    }
  }
  while (end > 0 && isBlank(line[end - 1])) --end;
  size_t k = end;
  for (int modifiers = 0; modifiers < 2 && k > 0; ++modifiers) {
    char c = line[k - 1];
    if (!(c == '+' || c == '-' || (c >= '1' && c <= '9'))) break;
    --k;
  }
  if (k == 0 || (line[k - 1] != '|' && line[k - 1] != '>')) return false;
  --k;
  return k == 0 || line[k - 1] == ' ' || line[k - 1] == '\t';
}

class Prescan {
 public:
  explicit Prescan(Document& doc) : doc_(doc), src_(doc.source) {}
  bool run();

 private:
  void startLine(size_t i);
  void endLine(size_t lineBegin, size_t lineEnd);
  size_t checkMultiByte(size_t i);
  size_t badSequence(size_t i, size_t skip, const std::string& what);
  void checkControl(size_t i, unsigned char b);
  void report(int col, std::string message, const char* hint);

  Document& doc_;
  const std::string& src_;
  int line_ = 1;
  int col_ = 1;           // column of the byte being looked at
  int indent_ = 0;        // leading spaces of the current line
  int blockParent_ = -1;  // >= 0 inside a block scalar: indentation of its key line
  bool ok_ = true;
};

bool Prescan::run() {
  doc_.lineStarts.assign(1, 0);
  if (src_.compare(0, 2, "\xFF\xFE") == 0 || src_.compare(0, 2, "\xFE\xFF") == 0) {
    report(1, "the file is UTF-16, not UTF-8", kUtf8Hint);  // its BOM says so
    return false;
  }
  const size_t n = src_.size();
  size_t lineBegin = 0;
  startLine(0);
  for (size_t i = 0; i < n;) {
    const auto b = static_cast<unsigned char>(src_[i]);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
      ++col_;
    } else if (b == '\n') {
      endLine(lineBegin, i);
      lineBegin = ++i;
      doc_.lineStarts.push_back(static_cast<uint32_t>(i));
      ++line_;
      col_ = 1;
      startLine(i);
    } else if (b >= 0x80) {
      i += checkMultiByte(i);
      ++col_;
    } else {
      checkControl(i, b);
      ++i;
      ++col_;
    }
  }
  return ok_;
}

// Tabs in indentation: yaml-cpp rejects a tab before the first character of a line
// (and a tab in column 1 even on a blank line); inside block scalars a tab after the
// indentation is text.
void Prescan::startLine(size_t i) {
  const size_t n = src_.size();
  size_t k = i;
  while (k < n && src_[k] == ' ') ++k;
  indent_ = static_cast<int>(k - i);
  size_t first = k;
  while (first < n && isBlank(src_[first])) ++first;
  const bool blank = first == n || src_[first] == '\n';
  const bool tab = k < n && src_[k] == '\t';
  if (blank) {
    if (tab && k == i) report(1, "tab in indentation", "indent with spaces");
    return;
  }
  if (blockParent_ >= 0 && indent_ > blockParent_) return;  // block scalar text
  blockParent_ = -1;
  if (tab) report(indent_ + 1, "tab in indentation", "indent with spaces");
}

void Prescan::endLine(size_t lineBegin, size_t lineEnd) {
  if (blockParent_ >= 0) return;  // text of a block scalar: no indicators in it
  std::string_view line(src_.data() + lineBegin, lineEnd - lineBegin);
  if (endsWithBlockIndicator(line)) blockParent_ = indent_;
}

size_t Prescan::checkMultiByte(size_t i) {
  const auto* p = reinterpret_cast<const unsigned char*>(src_.data()) + i;
  const size_t avail = src_.size() - i;
  const unsigned char b = p[0];
  if (b < 0xC0 || b > 0xF7) {
    char what[40];
    std::snprintf(what, sizeof what, "invalid UTF-8 byte 0x%02X", b);
    return badSequence(i, 1, what);
  }
  if (b < 0xC2) return badSequence(i, 1, "invalid UTF-8: overlong encoding");
  if (b > 0xF4) return badSequence(i, 1, "invalid UTF-8: code point above U+10FFFF");
  const size_t len = sequenceLength(b);
  for (size_t k = 1; k < len; ++k) {
    if (k >= avail || !isContinuation(p[k])) {
      return badSequence(i, k, "invalid UTF-8: truncated sequence");
    }
  }
  const unsigned char c1 = p[1];
  if ((b == 0xE0 && c1 < 0xA0) || (b == 0xF0 && c1 < 0x90)) {
    return badSequence(i, len, "invalid UTF-8: overlong encoding");
  }
  if (b == 0xED && c1 >= 0xA0) return badSequence(i, len, "invalid UTF-8: surrogate");
  if (b == 0xF4 && c1 >= 0x90) {
    return badSequence(i, len, "invalid UTF-8: code point above U+10FFFF");
  }
  if (b == 0xC2 && c1 < 0xA0) checkControl(i, c1);  // C1 controls U+0080..U+009F
  if (b == 0xEF && c1 == 0xBF && p[2] >= 0xBE) {
    char what[48];
    std::snprintf(what, sizeof what, "character U+FF%02X is not allowed", p[2] + 0x40);
    report(col_, what, "delete it");
  }
  return len;
}

// Reports a bad sequence and skips it together with the continuation bytes that
// follow, so that one broken character gives one problem.
size_t Prescan::badSequence(size_t i, size_t skip, const std::string& what) {
  report(col_, what, kUtf8Hint);
  while (skip < 4 && i + skip < src_.size() &&
         isContinuation(static_cast<unsigned char>(src_[i + skip]))) {
    ++skip;
  }
  return skip;
}

void Prescan::checkControl(size_t i, unsigned char b) {
  if (b == '\t') return;  // in indentation: see startLine
  if (b == '\r') {
    if (i + 1 < src_.size() && src_[i + 1] == '\n') return;
    report(col_, "carriage return (U+000D) without a line feed",
           "save the file with LF or CRLF line endings");
    return;
  }
  if (b == 0) {
    report(col_, "NUL character (U+0000) is not allowed",
           "the file may not be text; save it as UTF-8 text");
    return;
  }
  char what[48];
  std::snprintf(what, sizeof what, "control character U+%04X is not allowed", b);
  report(col_, what, "delete it; most editors do not show it");
}

void Prescan::report(int col, std::string message, const char* hint) {
  ok_ = false;
  if (doc_.problems.size() >= kMaxEncodingProblems) return;
  doc_.problems.push_back(Problem{Pos{line_, col}, std::move(message), hint});
}

}  // namespace

bool prescan(Document& doc) { return Prescan(doc).run(); }

}  // namespace lc::yaml::detail
