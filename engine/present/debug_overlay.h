// The debug overlay (F1): what a writer needs to see while testing a scene — where the
// scene is written, every variable, the visit counts, and why each hidden choice is
// hidden. Read-only: it looks at the Session and never changes the game.
#pragma once
#include <string>
#include <vector>

#include "core/state.h"
#include "core/story.h"
#include "present/overlay_panel.h"
#include "present/session.h"

namespace lc::present {

// The overlay's text, one line each (tests compare it exactly), e.g.
//   scene: one.gate  (story/one.yaml:4:3)
//   brave = 1
//   hidden: Walk on — condition false: trust >= 2
std::vector<std::string> debugLines(const Story& story, const State& state);

// Why choice `index` of the scene is not shown now, or "" when it is shown.
std::string hiddenReason(const Story& story, const State& state, int scene, size_t index);

class DebugOverlay {
 public:
  bool visible() const { return visible_; }
  void toggle() { visible_ = !visible_; }
  // The lines as last drawn.
  const std::vector<std::string>& lines() const { return panel_.lines(); }
  OverlayPanel& panel() { return panel_; }
  void draw(Canvas& canvas, const Session* session);

 private:
  bool visible_ = false;
  OverlayPanel panel_;
};

}  // namespace lc::present
