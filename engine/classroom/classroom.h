// Classroom mode, the parts every front end shares (terminal, protocol, SDL window):
// glossary marking, teacher-paced chapters, the lesson timer, and the record of a
// lesson that State does not keep (time per chapter, endings reached). No I/O: the
// front end passes the time in, so tests can run a 50-minute lesson in no time.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/state.h"
#include "core/story.h"
#include "platform/clock.h"  // the time formats only: the clock itself is the front end's

namespace lc {

// ---- Time -------------------------------------------------------------------------

// Milliseconds since the Unix epoch. Front ends pass systemNowMs; tests their own clock.
using NowFn = std::function<int64_t()>;

// An alarm that rings once: set(at), then due(now) is true the first time now >= at.
class Alarm {
 public:
  void set(int64_t atMs) { at_ = atMs; rung_ = false; }
  void clear() { at_ = -1; }
  bool armed() const { return at_ >= 0 && !rung_; }
  bool due(int64_t nowMs);
  int64_t at() const { return at_; }

 private:
  int64_t at_ = -1;
  bool rung_ = false;
};

// ---- Settings ---------------------------------------------------------------------

// How a lesson runs; filled from the command line and the lesson plan file.
struct ClassroomOptions {
  bool enabled = false;
  bool homework = false;          // student-paced: every chapter open, whatever else is set
  std::string teacherCode;        // "" = none: closed chapters cannot be opened
  bool hasOpenList = false;       // the lesson plan listed its open chapters
  std::vector<int> openChapters;  // chapter indexes open from the start
  int pauseSeconds = 0;           // discussion countdown; 0 = none (still waits for Enter)
  int lessonMinutes = 0;          // 0 = no lesson timer
  int warningMinutes = 5;         // the soft warning comes this long before the end
  std::string exportDir;          // "" = documentsDir() (platform/env.h)
  std::string exportId;           // "" = a fresh random id for this session (newRandomId)
  NowFn now;                      // empty = systemNowMs (the front end's default)
  // From the lesson plan (classroom/lesson_rules.h applies them):
  int startScene = -1;                // where the class starts; -1 = the story's start
  std::vector<int> mustRead;          // scenes read before the class leaves their chapter
  std::vector<int> termFromChapter;   // by glossary term: the chapter it appears from
                                      // (-1 = always, kTermHidden = never); empty = all shown
  std::string starter, plenary;       // questions for the start and the end of the lesson
  AskLevel level = AskLevel::Core;    // which version of each question is asked
  AoSet objectives = 0;               // only questions tagged with one of these; 0 = all
  bool exam = false;                  // the chapter's exam questions at its end
};

inline constexpr int kTermHidden = 1 << 30;

// A line a student typed, made safe to keep: invalid UTF-8 becomes U+FFFD, control
// characters (but tabs) are dropped, a trailing CR goes.
std::string cleanTypedLine(std::string_view line);

// ---- Glossary ---------------------------------------------------------------------

struct GlossaryHit {
  size_t term = 0;   // index into Story::glossary
  size_t begin = 0;  // byte range of the match in the paragraph
  size_t end = 0;
  bool first = false;  // the first time this term appears in the scene
};

// Glossary terms in `text`: whole words, ASCII case ignored; a term's leading "the" is
// optional ("the Sales" matches "Sales"), and plurals match ("carer": "carers"; "tokens":
// "token"). Longest match wins; matches do not overlap. In text order, `first` unset.
std::vector<GlossaryHit> findGlossaryTerms(const Story& story, std::string_view text);
// The glossary entry for a term as a reader types it (case ignored, plural or "the"
// allowed), or -1.
int findGlossaryEntry(const Story& story, std::string_view term);
// `text` with "*" after each hit whose `first` is set: "the carers* came".
std::string markGlossaryTerms(std::string_view text, const std::vector<GlossaryHit>& hits);

// Remembers which terms a scene has already explained, so each is marked once a scene.
// Terms the plan keeps back (ClassroomOptions::termFromChapter) are never marked.
class GlossaryTracker {
 public:
  void newScene(int chapter = -1) { seen_.clear(), chapter_ = chapter; }
  void setReveal(std::vector<int> termFromChapter) { fromChapter_ = std::move(termFromChapter); }
  // Whether term `t` may be shown in `chapter` (the glossary command lists only these).
  bool shown(size_t term, int chapter) const;
  int chapter() const { return chapter_; }
  std::vector<GlossaryHit> paragraph(const Story& story, std::string_view text);

