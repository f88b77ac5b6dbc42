// The search. One scratch State is decoded from each key, and every choice is played
// on it with the rules of play.h, then undone, so following a choice allocates nothing
// (but the text of a string variable that changes).
//
// Order: a state is expanded early when it is new in what decides play (its control part:
// scene, kept visit counts, spent choices), when it brings a variable value its scene has
// not seen yet, or when the state it came from showed a set of choices never shown at its
// scene before; the rest, states that differ from known ones only in their variables,
// wait. Stories whose variables multiply the space (a hub visited in any order, counters
// going up and down) still get their scenes, choices and endings found early, so a search
// stopped by the cap reports real paths to most of the story. Shortest paths are worked
// out after, over all the edges found.
#include <algorithm>
#include <unordered_set>

#include "analysis/explore_search.h"
#include "core/play.h"

namespace lc {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

// First-in first-out over state numbers, without a deque's per-block allocations.
struct Queue {
  std::vector<uint32_t> items;
  size_t head = 0;
  bool empty() const { return head == items.size(); }
  uint32_t pop() { return items[head++]; }
};

// Every value of every random(a, b) one step of play draws, as an odometer: the step is
// played once per combination, the first time drawing each smallest value. A later digit
// exists only on the path its earlier ones took, so the tree of draws is covered exactly.
class Draws final : public RandomSource {
 public:
  int32_t draw(int32_t lo, int32_t hi) override {
    if (at_ == digits_.size()) digits_.push_back({0, static_cast<uint32_t>(int64_t{hi} - lo)});
    return static_cast<int32_t>(lo + static_cast<int64_t>(digits_[at_++].value));
  }
  void reset() { digits_.clear(), at_ = 0; }
  // The next combination; false when every one was played.
  bool advance() {
    digits_.resize(at_);  // a draw this run did not make is no digit
    at_ = 0;
    while (!digits_.empty() && digits_.back().value == digits_.back().max) digits_.pop_back();
    if (digits_.empty()) return false;
    ++digits_.back().value;
    return true;
  }

 private:
  struct Digit {
    uint32_t value, max;
  };
  std::vector<Digit> digits_;
  size_t at_ = 0;
};

class Searcher {
 public:
  Searcher(const Story& story, const ExploreOptions& options, SearchGraph& g)
      : story_(story),
        options_(options),
        g_(g),
        m_(g.model),
        work_(State::initial(story)),
        control_(g.model.controlWords) {
    key_.assign(m_.keyWords, 0);
    base_.assign(m_.keyWords, 0);
    baseStrings_.assign(m_.vars, 0);
    g_.states.reserve(static_cast<size_t>(std::min<uint64_t>(options.maxStates + 64, uint64_t{1} << 24)));
    setUpValues();
    emptyString_ = g_.strings.id("");
    g_.mergedAbove.assign(m_.vars, 0);
    g_.mergedBelow.assign(m_.vars, 0);
    g_.shown.resize(story.scenes.size());
    for (size_t s = 0; s < story.scenes.size(); ++s) g_.shown[s].assign(story.scenes[s].choices.size(), false);
  }
  void run();
  void rescueTrapped();

 private:
  void start();
  void expand(uint32_t i);
  void noteShown();
  void setUpValues();
  bool newValues(const uint32_t* key);
  void follow(uint32_t from, const VisibleChoice& c);
  bool step(const VisibleChoice& c, PlayError& e);
  bool skipsOrder(const VisibleChoice& c) const;
  bool finishesTakingEveryRoom(uint32_t from, const std::vector<uint8_t>& ok, uint64_t& budget);
  void decode(uint32_t i);
  void decodeKey(const uint32_t* k);
  void decodeVars();
  void undecode();
  void encode(int target, uint32_t list);
  uint32_t spentAfter(const VisibleChoice& c, int target);
  uint32_t stringId(size_t v);
  void flush(uint32_t from);
  void add(const uint32_t* key, uint64_t hash, uint32_t from, int choice);
  void fail(uint32_t from, int choice, const PlayError& e);
  int scene() const { return static_cast<int>(m_.scene.get(base_.data())); }

