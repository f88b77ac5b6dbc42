#include "present/classroom_lesson.h"

#include <algorithm>

#include "classroom/classroom_export.h"
#include "classroom/lesson_rules.h"
#include "load/journal_export.h"
#include "load/lesson_plan.h"
#include "platform/env.h"
#include "platform/random_id.h"

namespace lc::present {

Lesson::Lesson(const Story& story, ClassroomOptions options, NowFn now)
    : options_(std::move(options)),
      now_(std::move(now)),
      pacing_(ChapterPacing::fromOptions(story, options_)),
      exportId_(options_.exportId.empty() ? newRandomId() : options_.exportId) {}

RunnerOptions Lesson::runnerOptions(const Runner& runner) {
  RunnerOptions o;
  o.classroom = true;
  o.journal = true;
  o.chapterOpen = [this](int chapter) { return pacing_.isOpen(chapter); };
  o.startScene = options_.startScene;
  o.level = options_.level;
  o.objectives = options_.objectives;
  o.choiceHeld = mustReadHook(runner, options_.mustRead);
  glossary_.setReveal(options_.termFromChapter);
  return o;
}

std::string Lesson::takeStarter() {
  if (starterShown_ || options_.starter.empty()) return "";
  starterShown_ = true;
  return options_.starter;
}

std::string Lesson::takePlenary() {
  if (plenaryShown_ || options_.plenary.empty() || !plenaryDue_) return "";
  plenaryShown_ = true;
  return options_.plenary;
}

void Lesson::begin() {
  if (begun_) return;
  begun_ = true;
  const int64_t t = now_();
  timer_ = LessonTimer(t, options_.lessonMinutes, options_.warningMinutes);
  endMs_ = options_.lessonMinutes > 0 ? t + int64_t(options_.lessonMinutes) * 60000 : -1;
  record_ = ClassroomRecord(t);
}

int Lesson::warningDue() {
  if (!begun_ || !timer_.active()) return -1;
  const int64_t t = now_();
  if (!timer_.warningDue(t)) return -1;
  plenaryDue_ = true;
  return timer_.minutesLeft(t);
}

int64_t Lesson::msLeft() const {
  if (!begun_ || endMs_ < 0) return -1;
  return std::max<int64_t>(0, endMs_ - now_());
}

bool Lesson::endDue() {
  if (endShown_ || msLeft() != 0) return false;
  endShown_ = true;
  plenaryShown_ = true;  // the lesson's end card shows the plenary
  return true;
}

void Lesson::noteEvent(const Story& story, const Event& e, const State& state) {
  begin();
  if (e.type == EventType::SceneEntered) {
    glossary_.newScene(story.scenes[e.scene].chapter);
    record_.sceneShown(story, e.scene, now_());
  } else if (e.type == EventType::Ended) {
    record_.ended(story, state, e.text);
    plenaryDue_ = true;
  }
}

OpenResult Lesson::open(const std::string& code, int chapter) {
  int opened = -1;
  return pacing_.open(code, chapter, opened);
}

bool Lesson::exportJournal(const Story& story, const State& state, const std::string& folder, std::vector<std::string>& paths,
                           std::string& error, std::string& usedFolder) {
  usedFolder = !folder.empty() ? expandHome(folder)
               : !options_.exportDir.empty() ? options_.exportDir
                                             : documentsDir();
  const int64_t t = now_();
  record_.noteTime(t);
  const JournalExport in{story, state, record_, exportIdFor(options_.exportId, state, exportId_), student, t};
  return writeJournalExport(in, usedFolder, paths, error);
}

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
