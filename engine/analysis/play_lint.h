// What only playing a story can show, as check's warnings: dead ends, loops with no way
// out, run-time errors, and scenes and choices play never reaches. Run by `check` (and
// whoever asks), never by a plain load: it explores the story's states, which costs far
// more than reading it.
#pragma once
#include <cstdint>

#include "core/diagnostic.h"
#include "core/story.h"

namespace lc {

// States explored for `check`: enough for most stories to be explored to the end, small
// enough to keep `check` quick on the largest.
constexpr uint64_t kPlayLintStates = 100000;

// Appends the warnings of an exploration of at most `maxStates` states. What was not
// reached is reported only when the search finished: otherwise it may be reachable.
void lintPlay(const Story& story, Diagnostics& out, uint64_t maxStates = kPlayLintStates);

}  // namespace lc
