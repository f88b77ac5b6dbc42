// Player settings, kept in $XDG_CONFIG_HOME/lostcorner/settings.yaml. Reading never fails:
// a missing file gives the defaults, a corrupt one the defaults plus a notice that says
// what was wrong, so a bad file can never stop the game.
#pragma once
#include <string>
#include <vector>

#include "platform/storage.h"
#include "present/theme.h"

namespace lc::present {

enum class TextSpeed { Slow, Normal, Fast, Instant };

struct Settings {
  TextSpeed textSpeed = TextSpeed::Normal;
  int masterVolume = 100;  // percent, 0..100
  int musicVolume = 70;
  int soundVolume = 80;
  int fontSize = 26;       // body text size in pixels at 720 lines; scales with the window
  ThemeId theme = ThemeId::Paper;
  bool dyslexiaFont = false;
  bool reducedMotion = false;  // no typewriter, no fades
  bool captions = false;       // a caption on screen for each music and sound cue
  bool selfVoicing = false;    // text read aloud through espeak-ng
  bool fullscreen = false;
  bool contentNotes = false;   // show a chapter's content note before it
  bool projector = false;      // classroom projector: text fitted large to the page, high contrast
  bool projectorLight = false; // the projector's light theme (black on white, for glare)

  bool operator==(const Settings&) const = default;
};

// The font sizes the settings screen offers (any size 14..60 in the file is honoured).
inline constexpr int kFontSizes[] = {20, 23, 26, 30, 36};
inline constexpr int kMinFontSize = 14;
inline constexpr int kMaxFontSize = 60;

struct SettingsRead {
  Settings settings;
  std::vector<std::string> notices;  // what was wrong with the file, for the player
};

SettingsRead parseSettings(const std::string& text);
std::string formatSettings(const Settings& settings);

// settings.yaml in the player's config storage. Missing: defaults, no notice. Unreadable
// (not a regular file, too large) or corrupt: defaults + notice.
SettingsRead loadSettings(const Storage& config);
bool saveSettings(Storage& config, const Settings& settings, std::string& error);

// Characters revealed per second; 0 means all at once.
double charsPerSecond(TextSpeed speed);
const char* textSpeedKey(TextSpeed speed);
const char* textSpeedLabel(TextSpeed speed);

}  // namespace lc::present
