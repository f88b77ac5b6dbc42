#include "present/scroll_view.h"

#include <algorithm>

namespace lc::present {

void ScrollView::add(std::string text, Look look) {
  items_.push_back({std::move(text), look});
  measuredWidth_ = -1;
}

void ScrollView::clear() {
  items_.clear();
  measuredWidth_ = -1;
  scroll_ = 0;
  placed_ = false;
}

TextStyle ScrollView::styleOf(const Canvas& canvas, Look look) const {
  const Theme& t = canvas.theme();
  switch (look) {
    case Look::Heading: return {FontRole::Heading, canvas.bodyPixels() * 11 / 10, t.accent};
    case Look::Body: return {FontRole::Body, canvas.bodyPixels(), t.text};
    case Look::Note: return {FontRole::Ui, canvas.uiPixels(18), t.dim};
    case Look::Error: return {FontRole::Ui, canvas.uiPixels(18), t.text};
  }
  return {};
}

void ScrollView::measure(Canvas& canvas, int width) {
  if (width == measuredWidth_ && canvas.bodyPixels() == measuredBody_ && measuredTheme_ == &canvas.theme())
    return;
  int y = 0;
  for (Item& item : items_) {
    const TextStyle st = styleOf(canvas, item.look);
    if (item.look == Look::Heading && y > 0) y += canvas.px(18);
    item.top = y;
    item.height = canvas.measureHeight(item.text, st.role, st.pixels, width);
    y += item.height + canvas.px(item.look == Look::Heading ? 6 : 12);
  }
  contentHeight_ = y;
  measuredWidth_ = width;
  measuredBody_ = canvas.bodyPixels();
  measuredTheme_ = &canvas.theme();
}

void ScrollView::draw(Canvas& canvas, const SDL_Rect& area) {
  measure(canvas, area.w);
  viewHeight_ = std::max(1, area.h);
  maxScroll_ = std::max(0, contentHeight_ - viewHeight_);
  if (!placed_) {
    scroll_ = startAtEnd ? maxScroll_ : 0;
    placed_ = true;
  }
  scroll_ = std::clamp(scroll_, 0, maxScroll_);
  canvas.setClip(&area);
  for (const Item& item : items_) {
    const int y = area.y + item.top - scroll_;
    if (y + item.height < area.y || y > area.y + area.h) continue;
    const TextStyle st = styleOf(canvas, item.look);
    canvas.draw(canvas.text(item.text, st.role, st.pixels, st.color, area.w), area.x, y, -1, &area);
  }
  canvas.setClip(nullptr);
  if (maxScroll_ > 0) {  // a thin scroll bar, so the length of the list shows
    const int barH = std::max(canvas.px(24), viewHeight_ * viewHeight_ / std::max(1, contentHeight_));
    const int barY = area.y + (viewHeight_ - barH) * scroll_ / maxScroll_;
    canvas.fill({area.x + area.w + canvas.px(10), barY, canvas.px(4), barH}, canvas.theme().dim);
  }
}

bool ScrollView::handle(const Input& in) {
  const int line = std::max(1, viewHeight_ / 12);
  switch (in.action) {
    case Action::Up: scroll_ -= line; break;
    case Action::Down: scroll_ += line; break;
    case Action::History: scroll_ -= viewHeight_ - line; break;
    case Action::PageDown: scroll_ += viewHeight_ - line; break;
    case Action::Home: scroll_ = 0; break;
    case Action::End: scroll_ = maxScroll_; break;
    case Action::Wheel: scroll_ -= in.wheel * line; break;
    default: return false;
  }
  scroll_ = std::clamp(scroll_, 0, maxScroll_);
  return true;
}

}  // namespace lc::present
