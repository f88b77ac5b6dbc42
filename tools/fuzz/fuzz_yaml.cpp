// libFuzzer target: any bytes as a story file must give diagnostics, never a crash,
// a hang or unbounded memory (yaml tree, positions, and the expression/text compilers).
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/expr.h"
#include "core/text.h"
#include "load/yaml_tree.h"

namespace {

class FuzzScope : public lc::NameScope {
 public:
  const lc::VarInfo* findVariable(std::string_view name) const override {
    static const lc::VarInfo n{0, lc::Type::Int, -5, 5}, b{1, lc::Type::Bool, {}, {}}, s{2, lc::Type::String, {}, {}};
    if (name == "n") return &n;
    if (name == "b") return &b;
    if (name == "s") return &s;
    return nullptr;
  }
  int findScene(std::string_view ref) const override { return ref == "a" ? 0 : -1; }
};

void visit(const lc::yaml::Document& doc, const lc::yaml::Node* node, int depth) {
  if (!node || depth > 200) return;
  if (node->isScalar()) {
    for (size_t i = 0; i <= node->text.size(); i += 7) doc.positionIn(*node, i);
    return;
  }
  for (const auto* item : node->items) visit(doc, item, depth + 1);
  for (const auto& [k, v] : node->entries) {
    visit(doc, k, depth + 1);
    visit(doc, v, depth + 1);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string bytes(reinterpret_cast<const char*>(data), size);
  lc::yaml::Document doc = lc::yaml::parse(bytes);
  visit(doc, doc.root, 0);
  FuzzScope scope;
  std::vector<lc::ExprError> errors;
  if (auto text = lc::compileText(bytes, scope, errors)) {
    lc::Value vars[3] = {lc::Value::ofInt(1), lc::Value::ofBool(true), lc::Value::ofString("x")};
    uint32_t visits[1] = {1};
    std::string out;
    try {
      text->render(lc::EvalEnv{vars, visits}, out);
    } catch (const lc::EvalError&) {
    }
  }
  lc::compileEffect(bytes, scope, errors);
  return 0;
}
