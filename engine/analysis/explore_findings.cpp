// From the state graph to what a writer needs to know: endings and the shortest way to
// each, dead ends, soft-locks, run-time errors, unreached scenes and choices, and the
// values each variable took.
#include <algorithm>
#include <chrono>
#include <unordered_set>

#include "analysis/explore_search.h"

namespace lc {
namespace {

constexpr uint32_t kNone = UINT32_MAX;
constexpr size_t kMaxSoftLocks = 100;      // scenes reported; more would not be read
constexpr size_t kMaxLoopStates = 200000;  // states walked to name a trap's scenes

int sceneOf(const SearchGraph& g, uint32_t i) { return static_cast<int>(g.model.scene.get(g.states.key(i))); }

void collectScenes(const Story& story, const SearchGraph& g, ExploreResult& r) {
  r.sceneReached.assign(story.scenes.size(), false);
  r.sceneDistance.assign(story.scenes.size(), SIZE_MAX);
  for (size_t s = 0; s < story.scenes.size(); ++s) {
    if (s < g.passedThrough.size() && g.passedThrough[s]) r.sceneReached[s] = true;  // no state of its own
    uint32_t first = g.firstAt[s];
    if (first == kNone) continue;
    r.sceneReached[s] = true;
    r.sceneDistance[s] = 0;
    for (uint32_t at = first; g.parent[at] != kNone; at = g.parent[at]) ++r.sceneDistance[s];
    if (story.scenes[s].isEnd) r.endings.push_back({static_cast<int>(s), pathTo(g, first), {}, {}, {}});
  }
  r.choiceShown = g.shown;
}

void collectDeadEnds(const Story& story, const SearchGraph& g, ExploreResult& r) {
  std::vector<bool> done(story.scenes.size(), false);
  for (uint32_t i : g.order) {
    if (g.kind[i] != StateKind::DeadEnd) continue;
    auto s = static_cast<size_t>(sceneOf(g, i));
    if (done[s]) continue;
    done[s] = true;
    r.deadEnds.push_back({static_cast<int>(s), pathTo(g, i), {}, {}, {}});
  }
}

void collectErrors(const SearchGraph& g, ExploreResult& r) {
  for (const SearchError& e : g.errors) {
    ExploreFinding f;
    f.loc = e.loc;
    f.message = e.message;
    if (g.startFailed) {
      f.scene = -1;
    } else {
      f.scene = sceneOf(g, e.from);
      f.path = pathTo(g, e.from);
      if (e.choice != -2) f.path.push_back({f.scene, e.choice});
    }
    r.errors.push_back(std::move(f));
  }
}

}  // namespace

std::vector<uint8_t> canFinish(const SearchGraph& g) {
  size_t n = g.states.size();
  std::vector<uint32_t> inStart(n + 1, 0), in(g.edges.size());
  for (uint32_t i = 0; i < n; ++i)
    for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i]; ++e) ++inStart[g.edges[e] + 1];
  for (size_t i = 0; i < n; ++i) inStart[i + 1] += inStart[i];
  std::vector<uint32_t> fill(inStart.begin(), inStart.end() - 1);
  for (uint32_t i = 0; i < n; ++i)
    for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i]; ++e) in[fill[g.edges[e]]++] = i;
  std::vector<uint8_t> ok(n, 0);
  std::vector<uint32_t> queue;
  for (uint32_t i = 0; i < n; ++i)
    if (g.kind[i] != StateKind::Open || g.failing[i] || (!g.rescued.empty() && g.rescued[i]) ||
        (!g.complete && g.skipped[i]))  // not searched again: it might, through the room not taken
      ok[i] = 1, queue.push_back(i);
  for (size_t q = 0; q < queue.size(); ++q) {
    uint32_t t = queue[q];
    for (uint32_t e = inStart[t]; e < inStart[t + 1]; ++e)
      if (!ok[in[e]]) ok[in[e]] = 1, queue.push_back(in[e]);
  }
  return ok;
}

namespace {

// The scenes play can go round once trapped at state `entry` (all of them are trapped).
std::vector<int> trapScenes(const Story& story, const SearchGraph& g, uint32_t entry) {
  std::vector<bool> inLoop(story.scenes.size(), false);
  std::unordered_set<uint32_t> seen{entry};
  std::vector<uint32_t> queue{entry};
  for (size_t q = 0; q < queue.size() && queue.size() < kMaxLoopStates; ++q) {
    uint32_t i = queue[q];
    inLoop[static_cast<size_t>(sceneOf(g, i))] = true;
    for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i]; ++e)
      if (seen.insert(g.edges[e]).second) queue.push_back(g.edges[e]);
  }
  std::vector<int> out;
  for (size_t s = 0; s < inLoop.size(); ++s)
    if (inLoop[s]) out.push_back(static_cast<int>(s));
  return out;
}