 private:
  std::vector<size_t> seen_;
  std::vector<int> fromChapter_;
  int chapter_ = -1;
};

// ---- Teacher-paced chapters -------------------------------------------------------

enum class OpenResult { Opened, WrongCode, NoCode, NothingClosed };

class ChapterPacing {
 public:
  ChapterPacing() = default;  // every chapter open
  // Chapters in `open` and the start chapter are open; the others wait for `code`.
  ChapterPacing(const Story& story, const std::vector<int>& open, std::string code);
  // From the options: homework or no code and no list: all open; a code alone closes
  // every chapter after the start chapter.
  static ChapterPacing fromOptions(const Story& story, const ClassroomOptions& options);

  bool isOpen(int chapter) const;
  bool teacherPaced() const { return !open_.empty(); }
  bool hasCode() const { return !code_.empty(); }
  std::vector<int> closed() const;
  // Opens `chapter`, or the first closed one when -1, if `code` is right (ASCII case
  // and surrounding spaces ignored, so a slip of the caps lock does not hold a class).
  OpenResult open(std::string_view code, int chapter, int& opened);

 private:
  std::vector<uint8_t> open_;  // by chapter; empty = all open
  std::string code_;
};

// ---- Lesson timer -----------------------------------------------------------------

// When the reminder comes, in milliseconds before the end: `warningMinutes`, or halfway
// through when the lesson is no longer than that (a 1-minute lesson cannot warn 5 before).
int64_t lessonWarningMs(int lengthMinutes, int warningMinutes);
// "Lesson timer: 50 minutes; a reminder 5 minutes before the end, with an autosave",
// "Lesson timer: 1 minute; a reminder halfway through, with an autosave".
std::string lessonTimerNotice(int lengthMinutes, int warningMinutes);
// "1 minute", "5 minutes".
std::string minutesCount(int minutes);
// The reminder: "About 5 minutes of the lesson left", "Under a minute of the lesson left".
std::string lessonLeftText(int minutesLeft);

class LessonTimer {
 public:
  LessonTimer() = default;  // no lesson length: never warns
  LessonTimer(int64_t startMs, int lengthMinutes, int warningMinutes);
  bool active() const { return endMs_ >= 0; }
  bool warningDue(int64_t nowMs) { return warning_.due(nowMs); }  // once
  int minutesLeft(int64_t nowMs) const;  // rounded to the nearest minute, never negative

 private:
  int64_t endMs_ = -1;
  Alarm warning_;
};

// ---- What a lesson leaves behind that State does not keep ---------------------------

class ClassroomRecord {
 public:
  explicit ClassroomRecord(int64_t startMs = 0) : since_(startMs) {}
  // A scene is on screen now: the time since the last call goes to the chapter shown so far.
  void sceneShown(const Story& story, int scene, int64_t nowMs);
  void noteTime(int64_t nowMs);
  // The playthrough reached an ending (kept: a restart clears State's history). An
  // untitled ending is named by its scene's title (or id).
  void ended(const Story& story, const State& state, const std::string& ending);

  const std::vector<int64_t>& msPerChapter() const { return ms_; }
  const std::vector<std::string>& endings() const { return endings_; }
  // The route an export tells: the current playthrough, or the last finished one when
  // the current has not yet got past its first scene.
  const std::vector<HistoryEntry>& routeFor(const State& current) const;

 private:
  int chapter_ = -1;
  int64_t since_ = 0;
  std::vector<int64_t> ms_;
  std::vector<std::string> endings_;  // distinct, in the order reached
  std::vector<HistoryEntry> finished_;
};

}  // namespace lc
