// Text templates: compiled once into a flat list of pieces (literal text, inserted
// expressions, conditional jumps), rendered by walking the list.
#include "core/text.h"

#include "core/expr_lex.h"

namespace lc {

struct TextPiece {
  enum class Kind : uint8_t { Literal, Insert, Branch, Jump };
  Kind kind = Kind::Literal;
  std::string text;   // Literal
  Expr expr;          // Insert: the value; Branch: the condition
  size_t base = 0;    // offset of the expression's source in the template's source
  size_t target = 0;  // Branch: where to go when false; Jump: where to go
};

namespace {

constexpr size_t kNone = static_cast<size_t>(-1);

const std::vector<std::string> kNoParagraphs;

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

[[noreturn]] void rethrowAt(const EvalError& e, size_t base) {
  throw EvalError(base + e.offset, e.what());
}

}  // namespace

struct TextCompiler {
  TextCompiler(std::string_view source, const NameScope& scope, std::vector<ExprError>& errors)
      : src_(source), scope_(scope), errors_(errors), firstError_(errors.size()) {}
  std::optional<TextTemplate> run();

 private:
  struct Open {
    size_t branch, jump, tag;
  };
  void scan();
  size_t findClose(size_t open, bool& inString) const;
  void literal(std::string_view text);
  void tag(size_t open, size_t close);
  void ifTag(size_t open, std::string_view condition, size_t offset);
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
  bool mergeable_ = false;  // the last piece is literal text that nothing jumps past
  bool hasTags_ = false;
  bool aborted_ = false;  // an unclosed '{' ended the scan
};

std::optional<TextTemplate> TextCompiler::run() {
  scan();
  if (!aborted_)
    for (const Open& o : open_)
    error(o.tag, "'{if}' is never closed", "close it with '{end}'");
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
    if ((c == '{' || c == '}') && doubled) {
      literal(src_.substr(i, 1));
      i += 2;
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
      size_t next = src_.find_first_of("{}", i);
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
  if (word == "else") {  // reported, then still taken as an '{else}'
    if (content.size() != word.size())
      error(open, "'{else}' takes no condition",
            "for 'else if', nest '{if ...}...{end}' inside the '{else}'");
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
  open_.push_back(Open{add(std::move(piece)), kNone, open});
}

void TextCompiler::elseTag(size_t open) {
  if (open_.empty())
    return error(open, "'{else}' without '{if}'", "start the block with '{if condition}'");
  Open& o = open_.back();
  if (o.jump != kNone)
    return error(open, "second '{else}' in one '{if}'", "an '{if}' takes at most one '{else}'");
  TextPiece jump;
  jump.kind = TextPiece::Kind::Jump;
  o.jump = add(std::move(jump));
  pieces_[o.branch].target = pieces_.size();
}

void TextCompiler::endTag(size_t open) {
  if (open_.empty())
    return error(open, "'{end}' without '{if}'", "remove it, or write '{{end}}' for the word");
  Open o = open_.back();
  open_.pop_back();
  pieces_[o.jump != kNone ? o.jump : o.branch].target = pieces_.size();
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
    }
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
