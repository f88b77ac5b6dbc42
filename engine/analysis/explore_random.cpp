// Random play after a partial search: see supplementByRandomPlay in explore.h.
#include <algorithm>

#include "analysis/explore.h"
#include "core/play.h"
#include "core/state.h"
#include "analysis/walk.h"

namespace lc {
namespace {

bool hasFinding(const std::vector<ExploreFinding>& list, int scene) {
  return std::any_of(list.begin(), list.end(), [scene](const ExploreFinding& f) { return f.scene == scene; });
}

void addFinding(std::vector<ExploreFinding>& list, int scene, const ExplorePath& path) {
  if (hasFinding(list, scene)) return;
  ExploreFinding f;
  f.scene = scene;
  f.path = path;
  f.byRandomPlay = true;
  list.push_back(std::move(f));
}

}  // namespace

uint64_t supplementByRandomPlay(const Story& story, ExploreResult& r, uint64_t steps, uint32_t seed) {
  const size_t kLongestPath = 5000;  // a playthrough going round longer than this starts again
  const State initial = State::initial(story);
  State state = initial;
  ExplorePath path;
  std::vector<VisibleChoice> visible;
  PlayError error;
  XorShift32 rng{seed ? seed : 1};
  int scene = story.start;
  uint64_t played = 0;
  for (; played < steps; ++played) {
    bool restart = !enterScene(story, state, scene, error) || path.size() > kLongestPath;
    if (!restart) {
      if (state.scene != scene) r.sceneReached[static_cast<size_t>(scene)] = true;  // passed through
      scene = state.scene;
      r.sceneReached[static_cast<size_t>(scene)] = true;
      restart = story.scenes[static_cast<size_t>(scene)].isEnd;
      if (restart) addFinding(r.endings, scene, path);
    }
    if (!restart && !visibleChoices(story, state, scene, visible, error)) restart = true;
    if (!restart && visible.empty()) {
      addFinding(r.deadEnds, scene, path);
      restart = true;
    }
    if (restart) {
      state.resetTo(initial);
      path.clear();
      scene = story.start;
      continue;
    }
    for (const VisibleChoice& c : visible)
      if (c.choice >= 0) r.choiceShown[static_cast<size_t>(scene)][static_cast<size_t>(c.choice)] = true;
    const VisibleChoice& taken = visible[rng.next() % visible.size()];
    if (!takeChoice(story, state, taken, error)) {
      state.resetTo(initial);
      path.clear();
      scene = story.start;
      continue;
    }
    path.push_back({scene, taken.choice});
    scene = taken.target;
  }
  return played;
}

}  // namespace lc
