#include "present/debug_overlay.h"

#include <algorithm>
#include <exception>

namespace lc::present {
namespace {

void addScene(const Story& story, const State& state, std::vector<std::string>& out) {
  if (state.scene < 0) {
    out.push_back("scene: (not started)");
    return;
  }
  const Scene& scene = story.scenes[state.scene];
  const std::string where = story.where(scene.loc);
  out.push_back("scene: " + scene.qualified + (where.empty() ? "" : "  (" + where + ")"));
}

void addVariables(const Story& story, const State& state, std::vector<std::string>& out) {
  out.push_back("");
  out.push_back("variables:");
  if (story.variables.empty()) out.push_back("(none)");
  for (size_t i = 0; i < story.variables.size() && i < state.vars.size(); ++i)
    out.push_back(story.variables[i].name + " = " + state.vars[i].literal());
}

void addVisits(const Story& story, const State& state, std::vector<std::string>& out) {
  out.push_back("");
  out.push_back("visits:");
  for (size_t i = 0; i < story.scenes.size() && i < state.visits.size(); ++i)
    if (state.visits[i] > 0) out.push_back(story.scenes[i].qualified + ": " + std::to_string(state.visits[i]));
}

void addHidden(const Story& story, const State& state, std::vector<std::string>& out) {
  out.push_back("");
  out.push_back("hidden choices:");
  const size_t before = out.size();
  if (state.scene >= 0) {
    const Scene& scene = story.scenes[state.scene];
    for (size_t i = 0; i < scene.choices.size(); ++i) {
      const std::string why = hiddenReason(story, state, state.scene, i);
      if (!why.empty()) out.push_back("hidden: " + scene.choices[i].text + " \u2014 " + why);
    }
  }
  if (out.size() == before) out.push_back("(none)");
}

}  // namespace

std::string hiddenReason(const Story& story, const State& state, int scene, size_t index) {
  const Choice& c = story.scenes[scene].choices[index];
  // Same order as visibleChoices: a spent choice is hidden whatever its condition says.
  if (c.once && c.spentSlot >= 0 && static_cast<size_t>(c.spentSlot) < state.spent.size() &&
      state.spent[c.spentSlot])
    return "spent (once)";
  if (!c.condition) return "";
  try {
    if (c.condition->test(state.env())) return "";
    return "condition false: " + c.condition->source();
  } catch (const std::exception& e) {
    return "condition error: " + c.condition->source() + " (" + e.what() + ")";
  }
}

std::vector<std::string> debugLines(const Story& story, const State& state) {
  std::vector<std::string> out;
  addScene(story, state, out);
  addVariables(story, state, out);
  addVisits(story, state, out);
  addHidden(story, state, out);
  return out;
}

void DebugOverlay::draw(Canvas& canvas, const Session* session) {
  if (!visible_) return;
  panel_.setTitle("Debug (F1 closes, wheel or PageUp/PageDown scrolls)");
  if (session) panel_.setLines(debugLines(session->story(), session->runner().state()));
  else panel_.setLines({"no story is loaded"});
  // The right part of the window, so the scene text on the left stays readable.
  const int w = std::max(canvas.px(360), canvas.width() * 2 / 5);
  const int m = canvas.px(12);
  // Above the play screen's status line, which stays readable.
  panel_.draw(canvas, {canvas.width() - w - m, m, w, canvas.height() - 2 * m - canvas.px(28)});
}

}  // namespace lc::present