  const Story& story_;
  const ExploreOptions& options_;
  SearchGraph& g_;
  const ExploreModel& m_;
  State work_;
  Draws draws_;       // work_.draws: random() in effects branches over every value
  StateSet control_;  // control parts seen
  Queue early_, late_;
  std::unordered_set<uint64_t> shownSets_;  // (scene, visible choices) met so far, hashed
  bool novel_ = false;                      // the state being expanded showed a new set
  // Per scene, a bit per value of each variable of at most kValueBits bits: seen there yet?
  static constexpr uint32_t kValueBits = 8;
  std::vector<uint32_t> valueBase_;  // by variable: first bit of its values, or UINT32_MAX
  size_t valuesPerScene_ = 0;
  std::vector<uint64_t> valuesSeen_;
  std::vector<VisibleChoice> visible_;
  std::vector<uint32_t> passedVisits_;
  void markPassedThrough(const std::vector<uint32_t>& before);  // follow(): counts before passing through scenes
  std::vector<uint32_t> key_, base_;
  std::vector<uint32_t> baseStrings_;  // pool ids of the expanded state's strings, by slot
  bool decoded_ = false;
  uint32_t emptyString_ = 0;  // the value a string nothing reads any more is kept as
  // Successors of the state being expanded, inserted together (see StateSet::prefetch).
  std::vector<uint32_t> batch_;
  std::vector<int32_t> batchChoice_, batchMerged_;
  int32_t merged_ = -1;  // the last encode() did not keep this watched variable as it is
  std::vector<uint64_t> batchHash_;
  uint32_t list_ = SpentLists::kEmpty;  // spent list of the state being expanded
  SpentLists spent_;
  std::unordered_set<std::string> errorsSeen_;
};

void Searcher::run() {
  start();
  while (!early_.empty() || !late_.empty()) {
    if (g_.states.size() >= options_.maxStates) {
      g_.complete = false;
      break;
    }
    expand(early_.empty() ? late_.pop() : early_.pop());
    ++g_.expanded;
    if (options_.progress && (g_.expanded & 0x3fff) == 0) options_.progress(g_.states.size(), g_.expanded);
  }
}

// (A draw in the start scene's own `do` takes the value play would: the search has one root.)
void Searcher::start() {
  PlayError e;
  if (!enterScene(story_, work_, story_.start, e)) {
    g_.startFailed = true;
    g_.errors.push_back({0, -2, e.loc, e.message});
    return;
  }
  encode(work_.scene, SpentLists::kEmpty);  // the start may pass play on
  markPassedThrough(std::vector<uint32_t>(story_.scenes.size(), 0));
  work_ = State::initial(story_);  // the scratch state keeps counts nobody reads at 0
  work_.draws = &draws_;           // from here on random() branches over every value
  add(key_.data(), g_.states.hash(key_.data()), kNone, -1);
}

void Searcher::flush(uint32_t from) {
  size_t n = batchChoice_.size(), words = m_.keyWords;
  batchHash_.resize(n);
  for (size_t k = 0; k < n; ++k) {
    batchHash_[k] = g_.states.hash(&batch_[k * words]);
    g_.states.prefetch(batchHash_[k]);
  }
  for (size_t k = 0; k < n; ++k) {
    add(&batch_[k * words], batchHash_[k], from, batchChoice_[k]);
    g_.edgeMerged.push_back(batchMerged_[k]);
  }
  batch_.clear();
  batchChoice_.clear();
  batchMerged_.clear();
}

// Finds or adds a state reached from `from` by `choice` (and adds the edge).
void Searcher::add(const uint32_t* key, uint64_t hash, uint32_t from, int choice) {
  bool added = false;
  uint32_t j = g_.states.insert(key, hash, added);
  if (added) {
    g_.kind.push_back(StateKind::Queued);
    g_.failing.push_back(0);
    g_.skipped.push_back(0);
    g_.edgeBegin.push_back(0);
    g_.edgeCount.push_back(0);
    bool newControl = false;
    control_.insert(key, newControl);                     // the control part is the key's prefix
    bool early = newValues(key) || newControl || novel_;  // newValues first: it records
    (early ? early_ : late_).items.push_back(j);
  }
  if (from == kNone) return;
  g_.edges.push_back(j);
  g_.edgeChoice.push_back(choice);
  ++g_.edgeCount[from];
}

void Searcher::expand(uint32_t i) {
  g_.edgeBegin[i] = g_.edges.size();
  g_.kind[i] = StateKind::Open;
  decode(i);
  const Scene& s = story_.scenes[static_cast<size_t>(scene())];
  PlayError e;
  if (s.isEnd) {
    g_.kind[i] = StateKind::Ending;
  } else if (!visibleChoices(story_, work_, scene(), visible_, e)) {
    g_.kind[i] = StateKind::Failed;
    fail(i, -2, e);
  } else if (visible_.empty()) {
    g_.kind[i] = StateKind::DeadEnd;
  } else {
    noteShown();
    bool changed = false;
    for (size_t k = 0; k < visible_.size(); ++k) {
      if (skipsOrder(visible_[k])) {
        g_.skipped[i] = 1;
        ++g_.ordersSkipped;
        continue;
      }
      draws_.reset();
      do {
        if (changed) decodeVars();  // the previous choice, or draw, changed them
        follow(i, visible_[k]);
        changed = true;
      } while (draws_.advance());
    }
    flush(i);
  }
  novel_ = false;
  undecode();
}

void Searcher::setUpValues() {
  valueBase_.assign(m_.vars, UINT32_MAX);
  for (size_t v = 0; v < m_.vars; ++v) {
    if (m_.varFields[v].bits > kValueBits) continue;  // wide ints and strings: not tracked
    valueBase_[v] = static_cast<uint32_t>(valuesPerScene_);
    valuesPerScene_ += size_t{1} << m_.varFields[v].bits;
  }
  valuesSeen_.assign((story_.scenes.size() * valuesPerScene_ + 63) / 64, 0);
}

// Records the values of the new state `key` at its scene; true when one is new there.
bool Searcher::newValues(const uint32_t* key) {
  size_t row = static_cast<size_t>(m_.scene.get(key)) * valuesPerScene_;
  bool found = false;
  for (size_t v = 0; v < m_.vars; ++v) {
    if (valueBase_[v] == UINT32_MAX) continue;
    const KeyField& f = m_.varFields[v];
    size_t bit = row + valueBase_[v] + ((key[f.word] >> f.shift) & f.mask());
    uint64_t& word = valuesSeen_[bit / 64];
    uint64_t mask = uint64_t{1} << (bit % 64);
    found = found || !(word & mask);
    word |= mask;
  }
  return found;
}

// Marks the visible choices as shown, and whether this set of them is new here.
void Searcher::noteShown() {
  auto& shown = g_.shown[static_cast<size_t>(scene())];
  uint64_t h = 0x9e3779b97f4a7c15ull * (static_cast<uint64_t>(scene()) + 1);
  for (const VisibleChoice& c : visible_) {
    if (c.choice >= 0) shown[static_cast<size_t>(c.choice)] = true;
    h = (h ^ static_cast<uint64_t>(c.choice + 2)) * 0xff51afd7ed558ccdull;
  }
  novel_ = shownSets_.insert(h).second;
}

// Scenes entered since `before` other than the one play stopped at: passed through.
void Searcher::markPassedThrough(const std::vector<uint32_t>& before) {
  g_.passedThrough.resize(story_.scenes.size(), false);
  for (size_t x = 0; x < before.size(); ++x)
    if (work_.visits[x] != before[x] && static_cast<int>(x) != work_.scene) g_.passedThrough[x] = true;
}

// A free room (explore_orders.cpp) is not taken once a room of its hub written after it
// is done, when it commutes with every room done: doing it before them reaches the same.
bool Searcher::skipsOrder(const VisibleChoice& c) const {
  if (m_.freeHub.empty() || c.choice < 0) return false;
  const Choice& choice = story_.scenes[static_cast<size_t>(scene())].choices[static_cast<size_t>(c.choice)];
  if (!choice.once) return false;
  auto slot = static_cast<uint32_t>(choice.spentSlot);
  int hub = m_.freeHub[slot];
  if (hub < 0) return false;
  bool later = false;
  for (uint32_t l = list_; l != SpentLists::kEmpty; l = spent_.tail(l)) {
    uint32_t done = spent_.head(l);
    if (m_.roomHub[done] != hub) continue;
    if ((m_.roomDeps[slot] >> m_.roomBit[done]) & 1) return false;  // it may not be moved before that one
    later = later || done > slot;
  }
  return later;
}

void Searcher::follow(uint32_t from, const VisibleChoice& c) {
  PlayError e;
  if (!step(c, e)) return fail(from, c.choice, e);
  batch_.insert(batch_.end(), key_.begin(), key_.end());
  batchChoice_.push_back(c.choice);
  batchMerged_.push_back(merged_);
}

// Plays `c` from the decoded state: the state it leads to in key_, the scratch state
// as it was after. False on a run-time error.
bool Searcher::step(const VisibleChoice& c, PlayError& e) {
  work_.scene = scene();
  const Scene& here = story_.scenes[static_cast<size_t>(scene())];
  const Choice* choice = c.choice >= 0 ? &here.choices[static_cast<size_t>(c.choice)] : nullptr;
  auto target = static_cast<size_t>(c.target);
  uint32_t saved = work_.visits[target];
  // A scene without text may pass play on through others: keep every count to restore.
  const bool passes = story_.scenes[target].passThrough;
  if (passes) passedVisits_ = work_.visits;
  bool ok = takeChoice(story_, work_, c, e) && enterScene(story_, work_, c.target, e);
  if (ok) encode(work_.scene, spentAfter(c, work_.scene));
  if (passes) {
    markPassedThrough(passedVisits_);
    work_.visits.swap(passedVisits_);
  } else
    work_.visits[target] = saved;
  if (choice && choice->once) work_.spent[static_cast<size_t>(choice->spentSlot)] = 0;  // it was visible: not spent
  return ok;
}

// Whether play from state `from`, taking every room, reaches a state that can finish
// (`ok`), an ending, a dead end or a run-time error: a search of its own, over states
// kept apart from the graph. `budget` bounds the states all these searches hold.
bool Searcher::finishesTakingEveryRoom(uint32_t from, const std::vector<uint8_t>& ok, uint64_t& budget) {
  StateSet local(m_.keyWords, 64);
  bool added = false;
  local.insert(g_.states.key(from), added);
  std::vector<uint32_t> key;
  for (uint32_t at = 0; at < local.size(); ++at) {
    if (budget == 0) return false;
    --budget;
    key.assign(local.key(at), local.key(at) + m_.keyWords);  // the set moves as it grows
    uint32_t known = g_.states.find(key.data());
    if (known != kNone && ok[known]) return true;
    decodeKey(key.data());
    PlayError e;
    bool finishes = story_.scenes[static_cast<size_t>(scene())].isEnd ||
                    !visibleChoices(story_, work_, scene(), visible_, e) || visible_.empty();
    for (size_t k = 0; k < visible_.size() && !finishes; ++k) {
      if (k > 0) decodeVars();
      if (!step(visible_[k], e))
        finishes = true;
      else
        local.insert(key_.data(), added);
    }
    undecode();
    if (finishes) return true;
  }
  return false;
}

// States with a room skipped that seem to have no way to an ending any more: searched
// again taking every room. Each such way found is a real one; a state with none left,
// searched to the end, is trapped. Stops (the search then not complete) past a budget.
void Searcher::rescueTrapped() {
  if (!g_.complete || g_.ordersSkipped == 0) return;
  g_.rescued.assign(g_.states.size(), 0);
  std::vector<uint8_t> ok = canFinish(g_);
  uint64_t budget = std::max<uint64_t>(options_.maxStates, 100000);
  for (uint32_t i = 0; i < g_.states.size(); ++i) {
    if (!g_.skipped[i] || ok[i]) continue;
    if (finishesTakingEveryRoom(i, ok, budget)) g_.rescued[i] = ok[i] = 1;
    if (budget == 0) {
      g_.complete = false;
      return;
    }
  }
}

// The spent list after taking `c` and entering `target`: the choice added when it
// can be seen again, and the once-choices of loops play can no longer reach dropped.
uint32_t Searcher::spentAfter(const VisibleChoice& c, int target) {
  if (!m_.hasSpent()) return SpentLists::kEmpty;
  uint32_t list = list_;
  if (c.choice >= 0) {
    const Choice& choice = story_.scenes[static_cast<size_t>(scene())].choices[static_cast<size_t>(c.choice)];
    if (choice.once && m_.onceGroup[static_cast<size_t>(choice.spentSlot)] >= 0)
      list = spent_.with(list, static_cast<uint32_t>(choice.spentSlot));
  }
  int to = m_.comps.of[static_cast<size_t>(target)];
  if (list != SpentLists::kEmpty && to != m_.comps.of[static_cast<size_t>(scene())])
    list = spent_.filter(list, [&](uint32_t slot) { return m_.keepsOnce(to, static_cast<int>(slot)); });
  return list;
}

void Searcher::fail(uint32_t from, int choice, const PlayError& e) {
  g_.failing[from] = 1;
  if (errorsSeen_.insert(story_.where(e.loc) + ": " + e.message).second)
    g_.errors.push_back({from, choice, e.loc, e.message});
}

void Searcher::decode(uint32_t i) { decodeKey(g_.states.key(i)); }

void Searcher::decodeKey(const uint32_t* k) {
  base_.assign(k, k + m_.keyWords);  // keys move when the set grows
  work_.scene = scene();
  decodeVars();
  for (size_t t = 0; t < m_.tracked.size(); ++t)
    work_.visits[static_cast<size_t>(m_.tracked[t])] = static_cast<uint32_t>(m_.visitFields[t].get(base_.data()));
  list_ = m_.hasSpent() ? static_cast<uint32_t>(m_.spent.get(base_.data())) : SpentLists::kEmpty;
  decoded_ = true;
  for (uint32_t l = list_; l != SpentLists::kEmpty; l = spent_.tail(l)) work_.spent[spent_.head(l)] = 1;
}

void Searcher::decodeVars() {
  for (size_t v = 0; v < m_.vars; ++v) {
    Value& value = work_.vars[v];
    int64_t field = m_.varFields[v].get(base_.data());
    if (value.type == Type::String) {
      baseStrings_[v] = static_cast<uint32_t>(field);
      value.text = g_.strings.text(baseStrings_[v]);
    } else
      value.number = static_cast<int32_t>(static_cast<uint32_t>(field));  // unbounded ints wrap
  }
}

void Searcher::undecode() {
  for (int t : m_.tracked) work_.visits[static_cast<size_t>(t)] = 0;
  for (uint32_t l = list_; l != SpentLists::kEmpty; l = spent_.tail(l)) work_.spent[spent_.head(l)] = 0;
}

void Searcher::encode(int target, uint32_t list) {
  std::fill(key_.begin(), key_.end(), 0);
  merged_ = -1;
  uint32_t* key = key_.data();
  m_.scene.put(key, target);
  int comp = m_.comps.of[static_cast<size_t>(target)];
  for (size_t t = 0; t < m_.tracked.size(); ++t) {
    uint32_t count = work_.visits[static_cast<size_t>(m_.tracked[t])];
    if (m_.keepsVisits(comp, t)) m_.visitFields[t].put(key, std::min(count, m_.caps[t]));
  }
  if (m_.hasSpent()) m_.spent.put(key, list);
  for (size_t v = 0; v < m_.vars; ++v) {
    const Value& value = work_.vars[v];
    const KeyField& field = m_.varFields[v];
    if (!m_.keepsVar(comp, v)) {  // nothing ahead reads it: one fixed value
      field.put(key, value.type == Type::String ? int64_t{emptyString_} : field.base);
      if (m_.overflowWatch[v] && value.number != field.base) merged_ = static_cast<int32_t>(v);
      continue;
    }
    if (value.type == Type::String) {
      field.put(key, stringId(v));
      continue;
    }
    int32_t number = value.number;
    if (!m_.mergeValues) {
      field.put(key, number);
      continue;
    }
    size_t at = static_cast<size_t>(comp) * m_.vars + v;
    if (number > m_.varHi[at]) number = m_.varHi[at], g_.mergedAbove[v] = 1;
    if (number < m_.varLo[at]) number = m_.varLo[at], g_.mergedBelow[v] = 1;
    if (m_.overflowWatch[v] && number != value.number) merged_ = static_cast<int32_t>(v);
    field.put(key, number);
  }
}

// Most choices leave a string as it was: compare with it before hashing the text.
uint32_t Searcher::stringId(size_t v) {
  const std::string& text = work_.vars[v].text;
  if (decoded_ && text == g_.strings.text(baseStrings_[v])) return baseStrings_[v];
  return g_.strings.id(text);
}

}  // namespace

