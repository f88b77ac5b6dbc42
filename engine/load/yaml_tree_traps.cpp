// The common YAML mistakes in the writer's terms, on the line where the writer made them.
// yaml-cpp notices a wrongly indented key or a ': ' in a label only where its grammar
// breaks, often a line later and in its own words; here the raw lines up to that point
// are read again, one line at a time, the way a writer sees them: a stack of the keys
// and list items above, with the columns a new line may start at.
#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "load/yaml_tree_internal.h"

namespace lc::yaml::detail {
namespace {

struct Entry {
  int col = 1;         // 1-based column of the key or the '-'
  bool dash = false;   // a list item rather than a key
  bool open = false;   // nothing follows on its line: a deeper line starts its value
  bool plain = false;  // an unquoted value follows: a deeper line continues it
  bool first = false;  // the first key or item of its map or list so far
  int line = 1;
  size_t byte = 0;
  std::string name;  // the key (empty for a '-')
};

std::string_view trimRight(std::string_view s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// Where the comment of a line starts (" #"), or npos.
size_t commentStart(std::string_view s, size_t from) {
  for (size_t i = from; i < s.size(); ++i)
    if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return i;
  return std::string_view::npos;
}

// Where a quoted text that opens at `at` closes on this line, or npos.
size_t quoteEnd(std::string_view s, size_t at) {
  const char q = s[at];
  for (size_t i = at + 1; i < s.size(); ++i) {
    if (q == '"' && s[i] == '\\') {
      ++i;
    } else if (s[i] == q) {
      if (q == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {
        ++i;
        continue;
      }
      return i;
    }
  }
  return std::string_view::npos;
}

// The ':' that ends a plain key starting at `from` (followed by a space or the end of
// the line), or npos.
size_t keyColon(std::string_view s, size_t from) {
  const size_t end = commentStart(s, from);
  const std::string_view body = s.substr(0, end == std::string_view::npos ? s.size() : end);
  for (size_t i = from; i < body.size(); ++i)
    if (body[i] == ':' && (i + 1 == body.size() || body[i + 1] == ' ' || body[i + 1] == '\t')) return i;
  return std::string_view::npos;
}

std::string quoted(const std::string& text) {
  if (text.find('"') == std::string::npos) return "\"" + text + "\"";
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string columnOf(const Entry& e) {
  const std::string what = e.dash ? "the '-'" : "'" + e.name + "'";
  return "to column " + std::to_string(e.col) + " to line it up with " + what + " (line " + std::to_string(e.line) +
         ")";
}

class LineReader {
 public:
  explicit LineReader(const Document& doc) : doc_(doc) {}

  // The first mistake on lines 1..lastLine, if one of the known ones is there.
  std::optional<Problem> firstMistake(int lastLine);

 private:
  std::optional<Problem> readLine(int line, std::string_view s, size_t lineStart);
  std::optional<Problem> placeEntry(Entry e, size_t at, bool afterDash);
  std::optional<Problem> readValue(const Entry& owner, std::string_view s, size_t v, size_t lineStart, int line);
  Problem at(size_t byte, std::string message, std::string hint) const {
    return Problem{doc_.posAt(byte), std::move(message), std::move(hint)};
  }

  const Document& doc_;
  std::vector<Entry> stack_;
  int blockIndent_ = -1;  // inside a '|' or '>' text: lines indented more than this
  int blockTextCol_ = 0;  // the column of that text's first line, once seen
  size_t openQuote_ = 0;  // byte of a quote not closed on its line
  bool inQuote_ = false;
  int quoteOwnerIndent_ = 0;  // indentation of the key whose quoted value runs on
  std::string quoteOwner_;
  int flowDepth_ = 0;  // unclosed '[' and '{' of a value running over lines
  int steps_[9] = {};  // how often a key sits 0..8 columns right of the key it belongs to

  int usualStep() const {
    int best = 2;
    for (int i = 1; i < 9; ++i)
      if (steps_[i] > steps_[best]) best = i;
    return best;
  }
};

std::optional<Problem> LineReader::firstMistake(int lastLine) {
  const std::string& src = doc_.source;
  for (int line = 1; line <= lastLine && static_cast<size_t>(line) <= doc_.lineStarts.size(); ++line) {
    const size_t start = doc_.lineStarts[static_cast<size_t>(line - 1)];
    size_t end = src.find('\n', start);
    if (end == std::string::npos) end = src.size();
    auto p = readLine(line, trimRight(std::string_view(src).substr(start, end - start)), start);
    if (p || flowDepth_ < 0) return p;
  }
  return std::nullopt;
}

std::optional<Problem> LineReader::readLine(int line, std::string_view s, size_t lineStart) {
  size_t indent = 0;
  while (indent < s.size() && s[indent] == ' ') ++indent;
  const bool blank = indent == s.size() || s[indent] == '#';
  if (blockIndent_ >= 0) {
    if (blank) return std::nullopt;
    if (static_cast<int>(indent) > blockIndent_) {
      if (!blockTextCol_) blockTextCol_ = static_cast<int>(indent) + 1;
      return std::nullopt;
    }
    blockIndent_ = -1;
    const int textCol = blockTextCol_;
    blockTextCol_ = 0;
    // A line of text that is not indented like the text above it.
    if (s[indent] != '-' && keyColon(s, indent) == std::string_view::npos && s[indent] != '"' && s[indent] != '\'' &&
        !stack_.empty()) {
      const Entry& owner = stack_.back();
      const std::string what =
          owner.dash ? "the list item at line " + std::to_string(owner.line) : "'" + owner.name + "'";
      return at(lineStart + indent,
                "this line is not part of the text of " + what + ": it is not indented more than " +
                    (owner.dash ? "the '-'" : "the key"),
                (textCol ? "indent it to column " + std::to_string(textCol) + " like the text above it"
                         : "indent it more than column " + std::to_string(owner.col)) +
                    ", or write 'key: value'");
    }
  }
  if (inQuote_) {
    // A line that reads as a key or a list item inside quoted text: the quote was
    // left open on an earlier line.
    if (!blank && static_cast<int>(indent) <= quoteOwnerIndent_ &&
        (s.compare(indent, 2, "- ") == 0 || keyColon(s, indent) != std::string_view::npos)) {
      return at(openQuote_, "the quoted text of '" + quoteOwner_ + "' is not closed on its line",
                std::string("add the closing ") + doc_.source[openQuote_] +
                    " at the end of the text (for text over several lines, use '|')");
    }
    const char q = doc_.source[openQuote_];
    for (size_t i = 0; i < s.size(); ++i) {
      if (q == '"' && s[i] == '\\') {
        ++i;
      } else if (s[i] == q) {
        inQuote_ = false;  // closed here (the rest of the line is not looked at)
        break;
      }
    }
    return std::nullopt;
  }
  if (blank) return std::nullopt;
  if (flowDepth_ > 0) {
    for (char c : s) flowDepth_ += (c == '[' || c == '{') - (c == ']' || c == '}');
    if (flowDepth_ < 0) flowDepth_ = 0;
    return std::nullopt;
  }
  if (s.compare(indent, 3, "---") == 0 || s.compare(indent, 3, "...") == 0 || s[indent] == '%') {
    flowDepth_ = -1;  // a document marker or directive: not ours to explain
    return std::nullopt;
  }
  // A deeper line under an unquoted value continues that value.
  if (!stack_.empty() && stack_.back().plain && static_cast<int>(indent) + 1 > stack_.back().col) {
    const Entry& owner = stack_.back();
    const size_t colon = keyColon(s, indent);
    if (s.compare(indent, 2, "- ") == 0 || colon == std::string_view::npos) return std::nullopt;
    const std::string key(s.substr(indent, colon - indent));
    std::string what = owner.dash ? "the list item at line " + std::to_string(owner.line) : "'" + owner.name + "'";
    return at(
        lineStart + indent,
        "bad indentation: '" + key + "' is indented more than " + what + ", so YAML reads it as more of that value",
        "indent it " + columnOf(owner));
  }
  size_t p = indent;
  // List items, possibly several on one line ("- - a").
  while (p < s.size() && s[p] == '-' && (p + 1 == s.size() || s[p + 1] == ' ')) {
    Entry e;
    e.col = static_cast<int>(p) + 1;
    e.dash = true;
    e.line = line;
    size_t next = p + 1;
    while (next < s.size() && s[next] == ' ') ++next;
    e.open = next == s.size() || s[next] == '#';
    if (auto bad = placeEntry(e, lineStart + p, p > indent)) return bad;
    if (e.open) return std::nullopt;
    p = next;
  }
  if (p > indent) {
    // The item holds a key, or a value of its own.
    const bool hasKey = s[p] != '"' && s[p] != '\'' && s[p] != '[' && s[p] != '{' && s[p] != '|' && s[p] != '>' &&
                        keyColon(s, p) != std::string_view::npos;
    if (!hasKey) return readValue(stack_.back(), s, p, lineStart, line);
  }
  Entry e;
  e.col = static_cast<int>(p) + 1;
  e.line = line;
  size_t colon;
  if (s[p] == '"' || s[p] == '\'') {
    const size_t close = quoteEnd(s, p);
    if (close == std::string_view::npos || close + 1 >= s.size() || s[close + 1] != ':') {
      flowDepth_ = -1;  // a quoted text where a key should be: left to yaml-cpp
      return std::nullopt;
    }
    e.name = std::string(s.substr(p + 1, close - p - 1));
    colon = close + 1;
  } else if (s[p] == '[' || s[p] == '{' || s[p] == '&' || s[p] == '*' || s[p] == '!' || s[p] == '?' || s[p] == '|' ||
             s[p] == '>') {
    flowDepth_ = -1;  // flow, anchors, tags and complex keys: left to yaml-cpp
    return std::nullopt;
  } else {
    colon = keyColon(s, p);
    if (colon == std::string_view::npos) {
      flowDepth_ = -1;  // a line without ':': yaml-cpp's own check says it well
      return std::nullopt;
    }
    e.name = std::string(s.substr(p, colon - p));
  }
  size_t v = colon + 1;
  while (v < s.size() && s[v] == ' ') ++v;
  e.open = v == s.size() || s[v] == '#';
  if (auto bad = placeEntry(e, lineStart + p, p > indent)) return bad;
  if (e.open) return std::nullopt;
  return readValue(stack_.back(), s, v, lineStart, line);
}

// Puts a key or a list item on the stack, or says why its column is wrong.
std::optional<Problem> LineReader::placeEntry(Entry e, size_t at, bool afterDash) {
  e.byte = at;
  e.first = true;
  if (afterDash) {  // "- key: value" and "- - item": the '-' decided the column
    stack_.push_back(std::move(e));
    return std::nullopt;
  }
  const std::vector<Entry> before = stack_;
  if (!stack_.empty() && stack_.back().open &&
      (e.col > stack_.back().col || (e.dash && e.col == stack_.back().col && !stack_.back().dash))) {
    const int step = e.col - stack_.back().col;
    if (!e.dash && !stack_.back().dash && step < 9) ++steps_[step];
    stack_.push_back(std::move(e));
    return std::nullopt;
  }
  while (!stack_.empty() &&
         (stack_.back().col > e.col || (stack_.back().col == e.col && stack_.back().dash && !e.dash)))
    stack_.pop_back();
  if (stack_.empty() ? e.col == 1 : stack_.back().col == e.col && stack_.back().dash == e.dash) {
    if (!stack_.empty()) stack_.pop_back();
    e.first = stack_.empty() && before.empty();
    stack_.push_back(std::move(e));
    return std::nullopt;
  }
  if (stack_.empty() && before.empty()) {
    stack_.push_back(std::move(e));  // the first line sets the left edge
    return std::nullopt;
  }
  // The nearest columns above, of the same kind, on either side of this one.
  const Entry* below = nullptr;
  const Entry* above = nullptr;
  for (const Entry& b : before) {
    if (b.dash != e.dash) continue;
    if (b.col < e.col && (!below || b.col > below->col)) below = &b;
    if (b.col > e.col && (!above || b.col < above->col)) above = &b;
  }
  stack_ = before;
  const std::string what = e.dash ? "this '-'" : "'" + e.name + "'";
  // The first key of a map indented one way and the next another: either may be wrong.
  for (size_t k = 1; above && k < before.size(); ++k) {
    const Entry& parent = before[k - 1];
    if (&before[k] != above || !above->first || !parent.open || e.col - parent.col != usualStep()) continue;
    const std::string aboveName = above->dash ? "the '-'" : "'" + above->name + "'";
    return Problem{doc_.posAt(above->byte),
                   "bad indentation: " + aboveName + " at column " + std::to_string(above->col) + " and " + what +
                       " at line " + std::to_string(e.line) + ", column " + std::to_string(e.col) + ", do not line up",
                   std::string(e.dash ? "items of one list" : "keys of one map") + " line up: move " + aboveName +
                       " to column " + std::to_string(e.col) + ", or " + what + " to column " +
                       std::to_string(above->col)};
  }
  std::string hint;
  for (const Entry* c : {above, below}) {
    if (!c) continue;
    hint += (hint.empty() ? "indent it " : ", or ") + columnOf(*c);
  }
  if (hint.empty() && e.dash) {
    return Problem{doc_.posAt(at), "bad indentation: a list item ('-') where a key is expected",
                   "a list is the value of a key: end the line above with ':' and nothing after it, then indent "
                   "the items under it"};
  }
  if (hint.empty()) return std::nullopt;
  const std::string with = e.dash ? "no list item" : "no key";
  return Problem{
      doc_.posAt(at),
      "bad indentation: " + what + " at column " + std::to_string(e.col) + " lines up with " + with + " above it",
      hint};
}

// The value after "key: " or "- " at s[v].
std::optional<Problem> LineReader::readValue(const Entry& owner, std::string_view s, size_t v, size_t lineStart,
                                             int line) {
  (void)line;
  const char c = s[v];
  if (c == '|' || c == '>') {
    blockIndent_ = owner.col - 1;
    return std::nullopt;
  }
  if (c == '"' || c == '\'') {
    if (quoteEnd(s, v) == std::string_view::npos) {
      inQuote_ = true;
      openQuote_ = lineStart + v;
      quoteOwnerIndent_ = owner.col - 1;
      quoteOwner_ = owner.dash ? "the list item" : owner.name;
    }
    return std::nullopt;
  }
  if (c == '[' || c == '{') {
    int depth = 0;
    bool q = false;
    char qc = 0;
    for (size_t i = v; i < s.size(); ++i) {
      if (q) {
        if (s[i] == qc) q = false;
        continue;
      }
      if (s[i] == '"' || s[i] == '\'') {
        q = true;
        qc = s[i];
      } else if (s[i] == '#' && s[i - 1] == ' ') {
        break;
      } else {
        depth += (s[i] == '[' || s[i] == '{') - (s[i] == ']' || s[i] == '}');
      }
    }
    if (depth > 0) flowDepth_ = depth;
    return std::nullopt;
  }
  if (c == '&' || c == '*' || c == '!') return std::nullopt;
  // Unquoted text: a ': ' in it (or a ':' at its end) after a key reads as a second key.
  if (!owner.dash) {
    const size_t colon = keyColon(s, v);
    if (colon != std::string_view::npos) {
      const size_t comment = commentStart(s, v);
      const std::string text(trimRight(s.substr(v, (comment == std::string_view::npos ? s.size() : comment) - v)));
      return at(lineStart + colon, "the text of '" + owner.name + "' has ': ' in it, which YAML reads as a new key",
                "put the text in double quotes: " + owner.name + ": " + quoted(text));
    }
  }
  stack_.back().plain = true;
  return std::nullopt;
}

bool structural(const std::string& yamlMessage) {
  for (const char* m : {"end of map not found", "end of sequence not found", "illegal map value", "illegal map key",
                        "illegal block entry"})
    if (yamlMessage.compare(0, std::char_traits<char>::length(m), m) == 0) return true;
  return false;
}

}  // namespace

void commentTraps(Document& doc) {
  if (!doc.root) return;
  const std::string& src = doc.source;
  std::vector<const Node*> todo{doc.root};
  std::unordered_set<const Node*> seen;
  auto look = [&](const Node* value) {
    if (!value->isScalar() || value->style != Style::Plain || value->text.find(' ') == std::string::npos) return;
    const size_t end = value->byteOffset + value->text.size();
    if (src.compare(value->byteOffset, value->text.size(), value->text) != 0) return;  // over several lines
    size_t i = end;
    while (i < src.size() && (src[i] == ' ' || src[i] == '\t')) ++i;
    if (i == end || i >= src.size() || src[i] != '#') return;
    doc.warnings.push_back(Problem{doc.posAt(i),
                                   "the text stops before ' #': the rest of the line is a YAML comment, so this "
                                   "reads '" +
                                       value->text + "'",
                                   "if the '#' belongs to the text, put the text in double quotes; if it is a "
                                   "comment, move it to a line of its own"});
  };
  while (!todo.empty()) {
    const Node* n = todo.back();
    todo.pop_back();
    if (!seen.insert(n).second) continue;
    for (const Node* item : n->items) {
      look(item);
      todo.push_back(item);
    }
    for (const auto& [key, value] : n->entries) {
      look(value);
      todo.push_back(value);
    }
  }
  std::sort(doc.warnings.begin(), doc.warnings.end(), [](const Problem& a, const Problem& b) {
    return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
  });
}

std::optional<Problem> explainSyntax(const Document& doc, size_t at, const std::string& yamlMessage) {
  if (!structural(yamlMessage)) return std::nullopt;
  LineReader reader(doc);
  return reader.firstMistake(doc.posAt(at).line);
}

}  // namespace lc::yaml::detail
