// check's warnings from play: see play_lint.h.
#include "analysis/play_lint.h"

#include "analysis/explore.h"
#include "analysis/story_graph.h"
#include "core/play.h"

namespace lc {
namespace {

void warn(const Story& story, const SourceLoc& loc, std::string message, std::string hint, Diagnostics& out) {
  std::string file = loc.file >= 0 ? story.files[static_cast<size_t>(loc.file)] : "";
  out.warning(file, loc.line, loc.col, std::move(message), std::move(hint));
}

std::string choiceName(const Scene& s, size_t c) {
  return "choice " + std::to_string(c + 1) + " (\"" + s.choices[c].text + "\") of scene '" + s.id + "'";
}

std::string reachedBy(const Story& story, const ExplorePath& path) {
  if (path.empty()) return "at the start";
  std::string out = "reached by: ";
  for (size_t i = 0; i < path.size(); ++i)
    out += (i ? " > " : "") + choiceLabel(story, path[i].scene, VisibleChoice{path[i].choice, -1});
  return out;
}

std::string sceneList(const Story& story, const std::vector<int>& scenes) {
  std::string out;
  for (size_t i = 0; i < scenes.size() && i < 8; ++i) out += (i ? ", " : "") + story.scenes[static_cast<size_t>(scenes[i])].qualified;
  if (scenes.size() > 8) out += " and " + std::to_string(scenes.size() - 8) + " more";
  return out;
}

// What only playing can show, from a bounded exploration of the states.
void checkPlay(const Story& story, const SceneGraph& graph, uint64_t maxStates, Diagnostics& out) {
  ExploreOptions options;
  options.maxStates = maxStates;
  ExploreResult r = explore(story, options);
  for (const ExploreFinding& f : r.deadEnds) {
    const Scene& s = story.scenes[static_cast<size_t>(f.scene)];
    warn(story, s.loc, "scene '" + s.id + "' is a dead end in play: it can be reached with none of its choices shown",
         reachedBy(story, f.path) + "; add a choice without a condition, or make one of the conditions hold there", out);
  }
  for (const ExploreFinding& f : r.softLocks) {
    const Scene& s = story.scenes[static_cast<size_t>(f.scene)];
    warn(story, s.loc, "play can never end from scene '" + s.id + "': no ending can be reached from there",
         reachedBy(story, f.path) + "; play then goes round " + sceneList(story, f.loop) + " for ever. Give the loop a way out", out);
  }
  for (const ExploreFinding& f : r.errors)
    warn(story, f.loc, "run-time error in play: " + f.message, reachedBy(story, f.path), out);
  if (!r.complete) return;  // what was not reached may still be reachable
  std::vector<bool> linked = graph.reachableFrom(story.start);
  for (size_t i = 0; i < story.scenes.size(); ++i) {
    const Scene& s = story.scenes[i];
    if (!r.sceneReached[i] && linked[i])  // unlinked scenes were reported already
      warn(story, s.loc, "scene '" + s.id + "' can never be reached in play",
           "choices lead here, but their conditions never hold when play gets to them; check those conditions", out);
    if (!r.sceneReached[i]) continue;
    for (size_t c = 0; c < s.choices.size(); ++c) {
      const Choice& choice = s.choices[c];
      bool provenFalse = choice.condition && choice.condition->truth() == Expr::Truth::AlwaysFalse;
      if (r.choiceShown[i][c] || provenFalse) continue;
      if (s.passThrough && choice.text.empty()) continue;  // taken by itself, never shown
      warn(story, choice.loc, choiceName(s, c) + " is never shown in play",
           choice.once ? "its condition never holds when play is here (or it was taken already); check the condition"
                       : "its condition never holds when play is here; check the condition", out);
    }
  }
}

}  // namespace

void lintPlay(const Story& story, Diagnostics& out, uint64_t maxStates) {
  if (story.start < 0) return;
  checkPlay(story, SceneGraph::of(story), maxStates, out);
}

}  // namespace lc
