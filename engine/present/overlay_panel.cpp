#include "present/overlay_panel.h"

#include <algorithm>

namespace lc::present {

bool OverlayPanel::scrollBy(int pixels) {
  const int before = scroll_;
  scroll_ = std::clamp(scroll_ + pixels, 0, maxScroll_);
  return scroll_ != before;
}

bool OverlayPanel::contains(int x, int y) const {
  return x >= rect_.x && x < rect_.x + rect_.w && y >= rect_.y && y < rect_.y + rect_.h;
}

void OverlayPanel::draw(Canvas& canvas, const SDL_Rect& area) {
  rect_ = area;
  canvas.fill(area, kBackground);
  canvas.frame(area, kTitle, 1);
  // Small, fixed-size text: the panel holds a lot, and the story's font size is the
  // reader's setting, not the writer's.
  const int pixels = canvas.px(14);
  const int pad = canvas.px(10);
  const int width = area.w - 2 * pad;
  const TextBlock& title = canvas.text(title_, FontRole::UiBold, canvas.px(15), kTitle, width);
  canvas.draw(title, area.x + pad, area.y + pad);
  const int top = area.y + pad + canvas.measureHeight(title_, FontRole::UiBold, canvas.px(15), width) + pad / 2;
  const SDL_Rect view{area.x + pad, top, width, area.y + area.h - pad - top};
  lineStep_ = std::max(1, canvas.measureHeight("Ag", FontRole::Ui, pixels, 0));
  int content = 0;
  for (const std::string& line : lines_)
    content += line.empty() ? lineStep_ / 2 : canvas.measureHeight(line, FontRole::Ui, pixels, width);
  maxScroll_ = std::max(0, content - view.h);
  scroll_ = std::clamp(scroll_, 0, maxScroll_);
  canvas.setClip(&view);
  int y = view.y - scroll_;
  for (const std::string& line : lines_) {
    if (line.empty()) {
      y += lineStep_ / 2;
      continue;
    }
    const int h = canvas.measureHeight(line, FontRole::Ui, pixels, width);
    if (y + h >= view.y && y <= view.y + view.h)
      canvas.draw(canvas.text(line, FontRole::Ui, pixels, kText, width), view.x, y, -1, &view);
    y += h;
    if (y > view.y + view.h) break;
  }
  canvas.setClip(nullptr);
  if (maxScroll_ > 0) {  // a thin bar shows that there is more, and where we are
    const int barH = std::max(canvas.px(20), view.h * view.h / std::max(1, content));
    const int barY = view.y + (view.h - barH) * scroll_ / maxScroll_;
    canvas.fill({area.x + area.w - canvas.px(6), barY, canvas.px(3), barH}, kTitle);
  }
}

}  // namespace lc::present
