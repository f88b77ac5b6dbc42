#include "present/text_input.h"

#include <algorithm>

#include "classroom/classroom.h"

namespace lc::present {
namespace {

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

void TextField::set(std::string text) {
  text_ = std::move(text);
  cursor_ = text_.size();
}

void TextField::insert(const std::string& utf8) {
  // Typed text is cleaned like the terminal's lines (invalid UTF-8 replaced, control
  // characters dropped), so what reaches the save is the same from every front end.
  std::string clean = cleanTypedLine(utf8);
  if (text_.size() + clean.size() > maxBytes_) return;
  text_.insert(cursor_, clean);
  cursor_ += clean.size();
}

void TextField::backspace() {
  if (cursor_ == 0) return;
  size_t from = cursor_ - 1;
  while (from > 0 && continuation(text_[from])) --from;
  text_.erase(from, cursor_ - from);
  cursor_ = from;
}

void TextField::del() {
  if (cursor_ >= text_.size()) return;
  size_t to = cursor_ + 1;
  while (to < text_.size() && continuation(text_[to])) ++to;
  text_.erase(cursor_, to - cursor_);
}

void TextField::left() {
  if (cursor_ == 0) return;
  --cursor_;
  while (cursor_ > 0 && continuation(text_[cursor_])) --cursor_;
}

void TextField::right() {
  if (cursor_ >= text_.size()) return;
  ++cursor_;
  while (cursor_ < text_.size() && continuation(text_[cursor_])) ++cursor_;
}

void TextField::home() {
  const size_t nl = cursor_ == 0 ? std::string::npos : text_.rfind('\n', cursor_ - 1);
  cursor_ = nl == std::string::npos ? 0 : nl + 1;
}

void TextField::end() {
  const size_t nl = text_.find('\n', cursor_);
  cursor_ = nl == std::string::npos ? text_.size() : nl;
}

TextField::Result TextField::handle(const Input& in) {
  if (in.action == Action::Text) {
    insert(in.text);
    return Result::Edited;
  }
  if (in.key == 0) return Result::Ignored;
  const bool ctrl = (in.mod & KMOD_CTRL) != 0;
  switch (in.key) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER:
      if (ctrl || !multiline_) return Result::Submit;
      if (text_.size() + 1 <= maxBytes_) text_.insert(cursor_++, 1, '\n');
      return Result::Edited;
    case SDLK_BACKSPACE: backspace(); return Result::Edited;
    case SDLK_DELETE: del(); return Result::Edited;
    case SDLK_LEFT: left(); return Result::Moved;
    case SDLK_RIGHT: right(); return Result::Moved;
    case SDLK_HOME: home(); return Result::Moved;
    case SDLK_END: end(); return Result::Moved;
    default: break;
  }
  // Printable keys arrive again as Text; swallow them so they do not also act as
  // shortcuts (A for auto, 1-9 for choices) while the student types.
  if (in.key == SDLK_SPACE || (in.key >= 32 && in.key < 127) || in.action == Action::Number ||
      in.action == Action::Auto)
    return Result::Moved;
  return Result::Ignored;
}

void TextField::draw(Canvas& canvas, const SDL_Rect& box, int pixels, const std::string& placeholder, bool focused) {
  const Theme& theme = canvas.theme();
  canvas.fill(box, theme.background);
  canvas.frame(box, focused ? theme.accent : theme.dim, canvas.px(focused ? 2 : 1));
  const int pad = canvas.px(10);
  const SDL_Rect inner{box.x + pad, box.y + pad, box.w - 2 * pad, box.h - 2 * pad};
  const int skip = canvas.textCache().lineSkip(TextStyle{FontRole::Body, pixels, theme.text});
  if (text_.empty()) {
    const TextBlock& hint = canvas.text(placeholder, FontRole::Ui, pixels, theme.dim, inner.w);
    canvas.draw(hint, inner.x + canvas.px(4), inner.y, -1, &inner);
    if (focused) canvas.fill({inner.x, inner.y, std::max(2, canvas.px(2)), skip}, theme.accent);
    return;
  }
  const TextBlock& block = canvas.text(text_, FontRole::Body, pixels, theme.text, inner.w);
  // The cursor's line: the last line starting at or before it; after a final newline,
  // the empty line below the text.
  size_t line = 0;
  for (size_t i = 0; i < block.lines.size(); ++i)
    if (block.lines[i].begin <= cursor_) line = i;
  int cx = canvas.textCache().xOf(block, line, cursor_);
  int cy = static_cast<int>(line) * skip;
  if (cursor_ > 0 && text_[cursor_ - 1] == '\n' && (block.lines.empty() || block.lines[line].end < cursor_)) {
    cx = 0;
    cy = static_cast<int>(block.lines.size()) * skip;
  }
  const int scroll = std::max(0, cy + skip - inner.h);  // keep the cursor's line in view
  canvas.setClip(&inner);
  canvas.draw(block, inner.x, inner.y - scroll, -1, &inner);
  if (focused) canvas.fill({inner.x + cx, inner.y + cy - scroll, std::max(2, canvas.px(2)), skip}, theme.accent);
  canvas.setClip(nullptr);
}

}  // namespace lc::present
