// What a screen draws with: the renderer, the theme, the text cache and the size of the
// frame, plus sizes that follow the window (a 720-line layout scaled to the real height).
#pragma once
#include <SDL.h>

#include <functional>
#include <string_view>

#include "present/text_cache.h"
#include "present/theme.h"

namespace lc::present {

class Canvas {
 public:
  Canvas(SDL_Renderer* renderer, TextCache& text, const Theme& theme, int width, int height,
         int fontSize);

  int width() const { return width_; }
  int height() const { return height_; }
  const Theme& theme() const { return theme_; }
  TextCache& textCache() { return text_; }
  // A length designed for a 720-line window, scaled to this one.
  int px(double length720) const;
  // Pixel size of story text (the player's font size, scaled) and of interface text
  // (follows the font size a little, so large text makes menus larger too).
  int bodyPixels() const;
  int uiPixels(double size720) const;

  void clear();
  void fill(const SDL_Rect& rect, SDL_Color color);
  void frame(const SDL_Rect& rect, SDL_Color color, int thickness);
  void shade();  // darkens what is below a dialog

  const TextBlock& text(std::string_view text, FontRole role, int pixels, SDL_Color color,
                        int wrapWidth = 0);
  int measureHeight(std::string_view text, FontRole role, int pixels, int wrapWidth) {
    return text_.measureHeight(text, TextStyle{role, pixels, {}}, wrapWidth);
  }
  void draw(const TextBlock& block, int x, int y, long reveal = -1, const SDL_Rect* clip = nullptr);
  // Draws one line (or wrapped block) centred horizontally at y; returns its height.
  int centred(std::string_view text, FontRole role, int pixels, SDL_Color color, int y,
              int wrapWidth = 0);
  void setClip(const SDL_Rect* rect);
  // Tells the layout log (when one is kept) that a button or panel was drawn at `rect`.
  void logBox(Drawn::Kind kind, const SDL_Rect& rect, std::string_view label);

 private:
  SDL_Renderer* renderer_;
  TextCache& text_;
  const Theme& theme_;
  int width_, height_;
  int fontSize_;
  double scale_;
};

// The largest size in [lo, hi] for which `fits(size)` holds, given that a size that fits
// has every smaller one fitting too; `lo` when none does. A handful of measurements.
int largestFitting(int lo, int hi, const std::function<bool(int)>& fits);

}  // namespace lc::present
