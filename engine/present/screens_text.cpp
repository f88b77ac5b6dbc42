// Screens that are mostly reading: the backlog (history) and the story-error screen.
#include <algorithm>

#include "present/scroll_view.h"
#include "present/screen.h"
#include "present/widgets.h"

namespace lc::present {
namespace {

// The backlog: every scene of this playthrough (the last 150), its text and the choice
// taken. Opens at the bottom; wheel down past the end, Esc or a right click close it.
class HistoryScreen : public Screen {
 public:
  explicit HistoryScreen(Services& s) : s_(s) {
    view_.startAtEnd = true;
    const Session& session = *s_.session;
    const auto& history = session.runner().state().history;
    const size_t first = history.size() > 150 ? history.size() - 150 : 0;
    for (size_t i = first; i < history.size(); ++i) {
      const Scene& scene = session.story().scenes[history[i].scene];
      view_.add(scene.title.empty() ? scene.qualified : scene.title, ScrollView::Look::Heading);
      for (std::string& p : session.shownAt(i)) view_.add(std::move(p), ScrollView::Look::Body);
      if (!history[i].choice.empty())
        view_.add("\u2192 " + history[i].choice, ScrollView::Look::Note);
    }
    if (view_.empty()) view_.add("Nothing read yet.", ScrollView::Look::Note);
    back_.add("Close");
  }
  const char* name() const override { return "history"; }
  const ButtonList* buttonList() const override { return &back_; }

  void handle(const Input& in) override {
    if (in.action == Action::Cancel || in.action == Action::Menu || in.action == Action::Confirm)
      return s_.nav.pop();
    const bool closing = (in.action == Action::Wheel && in.wheel < 0) || in.action == Action::PageDown;
    if (closing && view_.atEnd()) return s_.nav.pop();
    if (view_.handle(in)) return;
    int index = -1;
    if (back_.handle(in, index) == ButtonList::Result::Activated) s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const int width = std::min(canvas.width() - 2 * canvas.px(64), canvas.bodyPixels() * 34);
    const int x = (canvas.width() - width) / 2;
    canvas.centred("History", FontRole::UiBold, canvas.uiPixels(24), canvas.theme().accent, canvas.px(16));
    const int top = canvas.px(64), bottom = canvas.height() - canvas.px(76);
    view_.draw(canvas, SDL_Rect{x, top, width, std::max(1, bottom - top)});
    const int bw = canvas.px(200);
    back_.layoutColumn(canvas, (canvas.width() - bw) / 2, bottom + canvas.px(14), bw, 18);
    back_.draw(canvas, 18);
  }

 private:
  Services& s_;
  ScrollView view_;
  ButtonList back_;
};

// A story with errors opens here, never on a blank window: every diagnostic with its
// file:line:col, scrollable; "Try again" reloads the story after the writer fixed it.
class ErrorScreen : public Screen {
 public:
  ErrorScreen(Services& s, std::string heading, std::vector<std::string> lines)
      : s_(s), heading_(std::move(heading)) {
    s_.speak(heading_ + (lines.empty() ? "" : " " + lines.front()));  // read aloud, and to the page's mirror
    for (std::string& line : lines) view_.add(std::move(line), ScrollView::Look::Error);
    buttons_.add("Try again");
    buttons_.add("Quit");
  }
  const char* name() const override { return "error"; }
  const ButtonList* buttonList() const override { return &buttons_; }

  void handle(const Input& in) override {
    if (in.action == Action::Cancel) return s_.nav.quit(false);
    if (view_.handle(in)) return;  // arrows scroll the list; Left/Right pick a button
    if ((in.action == Action::Left || in.action == Action::Right) && buttons_.focus < 0) {
      buttons_.focus = 0;
      return;
    }
    if (in.action == Action::Confirm && buttons_.focus < 0) return s_.nav.reloadStory();
    int index = -1;
    if (buttons_.handle(in, index) == ButtonList::Result::Activated)
      return index == 0 ? s_.nav.reloadStory() : s_.nav.quit(false);
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const int margin = canvas.px(48);
    const int width = canvas.width() - 2 * margin;
    int y = canvas.px(24);
    const TextBlock& h = canvas.text(heading_, FontRole::UiBold, canvas.uiPixels(22), canvas.theme().accent, width);
    canvas.draw(h, margin, y);
    y += h.height + canvas.px(16);
    const int bottom = canvas.height() - canvas.px(80);
    view_.draw(canvas, SDL_Rect{margin, y, width - canvas.px(20), std::max(1, bottom - y)});
    buttons_.layoutGrid(canvas, margin, bottom + canvas.px(16), std::min(width, canvas.px(460)), 2, 18);
    buttons_.draw(canvas, 18);
  }

 private:
  Services& s_;
  std::string heading_;
  ScrollView view_;
  ButtonList buttons_;
};

}  // namespace

std::unique_ptr<Screen> makeHistoryScreen(Services& s) { return std::make_unique<HistoryScreen>(s); }
std::unique_ptr<Screen> makeErrorScreen(Services& s, std::string heading, std::vector<std::string> lines) {
  return std::make_unique<ErrorScreen>(s, std::move(heading), std::move(lines));
}

}  // namespace lc::present
