// Which values of each variable explore can merge (see explore_model.h, "Variables").
//
// A variable is dropped from the key once no condition or effect ahead can read it. An int
// that is only compared with constants and only changed by constants (`climbs += 1`,
// `trust -= 2`, `hour = 8`) is kept only as precisely as the comparisons ahead tell
// apart. Ahead of component c let K be the greatest cut of those comparisons and D the
// most the variable can still go down (its decreases along any path; unbounded on a loop
// that decreases it). Two values both >= K + D stay >= K on every path (a clamp to max
// only brings them back to max >= K + D; to min only raises), so every comparison ahead
// reads them alike: they are one value, K + D. (Moves after the last read on a path do
// not count.) Likewise below L - U - 1, with L the
// least cut and U the most it can still go up. A counter that only grows and is read as
// `>= 3` so saturates at 3. Text is not part of this: it never decides where play goes.
#include <algorithm>
#include <map>

#include "analysis/explore_model.h"

namespace lc {
namespace {

constexpr int64_t kUnbounded = INT64_MAX / 4;

int64_t addCapped(int64_t a, int64_t b) { return std::min(kUnbounded, a + b); }

// How far effects move variable v: (down, up); unbounded when not by a constant.
struct Move {
  int64_t down = 0, up = 0;
};

Move moveOf(const std::vector<LocatedEffect>& effects, int v) {
  Move m;
  for (const LocatedEffect& e : effects) {
    if (e.effect.slot != v || e.effect.op == AssignOp::Set) continue;
    std::optional<int32_t> c = e.effect.value.constantNumber();
    int64_t by = c ? (e.effect.op == AssignOp::Add ? int64_t{*c} : -int64_t{*c}) : kUnbounded;
    if (!c)
      m.down = m.up = kUnbounded;
    else if (by < 0)
      m.down = addCapped(m.down, -by);
    else
      m.up = addCapped(m.up, by);
  }
  return m;
}

// Values a counter may be set to, and steps it may move by, and still be merged: a
// variable with no max (min) that effects move up (down) can overflow, which merging
// would hide. Within these bounds play cannot come near the 32-bit edge except by going
// round a loop that moves it, which explore finds in its states (explore_overflow.cpp).
constexpr int64_t kMergeableValue = int64_t{1} << 24, kMergeableStep = int64_t{1} << 16;

// Int variables read only against constants and set only to constants.
std::vector<bool> cutVariables(const Story& story) {
  std::vector<bool> cut(story.variables.size(), false);
  for (size_t v = 0; v < cut.size(); ++v) cut[v] = story.variables[v].info.type == Type::Int;
  std::vector<int64_t> ignored;
  auto effects = [&](const std::vector<LocatedEffect>& list) {
    for (const LocatedEffect& e : list) {
      std::optional<int32_t> c = e.effect.value.constantNumber();
      int64_t limit = e.effect.op == AssignOp::Set ? kMergeableValue : kMergeableStep;
      if (!c || *c > limit || *c < -limit) cut[static_cast<size_t>(e.effect.slot)] = false;
    }
  };
  for (size_t v = 0; v < cut.size(); ++v) {
    const VariableDecl& d = story.variables[v];
    if (d.info.type == Type::Int && (d.initial.number > kMergeableValue || d.initial.number < -kMergeableValue))
      cut[v] = false;
  }
  for (const Scene& s : story.scenes) {
    forEachPlayExpr(s, [&](const Expr& e) {
      for (int v : e.readsVariables())
        if (cut[static_cast<size_t>(v)] && !e.varCuts(v, ignored)) cut[static_cast<size_t>(v)] = false;
    });
    effects(s.onEnter);
    for (const Choice& c : s.choices) effects(c.effects);
  }
  return cut;
}

// An edge of the scene graph with what its effects do: the choice's, then the target's entry.
struct Edge {
  int to;
  const std::vector<LocatedEffect>* choice;  // null for `next`
  int once = -1;                             // the choice's spent slot when it is once-only
};

std::vector<Edge> edgesOf(const Story& story, const Scene& s) {
  std::vector<Edge> out;
  if (s.next >= 0) out.push_back({s.next, nullptr});
  for (const Branch& b : s.nextBranches) out.push_back({b.target, nullptr});
  for (const Choice& c : s.choices) {
    if (c.condition && c.condition->truth() == Expr::Truth::AlwaysFalse) continue;
    int once = c.once ? c.spentSlot : -1;
    if (c.target >= 0) out.push_back({c.target, &c.effects, once});
    for (const Branch& b : c.branches) out.push_back({b.target, &c.effects, once});  // conditional gotos
  }
  (void)story;
  return out;
}

struct Ahead {
  bool live = false;
  int64_t lo = kUnbounded, hi = -kUnbounded;  // least and greatest cut ahead
  int64_t down = 0, up = 0;                   // most it can still go down / up
};

Move edgeMove(const Story& story, const Edge& edge, int v) {
  Move a = edge.choice ? moveOf(*edge.choice, v) : Move{};
  Move b = moveOf(story.scenes[static_cast<size_t>(edge.to)].onEnter, v);
  return {addCapped(a.down, b.down), addCapped(a.up, b.up)};
}

// The most variable v can move on any walk inside loop component `comp` (members
// `scenes`). Unbounded, unless every cycle in it passes a once-only choice (a hub of
// once-only rooms): then a walk is at most k+1 paths of the acyclic rest, joined by
// k <= (its once-choices) once-only steps, each taken at most once.
Move loopMoves(const Story& story, const ExploreModel& m, const std::vector<int>& scenes, int comp, int v) {
  std::vector<std::pair<int, std::vector<Edge>>> inside;  // scene, its edges inside
  std::map<int, Move> onceMoves;                          // per once-choice: its most
  std::map<int, size_t> indegree;
  for (int s : scenes) indegree[s] = 0;
  Move total, moved;  // moved: whether any edge inside moves it down / up at all
  for (int s : scenes) {
    inside.push_back({s, {}});
    for (const Edge& e : edgesOf(story, story.scenes[static_cast<size_t>(s)])) {
      if (m.comps.of[static_cast<size_t>(e.to)] != comp) continue;
      Move mv = edgeMove(story, e, v);
      moved.down = std::max(moved.down, mv.down), moved.up = std::max(moved.up, mv.up);
      if (e.once >= 0) {
        Move& o = onceMoves[e.once];
        o.down = std::max(o.down, mv.down), o.up = std::max(o.up, mv.up);
        continue;
      }
      inside.back().second.push_back(e);
      ++indegree[e.to];
    }
  }
  // Longest paths over the rest, in topological order (Kahn); a cycle left: unbounded.
  std::map<int, Move> best;
  std::vector<int> ready;
  for (const auto& [s, n] : indegree)
    if (n == 0) ready.push_back(s);
  size_t done = 0;
  Move longest;
  std::map<int, const std::vector<Edge>*> out;
  for (const auto& [s, edges] : inside) out[s] = &edges;
  while (!ready.empty()) {
    int s = ready.back();
    ready.pop_back();
    ++done;
    Move here = best[s];
    longest.down = std::max(longest.down, here.down), longest.up = std::max(longest.up, here.up);
    for (const Edge& e : *out[s]) {
      Move mv = edgeMove(story, e, v);
      Move& t = best[e.to];
      t.down = std::max(t.down, addCapped(here.down, mv.down)), t.up = std::max(t.up, addCapped(here.up, mv.up));
      if (--indegree[e.to] == 0) ready.push_back(e.to);
    }
  }
  if (done < scenes.size()) return {moved.down > 0 ? kUnbounded : 0, moved.up > 0 ? kUnbounded : 0};
  for (const auto& [slot, o] : onceMoves)
    total.down = addCapped(total.down, o.down), total.up = addCapped(total.up, o.up);
  auto segments = static_cast<int64_t>(onceMoves.size() + 1);
  total.down = addCapped(total.down, longest.down >= kUnbounded / segments ? kUnbounded : longest.down * segments);
  total.up = addCapped(total.up, longest.up >= kUnbounded / segments ? kUnbounded : longest.up * segments);
  return total;
}
}  // namespace

// Ints some effect moves towards a side that has no declared bound: they can overflow.
std::vector<bool> overflowWatch(const Story& story) {
  std::vector<bool> watch(story.variables.size(), false);
  auto effects = [&](const std::vector<LocatedEffect>& list) {
    for (const LocatedEffect& e : list) {
      const VarInfo& info = story.variables[static_cast<size_t>(e.effect.slot)].info;
      if (info.type != Type::Int || e.effect.op == AssignOp::Set) continue;
      Move m = moveOf({e}, e.effect.slot);
      if ((m.up > 0 && !info.max) || (m.down > 0 && !info.min)) watch[static_cast<size_t>(e.effect.slot)] = true;
    }
  };
  for (const Scene& s : story.scenes) {
    effects(s.onEnter);
    for (const Choice& c : s.choices) effects(c.effects);
  }
  return watch;
}

// The most one choice (its effects and its target's entry) moves a watched variable.
int64_t watchStep(const Story& story, const std::vector<bool>& watch) {
  auto total = [&](const std::vector<LocatedEffect>& effects) {
    int64_t sum = 0;
    for (const LocatedEffect& e : effects) {
      if (!watch[static_cast<size_t>(e.effect.slot)] || e.effect.op == AssignOp::Set) continue;
      Move m = moveOf({e}, e.effect.slot);
      sum = addCapped(sum, std::max(m.up, m.down));
    }
    return sum;
  };
  int64_t entry = 0, choice = 0;
  for (const Scene& s : story.scenes) {
    entry = std::max(entry, total(s.onEnter));
    for (const Choice& c : s.choices) choice = std::max(choice, total(c.effects));
  }
  return addCapped(entry, choice);
}

void findVariableKeeps(const Story& story, ExploreModel& m) {
  size_t vars = story.variables.size(), comps = static_cast<size_t>(m.comps.count);
  m.varCut = cutVariables(story);
  m.overflowWatch = overflowWatch(story);
  m.watchStep = watchStep(story, m.overflowWatch);
  // A variable that can overflow and is not a small counter is kept as it is everywhere:
  // its exact value decides where play fails.
  std::vector<bool> pinned(vars, false);
  for (size_t v = 0; v < vars; ++v) pinned[v] = m.overflowWatch[v] && !m.varCut[v];
  m.varWordsLive = (vars + 63) / 64;
  m.varLive.assign(comps * m.varWordsLive, 0);
  m.varLo.assign(comps * vars, 0);
  m.varHi.assign(comps * vars, 0);
  std::vector<std::vector<int>> members(comps);
  for (size_t s = 0; s < story.scenes.size(); ++s)
    members[static_cast<size_t>(m.comps.of[s])].push_back(static_cast<int>(s));
  std::vector<Ahead> ahead(comps * vars);
  std::vector<int64_t> cuts;
  m.keeps.assign(vars, VariableKeep{});
  std::vector<bool> read(vars, false);
  for (const Scene& s : story.scenes)
    forEachPlayExpr(s, [&](const Expr& e) {
      for (int v : e.readsVariables()) {
        read[static_cast<size_t>(v)] = true;
        if (m.varCut[static_cast<size_t>(v)]) e.varCuts(v, m.keeps[static_cast<size_t>(v)].cuts);
      }
    });
  for (size_t v = 0; v < vars; ++v) {
    VariableKeep& k = m.keeps[v];
    k.kind = !read[v] && !pinned[v] ? VariableKeep::NotRead : m.varCut[v] ? VariableKeep::Counter : VariableKeep::Exact;
    std::sort(k.cuts.begin(), k.cuts.end());
    k.cuts.erase(std::unique(k.cuts.begin(), k.cuts.end()), k.cuts.end());
    if (k.kind != VariableKeep::Counter) k.cuts.clear();
  }
  for (size_t c = 0; c < comps; ++c) {  // sinks first: successors are done
    Ahead* row = &ahead[c * vars];
    for (int s : members[c]) {
      const Scene& scene = story.scenes[static_cast<size_t>(s)];
      forEachPlayExpr(scene, [&](const Expr& e) {
        for (int v : e.readsVariables()) {
          Ahead& a = row[static_cast<size_t>(v)];
          a.live = true;
          cuts.clear();
          if (!m.varCut[static_cast<size_t>(v)] || !e.varCuts(v, cuts)) continue;
          for (int64_t cut : cuts) a.lo = std::min(a.lo, cut), a.hi = std::max(a.hi, cut);
        }
      });
      for (const Edge& edge : edgesOf(story, scene)) {
        auto ct = static_cast<size_t>(m.comps.of[static_cast<size_t>(edge.to)]);
        for (size_t v = 0; v < vars; ++v) {
          if (!m.varCut[v]) continue;
          Move a = edge.choice ? moveOf(*edge.choice, static_cast<int>(v)) : Move{};
          Move b = moveOf(story.scenes[static_cast<size_t>(edge.to)].onEnter, static_cast<int>(v));
          int64_t down = addCapped(a.down, b.down), up = addCapped(a.up, b.up);
          Ahead& mine = row[v];
          if (ct == c) continue;  // inside the loop: loopMoves, below
          const Ahead& next = ahead[ct * vars + v];
          if (!next.live) continue;  // moves after the last read cannot be told apart
          mine.down = std::max(mine.down, addCapped(down, next.down));
          mine.up = std::max(mine.up, addCapped(up, next.up));
        }
        for (size_t v = 0; v < vars; ++v) {
          if (ct == c) continue;
          const Ahead& next = ahead[ct * vars + v];
          Ahead& mine = row[v];
          mine.live = mine.live || next.live;
          mine.lo = std::min(mine.lo, next.lo);
          mine.hi = std::max(mine.hi, next.hi);
        }
      }
    }
    if (m.comps.cyclic[c])  // a loop's own moves come before any of the ways out
      for (size_t v = 0; v < vars; ++v) {
        if (!m.varCut[v]) continue;
        Move inside = loopMoves(story, m, members[c], static_cast<int>(c), static_cast<int>(v));
        row[v].down = addCapped(row[v].down, inside.down), row[v].up = addCapped(row[v].up, inside.up);
        if (inside.down + inside.up > 0 && inside.down < kUnbounded && inside.up < kUnbounded)
          m.keeps[v].onceBounded = true;
      }
    for (size_t v = 0; v < vars; ++v) {
      const Ahead& a = row[v];
      const VarInfo& info = story.variables[v].info;
      if (a.live || pinned[v]) m.varLive[c * m.varWordsLive + v / 64] |= uint64_t{1} << (v % 64);
      int64_t lo = INT32_MIN, hi = INT32_MAX;
      if (m.varCut[v] && a.hi >= a.lo) {
        if (a.down < kUnbounded) hi = std::min<int64_t>(hi, a.hi + a.down);
        if (a.up < kUnbounded) lo = std::max<int64_t>(lo, a.lo - a.up - 1);
      }
      if (info.min) lo = std::max<int64_t>(lo, *info.min), hi = std::max<int64_t>(hi, *info.min);
      if (info.max) hi = std::min<int64_t>(hi, *info.max), lo = std::min<int64_t>(lo, *info.max);
      m.varLo[c * vars + v] = static_cast<int32_t>(std::clamp<int64_t>(lo, INT32_MIN, INT32_MAX));
      m.varHi[c * vars + v] = static_cast<int32_t>(std::clamp<int64_t>(hi, INT32_MIN, INT32_MAX));
    }
  }
}

}  // namespace lc

