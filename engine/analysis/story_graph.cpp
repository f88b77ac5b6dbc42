#include "analysis/story_graph.h"

#include <algorithm>

namespace lc {

SceneGraph SceneGraph::of(const Story& story) {
  SceneGraph g;
  g.out.resize(story.scenes.size());
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    auto branches = [&](const std::vector<Branch>& list) {
      for (const Branch& b : list)
        if (b.target >= 0 && b.condition.truth() != Expr::Truth::AlwaysFalse) g.out[i].push_back(b.target);
    };
    if (s.next >= 0) g.out[i].push_back(s.next);
    branches(s.nextBranches);
    for (const Choice& c : s.choices) {
      if (c.target < 0) continue;
      if (c.condition && c.condition->truth() == Expr::Truth::AlwaysFalse) continue;
      g.out[i].push_back(c.target);
      branches(c.branches);
    }
  }
  return g;
}

std::vector<bool> SceneGraph::reachableFrom(int from) const {
  std::vector<bool> seen(out.size(), false);
  if (from < 0 || static_cast<size_t>(from) >= out.size()) return seen;
  std::vector<int> stack{from};
  seen[static_cast<size_t>(from)] = true;
  while (!stack.empty()) {
    int s = stack.back();
    stack.pop_back();
    for (int t : out[static_cast<size_t>(s)])
      if (!seen[static_cast<size_t>(t)]) {
        seen[static_cast<size_t>(t)] = true;
        stack.push_back(t);
      }
  }
  return seen;
}

namespace {

// Tarjan's algorithm with an explicit stack, so a 10,000-scene chain cannot overflow
// the call stack.
class Tarjan {
 public:
  explicit Tarjan(const SceneGraph& g)
      : g_(g), index_(g.out.size(), -1), low_(g.out.size(), 0), inStack_(g.out.size(), false) {
    result_.of.assign(g.out.size(), -1);
  }
  Components run() {
    for (size_t s = 0; s < g_.out.size(); ++s)
      if (index_[s] < 0) visit(static_cast<int>(s));
    return std::move(result_);
  }

 private:
  struct Frame {
    int scene;
    size_t edge;
  };
  void open(int s) {
    index_[static_cast<size_t>(s)] = low_[static_cast<size_t>(s)] = counter_++;
    stack_.push_back(s);
    inStack_[static_cast<size_t>(s)] = true;
    frames_.push_back({s, 0});
  }
  void visit(int root);
  void close(int s);

  const SceneGraph& g_;
  std::vector<int> index_, low_, stack_;
  std::vector<bool> inStack_;
  std::vector<Frame> frames_;
  Components result_;
  int counter_ = 0;
};

void Tarjan::visit(int root) {
  open(root);
  while (!frames_.empty()) {
    Frame& f = frames_.back();
    const auto& edges = g_.out[static_cast<size_t>(f.scene)];
    if (f.edge < edges.size()) {
      int t = edges[f.edge++];
      auto ti = static_cast<size_t>(t);
      if (index_[ti] < 0) {
        open(t);
      } else if (inStack_[ti]) {
        low_[static_cast<size_t>(f.scene)] = std::min(low_[static_cast<size_t>(f.scene)], index_[ti]);
      }
      continue;
    }
    int s = f.scene;
    frames_.pop_back();
    if (!frames_.empty()) {
      auto p = static_cast<size_t>(frames_.back().scene);
      low_[p] = std::min(low_[p], low_[static_cast<size_t>(s)]);
    }
    if (low_[static_cast<size_t>(s)] == index_[static_cast<size_t>(s)]) close(s);
  }
}

// `s` is the root of a component: pop it off the stack.
void Tarjan::close(int s) {
  int c = result_.count++;
  bool cyclic = false;
  for (;;) {
    int t = stack_.back();
    stack_.pop_back();
    inStack_[static_cast<size_t>(t)] = false;
    result_.of[static_cast<size_t>(t)] = c;
    if (t != s) cyclic = true;
    if (t == s) break;
  }
  for (int t : g_.out[static_cast<size_t>(s)]) cyclic = cyclic || t == s;  // a scene leading to itself
  result_.cyclic.push_back(cyclic);
}

uint64_t addSaturating(uint64_t a, uint64_t b, bool& saturated) {
  if (a > UINT64_MAX - b) {
    saturated = true;
    return UINT64_MAX;
  }
  return a + b;
}

}  // namespace

Components componentsOf(const SceneGraph& graph) { return Tarjan(graph).run(); }

RouteCount countRoutes(const Story& story, const SceneGraph& graph) {
  RouteCount r;
  size_t n = graph.out.size();
  std::vector<bool> fromStart = graph.reachableFrom(story.start);
  // Scenes that can reach an ending: reachability over the reversed edges.
  std::vector<std::vector<int>> in(n);
  for (size_t s = 0; s < n; ++s)
    for (int t : graph.out[s]) in[static_cast<size_t>(t)].push_back(static_cast<int>(s));
  std::vector<bool> toEnd(n, false);
  std::vector<int> stack;
  for (size_t s = 0; s < n; ++s)
    if (story.scenes[s].isEnd) toEnd[s] = true, stack.push_back(static_cast<int>(s));
  while (!stack.empty()) {
    int s = stack.back();
    stack.pop_back();
    for (int p : in[static_cast<size_t>(s)])
      if (!toEnd[static_cast<size_t>(p)]) toEnd[static_cast<size_t>(p)] = true, stack.push_back(p);
  }
  Components comps = componentsOf(graph);
  std::vector<int> order;  // scenes on some route, sinks first
  for (size_t s = 0; s < n; ++s) {
    if (!fromStart[s] || !toEnd[s]) continue;
    if (comps.cyclic[static_cast<size_t>(comps.of[s])]) r.infinite = true;
    order.push_back(static_cast<int>(s));
  }
  if (r.infinite) return r;
  std::sort(order.begin(), order.end(), [&](int a, int b) { return comps.of[static_cast<size_t>(a)] < comps.of[static_cast<size_t>(b)]; });
  std::vector<uint64_t> routes(n, 0);
  for (int s : order) {
    auto si = static_cast<size_t>(s);
    if (story.scenes[si].isEnd) routes[si] = 1;
    for (int t : graph.out[si])
      if (toEnd[static_cast<size_t>(t)]) routes[si] = addSaturating(routes[si], routes[static_cast<size_t>(t)], r.saturated);
  }
  if (story.start >= 0) r.count = routes[static_cast<size_t>(story.start)];
  return r;
}

}  // namespace lc