// A soft-lock is reported where play first becomes trapped: a trapped state whose
// parent was not, one per scene, the first found (so on a shortest path).
void findSoftLocks(const Story& story, const SearchGraph& g, ExploreResult& r) {
  if (g.states.size() == 0) return;
  std::vector<uint8_t> ok = canFinish(g);
  std::vector<bool> done(story.scenes.size(), false);
  for (uint32_t i : g.order) {
    if (r.softLocks.size() >= kMaxSoftLocks) break;
    if (ok[i] || (g.parent[i] != kNone && !ok[g.parent[i]])) continue;
    auto s = static_cast<size_t>(sceneOf(g, i));
    if (done[s]) continue;
    done[s] = true;
    r.softLocks.push_back({static_cast<int>(s), pathTo(g, i), {}, {}, trapScenes(story, g, i)});
  }
}

// One pass over the states for every variable at once: the keys are read in order.
void collectRanges(const Story& story, const SearchGraph& g, ExploreResult& r) {
  size_t vars = story.variables.size();
  r.variables.assign(vars, VariableRange{});
  std::vector<std::vector<bool>> strings(vars);
  for (size_t v = 0; v < vars; ++v)
    if (story.variables[v].info.type == Type::String) strings[v].assign(g.strings.size(), false);
  for (uint32_t i = 0; i < g.states.size(); ++i) {
    const uint32_t* key = g.states.key(i);
    int comp = g.model.comps.of[static_cast<size_t>(g.model.scene.get(key))];
    for (size_t v = 0; v < vars; ++v) {
      if (!g.model.keepsVar(comp, v)) continue;  // a fixed stand-in, not a value play has
      int64_t field = g.model.varFields[v].get(key);
      if (!strings[v].empty()) {
        strings[v][static_cast<size_t>(field)] = true;
        continue;
      }
      VariableRange& range = r.variables[v];
      auto value = static_cast<int32_t>(static_cast<uint32_t>(field));
      range.lo = range.any ? std::min(range.lo, value) : value;
      range.hi = range.any ? std::max(range.hi, value) : value;
      range.any = true;
    }
  }
  for (size_t v = 0; v < vars; ++v) {
    r.variables[v].moreAbove = g.mergedAbove[v] != 0;
    r.variables[v].moreBelow = g.mergedBelow[v] != 0;
  }
  for (size_t v = 0; v < vars; ++v)
    for (size_t id = 0; id < strings[v].size(); ++id) {
      if (!strings[v][id]) continue;
      VariableRange& range = r.variables[v];
      range.any = true;
      if (range.strings.size() < VariableRange::kMaxStrings)
        range.strings.push_back(g.strings.text(static_cast<uint32_t>(id)));
      ++range.stringCount;
    }
}

