#include <catch2/catch.hpp>

#include "fixtures.h"
#include "present/settings.h"

using namespace lc::present;
using namespace lc::present::testing;

TEST_CASE("settings round-trip through settings.yaml", "[present][settings]") {
  Settings s;
  s.textSpeed = TextSpeed::Instant;
  s.masterVolume = 40;
  s.fontSize = 36;
  s.theme = ThemeId::HighContrast;
  s.dyslexiaFont = s.reducedMotion = s.captions = s.contentNotes = true;
  const SettingsRead back = parseSettings(formatSettings(s));
  CHECK(back.notices.empty());
  CHECK(back.settings == s);
}

TEST_CASE("settings: a missing or empty file gives the defaults, silently", "[present][settings]") {
  TempDir dir("settings-missing");
  CHECK(loadSettingsFile(dir / "nothing.yaml").settings == Settings{});
  CHECK(loadSettingsFile(dir / "nothing.yaml").notices.empty());
  CHECK(parseSettings("").notices.empty());
}

TEST_CASE("settings: a corrupt file gives the defaults and a notice", "[present][settings]") {
  const SettingsRead r = parseSettings("text_speed: [fast\n  theme: :::\n");
  CHECK(r.settings == Settings{});
  REQUIRE(r.notices.size() == 1);
  CHECK_THAT(r.notices[0], Catch::Contains("settings.yaml could not be read") &&
                               Catch::Contains("using the defaults"));
  CHECK(parseSettings("- a list\n- not a map\n").notices.size() == 1);
  CHECK(parseSettings("\x01\x02binary").notices.size() == 1);
}

TEST_CASE("settings: bad values keep their default and say where", "[present][settings]") {
  const SettingsRead r = parseSettings(
      "theme: purple\nfont_size: 400\ncaptions: yes\nmusic_volume: 55\ncolour: red\n");
  CHECK(r.settings.theme == ThemeId::Paper);
  CHECK(r.settings.fontSize == kMaxFontSize);  // clamped, not refused
  CHECK(r.settings.captions == false);
  CHECK(r.settings.musicVolume == 55);
  REQUIRE(r.notices.size() == 3);
  CHECK(r.notices[0] == "settings.yaml:1:8: theme: expected paper, dark or high-contrast");
  CHECK(r.notices[1] == "settings.yaml:3:11: captions: expected true or false");
  CHECK(r.notices[2] == "settings.yaml:5:9: colour: unknown setting (ignored)");
}

TEST_CASE("settings are written atomically where the game reads them", "[present][settings]") {
  TempDir dir("settings-write");
  Settings s;
  s.theme = ThemeId::Dark;
  std::string error;
  REQUIRE(saveSettingsFile(dir / "cfg/settings.yaml", s, error));
  CHECK(loadSettingsFile(dir / "cfg/settings.yaml").settings == s);
}
