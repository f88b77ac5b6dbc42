// Short messages to the player ("Saved in slot 3", "No sound device: playing silently"),
// shown one after another for a few seconds in the band above the page (top left), and
// kept in a log for tests.
#pragma once
#include <deque>
#include <string>
#include <vector>

#include "present/canvas.h"

namespace lc::present {

class Notices {
 public:
  void add(std::string text);
  void update(double nowMs);
  void draw(Canvas& canvas);
  bool visible() const { return !showing_.empty(); }
  const std::vector<std::string>& log() const { return log_; }
  // Where the notices were drawn last (the layout test checks them).
  const std::vector<SDL_Rect>& boxes() const { return boxes_; }

 private:
  struct Shown {
    std::string text;
    double until = -1;  // set on the first update after it was added
  };
  std::deque<Shown> showing_;
  std::vector<std::string> log_;
  std::vector<SDL_Rect> boxes_;
};

}  // namespace lc::present
