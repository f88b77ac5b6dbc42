// The story as a graph of scenes: choices and `next` are the edges, conditions are
// ignored except those proven never to hold. Shared by check (unreachable scenes),
// explore (which spent choices and visit counts can still matter), graph and stats.
#pragma once
#include <cstdint>
#include <vector>

#include "core/story.h"

namespace lc {

struct SceneGraph {
  // Successors of each scene in source order (a scene twice when two choices lead
  // there). Choices whose `if` can never hold are left out.
  std::vector<std::vector<int>> out;

  static SceneGraph of(const Story& story);
  // Scenes reachable from `from` (itself included).
  std::vector<bool> reachableFrom(int from) const;
};

// Strongly connected components (Tarjan). Components are numbered in reverse
// topological order: every edge goes from a component to one with a number <= its own.
struct Components {
  std::vector<int> of;       // component of each scene
  std::vector<bool> cyclic;  // per component: a scene in it can be entered again
  int count = 0;
};
Components componentsOf(const SceneGraph& graph);

// Distinct choice sequences from the start to an ending, ignoring conditions.
struct RouteCount {
  bool infinite = false;   // a loop lies on a way from the start to an ending
  bool saturated = false;  // more than 2^64 - 1
  uint64_t count = 0;
};
RouteCount countRoutes(const Story& story, const SceneGraph& graph);

}  // namespace lc
