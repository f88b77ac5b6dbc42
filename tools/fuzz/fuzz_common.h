// Shared by the libFuzzer targets: a small name scope, the bundled tutorial story loaded
// once, and a folder of this process's own for targets that need files.
#pragma once
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "core/expr.h"
#include "load/loader.h"

namespace lc::fuzz {

class Scope : public NameScope {
 public:
  const VarInfo* findVariable(std::string_view name) const override {
    static const VarInfo n{0, Type::Int, -5, 5}, b{1, Type::Bool, {}, {}}, s{2, Type::String, {}, {}};
    if (name == "n") return &n;
    if (name == "b") return &b;
    if (name == "s") return &s;
    return nullptr;
  }
  int findScene(std::string_view ref) const override { return ref == "a" ? 0 : -1; }
};

struct Env {
  Value vars[3] = {Value::ofInt(1), Value::ofBool(true), Value::ofString("x")};
  uint32_t visits[1] = {1};
  EvalEnv env() { return EvalEnv{vars, visits}; }
};

// The tutorial story (LC_SOURCE_DIR/story/tutorial), loaded on first use.
inline const Story& tutorial() {
  static std::unique_ptr<Story> story = [] {
    LoadResult r = loadStory(std::string(LC_SOURCE_DIR) + "/story/tutorial", {false});
    if (!r.story) std::abort();
    return std::move(r.story);
  }();
  return *story;
}

inline const std::string& scratchFolder() {
  static const std::string dir = [] {
    char name[] = "/tmp/lcfuzz-XXXXXX";
    return std::string(::mkdtemp(name));
  }();
  return dir;
}

inline std::string bytesOf(const uint8_t* data, size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

}  // namespace lc::fuzz
