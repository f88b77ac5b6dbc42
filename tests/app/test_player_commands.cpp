// One command table: the terminal's help, the protocol's help and README.md agree, and
// every command in it is one the players understand.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "app/player_commands.h"
#include "support/run.h"
#include "support/temp_story.h"

namespace {

const std::map<std::string, std::string> kStory = {
    {"story.yaml", "format: lostcorner/1\nid: cmds\ntitle: Cmds\nstart: one.a\nchapters: [one.yaml]\n"},
    {"one.yaml",
     "chapter: one\ntitle: One\nscenes:\n  a:\n    text: A.\n    choices:\n      - {text: On, goto: b}\n"
     "  b:\n    text: B.\n    end: true\n"},
};

std::string readmeSection() {
  std::ifstream in(std::string(LC_SOURCE_DIR) + "/README.md");
  std::stringstream text;
  text << in.rdbuf();
  const std::string all = text.str(),
                    open = "<!-- player-commands: generated from engine/app/player_commands.cpp -->\n";
  const size_t from = all.find(open), to = all.find("<!-- /player-commands -->");
  if (from == std::string::npos || to == std::string::npos) return "(README.md has no player-commands section)";
  return all.substr(from + open.size(), to - from - open.size());
}

}  // namespace

SCENARIO("README.md lists exactly the commands of the command table") {
  CHECK(readmeSection() == lc::readmeCommandList());
}

SCENARIO("the protocol's help lists every command of the table, reload and notes included") {
  lc::test::TempStory story(kStory);
  lc::test::TempDir saves;
  auto r = lc::test::runLostCorner("play " + story.path() + " --jsonl --save-dir " + saves.path(), "help\n");
  CHECK(r.out.find("{\"event\":\"help\",\"commands\":[\"N\",\"save [slot]\",\"load [slot]\",\"back\",\"history\","
                   "\"restart\",\"reload\",\"notes\",\"glossary [term]\",\"quit\",\"help\"]}\n") != std::string::npos);
}

SCENARIO("every command in the table is understood by the terminal player") {
  lc::test::TempStory story(kStory);
  lc::test::TempDir saves;
  for (const lc::PlayerCommand& c : lc::playerCommands()) {
    std::string word = c.usage;
    word = word.substr(0, word.find(' '));
    if (word == "N" || word == "quit") continue;
    INFO(word);
    auto r = lc::test::runLostCorner("play " + story.path() + " --text --classroom --save-dir " + saves.path(),
                                     word + "\n.\nquit\n");
    CHECK(r.out.find("unknown command '" + word + "'") == std::string::npos);
  }
}
