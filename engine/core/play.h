// The rules of play (contract, "Semantics"), as small functions over Story + State.
// The Runner (for front ends) and the walk/explore tools (no front end) share them,
// so there is one definition of what entering a scene or taking a choice does.
#pragma once
#include <string>
#include <vector>

#include "core/state.h"
#include "core/story.h"

namespace lc {

// A run-time error with the place in the story it came from.
struct PlayError {
  SourceLoc loc;
  std::string message;
};

// A choice the player can take now. `choice` is the index in Scene::choices, or -1 for
// the single "continue" of a `next` scene.
struct VisibleChoice {
  int choice = -1;
  int target = -1;
};

// Entering: visit count up, `do` effects in order, music state follows the cue. A
// pass-through scene (no text, an automatic way on) is left at once for where that way
// leads, so state.scene may end up another scene than `scene`.
// Returns false and fills `error` on a run-time error.
bool enterScene(const Story& story, State& state, int scene, PlayError& error);

// The scene's text after interpolation, split into paragraphs.
bool sceneParagraphs(const Story& story, const State& state, int scene,
                     std::vector<std::string>& out, PlayError& error);

// Choices whose `if` holds and that are not spent, in source order (one for `next`);
// the fallback choices only when no other choice is visible. Conditional targets are
// chosen here, when the choices are shown (before the choice's own `do`).
bool visibleChoices(const Story& story, const State& state, int scene,
                    std::vector<VisibleChoice>& out, PlayError& error);

// Taking a choice: mark spent if `once`, run its effects. Does not enter the target.
bool takeChoice(const Story& story, State& state, const VisibleChoice& taken, PlayError& error);

// Label of a visible choice as written ("Continue" for a `next`), for the writer's tools.
const std::string& choiceLabel(const Story& story, int scene, const VisibleChoice& c);

// What the player reads: the label of a visible choice of the current scene, its tags
// (`{stranger}`, `{if x}..{end}`) rendered with the state; "Continue" for a `next`.
bool choiceText(const Story& story, const State& state, const VisibleChoice& c, std::string& out, PlayError& error);
// The scene's title, and its ending's title, rendered the same way ("" when it has none).
bool sceneTitle(const Story& story, const State& state, int scene, std::string& out, PlayError& error);
bool endingTitle(const Story& story, const State& state, int scene, std::string& out, PlayError& error);
// sceneTitle, or the title as written when rendering it fails (for a save's description).
std::string sceneTitleOrSource(const Story& story, const State& state, int scene);

// The contract's text_len: sum over paragraphs of (code points + 1).
uint32_t textLength(const std::vector<std::string>& paragraphs);

}  // namespace lc
