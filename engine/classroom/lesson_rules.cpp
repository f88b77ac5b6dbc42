#include "classroom/lesson_rules.h"

#include "core/play.h"

namespace lc {
namespace {

std::string titleOf(const Scene& s) { return s.title.empty() ? s.qualified : s.title; }

}  // namespace

std::string mustReadHold(const Story& story, const State& state, const std::vector<int>& mustRead, int scene,
                         const VisibleChoice& choice) {
  if (scene < 0 || choice.target < 0) return "";
  const int chapter = story.scenes[scene].chapter;
  const Scene& target = story.scenes[choice.target];
  if (target.chapter == chapter && !target.isEnd) return "";  // staying in the chapter
  std::string unread;
  for (int m : mustRead) {
    if (m < 0 || m >= static_cast<int>(story.scenes.size()) || story.scenes[m].chapter != chapter) continue;
    if (m < static_cast<int>(state.visits.size()) && state.visits[m] > 0) continue;
    unread += (unread.empty() ? "" : ", ") + std::string("\u201C") + titleOf(story.scenes[m]) + "\u201D";
  }
  return unread.empty() ? "" : "Read first: " + unread;
}

std::function<std::string(int, const VisibleChoice&)> mustReadHook(const Runner& runner, std::vector<int> mustRead) {
  if (mustRead.empty()) return {};
  const Runner* r = &runner;  // the runner owns the hook, so it outlives every call
  return [r, mustRead = std::move(mustRead)](int scene, const VisibleChoice& c) {
    return mustReadHold(r->story(), r->state(), mustRead, scene, c);
  };
}

std::string heldChoicesText(const Runner& runner) {
  const auto& held = runner.held();
  if (held.empty()) return "";
  std::string waiting;
  for (const HeldChoice& h : held)
    waiting += (waiting.empty() ? "" : "; ") + choiceLabel(runner.story(), runner.state().scene, h.choice);
  return held.front().reason + " (the lesson plan asks for it). Until then this waits: " + waiting;
}

}  // namespace lc
