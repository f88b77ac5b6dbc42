#include <catch2/catch.hpp>

#include "fixtures.h"
#include "present/fonts.h"
#include "present/text_cache.h"

using namespace lc::present;
using namespace lc::present::testing;

namespace {
struct TtfLibrary {
  TtfLibrary() { TTF_Init(); }
  ~TtfLibrary() { TTF_Quit(); }
};
struct FontsFixture {
  FontsFixture() {
    std::string error;
    ok = fonts.open(findAssetsDir(), error);
  }
  TtfLibrary ttf;  // first in, last out: fonts close before SDL_ttf stops
  Fonts fonts;
  bool ok = false;
};
}  // namespace

TEST_CASE("the bundled fonts are found, with their licences beside them", "[present][text]") {
  const std::string dir = findAssetsDir();
  CHECK(fs::exists(dir + "/fonts/dejavu/DejaVuSerif.ttf"));
  CHECK(fs::exists(dir + "/fonts/dejavu/COPYRIGHT"));
  CHECK(fs::exists(dir + "/fonts/opendyslexic/OpenDyslexic-Regular.otf"));
  CHECK(fs::exists(dir + "/fonts/opendyslexic/COPYRIGHT"));
}

// The web page carries no DejaVu Sans Bold (tools/web/CMakeLists.txt): its buttons must still
// read as bold, drawn from DejaVu Sans emboldened, not fall to the regular serif.
TEST_CASE("a missing bold face is its regular face emboldened", "[present][text]") {
  TempDir assets("fonts-no-bold");
  fs::create_directories(fs::path(assets / "fonts/dejavu"));
  for (const char* face : {"DejaVuSerif.ttf", "DejaVuSans.ttf"})
    fs::copy_file(findAssetsDir() + "/fonts/dejavu/" + face, assets / (std::string("fonts/dejavu/") + face));
  TtfLibrary ttf;
  Fonts fonts;
  std::string error;
  REQUIRE(fonts.open(assets.path.string(), error, false));
  TTF_Font* regular = fonts.get(FontRole::Ui, 24);
  TTF_Font* bold = fonts.get(FontRole::UiBold, 24);
  REQUIRE(regular);
  REQUIRE(bold);
  CHECK(TTF_GetFontStyle(regular) == TTF_STYLE_NORMAL);
  CHECK(TTF_GetFontStyle(bold) == TTF_STYLE_BOLD);
  CHECK(std::string(TTF_FontFaceFamilyName(bold)) == "DejaVu Sans");
  int regularWidth = 0, boldWidth = 0;
  TTF_SizeUTF8(regular, "Continue", &regularWidth, nullptr);
  TTF_SizeUTF8(bold, "Continue", &boldWidth, nullptr);
  CHECK(boldWidth > regularWidth);
}

namespace {

// The bundled serif and sans faces copied to `assets`, `damaged` of them cut to half its
// length (`garbage`: overwritten with text instead).
void copyFonts(const TempDir& assets, const std::string& damaged, bool garbage = false) {
  fs::create_directories(fs::path(assets / "fonts/dejavu"));
  for (const std::string face : {"DejaVuSerif.ttf", "DejaVuSans.ttf"}) {
    const std::string to = assets / ("fonts/dejavu/" + face);
    fs::copy_file(findAssetsDir() + "/fonts/dejavu/" + face, to);
    if (face != damaged) continue;
    if (garbage)
      writeText(to, std::string(4096, 'x'));
    else
      fs::resize_file(to, fs::file_size(to) / 2);
  }
}

bool draws(TTF_Font* font) {
  int w = 0, h = 0;
  return font && TTF_SizeUTF8(font, "A grey morning", &w, &h) == 0 && w > 0;
}

bool mentions(const std::vector<std::string>& lines, const std::string& what) {
  for (const std::string& line : lines)
    if (line.find(what) != std::string::npos) return true;
  return false;
}

}  // namespace

