// A path found by explore as a player replays it: the number typed at each step.
#include "analysis/explore.h"
#include "core/play.h"
#include "core/state.h"

namespace lc {

std::vector<int> typedChoices(const Story& story, const ExplorePath& path) {
  std::vector<int> typed;
  State state = State::initial(story);
  PlayError error;
  std::vector<VisibleChoice> visible;
  if (!enterScene(story, state, story.start, error)) return typed;
  for (const ExploreStep& step : path) {
    if (!visibleChoices(story, state, step.scene, visible, error)) return typed;
    size_t at = 0;
    while (at < visible.size() && visible[at].choice != step.choice) ++at;
    if (at == visible.size()) return typed;  // not this path: stop where it parts
    typed.push_back(static_cast<int>(at) + 1);
    // The last step may be the one that fails at run time: nothing to enter after it.
    if (!takeChoice(story, state, visible[at], error) || !enterScene(story, state, visible[at].target, error)) return typed;
  }
  return typed;
}

std::string typedList(const std::vector<int>& typed) {
  std::string out;
  for (int n : typed) out += (out.empty() ? "" : ",") + std::to_string(n);
  return out;
}

}  // namespace lc
