// One playthrough of a loaded story: the Runner, the save slots, the scenes already read
// and the text shown so far (for the backlog). The screens share it; it draws nothing.
#pragma once
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/runner.h"
#include "core/save.h"
#include "load/save_store.h"
#include "platform/clock.h"
#include "platform/storage.h"
#include "present/classroom_lesson.h"

namespace lc::present {

// A save slot as the save/load screen shows it.
struct SlotView {
  std::string slot;   // "quick", "auto", "1".."9"
  std::string label;  // "Quick save", "Autosave", "Slot 1"
  bool exists = false;
  bool readable = false;
  SaveMeta meta;
  std::string error;  // why an existing save cannot be loaded
};

struct LoadOutcome {
  bool ok = false;
  std::string error;
  std::vector<std::string> notices;  // the story changed since the save: what was adapted
};

// Slots in the order the save/load screen lists them.
const std::vector<std::string>& slotNames();
std::string slotLabel(const std::string& slot);
// isoTimeNow() and readableTime() are platform/clock.h's.

class Session {
 public:
  struct Options {
    std::string saveDir;      // empty: SaveStore::defaultDir(story id)
    Storage* config = nullptr;  // keeps read/<story id>.txt, the scenes read; none: memory only
    bool classroom = false;
    NowFn lessonClock;        // epoch ms for classroom lessons (the window's clock)
  };
  Session(std::unique_ptr<Story> story, const Options& options);

  const Story& story() const { return *story_; }
  Runner& runner() { return runner_; }
  const Runner& runner() const { return runner_; }
  bool started() const { return started_; }

  void newGame();
  // Hot reload: plays on in the edited `story` from `state` (already adapted to it, see
  // load/reload.h). The previous story is kept until the next swap, for screens that
  // close during this frame.
  void replaceStory(std::unique_ptr<Story> story, const State& state);
  void chose(size_t index);   // takes a choice (the runner then has the next scene's events)
  bool back();                // rollback: undo the last choice
  bool unsaved() const { return started_ && unsaved_; }

  // Classroom mode: null until a lesson starts (command line or the title screen).
  Lesson* lesson() { return lesson_.get(); }
  void startLesson(const ClassroomOptions& options);

  bool save(const std::string& slot, std::string& error);
  // Does not count as saving for "unsaved progress". On failure `error` says why, the
  // first time only.
  bool autosave(std::string& error);
  LoadOutcome load(const std::string& slot);
  std::vector<SlotView> slots() const;
  bool slotExists(const std::string& slot) const;
  const std::string& saveDir() const { return store_.dir(); }

  // Scenes read before: skip only passes through these.
  bool wasRead(int scene) const;
  void markRead(int scene);
  void saveReadLog() const;

  // The backlog: paragraphs shown at each step of the state's history. The current
  // scene's are recorded whole when it begins; `setReached` says how many of them the
  // reader has been shown so far, so the backlog never lists what is still unread.
  void recordShown(const std::vector<std::string>& paragraphs);
  // `finished`: the text is done and what follows it (choices, prompt, ending) is showing.
  // Saves keep both, so a load resumes at the same place (core/save.h's SavePlace).
  void setReached(size_t paragraphs, bool finished = false) {
    reached_ = paragraphs;
    finished_ = finished;
  }
  // After a load: where in the scene the save was made, once (the play screen takes it);
  // nothing after a new game or rollback.
  std::optional<SavePlace> takeResumePlace() {
    std::optional<SavePlace> place = resumePlace_;
    resumePlace_.reset();
    return place;
  }
  std::vector<std::string> shownAt(size_t historyIndex) const;

 private:
  std::string saveText() const;

  std::unique_ptr<Story> story_;
  std::unique_ptr<Story> previous_;  // the story before the last hot reload
  Runner runner_;
  SaveStore store_;
  Storage* config_;
  std::string readLogName_;
  std::set<std::string> read_;  // qualified scene ids
  std::vector<std::pair<int, std::vector<std::string>>> shown_;  // by history index
  size_t reached_ = 0;  // paragraphs of the last history entry shown so far
  bool finished_ = false;
  std::optional<SavePlace> resumePlace_;
  bool started_ = false;
  bool unsaved_ = false;
  bool autosaveWarned_ = false;
  NowFn lessonClock_;
  std::unique_ptr<Lesson> lesson_;
};

}  // namespace lc::present
