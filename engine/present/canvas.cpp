#include "present/canvas.h"

#include <algorithm>
#include <cmath>

namespace lc::present {

Canvas::Canvas(SDL_Renderer* renderer, TextCache& text, const Theme& theme, int width,
               int height, int fontSize)
    : renderer_(renderer), text_(text), theme_(theme), width_(width), height_(height),
      fontSize_(fontSize) {
  // The layout is designed for 1280x720; narrow windows scale by width instead.
  scale_ = std::min(height / 720.0, width / 1000.0);
  scale_ = std::max(scale_, 0.45);
}

int Canvas::px(double length720) const { return static_cast<int>(std::lround(length720 * scale_)); }

int Canvas::bodyPixels() const { return std::max(10, px(fontSize_)); }

int Canvas::uiPixels(double size720) const {
  const double follow = std::clamp(fontSize_ / 26.0, 0.85, 1.4);
  return std::max(9, px(size720 * follow));
}

void Canvas::clear() {
  const SDL_Color c = theme_.background;
  SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, 255);
  SDL_RenderClear(renderer_);
}

void Canvas::fill(const SDL_Rect& rect, SDL_Color c) {
  SDL_SetRenderDrawColor(renderer_, c.r, c.g, c.b, c.a);
  SDL_RenderFillRect(renderer_, &rect);
}

void Canvas::frame(const SDL_Rect& r, SDL_Color c, int t) {
  t = std::max(1, t);
  fill({r.x, r.y, r.w, t}, c);
  fill({r.x, r.y + r.h - t, r.w, t}, c);
  fill({r.x, r.y + t, t, r.h - 2 * t}, c);
  fill({r.x + r.w - t, r.y + t, t, r.h - 2 * t}, c);
}

void Canvas::shade() { fill({0, 0, width_, height_}, theme_.shade); }

const TextBlock& Canvas::text(std::string_view text, FontRole role, int pixels, SDL_Color color,
                              int wrapWidth) {
  return text_.get(text, TextStyle{role, pixels, color}, wrapWidth);
}

void Canvas::draw(const TextBlock& block, int x, int y, long reveal, const SDL_Rect* clip) {
  text_.draw(block, x, y, reveal, clip);
}

int Canvas::centred(std::string_view s, FontRole role, int pixels, SDL_Color color, int y,
                    int wrapWidth) {
  const TextBlock& block = text(s, role, pixels, color, wrapWidth);
  // Each line centred on its own, so wrapped headings stay balanced.
  for (size_t i = 0; i < block.lines.size(); ++i) {
    const TextLine& line = block.lines[i];
    if (!line.texture) continue;
    int w = 0, h = 0;
    SDL_QueryTexture(line.texture, nullptr, nullptr, &w, &h);
    const SDL_Rect dst{(width_ - line.width) / 2, y + static_cast<int>(i) * block.lineSkip, w, h};
    SDL_RenderCopy(renderer_, line.texture, nullptr, &dst);
    if (text_.log()) text_.logLine(block, line, dst.x, dst.y, line.width);
  }
  return block.height;
}

void Canvas::logBox(Drawn::Kind kind, const SDL_Rect& rect, std::string_view label) {
  if (LayoutLog* log = text_.log()) {
    Drawn d;
    d.kind = kind;
    d.rect = rect;
    d.text.assign(label);
    log->add(std::move(d));
  }
}

int largestFitting(int lo, int hi, const std::function<bool(int)>& fits) {
  if (hi <= lo || fits(hi)) return std::max(lo, hi);
  while (hi - lo > 1) {  // fits(lo) is assumed (the floor), fits(hi) is false
    const int mid = lo + (hi - lo) / 2;
    if (fits(mid))
      lo = mid;
    else
      hi = mid;
  }
  return lo;
}

void Canvas::setClip(const SDL_Rect* rect) { SDL_RenderSetClipRect(renderer_, rect); }

}  // namespace lc::present
