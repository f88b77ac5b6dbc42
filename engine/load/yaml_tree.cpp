// Reads YAML into our own tree through yaml-cpp's event parser. yaml-cpp's own
// YAML::Node is slower, drops duplicate keys and knows no code-point columns; here we
// keep every node's position, share aliased nodes instead of copying them, and stop
// alias bombs, recursive aliases and deep nesting with a message.
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <initializer_list>
#include <istream>
#include <streambuf>

#include "load/yaml_tree_internal.h"

namespace lc::yaml {

const Node* Node::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k->kind == Kind::Scalar && k->text == key) return v;
  }
  return nullptr;
}

namespace {

using detail::kMaxAliasNodes;
using detail::kMaxDepth;

// Thrown from the event handler to stop yaml-cpp once the problem is reported.
struct Abort {};
// Thrown from the event handler when a second document starts.
struct SecondDocument {
  YAML::Mark mark;
};

// Lets yaml-cpp read the source in place, without the copy an istringstream makes.
class MemoryBuf : public std::streambuf {
 public:
  explicit MemoryBuf(const std::string& s) {
    char* begin = const_cast<char*>(s.data());  // the get area is only read
    setg(begin, begin, begin + s.size());
  }
};

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool isOneOf(char c, const char* set) { return c != '\0' && std::strchr(set, c) != nullptr; }

bool isDelimiter(const std::string& s, size_t i) {
  return i >= s.size() || isSpace(s[i]) || isOneOf(s[i], ",]}#");
}

bool isExplicitNull(const std::string& s, size_t i) {
  if (s[i] == '~') return isDelimiter(s, i + 1);
  for (const char* word : {"null", "Null", "NULL"}) {
    if (s.compare(i, 4, word) == 0) return isDelimiter(s, i + 4);
  }
  return false;
}

size_t clampMark(const YAML::Mark& mark, const std::string& src) {
  if (mark.pos < 0) return 0;
  return std::min(static_cast<size_t>(mark.pos), src.size());
}

// A collection being read: its children wait in Builder::children_ until it closes,
// so that each node's vector is allocated once at its final size.
struct Frame {
  Node* node;
  size_t firstChild;
  uint64_t expanded;  // nodes in this subtree, aliases expanded
  int levels;         // collection levels in this subtree, aliases expanded
  YAML::anchor_t anchor;
  bool blockMap;
  int rawMark;       // yaml-cpp's mark of this node (before properties)
  int keyMark = -1;  // yaml-cpp's mark of the current key, in maps
};

struct Anchor {
  const Node* node = nullptr;
  uint64_t expanded = 1;
  int levels = 0;
  bool open = false;  // still being read: an alias to it would be a cycle
};

class Builder final : public YAML::EventHandler {
 public:
  explicit Builder(Document& doc) : doc_(doc), src_(doc.source), cursor_(doc) {}

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(Kind::Sequence, mark, anchor, style);
  }
  void OnSequenceEnd() override { close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(Kind::Map, mark, anchor, style);
  }
  void OnMapEnd() override { close(); }

  // yaml-cpp 0.7 reads an unclosed quote up to the end of the file without
  // complaint; such a quote can only be the last one of the document.
  void checkLastQuote();

 private:
  Node& make(Kind kind, size_t at);
  void open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style);
  void close();
  void add(const Node* node, uint64_t expanded, int levels, int rawMark);
  void remember(YAML::anchor_t anchor, const Anchor& a);
  void checkMissingColon(const YAML::Mark& mark);
  void checkDuplicates(const Node& map);
  void duplicate(const Node& first, const Node& second);
  void problem(size_t at, std::string message, std::string hint);
  size_t contentStart(size_t raw) const;
  size_t nullStart(size_t raw) const;
  std::string aliasName(size_t at) const;

  Document& doc_;
  const std::string& src_;
  detail::PosCursor cursor_;
  std::vector<Frame> frames_;
  std::vector<const Node*> children_;
  std::vector<Anchor> anchors_;  // by yaml-cpp's anchor id (1, 2, ...)
  std::vector<size_t> order_;    // scratch for duplicate checks of big maps
  uint64_t aliasNodes_ = 0;
  int documents_ = 0;
  size_t lastQuote_ = std::string::npos;
};

