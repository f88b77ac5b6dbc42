// Byte offsets -> line:col, and offsets inside a scalar's value -> line:col in the
// file, so that errors found inside a value (an expression in `if:`, a tag in `text:`)
// point at the very character.
#include <algorithm>

#include "load/yaml_tree_internal.h"

namespace lc::yaml {

using detail::countCodePoints;
using detail::sequenceLength;

Pos Document::posAt(size_t byteOffset) const {
  const size_t off = std::min(byteOffset, source.size());
  if (lineStarts.empty()) {
    return Pos{1, 1 + countCodePoints(std::string_view(source).substr(0, off))};
  }
  auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), off);
  const size_t line = static_cast<size_t>(it - lineStarts.begin());  // >= 1
  const size_t start = lineStarts[line - 1];
  return Pos{static_cast<int>(line),
             1 + countCodePoints(std::string_view(source).substr(start, off - start))};
}

namespace detail {

Pos PosCursor::at(size_t byteOffset) {
  const std::string& src = doc_.source;
  const auto& starts = doc_.lineStarts;
  const size_t off = std::min(byteOffset, src.size());
  const bool sameLine = off >= offset_ && (line_ + 1 >= starts.size() || off < starts[line_ + 1]);
  if (!sameLine || starts.empty()) {
    const Pos pos = doc_.posAt(off);
    line_ = static_cast<size_t>(pos.line - 1);
    col_ = pos.col;
  } else {
    col_ += countCodePoints(std::string_view(src).substr(offset_, off - offset_));
  }
  offset_ = off;
  return Pos{static_cast<int>(line_ + 1), col_};
}

}  // namespace detail

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

size_t cpLength(const std::string& s, size_t i) {
  return i < s.size() ? sequenceLength(static_cast<unsigned char>(s[i])) : 1;
}

// Where the text of a block scalar starts: `firstLine` is the byte offset of the line
// after the indicator (leading empty lines are text too); `indent` the spaces that are
// indentation, not text.
struct BlockStart {
  size_t firstLine = 0;
  size_t indent = 0;
};

size_t leadingSpaces(std::string_view s) {
  const size_t k = s.find_first_not_of(' ');
  return k == std::string_view::npos ? s.size() : k;
}

// The first line with text gives the indentation: its leading spaces in the source,
// less those kept in the value (only an indentation indicator like `|2` keeps any).
BlockStart findBlockStart(const std::string& src, size_t indicator, const std::string& text) {
  BlockStart b;
  size_t i = src.find('\n', indicator);
  b.firstLine = i == std::string::npos ? src.size() : i + 1;
  for (i = b.firstLine; i < src.size();) {
    size_t end = src.find('\n', i);
    if (end == std::string::npos) end = src.size();
    const std::string_view line(src.data() + i, end - i);
    const size_t lead = leadingSpaces(line);
    if (lead < line.size() && line[lead] != '\r') {
      size_t kept = 0;
      const size_t firstChar = text.find_first_not_of(" \n");
      if (firstChar != std::string::npos) {
        const size_t textLine = text.rfind('\n', firstChar);
        kept = firstChar - (textLine == std::string::npos ? 0 : textLine + 1);
      }
      b.indent = lead >= kept ? lead - kept : 0;
      break;
    }
    i = end + 1;
  }
  return b;
}

// Literal block scalars (`|`) keep every line: exact.
Pos literalPos(const Document& doc, const Node& scalar, size_t offset) {
  const std::string& text = scalar.text;
  const BlockStart b = findBlockStart(doc.source, scalar.byteOffset, text);
  const auto lineBreaks =
      std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n');
  const size_t lastBreak = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
  const size_t lineStart = lastBreak == std::string::npos ? 0 : lastBreak + 1;
  const int col = countCodePoints(std::string_view(text).substr(lineStart, offset - lineStart));
  return Pos{doc.posAt(b.firstLine).line + static_cast<int>(lineBreaks),
             static_cast<int>(b.indent) + 1 + col};
}

// Walks the source and the value side by side. Quoted and plain scalars fold a line
// break (with the spaces around it) into one space, or into n-1 newlines when n line
// breaks are in a row; escapes and '' stand for one character.
class FlowWalk {
 public:
  FlowWalk(const std::string& src, const std::string& text, char quote)
      : src_(src), text_(text), quote_(quote) {}

