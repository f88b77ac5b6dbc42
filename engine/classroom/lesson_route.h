// How long a lesson plan's reading takes: the cheapest route (in words) from the plan's
// start through its must-read scenes in order to the end of what the plan opens (a scene
// in a closed chapter, or an ending). Choice conditions are ignored: an estimate, not a walk.
#pragma once
#include <string>
#include <vector>

#include "core/story.h"

namespace lc {

inline constexpr int kReadingWordsPerMinute = 150;  // reading on screen together, with a pause or two
inline constexpr int kJournalMinutes = 3;           // writing one journal reflection

struct LessonRoute {
  std::vector<int> scenes;  // in reading order
  size_t words = 0;
  int prompts = 0, journals = 0;
  std::vector<int> unreachable;  // must-read scenes the route cannot reach
};

// `open` by chapter (empty = every chapter open).
LessonRoute estimateLessonRoute(const Story& story, int start, const std::vector<int>& mustRead, const std::vector<bool>& open);
size_t sceneWords(const Story& story, int scene);
// "about 35 minutes: reading 21 (3,150 words at 150 a minute), 5 discussion pauses 8 (90 s each), 2 journal questions 6"
double routeMinutes(const LessonRoute& route, int pauseSeconds);

}  // namespace lc
