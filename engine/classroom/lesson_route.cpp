#include "classroom/lesson_route.h"

#include <algorithm>
#include <functional>
#include <limits>
#include <queue>

#include "core/play.h"
#include "core/state.h"

namespace lc {
namespace {

std::vector<int> nextScenes(const Scene& s) {
  std::vector<int> out;
  if (s.next >= 0) out.push_back(s.next);
  for (const Choice& c : s.choices)
    if (c.target >= 0) out.push_back(c.target);
  return out;
}

// The cheapest path (words of the scenes read) from `from` to a scene `goal` accepts, `from`
// itself excluded; empty when none. `blocked` scenes are never entered (closed chapters).
std::vector<int> cheapestPath(const Story& story, const std::vector<size_t>& words, int from,
                              const std::function<bool(int)>& goal, const std::function<bool(int)>& blocked) {
  const size_t n = story.scenes.size();
  std::vector<size_t> cost(n, std::numeric_limits<size_t>::max());
  std::vector<int> previous(n, -1);
  using Item = std::pair<size_t, int>;
  std::priority_queue<Item, std::vector<Item>, std::greater<Item>> queue;
  cost[from] = 0;
  queue.push({0, from});
  while (!queue.empty()) {
    auto [c, scene] = queue.top();
    queue.pop();
    if (c != cost[scene]) continue;
    if (scene != from && goal(scene)) {
      std::vector<int> path;
      for (int at = scene; at != from; at = previous[at]) path.push_back(at);
      std::reverse(path.begin(), path.end());
      return path;
    }
    if (scene != from && blocked(scene)) continue;
    for (int t : nextScenes(story.scenes[scene])) {
      size_t next = c + words[t];
      if (next < cost[t]) cost[t] = next, previous[t] = scene, queue.push({next, t});
    }
  }
  return {};
}

}  // namespace

size_t sceneWords(const Story& story, int scene) {
  std::vector<std::string> paragraphs;
  PlayError error;
  if (!sceneParagraphs(story, State::initial(story), scene, paragraphs, error)) return 0;
  size_t words = 0;
  for (const auto& p : paragraphs) {
    bool inWord = false;
    for (char ch : p) {
      bool space = ch == ' ' || ch == '\n' || ch == '\t';
      if (!space && !inWord) ++words;
      inWord = !space;
    }
  }
  return words;
}

LessonRoute estimateLessonRoute(const Story& story, int start, const std::vector<int>& mustRead, const std::vector<bool>& open) {
  LessonRoute route;
  if (start < 0 || start >= static_cast<int>(story.scenes.size())) return route;
  std::vector<size_t> words(story.scenes.size());
  for (size_t i = 0; i < words.size(); ++i) words[i] = sceneWords(story, static_cast<int>(i));
  auto closed = [&](int s) { return !open.empty() && !open[story.scenes[s].chapter]; };
  auto stop = [&](int s) { return closed(s) || story.scenes[s].isEnd; };
  route.scenes.push_back(start);
  for (int m : mustRead) {
    if (std::find(route.scenes.begin(), route.scenes.end(), m) != route.scenes.end()) continue;
    auto path = cheapestPath(story, words, route.scenes.back(), [&](int s) { return s == m; }, stop);
    if (path.empty()) route.unreachable.push_back(m);
    route.scenes.insert(route.scenes.end(), path.begin(), path.end());
  }
  auto exit = cheapestPath(story, words, route.scenes.back(), stop, [](int) { return false; });
  for (int s : exit)
    if (!closed(s)) route.scenes.push_back(s);  // the class stops at a closed chapter's gate
  for (int s : route.scenes) {
    route.words += words[s];
    route.prompts += story.scenes[s].prompt.has_value();
    route.journals += !story.scenes[s].journal.empty();
  }
  return route;
}

double routeMinutes(const LessonRoute& route, int pauseSeconds) {
  return double(route.words) / kReadingWordsPerMinute + route.prompts * pauseSeconds / 60.0 + route.journals * kJournalMinutes;
}

}  // namespace lc
