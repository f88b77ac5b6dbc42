// Classroom mode in the terminal player and the JSONL protocol: content notes, glossary
// marks, discussion pauses, chapter gates, the reading journal, the lesson timer and the
// export. The rules live in classroom/classroom.h; this file turns lines into them.
#include <poll.h>
#include <unistd.h>

#include <cerrno>

#include "app/classroom_console.h"
#include "classroom/lesson_rules.h"
#include "load/journal_export.h"
#include "core/suggest.h"
#include "platform/env.h"
#include "platform/random_id.h"

namespace lc {

ConsoleSession::Classroom::Classroom(const Story& story, const ClassroomOptions& opts)
    : lesson(story, opts, opts.now ? opts.now : NowFn(systemNowMs), newRandomId()) {}

const ClassroomRecord* ConsoleSession::record() const { return class_ ? &class_->lesson.record() : nullptr; }

RunnerOptions ConsoleSession::classroomRunnerOptions(const SessionOptions& options) {
  RunnerOptions r = options.runner;
  if (!r.newGameId) r.newGameId = newRandomId;
  // The lesson's gate and must-read hooks: class_ outlives runner_, and runner_ is a
  // member (its address holds).
  return class_ ? class_->lesson.runnerOptions(runner_, std::move(r)) : r;
}

bool ConsoleSession::waiting() const { return class_ && class_->wait != Classroom::Wait::Nothing; }

void ConsoleSession::stopWaiting() {
  if (!class_) return;
  class_->wait = Classroom::Wait::Nothing;
  class_->pauseEnd.clear();
  class_->draft.clear();
}

// Said once, when the lesson starts: only what differs from free play.
void ConsoleSession::classroomStart() {
  if (class_->started) return;
  class_->started = true;
  for (const std::string& notice : class_->lesson.openingNotices(story())) out_.notice(notice);
}

bool ConsoleSession::tick() {
  if (!class_) return false;
  Lesson& lesson = class_->lesson;
  const int64_t now = lesson.now();
  lesson.record().noteTime(now);
  bool said = false;
  if (class_->wait == Classroom::Wait::Pause && class_->pauseEnd.due(now)) {
    out_.pauseTimeUp();
    said = true;
  }
  if (int left = lesson.warningDue(); left >= 0) {
    out_.lessonWarning(left);
    if (runner_.state().scene >= 0) save("auto");
    plenary();
    said = true;
  }
  if (said) out_.ready(runner_);
  return said;
}

void ConsoleSession::classroomEvent(const Event& e) {
  Classroom& c = *class_;
  Lesson& lesson = c.lesson;
  if (e.type == EventType::SceneEntered || e.type == EventType::Ended) lesson.noteEvent(story(), e, runner_.state());
  switch (e.type) {
    case EventType::SceneEntered: {
      c.exam = lesson.takeExam();
      if (!c.exam.empty()) {  // the chapter just left has exam questions: they come first
        c.afterExam = e;
        return askExam();
      }
      return enterScene(e);
    }
    case EventType::Paragraph: {
      auto hits = lesson.glossary().paragraph(story(), e.text);
      if (hits.empty()) return out_.event(runner_, e);
      return out_.paragraph(runner_, e, hits);
    }
    case EventType::Prompt: {
      const int seconds = lesson.options().pauseSeconds;
      out_.pause(e.prompt->kind, e.text, seconds);
      c.wait = Classroom::Wait::Pause;
      if (seconds > 0) c.pauseEnd.set(lesson.now() + int64_t(seconds) * 1000);
      return;
    }
    case EventType::Journal:
      out_.event(runner_, e);
      for (const JournalEntry& j : runner_.state().journal)
        if (j.scene == e.scene && j.question == e.text) return;  // answered before (back, load)
      out_.writing(e.text);
      c.wait = Classroom::Wait::Reflection;
      c.afterReflection = Classroom::Wait::Nothing;
      c.freeNote = false;
      return;
    case EventType::Ended:
      out_.event(runner_, e);
      c.exam = lesson.takeExam();
      if (!c.exam.empty()) return askExam();  // the plenary follows the answers
      return plenary();
    case EventType::Choices: {
      const std::string held = heldChoicesText(runner_);
      if (!held.empty()) out_.notice(held);
      return out_.event(runner_, e);
    }
    case EventType::ChapterGate:
      lesson.gateChapter = e.chapter;
      return out_.event(runner_, e);
    default:
      return out_.event(runner_, e);
  }
}

void ConsoleSession::enterScene(const Event& e) {
  Lesson& lesson = class_->lesson;
  const int chapter = story().scenes[e.scene].chapter;
  if (chapter != lesson.noteChapter) {
    lesson.noteChapter = chapter;
    if (!story().chapters[chapter].contentNote.empty()) out_.contentNote(story().chapters[chapter]);
  }
  out_.event(runner_, e);
}

// The first exam question still to answer, written like a journal reflection.
void ConsoleSession::askExam() {
  Classroom& c = *class_;
  const ExamQuestion& q = c.exam.front();
  out_.notice("Exam question for the end of \"" + story().chapters[q.chapter].title + "\" (" + aoNames(q.ao) +
              "; answer from the novel itself): " + q.ask);
  out_.writing(q.ask);
  c.wait = Classroom::Wait::Reflection;
  c.afterReflection = Classroom::Wait::Nothing;
  c.freeNote = false;
}

// After an exam answer: the next question, or on with play (the new chapter's first scene,
// or the plenary when the story ended).
void ConsoleSession::examAnswered() {
  Classroom& c = *class_;
  c.exam.erase(c.exam.begin());
  if (!c.exam.empty()) return askExam();
  if (c.afterExam) {
    const Event e = *c.afterExam;
    c.afterExam.reset();
    return enterScene(e);
  }
  plenary();
}

// Lines that classroom mode reads differently: reflections, and Enter at a pause.
// Returns true when the line was handled here.
bool ConsoleSession::classroomLine(const std::string& line) {
  Classroom& c = *class_;
  if (c.wait == Classroom::Wait::Reflection) {
    std::string clean = cleanTypedLine(line);
    if (clean == ".") return finishReflection(), true;  // only a line that is exactly "." ends it
    c.draft.push_back(clean);
    auto [first, more] = splitCommand(clean);
    if (first == "." && more.empty())  // " . " is text: say so, or the student waits for nothing
      out_.notice("Kept as text. To finish, type a line that is exactly a full stop (.), with no spaces");
    return true;
  }
  auto [word, rest] = splitCommand(line);
  if (c.wait == Classroom::Wait::Pause) {
    if (!word.empty() && !isNumber(word)) return classroomCommand(word, rest);
    // Enter goes on; a choice number goes on and is taken (a program may answer at once).
    stopWaiting();
    pump();
    if (!word.empty() && waiting())
      out_.problem("the journal question comes first: write your reflection, then a line with only a full stop (.)");
    return word.empty() || waiting();
  }
  return classroomCommand(word, rest);
}

bool ConsoleSession::classroomCommand(const std::string& word, const std::string& rest) {
  if (word == "notes") {
    showNotes();
  } else if (word == "glossary") {
    showGlossary(rest);
  } else if (word == "journal" && rest == "show") {
    out_.journalEntries(runner_);
  } else if (word == "journal" && rest.empty()) {
    class_->afterReflection = class_->wait;
    class_->wait = Classroom::Wait::Reflection;
    class_->freeNote = true;
    out_.writing("");
  } else if (word == "open") {
    openChapter(rest);
  } else if (word == "name") {
    studentName(rest);
  } else if (word == "export") {
    exportJournal(rest);
  } else {
    return false;
  }
  out_.ready(runner_);
  return true;
}

void ConsoleSession::finishReflection() {
  Classroom& c = *class_;
  auto& lines = c.draft;
  while (!lines.empty() && lines.back().find_first_not_of(" \t") == std::string::npos) lines.pop_back();
  size_t first = 0;
  while (first < lines.size() && lines[first].find_first_not_of(" \t") == std::string::npos) ++first;
  std::string answer;
  for (size_t i = first; i < lines.size(); ++i) answer += (i > first ? "\n" : "") + lines[i];
  c.draft.clear();
  const bool exam = !c.exam.empty() && c.afterReflection == Classroom::Wait::Nothing && !c.freeNote;
  if (!answer.empty() && exam)
    runner_.addJournalAnswer(c.exam.front().scene, c.exam.front().ask, answer, isoUtc(c.lesson.now()));
  else if (!answer.empty())
    runner_.addJournalEntry(answer, isoUtc(c.lesson.now()), c.freeNote);
  out_.journalSaved(codePointCount(answer));
  c.wait = c.afterReflection;
  c.afterReflection = Classroom::Wait::Nothing;
  if (c.wait == Classroom::Wait::Pause) {
    const Prompt& p = *story().scenes[runner_.state().scene].prompt;
    out_.pause(p.kind, p.at(c.lesson.options().level), 0);
  }
  if (exam) examAnswered();
  pump();
}

void ConsoleSession::openChapter(const std::string& code) {
  if (code.empty()) return out_.problem("type open and the teacher's code: open CODE");
  Lesson& lesson = class_->lesson;
  const bool gated = runner_.phase() == Phase::Gated;
  int opened = -1;
  switch (lesson.open(code, gated ? lesson.gateChapter : -1, opened)) {
    case OpenResult::NothingClosed: return out_.notice("Every chapter is open already");
    case OpenResult::NoCode:
      return out_.problem("no teacher code was set for this lesson (lostcorner play --teacher-code CODE): "
                          "the closed chapters stay closed");
    case OpenResult::WrongCode: return out_.problem("that is not the teacher's code: the chapter stays closed");
    case OpenResult::Opened: break;
  }
  out_.chapterOpened(story().chapters[opened]);
  if (gated && opened == lesson.gateChapter) {
    runner_.retryGate();
    pump();
  }
}

void ConsoleSession::studentName(const std::string& name) {
  std::string& student = class_->lesson.student;
  if (name == "-") {
    student.clear();
    return out_.notice("Exports will carry no name");
  }
  if (name.empty()) {
    return out_.notice(student.empty() ? "Exports carry no name (type name and your name to add one)"
                                       : "Exports will carry the name: " + student + " (name - removes it)");
  }
  student = cleanTypedLine(name);
  out_.notice("Exports will carry the name: " + student + " (name - removes it)");
}

// Once, when the lesson nears its end or the story ends.
void ConsoleSession::plenary() {
  if (std::string text = class_->lesson.takePlenary(); !text.empty()) out_.notice("Plenary: " + text);
}

void ConsoleSession::showNotes() {
  // At a gate the note that matters is the one of the chapter about to open.
  int scene = runner_.state().scene;
  const Chapter* chapter = class_ && runner_.phase() == Phase::Gated ? &story().chapters[class_->lesson.gateChapter]
                           : scene < 0                               ? nullptr
                                                                     : &story().chapters[story().scenes[scene].chapter];
  if (!chapter) out_.notice("The story has not started yet");
  else if (chapter->contentNote.empty()) out_.notice("There is no content note for \"" + chapter->title + "\"");
  else out_.contentNote(*chapter);
}

void ConsoleSession::showGlossary(const std::string& term) {
  if (story().glossary.empty()) return out_.notice("This story has no glossary");
  std::vector<int> entries;
  const int chapter = runner_.state().scene >= 0 ? story().scenes[runner_.state().scene].chapter : -1;
  auto shown = [&](size_t i) {
    return !class_ || class_->lesson.glossary().shown(i, chapter);
  };  // a plan may keep terms back
  if (term.empty()) {
    for (size_t i = 0; i < story().glossary.size(); ++i)
      if (shown(i)) entries.push_back(static_cast<int>(i));
    if (entries.empty()) return out_.notice("No glossary terms yet in this lesson");
  } else {
    int i = findGlossaryEntry(story(), term);
    if (i >= 0 && !shown(static_cast<size_t>(i))) i = -1;
    if (i < 0) {
      std::vector<std::string> terms;
      for (size_t k = 0; k < story().glossary.size(); ++k)
        if (shown(k)) terms.push_back(story().glossary[k].first);
      std::string hint = didYouMean(term, terms);
      return out_.problem("'" + term + "' is not in the glossary" + (hint.empty() ? ": type glossary for the list" : "; " + hint));
    }
    entries.push_back(i);
  }
  out_.glossary(story(), entries);
}

void ConsoleSession::exportJournal(const std::string& folder) {
  std::vector<std::string> paths;
  std::string error, dir;
  if (!exportLessonJournal(class_->lesson, story(), runner_.state(), folder, paths, error, dir))
    return out_.problem("could not export the journal: " + error);
  out_.exported(dir, paths);
}

int ConsoleSession::runWithClock(int fd) {
  start();
  std::string buffer;
  char chunk[4096];
  for (;;) {
    for (size_t nl; (nl = buffer.find('\n')) != std::string::npos;) {
      std::string line = buffer.substr(0, nl);
      buffer.erase(0, nl + 1);
      if (!handleLine(line)) return 0;
    }
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, 1000);
    if (ready == 0) {
      tick();
      continue;
    }
    if (ready < 0 && errno == EINTR) continue;
    ssize_t n = ready < 0 ? -1 : ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer.append(chunk, static_cast<size_t>(n));
  }
  if (!buffer.empty()) handleLine(buffer);
  return 0;
}

}  // namespace lc
