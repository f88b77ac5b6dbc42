// Text in any script a student writes: the face for the role first, then fallback faces
// for the characters it lacks (DejaVu Sans for symbols, Hebrew and Arabic; Droid Sans
// Fallback for Chinese, Japanese and Korean; Lohit for Devanagari). A string is cut into
// runs, each drawn by the first face that has its characters; Arabic and Hebrew runs are
// shaped right to left by SDL_ttf's HarfBuzz, and a line that starts right to left puts
// its runs in right-to-left order.
#pragma once
#include <SDL_ttf.h>

#include <cstdint>
#include <string_view>
#include <vector>

namespace lc::present {

class Fonts;
enum class FontRole;

// Code point at byte `i` of `s`, moving `i` past it (invalid bytes read as U+FFFD).
uint32_t decodeUtf8(std::string_view s, size_t& i);
bool isRightToLeft(uint32_t cp);

class FontChain {
 public:
  FontChain(Fonts& fonts, FontRole role, int pixels);
  explicit FontChain(TTF_Font* only);  // one face, no fallbacks (tests, measuring)

  TTF_Font* primary() const { return primary_; }
  int width(std::string_view text) const;
  // The text on one line (transparent background), or null for empty text.
  SDL_Surface* render(std::string_view text, SDL_Color color) const;
  // Is there a face in the chain with a glyph for `cp`?
  bool covers(uint32_t cp) const;

 private:
  struct Run {
    TTF_Font* font;
    size_t begin, end;
    bool rtl;
  };
  std::vector<Run> runs(std::string_view text) const;
  TTF_Font* faceFor(uint32_t cp) const;

  Fonts* fonts_ = nullptr;
  int pixels_ = 0;
  TTF_Font* primary_ = nullptr;
};

}  // namespace lc::present
