// Reading typed fields out of YAML maps, reporting every mistake with its position.
#pragma once
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/source.h"
#include "load/yaml_tree.h"

namespace lc {

// One source file being read: where diagnostics go and how positions are named.
struct FileCtx {
  std::string path;  // as shown to the writer
  int index = -1;    // Story::files index
  yaml::Document doc;
  Diagnostics diags;  // per file, so files can be built on separate threads

  void error(const yaml::Pos& p, std::string message, std::string hint = {}) {
    diags.error(path, p.line, p.col, std::move(message), std::move(hint));
  }
  void warning(const yaml::Pos& p, std::string message, std::string hint = {}) {
    diags.warning(path, p.line, p.col, std::move(message), std::move(hint));
  }
  // A diagnostic of a kind that `check` lists first (core/diagnostic.h, Cause).
  void report(Severity severity, Cause cause, const yaml::Pos& p, std::string message, std::string hint = {}) {
    diags.add(Diagnostic{severity, path, p.line, p.col, std::move(message), std::move(hint), cause});
  }
  SourceLoc loc(const yaml::Pos& p) const { return SourceLoc{index, p.line, p.col}; }
};

// Describes a node's kind for messages: "a list", "a map", "a text", "nothing".
const char* kindName(const yaml::Node& node);

// Scalar conversions. Each reports its own error and returns nullopt on failure.
std::optional<std::string> readString(FileCtx& f, const yaml::Node& node, const std::string& what);
std::optional<int32_t> readInt(FileCtx& f, const yaml::Node& node, const std::string& what);
std::optional<bool> readBool(FileCtx& f, const yaml::Node& node, const std::string& what);
std::optional<double> readNumber(FileCtx& f, const yaml::Node& node, const std::string& what);

// A YAML map with a fixed set of keys. Unknown keys are warnings with "did you mean".
class Fields {
 public:
  // `what` names the map in messages ("scene 'gate'"). If `node` is not a map, reports
  // an error and every getter returns nothing.
  Fields(FileCtx& f, const yaml::Node& node, std::string what, std::initializer_list<const char*> keys);

  bool isMap() const { return map_ != nullptr; }
  const yaml::Node* get(const char* key) const { return map_ ? map_->find(key) : nullptr; }
  // The value of a required key, or an error at the map's first key.
  const yaml::Node* require(const char* key);
  std::optional<std::string> string(const char* key, bool required = false);
  std::optional<int32_t> integer(const char* key, bool required = false);
  std::optional<bool> boolean(const char* key, bool required = false);
  std::optional<double> number(const char* key, bool required = false);
  const yaml::Pos& firstKeyPos() const;
  const std::string& what() const { return what_; }

 private:
  const yaml::Node* lookup(const char* key, bool required);
  FileCtx& f_;
  const yaml::Node* map_ = nullptr;
  const yaml::Node& node_;
  std::string what_;
};

}  // namespace lc
