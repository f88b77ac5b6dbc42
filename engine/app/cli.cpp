#include "app/cli.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/suggest.h"

namespace lc {

bool Args::has(const std::string& flag) const {
  return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

std::optional<std::string> Args::get(const std::string& option) const {
  auto it = options.find(option);
  if (it == options.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> Args::getAll(const std::string& option) const {
  std::vector<std::string> out;
  for (const auto& [name, value] : given)
    if (name == option) out.push_back(value);
  return out;
}

void printHelp(const CommandSpec& spec) {
  std::printf("usage: %s\n\n%s\n%s", spec.usage, spec.summary, spec.details);
}

std::optional<Args> parseArgs(const CommandSpec& spec, int argc, char** argv, bool& exitNow) {
  Args args;
  exitNow = false;
  for (int i = 0; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--help" || a == "-h") {
      printHelp(spec);
      exitNow = true;
      return args;
    }
    if (a == "--version") {
      std::printf("lostcorner %s\n", LOSTCORNER_VERSION);
      exitNow = true;
      return args;
    }
    if (a.size() < 2 || a[0] != '-' || a == "-") {
      args.positional.push_back(a);
      continue;
    }
    std::string value;
    bool inlineValue = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      value = a.substr(eq + 1);
      a = a.substr(0, eq);
      inlineValue = true;
    }
    if (std::find(spec.flags.begin(), spec.flags.end(), a) != spec.flags.end() && !inlineValue) {
      args.flags.push_back(a);
    } else if (std::find(spec.options.begin(), spec.options.end(), a) != spec.options.end()) {
      if (!inlineValue) {
        if (i + 1 >= argc) {
          std::fprintf(stderr, "lostcorner %s: %s needs a value\n", spec.name, a.c_str());
          return std::nullopt;
        }
        value = argv[++i];
      }
      args.options[a] = value;
      args.given.emplace_back(a, value);
    } else {
      std::vector<std::string> all = spec.flags;
      all.insert(all.end(), spec.options.begin(), spec.options.end());
      std::string hint = didYouMean(a, all);
      std::fprintf(stderr, "lostcorner %s: unknown option '%s'%s%s\nrun 'lostcorner %s --help' for the options\n",
                   spec.name, a.c_str(), hint.empty() ? "" : "; ", hint.c_str(), spec.name);
      return std::nullopt;
    }
  }
  return args;
}

std::string defaultStoryPath() {
  if (const char* env = std::getenv("LOSTCORNER_STORY"); env && *env) return env;
  return std::string(LOSTCORNER_SOURCE_DIR) + "/story/never-let-me-go";
}

}  // namespace lc
