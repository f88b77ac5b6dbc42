// Text templates: compiled once into a flat list of pieces (literal text, inserted
// expressions, conditional jumps, alternatives), rendered by walking the list.
#include "core/text.h"

#include "core/expr_lex.h"

namespace lc {

struct TextPiece {
  enum class Kind : uint8_t { Literal, Insert, Branch, Jump, Select };
  Kind kind = Kind::Literal;
  TextPick pick = TextPick::Sequence;  // Select
  std::string text;   // Literal
  Expr expr;          // Insert: the value; Branch: the condition
  size_t base = 0;    // offset of the expression's source in the template's source
  size_t target = 0;  // Branch: where to go when false; Jump: where to go; Select: the end
  std::vector<size_t> alternatives;  // Select: where each alternative starts
  uint32_t salt = 0;  // Select: tells one shuffle from another
};

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

const std::vector<std::string> kNoParagraphs;

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

[[noreturn]] void rethrowAt(const EvalError& e, size_t base) {
  throw EvalError(base + e.offset, e.what());
}

uint32_t fnv(uint32_t h, uint32_t v) { return (h ^ v) * 16777619u; }

// Which alternative the `visit`-th showing (1-based) picks; `size` means none.
size_t pickAlternative(const TextPiece& p, uint32_t visit, uint32_t seed) {
  const size_t k = p.alternatives.size();
  const size_t n = visit ? visit - 1 : 0;
  switch (p.pick) {
    case TextPick::Sequence: return n < k ? n : k - 1;
    case TextPick::Cycle: return n % k;
    case TextPick::Once: return n < k ? n : k;
    case TextPick::Shuffle: break;
  }
  // Shuffle: each round of k showings is a fresh permutation, so every alternative is
  // shown once per round. Pure in (seed, salt, round): saves and rollback need nothing.
  uint32_t x = fnv(fnv(fnv(2166136261u, seed), p.salt), static_cast<uint32_t>(n / k));
  if (x == 0) x = 1;
  std::vector<size_t> order(k);
  for (size_t j = 0; j < k; ++j) order[j] = j;
  for (size_t j = k - 1; j > 0; --j) {
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    std::swap(order[j], order[x % (j + 1)]);
  }
  return order[n % k];
}

}  // namespace

struct TextCompiler {
  TextCompiler(std::string_view source, const NameScope& scope, std::vector<ExprError>& errors)
      : src_(source), scope_(scope), errors_(errors), firstError_(errors.size()) {}
  std::optional<TextTemplate> run();

 private:
  struct Open {  // an {if} block
    size_t branch, tag;
    std::vector<size_t> jumps;  // to the '{end}', one per '{elif}'/'{else}'
    bool hasElse = false;
  };
  struct Alternatives {  // {a|b}, {&a|b}, {!a|b}, {~a|b}
    size_t select, tag, ifDepth;
    std::vector<size_t> jumps;  // to the closing '}', one per '|'
  };
  void scan();
  bool alternativesAt(size_t open, size_t& contentStart, TextPick& pick) const;
  bool hasTopLevelBar(size_t open) const;
  void openAlternatives(size_t open, TextPick pick);
  void nextAlternative();
  void closeAlternatives();
  void closeIfsOfAlternative(const char* where);
  bool insideAlternativeOnly(size_t open, const char* tag);
  size_t findClose(size_t open, bool& inString) const;
  void literal(std::string_view text);
  void tag(size_t open, size_t close);
  void ifTag(size_t open, std::string_view condition, size_t offset);
  void elifTag(size_t open, std::string_view condition, size_t offset);
  void elseTag(size_t open);
  void endTag(size_t open);
  void insertTag(std::string_view expression, size_t offset);
  void compiled(std::vector<ExprError>& inner, size_t base);
  void error(size_t offset, std::string message, std::string hint) {
    errors_.push_back(ExprError{offset, std::move(message), std::move(hint)});
  }
  size_t add(TextPiece piece) {
    pieces_.push_back(std::move(piece));
    mergeable_ = false;
    return pieces_.size() - 1;
  }

  std::string_view src_;
  const NameScope& scope_;
  std::vector<ExprError>& errors_;
  size_t firstError_;
  std::vector<TextPiece> pieces_;
  std::vector<Open> open_;
  std::vector<Alternatives> alts_;
  bool mergeable_ = false;  // the last piece is literal text that nothing jumps past
  bool hasTags_ = false;
  bool aborted_ = false;  // an unclosed '{' ended the scan
};

