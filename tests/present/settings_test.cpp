#include <sys/stat.h>
#include <unistd.h>

#include <functional>

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
  const lc::FileStorage config(dir / "nothing");
  CHECK(loadSettings(config).settings == Settings{});
  CHECK(loadSettings(config).notices.empty());
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
  lc::FileStorage config(dir / "cfg");
  REQUIRE(saveSettings(config, s, error));
  CHECK(loadSettings(config).settings == s);
}

// Issue 15: a FIFO hung the game, a symlink to /dev/zero aborted it (bad_alloc).
TEST_CASE("settings: a FIFO, a device or a folder as settings.yaml gives the defaults and says so", "[present][settings]") {
  struct Case {
    std::string what;
    std::function<void(const std::string& path)> make;
  };
  const Case cases[] = {
      {"fifo", [](const std::string& p) { REQUIRE(::mkfifo(p.c_str(), 0644) == 0); }},
      {"/dev/zero", [](const std::string& p) { REQUIRE(::symlink("/dev/zero", p.c_str()) == 0); }},
      {"folder", [](const std::string& p) { REQUIRE(::mkdir(p.c_str(), 0755) == 0); }},
  };
  for (const Case& c : cases) {
    INFO(c.what);
    TempDir dir("settings-special");
    c.make(dir / "settings.yaml");
    const SettingsRead r = loadSettings(lc::FileStorage(dir.path.string()));
    CHECK(r.settings == Settings{});
    REQUIRE(r.notices.size() == 1);
    CHECK(r.notices[0] == "settings.yaml could not be read ('" + (dir / "settings.yaml") +
                              "' is not a regular file); using the defaults.");
  }
}
