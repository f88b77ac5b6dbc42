// Recursive-descent parser of expressions and effects. Names are resolved and types
// checked while the tree is built; syntax errors stop the parse, type and name errors
// are collected and parsing goes on.
#include <optional>
#include <utility>

#include "core/expr_ast.h"
#include "core/expr_lex.h"
#include "core/suggest.h"

namespace lc::expr {
namespace {

struct Abort {};  // a syntax error was recorded; unwind to the entry point

constexpr int kMaxDepth = 200;
// Values and operators in one expression. The tree of a chain of operators is as deep as
// the chain, and the analysis and the code generator walk it recursively: this bound (with
// kMaxDepth) keeps every walk far from the stack's end, whatever a story writes.
constexpr size_t kMaxParts = 2000;
enum Level { kOr, kAnd, kNot, kEquality, kCompare, kAdd, kMul, kUnary };

std::optional<Op> binaryOp(Tok t, int level) {
  switch (level) {
    case kOr: if (t == Tok::Or) return Op::Or; break;
    case kAnd: if (t == Tok::And) return Op::And; break;
    case kEquality:
      if (t == Tok::EqEq) return Op::Eq;
      if (t == Tok::NotEq) return Op::Ne;
      break;
    case kCompare:
      if (t == Tok::Less) return Op::Lt;
      if (t == Tok::LessEq) return Op::Le;
      if (t == Tok::Greater) return Op::Gt;
      if (t == Tok::GreaterEq) return Op::Ge;
      break;
    case kAdd:
      if (t == Tok::Plus) return Op::Add;
      if (t == Tok::Minus) return Op::Sub;
      break;
    case kMul:
      if (t == Tok::Star) return Op::Mul;
      if (t == Tok::Slash) return Op::Div;
      if (t == Tok::Percent) return Op::Mod;
      break;
    default: break;
  }
  return std::nullopt;
}

bool isComparison(Op op) { return op == Op::Lt || op == Op::Le || op == Op::Gt || op == Op::Ge; }
bool isKeyword(Tok t) { return t >= Tok::And && t <= Tok::Seen; }
bool isSceneChar(char c) { return isNameChar(c) || c == '-' || c == '.'; }

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }
std::string types(Type a, Type b) { return std::string(typeName(a)) + " and " + typeName(b); }
std::string article(Type t) { return t == Type::Int ? "an int" : std::string("a ") + typeName(t); }

// What to do when two values of different types meet in a comparison.
std::string mismatchHint(Type x, Type y) {
  if (x == Type::Bool || y == Type::Bool) return "compare a bool only with true, false or another condition";
  return "a string is never a number: write the number without quotes, or compare the string with text in quotes";
}

// The message and hint for a binary operator applied to the wrong types, or "".
std::pair<std::string, std::string> binaryTypeProblem(Op op, const Node& a, const Node& b) {
  Type x = a.type, y = b.type;
  std::string o = quoted(opText(op));
  switch (op) {
    case Op::Or:
    case Op::And:
      if (x == Type::Bool && y == Type::Bool) return {};
      return {o + " needs two bools, got " + types(x, y),
              "each side must be true or false: compare a number or text first, e.g. 'count > 0'"};
    case Op::Eq:
    case Op::Ne:
      if (x == y) return {};
      return {std::string("cannot compare ") + typeName(x) + " with " + typeName(y) + " using " + o, mismatchHint(x, y)};
    case Op::Add:
      if (x == y && x != Type::Bool) return {};
      if (x != Type::Bool && y != Type::Bool)
        return {"cannot add " + types(x, y) + " with '+'", "'+' adds two ints or joins two strings"};
      return {"'+' needs two ints or two strings, got " + types(x, y), "true and false cannot be added; use 'and' or 'or'"};
    default: break;
  }
  if (x == Type::Int && y == Type::Int) return {};
  if (isComparison(op) && x != Type::Bool && y != Type::Bool && x != y)
    return {std::string("cannot compare ") + typeName(x) + " with " + typeName(y) + " using " + o, mismatchHint(x, y)};
  std::string hint = o + " works on ints only";
  if (isComparison(op) && a.kind == NodeKind::Binary && isComparison(a.op))
    hint = "comparisons do not chain: write 'a < b and b < c'";
  else if (isComparison(op) && x == Type::String && y == Type::String)
    hint = "strings can only be compared with '==' and '!='";
  return {o + " needs two ints, got " + types(x, y), hint};
}

class Parser {
 public:
  Parser(std::string_view src, const NameScope& scope, Ast& ast, std::vector<ExprError>& errors)
      : src_(src), scope_(scope), ast_(ast), errors_(errors), firstError_(errors.size()), firstNode_(ast.nodes.size()) {}

