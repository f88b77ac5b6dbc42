// The compiled form of an expression and the stack machine that runs it (internal).
//
// Two stacks: ints (ints and bools) and string views (into variables, the literal
// pool, or concatenation temporaries). Nothing allocates unless the expression
// concatenates strings.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/expr.h"
#include "core/expr_ast.h"

namespace lc {
namespace expr {

enum class Code : uint8_t {
  PushInt,  // arg: value
  LoadNum,  // arg: slot (int or bool variable)
  Visits,   // arg: scene index
  Seen,     // arg: scene index
  Neg,
  Not,
  Add,
  Sub,
  Mul,
  Div,
  Mod,
  Lt,
  Le,
  Gt,
  Ge,
  EqI,
  NeI,
  JumpIfFalseOrPop,  // arg: target; keeps the value when jumping (`and`)
  JumpIfTrueOrPop,   // arg: target; keeps the value when jumping (`or`)
  PushStr,           // arg: index into the literal pool
  LoadStr,           // arg: slot (string variable)
  Concat,
  EqS,
  NeS,
  Random,  // arg: index into Bytecode::randoms
};

struct Instr {
  Code op;
  int32_t arg;
};

}  // namespace expr

struct Bytecode {
  std::string source;
  Type type = Type::Int;
  Expr::Truth truth = Expr::Truth::Unknown;
  std::vector<expr::Instr> code;
  std::vector<uint32_t> offsets;     // per instruction: source offset for run-time errors
  std::vector<std::string> strings;  // literal pool
  std::vector<int> vars, scenes;     // read, sorted and unique
  std::vector<uint32_t> sceneCaps;   // per entry of `scenes`: see Expr::visitsCap
  std::vector<int> exactVars;        // int slots read other than against a constant (sorted)
  std::vector<std::pair<int, int64_t>> varCuts;  // (slot, cut): see Expr::varCuts
  std::vector<std::pair<int32_t, int32_t>> randoms;  // the [lo, hi] of each random()
  bool constant = false;             // reads nothing, cannot fail: `number` is the value
  int32_t number = 0;
  uint32_t intDepth = 0, strDepth = 0, concats = 0;
};

namespace expr {

void generate(const Ast& ast, const std::vector<Facts>& facts, Bytecode& out);

struct Result {
  int32_t number = 0;     // int, or 0/1 for bool
  std::string_view text;  // string; may point into `temps`
};

// Runs the code. `temps` holds concatenation results the answer may point into.
Result run(const Bytecode& code, const EvalEnv& env, std::vector<std::string>& temps);

// "integer overflow: 2147483647 + 1 is outside the 32-bit range"
std::string overflowMessage(int64_t a, const char* op, int64_t b);

}  // namespace expr
}  // namespace lc
