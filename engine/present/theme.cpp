#include "present/theme.h"

namespace lc::present {
namespace {

// Paper: warm off-white page, dark brown ink (contrast ratio about 14:1).
constexpr Theme kPaper{
    {244, 236, 216, 255}, {43, 33, 24, 255}, {110, 96, 80, 255}, {138, 75, 42, 255},
    {250, 245, 232, 255}, {230, 219, 194, 255}, {214, 196, 160, 255}, {43, 33, 24, 255},
    {40, 30, 20, 150}, 2};
// Dark: soft charcoal, warm light text (about 13:1), amber accent.
constexpr Theme kDark{
    {30, 31, 36, 255}, {230, 225, 214, 255}, {150, 146, 138, 255}, {217, 165, 91, 255},
    {42, 44, 51, 255}, {55, 58, 67, 255}, {84, 88, 102, 255}, {235, 230, 220, 255},
    {0, 0, 0, 170}, 2};
// High contrast: pure black and white, yellow focus, thick rings (WCAG AAA and more).
constexpr Theme kHighContrast{
    {0, 0, 0, 255}, {255, 255, 255, 255}, {255, 255, 255, 255}, {255, 255, 0, 255},
    {0, 0, 0, 255}, {0, 0, 0, 255}, {0, 0, 160, 255}, {255, 255, 255, 255},
    {0, 0, 0, 210}, 4};

// Projector, light: black on a white that is barely warm (about 20:1), a dark blue accent
// and the high-contrast theme's thick focus rings; bright enough to hold up under glare.
constexpr Theme kProjectorLight{
    {255, 254, 248, 255}, {0, 0, 0, 255},       {45, 45, 45, 255}, {0, 51, 153, 255}, {242, 240, 230, 255},
    {228, 225, 212, 255}, {190, 206, 240, 255}, {0, 0, 0, 255},    {0, 0, 0, 130},    4};

}  // namespace

const Theme& themeFor(ThemeId id) {
  switch (id) {
    case ThemeId::Dark: return kDark;
    case ThemeId::HighContrast: return kHighContrast;
    case ThemeId::ProjectorLight: return kProjectorLight;
    case ThemeId::Paper: break;
  }
  return kPaper;
}

const char* themeKey(ThemeId id) {
  switch (id) {
    case ThemeId::Dark: return "dark";
    case ThemeId::HighContrast: return "high-contrast";
    case ThemeId::ProjectorLight: return "projector-light";
    case ThemeId::Paper: break;
  }
  return "paper";
}

const char* themeLabel(ThemeId id) {
  switch (id) {
    case ThemeId::Dark: return "Dark";
    case ThemeId::HighContrast: return "High contrast";
    case ThemeId::ProjectorLight: return "Projector, light";
    case ThemeId::Paper: break;
  }
  return "Paper";
}

std::optional<ThemeId> parseTheme(std::string_view key) {
  if (key == "paper") return ThemeId::Paper;
  if (key == "dark") return ThemeId::Dark;
  if (key == "high-contrast" || key == "high_contrast" || key == "contrast")
    return ThemeId::HighContrast;
  return std::nullopt;
}

}  // namespace lc::present
