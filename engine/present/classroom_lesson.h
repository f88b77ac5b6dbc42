// Classroom mode in the window: the lesson's state that is not the story's (which chapters
// are open, the lesson timer, time per chapter, the export id) built from the shared
// pieces in classroom/classroom.h. The Session owns it; the screens and Game::frame use it.
// No drawing here.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "classroom/classroom.h"
#include "core/runner.h"

namespace lc::present {

class Lesson {
 public:
  // `now` gives epoch milliseconds; the window passes one built on its own (injectable)
  // clock so tests can run a lesson in no time.
  Lesson(const Story& story, ClassroomOptions options, NowFn now);

  const ClassroomOptions& options() const { return options_; }
  ChapterPacing& pacing() { return pacing_; }
  ClassroomRecord& record() { return record_; }
  GlossaryTracker& glossary() { return glossary_; }
  int64_t now() const { return now_(); }

  // The runner's classroom options, with its chapter gate asking this lesson and the
  // plan's start and must-read scenes (held choices ask `runner`, which keeps the hook).
  RunnerOptions runnerOptions(const Runner& runner);
  // The plan's starter, once, when the lesson begins; its plenary, once, at the reminder
  // or the ending. "" otherwise.
  std::string takeStarter();
  std::string takePlenary();
  // The timer starts with the first frame of play (not when the story was read).
  void begin();
  // Once, a few minutes before the end: the minutes left; otherwise -1.
  int warningDue();
  // The lesson's time left in milliseconds (0 once it is up), or -1 without a lesson timer
  // or before the lesson began.
  int64_t msLeft() const;
  // Once, when the lesson's time is up: true.
  bool endDue();
  // Something the runner said: time per chapter and the endings reached.
  void noteEvent(const Story& story, const Event& e, const State& state);

  // Opens the closed chapter the class waits at (-1: the next closed one).
  OpenResult open(const std::string& code, int chapter);
  // Writes the export files into `folder` ("" = the lesson's export folder).
  bool exportJournal(const Story& story, const State& state, const std::string& folder, std::vector<std::string>& paths,
                     std::string& error, std::string& usedFolder);

  int noteChapter = -1;   // the chapter whose content note was shown last
  std::string student;    // "" unless given: exports carry no name by default

 private:
  // No Story kept: hot reload may replace it under the session (see Session::replaceStory).
  ClassroomOptions options_;
  NowFn now_;
  ChapterPacing pacing_;
  LessonTimer timer_;
  ClassroomRecord record_;
  GlossaryTracker glossary_;
  std::string exportId_;
  bool begun_ = false;
  int64_t endMs_ = -1;  // when the lesson's time is up (-1: no timer)
  bool endShown_ = false;
  bool starterShown_ = false, plenaryShown_ = false, plenaryDue_ = false;
};

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
