// lostcorner plan check PLAN [STORY]: a lesson plan checked against its story, and the
// estimated time of its route, so a teacher can fit the lesson before the lesson.
#include <cmath>
#include <cstdio>

#include "app/cli.h"
#include "app/commands.h"
#include "classroom/lesson_route.h"
#include "load/file_io.h"
#include "load/lesson_plan.h"
#include "load/loader.h"

namespace lc {

static const CommandSpec kPlan = {
    "plan", "lostcorner plan check PLAN.yaml [STORY]",
    "Checks a lesson plan against its story and estimates how long its route takes.",
    "\nSTORY is the story folder; by default the one the plan sits in (a plan in\n"
    "<story>/lessons/ or <story>/), else the bundled story. Every problem is printed as\n"
    "file:line:col with a suggestion. The estimate follows the cheapest route, in words,\n"
    "from the plan's start through its must-read scenes to the end of the chapters it\n"
    "opens: reading at 150 words a minute, each discussion pause as long as the plan's\n"
    "pause_seconds, 3 minutes for each journal question.\n"
    "Exit status: 0 when the plan can be used, 1 when it has errors, 2 on bad usage.\n",
    {}, {}};

static std::string storyFor(const std::string& plan) {
  std::string folder = parentFolder(plan);
  for (const std::string& candidate : {folder, parentFolder(folder)})
    if (fileExists(joinPath(candidate, "story.yaml"))) return candidate;
  return defaultStoryPath();
}

static std::string sceneName(const Story& story, int s) {
  const Scene& scene = story.scenes[s];
  return scene.title.empty() ? scene.qualified : "\u201C" + scene.title + "\u201D (" + scene.qualified + ")";
}

static void printEstimate(const Story& story, const LessonPlan& plan) {
  std::vector<bool> open;
  if (plan.hasOpenList) {
    open.assign(story.chapters.size(), false);
    for (int c : plan.openChapters) open[c] = true;
  }
  const int start = plan.startScene >= 0 ? plan.startScene : story.start;
  if (!open.empty()) open[story.scenes[start].chapter] = true;
  LessonRoute route = estimateLessonRoute(story, start, plan.mustRead, open);
  const int pause = plan.pauseSeconds.value_or(0);
  std::printf("  starts at %s\n", sceneName(story, start).c_str());
  for (int m : route.unreachable)
    std::printf("  warning: the must-read scene %s cannot be reached from the start inside the open chapters\n",
                sceneName(story, m).c_str());
  std::printf("  cheapest route: %zu scenes, %zu words, %d discussion prompts, %d journal questions\n", route.scenes.size(),
              route.words, route.prompts, route.journals);
  const long reading = std::lround(double(route.words) / kReadingWordsPerMinute);
  const long pauses = std::lround(route.prompts * pause / 60.0);
  const long total = std::lround(routeMinutes(route, pause));
  std::printf("  estimated time: about %ld min = reading %ld (at %d words a minute) + pauses %ld (%d x %d s) + journal %d (%d x %d min)\n",
              total, reading, kReadingWordsPerMinute, pauses, route.prompts, pause, route.journals * kJournalMinutes,
              route.journals, kJournalMinutes);
  if (!plan.lengthMinutes || *plan.lengthMinutes == 0) return;
  const long spare = *plan.lengthMinutes - total;
  if (spare >= 0)
    std::printf("  lesson of %d min: %ld min left for the starter, the plenary and discussion\n", *plan.lengthMinutes, spare);
  else
    std::printf("  warning: the route takes about %ld min more than the %d-minute lesson: open fewer chapters, "
                "shorten the pauses, or set a later start\n", -spare, *plan.lengthMinutes);
}

int cmdPlan(int argc, char** argv) {
  bool exitNow = false;
  auto args = parseArgs(kPlan, argc, argv, exitNow);
  if (!args) return 2;
  if (exitNow) return 0;
  const auto& p = args->positional;
  if (p.empty() || p[0] != "check" || p.size() < 2 || p.size() > 3) {
    std::fprintf(stderr, "usage: %s\n", kPlan.usage);
    return 2;
  }
  const std::string storyPath = p.size() == 3 ? p[2] : storyFor(p[1]);
  LoadResult loaded = loadStory(storyPath);
  if (!loaded.story) {
    std::fputs(formatText(loaded.diagnostics).c_str(), stderr);
    std::fprintf(stderr, "lostcorner plan: the story %s does not load\n", storyPath.c_str());
    return 1;
  }
  Diagnostics diags;
  auto plan = loadLessonPlan(p[1], *loaded.story, diags);
  std::fputs(formatText(diags).c_str(), stdout);
  if (!plan) {
    std::fprintf(stderr, "%zu error(s): the plan cannot be used\n", diags.errorCount());
    return 1;
  }
  std::printf("%s: the plan can be used with story '%s'%s\n", p[1].c_str(), loaded.story->id.c_str(),
              plan->title.empty() ? "" : (" (\u201C" + plan->title + "\u201D)").c_str());
  printEstimate(*loaded.story, *plan);
  return 0;
}

}  // namespace lc
