// Once-only rooms of a hub searched in one order (see explore_model.h, freeHub).
//
// A hub is a scene h on a loop whose choices either leave the loop (ways out) or make an
// excursion: from the choice's targets play walks scenes of the loop until it is back at
// h. A once-only room k is free when its excursion is closed: its scenes lie on the loop,
// hold no ending, lead only to each other or back to h, are entered only from h (by k)
// or from each other, and share no scene with any other excursion of h; and when it
// commutes with every excursion h offers again and again. Two excursions k and j
// commute when k reads (in a condition, an effect, or a visit count) nothing j changes
// and j nothing k changes, and a variable both change is an int without a side it can
// overflow on that both move by constants, either only one way (min/max clamps then
// commute: clamp(clamp(x + a) + b) is clamp(x + a + b) for a, b >= 0, and likewise down)
// or both ways where no clamp can act during the stay (its value on entering the loop,
// entrySpans, moved by the most every excursion can move it, stays within min .. max),
// so the adds commute as numbers do. And h runs no effect on entry that anything ahead
// reads (it runs after each excursion), and the loop is entered only at h.
//
// Within one stay at the hub, two neighbouring excursions that commute can be swapped:
// each still shows the same choices and takes the same ways, the state play has after
// both is the same, and so is the length of the way. (Explore's merging is sound for
// every path, so the states it keeps for the two orders, which stand for the same state
// of play, have the same futures.) The search does not take free room r in a state
// whose rooms done include one written after r, when r commutes with every room done:
// of all the orders that swaps reach from one another, the least (by the rooms'
// numbers, their spent slots) is never cut so, since r could move before all the rooms
// done to where the first greater one stands, making it less. So every state a stay
// reaches after whole excursions is found. A state inside room r entered where r is not
// taken behaves, inside r, as r entered first in the stay (r reads nothing the rooms
// done change), so r's scenes, choices, dead ends and errors are found there, on paths
// no longer. The one thing a hub state's own future loses is the rooms not taken: a
// state that seems to have no way to an ending any more is searched again with every
// room (rescueTrapped in explore.cpp) before it is called a soft-lock.
#include <algorithm>

#include "analysis/explore_model.h"

