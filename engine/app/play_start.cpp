#include "app/play_start.h"

#include <cerrno>
#include <cstdlib>

#include "core/suggest.h"

namespace lc {
namespace {

std::string withHint(std::string message, const std::string& hint) {
  return hint.empty() ? message : message + "\n  hint: " + hint;
}

bool readValue(const VariableDecl& v, const std::string& text, const std::string& written, Value& out,
               std::string& error) {
  const std::string what =
      "--set " + written + ": '" + v.name + "' is " + (v.info.type == Type::Int ? "an " : "a ") + typeName(v.info.type);
  if (v.info.type == Type::Bool) {
    if (text != "true" && text != "false") return error = what + "; give true or false", false;
    out = Value::ofBool(text == "true");
    return true;
  }
  if (v.info.type == Type::String) {
    const bool quoted = text.size() >= 2 && text.front() == '"' && text.back() == '"';
    out = Value::ofString(quoted ? text.substr(1, text.size() - 2) : text);
    return true;
  }
  errno = 0;
  char* end = nullptr;
  const long n = std::strtol(text.c_str(), &end, 10);
  if (text.empty() || *end != '\0' || errno == ERANGE || n < INT32_MIN || n > INT32_MAX)
    return error = what + "; give a whole number", false;
  if (v.info.min && n < *v.info.min)
    return error = what + " of at least " + std::to_string(*v.info.min) + " (its min)", false;
  if (v.info.max && n > *v.info.max)
    return error = what + " of at most " + std::to_string(*v.info.max) + " (its max)", false;
  out = Value::ofInt(static_cast<int32_t>(n));
  return true;
}

}  // namespace

bool playStartOptions(const Story& story, const std::string& start, const std::vector<std::string>& sets,
                      RunnerOptions& out, std::string& error) {
  if (!start.empty()) {
    const int scene = story.findScene(start);
    if (scene < 0) {
      std::vector<std::string> all;
      for (const Scene& s : story.scenes) all.push_back(s.qualified);
      std::string hint = suggestScene(start, all);
      if (hint.empty() && !all.empty()) hint = "write chapter.scene, e.g. --start " + all.front();
      error = withHint("--start: unknown scene '" + start + "'", hint);
      return false;
    }
    out.startScene = scene;
  }
  for (const std::string& set : sets) {
    const size_t eq = set.find('=');
    const std::string example = story.variables.empty() ? "name=value" : story.variables.front().name + "=...";
    if (eq == std::string::npos || eq == 0) {
      error = withHint("--set '" + set + "': write name=value", "e.g. --set " + example);
      return false;
    }
    const std::string name = set.substr(0, eq);
    const int slot = story.findVariable(name);
    if (slot < 0) {
      std::vector<std::string> names;
      for (const VariableDecl& v : story.variables) names.push_back(v.name);
      std::string hint = didYouMean(name, names);
      if (hint.empty()) {
        for (const std::string& n : names) hint += (hint.empty() ? "the story's variables: " : ", ") + n;
        if (hint.empty()) hint = "the story declares no variables";
      }
      error = withHint("--set " + set + ": unknown variable '" + name + "'", hint);
      return false;
    }
    const VariableDecl& v = story.variables[static_cast<size_t>(slot)];
    Value value;
    if (!readValue(v, set.substr(eq + 1), set, value, error)) return false;
    out.startValues.emplace_back(v.info.slot, std::move(value));
  }
  return true;
}

}  // namespace lc
