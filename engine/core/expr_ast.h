// The typed syntax tree of one expression, and what is proven about it at compile
// time (internal to the expression compiler).
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/expr.h"

namespace lc::expr {

enum class NodeKind : uint8_t { Int, Bool, Str, Var, Visits, Seen, Unary, Binary, Random };
enum class Op : uint8_t { Or, And, Eq, Ne, Lt, Le, Gt, Ge, Add, Sub, Mul, Div, Mod, Neg, Not };

const char* opText(Op op);  // "or", "==", "+", "-" (Neg), "not", ...

struct Node {
  NodeKind kind = NodeKind::Int;
  Op op = Op::Add;
  Type type = Type::Int;
  bool bad = false;                 // type unknown after an error: no follow-up errors
  int32_t value = 0;                // int/bool literal, variable slot or scene index
  int lhs = -1, rhs = -1;           // children; a unary node uses lhs
  size_t offset = 0;                // operator or token: where errors point
  size_t start = 0;                 // first byte of the whole subexpression
  std::string text;                 // string literal, unescaped
  std::optional<int32_t> min, max;  // a variable's declared range; random(min, max)
};

// random(a, b) draws from at most this many values (explore tries each one).
constexpr int64_t kMaxRandomValues = 1000;

struct Ast {
  std::vector<Node> nodes;
  int root = -1;
  const Node& at(int i) const { return nodes[static_cast<size_t>(i)]; }
};

// How an effect starts: `name op`.
struct EffectHead {
  const VarInfo* var = nullptr;
  AssignOp op = AssignOp::Set;
  size_t nameOffset = 0, opOffset = 0;
  std::string name;
};

// Parse, resolve and type-check. Return false when errors were added.
bool parseExpression(std::string_view src, const NameScope& scope, Ast& ast,
                     std::vector<ExprError>& errors);
// Effects may draw random(a, b); conditions and text may not (they are read again and
// again while a scene is shown).
bool parseEffect(std::string_view src, const NameScope& scope, Ast& ast, EffectHead& head,
                 std::vector<ExprError>& errors);

// What compile time proves about a node.
struct Facts {
  int64_t lo = INT32_MIN, hi = INT32_MAX;  // ints: the value lies in [lo, hi]
  Expr::Truth truth = Expr::Truth::Unknown;  // bools
  bool constant = false;  // reads nothing and cannot fail: the value is known
  int32_t number = 0;     // constant int or bool
  std::string text;       // constant string
};

// One Facts per node. Reports literal zero divisors; returns false if it did.
bool analyze(const Ast& ast, std::vector<Facts>& facts, std::vector<ExprError>& errors);

// For each scene of `scenes` (the scenes the code reads): the visit count from which
// greater counts read the same to this expression (see Expr::visitsCap).
std::vector<uint32_t> visitsCaps(const Ast& ast, const std::vector<Facts>& facts,
                                 const std::vector<int>& scenes);

// How the int variables are read: `cuts` the (slot, c) of each comparison with a
// constant, normalised so the comparison reads values below c alike and values from c up
// alike; `exact` the slots read any other way (arithmetic, another variable, as a value).
struct VarReads {
  std::vector<std::pair<int, int64_t>> cuts;
  std::vector<int> exact;
};
VarReads varReads(const Ast& ast, const std::vector<Facts>& facts);

}  // namespace lc::expr
