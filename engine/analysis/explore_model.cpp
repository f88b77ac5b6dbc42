#include "analysis/explore_model.h"

#include <algorithm>

namespace lc {
namespace {

void findTrackedVisits(const Story& story, ExploreModel& m) {
  std::vector<uint32_t> cap(story.scenes.size(), 0);
  for (const Scene& s : story.scenes)
    forEachPlayExpr(s, [&](const Expr& e) {
      for (int x : e.readsScenes()) cap[static_cast<size_t>(x)] = std::max(cap[static_cast<size_t>(x)], e.visitsCap(x));
    });
  m.trackedIndex.assign(story.scenes.size(), -1);
  for (size_t x = 0; x < cap.size(); ++x) {
    if (cap[x] == 0) continue;
    m.trackedIndex[x] = static_cast<int>(m.tracked.size());
    m.tracked.push_back(static_cast<int>(x));
    m.caps.push_back(cap[x]);
  }
}

// A once-choice matters again only if its scene can be entered again: its scene lies
// on a loop. Each such loop (component) with once-choices is a group.
void findOnceGroups(const Story& story, ExploreModel& m, std::vector<int>& groupOfComp) {
  m.onceGroup.assign(static_cast<size_t>(story.spentSlots), -1);
  groupOfComp.assign(static_cast<size_t>(m.comps.count), -1);
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    int comp = m.comps.of[i];
    if (!m.comps.cyclic[static_cast<size_t>(comp)]) continue;
    for (const Choice& c : story.scenes[i].choices) {
      if (!c.once || c.spentSlot < 0) continue;
      int& g = groupOfComp[static_cast<size_t>(comp)];
      if (g < 0) g = static_cast<int>(m.groups++);
      m.onceGroup[static_cast<size_t>(c.spentSlot)] = g;
    }
  }
}

void setBit(std::vector<uint64_t>& bits, size_t row, size_t words, size_t bit) {
  bits[row * words + bit / 64] |= uint64_t{1} << (bit % 64);
}

void orRow(std::vector<uint64_t>& bits, size_t into, size_t from, size_t words) {
  for (size_t w = 0; w < words; ++w) bits[into * words + w] |= bits[from * words + w];
}

// What can still be read from component c: what its own scenes read, and all that
// the components after it read. Components are numbered sinks first, so every
// successor's row is complete before it is needed.
void buildMasks(const Story& story, const SceneGraph& graph, ExploreModel& m, const std::vector<int>& groupOfComp) {
  auto count = static_cast<size_t>(m.comps.count);
  std::vector<std::vector<int>> members(count);
  for (size_t s = 0; s < story.scenes.size(); ++s)
    members[static_cast<size_t>(m.comps.of[s])].push_back(static_cast<int>(s));
  m.visitWords = (m.tracked.size() + 63) / 64;
  m.groupWords = (m.groups + 63) / 64;
  m.visitMask.assign(count * m.visitWords, 0);
  m.groupMask.assign(count * m.groupWords, 0);
  for (size_t c = 0; c < count; ++c) {
    if (groupOfComp[c] >= 0) setBit(m.groupMask, c, m.groupWords, static_cast<size_t>(groupOfComp[c]));
    for (int s : members[c]) {
      forEachPlayExpr(story.scenes[static_cast<size_t>(s)], [&](const Expr& e) {
        for (int x : e.readsScenes())
          setBit(m.visitMask, c, m.visitWords, static_cast<size_t>(m.trackedIndex[static_cast<size_t>(x)]));
      });
      for (int t : graph.out[static_cast<size_t>(s)]) {
        auto ct = static_cast<size_t>(m.comps.of[static_cast<size_t>(t)]);
        if (ct == c) continue;
        orRow(m.visitMask, c, ct, m.visitWords);
        orRow(m.groupMask, c, ct, m.groupWords);
      }
    }
  }
}

uint32_t bitsFor(uint64_t largest) {
  uint32_t bits = 0;
  while (bits < 32 && (largest >> bits) != 0) ++bits;
  return bits;
}

// Lays fields out one after another, a field never split across two words.
struct Packer {
  uint32_t word = 0, shift = 0;
  KeyField place(uint32_t bits, int64_t base) {
    if (shift + bits > 32) ++word, shift = 0;
    KeyField f{word, shift, bits, base};
    shift += bits;
    return f;
  }
  size_t words() const { return word + (shift > 0 ? 1 : 0); }
};

KeyField varField(Packer& p, const VariableDecl& v) {
  if (v.info.type == Type::Bool) return p.place(1, 0);
  if (v.info.type == Type::Int && v.info.min && v.info.max)
    return p.place(bitsFor(static_cast<uint64_t>(int64_t{*v.info.max} - *v.info.min)), *v.info.min);
  return p.place(32, 0);  // strings (pool ids) and ints without bounds (two's complement)
}

void layOut(const Story& story, ExploreModel& m) {
  Packer p;
  m.scene = p.place(std::max<uint32_t>(1, bitsFor(story.scenes.empty() ? 0 : story.scenes.size() - 1)),
                    0);  // >= 1 word of control
  for (uint32_t cap : m.caps) m.visitFields.push_back(p.place(cap == UINT32_MAX ? 32 : bitsFor(cap), 0));
  if (m.hasSpent()) m.spent = p.place(32, 0);
  m.controlWords = p.words();
  if (p.shift > 0) ++p.word, p.shift = 0;
  for (const VariableDecl& v : story.variables) m.varFields.push_back(varField(p, v));
  m.keyWords = std::max<size_t>(p.words(), m.controlWords);
}

}  // namespace

ExploreModel buildExploreModel(const Story& story, bool mergeValues, bool collapseOrders) {
  ExploreModel m;
  m.mergeValues = mergeValues;
  SceneGraph graph = SceneGraph::of(story);
  m.comps = componentsOf(graph);
  findTrackedVisits(story, m);
  std::vector<int> groupOfComp;
  findOnceGroups(story, m, groupOfComp);
  buildMasks(story, graph, m, groupOfComp);
  m.vars = story.variables.size();
  findVariableKeeps(story, m);
  if (collapseOrders) findFreeRooms(story, graph, m);
  layOut(story, m);
  return m;
}

}  // namespace lc
