// Reading the classroom's assessment tags: the objectives a question serves (`ao: [AO1,
// AO2]`), its support and stretch versions, a lesson plan's `level`. Shared by chapter
// files (prompt, journal, exam) and lesson plans; every mistake at its file:line:col.
#pragma once
#include <optional>
#include <string>

#include "core/story.h"
#include "load/fields.h"

namespace lc {

// `ao: [AO1, AO3]`: the objectives, or nothing after reporting an error (an unknown
// value is named with a suggestion; AO is written in capitals, ao2 is accepted).
std::optional<AoSet> readObjectives(FileCtx& f, const yaml::Node& node, const std::string& what);
// `level: support|core|stretch`.
std::optional<AskLevel> readAskLevel(FileCtx& f, const yaml::Node& node, const std::string& what);
// A question written as a map {ask, ao, support, stretch} (`ask` required), or as a plain
// text when `textAllowed` (v1's `journal: "..."`). `what` names it ("the journal question of
// scene 'gate'"). Returns false when it has errors.
bool readAsk(FileCtx& f, const yaml::Node& node, const std::string& what, bool textAllowed, Ask& out);
// The ao/support/stretch keys of a map that also holds other keys (a prompt's kind).
void readAskTags(FileCtx& f, Fields& fields, const std::string& what, Ask& out);

}  // namespace lc