void searchStates(const Story& story, const ExploreOptions& options, SearchGraph& graph) {
  Searcher searcher(story, options, graph);
  searcher.run();
  searcher.rescueTrapped();
}

void shortestPaths(const Story& story, SearchGraph& g) {
  size_t n = g.states.size();
  g.parent.assign(n, kNone);
  g.via.assign(n, -1);
  g.order.clear();
  g.firstAt.assign(story.scenes.size(), kNone);
  if (n == 0) return;
  std::vector<uint8_t> seen(n, 0);
  seen[0] = 1;
  g.order.push_back(0);
  for (size_t q = 0; q < g.order.size(); ++q) {
    uint32_t i = g.order[q];
    uint32_t& first = g.firstAt[static_cast<size_t>(g.model.scene.get(g.states.key(i)))];
    if (first == kNone) first = i;
    for (uint64_t e = g.edgeBegin[i]; e < g.edgeBegin[i] + g.edgeCount[i]; ++e) {
      uint32_t t = g.edges[e];
      if (seen[t]) continue;
      seen[t] = 1;
      g.parent[t] = i;
      g.via[t] = g.edgeChoice[e];
      g.order.push_back(t);
    }
  }
}

ExplorePath pathTo(const SearchGraph& graph, uint32_t i) {
  ExplorePath path;
  for (uint32_t at = i; graph.parent[at] != kNone; at = graph.parent[at]) {
    uint32_t from = graph.parent[at];
    path.push_back({static_cast<int>(graph.model.scene.get(graph.states.key(from))), graph.via[at]});
  }
  return {path.rbegin(), path.rend()};
}

}  // namespace lc
