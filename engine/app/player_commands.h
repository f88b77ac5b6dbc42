// The commands a reader types in the terminal player and the --jsonl protocol: the one
// list that `help` (in both) and README.md's command list come from (a test compares
// the README with readmeCommandList()).
#pragma once
#include <string>
#include <vector>

namespace lc {

struct PlayerCommand {
  const char* usage;  // "save [slot]"
  const char* what;   // "save the game (slot 1 unless named)"
  bool classroom;     // offered in classroom mode only
};

const std::vector<PlayerCommand>& playerCommands();
// The terminal's `help`: the general commands, then the classroom ones when asked.
std::string playerHelpText(bool classroom);
// The usages the protocol's `help` event lists, in the same order.
std::vector<std::string> playerCommandUsages(bool classroom);
// README.md's list: "- `save [slot]` — save the game ...", one line per command, the
// classroom ones marked.
std::string readmeCommandList();

}  // namespace lc
