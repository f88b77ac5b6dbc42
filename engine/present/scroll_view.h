// A long, scrollable column of text items (the backlog, the list of story errors).
// Heights are measured without rendering and only the visible items are drawn, so a
// backlog of hundreds of scenes costs no more than a screenful.
#pragma once
#include <string>
#include <vector>

#include "present/canvas.h"
#include "present/input.h"

namespace lc::present {

class ScrollView {
 public:
  enum class Look { Heading, Body, Note, Error };
  void add(std::string text, Look look);
  void clear();
  bool empty() const { return items_.empty(); }
  // Draws into `area`; the first draw starts at the bottom when `startAtEnd`.
  void draw(Canvas& canvas, const SDL_Rect& area);
  // Scroll keys, wheel; returns false for inputs it does not use.
  bool handle(const Input& in);
  bool atEnd() const { return scroll_ >= maxScroll_; }
  bool startAtEnd = false;

 private:
  struct Item {
    std::string text;
    Look look;
    int top = 0, height = 0;
  };
  void measure(Canvas& canvas, int width);
  TextStyle styleOf(const Canvas& canvas, Look look) const;

  std::vector<Item> items_;
  int measuredWidth_ = -1, measuredBody_ = -1;
  const void* measuredTheme_ = nullptr;
  int contentHeight_ = 0, viewHeight_ = 1;
  int scroll_ = 0, maxScroll_ = 0;
  bool placed_ = false;
};

}  // namespace lc::present
