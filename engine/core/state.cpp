#include "core/state.h"

namespace lc {

State State::initial(const Story& story) {
  State s;
  s.vars.reserve(story.variables.size());
  for (const auto& v : story.variables) s.vars.push_back(v.initial);
  s.visits.assign(story.scenes.size(), 0);
  s.spent.assign(static_cast<size_t>(story.spentSlots), 0);
  uint32_t h = 2166136261u;  // FNV-1a of the story id: same story, same shuffles
  for (char c : story.id) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  s.seed = h ? h : 1;
  s.rng = (h * 2654435761u) ^ 0x5bd1e995u;
  if (s.rng == 0) s.rng = 1;
  return s;
}

void State::resetTo(const State& initial) {
  scene = initial.scene;
  vars = initial.vars;  // vector assignment reuses capacity
  visits.assign(initial.visits.begin(), initial.visits.end());
  spent.assign(initial.spent.begin(), initial.spent.end());
  history.clear();
  journal.clear();
  music = initial.music;
  ambient = initial.ambient;
  seed = initial.seed;
  rng = initial.rng;
}

}  // namespace lc