  size_t run(size_t s, size_t offset) {
    size_t t = 0;
    while (t < offset && s < src_.size()) {
      const char c = src_[s];
      if (quote_ == '"' && c == '\\') {
        s = escape(s, t);
      } else if (quote_ == '\'' && c == '\'' && s + 1 < src_.size() && src_[s + 1] == '\'') {
        s += 2;
        t += 1;
      } else if (isSpace(c)) {
        s = spaces(s, t, offset);
      } else {
        s += cpLength(src_, s);
        t += cpLength(text_, t);
      }
    }
    while (quote_ == '"' && escapedLineBreak(s)) s = escape(s, t);  // stands for nothing
    return s;
  }

 private:
  bool escapedLineBreak(size_t s) const {
    return s + 1 < src_.size() && src_[s] == '\\' && (src_[s + 1] == '\n' || src_[s + 1] == '\r');
  }

  size_t escape(size_t s, size_t& t) const {
    if (escapedLineBreak(s)) {  // joins the lines: no text
      s = src_.find('\n', s + 1);
      if (s == std::string::npos) return src_.size();
      ++s;
      while (s < src_.size() && (src_[s] == ' ' || src_[s] == '\t')) ++s;
      return s;
    }
    t += cpLength(text_, t);
    const char e = s + 1 < src_.size() ? src_[s + 1] : '\0';
    const size_t len = e == 'x' ? 4 : e == 'u' ? 6 : e == 'U' ? 10 : 2;
    return s + len;
  }

  size_t spaces(size_t s, size_t& t, size_t offset) const {
    size_t e = s;
    int breaks = 0;
    while (e < src_.size() && isSpace(src_[e])) breaks += src_[e++] == '\n';
    if (breaks == 0) {
      const size_t step = std::min(e - s, offset - t);
      t += step;
      return s + step;
    }
    t += breaks == 1 ? 1 : static_cast<size_t>(breaks - 1);
    return e;
  }

  const std::string& src_;
  const std::string& text_;
  char quote_;
};

// Folded block scalars (`>`): best effort. A single line break becomes one space or
// newline; n line breaks in a row become n-1 newlines (n before more-indented lines).
size_t foldedWalk(const std::string& src, const std::string& text, size_t indicator,
                  size_t offset) {
  const BlockStart b = findBlockStart(src, indicator, text);
  size_t s = b.firstLine + b.indent, t = 0;
  while (t < offset && s < src.size()) {
    if (src[s] != '\n' && src[s] != '\r') {
      s += cpLength(src, s);
      t += cpLength(text, t);
      continue;
    }
    size_t e = s, lastBreak = s;
    size_t breaks = 0;
    while (e < src.size() && (src[e] == ' ' || src[e] == '\r' || src[e] == '\n')) {
      if (src[e] == '\n') ++breaks, lastBreak = e;
      ++e;
    }
    size_t newlines = 0;
    while (t + newlines < text.size() && text[t + newlines] == '\n') ++newlines;
    t += breaks == 1 ? 1 : (newlines >= breaks ? breaks : breaks - 1);
    s = std::min(e, lastBreak + 1 + b.indent);
  }
  return s;
}

}  // namespace

Pos Document::positionIn(const Node& scalar, size_t offsetInText) const {
  if (scalar.kind != Kind::Scalar || scalar.byteOffset >= source.size()) return scalar.pos;
  const size_t offset = std::min(offsetInText, scalar.text.size());
  const std::string& text = scalar.text;
  switch (scalar.style) {
    case Style::Literal: return literalPos(*this, scalar, offset);
    case Style::Folded: return posAt(foldedWalk(source, text, scalar.byteOffset, offset));
    case Style::SingleQuoted:
    case Style::DoubleQuoted: {
      const char quote = scalar.style == Style::DoubleQuoted ? '"' : '\'';
      return posAt(FlowWalk(source, text, quote).run(scalar.byteOffset + 1, offset));
    }
    case Style::Plain: break;
  }
  return posAt(FlowWalk(source, text, '\0').run(scalar.byteOffset, offset));
}

}  // namespace lc::yaml
