// A writer's panel drawn over the game: a dark, semi-transparent box with a title and a
// column of small lines that scrolls when long. The debug overlay (F1) and the list of
// errors after a failed hot reload share it. It keeps its own look in every theme, so
// it never reads as part of the story.
#pragma once
#include <SDL.h>

#include <string>
#include <vector>

#include "present/canvas.h"

namespace lc::present {

class OverlayPanel {
 public:
  void setTitle(std::string title) { title_ = std::move(title); }
  // New lines; the scroll position stays (the debug overlay refreshes every frame).
  void setLines(std::vector<std::string> lines) { lines_ = std::move(lines); }
  const std::vector<std::string>& lines() const { return lines_; }
  void scrollToTop() { scroll_ = 0; }
  // Positive moves the text up (shows what is below). Returns false when nothing moved.
  bool scrollBy(int pixels);
  bool contains(int x, int y) const;  // drawing pixels, as last drawn
  int lineStep() const { return lineStep_; }
  int pageStep() const { return rect_.h * 3 / 4; }

  void draw(Canvas& canvas, const SDL_Rect& area);

  static constexpr SDL_Color kBackground{14, 16, 22, 215};
  static constexpr SDL_Color kText{232, 232, 224, 255};
  static constexpr SDL_Color kTitle{255, 214, 120, 255};

 private:
  std::string title_;
  std::vector<std::string> lines_;
  SDL_Rect rect_{0, 0, 0, 0};
  int scroll_ = 0, maxScroll_ = 0, lineStep_ = 16;
};

}  // namespace lc::present