std::optional<TextTemplate> TextCompiler::run() {
  scan();
  if (!aborted_) {
    for (const Open& o : open_) error(o.tag, "'{if}' is never closed", "close it with '{end}'");
    for (const Alternatives& a : alts_)
      error(a.tag, "alternatives are never closed", "end the last alternative with '}'");
  }
  if (errors_.size() != firstError_) return std::nullopt;
  TextTemplate t;
  t.source_ = std::string(src_);
  if (!hasTags_) {
    std::string_view all = pieces_.empty() ? std::string_view() : pieces_[0].text;
    t.static_ = std::make_shared<const std::vector<std::string>>(splitParagraphs(all));
    t.staticLength_ = paragraphsLength(all);
  }
  t.pieces_ = std::make_shared<const std::vector<TextPiece>>(std::move(pieces_));
  return t;
}

void TextCompiler::scan() {
  size_t i = 0;
  while (i < src_.size()) {
    char c = src_[i];
    bool doubled = i + 1 < src_.size() && src_[i + 1] == c;
    size_t content = 0;
    TextPick pick = TextPick::Sequence;
    if (!alts_.empty() && (c == '|' || c == '}')) {  // inside alternatives '}' always closes
      if (c == '|') nextAlternative();
      else closeAlternatives();
      ++i;
    } else if ((c == '{' || c == '}') && doubled) {
      literal(src_.substr(i, 1));
      i += 2;
    } else if (c == '{' && alternativesAt(i, content, pick)) {
      openAlternatives(i, pick);
      i = content;
    } else if (c == '}') {
      error(i, "lone '}' in text", "write '}}' for a literal '}'");
      ++i;
    } else if (c == '{') {
      bool inString = false;
      size_t close = findClose(i, inString);
      if (close == kNone) {
        error(i, "unclosed '{' in text",
              inString ? "a '\"' in this tag starts a string that is never closed"
                       : "close the tag with '}', or write '{{' for a literal '{'");
        aborted_ = true;
        return;
      }
      tag(i, close);
      i = close + 1;
    } else {
      size_t next = src_.find_first_of(alts_.empty() ? "{}" : "{}|", i);
      if (next == std::string_view::npos) next = src_.size();
      literal(src_.substr(i, next - i));
      i = next;
    }
  }
}

// The '}' that closes the tag opened at `open`, skipping string literals.
size_t TextCompiler::findClose(size_t open, bool& inString) const {
  inString = false;
  for (size_t j = open + 1; j < src_.size(); ++j) {
    char c = src_[j];
    if (inString) {
      if (c == '\\') ++j;
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '}') {
      return j;
    }
  }
  return kNone;
}

// `{&`, `{!`, `{~` open alternatives; so does a `{` whose text has a '|' of its own
// before its '}' -- unless it is a v1 tag (a '|' only inside a string, as in `{"a|b"}`).
bool TextCompiler::alternativesAt(size_t open, size_t& contentStart, TextPick& pick) const {
  size_t j = open + 1;
  while (j < src_.size() && (src_[j] == ' ' || src_[j] == '\t')) ++j;
  const char sigil = j < src_.size() ? src_[j] : '\0';
  pick = sigil == '&' ? TextPick::Cycle : sigil == '!' ? TextPick::Once
       : sigil == '~' ? TextPick::Shuffle : TextPick::Sequence;
  if (pick != TextPick::Sequence) {
    contentStart = j + 1;
    return true;
  }
  contentStart = open + 1;
  if (!hasTopLevelBar(open)) return false;
  bool inString = false;
  size_t close = findClose(open, inString);
  if (close == kNone) return true;
  for (size_t k = open + 1; k < close; ++k) {  // a v1 tag has neither outside its strings
    if (src_[k] == '"') {
      for (++k; k < close && src_[k] != '"'; ++k)
        if (src_[k] == '\\') ++k;
    } else if (src_[k] == '|' || src_[k] == '{') {
      return true;
    }
  }
  return false;
}

// A '|' inside the braces opened at `open`, not inside a tag nested in them.
bool TextCompiler::hasTopLevelBar(size_t open) const {
  int depth = 1;
  for (size_t j = open + 1; j < src_.size(); ++j) {
    char c = src_[j];
    bool doubled = j + 1 < src_.size() && src_[j + 1] == c;
    if (c == '{' && doubled && depth == 1) ++j;
    else if (c == '{') ++depth;
    else if (c == '}' && --depth == 0) return false;
    else if (c == '|' && depth == 1) return true;
  }
  return false;
}

void TextCompiler::openAlternatives(size_t open, TextPick pick) {
  hasTags_ = true;
  TextPiece piece;
  piece.kind = TextPiece::Kind::Select;
  piece.pick = pick;
  uint32_t salt = 2166136261u;
  for (char ch : src_) salt = fnv(salt, static_cast<unsigned char>(ch));
  piece.salt = fnv(salt, static_cast<uint32_t>(open));
  size_t select = add(std::move(piece));
  pieces_[select].alternatives.push_back(pieces_.size());
  alts_.push_back(Alternatives{select, open, open_.size(), {}});
}