// A damaged font used to open and then draw nothing: a blank window with no word.
TEST_CASE("a damaged bundled text face is named, with what to do", "[present][text]") {
  for (const bool garbage : {false, true}) {
    INFO((garbage ? "garbage" : "truncated"));
    TempDir assets("fonts-damaged");
    copyFonts(assets, "DejaVuSerif.ttf", garbage);
    TtfLibrary ttf;
    Fonts fonts;
    std::string error;
    CHECK_FALSE(fonts.open(assets.path.string(), error, false));
    INFO(error);
    CHECK(error.find(assets / "fonts/dejavu/DejaVuSerif.ttf") != std::string::npos);
    CHECK(error.find("is damaged") != std::string::npos);
    CHECK(error.find("Reinstall Lost Corner") != std::string::npos);
  }
}

TEST_CASE("a damaged bundled face gives way to the system's copy, with a notice", "[present][text]") {
  const std::string system = "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf";
  if (!fs::exists(system)) return;  // fonts-dejavu-core is not installed: nothing to fall back to
  TempDir assets("fonts-damaged-system");
  copyFonts(assets, "DejaVuSerif.ttf");
  TtfLibrary ttf;
  Fonts fonts;
  std::string error;
  REQUIRE(fonts.open(assets.path.string(), error, true));
  CHECK(draws(fonts.get(FontRole::Body, 24)));
  const std::vector<std::string> problems = fonts.takeProblems();
  CHECK(mentions(problems, assets / "fonts/dejavu/DejaVuSerif.ttf"));
  CHECK(mentions(problems, "Using " + system));
  CHECK(fonts.takeProblems().empty());  // said once
}

TEST_CASE("a damaged bundled menu face is replaced by the text face, with a notice", "[present][text]") {
  TempDir assets("fonts-damaged-sans");
  copyFonts(assets, "DejaVuSans.ttf");
  TtfLibrary ttf;
  Fonts fonts;
  std::string error;
  REQUIRE(fonts.open(assets.path.string(), error, false));
  TTF_Font* ui = fonts.get(FontRole::Ui, 24);
  CHECK(draws(ui));
  REQUIRE(ui);
  CHECK(std::string(TTF_FontFaceFamilyName(ui)) == "DejaVu Serif");
  CHECK(mentions(fonts.takeProblems(), assets / "fonts/dejavu/DejaVuSans.ttf"));
}

TEST_CASE("wrapping breaks at spaces, keeps every word, never exceeds the width", "[present][text]") {
  FontsFixture f;
  REQUIRE(f.ok);
  TTF_Font* font = f.fonts.get(FontRole::Body, 24);
  const std::string text =
      "It was a grey morning \u2014 \u201Ccurly quotes\u201D, an accent: caf\u00E9. The gate stood "
      "open and the long grass by the fence was wet.";
  const auto lines = wrapText(font, text, 300);
  REQUIRE(lines.size() > 2);
  std::string rejoined;
  for (auto [b, e] : lines) {
    const std::string line = text.substr(b, e - b);
    int w = 0, h = 0;
    TTF_SizeUTF8(font, line.c_str(), &w, &h);
    CHECK(w <= 300);
    CHECK(line.front() != ' ');
    rejoined += (rejoined.empty() ? "" : " ") + line;
  }
  CHECK(rejoined == text);
}

TEST_CASE("wrapping: hard newlines, empty lines and over-long words", "[present][text]") {
  FontsFixture f;
  REQUIRE(f.ok);
  TTF_Font* font = f.fonts.get(FontRole::Ui, 18);
  CHECK(wrapText(font, "a\n\nb", 0).size() == 3);
  const auto lines = wrapText(font, std::string(60, 'W'), 100);
  CHECK(lines.size() > 3);
  for (auto [b, e] : lines) CHECK(e > b);
  CHECK(utf8Advance("caf\u00E9!", 4) == 5);  // é is two bytes
}
