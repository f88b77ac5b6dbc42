// `lostcorner explore STORY --format json`: one object, every place as file/line/column.
#include <cstdio>

#include "app/explore_report.h"
#include "core/diagnostic.h"
#include "core/play.h"

namespace lc {
namespace {

std::string place(const Story& story, const SourceLoc& loc) {
  std::string file = loc.file >= 0 ? story.files[static_cast<size_t>(loc.file)] : "";
  return "\"file\":" + jsonQuote(file) + ",\"line\":" + std::to_string(loc.line) +
         ",\"column\":" + std::to_string(loc.col);
}

std::string sceneRef(const Story& story, int scene) {
  if (scene < 0) return "\"scene\":null," + place(story, {});
  const Scene& s = story.scenes[static_cast<size_t>(scene)];
  return "\"scene\":" + jsonQuote(s.qualified) + "," + place(story, s.loc);
}

// Each step's "choice" is the number the player types there (what --choices replays);
// "choice_in_file" its place in the scene's list of choices, which differs when choices
// above it are hidden.
std::string pathJson(const Story& story, const ExplorePath& path) {
  const std::vector<int> typed = typedChoices(story, path);
  std::string out = "[";
  for (size_t i = 0; i < path.size(); ++i) {
    const ExploreStep& step = path[i];
    if (out.size() > 1) out += ",";
    out += "{\"scene\":" + jsonQuote(story.scenes[static_cast<size_t>(step.scene)].qualified) +
           ",\"choice\":" + (i < typed.size() ? std::to_string(typed[i]) : std::string("null")) +
           ",\"choice_in_file\":" + (step.choice < 0 ? std::string("null") : std::to_string(step.choice + 1)) +
           ",\"text\":" + jsonQuote(choiceLabel(story, step.scene, VisibleChoice{step.choice, -1})) + "}";
  }
  return out + "]";
}

template <class Fn>
std::string list(const std::vector<ExploreFinding>& findings, Fn fn) {
  std::string out = "[";
  for (const ExploreFinding& f : findings) out += (out.size() > 1 ? "," : "") + fn(f);
  return out + "]";
}

std::string endingsJson(const Story& story, const ExploreResult& r) {
  std::string reached = list(r.endings, [&](const ExploreFinding& f) {
    return "{" + sceneRef(story, f.scene) +
           ",\"title\":" + jsonQuote(story.scenes[static_cast<size_t>(f.scene)].ending) +
           ",\"choices\":" + std::to_string(f.path.size()) + ",\"path\":" + pathJson(story, f.path) +
           ",\"random_play\":" + (f.byRandomPlay ? "true" : "false") + "}";
  });
  std::string missed = "[";
  for (size_t s = 0; s < story.scenes.size(); ++s)
    if (story.scenes[s].isEnd && !r.sceneReached[s])
      missed += (missed.size() > 1 ? "," : "") + std::string("{") + sceneRef(story, static_cast<int>(s)) +
                ",\"title\":" + jsonQuote(story.scenes[s].ending) + "}";
  return "\"endings\":" + reached + ",\"endings_not_reached\":" + missed + "]";
}

std::string faultsJson(const Story& story, const ExploreResult& r) {
  auto withPath = [&](const ExploreFinding& f) {
    return "{" + sceneRef(story, f.scene) + ",\"path\":" + pathJson(story, f.path) + "}";
  };
  std::string out = "\"dead_ends\":" + list(r.deadEnds, withPath);
  out += ",\"soft_locks\":" + list(r.softLocks, [&](const ExploreFinding& f) {
           std::string loop = "[";
           for (int t : f.loop)
             loop += (loop.size() > 1 ? "," : "") + jsonQuote(story.scenes[static_cast<size_t>(t)].qualified);
           return "{" + sceneRef(story, f.scene) + ",\"path\":" + pathJson(story, f.path) + ",\"loop\":" + loop + "]}";
         });
  out += ",\"errors\":" + list(r.errors, [&](const ExploreFinding& f) {
           return "{" + place(story, f.loc) + ",\"message\":" + jsonQuote(f.message) +
                  ",\"path\":" + pathJson(story, f.path) + "}";
         });
  return out;
}

std::string unreachedJson(const Story& story, const ExploreResult& r) {
  std::string scenes = "[", choices = "[";
  for (size_t s = 0; s < story.scenes.size(); ++s) {
    if (!r.sceneReached[s]) {
      scenes += (scenes.size() > 1 ? "," : "") + std::string("{") + sceneRef(story, static_cast<int>(s)) + "}";
      continue;
    }
    const Scene& scene = story.scenes[s];
    for (size_t c = 0; c < scene.choices.size(); ++c)
      if (!r.choiceShown[s][c])
        choices += (choices.size() > 1 ? "," : "") + std::string("{\"scene\":") + jsonQuote(scene.qualified) +
                   ",\"choice\":" + std::to_string(c + 1) + ",\"text\":" + jsonQuote(scene.choices[c].text) + "," +
                   place(story, scene.choices[c].loc) + "}";
  }
  return "\"scenes_not_reached\":" + scenes + "],\"choices_not_shown\":" + choices + "]";
}

std::string variablesJson(const Story& story, const ExploreResult& r) {
  std::string out = "\"variables\":[";
  for (size_t i = 0; i < story.variables.size(); ++i) {
    const VariableDecl& v = story.variables[i];
    const VariableRange& range = r.variables[i];
    out +=
        (i ? ",{" : "{") + std::string("\"name\":") + jsonQuote(v.name) + ",\"type\":\"" + typeName(v.info.type) + "\"";
    const char* kept[] = {"exact", "counter", "not_read"};
    if (i < r.keeps.size()) {
      out += std::string(",\"kept\":\"") + kept[r.keeps[i].kind] + "\"";
      if (r.keeps[i].kind == VariableKeep::Counter) {
        std::string cuts;
        for (int64_t c : r.keeps[i].cuts) cuts += (cuts.empty() ? "" : ",") + std::to_string(c);
        out += ",\"cuts\":[" + cuts + "]";
      }
    }
    if (!range.any) {
      out += "}";
      continue;
    }
    if (v.info.type == Type::String) {
      std::string values = "[";
      for (const std::string& s : range.strings) values += (values.size() > 1 ? "," : "") + jsonQuote(s);
      out += ",\"values\":" + values + "],\"distinct\":" + std::to_string(range.stringCount) + "}";
    } else if (v.info.type == Type::Bool) {
      std::string values = range.lo == range.hi ? (range.lo ? "true" : "false") : "false,true";
      out += ",\"values\":[" + values + "]}";
    } else {
      out += ",\"min\":" + std::to_string(range.lo) + ",\"max\":" + std::to_string(range.hi) +
             ",\"more_below\":" + (range.moreBelow ? "true" : "false") +
             ",\"more_above\":" + (range.moreAbove ? "true" : "false") + "}";
    }
  }
  return out + "]";
}

// Hubs whose free rooms were taken in one order, and (when stopped at the cap) the
// hubs whose sets of once-choices made the search large.
std::string hubsJson(const Story& story, const ExploreResult& r) {
  std::string ordered = "[", sets = "[";
  for (const auto& [scene, rooms] : r.orderedHubs)
    ordered += (ordered.size() > 1 ? "," : "") + std::string("{") + sceneRef(story, scene) +
               ",\"rooms\":" + std::to_string(rooms) + "}";
  for (const ExploreResult::HubSets& h : r.hubSets)
    sets += (sets.size() > 1 ? "," : "") + std::string("{") + sceneRef(story, h.scene) +
            ",\"once_choices\":" + std::to_string(h.choices) + ",\"sets\":" + std::to_string(h.sets) +
            ",\"states\":" + std::to_string(h.states) + "}";
  return "\"hubs_in_one_order\":" + ordered + "],\"hub_sets\":" + sets + "]";
}

}  // namespace

std::string exploreJson(const Story& story, const ExploreResult& r, uint64_t maxStates) {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.3f", r.seconds);
  uint64_t rate = r.searchSeconds > 0 ? static_cast<uint64_t>(static_cast<double>(r.states) / r.searchSeconds) : 0;
  return "{\"story\":" + jsonQuote(story.id) + ",\"complete\":" + (r.complete ? "true" : "false") +
         ",\"max_states\":" + std::to_string(maxStates) + ",\"states\":" + std::to_string(r.states) +
         ",\"transitions\":" + std::to_string(r.transitions) + ",\"seconds\":" + secs +
         ",\"states_per_second\":" + std::to_string(rate) + "," + endingsJson(story, r) + "," + faultsJson(story, r) +
         "," + unreachedJson(story, r) + "," + variablesJson(story, r) + "," + hubsJson(story, r) +
         ",\"faults\":" + std::to_string(r.faultCount()) + "}";
}

}  // namespace lc
