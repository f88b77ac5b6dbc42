#include "app/console.h"

#include "app/classroom_console.h"
#include "core/save.h"
#include "platform/clock.h"

namespace lc {
namespace {

bool validSlot(const std::string& slot) {
  if (slot.empty() || slot.size() > 40) return false;
  for (char c : slot)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
      return false;
  return true;
}

}  // namespace

ConsoleSession::ConsoleSession(const Story& story, Presenter& presenter, const SessionOptions& options)
    : out_(presenter),
      class_(options.classroom.enabled ? std::make_unique<Classroom>(story, options.classroom) : nullptr),
      runner_(story, classroomRunnerOptions(options)),
      store_(options.saveDir.empty() ? SaveStore::defaultDir(story.id) : options.saveDir),
      storyPath_(options.storyPath) {
  // Not in classroom mode: the class's record and glossary keep the story they began with.
  if (storyPath_.empty() || class_) return;
  watcher_ = std::make_unique<StoryWatcher>(storyPath_);
  watcher_->watch(story);
}

ConsoleSession::~ConsoleSession() = default;

void ConsoleSession::start() {
  stopWaiting();
  if (class_) classroomStart();
  runner_.restart();
  pump();
}

// Shows events until the player must act; in classroom mode a discussion pause or a
// journal question also stops it (the rest waits in the runner until the class goes on).
void ConsoleSession::pump() {
  while (!waiting() && runner_.hasEvent()) {
    Event e = runner_.next();
    if (class_) classroomEvent(e);
    else out_.event(runner_, e);
  }
  out_.ready(runner_);
}

bool ConsoleSession::choose(const std::string& word) {
  if (runner_.phase() == Phase::Gated) {
    out_.problem("the class is waiting for the next chapter to open (the teacher types: open CODE)");
    return true;
  }
  if (runner_.phase() != Phase::Choosing) {
    out_.problem(runner_.phase() == Phase::Ended ? "the story has ended: type restart, back or quit"
                                                 : "there is nothing to choose now: type back, restart or quit");
    return true;
  }
  size_t n = std::stoul(word);
  if (n < 1 || !runner_.choose(n - 1)) {
    out_.problem("there is no choice " + word + ": choose 1 to " + std::to_string(runner_.choices().size()));
    return true;
  }
  pump();
  return true;
}

void ConsoleSession::save(const std::string& slot) {
  if (!validSlot(slot)) return out_.problem("a slot name uses letters, digits, - and _ (e.g. save 3)");
  if (runner_.state().scene < 0) return out_.problem("nothing to save yet");
  const Story& story = runner_.story();  // the edited story after a hot reload
  std::string text = writeSave(story, runner_.state(), describeState(story, runner_.state(), isoTimeNow()));
  std::string error;
  if (!store_.write(slot, text, error)) return out_.problem("could not save: " + error);
  out_.saved(slot, store_.pathOf(slot));
}

void ConsoleSession::load(const std::string& slot) {
  if (!validSlot(slot)) return out_.problem("a slot name uses letters, digits, - and _ (e.g. load 3)");
  std::string error, fallback;
  auto text = store_.read(slot, error, &fallback);
  if (!text) return out_.problem("could not load: " + error);
  SaveReadResult r = readSave(runner_.story(), *text);
  if (!r.ok) return out_.problem("could not load slot " + slot + " (" + store_.pathOf(slot) + "): " + r.error);
  if (!fallback.empty()) r.notices.insert(r.notices.begin(), fallback);
  out_.loaded(slot, r.notices);
  stopWaiting();
  if (class_) class_->lesson.noteChapter = -1;  // the chapter heading comes again, and its note with it
  runner_.resume(r.state);
  pump();
}

void ConsoleSession::reload(bool onlyIfChanged) {
  if (!watcher_) {
    if (!onlyIfChanged)
      out_.problem(class_ ? "reload is not available in classroom mode" : "reload: the story's folder is not known here");
    return;
  }
  const bool changed = watcher_->changed();  // also forgets a change this reload covers
  if (onlyIfChanged && !changed) return;
  ReloadResult r = reloadKeepingPlace(runner_.story(), runner_.state(), storyPath_);
  out_.reloaded(r);
  if (!r.ok) return;
  watcher_->watch(*r.story);
  // The runner still points at the story being replaced: keep it alive until it moves.
  std::unique_ptr<Story> previous = std::move(reloaded_);
  reloaded_ = std::move(r.story);
  runner_.resume(*reloaded_, r.state);
  pump();
}

bool ConsoleSession::handleLine(const std::string& line) {
  // A story file saved since the last line is read before this line counts; `reload`
  // itself reloads once.
  if (watcher_ && splitCommand(line).first != "reload") reload(true);
  if (class_) {
    tick();
    if (classroomLine(line)) return true;
  }
  auto [word, rest] = splitCommand(line);
  if (word.empty()) {
    // Enter on a single "Continue" goes on, as in any reader.
    if (runner_.phase() == Phase::Choosing && runner_.choices().size() == 1) return choose("1");
    out_.ready(runner_);
    return true;
  }
  if (isNumber(word) && rest.empty()) return choose(word);
  if (word == "quit" || word == "exit" || word == "q") return false;
  if (word == "help" || word == "?") out_.help(class_ != nullptr);
  else if (word == "save") save(rest.empty() ? "1" : rest);
  else if (word == "load") load(rest.empty() ? "1" : rest);
  else if (word == "history") out_.history(runner_);
  else if (word == "restart") start();
  else if (word == "reload") reload(false);
  else if (word == "notes") showNotes();  // content notes and the glossary are for every reader
  else if (word == "glossary") showGlossary(rest);
  else if (word == "back") {
    stopWaiting();
    if (runner_.back()) pump();
    else out_.problem("there is no choice to undo");
  } else {
    out_.problem("unknown command '" + word + "': type a choice number, or help");
  }
  return true;
}

int ConsoleSession::run(std::istream& in) {
  start();
  std::string line;
  while (std::getline(in, line))
    if (!handleLine(line)) break;
  return 0;
}

}  // namespace lc
