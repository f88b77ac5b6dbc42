#include "present/notices.h"

#include <algorithm>
#include <cstdio>

namespace lc::present {
namespace {
constexpr double kShowMs = 4500;
constexpr double kQueuedShowMs = 2500;  // shorter while more notices wait their turn
constexpr size_t kMaxQueued = 4;
}  // namespace

void Notices::add(std::string text) {
  std::fprintf(stderr, "lostcorner: %s\n", text.c_str());
  log_.push_back(text);
  showing_.push_back({std::move(text), -1});
  while (showing_.size() > kMaxQueued) showing_.pop_front();
}

// One notice at a time, in the order they came: the first is timed from when it shows.
void Notices::update(double nowMs) {
  while (!showing_.empty()) {
    Shown& first = showing_.front();
    if (first.until < 0) first.until = nowMs + (showing_.size() > 1 ? kQueuedShowMs : kShowMs);
    if (first.until > nowMs) return;
    showing_.pop_front();
  }
}

// The notice sits in the band above the page, at the left: below, it covered the
// choices and the key hints. The top-right corner belongs to the sound captions.
void Notices::draw(Canvas& canvas) {
  boxes_.clear();
  if (showing_.empty()) return;
  const Theme& theme = canvas.theme();
  const int pixels = canvas.uiPixels(15);
  const int pad = canvas.px(6);
  const int wrap = std::max(canvas.px(200), canvas.width() * 2 / 5 - canvas.px(40));
  const std::string& text = showing_.front().text;
  const TextBlock& block = canvas.text(text, FontRole::Ui, pixels, theme.buttonText, wrap);
  const SDL_Rect box{canvas.px(12), canvas.px(6), block.width + 2 * pad, block.height + 2 * pad};
  canvas.fill(box, theme.panel);
  canvas.frame(box, theme.accent, canvas.px(2));
  canvas.draw(block, box.x + pad, box.y + pad);
  boxes_.push_back(box);
  canvas.logBox(Drawn::Kind::Notice, box, text);
}

}  // namespace lc::present
