#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "app/cli.h"
#include "app/commands.h"
#include "core/walk.h"
#include "load/loader.h"

namespace lc {

static const CommandSpec kExplore = {
    "explore", "lostcorner explore [STORY] --walk STEPS [--seed S]",
    "Plays the story automatically.",
    "\n--walk STEPS --seed S plays STEPS random steps (xorshift32 seeded with S, default 1)\n"
    "and prints the walk fingerprint (8 hex digits) and the steps per second. Two engines\n"
    "that print the same fingerprint walked the same path through the same text.\n\n"
    "options:\n"
    "  --walk STEPS   number of scenes to show\n"
    "  --seed S       non-zero 32-bit seed (default 1)\n"
    "  --coverage     also print how many scenes and choices the walk reached\n",
    {"--coverage"}, {"--walk", "--seed"}};

static bool parseCount(const std::string& text, unsigned long long max, unsigned long long& out) {
  if (text.empty() || text.size() > 20) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  out = std::strtoull(text.c_str(), nullptr, 10);
  return out <= max;
}

static std::string grouped(unsigned long long n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

static void printCoverage(const Story& story, const WalkResult& r) {
  size_t scenes = 0, choices = 0, total = 0;
  for (uint32_t v : r.sceneVisits) scenes += v > 0;
  for (uint32_t v : r.choiceTaken) choices += v > 0;
  for (const auto& s : story.scenes) total += s.choices.size();
  std::printf("coverage: %zu/%zu scenes, %zu/%zu choices, %llu endings\n", scenes, story.scenes.size(), choices,
              total, static_cast<unsigned long long>(r.endings));
}

int cmdExplore(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kExplore, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  unsigned long long steps = 0, seed = 1;
  if (!args->get("--walk") || !parseCount(*args->get("--walk"), ~0ull, steps)) {
    std::fprintf(stderr, "lostcorner explore: give --walk STEPS (a whole number)\n");
    return 2;
  }
  if (auto s = args->get("--seed"); s && (!parseCount(*s, 0xFFFFFFFFull, seed) || seed == 0)) {
    std::fprintf(stderr, "lostcorner explore: --seed is a non-zero 32-bit number\n");
    return 2;
  }
  std::string path = args->positional.empty() ? defaultStoryPath() : args->positional[0];
  LoadResult loaded = loadStory(path);
  if (!loaded.story) {
    std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
    return 1;
  }
  auto t0 = std::chrono::steady_clock::now();
  WalkResult r = walk(*loaded.story, steps, static_cast<uint32_t>(seed), args->has("--coverage"));
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!r.error.empty()) {
    std::fprintf(stderr, "%s\n(after %llu steps)\n", r.error.c_str(), static_cast<unsigned long long>(r.steps));
    return 1;
  }
  std::printf("%08x\n", r.hash);
  // Numbers with separators, on stderr: stdout holds only the fingerprint.
  std::fprintf(stderr, "%s steps in %.3f s: %s steps/s\n", grouped(r.steps).c_str(), secs,
               grouped(secs > 0 ? static_cast<unsigned long long>(r.steps / secs) : 0).c_str());
  if (args->has("--coverage")) printCoverage(*loaded.story, r);
  return 0;
}

}  // namespace lc
