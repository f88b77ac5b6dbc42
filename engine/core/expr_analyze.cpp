// Compile-time facts: int ranges (from declared min/max; visits >= 0), bools as ranges
// in [0, 1], constant folding of literal-only subexpressions, literal zero divisors.
// A range says what the value is *if* evaluation completes (overflow throws).
#include <algorithm>
#include <initializer_list>

#include "core/expr_ast.h"

namespace lc::expr {

const char* opText(Op op) {
  switch (op) {
    case Op::Or: return "or";
    case Op::And: return "and";
    case Op::Eq: return "==";
    case Op::Ne: return "!=";
    case Op::Lt: return "<";
    case Op::Le: return "<=";
    case Op::Gt: return ">";
    case Op::Ge: return ">=";
    case Op::Add: return "+";
    case Op::Sub:
    case Op::Neg: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Mod: return "%";
    case Op::Not: return "not";
  }
  return "?";
}

namespace {

struct Range {
  int64_t lo, hi;
};

constexpr Range kFull{INT32_MIN, INT32_MAX};
constexpr Range kBool{0, 1};

Range boolRange(bool alwaysTrue, bool alwaysFalse) {
  return alwaysTrue ? Range{1, 1} : alwaysFalse ? Range{0, 0} : kBool;
}

Range hull(std::initializer_list<int64_t> values) {
  return {std::min(values), std::max(values)};
}

// Corners are exact for truncating division when the divisor keeps one sign.
Range divide(Range a, Range b) {
  std::optional<Range> out;
  auto unite = [&out](Range r) {
    out = out ? Range{std::min(out->lo, r.lo), std::max(out->hi, r.hi)} : r;
  };
  if (b.lo <= -1) {
    int64_t hi = std::min<int64_t>(b.hi, -1);
    unite(hull({a.lo / b.lo, a.lo / hi, a.hi / b.lo, a.hi / hi}));
  }
  if (b.hi >= 1) {
    int64_t lo = std::max<int64_t>(b.lo, 1);
    unite(hull({a.lo / lo, a.lo / b.hi, a.hi / lo, a.hi / b.hi}));
  }
  return out ? *out : kFull;  // divisor always 0: always fails
}

Range remainder(Range a, Range b) {
  if (b.lo == 0 && b.hi == 0) return kFull;
  if (a.lo == a.hi && b.lo == b.hi) return {a.lo % b.lo, a.lo % b.lo};
  int64_t m = std::max(b.lo < 0 ? -b.lo : b.lo, b.hi < 0 ? -b.hi : b.hi) - 1;
  return {a.lo >= 0 ? 0 : std::max(a.lo, -m), a.hi <= 0 ? 0 : std::min(a.hi, m)};
}

Range compare(Op op, Range a, Range b) {
  switch (op) {
    case Op::Lt: return boolRange(a.hi < b.lo, a.lo >= b.hi);
    case Op::Le: return boolRange(a.hi <= b.lo, a.lo > b.hi);
    case Op::Gt: return boolRange(a.lo > b.hi, a.hi <= b.lo);
    case Op::Ge: return boolRange(a.lo >= b.hi, a.hi < b.lo);
    default: break;
  }
  bool same = a.lo == a.hi && b.lo == b.hi && a.lo == b.lo;
  bool disjoint = a.hi < b.lo || b.hi < a.lo;
  return op == Op::Eq ? boolRange(same, disjoint) : boolRange(disjoint, same);
}

Range combine(Op op, Range a, Range b) {
  switch (op) {
    case Op::Or: return {std::max(a.lo, b.lo), std::max(a.hi, b.hi)};
    case Op::And: return {std::min(a.lo, b.lo), std::min(a.hi, b.hi)};
    case Op::Add: return {a.lo + b.lo, a.hi + b.hi};
    case Op::Sub: return {a.lo - b.hi, a.hi - b.lo};
    case Op::Mul: return hull({a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi});
    case Op::Div: return divide(a, b);
    case Op::Mod: return remainder(a, b);
    default: return compare(op, a, b);
  }
}

class Analyzer {
 public:
  Analyzer(const Ast& ast, std::vector<Facts>& facts, std::vector<ExprError>& errors)
      : ast_(ast), facts_(facts), errors_(errors) {}
  bool run() {
    facts_.assign(ast_.nodes.size(), Facts{});
    visit(ast_.root);
    return ok_;
  }

