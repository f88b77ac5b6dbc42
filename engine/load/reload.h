// Hot reload: read the story again after an edit and keep the player where they were.
// The player's State crosses over exactly as a save does when it is loaded after an
// edit (writeSave against the old story, readSave against the new one), so a reload
// follows the same rules and says the same notices; saves hold author ids, so this is
// the one tested path for carrying a place across edits.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/state.h"
#include "core/story.h"
#include "load/loader.h"

namespace lc {

struct ReloadResult {
  bool ok = false;                   // false: the edit has errors, keep the old story
  std::unique_ptr<Story> story;      // the new story when ok
  State state;                       // the player's place in the new story when ok
  std::vector<std::string> notices;  // what was adapted (same words as loading a save)
  Diagnostics diagnostics;           // errors when !ok; warnings either way
};

// `path`: the story folder or manifest. `state.scene < 0` (not started) gives the new
// story's initial state. A story whose id changed cannot take the old place (a save
// would be refused): play starts again from the beginning, with a notice saying why.
ReloadResult reloadKeepingPlace(const Story& oldStory, const State& state, const std::string& path);
// The same with a load already done (the window loads off its frame path, then applies
// the result here, to the player's place at that moment).
ReloadResult keepPlace(const Story& oldStory, const State& state, LoadResult loaded, const std::string& path);

// "[Story reloaded: 2 notices]" and the like, shared by the players.
std::string reloadSummary(const ReloadResult& result);

}  // namespace lc