// Where a stopped search spent its states: the scenes with the most, and how many values
// each variable had at the most crowded one.
void findCrowding(const Story& story, const SearchGraph& g, ExploreResult& r) {
  std::vector<uint64_t> perScene(story.scenes.size(), 0);
  for (uint32_t i = 0; i < g.states.size(); ++i) ++perScene[static_cast<size_t>(sceneOf(g, i))];
  for (size_t s = 0; s < perScene.size(); ++s)
    if (perScene[s] > 0) r.crowdedScenes.push_back({static_cast<int>(s), perScene[s]});
  std::sort(r.crowdedScenes.begin(), r.crowdedScenes.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  if (r.crowdedScenes.size() > 5) r.crowdedScenes.resize(5);
  if (r.crowdedScenes.empty()) return;
  int top = r.crowdedScenes[0].first;
  std::vector<std::unordered_set<int64_t>> values(story.variables.size());
  for (uint32_t i = 0; i < g.states.size(); ++i) {
    if (sceneOf(g, i) != top) continue;
    for (size_t v = 0; v < values.size(); ++v) values[v].insert(g.model.varFields[v].get(g.states.key(i)));
  }
  for (const auto& set : values) r.valuesAtCrowded.push_back(static_cast<uint32_t>(set.size()));
  if (!g.model.hasSpent()) return;
  // Per loop of once-choices: the distinct spent lists of its states (inside a loop the
  // list holds only its own choices: the others' are dropped on leaving theirs).
  const ExploreModel& m = g.model;
  std::vector<int> groupOfComp(static_cast<size_t>(m.comps.count), -1);
  std::vector<ExploreResult::HubSets> hubs(m.groups);
  std::vector<size_t> best(m.groups, 0);
  for (size_t s = 0; s < story.scenes.size(); ++s) {
    size_t once = 0;
    for (const Choice& c : story.scenes[s].choices)
      if (c.once && c.spentSlot >= 0 && m.onceGroup[static_cast<size_t>(c.spentSlot)] >= 0) {
        auto group = static_cast<size_t>(m.onceGroup[static_cast<size_t>(c.spentSlot)]);
        groupOfComp[static_cast<size_t>(m.comps.of[s])] = static_cast<int>(group);
        ++once, ++hubs[group].choices;
        if (once > best[group]) best[group] = once, hubs[group].scene = static_cast<int>(s);
      }
  }
  std::vector<std::unordered_set<int64_t>> lists(m.groups);
  for (uint32_t i = 0; i < g.states.size(); ++i) {
    int group = groupOfComp[static_cast<size_t>(m.comps.of[static_cast<size_t>(sceneOf(g, i))])];
    if (group < 0) continue;
    lists[static_cast<size_t>(group)].insert(m.spent.get(g.states.key(i)));
    ++hubs[static_cast<size_t>(group)].states;
  }
  for (size_t h = 0; h < hubs.size(); ++h) {
    hubs[h].sets = lists[h].size();
    if (hubs[h].states > 0) r.hubSets.push_back(hubs[h]);
  }
  std::sort(r.hubSets.begin(), r.hubSets.end(), [](const auto& a, const auto& b) { return a.states > b.states; });
}

// For each scene that must be passed: breadth first from the start over the states not
// at it; the first ending met is the shortest route that avoids it.
void findBypasses(const SearchGraph& g, const std::vector<int>& mustPass, ExploreResult& r) {
  size_t n = g.states.size();
  std::vector<uint32_t> parent(n), queue;
  std::vector<int32_t> via(n);
  std::vector<uint8_t> seen(n);
  for (int scene : mustPass) {
    if (n == 0 || sceneOf(g, 0) == scene) continue;
    std::fill(seen.begin(), seen.end(), 0);
    queue.assign(1, 0);
    seen[0] = 1;
    uint32_t found = kNone;
    for (size_t q = 0; q < queue.size() && found == kNone; ++q) {
      uint32_t i = queue[q];
      if (g.kind[i] == StateKind::Ending) found = i;
      for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i] && found == kNone; ++e) {
        uint32_t t = g.edges[e];
        if (seen[t] || sceneOf(g, t) == scene) continue;
        seen[t] = 1, parent[t] = i, via[t] = g.edgeChoice[e];
        queue.push_back(t);
      }
    }
    if (found == kNone) continue;
    ExploreFinding f;
    f.scene = scene;
    for (uint32_t at = found; at != 0; at = parent[at]) f.path.push_back({sceneOf(g, parent[at]), via[at]});
    f.path = {f.path.rbegin(), f.path.rend()};
    r.bypasses.push_back(std::move(f));
  }
}

}  // namespace

size_t ExploreResult::faultCount() const {
  size_t unreached = 0;
  if (complete)
    for (bool reached : sceneReached) unreached += !reached;
  return deadEnds.size() + softLocks.size() + errors.size() + unreached;
}

ExploreResult explore(const Story& story, const ExploreOptions& options) {
  auto t0 = std::chrono::steady_clock::now();
  SearchGraph g(story, options.mergeValues, options.collapseOrders && options.mergeValues);
  searchStates(story, options, g);
  if (g.complete && !findUnboundedGrowth(story, g)) g.complete = false;
  ExploreResult r;
  r.searchSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  shortestPaths(story, g);
  r.states = g.states.size();
  r.expanded = g.expanded;
  r.transitions = g.edges.size();
  r.complete = g.complete;
  r.keyWords = g.model.keyWords;
  r.trackedVisits = g.model.tracked.size();
  for (int group : g.model.onceGroup) r.trackedOnce += group >= 0;
  r.orderedHubs = g.model.orderedHubs;
  r.ordersSkipped = g.ordersSkipped;
  for (uint8_t x : g.rescued) r.rescued += x;
  if (options.mergeValues)
    r.keeps = g.model.keeps;
  else
    r.keeps.assign(story.variables.size(), VariableKeep{});
  collectScenes(story, g, r);
  collectDeadEnds(story, g, r);
  collectErrors(g, r);
  findSoftLocks(story, g, r);
  collectRanges(story, g, r);
  findBypasses(g, options.mustPass, r);
  if (!r.complete) findCrowding(story, g, r);
  r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return r;
}

}  // namespace lc
