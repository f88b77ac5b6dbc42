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
