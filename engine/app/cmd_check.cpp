#include <cstdio>

#include "app/cli.h"
#include "app/commands.h"
#include "load/check.h"
#include "load/find_manifest.h"

namespace lc {

static const CommandSpec kCheck = {
    "check",
    "lostcorner check [STORY] [--format text|json]",
    "Loads the story and reports every problem found, each as file:line:col.",
    "\nSTORY is a story folder (holding story.yaml) or a manifest; the bundled story by default.\n"
    "A chapter file checks the story whose story.yaml (in its folder or above) lists it.\n"
    "Exit status: 0 when there are no errors (warnings allowed), 1 on errors, 2 on bad usage.\n\n"
    "options:\n"
    "  --format text|json   json prints one object for editors and tools\n",
    {},
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
  LoadResult r = checkStory(story.path);
  if (format == "json") {
    std::printf("%s\n", formatJson(r.diagnostics).c_str());
  } else {
    std::fputs(formatText(r.diagnostics).c_str(), stdout);
    if (r.diagnostics.hasErrors())
      std::fprintf(stderr, "%zu error(s), %zu warning(s)\n", r.diagnostics.errorCount(), r.diagnostics.warningCount());
  }
  return r.diagnostics.hasErrors() ? 1 : 0;
}

}  // namespace lc
