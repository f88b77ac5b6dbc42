// Exhaustive exploration of a story's state space (`lostcorner explore STORY`, and the
// play-time checks of `check`).
//
// A state is what decides the rest of a playthrough: the scene just entered, every
// variable, and only the visit counts and spent `once` choices that can still matter:
//  - visits(x) is kept only while an expression that reads it (an `if` or a `do`) can
//    still be reached, and capped where the expressions cannot tell counts apart
//    (seen(x) reads 0 or 1; `visits(x) >= 3` reads 0, 1, 2 or "3 or more");
//  - a spent `once` choice is kept only while its scene can still be entered again.
// Text is not evaluated: it cannot change where play goes. Every path reported is a
// shortest one (fewest choices) over the states found: the shortest of all when the
// search completes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/story.h"

namespace lc {

// One choice taken: `choice` indexes Scene::choices, -1 is the "Continue" of a `next`.
struct ExploreStep {
  int scene = -1;
  int choice = -1;
};
using ExplorePath = std::vector<ExploreStep>;

struct ExploreOptions {
  uint64_t maxStates = 2000000;  // stop (results partial) once this many are found
  // Called every few thousand states: (states found, states expanded so far).
  std::function<void(uint64_t found, uint64_t expanded)> progress;
  // Merge values of variables nothing ahead can tell apart (see explore_model.h). Off
  // only to check the merging: the search then keeps every value, as play has it.
  bool mergeValues = true;
  // Take the free once-only rooms of a hub in one order only (explore_orders.cpp): rooms
  // whose effects commute and that read nothing the others change. Needs mergeValues.
  bool collapseOrders = true;
  // Scenes every route to an ending should pass (a story's spine). For each that some
  // route avoids, ExploreResult::bypasses gets the shortest such route. With a complete
  // search, no bypass is a proof that every route to every ending passes the scene.
  std::vector<int> mustPass;
};

// Something found at a scene, with the shortest way there from the start.
struct ExploreFinding {
  int scene = -1;
  ExplorePath path;
  SourceLoc loc;              // run-time errors: where in the story
  std::string message;        // run-time errors: what went wrong
  std::vector<int> loop;      // soft-locks: the scenes play can still go round
  bool byRandomPlay = false;  // found by supplementByRandomPlay: a way there, not the shortest
};

// The values a variable took in the states found, while a condition or effect ahead could
// still read it (after that explore stops following it).
struct VariableRange {
  bool any = false;                           // false: nothing in play ever reads it (text only)
  bool moreAbove = false, moreBelow = false;  // values beyond hi (lo) were merged into it
  int32_t lo = 0, hi = 0;                     // ints, and bools as 0/1
  std::vector<std::string> strings;           // strings: the distinct values (at most kMaxStrings)
  size_t stringCount = 0;                     // how many distinct strings there were in all
  static constexpr size_t kMaxStrings = 20;
};

// How explore kept a variable. Exact: every value. Counter: only as finely as the
// comparisons ahead tell apart (`cuts`, the points they split values at). NotRead: no
// condition or effect reads it (text may: text never decides where play goes), so it is
// not part of the state. Every kept variable is also dropped once nothing ahead reads it.
struct VariableKeep {
  enum Kind : uint8_t { Exact, Counter, NotRead } kind = Exact;
  std::vector<int64_t> cuts;
  // Counter: it moves inside a loop whose every cycle passes a once-only choice (a hub of
  // once-only rooms), so the most it can move there is bounded and it still merges.
  bool onceBounded = false;
};

struct ExploreResult {
  uint64_t states = 0;       // distinct states found
  uint64_t expanded = 0;     // states whose choices were followed
  uint64_t transitions = 0;  // choices followed
  bool complete = true;      // false when maxStates stopped the search
  double seconds = 0;        // the whole run
  double searchSeconds = 0;  // finding the states (what states/s is measured on)

  std::vector<ExploreFinding> endings;    // one per ending scene reached
  std::vector<ExploreFinding> deadEnds;   // one per scene reached with no choice to show
  std::vector<ExploreFinding> softLocks;  // one per scene where play enters a loop with no ending
  std::vector<ExploreFinding> errors;     // one per run-time error (its place and message)
  // Per ExploreOptions::mustPass scene some route to an ending avoids: `scene` is the
  // avoided scene, `path` the shortest such route (to the ending it reaches).
  std::vector<ExploreFinding> bypasses;
  std::vector<bool> sceneReached;              // by scene index
  std::vector<size_t> sceneDistance;           // choices from the start, SIZE_MAX if not reached
  std::vector<std::vector<bool>> choiceShown;  // by scene index, choice index
  std::vector<VariableRange> variables;        // by variable slot

  // Per-state key: words, visit counts kept, once-choices that can matter.
  size_t keyWords = 0, trackedVisits = 0, trackedOnce = 0;
  // How the search kept each variable, by slot (what let it finish): see VariableKeep.
  std::vector<VariableKeep> keeps;
  // Hubs whose free once-only rooms were taken in one order: the hub scene and how many
  // rooms; the rooms so not taken (choices not followed), and the states that seemed to
  // have no way to an ending but had one through such a room (searched again).
  std::vector<std::pair<int, size_t>> orderedHubs;
  uint64_t ordersSkipped = 0, rescued = 0;

  // Why a search was too large, when it stopped at the cap: the scenes holding the most
  // states, most first (at most 5), and per variable slot how many values it had there.
  std::vector<std::pair<int, uint64_t>> crowdedScenes;
  std::vector<uint32_t> valuesAtCrowded;
  // And per hub of once-only choices (a loop holding them) whose states were found: how
  // many distinct sets of its once-choices were taken (each set is a state of its own at
  // every combination of values), most first.
  struct HubSets {
    int scene = -1;       // the loop's scene with the most once-only choices
    size_t choices = 0;   // once-only choices in the loop
    uint64_t sets = 0;    // distinct sets of them taken, among the states found
    uint64_t states = 0;  // states found in the loop
  };
  std::vector<HubSets> hubSets;

  // Faults: dead ends, soft-locks, run-time errors, and (when complete) scenes never reached.
  size_t faultCount() const;
};

ExploreResult explore(const Story& story, const ExploreOptions& options = {});

// When the search stopped at its cap, random play (xorshift32, as the walk) goes on where
// the breadth-first search could not reach: endings, dead ends, scenes and choices it
// meets are added, each with the way random play got there. It proves nothing is
// unreachable; it only shrinks what a partial search leaves unknown. Returns steps played.
// The numbers a player types to follow `path`: at each step the place of its choice
// among those shown (1-based), as `play --choices` takes them. Stops where the path can
// no longer be followed (it never does for a path explore found).
std::vector<int> typedChoices(const Story& story, const ExplorePath& path);
std::string typedList(const std::vector<int>& typed);  // {1, 3, 2} -> "1,3,2"

uint64_t supplementByRandomPlay(const Story& story, ExploreResult& result, uint64_t steps, uint32_t seed);

}  // namespace lc