void Builder::OnDocumentStart(const YAML::Mark& mark) {
  if (documents_++ > 0) throw SecondDocument{mark};
}

Node& Builder::make(Kind kind, size_t at) {
  Node& n = doc_.arena.emplace_back();
  n.kind = kind;
  n.byteOffset = at;
  n.pos = cursor_.at(at);
  return n;
}

void Builder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  checkMissingColon(mark);
  Node& n = make(Kind::Null, nullStart(clampMark(mark, src_)));
  if (anchor) remember(anchor, Anchor{&n, 1, 0, false});
  add(&n, 1, 0, mark.pos);
}

void Builder::OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       const std::string& value) {
  const size_t at = contentStart(clampMark(mark, src_));
  Node& n = make(Kind::Scalar, at);
  switch (at < src_.size() ? src_[at] : '\0') {
    case '"': n.style = Style::DoubleQuoted; break;
    case '\'': n.style = Style::SingleQuoted; break;
    case '|': n.style = Style::Literal; break;
    case '>': n.style = Style::Folded; break;
    default: n.style = Style::Plain; break;
  }
  if (n.style == Style::DoubleQuoted || n.style == Style::SingleQuoted) lastQuote_ = at;
  n.text = value;
  if (anchor) remember(anchor, Anchor{&n, 1, 0, false});
  add(&n, 1, 0, mark.pos);
}

void Builder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const size_t at = clampMark(mark, src_);
  if (anchor >= anchors_.size() || anchors_[anchor].node == nullptr) {
    problem(at, "alias without its anchor", "");  // yaml-cpp throws before this
    throw Abort{};
  }
  const Anchor a = anchors_[anchor];
  if (a.open) {
    const std::string name = aliasName(at);
    problem(at, "recursive alias '" + name + "'",
            "an alias cannot stand inside the node it refers to");
    add(&make(Kind::Null, at), 1, 0, mark.pos);  // keeps the tree a DAG
    return;
  }
  aliasNodes_ += a.expanded;
  if (aliasNodes_ > kMaxAliasNodes) {
    problem(at, "aliases expand to more than 10,000 nodes",
            "use fewer aliases, or write the repeated parts out");
    throw Abort{};
  }
  if (static_cast<int>(frames_.size()) + a.levels > kMaxDepth) {
    problem(at, "nesting deeper than 100 levels (through this alias)", "flatten the structure");
    throw Abort{};
  }
  add(a.node, a.expanded, a.levels, mark.pos);
}

void Builder::open(Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor,
                   YAML::EmitterStyle::value style) {
  const size_t at = contentStart(clampMark(mark, src_));
  if (static_cast<int>(frames_.size()) >= kMaxDepth) {
    problem(at, "nesting deeper than 100 levels", "flatten the structure");
    throw Abort{};
  }
  Node& n = make(kind, at);
  const bool blockMap = kind == Kind::Map && style != YAML::EmitterStyle::Flow;
  frames_.push_back(Frame{&n, children_.size(), 1, 1, anchor, blockMap, mark.pos});
  if (anchor) remember(anchor, Anchor{&n, 1, 1, true});
}

void Builder::close() {
  const Frame f = frames_.back();
  frames_.pop_back();
  Node& n = *f.node;
  // By index: an empty collection's children_ may have no storage, and an iterator step
  // from its null begin() is undefined (UBSan, found by fuzz_report).
  const size_t end = children_.size();
  if (n.kind == Kind::Sequence) {
    for (size_t i = f.firstChild; i < end; ++i) n.items.push_back(children_[i]);
  } else {
    n.entries.reserve((end - f.firstChild) / 2);
    for (size_t i = f.firstChild; i + 1 < end; i += 2) n.entries.emplace_back(children_[i], children_[i + 1]);
    checkDuplicates(n);
  }
  children_.resize(f.firstChild);
  if (f.anchor) remember(f.anchor, Anchor{&n, f.expanded, f.levels, false});
  add(&n, f.expanded, f.levels, f.rawMark);
}

