// lostcorner: one executable, several subcommands (play, check, explore, ...).
#include <cstdio>
#include <cstring>
#include <string>

#include "app/commands.h"
#include "core/suggest.h"

namespace {

struct Subcommand {
  const char* name;
  int (*run)(int, char**);
  const char* summary;
};

const Subcommand kCommands[] = {
    {"play", lc::cmdPlay, "play a story (window, or --text / --jsonl in a terminal)"},
    {"check", lc::cmdCheck, "find every mistake in a story, with file:line:col"},
    {"explore", lc::cmdExplore, "try every way through a story: endings, dead ends, loops (--walk N: random walk)"},
    {"graph", lc::cmdGraph, "draw the story map (-o map.svg, map.png or map.dot)"},
    {"stats", lc::cmdStats, "words, reading time, choices, endings and routes"},
    {"new", lc::cmdNew, "start a new story folder from a template"},
    {"publish", lc::cmdPublish, "write a story as a web page (-o DIR; --single-file: one .html)"},
    {"report", lc::cmdReport, "merge a class's journal exports into one page (-o class.html)"},
    {"plan", lc::cmdPlan, "check a lesson plan and estimate its reading time (plan check PLAN)"},
};

void usage(FILE* out) {
  std::fprintf(out, "usage: lostcorner COMMAND [options]\n\nLost Corner plays branching stories written in YAML.\n\ncommands:\n");
  for (const auto& c : kCommands) std::fprintf(out, "  %-9s %s\n", c.name, c.summary);
  std::fprintf(out, "\nrun 'lostcorner COMMAND --help' for a command's options.\n"
                    "With no command, 'lostcorner' plays the bundled story.\n");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) return lc::cmdPlay(0, argv + 1);
  std::string command = argv[1];
  if (command == "--help" || command == "-h" || command == "help") {
    usage(stdout);
    return 0;
  }
  if (command == "--version") {
    std::printf("lostcorner %s\n", LOSTCORNER_VERSION);
    return 0;
  }
  for (const auto& c : kCommands)
    if (command == c.name) return c.run(argc - 2, argv + 2);
  if (!command.empty() && command[0] == '-') return lc::cmdPlay(argc - 1, argv + 1);
  std::vector<std::string> names;
  for (const auto& c : kCommands) names.push_back(c.name);
  std::string hint = lc::didYouMean(command, names);
  std::fprintf(stderr, "lostcorner: unknown command '%s'%s%s\n\n", command.c_str(), hint.empty() ? "" : "; ", hint.c_str());
  usage(stderr);
  return 2;
}