namespace lc {
namespace {

// Values over-approximated by an interval (lo > hi: none yet).
struct Span {
  int64_t lo = kUnbounded, hi = -kUnbounded;
  void add(const Span& o) { lo = std::min(lo, o.lo), hi = std::max(hi, o.hi); }
};

// Effects on v applied to every value in `in`, each clamped to [floor, ceil] as play
// clamps to min/max.
Span applyEffects(Span in, const std::vector<LocatedEffect>& effects, int v, int64_t floor, int64_t ceil) {
  for (const LocatedEffect& e : effects) {
    if (e.effect.slot != v) continue;
    std::optional<int32_t> c = e.effect.value.constantNumber();
    if (!c) return {floor, ceil};
    if (e.effect.op == AssignOp::Set)
      in = {*c, *c};
    else {
      int64_t by = e.effect.op == AssignOp::Add ? int64_t{*c} : -int64_t{*c};
      in = {in.lo + by, in.hi + by};
    }
    in = {std::clamp(in.lo, floor, ceil), std::clamp(in.hi, floor, ceil)};
  }
  return in;
}

bool setsInside(const Story& story, const ExploreModel& m, const std::vector<int>& scenes, int comp, int v) {
  auto sets = [&](const std::vector<LocatedEffect>& effects) {
    for (const LocatedEffect& e : effects)
      if (e.effect.slot == v && (e.effect.op == AssignOp::Set || !e.effect.value.constantNumber())) return true;
    return false;
  };
  for (int s : scenes)
    for (const Edge& e : edgesOf(story, story.scenes[static_cast<size_t>(s)]))
      if (m.comps.of[static_cast<size_t>(e.to)] == comp &&
          ((e.choice && sets(*e.choice)) || sets(story.scenes[static_cast<size_t>(e.to)].onEnter)))
        return true;
  return false;
}

}  // namespace

std::vector<std::pair<int64_t, int64_t>> entrySpans(const Story& story, const ExploreModel& m) {
  size_t vars = m.vars, comps = static_cast<size_t>(m.comps.count);
  std::vector<std::pair<int64_t, int64_t>> out(comps * vars, {kUnbounded, -kUnbounded});
  if (story.start < 0 || comps == 0) return out;
  std::vector<std::vector<int>> members(comps);
  for (size_t s = 0; s < story.scenes.size(); ++s)
    members[static_cast<size_t>(m.comps.of[s])].push_back(static_cast<int>(s));
  for (size_t v = 0; v < vars; ++v) {
    const VarInfo& info = story.variables[v].info;
    if (info.type != Type::Int) continue;
    int64_t floor = info.min ? *info.min : INT32_MIN, ceil = info.max ? *info.max : INT32_MAX;
    auto iv = static_cast<int>(v);
    std::vector<Span> entry(comps);
    auto start = static_cast<size_t>(m.comps.of[static_cast<size_t>(story.start)]);
    int64_t initial = story.variables[v].initial.number;
    entry[start] =
        applyEffects({initial, initial}, story.scenes[static_cast<size_t>(story.start)].onEnter, iv, floor, ceil);
    for (size_t c = comps; c-- > 0;) {  // sources first: every way in is done
      Span here = entry[c];
      if (here.lo > here.hi) continue;  // never entered
      out[c * vars + v] = {here.lo, here.hi};
      if (m.comps.cyclic[c]) {
        Move inside = loopMoves(story, m, members[c], static_cast<int>(c), iv);
        bool bounded = inside.down < kUnbounded && inside.up < kUnbounded &&
                       !setsInside(story, m, members[c], static_cast<int>(c), iv);
        here = bounded ? Span{std::max(floor, here.lo - inside.down), std::min(ceil, here.hi + inside.up)}
                       : Span{floor, ceil};
      }
      for (int s : members[c])
        for (const Edge& e : edgesOf(story, story.scenes[static_cast<size_t>(s)])) {
          auto to = static_cast<size_t>(m.comps.of[static_cast<size_t>(e.to)]);
          if (to == c) continue;
          Span moved = e.choice ? applyEffects(here, *e.choice, iv, floor, ceil) : here;
          entry[to].add(applyEffects(moved, story.scenes[static_cast<size_t>(e.to)].onEnter, iv, floor, ceil));
        }
    }
  }
  return out;
}

}  // namespace lc
