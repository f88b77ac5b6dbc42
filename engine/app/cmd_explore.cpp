// `lostcorner explore`: the exhaustive search of the state space (default), or the walk
// fingerprint of the contract (--walk).
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/cli.h"
#include "app/commands.h"
#include "app/explore_report.h"
#include "analysis/explore.h"
#include "analysis/walk.h"
#include "load/loader.h"

namespace lc {

static const CommandSpec kExplore = {
    "explore",
    "lostcorner explore [STORY] [--max-states N] [--every-order] [--format text|json] | [STORY] --walk STEPS [--seed S]",
    "Plays every way through the story, or walks it at random.",
    "\nWithout --walk: an exhaustive search of every state the story can be in (scene,\n"
    "variables, and the visit counts and spent once-choices that can still matter). It\n"
    "reports every ending with the shortest choices to it, dead ends and soft-locks (play\n"
    "that can never reach an ending) with a path there, run-time errors, scenes and choices\n"
    "never reached, and the values each variable takes.\n"
    "Exit status: 0 no faults, 1 faults found (dead end, soft-lock, run-time error, scene\n"
    "never reached), 3 the state cap stopped the search before any fault was found\n"
    "(results partial), 2 bad usage.\n\n"
    "--walk STEPS --seed S plays STEPS random steps (xorshift32 seeded with S, default 1)\n"
    "and prints the walk fingerprint (8 hex digits) and the steps per second. Two engines\n"
    "that print the same fingerprint walked the same path through the same text.\n\n"
    "options:\n"
    "  --max-states N       stop the search after N states (default 2,000,000)\n"
    "  --every-order        also take a hub's once-only rooms in every order where they commute\n"
    "                       (the same answers, more states: to check the one-order search)\n"
    "  --format text|json   json prints one object for tools\n"
    "  --walk STEPS         number of scenes to show\n"
    "  --seed S             non-zero 32-bit seed (default 1)\n"
    "  --coverage           with --walk: also print how many scenes and choices the walk reached\n",
    {"--coverage", "--every-order"}, {"--walk", "--seed", "--max-states", "--format"}};

static bool parseCount(const std::string& text, unsigned long long max, unsigned long long& out) {
  if (text.empty() || text.size() > 20) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  out = std::strtoull(text.c_str(), nullptr, 10);
  return out <= max;
}

static void printCoverage(const Story& story, const WalkResult& r) {
  size_t scenes = 0, choices = 0, total = 0;
  for (uint32_t v : r.sceneVisits) scenes += v > 0;
  for (uint32_t v : r.choiceTaken) choices += v > 0;
  for (const auto& s : story.scenes) total += s.choices.size();
  std::printf("coverage: %zu/%zu scenes, %zu/%zu choices, %llu endings\n", scenes, story.scenes.size(), choices,
              total, static_cast<unsigned long long>(r.endings));
}

static int runWalk(const Story& story, const Args& args, unsigned long long steps) {
  unsigned long long seed = 1;
  if (auto s = args.get("--seed"); s && (!parseCount(*s, 0xFFFFFFFFull, seed) || seed == 0)) {
    std::fprintf(stderr, "lostcorner explore: --seed is a non-zero 32-bit number\n");
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  WalkResult r = walk(story, steps, static_cast<uint32_t>(seed), args.has("--coverage"));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!r.error.empty()) {
    std::fprintf(stderr, "%s\n(after %llu steps)\n", r.error.c_str(), static_cast<unsigned long long>(r.steps));
    return 1;
  }
  std::printf("%08x\n", r.hash);
  // Numbers with separators, on stderr: stdout holds only the fingerprint.
  std::fprintf(stderr, "%s steps in %.3f s: %s steps/s\n", groupDigits(r.steps).c_str(), secs,
               groupDigits(secs > 0 ? static_cast<unsigned long long>(r.steps / secs) : 0).c_str());
  if (args.has("--coverage")) printCoverage(story, r);
  return 0;
}

// A bar of states found against the cap; the space's size is not known in advance.
static void drawProgress(uint64_t found, uint64_t expanded, uint64_t cap) {
  const int width = 30;
  int filled = cap ? static_cast<int>(width * std::min<double>(1.0, static_cast<double>(found) / static_cast<double>(cap))) : 0;
  std::fprintf(stderr, "\rexploring [%s%s] %s states, %s expanded ", std::string(static_cast<size_t>(filled), '#').c_str(),
               std::string(static_cast<size_t>(width - filled), '.').c_str(), groupDigits(found).c_str(),
               groupDigits(expanded).c_str());
  std::fflush(stderr);
}

static int runSearch(const Story& story, const Args& args, const std::string& format) {
  unsigned long long cap = 2000000;
  if (auto m = args.get("--max-states"); m && (!parseCount(*m, 0xFFFFFFFFull, cap) || cap == 0)) {
    std::fprintf(stderr, "lostcorner explore: --max-states is a whole number from 1 to 4294967295\n");
    return 2;
  }
  ExploreOptions options;
  options.maxStates = cap;
  options.collapseOrders = !args.has("--every-order");
  bool bar = ::isatty(STDERR_FILENO) != 0;
  if (bar) options.progress = [cap](uint64_t found, uint64_t expanded) { drawProgress(found, expanded, cap); };
  ExploreResult r = explore(story, options);
  if (bar) std::fprintf(stderr, "\r%80s\r", "");
  // A partial search is breadth-first: random play reaches the deep places it left.
  if (!r.complete) supplementByRandomPlay(story, r, 2000000, 1);
  std::string out = format == "json" ? exploreJson(story, r, cap) + "\n" : exploreText(story, r, cap);
  std::fputs(out.c_str(), stdout);
  if (r.faultCount() > 0) return 1;
  return r.complete ? 0 : 3;
}

int cmdExplore(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kExplore, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  unsigned long long steps = 0;
  auto walkArg = args->get("--walk");
  if (walkArg && !parseCount(*walkArg, ~0ull, steps)) {
    std::fprintf(stderr, "lostcorner explore: give --walk STEPS (a whole number)\n");
    return 2;
  }
  std::string format = args->get("--format").value_or("text");
  if (format != "text" && format != "json") {
    std::fprintf(stderr, "lostcorner explore: --format is text or json, not '%s'\n", format.c_str());
    return 2;
  }
  if (args->positional.size() > 1) {
    std::fprintf(stderr, "lostcorner explore: give one story folder\n");
    return 2;
  }
  std::string path = args->positional.empty() ? defaultStoryPath() : args->positional[0];
  LoadResult loaded = loadStory(path);
  if (!loaded.story) {
    std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
    return 1;
  }
  return walkArg ? runWalk(*loaded.story, *args, steps) : runSearch(*loaded.story, *args, format);
}

}  // namespace lc
