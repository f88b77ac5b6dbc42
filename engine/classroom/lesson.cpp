#include "classroom/lesson.h"

#include <algorithm>
#include <utility>
#include "classroom/classroom_export.h"

#include "classroom/lesson_rules.h"

namespace lc {

Lesson::Lesson(const Story& story, ClassroomOptions options, NowFn now, std::string sessionId)
    : options_(std::move(options)),
      now_(std::move(now)),
      pacing_(ChapterPacing::fromOptions(story, options_)),
      sessionId_(std::move(sessionId)),
      examAsked_(story.chapters.size(), false) {
  glossary_.setReveal(options_.termFromChapter);
}

RunnerOptions Lesson::runnerOptions(const Runner& runner, RunnerOptions o) {
  o.classroom = true;
  o.journal = true;
  o.chapterOpen = [this](int chapter) {
    return pacing_.isOpen(chapter);
  };  // the front end keeps the lesson past the runner
  o.startScene = options_.startScene;
  o.level = options_.level;
  o.objectives = options_.objectives;
  o.choiceHeld = mustReadHook(runner, options_.mustRead);
  return o;
}

void Lesson::begin() {
  if (begun_) return;
  begun_ = true;
  const int64_t t = now_();
  timer_ = LessonTimer(t, options_.lessonMinutes, options_.warningMinutes);
  endMs_ = options_.lessonMinutes > 0 ? t + int64_t(options_.lessonMinutes) * 60000 : -1;
  record_ = ClassroomRecord(t);
}

std::vector<std::string> Lesson::openingNotices(const Story& story) {
  begin();
  std::vector<std::string> out;
  if (pacing_.teacherPaced()) {
    std::string shut;
    for (int c : pacing_.closed()) shut += (shut.empty() ? "" : ", ") + story.chapters[c].title;
    if (pacing_.hasCode())
      out.push_back("Teacher-paced lesson: the class waits before " + shut + " until the teacher types: open CODE");
    else if (!shut.empty())
      out.push_back("These chapters stay closed in this lesson (no teacher code was set): " + shut);
  }
  if (timer_.active()) out.push_back(lessonTimerNotice(options_.lessonMinutes, options_.warningMinutes));
  if (std::string starter = takeStarter(); !starter.empty()) out.push_back("Starter: " + starter);
  return out;
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

int Lesson::warningDue() {
  if (!begun_ || !timer_.active()) return -1;
  const int64_t t = now_();
  if (!timer_.warningDue(t)) return -1;
  plenaryDue_ = true;
  return timer_.minutesLeft(t);
}

void Lesson::queueExam(const Story& story, int chapter, int scene) {
  if (!options_.exam || chapter < 0 || chapter >= static_cast<int>(story.chapters.size())) return;
  if (static_cast<size_t>(chapter) >= examAsked_.size()) examAsked_.resize(story.chapters.size(), false);
  if (examAsked_[chapter]) return;
  examAsked_[chapter] = true;
  for (const Ask& a : story.chapters[chapter].exam)
    if (const std::string* ask = a.pick(options_.level, 0)) examDue_.push_back({chapter, scene, *ask, a.objectives()});
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
    const int chapter = story.scenes[e.scene].chapter;
    glossary_.newScene(chapter);
    record_.sceneShown(story, e.scene, now_());
    if (chapter_ >= 0 && chapter > chapter_) queueExam(story, chapter_, scene_);  // moved on to a later chapter
    chapter_ = chapter;
    scene_ = e.scene;
  } else if (e.type == EventType::Ended) {
    record_.ended(story, state, e.text);
    plenaryDue_ = true;
    if (e.scene >= 0) queueExam(story, story.scenes[e.scene].chapter, e.scene);
  }
}

std::vector<ExamQuestion> Lesson::takeExam() { return std::exchange(examDue_, {}); }

const std::string& Lesson::exportId(const State& state) const {
  return exportIdFor(options_.exportId, state, sessionId_);
}

}  // namespace lc