namespace lc {
namespace {

constexpr uint8_t kUp = 1, kDown = 2, kOther = 4;
constexpr int64_t kUnbounded = INT64_MAX / 4;

int64_t addCapped(int64_t a, int64_t b) { return std::min(kUnbounded, a + b); }

// What an excursion reads and changes. Variables by slot, scenes by index.
struct Access {
  std::vector<uint8_t> readVar, writeVar;  // writeVar: kUp | kDown | kOther
  std::vector<uint8_t> readScene, writeScene;
  std::vector<int64_t> up, down;  // the most one walk of it moves each variable
  Access(size_t vars, size_t scenes)
      : readVar(vars, 0), writeVar(vars, 0), readScene(scenes, 0), writeScene(scenes, 0), up(vars, 0), down(vars, 0) {}
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

// The once-only rooms of a hub that can be taken in one order, or none. Bit b of
// deps[a]: rooms a and b may not be swapped (one reads what the other changes, a shared
// counter may be clamped, or b's excursion is not closed).
struct HubRooms {
  std::vector<int> rooms;          // the hub's choice index of each once-only room
  std::vector<uint8_t> candidate;  // closed, and commutes with every way round offered again
  std::vector<uint64_t> deps;
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

// How far `effects` move v: {down, up}, unbounded when not by constants.
std::pair<int64_t, int64_t> moveBy(const std::vector<LocatedEffect>& effects, int v) {
  int64_t down = 0, up = 0;
  for (const LocatedEffect& le : effects) {
    if (le.effect.slot != v) continue;
    std::optional<int32_t> by = le.effect.value.constantNumber();
    if (le.effect.op == AssignOp::Set || !by) return {kUnbounded, kUnbounded};
    int64_t move = le.effect.op == AssignOp::Add ? int64_t{*by} : -int64_t{*by};
    if (move < 0)
      down = addCapped(down, -move);
    else
      up = addCapped(up, move);
  }
  return {down, up};
}

// The most one walk of `trip` (the hub's choice, its scenes, the way back) moves each
// variable: longest paths over its scenes in topological order; unbounded for a variable
// moved inside a loop of its own, or by a choice the hub offers again and again.
void walkMoves(const Story& story, const Choice& c, const Excursion& trip, int h, Access& a) {
  std::vector<int> index(story.scenes.size(), -1);
  for (size_t i = 0; i < trip.scenes.size(); ++i) index[static_cast<size_t>(trip.scenes[i])] = static_cast<int>(i);
  struct Step {
    int from, to;  // indexes into trip.scenes; -1 for the hub
    const std::vector<LocatedEffect>* effects;
  };
  static const std::vector<LocatedEffect> none;
  std::vector<Step> steps;
  auto at = [&](int scene) { return scene == h ? -1 : index[static_cast<size_t>(scene)]; };
  for (int t : targetsOf(c)) steps.push_back({-1, at(t), &c.effects});
  for (size_t i = 0; i < trip.scenes.size(); ++i) {
    const Scene& s = story.scenes[static_cast<size_t>(trip.scenes[i])];
    auto from = static_cast<int>(i);
    if (s.next >= 0) steps.push_back({from, at(s.next), &none});
    for (const Branch& b : s.nextBranches) steps.push_back({from, at(b.target), &none});
    for (const Choice& inner : s.choices) {
      if (inner.condition && inner.condition->truth() == Expr::Truth::AlwaysFalse) continue;
      for (int t : targetsOf(inner)) steps.push_back({from, at(t), &inner.effects});
    }
  }
  // Kahn over the scenes; what is left over lies on a loop.
  size_t n = trip.scenes.size();
  std::vector<size_t> indegree(n, 0), order;
  for (const Step& st : steps)
    if (st.from >= 0 && st.to >= 0) ++indegree[static_cast<size_t>(st.to)];
  for (size_t i = 0; i < n; ++i)
    if (indegree[i] == 0) order.push_back(i);
  for (size_t q = 0; q < order.size(); ++q)
    for (const Step& st : steps)
      if (st.from == static_cast<int>(order[q]) && st.to >= 0 && --indegree[static_cast<size_t>(st.to)] == 0)
        order.push_back(static_cast<size_t>(st.to));
  bool looped = order.size() < n;
  auto onEnter = [&](int to) -> const std::vector<LocatedEffect>& {
    return to < 0 ? none : story.scenes[static_cast<size_t>(trip.scenes[static_cast<size_t>(to)])].onEnter;
  };
  for (size_t v = 0; v < a.up.size(); ++v) {
    auto iv = static_cast<int>(v);
    auto stepMove = [&](const Step& st) {
      auto [d, u] = moveBy(*st.effects, iv);
      auto [d2, u2] = moveBy(onEnter(st.to), iv);
      return std::pair<int64_t, int64_t>{addCapped(d, d2), addCapped(u, u2)};
    };
    bool moved = false;
    for (const Step& st : steps) {
      auto [d, u] = stepMove(st);
      moved = moved || d > 0 || u > 0;
    }
    if (!moved) continue;
    if (looped || !c.once) {
      a.up[v] = a.down[v] = kUnbounded;
      continue;
    }
    // Longest ways up and down to each scene, then back to the hub.
    std::vector<int64_t> up(n, -1), down(n, -1);
    auto relax = [&](const Step& st, int64_t fromDown, int64_t fromUp) {
      auto [d, u] = stepMove(st);
      int64_t nd = addCapped(fromDown, d), nu = addCapped(fromUp, u);
      if (st.to < 0) {
        a.down[v] = std::max(a.down[v], nd), a.up[v] = std::max(a.up[v], nu);
        return;
      }
      auto t = static_cast<size_t>(st.to);
      down[t] = std::max(down[t], nd), up[t] = std::max(up[t], nu);
    };
    for (const Step& st : steps)
      if (st.from < 0) relax(st, 0, 0);
    for (size_t i : order)
      for (const Step& st : steps)
        if (st.from == static_cast<int>(i) && up[i] >= 0) relax(st, down[i], up[i]);
  }
}

bool independent(const Story& story, const ExploreModel& m, const std::vector<uint8_t>& unclamped, int comp,
                 const Access& a, const Access& b) {
  for (size_t v = 0; v < m.vars; ++v) {
    if (!m.keepsVar(comp, v)) continue;  // nothing on the loop or after reads it
    if ((a.readVar[v] && b.writeVar[v]) || (b.readVar[v] && a.writeVar[v])) return false;
    if (!a.writeVar[v] || !b.writeVar[v]) continue;
    uint8_t both = a.writeVar[v] | b.writeVar[v];
    if ((both & kOther) || m.overflowWatch[v] || story.variables[v].info.type != Type::Int) return false;
    if (both == (kUp | kDown) && !unclamped[v]) return false;
  }
  for (size_t x = 0; x < a.readScene.size(); ++x)
    if ((a.readScene[x] && b.writeScene[x]) || (b.readScene[x] && a.writeScene[x])) return false;
  return true;
}

// The free rooms of hub `h` (choice indexes), or none.
HubRooms freeRoomsOf(const Story& story, const SceneGraph& graph, const ExploreModel& m,
                     const std::vector<std::pair<int64_t, int64_t>>& spans, int h) {
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
  // Entered other than from the hub or from its own scenes: not closed. The loop must be
  // entered at the hub (its values on the way in are then those a stay starts with).
  for (size_t y = 0; y < scenes; ++y)
    for (int t : graph.out[y]) {
      if (m.comps.of[y] != comp && m.comps.of[static_cast<size_t>(t)] == comp && t != h) return {};
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
    walkMoves(story, c, trip, h, a);
    access.push_back(std::move(a));
  }
  // Per variable: whether no min/max can act on it during a stay: its values on the way
  // in, moved by the most all the excursions together can move it, stay in range.
  std::vector<uint8_t> unclamped(m.vars, 0);
  for (size_t v = 0; v < m.vars; ++v) {
    const VarInfo& info = story.variables[v].info;
    auto [lo, hi] = spans[static_cast<size_t>(comp) * m.vars + v];
    if (info.type != Type::Int || lo > hi) continue;
    int64_t up = 0, down = 0;
    for (const Access& a : access) up = addCapped(up, a.up[v]), down = addCapped(down, a.down[v]);
    unclamped[v] = lo - down >= (info.min ? *info.min : INT32_MIN) && hi + up <= (info.max ? *info.max : INT32_MAX);
  }
  HubRooms out;
  std::vector<size_t> roomTrip;
  for (size_t k = 0; k < trips.size(); ++k) {
    const Choice& c = hub.choices[static_cast<size_t>(trips[k].choice)];
    if (!c.once || c.spentSlot < 0) continue;
    bool closed = !c.fallback && trips[k].closed;
    for (int x : trips[k].scenes) closed = closed && owner[static_cast<size_t>(x)] == static_cast<int>(k);
    bool candidate = closed;
    for (size_t j = 0; j < trips.size() && candidate; ++j)  // a way round the hub offered again
      if (j != k && !hub.choices[static_cast<size_t>(trips[j].choice)].once)
        candidate = independent(story, m, unclamped, comp, access[k], access[j]);
    out.rooms.push_back(trips[k].choice);
    out.candidate.push_back(candidate);
    roomTrip.push_back(k);
  }
  if (out.rooms.size() < 2 || out.rooms.size() > 64) return {};
  out.deps.assign(out.rooms.size(), 0);
  for (size_t a = 0; a < out.rooms.size(); ++a)
    for (size_t b = 0; b < out.rooms.size(); ++b)
      if (a != b &&
          (!out.candidate[b] || !independent(story, m, unclamped, comp, access[roomTrip[a]], access[roomTrip[b]])))
        out.deps[a] |= uint64_t{1} << b;
  uint64_t all = out.rooms.size() == 64 ? ~uint64_t{0} : (uint64_t{1} << out.rooms.size()) - 1;
  bool some = false;  // a room that commutes with another: some order to spare
  for (size_t a = 0; a < out.rooms.size(); ++a)
    some = some || (out.candidate[a] && (out.deps[a] | uint64_t{1} << a) != all);
  if (!some) return {};
  return out;
}

}  // namespace

void findFreeRooms(const Story& story, const SceneGraph& graph, ExploreModel& m) {
  m.freeHub.clear();
  m.orderedHubs.clear();
  if (!m.mergeValues || !m.hasSpent()) return;
  auto slots = static_cast<size_t>(story.spentSlots);
  std::vector<int> freeHub(slots, -1), roomHub(slots, -1), roomBit(slots, -1);
  std::vector<uint64_t> roomDeps(slots, 0);
  std::vector<std::pair<int64_t, int64_t>> spans = entrySpans(story, m);
  for (size_t h = 0; h < story.scenes.size(); ++h) {
    HubRooms rooms = freeRoomsOf(story, graph, m, spans, static_cast<int>(h));
    if (rooms.rooms.empty()) continue;
    auto hub = static_cast<int>(m.orderedHubs.size());
    size_t free = 0;
    for (size_t b = 0; b < rooms.rooms.size(); ++b) {
      auto slot = static_cast<size_t>(story.scenes[h].choices[static_cast<size_t>(rooms.rooms[b])].spentSlot);
      roomHub[slot] = hub, roomBit[slot] = static_cast<int>(b), roomDeps[slot] = rooms.deps[b];
      if (rooms.candidate[b]) freeHub[slot] = hub, ++free;
    }
    m.orderedHubs.push_back({static_cast<int>(h), free});
  }
  if (m.orderedHubs.empty()) return;
  m.freeHub = std::move(freeHub);
  m.roomHub = std::move(roomHub);
  m.roomBit = std::move(roomBit);
  m.roomDeps = std::move(roomDeps);
}

}  // namespace lc
