// libFuzzer target: any bytes as an expression, condition or effect compile or give
// errors; what compiles evaluates or throws EvalError, never crashes.
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string source = lc::fuzz::bytesOf(data, size);
  lc::fuzz::Scope scope;
  lc::fuzz::Env env;
  std::vector<lc::ExprError> errors;
  try {
    if (auto e = lc::compileExpression(source, scope, errors)) {
      e->evaluate(env.env());
      e->truth();
    }
    if (auto c = lc::compileCondition(source, scope, errors)) c->test(env.env());
    if (auto effect = lc::compileEffect(source, scope, errors)) {
      const lc::VarInfo* var = scope.findVariable(effect->slot == 0 ? "n" : effect->slot == 1 ? "b" : "s");
      effect->apply(env.vars, *var, env.env());
    }
  } catch (const lc::EvalError&) {
  }
  return 0;
}
