// The story map as Graphviz DOT (`lostcorner graph`): chapters as clusters, scenes as
// boxes (title and id), endings as double octagons, choices as labelled arrows (dashed
// when conditional, blue and marked "once" when once-only), `next` as plain arrows,
// scenes that can never be reached, dead ends and soft-locks in red, and the loops a
// soft-lock traps play in with red borders.
#pragma once
#include <string>
#include <vector>

#include "core/story.h"

namespace lc {

struct DotMarks {
  std::vector<bool> unreachable;  // by scene index (may be empty)
  std::vector<bool> deadEnd;      // by scene index (may be empty)
  std::vector<bool> softLock;     // where play becomes trapped: no ending any more (may be empty)
  std::vector<bool> trapped;      // the scenes such play goes round (may be empty)
};

std::string storyDot(const Story& story, const DotMarks& marks);

// A DOT double-quoted string: quotes and backslashes escaped, newlines as \n.
std::string dotQuote(const std::string& text);

}  // namespace lc
