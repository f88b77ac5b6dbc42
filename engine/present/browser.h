// The browser page beside the canvas (the web build; on the desktop these do nothing):
// an offscreen mirror for screen readers — the text being shown, the top screen's buttons
// as real buttons, the notices — and the page's own messages (storage blocked or full).
// The JavaScript half is tools/web/library_lostcorner.js.
#pragma once
#include <string>

namespace lc::present {

class Game;

namespace browser {

// Text the player should hear now (a paragraph, a heading, the focused button).
void announce(const std::string& text);
// After each frame: takes the page's messages and mirror clicks, and updates the mirror.
void afterFrame(Game& game);

}  // namespace browser
}  // namespace lc::present
