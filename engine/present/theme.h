// Colour themes of the window: paper (the default), dark, and high contrast; and the light
// projector theme.
#pragma once
#include <SDL.h>

#include <optional>
#include <string_view>

namespace lc::present {

// The projector's two: HighContrast (white on black) and ProjectorLight (black on white,
// for a room whose light washes out a dark picture).
enum class ThemeId { Paper, Dark, HighContrast, ProjectorLight };

struct Theme {
  SDL_Color background;
  SDL_Color text;
  SDL_Color dim;          // secondary text: dates, hints, indicators
  SDL_Color accent;       // headings, the reveal marker, focus ring
  SDL_Color panel;        // menus and dialogs drawn over the page
  SDL_Color button;       // button fill
  SDL_Color buttonHover;  // button fill under the pointer or focused
  SDL_Color buttonText;
  SDL_Color shade;        // translucent cover over the screen below a dialog
  int focusWidth;         // focus ring thickness in 720p pixels (thicker in high contrast)
};

const Theme& themeFor(ThemeId id);
const char* themeKey(ThemeId id);    // as written in settings.yaml: paper, dark, high-contrast
const char* themeLabel(ThemeId id);  // as shown in the settings screen
std::optional<ThemeId> parseTheme(std::string_view key);

}  // namespace lc::present
