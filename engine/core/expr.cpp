// Expr and Effect: the public face of the expression compiler. The pieces live in
// expr_lex (tokens), expr_parse (syntax, names, types), expr_analyze (ranges,
// constants) and expr_vm (bytecode and the stack machine).
#include "core/expr.h"

#include <algorithm>
#include <charconv>

#include "core/expr_ast.h"
#include "core/expr_vm.h"

namespace lc {

struct ExprCompiler {
  static Expr make(std::unique_ptr<Bytecode> code) {
    Expr e;
    e.code_ = std::move(code);
    return e;
  }
  static const Bytecode* code(const Expr& e) { return e.code_.get(); }
};

namespace {

const std::vector<int> kNoIndexes;
const std::string kNoSource;

std::optional<Expr> finish(std::string_view source, const expr::Ast& ast, bool parsed,
                           std::vector<ExprError>& errors) {
  if (ast.root < 0) return std::nullopt;
  std::vector<expr::Facts> facts;
  bool analyzed = expr::analyze(ast, facts, errors);
  if (!parsed || !analyzed) return std::nullopt;
  auto code = std::make_unique<Bytecode>();
  code->source = std::string(source);
  const expr::Node& root = ast.at(ast.root);
  code->type = root.type;
  if (root.type == Type::Bool) code->truth = facts[static_cast<size_t>(ast.root)].truth;
  expr::generate(ast, facts, *code);
  code->sceneCaps = expr::visitsCaps(ast, facts, code->scenes);
  expr::VarReads reads = expr::varReads(ast, facts);
  code->exactVars = std::move(reads.exact);
  code->varCuts = std::move(reads.cuts);
  const expr::Facts& top = facts[static_cast<size_t>(ast.root)];
  code->constant = top.constant && root.type != Type::String;
  code->number = top.number;
  return ExprCompiler::make(std::move(code));
}

// Quotes the writer's own expression (not an example story's names) when it is short.
std::string conditionHint(Type type, std::string_view source) {
  size_t b = source.find_first_not_of(" \t\n"), e = source.find_last_not_of(" \t\n");
  std::string own = b == std::string_view::npos || e - b >= 40 ? "..." : std::string(source.substr(b, e - b + 1));
  if (type == Type::Int) return "compare it, e.g. '" + own + " >= 1'";
  return "compare it, e.g. '" + own + " == \"some text\"'";
}

}  // namespace

Expr::Expr() = default;
Expr::~Expr() = default;
Expr::Expr(Expr&&) noexcept = default;
Expr& Expr::operator=(Expr&&) noexcept = default;
Expr::Expr(const Expr& other)
    : code_(other.code_ ? std::make_unique<Bytecode>(*other.code_) : nullptr) {}
Expr& Expr::operator=(const Expr& other) {
  if (this != &other) code_ = other.code_ ? std::make_unique<Bytecode>(*other.code_) : nullptr;
  return *this;
}

Type Expr::type() const { return code_ ? code_->type : Type::Int; }

Value Expr::evaluate(const EvalEnv& env) const {
  if (!code_) return Value{};
  std::vector<std::string> temps;
  expr::Result r = expr::run(*code_, env, temps);
  switch (code_->type) {
    case Type::Int: return Value::ofInt(r.number);
    case Type::Bool: return Value::ofBool(r.number != 0);
    case Type::String: return Value::ofString(std::string(r.text));
  }
  return Value{};
}

bool Expr::test(const EvalEnv& env) const {
  if (!code_) return false;
  std::vector<std::string> temps;  // stays empty (no allocation) unless strings are joined
  return expr::run(*code_, env, temps).number != 0;
}

void Expr::appendTo(const EvalEnv& env, std::string& out) const {
  if (!code_) return;
  std::vector<std::string> temps;
  expr::Result r = expr::run(*code_, env, temps);
  switch (code_->type) {
    case Type::Int: {
      char buffer[16];
      auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, r.number);
      (void)ec;
      out.append(buffer, end);
      break;
    }
    case Type::Bool: out.append(r.number ? "true" : "false"); break;
    case Type::String: out.append(r.text); break;
  }
}