  bool ok() const { return errors_.size() == firstError_; }
  const Token& token() const { return tok_; }
  void start() { tok_ = lex(src_, 0); }
  void advance() { tok_ = lex(src_, tok_.end); }
  int expression() { return binaryLevel(kOr); }
  void expectEnd();
  const Node& node(int i) const { return ast_.at(i); }
  std::string_view text(const Token& t) const { return src_.substr(t.begin, t.end - t.begin); }
  std::string describe(const Token& t) const { return expr::describe(t, src_); }

  void error(size_t offset, std::string message, std::string hint = {}) {
    errors_.push_back(ExprError{offset, std::move(message), std::move(hint)});
  }
  [[noreturn]] void fail(size_t offset, std::string message, std::string hint = {}) {
    error(offset, std::move(message), std::move(hint));
    throw Abort{};
  }
  void failOnBadToken() {
    if (tok_.kind == Tok::Bad) fail(tok_.errorOffset, tok_.text, tok_.hint);
  }
  std::string variableHint(std::string_view name) const;
  bool allowRandom = false;  // an effect's value

 private:
  int add(Node n) {
    if (ast_.nodes.size() - firstNode_ >= kMaxParts)
      fail(n.offset, "expression too long: more than " + std::to_string(kMaxParts) + " values and operators",
           "split it: compute a part in an effect (do: [part = ...]) and use the variable");
    ast_.nodes.push_back(std::move(n));
    return static_cast<int>(ast_.nodes.size()) - 1;
  }
  int binaryLevel(int level);
  int notExpr();
  int unaryExpr();
  int primary();
  int randomCall();
  size_t randomBound(size_t at, int64_t& value, const std::string& usage);
  int parenthesized();
  int variable();
  int sceneCall();
  int literalInt(size_t start, bool negative);
  int binary(Op op, size_t at, int lhs, int rhs);
  int unary(Op op, size_t at, int operand);

