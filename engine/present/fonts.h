// The bundled fonts, opened from memory at the sizes asked for. Text uses DejaVu Serif,
// menus DejaVu Sans; with the dyslexia setting both use OpenDyslexic.
#pragma once
#include <SDL_ttf.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lc::present {

enum class FontRole { Body, Heading, Ui, UiBold };

// The assets folder: $LOSTCORNER_ASSETS, next to the executable, one level up, the
// install share folder, then the source tree's assets (for builds run in place).
std::string findAssetsDir();

class Fonts {
 public:
  Fonts() = default;
  ~Fonts();
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;

  // Reads the font files (needs TTF_Init). False with a reason when no text face can be
  // read (naming the file and what to do). Faces missing from assetsDir, or damaged there
  // (truncated, not a font), are taken from Debian's font packages when `systemFonts`
  // (the web page has none; tests turn it off to see the stand-ins).
  bool open(const std::string& assetsDir, std::string& error, bool systemFonts = true);
  // What went wrong with a font file since last asked (a damaged file and what stands in
  // for it), for the player to see as a notice.
  std::vector<std::string> takeProblems() { return std::move(problems_); }
  // A font for the role at a pixel size (cached; never null after a successful open).
  TTF_Font* get(FontRole role, int pixels);
  // Fallback face `index` (0 .. kFallbacks-1, see font_chain.h) at a size, or null when
  // its file is missing. Read on first use only: most stories never need one.
  static constexpr int kFallbacks = 3;
  TTF_Font* fallback(int index, int pixels);
  void setDyslexic(bool on);
  bool dyslexic() const { return dyslexic_; }
  // Changes whenever the faces change, so text caches can tell their entries are stale.
  int generation() const { return generation_; }

 private:
  int faceOf(FontRole role) const;
  bool loadFace(int face);  // reads the face's file on first use
  bool readFace(int face);  // the bundled file, else the system one; false: neither is usable
  TTF_Font* openFace(int face, int pixels);

  std::string assetsDir_;
  bool systemFonts_ = true;
  std::vector<std::vector<unsigned char>> files_;  // font bytes; index = face
  std::map<std::pair<int, int>, TTF_Font*> open_;  // (face, pixels) -> font
  std::set<int> missing_;                          // fallback faces with no file
  std::set<int> emboldened_;                       // bold faces drawn from their regular face
  std::vector<std::string> problems_;
  std::string damaged_;  // why the serif face cannot be used (its damaged file), for open()
  bool dyslexic_ = false;
  int generation_ = 0;
};

}  // namespace lc::present
