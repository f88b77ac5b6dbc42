#include "app/player_commands.h"

#include <cstdio>

namespace lc {

const std::vector<PlayerCommand>& playerCommands() {
  static const std::vector<PlayerCommand> commands = {
      {"N", "take choice number N (Enter alone takes a lone \"Continue\")", false},
      {"save [slot]", "save the game (slot 1 unless named)", false},
      {"load [slot]", "load a saved game", false},
      {"back", "undo the last choice", false},
      {"history", "the scenes so far and the choices made", false},
      {"restart", "start again from the beginning", false},
      {"reload", "read the story files again after an edit, keeping your place", false},
      {"notes", "the content note of this chapter (what it touches on)", false},
      {"glossary [term]", "the glossary, or one term", false},
      {"quit", "leave the game", false},
      {"help", "the list of commands", false},
      {"journal", "write a note in your reading journal", true},
      {"journal show", "what your journal holds", true},
      {"name NAME", "put your name on exports (name - removes it)", true},
      {"export [folder]", "save your journal as .md, .html and .json (default ~/Documents/Lost Corner)", true},
      {"open CODE", "(teacher) open the next chapter", true},
  };
  return commands;
}

namespace {

void appendLines(std::string& out, bool classroom) {
  for (const PlayerCommand& c : playerCommands()) {
    if (c.classroom != classroom || std::string(c.usage) == "N") continue;
    char line[160];
    std::snprintf(line, sizeof line, "  %-16s %s\n", c.usage, c.what);
    out += line;
  }
}

}  // namespace

std::string playerHelpText(bool classroom) {
  std::string out = "Type the number of a choice and press Enter (Enter alone continues).\nCommands:\n";
  appendLines(out, false);
  if (!classroom) return out;
  out += "Classroom:\n  (terms marked * in the text are explained below it; glossary lists them all)\n";
  appendLines(out, true);
  out +=
      "A reflection ends with a line holding only a full stop (.); a full stop alone skips it.\n"
      "At a discussion card, Enter goes on.\n";
  return out;
}

std::vector<std::string> playerCommandUsages(bool classroom) {
  std::vector<std::string> usages;
  for (const PlayerCommand& c : playerCommands())
    if (classroom || !c.classroom) usages.push_back(c.usage);
  return usages;
}

std::string readmeCommandList() {
  std::string out;
  for (const PlayerCommand& c : playerCommands())
    out += std::string("- `") + c.usage + "` — " + c.what + (c.classroom ? " (classroom mode)" : "") + "\n";
  return out;
}

}  // namespace lc
