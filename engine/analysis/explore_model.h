// What explore keeps of a state, worked out once per story (internal to explore).
//
// Variables are kept only while something ahead can read them, and counters only as
// precisely as the comparisons ahead tell apart (explore_values.cpp).
//
// A key is packed into 32-bit words, each field as few bits as its values need (a
// bool one bit, an int with min and max the bits of max - min, a capped visit count the
// bits of its cap). The control part comes first, so it is a prefix of the key:
//   control words: scene, the visit counts kept, the spent once-choices kept (one id of
//                  a shared sorted list; only when some once-choice can be seen twice)
//   then:          the variables (strings as ids in a string pool)
#pragma once
#include <cstdint>
#include <utility>
#include <vector>

#include "analysis/explore.h"
#include "analysis/story_graph.h"
#include "core/story.h"

namespace lc {

// Where a value lives in a key: `bits` bits at `shift` in word `word`, stored as
// value - base.
struct KeyField {
  uint32_t word = 0;
  uint32_t shift = 0;
  uint32_t bits = 0;
  int64_t base = 0;

  uint32_t mask() const { return bits >= 32 ? UINT32_MAX : (uint32_t{1} << bits) - 1; }
  int64_t get(const uint32_t* key) const { return base + ((key[word] >> shift) & mask()); }
  // The key must start zeroed.
  void put(uint32_t* key, int64_t value) const { key[word] |= (static_cast<uint32_t>(value - base) & mask()) << shift; }
};

struct ExploreModel {
  size_t vars = 0;
  size_t keyWords = 0;
  size_t controlWords = 0;  // the key's control part: its first words
  KeyField scene;
  std::vector<KeyField> varFields;    // by variable slot
  std::vector<KeyField> visitFields;  // by tracked scene
  KeyField spent;                     // meaningful when hasSpent()

  std::vector<int> tracked;       // tracked scene -> scene index
  std::vector<uint32_t> caps;     // tracked scene -> counts from this one up read alike
  std::vector<int> trackedIndex;  // scene -> tracked index, or -1

  Components comps;  // of the scene graph
  // Per spent slot: its group, -1 when its scene can never be entered twice (then
  // whether it was taken can never matter again). A group is a loop of scenes
  // (a cyclic component) holding once-choices.
  std::vector<int> onceGroup;
  size_t groups = 0;

  // Per component c: which tracked visit counts and which groups' once-choices can
  // still matter while play is in c (bitsets; see keepsVisits/keepsOnce).
  size_t visitWords = 0, groupWords = 0;
  std::vector<uint64_t> visitMask, groupMask;

  bool keepsVisits(int comp, size_t trackedIdx) const {
    return (visitMask[static_cast<size_t>(comp) * visitWords + trackedIdx / 64] >> (trackedIdx % 64)) & 1;
  }
  bool keepsOnce(int comp, int slot) const {
    int g = onceGroup[static_cast<size_t>(slot)];
    if (g < 0) return false;
    auto gi = static_cast<size_t>(g);
    return (groupMask[static_cast<size_t>(comp) * groupWords + gi / 64] >> (gi % 64)) & 1;
  }
  bool hasSpent() const { return groups > 0; }
  bool mergeValues = true;

  // Variables (explore_values.cpp). varCut: an int read only against constants and
  // changed only by constants. Per component c and variable v: whether a condition or
  // effect ahead can still read v (else the key holds a fixed value for it), and the range
  // [lo, hi] its value is clamped into: values beyond it read alike from c on.
  std::vector<bool> varCut;
  std::vector<bool> overflowWatch;  // an effect moves it towards a side with no bound
  int64_t watchStep = 0;            // the most one choice moves a watched variable
  size_t varWordsLive = 0;
  std::vector<uint64_t> varLive;
  std::vector<int32_t> varLo, varHi;  // [comp * vars + v]
  std::vector<VariableKeep> keeps;    // by slot, for the report

  // Once-only rooms searched in one order (explore_orders.cpp), by spent slot: the
  // number of its hub when it is a free room there, else -1 (empty: none anywhere); the
  // hub of every once-only room of such a hub, its bit there, and the rooms of its hub
  // it may not be swapped with (bits).
  std::vector<int> freeHub, roomHub, roomBit;
  std::vector<uint64_t> roomDeps;
  std::vector<std::pair<int, size_t>> orderedHubs;  // per hub: its scene, its free rooms
  bool keepsVar(int comp, size_t v) const {
    return !mergeValues || (varLive[static_cast<size_t>(comp) * varWordsLive + v / 64] >> (v % 64)) & 1;
  }
};

ExploreModel buildExploreModel(const Story& story, bool mergeValues = true, bool collapseOrders = true);
void findVariableKeeps(const Story& story, ExploreModel& m);
void findFreeRooms(const Story& story, const SceneGraph& graph, ExploreModel& m);
// Per component c and int variable v ([c * vars + v]): the least and greatest value v can
// have as play enters c (lo > hi: c is never entered). A forward pass over the
// components from the start; a loop that sets v or moves it without bound spreads it
// over its min .. max.
std::vector<std::pair<int64_t, int64_t>> entrySpans(const Story& story, const ExploreModel& m);

// Every expression that decides where play goes from scene `s`: its entry effects and
// its choices' conditions and effects. (Text only changes what is shown.)
template <class Fn>
void forEachPlayExpr(const Scene& s, Fn fn) {
  for (const auto& e : s.onEnter) fn(e.effect.value);
  for (const Branch& b : s.nextBranches) fn(b.condition);
  for (const Choice& c : s.choices) {
    if (c.condition) fn(*c.condition);
    for (const Branch& b : c.branches) fn(b.condition);
    for (const auto& e : c.effects) fn(e.effect.value);
  }
}

}  // namespace lc