Expr::Truth Expr::truth() const { return code_ ? code_->truth : Truth::Unknown; }
const std::vector<int>& Expr::readsVariables() const { return code_ ? code_->vars : kNoIndexes; }
const std::vector<int>& Expr::readsScenes() const { return code_ ? code_->scenes : kNoIndexes; }
const std::string& Expr::source() const { return code_ ? code_->source : kNoSource; }

bool Expr::drawsRandom() const { return code_ && !code_->randoms.empty(); }

uint32_t Expr::visitsCap(int scene) const {
  if (!code_) return 0;
  const auto& scenes = code_->scenes;
  auto it = std::lower_bound(scenes.begin(), scenes.end(), scene);
  if (it == scenes.end() || *it != scene) return 0;
  return code_->sceneCaps[static_cast<size_t>(it - scenes.begin())];
}

bool Expr::varCuts(int slot, std::vector<int64_t>& cuts) const {
  if (!code_) return true;
  if (std::binary_search(code_->exactVars.begin(), code_->exactVars.end(), slot)) return false;
  auto it = std::lower_bound(code_->varCuts.begin(), code_->varCuts.end(), std::pair<int, int64_t>{slot, INT64_MIN});
  for (; it != code_->varCuts.end() && it->first == slot; ++it) cuts.push_back(it->second);
  return true;
}

std::optional<int32_t> Expr::constantNumber() const {
  if (!code_ || !code_->constant) return std::nullopt;
  return code_->number;
}

void Effect::apply(Value* vars, const VarInfo& var, const EvalEnv& env) const {
  const Bytecode* code = ExprCompiler::code(value);
  if (!code) return;
  std::vector<std::string> temps;
  expr::Result r = expr::run(*code, env, temps);
  Value& target = vars[slot];
  if (code->type == Type::String) {
    target.type = Type::String;
    target.number = 0;
    if (r.text.data() != target.text.data() || r.text.size() != target.text.size())
      target.text.assign(r.text.data(), r.text.size());
    return;
  }
  int64_t result = r.number;
  if (op != AssignOp::Set) {
    int64_t old = target.number;
    result = op == AssignOp::Add ? old + r.number : old - r.number;
    if (result < INT32_MIN || result > INT32_MAX)
      throw EvalError(opOffset, expr::overflowMessage(old, op == AssignOp::Add ? "+" : "-",
                                                      r.number));
  }
  if (code->type == Type::Int) {
    if (var.min && result < *var.min) result = *var.min;
    if (var.max && result > *var.max) result = *var.max;
  }
  target.type = code->type;
  target.number = code->type == Type::Bool ? (result != 0) : static_cast<int32_t>(result);
  target.text.clear();
}

std::optional<Expr> compileExpression(std::string_view source, const NameScope& scope,
                                      std::vector<ExprError>& errors) {
  expr::Ast ast;
  bool parsed = expr::parseExpression(source, scope, ast, errors);
  return finish(source, ast, parsed, errors);
}

std::optional<Expr> compileCondition(std::string_view source, const NameScope& scope,
                                     std::vector<ExprError>& errors) {
  expr::Ast ast;
  bool parsed = expr::parseExpression(source, scope, ast, errors);
  if (ast.root >= 0) {
    const expr::Node& root = ast.at(ast.root);
    if (!root.bad && root.type != Type::Bool) {
      errors.push_back(ExprError{root.start,
                                 std::string("condition must be bool, got ") + typeName(root.type),
                                 conditionHint(root.type, source)});
      parsed = false;
    }
  }
  return finish(source, ast, parsed, errors);
}

std::optional<Effect> compileEffect(std::string_view source, const NameScope& scope,
                                    std::vector<ExprError>& errors) {
  expr::Ast ast;
  expr::EffectHead head;
  bool parsed = expr::parseEffect(source, scope, ast, head, errors);
  std::optional<Expr> value = finish(source, ast, parsed && head.var, errors);
  if (!value) return std::nullopt;
  Effect effect;
  effect.slot = head.var->slot;
  effect.op = head.op;
  effect.value = std::move(*value);
  effect.opOffset = head.opOffset;
  return effect;
}

}  // namespace lc