void Builder::add(const Node* node, uint64_t expanded, int levels, int rawMark) {
  if (frames_.empty()) {
    doc_.root = node;
    return;
  }
  Frame& f = frames_.back();
  f.expanded += expanded;
  f.levels = std::max(f.levels, levels + 1);
  if (f.node->kind == Kind::Map && (children_.size() - f.firstChild) % 2 == 0) {
    f.keyMark = rawMark;
  }
  children_.push_back(node);
}

void Builder::remember(YAML::anchor_t anchor, const Anchor& a) {
  if (anchor >= anchors_.size()) anchors_.resize(anchor + 1);
  anchors_[anchor] = a;
}

// yaml-cpp 0.7 takes a lone word on its own line in a block map (`b` below `a: 1`)
// for a key with no value; YAML requires the ':'. It then reports the value's null
// at the key's own mark, which no real empty value has.
void Builder::checkMissingColon(const YAML::Mark& mark) {
  if (frames_.empty()) return;
  const Frame& f = frames_.back();
  if (!f.blockMap || (children_.size() - f.firstChild) % 2 == 0) return;
  if (mark.pos != f.keyMark) return;
  const Node& key = *children_.back();
  const std::string what = key.kind == Kind::Scalar ? " '" + key.text + "'" : "";
  problem(key.byteOffset, "missing ':' after the key" + what,
          "write 'key: value'; if the line continues the text above, indent it more");
}

void Builder::checkDuplicates(const Node& map) {
  const auto& e = map.entries;
  auto same = [&](size_t i, size_t j) {
    return e[i].first->kind == Kind::Scalar && e[j].first->kind == Kind::Scalar &&
           e[i].first->text == e[j].first->text;
  };
  if (e.size() <= 16) {  // small maps, the common case: no allocation
    for (size_t j = 1; j < e.size(); ++j) {
      for (size_t i = 0; i < j; ++i) {
        if (same(i, j)) {
          duplicate(*e[i].first, *e[j].first);
          break;
        }
      }
    }
    return;
  }
  order_.clear();
  for (size_t i = 0; i < e.size(); ++i) {
    if (e[i].first->kind == Kind::Scalar) order_.push_back(i);
  }
  std::stable_sort(order_.begin(), order_.end(),
                   [&](size_t a, size_t b) { return e[a].first->text < e[b].first->text; });
  for (size_t k = 1, first = 0; k < order_.size(); ++k) {
    if (same(order_[first], order_[k])) {
      duplicate(*e[order_[first]].first, *e[order_[k]].first);
    } else {
      first = k;
    }
  }
}

void Builder::duplicate(const Node& first, const Node& second) {
  problem(second.byteOffset,
          "duplicate key '" + second.text + "' (first at " + std::to_string(first.pos.line) + ":" +
              std::to_string(first.pos.col) + ")",
          "remove one of them or rename it");
}

void Builder::problem(size_t at, std::string message, std::string hint) {
  doc_.problems.push_back(Problem{doc_.posAt(at), std::move(message), std::move(hint)});
}

void Builder::checkLastQuote() {
  if (lastQuote_ == std::string::npos) return;
  const char quote = src_[lastQuote_];
  for (size_t i = lastQuote_ + 1; i < src_.size(); ++i) {
    if (quote == '"' && src_[i] == '\\') {
      ++i;
    } else if (src_[i] == quote) {
      if (quote == '\'' && i + 1 < src_.size() && src_[i + 1] == '\'') {
        ++i;
        continue;
      }
      return;
    }
  }
  problem(lastQuote_, "quoted text is not closed", std::string("add the closing ") + quote);
  doc_.root = nullptr;
}