// An '{if}' opened inside an alternative must end inside it.
void TextCompiler::closeIfsOfAlternative(const char* where) {
  while (open_.size() > alts_.back().ifDepth) {
    error(open_.back().tag, "'{if}' is never closed", std::string("close it with '{end}' before ") + where);
    open_.pop_back();
  }
}

void TextCompiler::nextAlternative() {
  closeIfsOfAlternative("the next '|'");
  TextPiece jump;
  jump.kind = TextPiece::Kind::Jump;
  alts_.back().jumps.push_back(add(std::move(jump)));
  pieces_[alts_.back().select].alternatives.push_back(pieces_.size());
}

void TextCompiler::closeAlternatives() {
  closeIfsOfAlternative("the '}' that ends the alternatives");
  const Alternatives a = alts_.back();
  alts_.pop_back();
  for (size_t jump : a.jumps) pieces_[jump].target = pieces_.size();
  pieces_[a.select].target = pieces_.size();
  mergeable_ = false;  // something jumps here
}

// '{elif}', '{else}' or '{end}' with no '{if}' of its own in this alternative.
bool TextCompiler::insideAlternativeOnly(size_t open, const char* tag) {
  if (open_.empty()) {
    error(open, std::string("'{") + tag + "}' without '{if}'",
          std::string(tag) == "end" ? "remove it, or write '{{end}}' for the word"
                                    : "start the block with '{if condition}'");
    return true;
  }
  if (alts_.empty() || open_.size() > alts_.back().ifDepth) return false;
  error(open, std::string("'{") + tag + "}' without '{if}' in this alternative",
        "an '{if}' block starts and ends inside one alternative");
  return true;
}

void TextCompiler::literal(std::string_view text) {
  if (!mergeable_) add(TextPiece{});
  pieces_.back().text.append(text);
  mergeable_ = true;
}

void TextCompiler::tag(size_t open, size_t close) {
  hasTags_ = true;
  size_t from = open + 1, to = close;
  while (from < to && isBlank(src_[from])) ++from;
  while (to > from && isBlank(src_[to - 1])) --to;
  std::string_view content = src_.substr(from, to - from);
  if (content.empty())
    return error(open, "empty tag '{}' in text",
                 "put an expression inside, or write '{{' and '}}' for literal braces");
  size_t wordEnd = 0;
  while (wordEnd < content.size() && expr::isNameChar(content[wordEnd])) ++wordEnd;
  std::string_view word = content.substr(0, wordEnd);
  if (word == "if") {
    size_t at = from + 2;
    while (at < to && isBlank(src_[at])) ++at;
    return ifTag(open, src_.substr(at, to - at), at);
  }
  if (word == "elif" && !scope_.findVariable(word)) {  // a v1 variable named elif keeps its tag
    size_t at = from + 4;
    while (at < to && isBlank(src_[at])) ++at;
    return elifTag(open, src_.substr(at, to - at), at);
  }
  if (word == "else") {  // reported, then still taken as an '{else}'
    if (content.size() != word.size())
      error(open, "'{else}' takes no condition", "write '{elif condition}' for 'else if'");
    return elseTag(open);
  }
  if (word == "end") {
    if (content.size() != word.size()) error(open, "'{end}' takes nothing else", "");
    return endTag(open);
  }
  insertTag(content, from);
}

void TextCompiler::compiled(std::vector<ExprError>& inner, size_t base) {
  for (ExprError& e : inner) {
    e.offset += base;
    errors_.push_back(std::move(e));
  }
}

void TextCompiler::ifTag(size_t open, std::string_view condition, size_t offset) {
  std::optional<Expr> e;
  if (condition.empty()) {  // reported; the block still opens, so its '{end}' matches
    error(open, "'{if}' needs a condition", "write e.g. '{if has_tape}'");
  } else {
    std::vector<ExprError> inner;
    e = compileCondition(condition, scope_, inner);
    compiled(inner, offset);
  }
  TextPiece piece;
  piece.kind = TextPiece::Kind::Branch;
  if (e) piece.expr = std::move(*e);
  piece.base = offset;
  open_.push_back(Open{add(std::move(piece)), open, {}, false});
}

// '{elif c}': the branch before it jumps to the '{end}'; when false, on to this test.
void TextCompiler::elifTag(size_t open, std::string_view condition, size_t offset) {
  if (insideAlternativeOnly(open, "elif")) return;
  if (open_.back().hasElse)
    return error(open, "'{elif}' after '{else}'", "put every '{elif}' before the '{else}'");
  std::optional<Expr> e;
  if (condition.empty()) {
    error(open, "'{elif}' needs a condition", "write e.g. '{elif has_tape}'");
  } else {
    std::vector<ExprError> inner;
    e = compileCondition(condition, scope_, inner);
    compiled(inner, offset);
  }
  TextPiece jump;
  jump.kind = TextPiece::Kind::Jump;
  open_.back().jumps.push_back(add(std::move(jump)));
  pieces_[open_.back().branch].target = pieces_.size();
  TextPiece piece;
  piece.kind = TextPiece::Kind::Branch;
  if (e) piece.expr = std::move(*e);
  piece.base = offset;
  open_.back().branch = add(std::move(piece));
}

