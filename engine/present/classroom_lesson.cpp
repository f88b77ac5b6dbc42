#include "present/classroom_lesson.h"

#include "load/lesson_plan.h"

namespace lc::present {

bool resolveLessonPlan(const Story& story, LessonRequest& request, bool explicitPause, bool explicitLength,
                       std::vector<std::string>& problems) {
  if (request.planPath.empty()) return true;
  Diagnostics diags;
  auto plan = loadLessonPlan(request.planPath, story, diags);
  for (const Diagnostic& d : diags.items()) problems.push_back(d.format());
  if (!plan) return false;
  applyLessonPlan(*plan, request.options, explicitPause, explicitLength);
  return true;
}

}  // namespace lc::present
