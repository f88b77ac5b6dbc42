// Command-line arguments of the subcommands: flags, options with values, positionals.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lc {

struct CommandSpec {
  const char* name;
  const char* usage;     // "lostcorner check STORY [--format text|json]"
  const char* summary;   // one line
  const char* details;   // the --help body
  std::vector<std::string> flags;    // options without a value ("--text")
  std::vector<std::string> options;  // options with a value ("--format")
};

struct Args {
  std::vector<std::string> positional;
  std::map<std::string, std::string> options;              // the last value of each
  std::vector<std::pair<std::string, std::string>> given;  // every option, in order
  std::vector<std::string> flags;

  bool has(const std::string& flag) const;
  std::optional<std::string> get(const std::string& option) const;
  std::vector<std::string> getAll(const std::string& option) const;  // a repeatable option
};

// Parses argv after the subcommand. On a mistake prints a message to stderr and
// returns nullopt; `--help` prints the help and sets `exitNow`.
std::optional<Args> parseArgs(const CommandSpec& spec, int argc, char** argv, bool& exitNow);
void printHelp(const CommandSpec& spec);

// The bundled story when none is given: $LOSTCORNER_STORY, else the one in the source tree.
std::string defaultStoryPath();

}  // namespace lc