  std::string_view src_;
  const NameScope& scope_;
  Ast& ast_;
  std::vector<ExprError>& errors_;
  size_t firstError_;
  size_t firstNode_;
  Token tok_;
  int depth_ = 0;
};

int Parser::binaryLevel(int level) {
  if (level == kNot) return notExpr();
  if (level == kUnary) return unaryExpr();
  int lhs = binaryLevel(level + 1);
  while (std::optional<Op> op = binaryOp(tok_.kind, level)) {
    size_t at = tok_.begin;
    advance();
    lhs = binary(*op, at, lhs, binaryLevel(level + 1));
  }
  return lhs;
}

int Parser::notExpr() {
  if (tok_.kind != Tok::Not) return binaryLevel(kNot + 1);
  size_t at = tok_.begin;
  advance();
  if (++depth_ > kMaxDepth) fail(at, "expression nested too deeply");
  int operand = notExpr();
  --depth_;
  return unary(Op::Not, at, operand);
}

int Parser::unaryExpr() {
  if (tok_.kind != Tok::Minus) return primary();
  size_t at = tok_.begin;
  advance();
  if (tok_.kind == Tok::Int && tok_.number == int64_t{1} << 31) return literalInt(at, true);
  if (++depth_ > kMaxDepth) fail(at, "expression nested too deeply");
  int operand = unaryExpr();
  --depth_;
  return unary(Op::Neg, at, operand);
}

int Parser::literalInt(size_t start, bool negative) {
  Node n;
  n.kind = NodeKind::Int;
  n.offset = tok_.begin;
  n.start = start;
  if (negative) {
    n.value = INT32_MIN;
  } else if (tok_.number > INT32_MAX) {
    error(tok_.begin, "integer " + std::string(text(tok_)) + " does not fit in 32 bits",
          "ints range from -2147483648 to 2147483647");
  } else {
    n.value = static_cast<int32_t>(tok_.number);
  }
  advance();
  return add(std::move(n));
}

int Parser::primary() {
  failOnBadToken();
  Node n;
  n.offset = n.start = tok_.begin;
  switch (tok_.kind) {
    case Tok::Int: return literalInt(tok_.begin, false);
    case Tok::True:
    case Tok::False:
      n.kind = NodeKind::Bool;
      n.type = Type::Bool;
      n.value = tok_.kind == Tok::True;
      advance();
      return add(std::move(n));
    case Tok::Str:
      n.kind = NodeKind::Str;
      n.type = Type::String;
      n.text = std::move(tok_.text);
      advance();
      return add(std::move(n));
    case Tok::Name: return variable();
    case Tok::Visits:
    case Tok::Seen: return sceneCall();
    case Tok::LParen: return parenthesized();
    case Tok::If:
    case Tok::Else:
    case Tok::EndKw:
      fail(tok_.begin, quoted(text(tok_)) + " is a reserved word and cannot be used in an expression",
           "'if', 'else' and 'end' belong in text tags: {if x}...{else}...{end}");
    default: break;
  }
  std::string hint;
  if (tok_.kind == Tok::Not) hint = "put 'not ...' in parentheses";
  fail(tok_.begin, "expected a value, got " + describe(tok_), hint);
}

int Parser::parenthesized() {
  size_t open = tok_.begin;
  if (++depth_ > kMaxDepth) fail(open, "expression nested too deeply");
  advance();
  int inner = expression();
  failOnBadToken();
  if (tok_.kind != Tok::RParen)
    fail(tok_.begin, "expected ')', got " + describe(tok_),
         "every '(' needs a matching ')'");
  advance();
  --depth_;
  ast_.nodes[static_cast<size_t>(inner)].start = open;
  return inner;
}

std::string Parser::variableHint(std::string_view name) const {
  std::string close = closestMatch(name, scope_.variableNames());
  if (!close.empty()) return "did you mean '" + close + "'?";
  if (scope_.findScene(name) >= 0)
    return quoted(name) + " is a scene: write seen(" + std::string(name) + ") or visits(" +
           std::string(name) + ")";
  return "declare it under 'variables:' in story.yaml";
}

int Parser::variable() {
  const size_t after = skipBlanks(src_, tok_.end);
  if (text(tok_) == "random" && after < src_.size() && src_[after] == '(') return randomCall();
  Node n;
  n.kind = NodeKind::Var;
  n.offset = n.start = tok_.begin;
  std::string_view name = text(tok_);
  if (const VarInfo* var = scope_.findVariable(name)) {
    n.type = var->type;
    n.value = var->slot;
    n.min = var->min;
    n.max = var->max;
  } else {
    n.bad = true;
    error(tok_.begin, "undeclared variable " + quoted(name), variableHint(name));
  }
  advance();
  return add(std::move(n));
}

// A whole number written out in random(): an optional '-' and digits.
size_t Parser::randomBound(size_t at, int64_t& value, const std::string& usage) {
  at = skipBlanks(src_, at);
  const size_t from = at;
  bool negative = at < src_.size() && src_[at] == '-';
  if (negative) at = skipBlanks(src_, at + 1);
  size_t digits = at;
  value = 0;
  while (at < src_.size() && src_[at] >= '0' && src_[at] <= '9' && at - digits < 11)
    value = value * 10 + (src_[at++] - '0');
  if (at == digits || (at < src_.size() && (isNameChar(src_[at]) || src_[at] == '.')))
    fail(from, "random() takes two whole numbers written out", usage);
  if (negative) value = -value;
  if (value < INT32_MIN || value > INT32_MAX) fail(from, "number outside the 32-bit range in random()", usage);
  return skipBlanks(src_, at);
}

// random(a, b): a whole number from a to b (both included), drawn when the effect runs.
int Parser::randomCall() {
  Node n;
  n.kind = NodeKind::Random;
  n.type = Type::Int;
  n.offset = n.start = tok_.begin;
  const std::string usage = "write random(1, 6): the smallest and the largest value, as whole numbers";
  if (!allowRandom)
    error(tok_.begin, "random() can only be used in an effect",
          "draw the number into a variable first, do: [roll = random(1, 6)], then test or show the variable");
  int64_t lo = 0, hi = 0;
  size_t at = randomBound(skipBlanks(src_, tok_.end) + 1, lo, usage);
  if (at >= src_.size() || src_[at] != ',') fail(at, "expected ',' between the numbers of random()", usage);
  at = randomBound(at + 1, hi, usage);
  tok_ = lex(src_, at);
  failOnBadToken();
  if (tok_.kind != Tok::RParen) fail(tok_.begin, "expected ')' to close random(), got " + describe(tok_), usage);
  if (lo > hi)
    error(n.offset, "random(" + std::to_string(lo) + ", " + std::to_string(hi) + ") has its smallest value last",
          "write random(" + std::to_string(hi) + ", " + std::to_string(lo) + ")");
  else if (hi - lo + 1 > kMaxRandomValues)
    error(n.offset,
          "random(" + std::to_string(lo) + ", " + std::to_string(hi) + ") draws from " + std::to_string(hi - lo + 1) +
              " values, more than " + std::to_string(kMaxRandomValues),
          "explore tries every value: draw from a smaller range and scale it, e.g. random(1, 100) * 10");
  n.min = static_cast<int32_t>(lo);
  n.max = static_cast<int32_t>(hi);
  advance();
  return add(std::move(n));
}

int Parser::sceneCall() {
  Node n;
  bool visits = tok_.kind == Tok::Visits;
  std::string call = visits ? "visits" : "seen";
  n.kind = visits ? NodeKind::Visits : NodeKind::Seen;
  n.type = visits ? Type::Int : Type::Bool;
  n.offset = n.start = tok_.begin;
  std::string usage = "write " + call + "(scene) or " + call + "(chapter.scene)";
  advance();
  failOnBadToken();
  if (tok_.kind != Tok::LParen) fail(tok_.begin, "expected '(' after '" + call + "'", usage);
  size_t from = skipBlanks(src_, tok_.end), to = from;
  while (to < src_.size() && isSceneChar(src_[to])) ++to;
  if (to == from) {
    bool quotedRef = from < src_.size() && src_[from] == '"';
    fail(from, "expected a scene name in " + call + "()",
         quotedRef ? "write the scene id without quotes: " + call + "(scene)" : usage);
  }
  std::string_view ref = src_.substr(from, to - from);
  n.value = scope_.findScene(ref);
  if (n.value < 0) {
    std::string close = suggestScene(ref, scope_.sceneNames());
    error(from, "unknown scene " + quoted(ref) + " in " + call + "()",
          close.empty() ? "a scene of this chapter is 'scene', of another 'chapter.scene'" : close);
    errors_.back().knockOn = scope_.inUnreadChapter(ref);
  }
  tok_ = lex(src_, to);
  failOnBadToken();
  if (tok_.kind != Tok::RParen)
    fail(tok_.begin, "expected ')' after the scene name, got " + describe(tok_), usage);
  advance();
  return add(std::move(n));
}

int Parser::binary(Op op, size_t at, int lhs, int rhs) {
  Node n;
  n.kind = NodeKind::Binary;
  n.op = op;
  n.offset = at;
  n.lhs = lhs;
  n.rhs = rhs;
  const Node& a = node(lhs);
  const Node& b = node(rhs);
  n.start = a.start;
  bool arithmetic = op == Op::Sub || op == Op::Mul || op == Op::Div || op == Op::Mod;
  n.type = op == Op::Add ? a.type : arithmetic ? Type::Int : Type::Bool;
  if (a.bad || b.bad) {
    n.bad = op == Op::Add;
    return add(std::move(n));
  }
  auto [message, hint] = binaryTypeProblem(op, a, b);
  if (!message.empty()) {
    n.bad = op == Op::Add;
    error(at, std::move(message), std::move(hint));
  }
  return add(std::move(n));
}

int Parser::unary(Op op, size_t at, int operand) {
  Node n;
  n.kind = NodeKind::Unary;
  n.op = op;
  n.offset = n.start = at;
  n.lhs = operand;
  Type want = op == Op::Not ? Type::Bool : Type::Int;
  n.type = want;
  const Node& a = node(operand);
  if (!a.bad && a.type != want) {
    std::string what = op == Op::Not ? "'not' needs a bool" : "unary '-' needs an int";
    error(at, what + ", got " + typeName(a.type));
  }
  return add(std::move(n));
}

void Parser::expectEnd() {
  failOnBadToken();
  if (tok_.kind == Tok::End) return;
  std::string hint;
  if (tok_.kind == Tok::Assign) hint = "to compare, write '=='";
  if (tok_.kind == Tok::RParen) hint = "there is no '(' for this ')' to close";
  fail(tok_.begin, "unexpected " + describe(tok_) + " after the expression", hint);
}

void checkEffectTypes(Parser& p, const EffectHead& head, const Node& value) {
  if (!head.var || value.bad) return;
  Type var = head.var->type;
  if (head.op == AssignOp::Set) {
    if (value.type != var)
      p.error(head.opOffset, std::string("cannot assign ") + typeName(value.type) + " to " +
                                 typeName(var) + " variable " + quoted(head.name));
    return;
  }
  std::string op = head.op == AssignOp::Add ? "'+='" : "'-='";
  if (var != Type::Int) {
    std::string hint;
    if (var == Type::String && head.op == AssignOp::Add)
      hint = "to append, write " + head.name + " = " + head.name + " + \"...\"";
    p.error(head.opOffset, op + " needs an int variable, " + quoted(head.name) + " is " +
                               article(var), hint);
  } else if (value.type != Type::Int) {
    p.error(head.opOffset, op + " needs an int value, got " + typeName(value.type));
  }
}

void parseEffectHead(Parser& p, const NameScope& scope, EffectHead& head) {
  p.failOnBadToken();
  const Token& t = p.token();
  if (isKeyword(t.kind))
    p.fail(t.begin, quoted(p.text(t)) + " is a reserved word and cannot be a variable name");
  if (t.kind != Tok::Name)
    p.fail(t.begin, "an effect starts with a variable name, got " + p.describe(t),
           "write e.g. 'trust += 1' or 'has_tape = true'");
  head.name = std::string(p.text(t));
  head.nameOffset = t.begin;
  head.var = scope.findVariable(head.name);
  if (!head.var)
    p.error(t.begin, "undeclared variable " + quoted(head.name), p.variableHint(head.name));
  p.advance();
  p.failOnBadToken();
  const Token& o = p.token();
  head.opOffset = o.begin;
  if (o.kind == Tok::Assign) head.op = AssignOp::Set;
  else if (o.kind == Tok::PlusAssign) head.op = AssignOp::Add;
  else if (o.kind == Tok::MinusAssign) head.op = AssignOp::Sub;
  else
    p.fail(o.begin, "expected '=', '+=' or '-=' after " + quoted(head.name) + ", got " +
                        (o.kind == Tok::End ? "the end of the effect" : quoted(p.text(o))),
           o.kind == Tok::EqEq ? "'==' compares; to assign, write '='" : "");
  p.advance();
}

}  // namespace

bool parseExpression(std::string_view src, const NameScope& scope, Ast& ast,
                     std::vector<ExprError>& errors) {
  Parser p(src, scope, ast, errors);
  try {
    p.start();
    int root = p.expression();
    p.expectEnd();
    ast.root = root;
  } catch (const Abort&) {
    ast.root = -1;
  }
  return p.ok();
}

bool parseEffect(std::string_view src, const NameScope& scope, Ast& ast, EffectHead& head,
                 std::vector<ExprError>& errors) {
  Parser p(src, scope, ast, errors);
  try {
    p.start();
    parseEffectHead(p, scope, head);
    p.allowRandom = true;
    int root = p.expression();
    p.expectEnd();
    ast.root = root;
    checkEffectTypes(p, head, ast.at(root));
  } catch (const Abort&) {
    ast.root = -1;
  }
  return p.ok();
}

}  // namespace lc::expr
