#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "app/cli.h"
#include "app/commands.h"
#include "app/console.h"
#include "load/loader.h"
#ifdef LOSTCORNER_HAS_PRESENT
#include "present/player.h"
#endif

namespace lc {

static const CommandSpec kPlay = {
    "play", "lostcorner play [STORY] [--text | --jsonl] [--classroom] [--save-dir DIR]",
    "Plays a story: in a window, or in the terminal.",
    "\nSTORY is a story folder (holding story.yaml); the bundled story by default.\n"
    "Without --text or --jsonl the story opens in a window; with no display it falls\n"
    "back to the terminal player.\n\n"
    "options:\n"
    "  --text          plain text in the terminal (screen-reader friendly); reads choice\n"
    "                  numbers and commands (save, load, back, history, quit, help) from stdin\n"
    "  --jsonl         the machine protocol: one JSON object per line per event (see README)\n"
    "  --classroom     classroom mode: discussion prompts and journal questions\n"
    "  --save-dir DIR  where saves go (default $XDG_DATA_HOME/lostcorner/<story id>)\n"
    "  --fullscreen    start the window fullscreen\n",
    {"--text", "--jsonl", "--classroom", "--fullscreen"}, {"--save-dir"}};

#ifdef LOSTCORNER_HAS_PRESENT
static bool haveDisplay() {
  const char* x = std::getenv("DISPLAY");
  const char* w = std::getenv("WAYLAND_DISPLAY");
  const char* driver = std::getenv("SDL_VIDEODRIVER");
  return (x && *x) || (w && *w) || (driver && *driver);
}
#endif

static int playInConsole(const std::string& path, const Args& args, bool jsonl) {
  LoadResult loaded = loadStory(path);
  if (!loaded.story) {
    if (jsonl) {
      for (const auto& d : loaded.diagnostics.items())
        std::printf("{\"event\":\"error\",\"message\":%s}\n", jsonQuote(d.format()).c_str());
    } else {
      std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
      std::fprintf(stderr, "The story has errors; fix them and try again (lostcorner check %s).\n", path.c_str());
    }
    return 1;
  }
  SessionOptions options;
  options.saveDir = args.get("--save-dir").value_or("");
  options.runner.classroom = args.has("--classroom");
  options.runner.journal = args.has("--classroom");
  auto presenter = jsonl ? makeJsonlPresenter(stdout) : makeTextPresenter(stdout, isatty(STDIN_FILENO));
  ConsoleSession session(*loaded.story, *presenter, options);
  return session.run(std::cin);
}

int cmdPlay(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kPlay, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  if (args->has("--text") && args->has("--jsonl")) {
    std::fprintf(stderr, "lostcorner play: choose --text or --jsonl, not both\n");
    return 2;
  }
  std::string path = args->positional.empty() ? defaultStoryPath() : args->positional[0];
  bool console = args->has("--text") || args->has("--jsonl");
#ifdef LOSTCORNER_HAS_PRESENT
  if (!console && haveDisplay()) {
    WindowOptions w;
    w.storyPath = path;
    w.classroom = args->has("--classroom");
    w.fullscreen = args->has("--fullscreen");
    w.saveDir = args->get("--save-dir").value_or("");
    return runWindowPlayer(w);
  }
#endif
  if (!console) std::fprintf(stderr, "(no display: playing in the terminal; see lostcorner play --help)\n");
  return playInConsole(path, *args, args->has("--jsonl"));
}

}  // namespace lc
