#include "load/reload.h"

#include <exception>

#include "core/save.h"
#include "load/loader.h"

namespace lc {
namespace {

LoadResult loadCatching(const std::string& path) {
  LoadResult result;
  try {
    result = loadStory(path);
  } catch (const std::exception& e) {
    // A reload must never take the running game down with it.
    result.story.reset();
    result.diagnostics.error(path, 0, 0, std::string("could not be read: ") + e.what());
  }
  return result;
}

}  // namespace

ReloadResult reloadKeepingPlace(const Story& oldStory, const State& state, const std::string& path) {
  return keepPlace(oldStory, state, loadCatching(path), path);
}

ReloadResult keepPlace(const Story& oldStory, const State& state, LoadResult loaded, const std::string& path) {
  ReloadResult out;
  out.diagnostics = std::move(loaded.diagnostics);
  if (!loaded.story || out.diagnostics.hasErrors()) {
    if (!out.diagnostics.hasErrors()) out.diagnostics.error(path, 0, 0, "the story could not be loaded");
    return out;
  }
  out.story = std::move(loaded.story);
  out.ok = true;
  if (state.scene < 0) {
    out.state = State::initial(*out.story);
    return out;
  }
  const std::string text = writeSave(oldStory, state, describeState(oldStory, state, ""));
  SaveReadResult read = readSave(*out.story, text);
  if (!read.ok) {
    out.state = State::initial(*out.story);
    out.state.scene = out.story->start;
    out.notices.push_back("your place could not be kept (" + read.error + "); starting again from the beginning");
    return out;
  }
  out.state = std::move(read.state);
  out.notices = std::move(read.notices);
  return out;
}

std::string reloadSummary(const ReloadResult& result) {
  if (!result.ok) return "[The story has errors; still playing the previous version]";
  const size_t n = result.notices.size();
  return "[Story reloaded: " + std::to_string(n) + (n == 1 ? " notice]" : " notices]");
}

}  // namespace lc
