#include "present/widgets.h"

#include <algorithm>

namespace lc::present {

void ButtonList::clear() {
  buttons.clear();
  focus = hover = -1;
  announced_ = -1;
}

void ButtonList::add(std::string label, std::string detail, bool enabled) {
  buttons.push_back(Button{std::move(label), std::move(detail), enabled, {}});
}

std::string ButtonList::labelText(size_t i) const {
  return numbered && i < 9 ? std::to_string(i + 1) + ".  " + buttons[i].label : buttons[i].label;
}

int ButtonList::layoutColumn(Canvas& canvas, int x, int y, int width, double size720, int gap720) {
  rows_ = 0;
  const int pad = canvas.px(12);
  const int textWidth = std::max(10, width - 2 * pad);
  const int pixels = canvas.uiPixels(size720);
  for (size_t i = 0; i < buttons.size(); ++i) {
    Button& b = buttons[i];
    // The same colours as draw() uses, so the blocks measured here are the ones drawn.
    const SDL_Color c = b.enabled ? canvas.theme().buttonText : canvas.theme().dim;
    int h = canvas.text(labelText(i), FontRole::Ui, pixels, c, textWidth).height;
    if (!b.detail.empty())
      h += canvas.text(b.detail, FontRole::Ui, canvas.uiPixels(size720 * 0.8), canvas.theme().dim, textWidth).height;
    b.rect = SDL_Rect{x, y, width, h + 2 * canvas.px(8)};
    y += b.rect.h + canvas.px(gap720);
  }
  return y;
}

int ButtonList::layoutGrid(Canvas& canvas, int x, int y, int width, int columns, double size720,
                           int gap720) {
  columns = std::max(1, columns);
  const int n = static_cast<int>(buttons.size());
  const int rows = (n + columns - 1) / columns;
  const int gap = canvas.px(gap720 * 2);
  const int colWidth = (width - gap * (columns - 1)) / columns;
  // Lay each column out on its own, then give every row the height of its tallest button.
  std::vector<Button> all = std::move(buttons);
  int bottom = y;
  std::vector<int> heights(rows, 0);
  for (int c = 0; c < columns; ++c)
    for (int r = 0; r < rows && c * rows + r < n; ++r) {
      buttons = {all[c * rows + r]};
      layoutColumn(canvas, 0, 0, colWidth, size720, gap720);
      heights[r] = std::max(heights[r], buttons[0].rect.h);
    }
  buttons = std::move(all);
  for (int c = 0; c < columns; ++c) {
    int top = y;
    for (int r = 0; r < rows && c * rows + r < n; ++r) {
      buttons[c * rows + r].rect = SDL_Rect{x + c * (colWidth + gap), top, colWidth, heights[r]};
      top += heights[r] + canvas.px(gap720);
    }
    bottom = std::max(bottom, top);
  }
  rows_ = columns > 1 ? rows : 0;
  return bottom;
}

void ButtonList::draw(Canvas& canvas, double size720, const SDL_Rect* clip) {
  const Theme& theme = canvas.theme();
  const int pad = canvas.px(12);
  const int pixels = canvas.uiPixels(size720);
  for (size_t i = 0; i < buttons.size(); ++i) {
    const Button& b = buttons[i];
    if (clip && (b.rect.y < clip->y || b.rect.y + b.rect.h > clip->y + clip->h)) continue;
    const bool focused = static_cast<int>(i) == focus;
    const bool lit = b.enabled && (focused || static_cast<int>(i) == hover);
    canvas.fill(b.rect, lit ? theme.buttonHover : theme.button);
    canvas.logBox(Drawn::Kind::Button, b.rect, b.label);
    if (focused) canvas.frame(b.rect, theme.accent, canvas.px(theme.focusWidth));
    else if (theme.focusWidth > 2) canvas.frame(b.rect, theme.dim, 1);  // outlines in high contrast
    const SDL_Color c = b.enabled ? theme.buttonText : theme.dim;
    const int textWidth = std::max(10, b.rect.w - 2 * pad);
    const TextBlock& label = canvas.text(labelText(i), FontRole::Ui, pixels, c, textWidth);
    const int top = b.rect.y + canvas.px(8);
    canvas.draw(label, b.rect.x + pad, top);
    if (!b.detail.empty()) {
      const TextBlock& detail =
          canvas.text(b.detail, FontRole::Ui, canvas.uiPixels(size720 * 0.8), theme.dim, textWidth);
      canvas.draw(detail, b.rect.x + pad, top + label.height);
    }
  }
}

int ButtonList::hit(int x, int y) const {
  for (size_t i = 0; i < buttons.size(); ++i) {
    const SDL_Rect& r = buttons[i].rect;
    if (x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h) return static_cast<int>(i);
  }
  return -1;
}

void ButtonList::moveFocus(int step) {
  const int n = static_cast<int>(buttons.size());
  if (n == 0) return;
  int i = focus < 0 ? (step > 0 ? -1 : n) : focus;
  for (int tries = 0; tries < n; ++tries) {
    i = (i + step + n) % n;
    if (buttons[i].enabled) {
      focus = i;
      return;
    }
  }
}

ButtonList::Result ButtonList::handle(const Input& in, int& activated) {
  const int n = static_cast<int>(buttons.size());
  auto activate = [&](int i) {
    if (i < 0 || i >= n || !buttons[i].enabled) return Result::Handled;
    activated = i;
    return Result::Activated;
  };
  switch (in.action) {
    case Action::PointerMove: hover = hit(in.x, in.y); return Result::Ignored;
    case Action::Click: {
      const int i = hit(in.x, in.y);
      return i < 0 ? Result::Ignored : activate(i);
    }
    case Action::Up: moveFocus(-1); return n ? Result::Handled : Result::Ignored;
    case Action::Down: moveFocus(+1); return n ? Result::Handled : Result::Ignored;
    case Action::Left:
    case Action::Right: {
      if (rows_ <= 0 || focus < 0) return Result::Ignored;
      const int to = focus + (in.action == Action::Left ? -rows_ : rows_);
      if (to >= 0 && to < n && buttons[to].enabled) focus = to;
      return Result::Handled;
    }
    case Action::Home: focus = -1; moveFocus(+1); return Result::Handled;
    case Action::End: focus = -1; moveFocus(-1); return Result::Handled;
    case Action::Confirm:
      if (focus >= 0) return activate(focus);
      if (!enterFocuses) return Result::Ignored;
      moveFocus(+1);
      return Result::Handled;
    case Action::Number: return in.number <= n ? activate(in.number - 1) : Result::Ignored;
    default: return Result::Ignored;
  }
}

std::optional<std::string> ButtonList::takeFocusChange() {
  if (focus == announced_ || focus < 0 || focus >= static_cast<int>(buttons.size())) return std::nullopt;
  announced_ = focus;
  return buttons[focus].label;
}

}  // namespace lc::present