 private:
  void visit(int i);
  void leaf(const Node& n, Facts& f);
  void unaryNode(const Node& n, Facts& f);
  void binaryNode(const Node& n, Facts& f);
  void stringNode(const Node& n, Facts& f);
  // Stores `r` clamped to int32. The value is constant when `exact` and `r` is a
  // single in-range value (an out-of-range result always fails at run time).
  void store(Facts& f, Range r, bool exact) {
    bool inRange = r.lo >= INT32_MIN && r.hi <= INT32_MAX;
    f.lo = std::clamp<int64_t>(r.lo, INT32_MIN, INT32_MAX);
    f.hi = std::clamp<int64_t>(r.hi, INT32_MIN, INT32_MAX);
    f.constant = exact && inRange && r.lo == r.hi;
    if (f.constant) f.number = static_cast<int32_t>(r.lo);
  }
  static Range range(const Facts& f) { return {f.lo, f.hi}; }

  const Ast& ast_;
  std::vector<Facts>& facts_;
  std::vector<ExprError>& errors_;
  bool ok_ = true;
};

void Analyzer::visit(int i) {
  const Node& n = ast_.at(i);
  if (n.lhs >= 0) visit(n.lhs);
  if (n.rhs >= 0) visit(n.rhs);
  Facts& f = facts_[static_cast<size_t>(i)];
  if (n.kind == NodeKind::Unary) unaryNode(n, f);
  else if (n.kind == NodeKind::Binary) binaryNode(n, f);
  else leaf(n, f);
  if (n.type == Type::Bool && !n.bad)
    f.truth = f.hi == 0 ? Expr::Truth::AlwaysFalse
              : f.lo == 1 ? Expr::Truth::AlwaysTrue : Expr::Truth::Unknown;
}

void Analyzer::leaf(const Node& n, Facts& f) {
  switch (n.kind) {
    case NodeKind::Int:
    case NodeKind::Bool: store(f, {n.value, n.value}, true); return;
    case NodeKind::Str:
      f.constant = true;
      f.text = n.text;
      return;
    case NodeKind::Visits: store(f, {0, INT32_MAX}, false); return;
    case NodeKind::Seen: store(f, kBool, false); return;
    default: break;
  }
  if (n.type == Type::Bool) {
    store(f, kBool, false);
  } else if (n.type == Type::Int) {
    Range r{n.min.value_or(INT32_MIN), n.max.value_or(INT32_MAX)};
    store(f, r.lo <= r.hi ? r : kFull, false);
  }
}

void Analyzer::unaryNode(const Node& n, Facts& f) {
  const Facts& a = facts_[static_cast<size_t>(n.lhs)];
  if (n.op == Op::Not) store(f, {1 - a.hi, 1 - a.lo}, a.constant);
  else store(f, {-a.hi, -a.lo}, a.constant);
}

void Analyzer::binaryNode(const Node& n, Facts& f) {
  const Node& lhs = ast_.at(n.lhs);
  const Node& rhs = ast_.at(n.rhs);
  if (lhs.type == Type::String || rhs.type == Type::String) return stringNode(n, f);
  const Facts& a = facts_[static_cast<size_t>(n.lhs)];
  const Facts& b = facts_[static_cast<size_t>(n.rhs)];
  if ((n.op == Op::Div || n.op == Op::Mod) && rhs.type == Type::Int && b.constant &&
      b.number == 0) {
    errors_.push_back(ExprError{n.offset, "division by literal zero",
                                "dividing by 0 always fails when the story runs"});
    ok_ = false;
    return;
  }
  // A constant left side that short-circuits decides alone.
  if (a.constant && ((n.op == Op::And && a.number == 0) || (n.op == Op::Or && a.number != 0))) {
    store(f, range(a), true);
    return;
  }
  store(f, combine(n.op, range(a), range(b)), a.constant && b.constant);
}

void Analyzer::stringNode(const Node& n, Facts& f) {
  const Facts& a = facts_[static_cast<size_t>(n.lhs)];
  const Facts& b = facts_[static_cast<size_t>(n.rhs)];
  bool both = a.constant && b.constant;
  if (n.op == Op::Add) {
    f.constant = both;
    if (both) f.text = a.text + b.text;
  } else if (n.op == Op::Eq || n.op == Op::Ne) {
    bool equal = a.text == b.text;
    store(f, both ? boolRange(equal == (n.op == Op::Eq), equal != (n.op == Op::Eq)) : kBool,
          both);
  }
}

}  // namespace

bool analyze(const Ast& ast, std::vector<Facts>& facts, std::vector<ExprError>& errors) {
  return Analyzer(ast, facts, errors).run();
}

std::vector<uint32_t> visitsCaps(const Ast& ast, const std::vector<Facts>& facts,
                                 const std::vector<int>& scenes) {
  // A visits() node compared with a constant c tells counts apart only up to c (for
  // `>=` and `<`) or c + 1 (for the others); any other use needs the exact count.
  std::vector<int64_t> nodeCap(ast.nodes.size(), -1);
  for (const Node& n : ast.nodes) {
    if (n.kind != NodeKind::Binary || n.op < Op::Eq || n.op > Op::Ge) continue;
    for (bool left : {true, false}) {
      int mine = left ? n.lhs : n.rhs, other = left ? n.rhs : n.lhs;
      const Facts& f = facts[static_cast<size_t>(other)];
      if (ast.at(mine).kind != NodeKind::Visits || !f.constant || ast.at(other).type != Type::Int) continue;
      // As if written visits(x) op c: `c < visits(x)` is `visits(x) > c`.
      Op op = left ? n.op : n.op == Op::Lt ? Op::Gt : n.op == Op::Gt ? Op::Lt : n.op == Op::Le ? Op::Ge : n.op == Op::Ge ? Op::Le : n.op;
      int64_t cap = int64_t{f.number} + (op == Op::Ge || op == Op::Lt ? 0 : 1);
      nodeCap[static_cast<size_t>(mine)] = std::max<int64_t>(cap, 1);
    }
  }
  std::vector<uint32_t> caps(scenes.size(), 0);
  for (size_t i = 0; i < ast.nodes.size(); ++i) {
    const Node& n = ast.nodes[i];
    if (n.kind != NodeKind::Visits && n.kind != NodeKind::Seen) continue;
    auto it = std::lower_bound(scenes.begin(), scenes.end(), n.value);
    if (it == scenes.end() || *it != n.value) continue;  // folded away
    uint32_t cap = n.kind == NodeKind::Seen ? 1
                   : nodeCap[i] < 0         ? UINT32_MAX
                                            : static_cast<uint32_t>(nodeCap[i]);
    uint32_t& slot = caps[static_cast<size_t>(it - scenes.begin())];
    slot = std::max(slot, cap);
  }
  return caps;
}

namespace {

// `c op v` as `v op' c`.
Op mirrored(Op op) {
  switch (op) {
    case Op::Lt: return Op::Gt;
    case Op::Gt: return Op::Lt;
    case Op::Le: return Op::Ge;
    case Op::Ge: return Op::Le;
    default: return op;
  }
}

}  // namespace

VarReads varReads(const Ast& ast, const std::vector<Facts>& facts) {
  VarReads out;
  std::vector<bool> compared(ast.nodes.size(), false);
  for (const Node& n : ast.nodes) {
    if (n.kind != NodeKind::Binary || n.op < Op::Eq || n.op > Op::Ge) continue;
    for (bool left : {true, false}) {
      int mine = left ? n.lhs : n.rhs, other = left ? n.rhs : n.lhs;
      const Node& var = ast.at(mine);
      const Facts& f = facts[static_cast<size_t>(other)];
      if (var.kind != NodeKind::Var || var.type != Type::Int || !f.constant || ast.at(other).type != Type::Int) continue;
      compared[static_cast<size_t>(mine)] = true;
      Op op = left ? n.op : mirrored(n.op);
      int64_t c = f.number;
      // v >= c and v < c split at c; v > c and v <= c at c + 1; == and != at both.
      if (op == Op::Ge || op == Op::Lt || op == Op::Eq || op == Op::Ne) out.cuts.push_back({var.value, c});
      if (op != Op::Ge && op != Op::Lt) out.cuts.push_back({var.value, c + 1});
    }
  }
  for (size_t i = 0; i < ast.nodes.size(); ++i) {
    const Node& n = ast.nodes[i];
    if (n.kind == NodeKind::Var && n.type == Type::Int && !compared[i]) out.exact.push_back(n.value);
  }
  std::sort(out.cuts.begin(), out.cuts.end());
  out.cuts.erase(std::unique(out.cuts.begin(), out.cuts.end()), out.cuts.end());
  std::sort(out.exact.begin(), out.exact.end());
  out.exact.erase(std::unique(out.exact.begin(), out.exact.end()), out.exact.end());
  return out;
}

}  // namespace lc::expr
