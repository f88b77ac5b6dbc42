// The contract's paragraph rule and code point counting.
#include "core/text.h"

namespace lc {
namespace {

bool isBlankLine(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view strip(std::string_view s) {
  while (!s.empty() && isSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && isSpace(s.back())) s.remove_suffix(1);
  return s;
}

// Calls `visit` with each paragraph as a stripped span of `text` whose newlines still
// have to be folded to spaces (folding maps one byte to one byte).
template <class Visit>
void forEachParagraph(std::string_view text, Visit&& visit) {
  size_t pos = 0, start = 0;
  bool inParagraph = false;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    bool blank = isBlankLine(text.substr(pos, eol - pos));
    if (!blank && !inParagraph) {
      start = pos;
      inParagraph = true;
    }
    if (blank && inParagraph) {
      std::string_view p = strip(text.substr(start, pos - start));
      if (!p.empty()) visit(p);
      inParagraph = false;
    }
    pos = eol + 1;
  }
  if (inParagraph) {
    std::string_view p = strip(text.substr(start));
    if (!p.empty()) visit(p);
  }
}

// Length of the valid UTF-8 sequence at the start of `s`, or 0.
size_t validSequence(std::string_view s) {
  auto byte = [&s](size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3
                  : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
  if (length == 0 || s.size() < length) return 0;
  unsigned char low = 0x80, high = 0xBF;  // allowed range of the second byte
  if (lead == 0xE0) low = 0xA0;           // overlong
  if (lead == 0xED) high = 0x9F;          // surrogates
  if (lead == 0xF0) low = 0x90;           // overlong
  if (lead == 0xF4) high = 0x8F;          // above U+10FFFF
  if (byte(1) < low || byte(1) > high) return 0;
  for (size_t i = 2; i < length; ++i)
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  return length;
}

}  // namespace

std::vector<std::string> splitParagraphs(std::string_view text) {
  std::vector<std::string> out;
  forEachParagraph(text, [&out](std::string_view p) {
    std::string& s = out.emplace_back(p);
    for (char& c : s)
      if (c == '\n') c = ' ';
  });
  return out;
}

size_t paragraphsLength(std::string_view text) {
  size_t total = 0;
  forEachParagraph(text, [&total](std::string_view p) { total += codePointCount(p) + 1; });
  return total;
}

size_t codePointCount(std::string_view text) {
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++count) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t length = validSequence(text.substr(i));
    i += length ? length : 1;
  }
  return count;
}

}  // namespace lc
