// Once-only rooms of a hub searched in one order (see explore_model.h, freeHub).
//
// A hub is a scene h on a loop whose choices either leave the loop (ways out) or make an
// excursion: from the choice's targets play walks scenes of the loop until it is back at
// h. A once-only room k is free when its excursion
//  - is closed: its scenes lie on the loop, hold no ending, lead only to each other or
//    back to h, are entered only from h (by k) or from each other, and share no scene
//    with any other excursion of h;
//  - and is independent of every other excursion j of h: k reads (in a condition, an
//    effect, or a visit count) nothing j changes and j nothing k changes, and a variable
//    both change is an int without a side it can overflow on that both only move one
//    way, by constants (min/max clamps then commute: clamp(clamp(x + a) + b) is
//    clamp(x + a + b) for a, b >= 0, and likewise down);
// and h runs no effect on entry that anything ahead reads (it runs after each excursion).
//
// Then within one stay at the hub, two neighbouring excursions of which one is free can
// be swapped: each still shows the same choices and takes the same ways, the state after
// both is the same, and so is the length of the way. So every state the hub's stay can
// reach after whole excursions is reached with its free rooms done in the order of their
// choices' numbers (spent slots), and the search takes a free room only when no free
// room after it is spent yet. A state inside a free room entered out of that order
// behaves, inside the room, as the one entered before the later rooms were done (it
// reads nothing they change), so the room's scenes, choices, dead ends and errors are
// all found there. The one thing a hub state's own future loses is the rooms not taken:
// a state that seems to have no way to an ending any more is searched again with every
// room (rescueTrapped in explore.cpp) before it is called a soft-lock.
#include <algorithm>

#include "analysis/explore_model.h"