void TextCompiler::elseTag(size_t open) {
  if (insideAlternativeOnly(open, "else")) return;
  Open& o = open_.back();
  if (o.hasElse)
    return error(open, "second '{else}' in one '{if}'", "an '{if}' takes at most one '{else}'");
  TextPiece jump;
  jump.kind = TextPiece::Kind::Jump;
  o.jumps.push_back(add(std::move(jump)));
  pieces_[o.branch].target = pieces_.size();
  o.hasElse = true;
}

void TextCompiler::endTag(size_t open) {
  if (insideAlternativeOnly(open, "end")) return;
  Open o = std::move(open_.back());
  open_.pop_back();
  for (size_t jump : o.jumps) pieces_[jump].target = pieces_.size();
  if (!o.hasElse) pieces_[o.branch].target = pieces_.size();
  mergeable_ = false;  // something jumps here: later text starts a new piece
}

void TextCompiler::insertTag(std::string_view expression, size_t offset) {
  std::vector<ExprError> inner;
  std::optional<Expr> e = compileExpression(expression, scope_, inner);
  compiled(inner, offset);
  TextPiece piece;
  piece.kind = TextPiece::Kind::Insert;
  if (e) piece.expr = std::move(*e);
  piece.base = offset;
  add(std::move(piece));
}

TextTemplate::TextTemplate() = default;
TextTemplate::~TextTemplate() = default;
TextTemplate::TextTemplate(TextTemplate&&) noexcept = default;
TextTemplate& TextTemplate::operator=(TextTemplate&&) noexcept = default;
TextTemplate::TextTemplate(const TextTemplate&) = default;
TextTemplate& TextTemplate::operator=(const TextTemplate&) = default;

bool TextTemplate::empty() const { return source_.empty(); }
bool TextTemplate::isStatic() const { return !pieces_ || static_; }

const std::vector<std::string>& TextTemplate::staticParagraphs() const {
  return static_ ? *static_ : kNoParagraphs;
}

void TextTemplate::render(const EvalEnv& env, std::string& out) const {
  if (!pieces_) return;
  const std::vector<TextPiece>& pieces = *pieces_;
  size_t i = 0;
  while (i < pieces.size()) {
    const TextPiece& p = pieces[i];
    switch (p.kind) {
      case TextPiece::Kind::Literal: out.append(p.text); ++i; break;
      case TextPiece::Kind::Insert:
        try {
          p.expr.appendTo(env, out);
        } catch (const EvalError& e) {
          rethrowAt(e, p.base);
        }
        ++i;
        break;
      case TextPiece::Kind::Branch: {
        bool holds = false;
        try {
          holds = p.expr.test(env);
        } catch (const EvalError& e) {
          rethrowAt(e, p.base);
        }
        i = holds ? i + 1 : p.target;
        break;
      }
      case TextPiece::Kind::Jump: i = p.target; break;
      case TextPiece::Kind::Select: {
        size_t pick = pickAlternative(p, env.visit, env.seed);
        i = pick < p.alternatives.size() ? p.alternatives[pick] : p.target;
        break;
      }
    }
  }
}

void TextTemplate::renderLine(const EvalEnv& env, std::string& out) const {
  std::string text;
  render(env, text);
  out.clear();
  for (const std::string& p : splitParagraphs(text)) {
    if (!out.empty()) out += ' ';
    out += p;
  }
}

std::vector<std::string> TextTemplate::paragraphs(const EvalEnv& env) const {
  if (isStatic()) return staticParagraphs();
  std::string text;
  render(env, text);
  return splitParagraphs(text);
}

size_t TextTemplate::textLength(const EvalEnv& env, std::string& scratch) const {
  if (isStatic()) return staticLength_;
  scratch.clear();
  render(env, scratch);
  return paragraphsLength(scratch);
}

std::vector<const Expr*> TextTemplate::expressions() const {
  std::vector<const Expr*> out;
  if (!pieces_) return out;
  for (const TextPiece& p : *pieces_)
    if (p.kind == TextPiece::Kind::Insert || p.kind == TextPiece::Kind::Branch)
      out.push_back(&p.expr);
  return out;
}

const std::string& TextTemplate::source() const { return source_; }

std::optional<TextTemplate> compileText(std::string_view source, const NameScope& scope,
                                        std::vector<ExprError>& errors) {
  return TextCompiler(source, scope, errors).run();
}

}  // namespace lc
