// What a lesson plan changes in play, shared by the terminal, the protocol and the window:
// must-read scenes that hold the class in their chapter, and the text that says so.
#pragma once
#include <string>
#include <vector>

#include "core/runner.h"

namespace lc {

// Why taking `choice` at `scene` waits ("" = it need not): while the scene's chapter has a
// must-read scene not yet read, a choice that leaves the chapter or ends the story waits.
std::string mustReadHold(const Story& story, const State& state, const std::vector<int>& mustRead, int scene,
                         const VisibleChoice& choice);
// The runner's choiceHeld hook for `mustRead` (none when the list is empty).
std::function<std::string(int, const VisibleChoice&)> mustReadHook(const Runner& runner, std::vector<int> mustRead);
// What the class is told when choices wait: "Read first: “Miss Lucy”. Until then this
// waits: Leave for the Cottages". "" when nothing is held.
std::string heldChoicesText(const Runner& runner);

}  // namespace lc
