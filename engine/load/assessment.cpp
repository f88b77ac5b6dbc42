#include "load/assessment.h"

#include "core/suggest.h"

namespace lc {
namespace {

const std::vector<std::string>& objectiveNames() {
  static const std::vector<std::string> names = {"AO1", "AO2", "AO3", "AO4"};
  return names;
}

std::string upper(std::string s) {
  for (char& c : s)
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  return s;
}

}  // namespace

std::optional<AoSet> readObjectives(FileCtx& f, const yaml::Node& node, const std::string& what) {
  if (node.kind != yaml::Kind::Sequence) {
    std::string example = node.kind == yaml::Kind::Scalar && !node.text.empty() ? upper(node.text) : "AO1, AO2";
    f.error(node.pos, what + " must be a list of assessment objectives, got " + std::string(kindName(node)),
            "write it as a list, e.g. ao: [" + example + "]");
    return std::nullopt;
  }
  AoSet set = 0;
  bool ok = true;
  for (const yaml::Node* item : node.items) {
    auto name = readString(f, *item, "an objective in " + what);
    if (!name) {
      ok = false;
      continue;
    }
    const auto& names = objectiveNames();
    int found = -1;
    for (int i = 0; i < kAoCount; ++i)
      if (upper(*name) == names[static_cast<size_t>(i)]) found = i;
    if (found >= 0) {
      set = static_cast<AoSet>(set | (1u << found));
      continue;
    }
    ok = false;
    // "A02" (a zero), "AO 2", "ao-2": the digit is what the writer meant.
    // AO5 or AO0: no suggestion but the list.
    std::string hint;
    bool digit = false;
    for (char c : *name) {
      digit = digit || (c >= '0' && c <= '9');
      if (c >= '1' && c <= '4') hint = "did you mean 'AO" + std::string(1, c) + "'?";
    }
    if (!digit) hint = didYouMean(upper(*name), names);
    f.error(item->pos, "unknown assessment objective '" + *name + "' in " + what,
            hint.empty() ? "the objectives are AO1 (reading, evidence), AO2 (the writer's methods), AO3 (context), "
                           "AO4 (spelling, punctuation, grammar)"
                         : hint);
  }
  if (!ok) return std::nullopt;
  if (set == 0) {
    f.error(node.pos, what + " is an empty list", "name at least one objective, e.g. ao: [AO1], or remove the key");
    return std::nullopt;
  }
  return set;
}

std::optional<AskLevel> readAskLevel(FileCtx& f, const yaml::Node& node, const std::string& what) {
  auto name = readString(f, node, what);
  if (!name) return std::nullopt;
  static const std::vector<std::string> levels = {"support", "core", "stretch"};
  for (size_t i = 0; i < levels.size(); ++i)
    if (*name == levels[i]) return static_cast<AskLevel>(i);
  std::string hint = didYouMean(*name, levels);
  f.error(
      node.pos, "unknown level '" + *name + "' in " + what,
      hint.empty() ? "the levels are support (the easier ask), core (the default) and stretch (the harder ask)" : hint);
  return std::nullopt;
}

void readAskTags(FileCtx& f, Fields& fields, const std::string& what, Ask& out) {
  if (const yaml::Node* ao = fields.get("ao"))
    if (auto set = readObjectives(f, *ao, "'ao' of " + what)) out.ao = *set;
  out.support = fields.string("support").value_or("");
  out.stretch = fields.string("stretch").value_or("");
}

bool readAsk(FileCtx& f, const yaml::Node& node, const std::string& what, bool textAllowed, Ask& out) {
  const size_t errors = f.diags.errorCount();
  out.loc = f.loc(node.pos);
  if (textAllowed && node.kind == yaml::Kind::Scalar) {
    out.ask = node.text;
    return true;
  }
  if (node.kind != yaml::Kind::Map) {
    f.error(node.pos,
            what + " must be " + (textAllowed ? "a text or " : "") + "a map {ask, ao, support, stretch}, got " +
                std::string(kindName(node)),
            "e.g. {ask: \"How does the writer present ...?\", ao: [AO2]}");
    return false;
  }
  Fields fields(f, node, what, {"ask", "ao", "support", "stretch"});
  out.ask = fields.string("ask", true).value_or("");
  readAskTags(f, fields, what, out);
  return f.diags.errorCount() == errors;
}

}  // namespace lc
