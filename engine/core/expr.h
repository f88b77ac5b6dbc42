// Expressions of the story format: parsed and type-checked once at load,
// compiled to a compact form over variable slots, evaluated fast at run time.
//
// Grammar (loosest first): or; and; not; == !=; < <= > >=; + -; * / %; unary -;
// primary = int | true | false | "string" | name | visits(scene) | seen(scene) | ( expr )
//         | random(int, int) (in an effect's value only).
// Effects: name = expr | name += expr | name -= expr.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/value.h"

namespace lc {

// What the compiler knows about a declared variable.
struct VarInfo {
  int slot = 0;
  Type type = Type::Int;
  std::optional<int32_t> min, max;  // ints only; used for clamping and range analysis
};

// Resolves names while compiling. The loader implements it over the story being built.
class NameScope {
 public:
  virtual ~NameScope() = default;
  virtual const VarInfo* findVariable(std::string_view name) const = 0;
  // `ref` as written: "scene" (same chapter) or "chapter.scene". Returns the scene
  // index, or -1 when there is no such scene.
  virtual int findScene(std::string_view ref) const = 0;
  // Optional, for "did you mean" hints: the declared variable names, and the scene
  // references that could be written here ("scene" and/or "chapter.scene").
  virtual std::vector<std::string> variableNames() const { return {}; }
  virtual std::vector<std::string> sceneNames() const { return {}; }
  // True when `ref` (not found) points into a chapter that failed to parse: its
  // "unknown scene" is a knock-on of that failure, hidden rather than listed.
  virtual bool inUnreadChapter(std::string_view /*ref*/) const { return false; }
};

// A compile error. `offset` is a byte offset into the source text given to the
// compiler (the loader turns it into file:line:col).
struct ExprError {
  size_t offset = 0;
  std::string message;
  std::string hint;  // what to do; may be empty
  bool knockOn = false;  // caused by a chapter that failed to parse (NameScope::inUnreadChapter)
};

// Thrown by evaluation on 32-bit overflow or a zero divisor. `offset` is the byte
// offset of the operator in the expression's source.
struct EvalError : std::runtime_error {
  EvalError(size_t off, const std::string& what) : std::runtime_error(what), offset(off) {}
  size_t offset;
};

// Where `random(a, b)` in an effect gets its numbers: play draws from the state's own
// generator (core/play.cpp), explore tries every value in turn.
class RandomSource {
 public:
  virtual int32_t draw(int32_t lo, int32_t hi) = 0;  // a value in [lo, hi]

 protected:
  ~RandomSource() = default;
};

// Everything evaluation reads. Arrays indexed by variable slot / scene index.
struct EvalEnv {
  const Value* vars = nullptr;
  const uint32_t* visits = nullptr;
  uint32_t visit = 0;  // visits of the scene being shown: picks text alternatives
  uint32_t seed = 0;   // the playthrough's seed: orders shuffled text alternatives
  RandomSource* random = nullptr;  // for random(a, b) in an effect
};

struct Bytecode;  // private to expr.cpp

// A compiled, type-checked expression. Cheap to move; immutable after compile.
class Expr {
 public:
  Expr();
  ~Expr();
  Expr(Expr&&) noexcept;
  Expr& operator=(Expr&&) noexcept;
  Expr(const Expr&);
  Expr& operator=(const Expr&);

  Type type() const;
  Value evaluate(const EvalEnv& env) const;  // throws EvalError
  bool test(const EvalEnv& env) const;       // evaluate() of a bool expression, no allocation
  // Appends evaluate().display() to `out` without a temporary Value (used by text).
  void appendTo(const EvalEnv& env, std::string& out) const;  // throws EvalError
  // Three-valued range analysis over declared min/max (visits >= 0): used to find
  // conditions that can never hold. `Unknown` when it cannot prove either way.
  enum class Truth { AlwaysFalse, AlwaysTrue, Unknown };
  Truth truth() const;
  // Variable slots and scene indexes the expression reads (for check/explore).
  const std::vector<int>& readsVariables() const;
  const std::vector<int>& readsScenes() const;
  // How much of visits(scene) this expression can tell apart: it reads every count from
  // the returned one up alike (1 when it only asks seen(); c for `visits(x) >= c`, c + 1
  // for `visits(x) == c`), UINT32_MAX when it needs the exact count, 0 when it does not
  // read the scene. Lets explore merge states that differ only in counts
  // nothing can tell apart.
  uint32_t visitsCap(int scene) const;
  // How much of int variable `slot` this expression can tell apart. False when it reads
  // the exact value (arithmetic, a comparison with something not constant, the value
  // itself); otherwise appends the cut points c of its comparisons with constants: values
  // between two neighbouring cuts read alike (`v >= 3` cuts at 3, `v == 3` at 3 and 4).
  // Lets explore merge values of counters nothing can tell apart any more.
  bool varCuts(int slot, std::vector<int64_t>& cuts) const;
  // True when it calls random(a, b) (only an effect's value may).
  bool drawsRandom() const;
  // The value of an int or bool expression that reads nothing and cannot fail.
  std::optional<int32_t> constantNumber() const;
  // The source text given to the compiler; offsets of errors point into it. For an
  // Effect's value this is the whole effect text (`trust += 1`).
  const std::string& source() const;

 private:
  friend struct ExprCompiler;
  std::unique_ptr<Bytecode> code_;
};

enum class AssignOp : uint8_t { Set, Add, Sub };

// `name op expr`, run in order when a scene is entered or a choice taken.
struct Effect {
  int slot = 0;
  AssignOp op = AssignOp::Set;
  Expr value;
  size_t opOffset = 0;  // byte offset of the operator, for run-time errors
  // Applies the effect to vars, clamping ints to the variable's min/max. Throws EvalError.
  void apply(Value* vars, const VarInfo& var, const EvalEnv& env) const;
};

std::optional<Expr> compileExpression(std::string_view source, const NameScope& scope,
                                      std::vector<ExprError>& errors);
// Like compileExpression, and it must be of type bool.
std::optional<Expr> compileCondition(std::string_view source, const NameScope& scope,
                                     std::vector<ExprError>& errors);
std::optional<Effect> compileEffect(std::string_view source, const NameScope& scope,
                                    std::vector<ExprError>& errors);

}  // namespace lc
