// The breadth-first search behind explore() and what it leaves for the report
// (internal to explore).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "analysis/explore.h"
#include "analysis/explore_model.h"
#include "analysis/explore_store.h"

namespace lc {

enum class StateKind : uint8_t { Queued, Open, Ending, DeadEnd, Failed };

// A run-time error met while following a choice (or showing the choices).
struct SearchError {
  uint32_t from = 0;  // the state it happened in
  int choice = -2;    // the choice being taken; -2 when showing the choices failed
  SourceLoc loc;
  std::string message;
};

// The state graph as found. States are numbered in the order found; the edges of an
// expanded state i are edges[edgeBegin[i] .. edgeBegin[i] + edgeCount[i]). After the
// search, parent/via/order give the shortest ways from the start over those edges.
struct SearchGraph {
  SearchGraph(const Story& story, bool mergeValues, bool collapseOrders)
      : model(buildExploreModel(story, mergeValues, collapseOrders)), states(model.keyWords) {}
  ExploreModel model;
  StateSet states;
  StringPool strings;
  std::vector<StateKind> kind;   // Queued: found but not expanded (the cap stopped it)
  std::vector<uint8_t> failing;  // a choice from this state fails at run time
  std::vector<uint8_t> skipped;  // a free room was not taken here (explore_orders.cpp)
  std::vector<uint8_t> rescued;  // skipped, and a way to an ending was found through it
  uint64_t ordersSkipped = 0;
  std::vector<uint64_t> edgeBegin;
  std::vector<uint32_t> edgeCount;
  std::vector<uint32_t> edges;      // target state of each edge
  std::vector<int32_t> edgeChoice;  // choice of each edge (-1 = next)
  // Per edge: a variable that can overflow (ExploreModel::overflowWatch) whose value the
  // key does not hold as it is after this edge (merged or dropped), or -1.
  std::vector<int32_t> edgeMerged;
  std::vector<std::vector<bool>> shown;  // per scene, per choice
  std::vector<bool> passedThrough;       // per scene: play went through it (no text, no state)
  std::vector<SearchError> errors;       // the first time each message was met
  // Per variable: a value beyond the range kept was merged into its end (above, below).
  std::vector<uint8_t> mergedAbove, mergedBelow;
  uint64_t expanded = 0;
  bool complete = true;
  bool startFailed = false;  // entering the start scene failed: no state at all

  // Filled by shortestPaths().
  std::vector<uint32_t> parent;   // UINT32_MAX for the start state and states not linked
  std::vector<int32_t> via;       // choice taken in the parent's scene (-1 = next)
  std::vector<uint32_t> order;    // states by distance from the start
  std::vector<uint32_t> firstAt;  // per scene: its nearest state, or UINT32_MAX
};

// Finds the states; then searches again, taking every room, from each state with a
// room skipped that seems to have no way to an ending (rescued).
void searchStates(const Story& story, const ExploreOptions& options, SearchGraph& graph);

// Which states can still finish: reach an ending, a dead end (reported on its own), a
// run-time error, a state not expanded when the cap stopped the search (it might), a
// rescued state, or (when the search is not complete, so none was searched again) a
// state with a room skipped.
std::vector<uint8_t> canFinish(const SearchGraph& g);

// Breadth first over the edges found: the search itself runs in another order.
void shortestPaths(const Story& story, SearchGraph& graph);

// Run-time errors merging hides: a variable that can overflow, moved on a loop of states
// (explore_overflow.cpp). Adds them to graph.errors; false when it cannot prove that
// nothing else overflows (then the search is not complete).
bool findUnboundedGrowth(const Story& story, SearchGraph& graph);

// The shortest way to state `i`, as choices taken.
ExplorePath pathTo(const SearchGraph& graph, uint32_t i);

}  // namespace lc
