#include "core/runner.h"

namespace lc {
namespace {

Event makeEvent(EventType type, int scene, std::string text = {}) {
  Event e;
  e.type = type;
  e.scene = scene;
  e.text = std::move(text);
  return e;
}

}  // namespace

Runner::Runner(const Story& story, RunnerOptions options)
    : story_(&story), options_(options), state_(State::initial(story)) {}

void Runner::restart() {
  std::string exportId = std::move(state_.exportId);
  if (exportId.empty() && options_.newGameId) exportId = options_.newGameId();
  state_ = State::initial(*story_);
  for (const auto& [slot, value] : options_.startValues)
    if (slot >= 0 && static_cast<size_t>(slot) < state_.vars.size()) state_.vars[static_cast<size_t>(slot)] = value;
  state_.exportId = std::move(exportId);
  undo_.clear();
  pending_.clear();
  target_ = options_.startScene >= 0 && options_.startScene < static_cast<int>(story_->scenes.size()) ? options_.startScene
                                                                                                    : story_->start;
  phase_ = Phase::Entering;
}

void Runner::resume(const State& state) {
  state_ = state;
  undo_.clear();
  pending_.clear();
  showScene(true, true, true);
}

void Runner::resume(const State& state, std::vector<State> rollback) {
  resume(state);
  const size_t first = rollback.size() > options_.undoLimit ? rollback.size() - options_.undoLimit : 0;
  for (size_t i = first; i < rollback.size(); ++i) undo_.push_back(std::move(rollback[i]));
}

void Runner::resume(const Story& story, const State& state) {
  story_ = &story;
  if (state.scene >= 0) return resume(state);  // clears the undo stack: it indexes the old story
  // Not started yet: nothing to show until restart().
  state_ = state;
  undo_.clear();
  pending_.clear();
  phase_ = Phase::Ended;
}

bool Runner::hasEvent() {
  // Each step either queues events or changes phase; stop when the player must act.
  while (pending_.empty()) {
    const Phase before = phase_;
    switch (phase_) {
      case Phase::Entering: stepEntering(); break;
      case Phase::Showing: stepShowing(); break;
      case Phase::Prompting: stepPrompting(); break;
      case Phase::Choosing: stepChoosing(); break;
      default: break;
    }
    if (pending_.empty() && phase_ == before) break;
  }
  return !pending_.empty();
}

Event Runner::next() {
  if (pending_.empty() && !hasEvent()) return makeEvent(EventType::Choices, state_.scene);
  Event e = std::move(pending_.front());
  pending_.pop_front();
  return e;
}

void Runner::stepEntering() {
  const int chapter = story_->scenes[target_].chapter;
  const bool crossing = state_.scene < 0 || story_->scenes[state_.scene].chapter != chapter;
  if (crossing && options_.chapterOpen && !options_.chapterOpen(chapter)) {
    Event gate = makeEvent(EventType::ChapterGate, state_.scene, story_->chapters[chapter].title);
    gate.chapter = chapter;
    pending_.push_back(gate);
    phase_ = Phase::Gated;
    return;
  }
  PlayError error;
  const int musicBefore = state_.music, ambientBefore = state_.ambient;
  if (!enterScene(*story_, state_, target_, error)) return fault(error);
  state_.history.push_back({state_.scene, {}});  // where play stopped, past scenes without text
  showScene(false, musicBefore != state_.music, ambientBefore != state_.ambient);
}

// Queues what a person sees on arriving at (or returning to) the current scene.
void Runner::showScene(bool resumed, bool musicChanged, bool ambientChanged) {
  const int scene = state_.scene;
  const Scene& s = story_->scenes[scene];
  Event entered = makeEvent(EventType::SceneEntered, scene);
  entered.resumed = resumed;
  pending_.push_back(entered);
  if (musicChanged) {  // a cue for what is already playing is no change
    Event music = makeEvent(EventType::Music, scene);
    music.cue = state_.music;
    music.resumed = resumed;
    pending_.push_back(music);
  }
  if (!resumed && s.sound.cue >= 0 && !s.sound.loop) {
    Event sound = makeEvent(EventType::Sound, scene);
    sound.cue = s.sound.cue;
    pending_.push_back(sound);
  }
  // The looping sound: started, replaced or stopped (cue -1); restated on resume.
  if (ambientChanged) {
    Event sound = makeEvent(EventType::Sound, scene);
    sound.cue = state_.ambient;
    sound.loop = true;
    sound.resumed = resumed;
    pending_.push_back(sound);
  }
  PlayError error;
  if (!sceneTitle(*story_, state_, scene, title_, error)) return fault(error);
  if (!sceneParagraphs(*story_, state_, scene, paragraphs_, error)) return fault(error);
  phase_ = Phase::Showing;
}

void Runner::stepShowing() {
  const int scene = state_.scene;
  for (auto& p : paragraphs_) pending_.push_back(makeEvent(EventType::Paragraph, scene, std::move(p)));
  paragraphs_.clear();
  phase_ = Phase::Prompting;
}

void Runner::stepPrompting() {
  const Scene& s = story_->scenes[state_.scene];
  const std::string* ask = s.prompt ? s.prompt->pick(options_.level, options_.objectives) : nullptr;
  if (options_.classroom && ask) {
    Event e = makeEvent(EventType::Prompt, state_.scene, *ask);
    e.prompt = &*s.prompt;
    pending_.push_back(e);
  }
  if (const std::string* question = s.journal.pick(options_.level, options_.objectives); options_.journal && question)
    pending_.push_back(makeEvent(EventType::Journal, state_.scene, *question));
  PlayError error;
  if (s.isEnd) {
    std::string ending;
    if (!endingTitle(*story_, state_, state_.scene, ending, error)) return fault(error);
    pending_.push_back(makeEvent(EventType::Ended, state_.scene, std::move(ending)));
    phase_ = Phase::Ended;
    return;
  }
  if (!visibleChoices(*story_, state_, state_.scene, visible_, error)) return fault(error);
  holdChoices();
  labels_.resize(visible_.size());
  for (size_t i = 0; i < visible_.size(); ++i)
    if (!choiceText(*story_, state_, visible_[i], labels_[i], error)) return fault(error);
  if (visible_.empty()) {
    std::string where = story_->where(s.loc);
    pending_.push_back(makeEvent(EventType::DeadEnd, state_.scene,
        (where.empty() ? "" : where + ": ") + "dead end: no choice can be taken in scene '" +
            s.qualified + "'. Go back one step, or return to the title."));
    phase_ = Phase::DeadEnd;
    return;
  }
  choicesAnnounced_ = false;
  phase_ = Phase::Choosing;
}

void Runner::holdChoices() {
  held_.clear();
  if (!options_.choiceHeld) return;
  std::vector<VisibleChoice> open;
  for (const VisibleChoice& c : visible_) {
    std::string why = options_.choiceHeld(state_.scene, c);
    if (why.empty()) open.push_back(c);
    else held_.push_back({c, std::move(why)});
  }
  if (open.empty()) held_.clear();  // nothing else to take: holding would strand the class
  else visible_ = std::move(open);
}

void Runner::stepChoosing() {
  if (choicesAnnounced_) return;
  choicesAnnounced_ = true;
  pending_.push_back(makeEvent(EventType::Choices, state_.scene));
}

const std::string& Runner::label(size_t i) const { return labels_.at(i); }

bool Runner::choose(size_t i) {
  if (phase_ != Phase::Choosing || i >= visible_.size()) return false;
  undo_.push_back(state_);
  if (undo_.size() > options_.undoLimit) undo_.pop_front();
  const VisibleChoice taken = visible_[i];
  if (!state_.history.empty()) state_.history.back().choice = label(i);
  PlayError error;
  if (!takeChoice(*story_, state_, taken, error)) {
    fault(error);
    return true;
  }
  pending_.clear();
  target_ = taken.target;
  phase_ = Phase::Entering;
  return true;
}

bool Runner::back() {
  if (undo_.empty()) return false;
  state_ = std::move(undo_.back());
  undo_.pop_back();
  pending_.clear();
  showScene(true, true, true);
  return true;
}

// Back to Entering: stepEntering() asks again and re-announces the gate if still closed.
void Runner::retryGate() {
  if (phase_ == Phase::Gated) phase_ = Phase::Entering;
}

void Runner::addJournalEntry(std::string answer, std::string writtenAt, bool freeNote) {
  if (state_.scene < 0) return;
  const Scene& s = story_->scenes[state_.scene];
  const std::string* question = freeNote ? nullptr : s.journal.pick(options_.level, options_.objectives);
  state_.journal.push_back(
      {state_.scene, question ? *question : std::string(), std::move(answer), std::move(writtenAt)});
}

void Runner::addJournalAnswer(int scene, std::string question, std::string answer, std::string writtenAt) {
  if (scene < 0 || scene >= static_cast<int>(story_->scenes.size())) return;
  state_.journal.push_back({scene, std::move(question), std::move(answer), std::move(writtenAt)});
}

void Runner::fault(const PlayError& error) {
  std::string where = story_->where(error.loc);
  pending_.push_back(makeEvent(EventType::Fault, state_.scene,
      (where.empty() ? "" : where + ": ") + "run-time error: " + error.message));
  phase_ = Phase::Faulted;
}

}  // namespace lc
