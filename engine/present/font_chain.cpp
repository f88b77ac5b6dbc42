#include "present/font_chain.h"

#include <algorithm>
#include <string>

#include "present/fonts.h"

// Emscripten's SDL_ttf port (2.0.15) has neither HarfBuzz direction nor 32-bit glyph
// queries: there the chain covers the Basic Multilingual Plane and runs stay left to right.
#if defined(SDL_TTF_VERSION_ATLEAST)
#if SDL_TTF_VERSION_ATLEAST(2, 20, 0)
#define LC_TTF_DIRECTION 1
#endif
#endif
#ifndef LC_TTF_DIRECTION
static int TTF_GlyphIsProvided32(TTF_Font* font, Uint32 ch) {
  return ch <= 0xFFFF ? TTF_GlyphIsProvided(font, static_cast<Uint16>(ch)) : 0;
}
#endif

namespace lc::present {
namespace {

bool isNeutral(uint32_t cp) {  // spaces, digits and punctuation join the run they are in
  return cp < 0x80 ? !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') : (cp >= 0x2000 && cp <= 0x206F);
}

[[maybe_unused]] const char* scriptOf(uint32_t cp) { return cp >= 0x0590 && cp <= 0x05FF ? "Hebr" : "Arab"; }

// SDL_ttf's direction and script are per font: set them for a run, then put them back.
struct Direction {
  TTF_Font* font;
  bool rtl;
  Direction(TTF_Font* f, bool r, uint32_t first) : font(f), rtl(r) {
#ifdef LC_TTF_DIRECTION
    if (!rtl) return;
    TTF_SetFontDirection(font, TTF_DIRECTION_RTL);
    TTF_SetFontScriptName(font, scriptOf(first));
#else
    (void)first;
#endif
  }
  ~Direction() {
#ifdef LC_TTF_DIRECTION
    if (!rtl) return;
    TTF_SetFontDirection(font, TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(font, "Latn");
#endif
  }
};

}  // namespace

uint32_t decodeUtf8(std::string_view s, size_t& i) {
  const unsigned char c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  const int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : -1;
  if (extra < 0) return 0xFFFD;
  uint32_t cp = c & (0x3F >> extra);
  for (int k = 0; k < extra; ++k) {
    if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
    cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  }
  return cp;
}

bool isRightToLeft(uint32_t cp) {
  return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF);
}

FontChain::FontChain(Fonts& fonts, FontRole role, int pixels)
    : fonts_(&fonts), pixels_(pixels), primary_(fonts.get(role, pixels)) {}

FontChain::FontChain(TTF_Font* only) : primary_(only) {}

TTF_Font* FontChain::faceFor(uint32_t cp) const {
  if (TTF_GlyphIsProvided32(primary_, cp) || !fonts_) return primary_;
  for (int i = 0; i < Fonts::kFallbacks; ++i)
    if (TTF_Font* f = fonts_->fallback(i, pixels_); f && TTF_GlyphIsProvided32(f, cp)) return f;
  return primary_;  // nobody has it: the primary's own missing-glyph box
}

bool FontChain::covers(uint32_t cp) const {
  if (cp == '\n' || cp == '\t') return true;
  return TTF_GlyphIsProvided32(faceFor(cp), cp) != 0;
}

std::vector<FontChain::Run> FontChain::runs(std::string_view text) const {
  std::vector<Run> out;
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (ascii || !primary_) return {{primary_, 0, text.size(), false}};  // the common case: one run
  for (size_t i = 0; i < text.size();) {
    const size_t at = i;
    const uint32_t cp = decodeUtf8(text, i);
    const bool rtl = isRightToLeft(cp);
    if (!out.empty() && isNeutral(cp) && TTF_GlyphIsProvided32(out.back().font, cp)) {
      out.back().end = i;
      continue;
    }
    TTF_Font* f = faceFor(cp);
    if (!out.empty() && out.back().font == f && (out.back().rtl == rtl || isNeutral(cp))) {
      out.back().end = i;
      continue;
    }
    out.push_back({f, at, i, rtl});
  }
  // A line that begins right to left reads its runs from the right.
  for (const Run& r : out) {
    size_t i = r.begin;
    const uint32_t cp = decodeUtf8(text, i);
    if (isNeutral(cp)) continue;
    if (r.rtl) std::reverse(out.begin(), out.end());
    break;
  }
  return out;
}

int FontChain::width(std::string_view text) const {
  if (text.empty() || !primary_) return 0;
  int total = 0;
  for (const Run& r : runs(text)) {
    const std::string part(text.substr(r.begin, r.end - r.begin));
    size_t i = r.begin;
    Direction d(r.font, r.rtl, decodeUtf8(text, i));
    int w = 0, h = 0;
    TTF_SizeUTF8(r.font, part.c_str(), &w, &h);
    total += w;
  }
  return total;
}

SDL_Surface* FontChain::render(std::string_view text, SDL_Color color) const {
  if (text.empty() || !primary_) return nullptr;
  const std::vector<Run> parts = runs(text);
  std::vector<SDL_Surface*> pieces;
  int width = 0, height = TTF_FontHeight(primary_);
  for (const Run& r : parts) {
    const std::string part(text.substr(r.begin, r.end - r.begin));
    size_t i = r.begin;
    Direction d(r.font, r.rtl, decodeUtf8(text, i));
    SDL_Surface* s = TTF_RenderUTF8_Blended(r.font, part.c_str(), color);
    pieces.push_back(s);
    if (s) width += s->w, height = std::max(height, s->h);
  }
  if (pieces.size() == 1) return pieces[0];
  SDL_Surface* line = SDL_CreateRGBSurfaceWithFormat(0, std::max(1, width), height, 32, SDL_PIXELFORMAT_ARGB8888);
  int x = 0;
  for (size_t k = 0; k < pieces.size(); ++k) {
    SDL_Surface* s = pieces[k];
    if (!s) continue;
    if (line) {
      // Baselines line up: each face's ascent below the line's top.
      const int y = std::max(0, TTF_FontAscent(primary_) - TTF_FontAscent(parts[k].font));
      SDL_SetSurfaceBlendMode(s, SDL_BLENDMODE_NONE);
      SDL_Rect dst{x, y, s->w, s->h};
      SDL_BlitSurface(s, nullptr, line, &dst);
      x += s->w;
    }
    SDL_FreeSurface(s);
  }
  return line;
}

}  // namespace lc::present
