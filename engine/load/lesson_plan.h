// A lesson plan: a small YAML file the teacher brings to a lesson.
//
//   title: "Year 10, Monday"       # optional, shown when the lesson starts
//   open_chapters: [hailsham]      # open from the start; the others wait for `open CODE`
//   pause_seconds: 90              # countdown at discussion pauses (still waits for Enter)
//   length_minutes: 50             # lesson length: the timer warns before the end
//   warning_minutes: 5             # how long before the end (default 5)
//   start: hailsham.gate           # where the class starts (a scene)
//   must_read: [hailsham.lucy]     # read before the class may leave their chapter
//   starter: "..."                 # a question shown as the lesson starts
//   plenary: "..."                 # shown at the reminder, or when the story ends
//   glossary_reveal: {donor: cottages}   # a term appears from that chapter on
//   glossary_hide: [completion]          # terms this lesson never shows
//   level: stretch                 # support|core|stretch: which version of each question
//   ao: [AO2, AO3]                 # only questions tagged with these (untagged = AO1)
//   exam: true                     # the chapter's exam questions at its end
//
// Every problem is reported as file:line:col, like the story's own.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "classroom/classroom.h"
#include "core/diagnostic.h"
#include "core/story.h"

namespace lc {

struct LessonPlan {
  std::string title;
  bool hasOpenList = false;
  std::vector<int> openChapters;  // chapter indexes
  std::optional<int> pauseSeconds, lengthMinutes, warningMinutes;
  int startScene = -1;
  std::vector<int> mustRead;
  std::string starter, plenary;
  std::vector<std::pair<int, int>> reveal;  // glossary term, chapter it appears from
  std::vector<int> hidden;                  // glossary terms never shown
  std::vector<int> termFromChapter;         // both as ClassroomOptions wants them
  AskLevel level = AskLevel::Core;
  AoSet objectives = 0;  // 0 = every question
  bool exam = false;
};

// Parses `text` (read from `path`, used in messages) against the story's chapters.
// Returns nothing when there are errors; warnings (unknown keys) do not stop it.
std::optional<LessonPlan> parseLessonPlan(const std::string& path, std::string text, const Story& story,
                                          Diagnostics& diags);
// Reads the file, then parseLessonPlan.
std::optional<LessonPlan> loadLessonPlan(const std::string& path, const Story& story, Diagnostics& diags);

// The plan's settings into the options; values already set on the command line win
// (`explicitPause`, `explicitLength`).
void applyLessonPlan(const LessonPlan& plan, ClassroomOptions& options, bool explicitPause, bool explicitLength);

}  // namespace lc
