#include "load/fields.h"

#include <cstdlib>

#include "core/suggest.h"

namespace lc {

const char* kindName(const yaml::Node& node) {
  switch (node.kind) {
    case yaml::Kind::Null: return "nothing";
    case yaml::Kind::Scalar: return "a single value";
    case yaml::Kind::Sequence: return "a list";
    case yaml::Kind::Map: return "a map";
  }
  return "?";
}

std::optional<std::string> readString(FileCtx& f, const yaml::Node& node, const std::string& what) {
  if (node.kind == yaml::Kind::Scalar) return node.text;
  f.error(node.pos, what + " must be a text, got " + kindName(node),
          node.kind == yaml::Kind::Null ? "write a value after the colon, or remove the key" : "");
  return std::nullopt;
}

std::optional<int32_t> readInt(FileCtx& f, const yaml::Node& node, const std::string& what) {
  const std::string& t = node.text;
  bool digits = node.kind == yaml::Kind::Scalar && node.style == yaml::Style::Plain && !t.empty();
  size_t start = (digits && (t[0] == '-' || t[0] == '+')) ? 1 : 0;
  if (digits && start == t.size()) digits = false;
  for (size_t i = start; digits && i < t.size(); ++i) digits = t[i] >= '0' && t[i] <= '9';
  if (digits && t.size() <= 12) {
    long long v = std::strtoll(t.c_str(), nullptr, 10);
    if (v >= INT32_MIN && v <= INT32_MAX) return static_cast<int32_t>(v);
    f.error(node.pos, what + " is out of range: integers are 32-bit", "use a value between -2147483648 and 2147483647");
    return std::nullopt;
  }
  f.error(node.pos, what + " must be a whole number, got " +
          (node.kind == yaml::Kind::Scalar ? "'" + t + "'" : std::string(kindName(node))),
          node.style != yaml::Style::Plain ? "write the number without quotes" : "write a decimal integer such as 3");
  return std::nullopt;
}

std::optional<bool> readBool(FileCtx& f, const yaml::Node& node, const std::string& what) {
  if (node.kind == yaml::Kind::Scalar && node.style == yaml::Style::Plain) {
    const std::string& t = node.text;
    if (t == "true" || t == "True" || t == "TRUE") return true;
    if (t == "false" || t == "False" || t == "FALSE") return false;
  }
  f.error(node.pos, what + " must be true or false, got " +
          (node.kind == yaml::Kind::Scalar ? "'" + node.text + "'" : std::string(kindName(node))),
          "write true or false (yes/no/on/off are not booleans in Lost Corner)");
  return std::nullopt;
}

std::optional<double> readNumber(FileCtx& f, const yaml::Node& node, const std::string& what) {
  if (node.kind == yaml::Kind::Scalar && node.style == yaml::Style::Plain && !node.text.empty()) {
    char* end = nullptr;
    double v = std::strtod(node.text.c_str(), &end);
    if (end && *end == '\0') return v;
  }
  f.error(node.pos, what + " must be a number, got " +
          (node.kind == yaml::Kind::Scalar ? "'" + node.text + "'" : std::string(kindName(node))),
          "write a number such as 0.8");
  return std::nullopt;
}

Fields::Fields(FileCtx& f, const yaml::Node& node, std::string what,
               std::initializer_list<const char*> keys)
    : f_(f), node_(node), what_(std::move(what)) {
  if (node.kind != yaml::Kind::Map) {
    f.error(node.pos, what_ + " must be a map of keys, got " + kindName(node));
    return;
  }
  map_ = &node;
  std::vector<std::string> known(keys.begin(), keys.end());
  for (const auto& [key, value] : node.entries) {
    bool ok = false;
    for (const auto& k : known) ok = ok || k == key->text;
    if (ok) continue;
    std::string hint = didYouMean(key->text, known);
    f.report(Severity::Warning, Cause::UnknownKey, key->pos, "unknown key '" + key->text + "' in " + what_ + " (ignored)",
              hint.empty() ? "the keys here are: " + [&] {
                std::string all;
                for (const auto& k : known) all += (all.empty() ? "" : ", ") + k;
                return all;
              }() : hint);
  }
}

const yaml::Pos& Fields::firstKeyPos() const {
  if (map_ && !map_->entries.empty()) return map_->entries.front().first->pos;
  return node_.pos;
}

const yaml::Node* Fields::lookup(const char* key, bool required) {
  const yaml::Node* v = get(key);
  if (!v && required && map_) f_.error(firstKeyPos(), what_ + " is missing the required key '" + key + "'");
  return v;
}

const yaml::Node* Fields::require(const char* key) { return lookup(key, true); }

std::optional<std::string> Fields::string(const char* key, bool required) {
  const yaml::Node* v = lookup(key, required);
  return v ? readString(f_, *v, "'" + std::string(key) + "' of " + what_) : std::nullopt;
}

std::optional<int32_t> Fields::integer(const char* key, bool required) {
  const yaml::Node* v = lookup(key, required);
  return v ? readInt(f_, *v, "'" + std::string(key) + "' of " + what_) : std::nullopt;
}

std::optional<bool> Fields::boolean(const char* key, bool required) {
  const yaml::Node* v = lookup(key, required);
  return v ? readBool(f_, *v, "'" + std::string(key) + "' of " + what_) : std::nullopt;
}

std::optional<double> Fields::number(const char* key, bool required) {
  const yaml::Node* v = lookup(key, required);
  return v ? readNumber(f_, *v, "'" + std::string(key) + "' of " + what_) : std::nullopt;
}

}  // namespace lc
