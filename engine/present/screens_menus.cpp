// The title screen, the pause menu and the yes/no dialog: a heading and a column of
// buttons each.
#include <algorithm>

#include "present/classroom_screens.h"
#include "present/screen.h"
#include "present/widgets.h"

namespace lc::present {
namespace {

// The panel of a dialog drawn over the screen below it, centred.
SDL_Rect dialogPanel(Canvas& canvas, int width720, int height) {
  const int w = std::min(canvas.width() - canvas.px(40), canvas.px(width720));
  return SDL_Rect{(canvas.width() - w) / 2, std::max(canvas.px(20), (canvas.height() - height) / 2), w, height};
}

void drawPanel(Canvas& canvas, const SDL_Rect& panel) {
  canvas.shade();
  canvas.fill(panel, canvas.theme().panel);
  canvas.frame(panel, canvas.theme().accent, canvas.px(2));
}

// Reads the focused button aloud when the keyboard moves the focus.
void speakFocus(Services& s, ButtonList& list) {
  if (auto label = list.takeFocusChange()) s.speak(*label);
}

class TitleScreen : public Screen {
 public:
  explicit TitleScreen(Services& s) : s_(s) {
    refresh();
    s_.speak(s_.session->story().title + ". Title screen.");
  }
  const ButtonList* buttonList() const override { return &list_; }
  const char* name() const override { return "title"; }
  void resumed() override { refresh(); }

  void handle(const Input& in) override {
    int index = -1;
    const auto result = list_.handle(in, index);
    if (result == ButtonList::Result::Activated) return activate(index);
    speakFocus(s_, list_);
    if (in.action == Action::Cancel) s_.nav.quit(true);
  }

  void draw(Canvas& canvas) override {
    const Theme& theme = canvas.theme();
    canvas.clear();
    const int wrap = canvas.width() * 8 / 10;
    const std::string& title = s_.session->story().title;
    const char* note = s_.session->story().id == "never-let-me-go"
                           ? "An unofficial study companion, not the novel itself: please read "
                             "Kazuo Ishiguro's Never Let Me Go."
                           : nullptr;
    // The menu must fit: with very large text (projector mode) the title shrinks and
    // moves up rather than pushing the menu off the window.
    const int width = std::min(canvas.px(440), canvas.width() - canvas.px(40));
    const int menuHeight = list_.layoutColumn(canvas, 0, 0, width, 22, 10);
    const int room = canvas.height() - menuHeight - canvas.px(12) - canvas.px(36);
    int heading = std::min(canvas.bodyPixels() * 2, canvas.px(80));
    auto titleHeight = [&](int pixels) {
      return canvas.measureHeight(title, FontRole::Heading, pixels, wrap) + canvas.px(14) +
             (note ? canvas.measureHeight(note, FontRole::Ui, canvas.uiPixels(17), wrap) : 0);
    };
    while (heading > canvas.px(28) && titleHeight(heading) > room - canvas.px(8)) heading = heading * 9 / 10;
    int y = std::max(canvas.px(8), std::min(canvas.height() * 14 / 100, room - titleHeight(heading)));
    y += canvas.centred(title, FontRole::Heading, heading, theme.accent, y, wrap);
    y += canvas.px(14);
    if (note) y += canvas.centred(note, FontRole::Ui, canvas.uiPixels(17), theme.dim, y, wrap);
    list_.layoutColumn(canvas, (canvas.width() - width) / 2, y + canvas.px(36), width, 22, 10);
    list_.draw(canvas, 22);
  }

 private:
  enum { kNew, kContinue, kLoad, kSettings, kClassroom, kQuit };

  void refresh() {
    latest_.reset();
    std::string where = "no saved game yet";
    for (const SlotView& v : s_.session->slots())
      if (v.readable && (!latest_ || v.meta.savedAt > latestTime_)) {
        latest_ = v.slot;
        latestTime_ = v.meta.savedAt;
        where = v.meta.chapter + (v.meta.scene.empty() ? "" : " \u00B7 " + v.meta.scene) + "  (" + v.label + ")";
      }
    list_.clear();
    list_.enterFocuses = true;
    list_.add("New game");
    list_.add("Continue", where, latest_.has_value());
    list_.add("Load");
    list_.add("Settings");
    list_.add("Classroom", "teacher code, homework, projector");
    list_.add("Quit");
  }

  void activate(int index) {
    switch (index) {
      case kNew: return s_.nav.newGame();
      case kContinue: if (latest_) s_.nav.loadSlot(*latest_); return;
      case kLoad: return s_.nav.push(makeSaveLoadScreen(s_, SlotMode::Load));
      case kSettings: return s_.nav.push(makeSettingsScreen(s_));
      case kClassroom: return s_.nav.push(makeClassroomSetupScreen(s_));
      case kQuit: return s_.nav.quit(true);
    }
  }

