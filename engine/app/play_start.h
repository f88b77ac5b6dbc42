// `play --start CHAPTER.SCENE --set NAME=VALUE`: test a story from any point.
#pragma once
#include <string>
#include <vector>

#include "core/runner.h"

namespace lc {

// Sets out.startScene and out.startValues from --start (may be empty) and each --set.
// False with `error` ("--start: unknown scene 'b.hal'\n  hint: did you mean 'b.hall'?")
// for an unknown scene or variable, a --set without '=', or a value of the wrong type
// or outside the variable's min/max.
bool playStartOptions(const Story& story, const std::string& start, const std::vector<std::string>& sets,
                      RunnerOptions& out, std::string& error);

}  // namespace lc
