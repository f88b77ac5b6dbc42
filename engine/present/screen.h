// The player is a stack of screens (Title, Play, Menu, SaveLoad, Settings, History,
// Error, Confirm). Each handles its input and draws itself; what they share comes in
// small pieces through Services, never through globals.
#pragma once
#include <functional>
#include <memory>
#include <string>

#include "present/audio.h"
#include "present/canvas.h"
#include "present/input.h"
#include "present/notices.h"
#include "present/session.h"
#include "present/settings.h"
#include "present/voice.h"

namespace lc::present {

class Screen;
class ButtonList;

// How a screen changes what is shown. Changes take effect after the current input or
// update is handled, so a screen may close itself safely.
class Navigator {
 public:
  virtual ~Navigator() = default;
  virtual void push(std::unique_ptr<Screen> screen) = 0;
  virtual void pop() = 0;  // closes the top screen
  virtual void toTitle() = 0;
  virtual void newGame() = 0;
  // Loads a slot and shows the game; false (with a notice) when the save cannot be used.
  virtual bool loadSlot(const std::string& slot) = 0;
  // Quits; asks first when the playthrough has unsaved progress and `ask` is true.
  virtual void quit(bool ask) = 0;
  virtual void reloadStory() = 0;
  // Settings were changed: apply them (fonts, audio, fullscreen) and write them.
  virtual void settingsChanged() = 0;
};

struct Services {
  Settings& settings;
  Audio& audio;
  Voice& voice;
  Notices& notices;
  Navigator& nav;
  Session* session;  // null when the story could not be loaded
  // Reads `text` aloud when self-voicing is on.
  std::function<void(const std::string&)> speak;
};

class Screen {
 public:
  virtual ~Screen() = default;
  virtual const char* name() const = 0;  // "title", "play", ... (tests and logs)
  virtual void handle(const Input& in) = 0;
  virtual void update(double nowMs) { (void)nowMs; }
  virtual void draw(Canvas& canvas) = 0;
  // False for dialogs drawn over the screen below them.
  virtual bool opaque() const { return true; }
  // True while something moves (reveal, fades), so every frame must be drawn.
  virtual bool animating() const { return false; }
  // Called when the screen becomes the top one again (a dialog above it closed).
  virtual void resumed() {}
  // The screen's buttons as last laid out (tests aim clicks with it), or null.
  virtual const ButtonList* buttonList() const { return nullptr; }
};

// Factories (each screen lives in its own file).
std::unique_ptr<Screen> makeTitleScreen(Services& services);
std::unique_ptr<Screen> makePlayScreen(Services& services);
std::unique_ptr<Screen> makeMenuScreen(Services& services);
enum class SlotMode { Save, Load };
std::unique_ptr<Screen> makeSaveLoadScreen(Services& services, SlotMode mode);
std::unique_ptr<Screen> makeSettingsScreen(Services& services);
std::unique_ptr<Screen> makeHistoryScreen(Services& services);
std::unique_ptr<Screen> makeErrorScreen(Services& services, std::string heading,
                                        std::vector<std::string> lines);
// A yes/no question; `onYes` runs when the player agrees (the dialog closes either way).
std::unique_ptr<Screen> makeConfirmScreen(Services& services, std::string question,
                                          std::string yes, std::string no,
                                          std::function<void()> onYes);

}  // namespace lc::present
