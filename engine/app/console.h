// The console front ends: a session reads lines (choice numbers and commands) and a
// presenter writes what happens, as plain text for people and screen readers, or as
// one JSON object per line for programs.
#pragma once
#include <cstdio>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "classroom/classroom.h"
#include "core/runner.h"
#include "load/reload.h"
#include "load/story_watcher.h"
#include "load/save_store.h"

namespace lc {

class Presenter {
 public:
  virtual ~Presenter() = default;
  virtual void event(const Runner& runner, const Event& e) = 0;
  virtual void notice(const std::string& text) = 0;    // something the player should know
  virtual void problem(const std::string& text) = 0;   // a command that could not be done
  virtual void saved(const std::string& slot, const std::string& path) = 0;
  virtual void loaded(const std::string& slot, const std::vector<std::string>& notices) = 0;
  virtual void history(const Runner& runner) = 0;
  virtual void help(bool classroom) = 0;                // the commands (classroom ones too)
  virtual void ready(const Runner& runner) = 0;         // waiting for input

  // Classroom mode (--classroom) only; see classroom_console.cpp.
  // A paragraph in which glossary terms were found (`first`: explain it now).
  virtual void paragraph(const Runner& runner, const Event& e, const std::vector<GlossaryHit>& hits) = 0;
  virtual void contentNote(const Chapter& chapter) = 0;    // before a chapter, or asked for
  virtual void pause(PromptKind kind, const std::string& ask, int seconds) = 0;  // discussion card: waits for Enter
  virtual void pauseTimeUp() = 0;                           // the countdown ran out (still waits)
  virtual void writing(const std::string& question) = 0;   // reading lines of a reflection ("" = free note)
  virtual void journalSaved(size_t chars) = 0;              // 0: nothing was written
  virtual void journalEntries(const Runner& runner) = 0;    // `journal show`
  virtual void glossary(const Story& story, const std::vector<int>& entries) = 0;
  virtual void chapterOpened(const Chapter& chapter) = 0;
  virtual void lessonWarning(int minutesLeft) = 0;
  virtual void exported(const std::string& folder, const std::vector<std::string>& files) = 0;

  // Hot reload (reload.h): the story was read again after an edit (ok), or the edit has
  // errors and the previous version goes on (the diagnostics say where).
  virtual void reloaded(const ReloadResult& result) = 0;
};

std::unique_ptr<Presenter> makeTextPresenter(FILE* out, bool interactive);
std::unique_ptr<Presenter> makeJsonlPresenter(FILE* out);
// `text` with every control character but newline and tab replaced by U+FFFD: what the
// terminal player writes (a story's ESC sequences or typed ones never reach the terminal).
std::string terminalSafe(const std::string& text);

struct SessionOptions {
  std::string saveDir;  // empty: SaveStore::defaultDir(story id)
  RunnerOptions runner;
  ClassroomOptions classroom;  // enabled: discussion pauses, gates, journal, timer, export
  std::string storyPath;  // where the story was read: enables hot reload (not in classroom mode)
};

class ConsoleSession {
 public:
  ConsoleSession(const Story& story, Presenter& presenter, const SessionOptions& options);
  ~ConsoleSession();
  void start();
  // Handles one line of input; false when the player quits.
  bool handleLine(const std::string& line);
  // Reads lines until quit or end of input. Returns the process exit code.
  int run(std::istream& in);
  // The same from a file descriptor, waking every second between lines so that the
  // lesson timer and the discussion countdown speak up on time (classroom mode).
  int runWithClock(int fd);
  // Classroom mode: lets the lesson timer and the countdown check the clock (each
  // input line does too). True if something was said.
  bool tick();
  Runner& runner() { return runner_; }
  // Hot reload: reads the story again and carries on where the player is. With
  // `onlyIfChanged`, only when a story file changed on disk since the last look.
  void reload(bool onlyIfChanged);
  const ClassroomRecord* record() const;  // classroom mode only, else nullptr

 private:
  struct Classroom;  // classroom_console.cpp

  void pump();
  void save(const std::string& slot);
  void load(const std::string& slot);
  bool choose(const std::string& word);

  // Classroom mode (classroom_console.cpp).
  RunnerOptions classroomRunnerOptions(const SessionOptions& options);
  void classroomStart();
  void classroomEvent(const Event& e);
  bool classroomLine(const std::string& line);  // true: handled (quit is never handled here)
  bool classroomCommand(const std::string& word, const std::string& rest);
  void finishReflection();
  void enterScene(const Event& e);  // a scene's content note (new chapter) and heading
  void askExam();
  void examAnswered();
  void openChapter(const std::string& code);
  void exportJournal(const std::string& folder);
  void plenary();
  void studentName(const std::string& name);
  void showNotes();  // content note of this chapter (notes command, any mode)
  void showGlossary(const std::string& term);
  bool waiting() const;
  void stopWaiting();

  // One owner: the runner's story, the reloaded one after a hot reload (a copy kept here
  // once read the new story's scene indexes in the old one).
  const Story& story() const { return runner_.story(); }

  Presenter& out_;
  std::unique_ptr<Classroom> class_;  // null unless --classroom
  Runner runner_;
  SaveStore store_;
  // Hot reload: the story path, the file watcher and the edited story now being played
  // (the one given to the constructor stays with the caller, and with class_).
  std::string storyPath_;
  std::unique_ptr<StoryWatcher> watcher_;
  std::unique_ptr<Story> reloaded_;
};

}  // namespace lc
