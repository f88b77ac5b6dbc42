#include "present/session.h"

#include "platform/random_id.h"

#include <fstream>
#include <sstream>

namespace lc::present {

const std::vector<std::string>& slotNames() {
  static const std::vector<std::string> names = {"quick", "auto", "1", "2", "3", "4", "5",
                                                 "6", "7", "8", "9"};
  return names;
}

std::string slotLabel(const std::string& slot) {
  if (slot == "quick") return "Quick save";
  if (slot == "auto") return "Autosave";
  return "Slot " + slot;
}

namespace {
RunnerOptions runnerOptions(const Session::Options& options) {
  RunnerOptions o;
  o.classroom = options.classroom;
  o.journal = options.classroom;  // reading-journal questions belong to classroom use
  o.newGameId = newRandomId;
  return o;
}
}  // namespace

Session::Session(std::unique_ptr<Story> story, const Options& options)
    : story_(std::move(story)),
      runner_(*story_, runnerOptions(options)),
      store_(options.saveDir.empty() ? SaveStore::defaultDir(story_->id) : options.saveDir),
      config_(options.config),
      readLogName_("read/" + story_->id + ".txt"),
      lessonClock_(options.lessonClock ? options.lessonClock : NowFn(systemNowMs)) {
  if (!config_) return;
  std::string error;
  std::istringstream in(config_->read(readLogName_, error).value_or(""));  // none yet: none read
  for (std::string line; std::getline(in, line);)
    if (!line.empty() && line[0] != '#') read_.insert(line);
}

void Session::startLesson(const ClassroomOptions& options) {
  lesson_ = std::make_unique<Lesson>(*story_, options, lessonClock_, newRandomId());
  runner_.setOptions(lesson_->runnerOptions(runner_, runner_.options()));
}

void Session::newGame() {
  resumePlace_.reset();
  runner_.restart();
  started_ = true;
  unsaved_ = false;
  shown_.clear();
}

void Session::replaceStory(std::unique_ptr<Story> story, const State& state) {
  previous_ = std::move(story_);
  story_ = std::move(story);
  runner_.resume(*story_, state);
  shown_.clear();  // the backlog's text may have changed with the edit
}

void Session::chose(size_t index) {
  if (runner_.choose(index)) unsaved_ = true;
}

bool Session::back() {
  if (!runner_.back()) return false;
  unsaved_ = true;
  return true;
}

std::string Session::saveText() const {
  const State& state = runner_.state();
  const SavePlace place{static_cast<int>(reached_), finished_};
  return writeSave(*story_, state, describeState(*story_, state, isoTimeNow(), place),
                   {runner_.rollbackSteps(), place});
}

bool Session::save(const std::string& slot, std::string& error) {
  if (!started_) {
    error = "nothing to save yet";
    return false;
  }
  if (!store_.write(slot, saveText(), error)) return false;
  unsaved_ = false;
  saveReadLog();
  return true;
}

bool Session::autosave(std::string& error) {
  if (!started_) return true;
  if (store_.write("auto", saveText(), error)) return true;
  // Said once: a folder that cannot be written stays so, and every scene would repeat it.
  if (autosaveWarned_) error.clear();
  autosaveWarned_ = true;
  return false;
}

LoadOutcome Session::load(const std::string& slot) {
  LoadOutcome out;
  std::string fallback;
  std::optional<std::string> text = store_.read(slot, out.error, &fallback);
  if (!text) return out;
  SaveReadResult read = readSave(*story_, *text);
  if (!read.ok) {
    out.error = slotLabel(slot) + ": " + read.error;
    return out;
  }
  if (!fallback.empty()) read.notices.insert(read.notices.begin(), fallback);
  runner_.resume(read.state, std::move(read.extras.rollback));
  resumePlace_ = read.extras.place;
  started_ = true;
  unsaved_ = false;
  shown_.clear();
  out.ok = true;
  out.notices = std::move(read.notices);
  return out;
}

std::vector<SlotView> Session::slots() const {
  std::vector<SlotView> out;
  for (const std::string& name : slotNames()) {
    SlotView view;
    view.slot = name;
    view.label = slotLabel(name);
    std::string error;
    if (std::optional<std::string> text = store_.read(name, error)) {
      view.exists = true;
      SaveReadResult read = readSave(*story_, *text);
      view.readable = read.ok;
      view.meta = read.meta;
      view.error = read.error;
    }
    out.push_back(std::move(view));
  }
  return out;
}

bool Session::slotExists(const std::string& slot) const {
  std::ifstream probe(store_.pathOf(slot));
  return static_cast<bool>(probe);
}

bool Session::wasRead(int scene) const {
  return scene >= 0 && read_.count(story_->scenes[scene].qualified) > 0;
}

void Session::markRead(int scene) {
  if (scene >= 0) read_.insert(story_->scenes[scene].qualified);
}

void Session::saveReadLog() const {
  if (!config_) return;
  std::ostringstream out;
  out << "# scenes of '" << story_->id << "' already read (skip passes through these)\n";
  for (const std::string& id : read_) out << id << "\n";
  std::string error;
  config_->write(readLogName_, out.str(), error);  // losing it only makes skip stop sooner
}

void Session::recordShown(const std::vector<std::string>& paragraphs) {
  const auto& history = runner_.state().history;
  if (history.empty()) return;
  const size_t index = history.size() - 1;
  shown_.resize(index + 1, {-1, {}});  // -1: not seen in this session
  shown_[index] = {history[index].scene, paragraphs};
  reached_ = 0;
}

std::vector<std::string> Session::shownAt(size_t index) const {
  const auto& history = runner_.state().history;
  if (index >= history.size()) return {};
  const int scene = history[index].scene;
  const bool current = index + 1 == history.size();
  auto upToReached = [&](std::vector<std::string> all) {
    if (current && all.size() > reached_) all.resize(reached_);
    return all;
  };
  if (index < shown_.size() && shown_[index].first == scene) return upToReached(shown_[index].second);
  // Not seen in this session (a loaded game): the text as it reads with today's values.
  const TextTemplate& text = story_->scenes[scene].text;
  if (text.isStatic()) return upToReached(text.staticParagraphs());
  try {
    return upToReached(text.paragraphs(runner_.state().env()));
  } catch (const std::exception&) {
    return {};
  }
}

}  // namespace lc::present