// yaml-cpp marks a node with anchor or tag at the `&` or `!`; we want the content.
size_t Builder::contentStart(size_t raw) const {
  size_t p = raw;
  const size_t n = src_.size();
  while (p < n && (src_[p] == '&' || src_[p] == '!')) {
    if (src_.compare(p, 2, "!<") == 0) {
      p = src_.find('>', p);
      p = p == std::string::npos ? n : p + 1;
    }
    while (p < n && !isSpace(src_[p]) && !isOneOf(src_[p], ",[]{}")) ++p;
    for (;;) {
      while (p < n && isSpace(src_[p])) ++p;
      if (p >= n || src_[p] != '#') break;
      p = src_.find('\n', p);
      if (p == std::string::npos) p = n;
    }
  }
  return p < n ? p : raw;
}

// yaml-cpp marks an empty value at the token after it, often on a later line. Point
// instead at the ':' or '-' it belongs to: the last character before it that is not
// space or comment.
size_t Builder::nullStart(size_t raw) const {
  if (raw < src_.size() && (isExplicitNull(src_, raw) || isOneOf(src_[raw], "&!,]}"))) {
    return raw;
  }
  size_t end = raw;
  while (end > 0) {
    size_t begin = src_.rfind('\n', end - 1);
    begin = begin == std::string::npos ? 0 : begin + 1;
    size_t stop = end;
    for (size_t k = begin; k < end; ++k) {
      if (src_[k] == '#' && (k == begin || src_[k - 1] == ' ' || src_[k - 1] == '\t')) {
        stop = k;
        break;
      }
    }
    while (stop > begin && isSpace(src_[stop - 1])) --stop;
    if (stop > begin) return stop - 1;
    end = begin == 0 ? 0 : begin - 1;
  }
  return raw;
}

std::string Builder::aliasName(size_t at) const {
  size_t e = at + 1;
  while (e < src_.size() && !isSpace(src_[e]) && !isOneOf(src_[e], ",[]{}")) ++e;
  return src_.substr(at, e - at);
}

// Feeds the source to yaml-cpp. The first document becomes the tree; a second one
// is only looked at to be reported.
void readTree(Document& doc) {
  MemoryBuf buffer(doc.source);
  std::istream in(&buffer);
  Builder builder(doc);
  bool firstDone = false;
  try {
    YAML::Parser parser(in);
    if (!parser.HandleNextDocument(builder)) {
      doc.problems.push_back(
          Problem{Pos{}, "the file is empty", "write at least one 'key: value' line"});
      return;
    }
    firstDone = true;
    builder.checkLastQuote();
    parser.HandleNextDocument(builder);
  } catch (const SecondDocument& second) {
    doc.problems.push_back(detail::secondDocumentProblem(doc, clampMark(second.mark, doc.source)));
  } catch (const Abort&) {
    doc.root = nullptr;
  } catch (const YAML::Exception& e) {
    if (!firstDone) doc.root = nullptr;
    const size_t at = clampMark(e.mark, doc.source);
    auto ours = detail::explainSyntax(doc, at, e.msg);
    doc.problems.push_back(ours ? *ours : detail::syntaxProblem(doc, at, e.msg));
  }
  detail::commentTraps(doc);
}

}  // namespace

Document parse(std::string bytes) {
  Document doc;
  try {
    doc.source = std::move(bytes);
    if (doc.source.compare(0, 3, "\xEF\xBB\xBF") == 0) doc.source.erase(0, 3);
    if (doc.source.size() > static_cast<size_t>(INT_MAX)) {  // yaml-cpp counts in int
      doc.problems.push_back(Problem{Pos{}, "the file is too large (2 GB or more)", ""});
      return doc;
    }
    if (detail::prescan(doc)) readTree(doc);
  } catch (const std::exception& e) {
    doc.root = nullptr;
    doc.problems.push_back(Problem{Pos{}, std::string("could not read the file: ") + e.what(), ""});
  } catch (...) {
    doc.root = nullptr;
    doc.problems.push_back(Problem{Pos{}, "could not read the file", ""});
  }
  std::stable_sort(
      doc.problems.begin(), doc.problems.end(), [](const Problem& a, const Problem& b) {
        return a.pos.line != b.pos.line ? a.pos.line < b.pos.line : a.pos.col < b.pos.col;
      });
  return doc;
}

}  // namespace lc::yaml
