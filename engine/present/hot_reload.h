// Hot reload in the window: the story's files are watched (checked every half second
// from frame(), never blocking), and Ctrl+R reloads at once. An edit with errors leaves
// the game running on the previous version and lists the errors in a panel over it
// (file:line:col, scrollable, Esc closes it). The reload itself is in load/reload.h;
// Game applies it (game_devtools.cpp).
#pragma once
#include <memory>
#include <string>

#include "core/diagnostic.h"
#include "load/story_watcher.h"
#include "present/overlay_panel.h"

namespace lc::present {

class HotReload {
 public:
  explicit HotReload(const std::string& storyPath) : watcher_(storyPath) {}

  void watch(const Story& story) { watcher_.watch(story); }
  bool due(double nowMs) { return watcher_.poll(nowMs); }  // a file changed (checked every 0.5 s)
  void forget() { watcher_.changed(); }  // a reload is under way: the change it covers is seen

  void showErrors(const Diagnostics& diagnostics);
  void hideErrors() { errorsShown_ = false; }
  bool errorsShown() const { return errorsShown_; }
  const std::vector<std::string>& errorLines() const { return panel_.lines(); }
  OverlayPanel& panel() { return panel_; }
  void draw(Canvas& canvas);

 private:
  StoryWatcher watcher_;
  OverlayPanel panel_;
  bool errorsShown_ = false;
};

}  // namespace lc::present
