// One classroom lesson, whatever shows it: the terminal player, the JSONL protocol and the
// window all hold one of these. It keeps what a lesson adds to play and State does not:
// which chapters are open, the lesson timer, the starter and plenary (each once), the
// glossary's marks and reveal, the record of time per chapter and endings, the student's
// name and export id, and the chapter's exam questions as the class leaves it. The front
// ends only show it and read lines or keys into it. No I/O: the clock and the session's
// random id are given.
#pragma once
#include <string>
#include <vector>

#include "classroom/classroom.h"
#include "core/runner.h"

namespace lc {

// An exam question due as play leaves its chapter (a plan's `exam: true`).
struct ExamQuestion {
  int chapter = -1;
  int scene = -1;   // where the answer is filed: the chapter's last scene on the route
  std::string ask;  // the version the lesson's level asks
  AoSet ao = 0;
};

class Lesson {
 public:
  // `now` gives epoch milliseconds; `sessionId` is this session's export id when the
  // options and the game give none (the front end's newRandomId).
  Lesson(const Story& story, ClassroomOptions options, NowFn now, std::string sessionId);

  const ClassroomOptions& options() const { return options_; }
  ChapterPacing& pacing() { return pacing_; }
  const ChapterPacing& pacing() const { return pacing_; }
  ClassroomRecord& record() { return record_; }
  const ClassroomRecord& record() const { return record_; }
  GlossaryTracker& glossary() { return glossary_; }
  int64_t now() const { return now_(); }

  // The runner's options for this lesson: `base` with prompts and journal questions on,
  // the chapter gate asking this lesson, the plan's start, level and objectives, and its
  // must-read scenes (the hook asks `runner`, which keeps it).
  RunnerOptions runnerOptions(const Runner& runner, RunnerOptions base = {});

  // The timer and the record start here: the first frame of play, or the terminal's start.
  void begin();
  // What differs from free play, said once as the lesson starts: closed chapters, the
  // timer, the starter ("Starter: ..."). Marks the starter as shown.
  std::vector<std::string> openingNotices(const Story& story);
  // The plan's starter, once, when the lesson begins; its plenary, once, after the
  // reminder or an ending. "" otherwise.
  std::string takeStarter();
  std::string takePlenary();
  // Once, a few minutes before the end: the minutes left (the plenary is due from then);
  // otherwise -1.
  int warningDue();
  // The lesson's time left in milliseconds (0 once it is up), or -1 without a lesson timer
  // or before the lesson began.
  int64_t msLeft() const;
  // Once, when the lesson's time is up: true.
  bool endDue();
  // Something the runner said: time per chapter, glossary marks, endings, exam questions.
  void noteEvent(const Story& story, const Event& e, const State& state);
  // The exam questions due since the last call (see ExamQuestion), each chapter once.
  std::vector<ExamQuestion> takeExam();

  // Opens `chapter` (-1: the next closed one) with the teacher's code.
  OpenResult open(const std::string& code, int chapter, int& opened) { return pacing_.open(code, chapter, opened); }
  // The id an export of `state` carries (classroom_export.h, exportIdFor).
  const std::string& exportId(const State& state) const;

  int noteChapter = -1;  // the chapter whose content note was shown last
  int gateChapter = -1;  // the chapter the class waits at
  std::string student;   // "" unless given: exports carry no name by default

 private:
  // No Story kept: hot reload may replace it under the front end.
  ClassroomOptions options_;
  NowFn now_;
  ChapterPacing pacing_;
  LessonTimer timer_;
  ClassroomRecord record_;
  GlossaryTracker glossary_;
  std::string sessionId_;
  bool begun_ = false;
  int64_t endMs_ = -1;  // when the lesson's time is up (-1: no timer)
  bool endShown_ = false;
  bool starterShown_ = false, plenaryShown_ = false, plenaryDue_ = false;
  int chapter_ = -1, scene_ = -1;  // where play was last
  std::vector<bool> examAsked_;    // by chapter
  std::vector<ExamQuestion> examDue_;
  void queueExam(const Story& story, int chapter, int scene);
};

}  // namespace lc
