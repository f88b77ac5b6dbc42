#include "analysis/walk.h"

#include "core/play.h"
#include "core/state.h"

namespace lc {
namespace {

inline void mix(uint32_t& h, uint32_t v) { h = (h ^ v) * 16777619u; }

// Labels and titles with tags: they do not enter the fingerprint (the contract's walk
// knows nothing of them), but a run-time error in one stops play, so it stops the walk.
bool renderLines(const Story& story, const State& state, const std::vector<VisibleChoice>& visible,
                 std::string& scratch, PlayError& error) {
  if (!sceneTitle(story, state, state.scene, scratch, error)) return false;
  if (story.scenes[state.scene].isEnd) return endingTitle(story, state, state.scene, scratch, error);
  for (const VisibleChoice& c : visible)
    if (!choiceText(story, state, c, scratch, error)) return false;
  return true;
}

}  // namespace

WalkResult walk(const Story& story, uint64_t steps, uint32_t seed, bool coverage) {
  WalkResult r;
  if (coverage) {
    r.sceneVisits.assign(story.scenes.size(), 0);
    size_t choices = 0;
    for (const auto& s : story.scenes) choices += s.choices.size();
    r.choiceTaken.assign(choices, 0);
  }
  std::vector<size_t> choiceBase;
  for (size_t i = 0, base = 0; i < story.scenes.size(); base += story.scenes[i++].choices.size()) choiceBase.push_back(base);
  const State initial = State::initial(story);
  State state = initial;
  XorShift32 rng{seed ? seed : 1};
  std::string scratch;  // reused by every dynamic text
  std::vector<VisibleChoice> visible;
  PlayError error;
  int scene = story.start;
  auto fail = [&] { r.error = story.where(error.loc) + ": " + error.message; };
  for (; r.steps < steps; ++r.steps) {
    if (!enterScene(story, state, scene, error)) return fail(), r;
    scene = state.scene;  // scenes without text pass play straight on
    uint32_t textLen;
    try {
      textLen = story.scenes[scene].text.textLength(state.env(), scratch);
    } catch (const EvalError& err) {
      error = {story.scenes[scene].textLoc, err.what()};
      return fail(), r;
    }
    if (coverage) ++r.sceneVisits[scene];
    const Scene& s = story.scenes[scene];
    uint32_t n = 0, pick = 0;
    if (!s.isEnd) {
      if (!visibleChoices(story, state, scene, visible, error)) return fail(), r;
      n = static_cast<uint32_t>(visible.size());
    }
    if (s.dynamicLines && !renderLines(story, state, visible, scratch, error)) return fail(), r;
    if (n > 0) pick = rng.next() % n;
    mix(r.hash, n);
    mix(r.hash, pick);
    mix(r.hash, textLen);
    if (n == 0) {  // an ending or a dead end: a new playthrough
      ++r.endings;
      state.resetTo(initial);
      scene = story.start;
      continue;
    }
    if (coverage && visible[pick].choice >= 0) ++r.choiceTaken[choiceBase[scene] + visible[pick].choice];
    if (!takeChoice(story, state, visible[pick], error)) return fail(), r;
    scene = visible[pick].target;
  }
  return r;
}

}  // namespace lc
