// Overflow behind merged values. A counter with no max that only ever meets `>= 3` is kept
// as 0, 1, 2 or "3 or more", so the search never sees it reach 2,147,483,647. Play can
// only get there by going round a loop that adds to it (its constants and steps are small,
// see explore_values.cpp): a loop of states with an edge on which the counter was merged.
// Such a loop is reported as the run-time error it leads to, at the effect that moves it.
// Without one, the counter grows by at most one step per state on any path, and the
// search checks that this stays far from the edge.
#include <algorithm>

#include "analysis/explore_search.h"

namespace lc {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// Strongly connected components of the state graph (Tarjan, with an explicit stack).
std::vector<uint32_t> stateComponents(const SearchGraph& g) {
  size_t n = g.states.size();
  std::vector<uint32_t> index(n, kNone), low(n, 0), comp(n, kNone), stack;
  std::vector<std::pair<uint32_t, uint64_t>> frames;  // state, next edge
  uint32_t counter = 0, comps = 0;
  for (uint32_t root = 0; root < n; ++root) {
    if (index[root] != kNone) continue;
    frames.push_back({root, g.edgeBegin[root]});
    index[root] = low[root] = counter++;
    stack.push_back(root);
    while (!frames.empty()) {
      auto& [s, e] = frames.back();
      if (e < g.edgeBegin[s] + g.edgeCount[s]) {
        uint32_t t = g.edges[e++];
        if (index[t] == kNone) {
          index[t] = low[t] = counter++;
          stack.push_back(t);
          frames.push_back({t, g.edgeBegin[t]});
        } else if (comp[t] == kNone) {
          low[s] = std::min(low[s], index[t]);
        }
        continue;
      }
      uint32_t done = s;
      frames.pop_back();
      if (!frames.empty()) low[frames.back().first] = std::min(low[frames.back().first], low[done]);
      if (low[done] != index[done]) continue;
      for (uint32_t t = kNone; t != done;) {
        t = stack.back();
        stack.pop_back();
        comp[t] = comps;
      }
      ++comps;
    }
  }
  return comp;
}

// The effect on variable `v` the edge's choice (or its target's entry) runs.
SourceLoc effectOn(const Story& story, int scene, int choice, int target, int v) {
  const Scene& s = story.scenes[static_cast<size_t>(scene)];
  if (choice >= 0)
    for (const LocatedEffect& e : s.choices[static_cast<size_t>(choice)].effects)
      if (e.effect.slot == v) return e.loc;
  for (const LocatedEffect& e : story.scenes[static_cast<size_t>(target)].onEnter)
    if (e.effect.slot == v) return e.loc;
  return s.loc;
}

// Which way the edge's effects move variable v: +1 up, -1 down, 0 neither, 2 both.
int direction(const Story& story, int scene, int choice, int target, int v) {
  int dir = 0;
  auto note = [&](const std::vector<LocatedEffect>& effects) {
    for (const LocatedEffect& e : effects) {
      if (e.effect.slot != v || e.effect.op == AssignOp::Set) continue;
      int32_t c = e.effect.value.constantNumber().value_or(0);
      int d = (e.effect.op == AssignOp::Add) == (c > 0) ? 1 : c == 0 ? 0 : -1;
      if (d != 0) dir = dir == 0 || dir == d ? d : 2;
    }
  };
  if (choice >= 0) note(story.scenes[static_cast<size_t>(scene)].choices[static_cast<size_t>(choice)].effects);
  note(story.scenes[static_cast<size_t>(target)].onEnter);
  return dir;
}

}  // namespace

bool findUnboundedGrowth(const Story& story, SearchGraph& g) {
  if (std::none_of(g.edgeMerged.begin(), g.edgeMerged.end(), [](int32_t v) { return v >= 0; })) return true;
  std::vector<uint32_t> comp = stateComponents(g);
  auto sceneOf = [&](uint32_t i) { return static_cast<int>(g.model.scene.get(g.states.key(i))); };
  // Per variable: the state components with an edge inside on which it was merged.
  std::vector<std::vector<uint32_t>> merging(story.variables.size());
  for (uint32_t i = 0; i < g.states.size(); ++i)
    for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i]; ++e)
      if (g.edgeMerged[e] >= 0 && comp[i] == comp[g.edges[e]]) merging[static_cast<size_t>(g.edgeMerged[e])].push_back(comp[i]);
  bool proven = true;
  for (size_t v = 0; v < merging.size(); ++v) {
    if (merging[v].empty()) continue;
    std::sort(merging[v].begin(), merging[v].end());
    auto inLoop = [&](uint32_t c) { return std::binary_search(merging[v].begin(), merging[v].end(), c); };
    uint32_t at = kNone;
    uint64_t atEdge = 0;
    int ways = 0;  // how the edges inside those components move it: bit 1 up, bit 2 down
    for (uint32_t i = 0; i < g.states.size(); ++i) {
      if (!inLoop(comp[i])) continue;
      for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i]; ++e) {
        if (comp[g.edges[e]] != comp[i]) continue;
        int d = direction(story, sceneOf(i), g.edgeChoice[e], sceneOf(g.edges[e]), static_cast<int>(v));
        ways |= d == 1 ? 1 : d == -1 ? 2 : d == 2 ? 3 : 0;
        if (g.edgeMerged[e] == static_cast<int32_t>(v) && at == kNone) at = i, atEdge = e;
      }
    }
    if (ways == 3) {  // the loops move it both ways: whether it runs away is not known
      proven = false;
      continue;
    }
    if (at == kNone || ways == 0) continue;
    const std::string& name = story.variables[v].name;
    int scene = sceneOf(at), target = sceneOf(g.edges[atEdge]);
    g.errors.push_back({at, g.edgeChoice[atEdge], effectOn(story, scene, g.edgeChoice[atEdge], target, static_cast<int>(v)),
                        "integer overflow: '" + name + "' has no " + (ways == 1 ? "max" : "min") +
                            ", and play can go round a loop that moves it for ever, until it leaves the 32-bit range; give '" +
                            name + "' a " + (ways == 1 ? "max" : "min")});
  }
  // Off the loops a watched variable moves at most model.watchStep per choice on a path.
  uint64_t reach = uint64_t{1} << 24;
  reach += static_cast<uint64_t>(g.model.watchStep) * g.states.size();
  return proven && reach < (uint64_t{1} << 31);
}

}  // namespace lc
