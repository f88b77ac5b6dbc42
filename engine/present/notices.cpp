#include "present/notices.h"

#include <algorithm>
#include <cstdio>

namespace lc::present {
namespace {
constexpr double kShowMs = 4500;
constexpr size_t kMaxShown = 3;
}  // namespace

void Notices::add(std::string text) {
  std::fprintf(stderr, "lostcorner: %s\n", text.c_str());
  log_.push_back(text);
  showing_.push_back({std::move(text), -1});
  while (showing_.size() > kMaxShown) showing_.pop_front();
}

void Notices::update(double nowMs) {
  for (Shown& s : showing_)
    if (s.until < 0) s.until = nowMs + kShowMs;
  while (!showing_.empty() && showing_.front().until <= nowMs) showing_.pop_front();
}

void Notices::draw(Canvas& canvas) {
  const Theme& theme = canvas.theme();
  const int pixels = canvas.uiPixels(17);
  const int pad = canvas.px(10);
  const int wrap = std::min(canvas.width() - canvas.px(80), canvas.px(900));
  int y = canvas.height() - canvas.px(24);
  for (auto it = showing_.rbegin(); it != showing_.rend(); ++it) {
    const TextBlock& block = canvas.text(it->text, FontRole::Ui, pixels, theme.buttonText, wrap);
    const SDL_Rect box{(canvas.width() - block.width) / 2 - pad, y - block.height - 2 * pad,
                       block.width + 2 * pad, block.height + 2 * pad};
    canvas.fill(box, theme.panel);
    canvas.frame(box, theme.accent, canvas.px(2));
    canvas.draw(block, box.x + pad, box.y + pad);
    y = box.y - canvas.px(8);
  }
}

}  // namespace lc::present
