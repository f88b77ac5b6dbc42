// Classroom mode in the window: the lesson (classroom/lesson.h, one model for every front
// end) and how the window asks for one (the command line or the Classroom setup screen,
// with or without a lesson plan). The Session owns the lesson. No drawing here.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "classroom/lesson.h"

namespace lc::present {

// The lesson itself is classroom/lesson.h's, the same the terminal and the protocol hold.
using lc::Lesson;

// What a lesson was asked for: from the command line or the title screen's Classroom.
struct LessonRequest {
  ClassroomOptions options;
  std::string planPath;  // a lesson plan to read against the story ("" = none)
};

// Applies the lesson plan (if any) to the request's options. False with the plan's
// diagnostics (file:line:col) in `problems` when it cannot be used.
bool resolveLessonPlan(const Story& story, LessonRequest& request, bool explicitPause, bool explicitLength,
                       std::vector<std::string>& problems);

}  // namespace lc::present
