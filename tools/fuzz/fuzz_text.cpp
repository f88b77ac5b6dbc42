// libFuzzer target: any bytes as a scene's text template compile or give errors; what
// compiles renders (or throws EvalError) and splits into paragraphs.
#include "core/text.h"
#include "fuzz_common.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string source = lc::fuzz::bytesOf(data, size);
  lc::fuzz::Scope scope;
  lc::fuzz::Env env;
  std::vector<lc::ExprError> errors;
  if (auto text = lc::compileText(source, scope, errors)) {
    try {
      text->paragraphs(env.env());
      std::string scratch;
      text->textLength(env.env(), scratch);
    } catch (const lc::EvalError&) {
    }
  }
  lc::splitParagraphs(source);
  return 0;
}
