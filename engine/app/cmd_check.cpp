#include <cstdio>

#include "app/check_cache_use.h"
#include "app/cli.h"
#include "app/commands.h"
#include "load/check.h"
#include "load/find_manifest.h"

namespace lc {

static const CommandSpec kCheck = {
    "check",
    "lostcorner check [STORY] [--format text|json] [--watch] [--no-cache]",
    "Loads the story and reports every problem found, each as file:line:col.",
    "\nSTORY is a story folder (holding story.yaml) or a manifest; the bundled story by default.\n"
    "A chapter file checks the story whose story.yaml (in its folder or above) lists it.\n"
    "Exit status: 0 when there are no errors (warnings allowed), 1 on errors, 2 on bad usage.\n\n"
    "options:\n"
    "  --format text|json   json prints one object for editors and tools\n"
    "  --watch              check again whenever a story file changes (Ctrl+C stops)\n"
    "  --no-cache           neither read nor write the cache in $XDG_CACHE_HOME/lostcorner\n"
    "                       (it only saves time: results are the same without it)\n",
    {"--watch", "--no-cache"},
    {"--format"}};

int cmdCheck(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kCheck, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  std::string format = args->get("--format").value_or("text");
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "lostcorner check: --format is text or json, not '%s'\n", format.c_str());
    return 2;
  }
  if (args->positional.size() > 1) {
    std::fprintf(stderr, "lostcorner check: give one story folder\n");
    return 2;
  }
  const StoryPath story = storyPathFor(args->positional.empty() ? defaultStoryPath() : args->positional[0]);
  if (!story.error.empty()) {
    std::fprintf(stderr, "lostcorner check: %s\n  hint: %s\n", story.error.c_str(), story.hint.c_str());
    return 1;
  }
  if (!story.note.empty()) std::fprintf(stderr, "note: %s\n", story.note.c_str());
  CheckCacheUse cache = openCheckCache(!args->has("--no-cache"), args->has("--watch"));
  if (args->has("--watch")) return watchCheck(story.path, format == "json", *cache.cache);
  CheckOptions options;
  options.load.cache = cache.cache.get();
  return printCheck(checkStory(story.path, options), format == "json");
}

}  // namespace lc