namespace lc {
namespace {

constexpr uint8_t kUp = 1, kDown = 2, kOther = 4;

// What an excursion reads and changes. Variables by slot, scenes by index.
struct Access {
  std::vector<uint8_t> readVar, writeVar;  // writeVar: kUp | kDown | kOther
  std::vector<uint8_t> readScene, writeScene;
  Access(size_t vars, size_t scenes)
      : readVar(vars, 0), writeVar(vars, 0), readScene(scenes, 0), writeScene(scenes, 0) {}
  void reads(const Expr& e) {
    for (int v : e.readsVariables()) readVar[static_cast<size_t>(v)] = 1;
    for (int x : e.readsScenes()) readScene[static_cast<size_t>(x)] = 1;
  }
  void writes(const std::vector<LocatedEffect>& effects) {
    for (const LocatedEffect& le : effects) {
      const Effect& e = le.effect;
      std::optional<int32_t> by = e.value.constantNumber();
      uint8_t kind = kOther;
      if (e.op != AssignOp::Set && by) {
        int64_t move = e.op == AssignOp::Add ? int64_t{*by} : -int64_t{*by};
        kind = move > 0 ? kUp : move < 0 ? kDown : 0;
      }
      writeVar[static_cast<size_t>(e.slot)] |= kind;
    }
  }
};

// One choice of the hub that stays on its loop, and the scenes its excursion walks.
struct Excursion {
  int choice = -1;
  std::vector<int> scenes;
  bool closed = true;
};

std::vector<int> targetsOf(const Choice& c) {
  std::vector<int> out;
  if (c.target >= 0) out.push_back(c.target);
  for (const Branch& b : c.branches) out.push_back(b.target);
  return out;
}

bool independent(const Story& story, const ExploreModel& m, int comp, const Access& a, const Access& b) {
  for (size_t v = 0; v < m.vars; ++v) {
    if (!m.keepsVar(comp, v)) continue;  // nothing on the loop or after reads it
    if ((a.readVar[v] && b.writeVar[v]) || (b.readVar[v] && a.writeVar[v])) return false;
    if (!a.writeVar[v] || !b.writeVar[v]) continue;
    uint8_t both = a.writeVar[v] | b.writeVar[v];
    if ((both & kOther) || both == (kUp | kDown) || m.overflowWatch[v] || story.variables[v].info.type != Type::Int)
      return false;
  }
  for (size_t x = 0; x < a.readScene.size(); ++x)
    if ((a.readScene[x] && b.writeScene[x]) || (b.readScene[x] && a.writeScene[x])) return false;
  return true;
}

// The free rooms of hub `h` (choice indexes), or none.
std::vector<int> freeRoomsOf(const Story& story, const SceneGraph& graph, const ExploreModel& m, int h) {
  const Scene& hub = story.scenes[static_cast<size_t>(h)];
  int comp = m.comps.of[static_cast<size_t>(h)];
  if (!m.comps.cyclic[static_cast<size_t>(comp)] || hub.passThrough || hub.isEnd || hub.next >= 0 ||
      !hub.nextBranches.empty() || hub.hasFallbacks)
    return {};
  for (const LocatedEffect& e : hub.onEnter)
    if (m.keepsVar(comp, static_cast<size_t>(e.effect.slot))) return {};
  size_t once = 0;
  for (const Choice& c : hub.choices) once += c.once;
  if (once < 2) return {};
  size_t scenes = story.scenes.size();
  std::vector<Excursion> trips;
  std::vector<int> owner(scenes, -1);  // excursion walking each scene; -2 for several
  for (size_t k = 0; k < hub.choices.size(); ++k) {
    const Choice& c = hub.choices[k];
    if (c.condition && c.condition->truth() == Expr::Truth::AlwaysFalse) continue;
    std::vector<int> targets = targetsOf(c);
    size_t inside = 0;
    for (int t : targets) inside += m.comps.of[static_cast<size_t>(t)] == comp;
    if (inside == 0) continue;               // a way out
    if (inside < targets.size()) return {};  // out or back by a condition
    Excursion trip;
    trip.choice = static_cast<int>(k);
    std::vector<uint8_t> seen(scenes, 0);
    for (int t : targets)
      if (t != h && !seen[static_cast<size_t>(t)]) seen[static_cast<size_t>(t)] = 1, trip.scenes.push_back(t);
    for (size_t q = 0; q < trip.scenes.size(); ++q) {
      auto x = static_cast<size_t>(trip.scenes[q]);
      if (m.comps.of[x] != comp || story.scenes[x].isEnd) {
        trip.closed = false;
        continue;
      }
      for (int t : graph.out[x])
        if (t != h && !seen[static_cast<size_t>(t)]) seen[static_cast<size_t>(t)] = 1, trip.scenes.push_back(t);
    }
    auto index = static_cast<int>(trips.size());
    for (int x : trip.scenes) owner[static_cast<size_t>(x)] = owner[static_cast<size_t>(x)] == -1 ? index : -2;
    trips.push_back(std::move(trip));
  }
  // Entered other than from the hub or from its own scenes: not closed.
  for (size_t y = 0; y < scenes; ++y)
    for (int t : graph.out[y]) {
      int o = owner[static_cast<size_t>(t)];
      if (o < 0 || static_cast<int>(y) == h || owner[y] == o) continue;
      trips[static_cast<size_t>(o)].closed = false;
    }
  std::vector<Access> access;
  for (const Excursion& trip : trips) {
    Access a(m.vars, scenes);
    const Choice& c = hub.choices[static_cast<size_t>(trip.choice)];
    if (c.condition) a.reads(*c.condition);
    for (const Branch& b : c.branches) a.reads(b.condition);
    for (const LocatedEffect& e : c.effects) a.reads(e.effect.value);
    a.writes(c.effects);
    a.writeScene[static_cast<size_t>(h)] = 1;  // back at the hub: its visit count goes up
    for (int x : trip.scenes) {
      const Scene& s = story.scenes[static_cast<size_t>(x)];
      forEachPlayExpr(s, [&](const Expr& e) { a.reads(e); });
      a.writes(s.onEnter);
      for (const Choice& inner : s.choices) a.writes(inner.effects);
      a.writeScene[static_cast<size_t>(x)] = 1;
    }
    access.push_back(std::move(a));
  }
  std::vector<int> rooms;
  for (size_t k = 0; k < trips.size(); ++k) {
    const Choice& c = hub.choices[static_cast<size_t>(trips[k].choice)];
    bool free = c.once && c.spentSlot >= 0 && !c.fallback && trips[k].closed;
    for (int x : trips[k].scenes) free = free && owner[static_cast<size_t>(x)] == static_cast<int>(k);
    for (size_t j = 0; j < trips.size() && free; ++j)
      if (j != k) free = independent(story, m, comp, access[k], access[j]);
    if (free) rooms.push_back(trips[k].choice);
  }
  if (rooms.size() < 2) rooms.clear();  // one room has only one order
  return rooms;
}

}  // namespace

void findFreeRooms(const Story& story, const SceneGraph& graph, ExploreModel& m) {
  m.freeHub.clear();
  m.orderedHubs.clear();
  if (!m.mergeValues || !m.hasSpent()) return;
  std::vector<int> freeHub(static_cast<size_t>(story.spentSlots), -1);
  for (size_t h = 0; h < story.scenes.size(); ++h) {
    std::vector<int> rooms = freeRoomsOf(story, graph, m, static_cast<int>(h));
    if (rooms.empty()) continue;
    auto hub = static_cast<int>(m.orderedHubs.size());
    for (int k : rooms) freeHub[static_cast<size_t>(story.scenes[h].choices[static_cast<size_t>(k)].spentSlot)] = hub;
    m.orderedHubs.push_back({static_cast<int>(h), rooms.size()});
  }
  if (!m.orderedHubs.empty()) m.freeHub = std::move(freeHub);
}

}  // namespace lc