  Services& s_;
  ButtonList list_;
  std::optional<std::string> latest_;  // the slot saved last
  std::string latestTime_;
};

class MenuScreen : public Screen {
 public:
  explicit MenuScreen(Services& s) : s_(s) {
    list_.enterFocuses = true;
    s_.speak("Paused.");
    for (const char* label : {"Resume", "Save", "Load", "History", "Settings", "Return to the title", "Quit"})
      list_.add(label);
  }
  const ButtonList* buttonList() const override { return &list_; }
  const char* name() const override { return "menu"; }
  bool opaque() const override { return false; }

  void handle(const Input& in) override {
    int index = -1;
    if (list_.handle(in, index) == ButtonList::Result::Activated) return activate(index);
    speakFocus(s_, list_);
    if (in.action == Action::Cancel || in.action == Action::Menu) s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    const int width = canvas.px(420);
    // Lay the buttons out once to learn their height, then size the panel around them.
    const int listHeight = list_.layoutColumn(canvas, 0, 0, width, 20, 8);
    const int headingHeight = canvas.measureHeight("Paused", FontRole::UiBold, canvas.uiPixels(26), 0);
    const SDL_Rect panel = dialogPanel(canvas, 480, listHeight + headingHeight + canvas.px(50));
    drawPanel(canvas, panel);
    int y = panel.y + canvas.px(20);
    y += canvas.centred("Paused", FontRole::UiBold, canvas.uiPixels(26), canvas.theme().accent, y);
    list_.layoutColumn(canvas, (canvas.width() - width) / 2, y + canvas.px(14), width, 20, 8);
    list_.draw(canvas, 20);
  }

 private:
  void activate(int index) {
    switch (index) {
      case 0: return s_.nav.pop();
      case 1: return s_.nav.push(makeSaveLoadScreen(s_, SlotMode::Save));
      case 2: return s_.nav.push(makeSaveLoadScreen(s_, SlotMode::Load));
      case 3: return s_.nav.push(makeHistoryScreen(s_));
      case 4: return s_.nav.push(makeSettingsScreen(s_));
      case 5:
        if (!s_.session->unsaved()) return s_.nav.toTitle();
        return s_.nav.push(makeConfirmScreen(
            s_, "Return to the title? Progress since your last save is kept only in the autosave.",
            "Return to the title", "Keep playing", [this] { s_.nav.toTitle(); }));
      case 6: return s_.nav.quit(true);
    }
  }

  Services& s_;
  ButtonList list_;
};

class ConfirmScreen : public Screen {
 public:
  ConfirmScreen(Services& s, std::string question, std::string yes, std::string no,
                std::function<void()> onYes)
      : s_(s), question_(std::move(question)), onYes_(std::move(onYes)) {
    list_.add(std::move(yes));
    list_.add(std::move(no));
    list_.focus = 1;  // the safe answer is the default
    s_.speak(question_);
  }
  const ButtonList* buttonList() const override { return &list_; }
  const char* name() const override { return "confirm"; }
  bool opaque() const override { return false; }

  void handle(const Input& in) override {
    int index = -1;
    if (list_.handle(in, index) == ButtonList::Result::Activated) return answer(index == 0);
    speakFocus(s_, list_);
    if (in.action == Action::Cancel || in.action == Action::Menu) answer(false);
  }

  void draw(Canvas& canvas) override {
    const int width = std::min(canvas.width() - canvas.px(60), canvas.px(560));
    const int wrap = width - canvas.px(48);
    const int ui = canvas.uiPixels(20);
    const int textHeight = canvas.measureHeight(question_, FontRole::Ui, ui, wrap);
    const SDL_Rect panel = dialogPanel(canvas, 600, textHeight + canvas.px(190));
    drawPanel(canvas, panel);
    const TextBlock& q = canvas.text(question_, FontRole::Ui, ui, canvas.theme().text, wrap);
    canvas.draw(q, panel.x + canvas.px(24), panel.y + canvas.px(24));
    list_.layoutGrid(canvas, panel.x + canvas.px(24), panel.y + canvas.px(44) + q.height,
                     panel.w - canvas.px(48), 2, 20, 8);
    list_.draw(canvas, 20);
  }

 private:
  void answer(bool yes) {
    s_.nav.pop();
    if (yes && onYes_) onYes_();
  }

  Services& s_;
  std::string question_;
  std::function<void()> onYes_;
  ButtonList list_;
};

}  // namespace

std::unique_ptr<Screen> makeTitleScreen(Services& s) { return std::make_unique<TitleScreen>(s); }
std::unique_ptr<Screen> makeMenuScreen(Services& s) { return std::make_unique<MenuScreen>(s); }
std::unique_ptr<Screen> makeConfirmScreen(Services& s, std::string question, std::string yes,
                                          std::string no, std::function<void()> onYes) {
  return std::make_unique<ConfirmScreen>(s, std::move(question), std::move(yes), std::move(no),
                                         std::move(onYes));
}

}  // namespace lc::present
