// The Runner: the story's state machine that every front end pulls from.
//
//   Entering -> Showing -> Prompting -> Choosing -> (Entering | Ended)
//                                   \-> DeadEnd / Faulted (back() or restart())
//
// A front end loops: while (runner.hasEvent()) show(runner.next()); then, when
// phase() is Choosing, calls choose(i). No I/O, no rendering: the runner only
// tells what happens; the front end decides how it looks and sounds.
#pragma once
#include <deque>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/play.h"
#include "core/state.h"
#include "core/story.h"

namespace lc {

enum class Phase { Entering, Showing, Prompting, Choosing, Ended, DeadEnd, Faulted, Gated };

enum class EventType {
  SceneEntered,  // scene: the scene now shown (resumed: true after load/back)
  Music,         // cue: music cue index, -1 = silence
  Sound,         // cue: sound cue index, loop; a looping sound with cue -1 means it stops
  Paragraph,     // text
  Prompt,        // classroom discussion pause: prompt
  Journal,       // reading-journal question: text
  Choices,       // the choices are ready: see Runner::choices()
  Ended,         // the playthrough ended: text = ending title (may be empty)
  DeadEnd,       // no choice can be taken: text = message; offer back() or restart()
  Fault,         // run-time error: text = "file:line:col: message"
  ChapterGate,   // the next chapter is not open yet: chapter = its index; retryGate() later
};

struct Event {
  EventType type = EventType::Paragraph;
  int scene = -1;
  int cue = -1;
  int chapter = -1;  // ChapterGate
  bool loop = false;
  bool resumed = false;
  std::string text;
  const Prompt* prompt = nullptr;
};

struct RunnerOptions {
  bool classroom = false;  // emit Prompt events
  bool journal = false;    // emit Journal events
  size_t undoLimit = 200;  // how many choices back() can undo
  // Classroom pacing: asked before play crosses into another chapter; false holds the
  // class at the gate (ChapterGate event) until retryGate() finds it open.
  std::function<bool(int chapter)> chapterOpen;
  // A new game's export id (State::exportId). The core draws nothing at random: the front
  // ends give platform/random_id.h's newRandomId, tests a counter; empty: games have none.
  std::function<std::string()> newGameId;
  // A lesson plan's choice of questions: the version asked (support, core or stretch) and
  // the objectives asked about (0 = every prompt and journal question).
  AskLevel level = AskLevel::Core;
  AoSet objectives = 0;
  // Where a new playthrough starts (a lesson plan's `start`); -1 = the story's start.
  int startScene = -1;
  // Values a new playthrough starts with instead of the initial ones, by variable slot
  // (`play --set`, for testing from any point); already checked against the types.
  std::vector<std::pair<int, Value>> startValues;
  // Classroom must-read scenes: why taking `choice` at `scene` must wait ("" = it need
  // not). Held choices are left out of choices() and listed in held(), unless every
  // choice would be held (the class is never stranded).
  std::function<std::string(int scene, const VisibleChoice& choice)> choiceHeld;
};

struct HeldChoice {
  VisibleChoice choice;
  std::string reason;
};

class Runner {
 public:
  explicit Runner(const Story& story, RunnerOptions options = {});

  void restart();                  // a new playthrough from `start`
  void resume(const State& state); // carry on from a loaded state (shows its scene again)
  // The same, with the rollback steps a save kept (oldest first), so back() works on.
  void resume(const State& state, std::vector<State> rollback);
  // Hot reload: carry on in an edited story (the state already adapted to it, see
  // load/reload.h). `story` must outlive the runner, or the next such call.
  void resume(const Story& story, const State& state);
  bool hasEvent();                 // advances the state machine as far as it can
  Event next();                    // the next pending event (call hasEvent() first)
  Phase phase() const { return phase_; }

  // The choices on offer while phase() == Choosing.
  const std::vector<VisibleChoice>& choices() const { return visible_; }
  const std::vector<HeldChoice>& held() const { return held_; }  // see RunnerOptions::choiceHeld
  const std::string& label(size_t i) const;                      // as the player reads it (tags rendered)
  // The current scene's title as the player reads it ("" when it has none).
  const std::string& title() const { return title_; }
  bool choose(size_t i);           // false if i is out of range or not choosing
  bool canGoBack() const { return !undo_.empty(); }
  bool back();                     // undo the last choice, show that scene again
  // The states back() returns to, oldest first (what a save keeps of rollback).
  std::vector<State> rollbackSteps() const { return {undo_.begin(), undo_.end()}; }
  void retryGate();                // after a ChapterGate: go on if the chapter is open now
  // Writes a reading-journal entry for the current scene's question (or a free note).
  void addJournalEntry(std::string answer, std::string writtenAt, bool freeNote = false);
  // An answer to a question that is not the scene's own (a chapter's exam question), filed
  // at `scene` (a scene of the route).
  void addJournalAnswer(int scene, std::string question, std::string answer, std::string writtenAt);

  const State& state() const { return state_; }
  const Story& story() const { return *story_; }
  const RunnerOptions& options() const { return options_; }
  // Classroom mode can be chosen after the story was opened (the title screen's Classroom).
  void setOptions(RunnerOptions options) { options_ = std::move(options); }

 private:
  void stepEntering();
  void stepShowing();
  void stepPrompting();
  void stepChoosing();
  void showScene(bool resumed, bool musicChanged, bool ambientChanged);
  void fault(const PlayError& error);
  void holdChoices();

  const Story* story_;  // a pointer, so hot reload can move the runner to an edited story
  RunnerOptions options_;
  State state_;
  Phase phase_ = Phase::Ended;
  int target_ = -1;   // scene to enter while phase_ == Entering
  bool choicesAnnounced_ = false;
  std::deque<Event> pending_;
  std::vector<VisibleChoice> visible_;
  std::vector<HeldChoice> held_;
  std::deque<State> undo_;
  std::vector<std::string> paragraphs_;
  std::vector<std::string> labels_;  // of visible_, rendered
  std::string title_;
};

}  // namespace lc
