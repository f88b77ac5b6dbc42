#include "app/explore_report.h"

#include <algorithm>
#include <cstdio>

#include "core/diagnostic.h"
#include "core/play.h"

namespace lc {
namespace {

std::string quoted(const std::string& text) { return "\"" + text + "\""; }

std::string stepLabel(const Story& story, const ExploreStep& step) {
  return choiceLabel(story, step.scene, VisibleChoice{step.choice, -1});
}

std::string statesPerSecond(const ExploreResult& r) {
  return groupDigits(r.searchSeconds > 0 ? static_cast<uint64_t>(static_cast<double>(r.states) / r.searchSeconds) : 0);
}

std::string endingName(const Story& story, int scene) {
  const Scene& s = story.scenes[static_cast<size_t>(scene)];
  return s.qualified + (s.ending.empty() ? "" : "  " + quoted(s.ending));
}

std::string summaryLine(const Story& story, const ExploreResult& r) {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", r.seconds);
  return "explored " + story.id + ": " + groupDigits(r.states) + " states, " + groupDigits(r.transitions) +
         " choices followed, in " + secs + " s (" + statesPerSecond(r) + " states/s)" +
         (r.complete ? ", every state reached\n" : "\n");
}

void appendEndings(const Story& story, const ExploreResult& r, std::string& out) {
  size_t total = 0;
  for (const Scene& s : story.scenes) total += s.isEnd;
  out += "\nendings reached: " + std::to_string(r.endings.size()) + " of " + std::to_string(total) + "\n";
  for (const ExploreFinding& f : r.endings) {
    out += "  " + endingName(story, f.scene) + " — " + std::to_string(f.path.size()) +
           (f.path.size() == 1 ? " choice" : " choices") +
           (f.byRandomPlay ? " (found by random play; not the shortest)\n" : "\n");
    out += "    " + pathLabels(story, f.path) + "\n";
  }
}

// One fault as check prints a diagnostic: place, message, then the way there, as the
// choice labels and as the line that replays it.
void appendFault(const Story& story, const std::string& where, const std::string& message, const ExplorePath* path,
                 std::string& out) {
  out += where + ": " + message + "\n";
  if (!path) return;
  out += "  path: " + pathLabels(story, *path) + "\n";
  if (!path->empty()) out += "  replay: " + replayLine(story, *path) + "\n";
}

void appendFaults(const Story& story, const ExploreResult& r, std::string& out) {
  for (const ExploreFinding& f : r.deadEnds) {
    const Scene& s = story.scenes[static_cast<size_t>(f.scene)];
    appendFault(story, story.where(s.loc),
                "dead end: scene '" + s.qualified + "' can be reached with none of its choices to show", &f.path, out);
  }
  for (const ExploreFinding& f : r.softLocks) {
    const Scene& s = story.scenes[static_cast<size_t>(f.scene)];
    appendFault(story, story.where(s.loc),
                "soft-lock: from scene '" + s.qualified + "' no ending can be reached any more", &f.path, out);
    std::string loop;
    for (int t : f.loop) loop += (loop.empty() ? "" : ", ") + story.scenes[static_cast<size_t>(t)].qualified;
    out += "  play goes round: " + loop + "\n";
  }
  for (const ExploreFinding& f : r.errors)
    appendFault(story, story.where(f.loc), "run-time error: " + f.message, &f.path, out);
  if (!r.complete) return;
  for (size_t s = 0; s < story.scenes.size(); ++s) {
    if (r.sceneReached[s]) continue;
    const Scene& scene = story.scenes[s];
    appendFault(story, story.where(scene.loc),
                (scene.isEnd ? "ending '" : "scene '") + scene.qualified + "' is never reached in play", nullptr, out);
  }
}

void appendUnshownChoices(const Story& story, const ExploreResult& r, std::string& out) {
  std::string list;
  for (size_t s = 0; s < story.scenes.size(); ++s) {
    if (!r.sceneReached[s]) continue;
    const Scene& scene = story.scenes[s];
    for (size_t c = 0; c < scene.choices.size(); ++c)
      if (!r.choiceShown[s][c])
        list += "  " + story.where(scene.choices[c].loc) + ": choice " + std::to_string(c + 1) + " of '" +
                scene.qualified + "' (" + quoted(scene.choices[c].text) + ") is never shown\n";
  }
  if (list.empty()) return;
  out += r.complete ? "\nchoices never shown:\n" : "\nchoices not shown in the states found:\n";
  out += list;
}

std::string rangeText(const VariableDecl& v, const VariableRange& range) {
  if (!range.any) return "(not followed: no condition or effect reads it)";
  if (v.info.type == Type::Int) {
    std::string lo = (range.moreBelow ? "at most " : "") + std::to_string(range.lo);
    std::string hi = std::to_string(range.hi) + (range.moreAbove ? " or more" : "");
    return range.lo == range.hi && !range.moreAbove && !range.moreBelow ? lo : lo + " .. " + hi;
  }
  if (v.info.type == Type::Bool) return range.lo == range.hi ? (range.lo ? "true" : "false") : "false, true";
  std::string text;
  for (const std::string& s : range.strings) text += (text.empty() ? "" : ", ") + Value::ofString(s).literal();
  if (range.stringCount > range.strings.size())
    text += " and " + std::to_string(range.stringCount - range.strings.size()) + " more";
  return text;
}

// What let the search finish: which variables it merged values of, and how.
void appendKeeps(const Story& story, const ExploreResult& r, std::string& out) {
  std::string counters, unread;
  for (size_t v = 0; v < r.keeps.size(); ++v) {
    const VariableKeep& k = r.keeps[v];
    if (k.kind == VariableKeep::NotRead) unread += (unread.empty() ? "" : ", ") + story.variables[v].name;
    if (k.kind != VariableKeep::Counter) continue;
    std::string cuts;
    for (int64_t c : k.cuts) cuts += (cuts.empty() ? "" : ", ") + std::to_string(c);
    counters += "  " + story.variables[v].name + ": compared only with constants (splits at " + cuts +
                "): kept only as finely as the comparisons still ahead tell apart" +
                (k.onceBounded ? std::string(", its moves round loops of once-only choices counted as bounded") : "") +
                "\n";
  }
  out += "\nhow the states were kept:\n" + counters;
  for (const auto& [scene, rooms] : r.orderedHubs)
    out += "  " + story.scenes[static_cast<size_t>(scene)].qualified + ": " + std::to_string(rooms) +
           " once-only rooms searched in one order where they commute (neither reads what the other changes)\n";
  if (!r.orderedHubs.empty())
    out += "  so " + groupDigits(r.ordersSkipped) + " choices not followed; " + groupDigits(r.rescued) +
           " states that seemed to have no way on searched again taking every room\n";
  if (!unread.empty()) out += "  " + unread + ": read by no condition or effect (text only): not part of the state\n";
  out += "  every variable is dropped where nothing ahead reads it; " + std::to_string(r.trackedVisits) +
         " scenes' visit counts kept, each only as far as it is read; " + std::to_string(r.trackedOnce) +
         " once-choices kept while their loop can come round again\n";
  out +=
      "  text is not part of a state: what it prints never decides where play goes, so a value shown in text is not "
      "kept for it (text is not rendered here: an error in a text tag shows in play)\n";
}

void appendVariables(const Story& story, const ExploreResult& r, std::string& out) {
  if (story.variables.empty()) return;
  size_t width = 0;
  for (const VariableDecl& v : story.variables) width = std::max(width, v.name.size());
  out += "\nvariables (values taken while something ahead reads them):\n";
  for (size_t i = 0; i < story.variables.size(); ++i) {
    const VariableDecl& v = story.variables[i];
    out += "  " + v.name + std::string(width - v.name.size(), ' ') + "  " + typeName(v.info.type) +
           std::string(7 - std::string(typeName(v.info.type)).size(), ' ') + rangeText(v, r.variables[i]) + "\n";
  }
}

// What made a stopped search too large: the scenes with the most states, and at the
// first of them the variables that took the most values.
void appendCrowding(const Story& story, const ExploreResult& r, std::string& out) {
  if (r.complete || r.crowdedScenes.empty()) return;
  out += "\nwhere the states pile up (most first):\n";
  for (const auto& [scene, count] : r.crowdedScenes)
    out += "  " + story.scenes[static_cast<size_t>(scene)].qualified + ": " + groupDigits(count) + " states\n";
  std::string vars;
  for (size_t v = 0; v < r.valuesAtCrowded.size(); ++v)
    if (r.valuesAtCrowded[v] > 1)
      vars += (vars.empty() ? "" : ", ") + story.variables[v].name + " (" + std::to_string(r.valuesAtCrowded[v]) +
              " values)";
  if (!vars.empty())
    out += "  at " + story.scenes[static_cast<size_t>(r.crowdedScenes[0].first)].qualified + " the states differ in " +
           vars + ": read them less finely (compare with fewer numbers), or let fewer choices change them\n";
  size_t hubs = 0;
  for (const ExploreResult::HubSets& h : r.hubSets) {
    if (h.sets < 2 || hubs == 3) continue;
    out +=
        std::string(
            hubs++ ? "" : "  sets of once-only choices taken (each set a state of its own at every set of values):\n") +
        "    round " + story.scenes[static_cast<size_t>(h.scene)].qualified + ": " + groupDigits(h.sets) +
        " sets of its " + std::to_string(h.choices) + " once-choices, over " + groupDigits(h.states) + " states\n";
  }
  if (hubs > 0) out += "  fewer once-only rooms there, or fewer counters their choices move, make fewer states\n";
}

}  // namespace

std::string groupDigits(uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

std::string pathLabels(const Story& story, const ExplorePath& path) {
  if (path.empty()) return "(the start scene)";
  std::string out;
  for (const ExploreStep& step : path) out += (out.empty() ? "" : " > ") + stepLabel(story, step);
  return out;
}

std::string replayLine(const Story& story, const ExplorePath& path) {
  return "lostcorner play " + story.folder + " --text --choices " + typedList(typedChoices(story, path));
}

std::string exploreText(const Story& story, const ExploreResult& r, uint64_t maxStates) {
  std::string out = summaryLine(story, r);
  if (!r.complete)
    out +=
        "stopped at the state cap (--max-states " + groupDigits(maxStates) +
        "): results are partial. The faults below are real; scenes and choices not reached may still be reachable.\n";
  std::string faults;
  appendFaults(story, r, faults);
  appendEndings(story, r, out);
  if (!faults.empty()) out += "\nfaults:\n" + faults;
  appendUnshownChoices(story, r, out);
  appendVariables(story, r, out);
  appendKeeps(story, r, out);
  appendCrowding(story, r, out);
  size_t n = r.faultCount();
  out += "\n" +
         (n == 0 ? std::string("no faults found") : std::to_string(n) + (n == 1 ? " fault" : " faults") + " found") +
         (r.complete ? "\n" : " (partial search)\n");
  return out;
}

}  // namespace lc
