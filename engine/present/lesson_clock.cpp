#include "present/lesson_clock.h"

#include <algorithm>

#include "present/classroom_lesson.h"
#include "present/classroom_screens.h"
#include "present/widgets.h"

namespace lc::present {

std::string lessonClockText(const Lesson* lesson) {
  const int64_t left = lesson ? lesson->msLeft() : -1;
  if (left < 0) return "";
  if (left == 0) return "Lesson time is up";
  return "Lesson " + clockText(static_cast<int>((left + 999) / 1000)) + " left";
}

void drawLessonClock(Canvas& canvas, const std::string& text) {
  if (text.empty()) return;
  const TextBlock& block = canvas.text(text, FontRole::UiBold, canvas.uiPixels(15), canvas.theme().dim);
  canvas.draw(block, canvas.width() - block.width - canvas.px(12), canvas.px(6));
}

namespace {

class LessonEndScreen : public Screen {
 public:
  LessonEndScreen(Services& s, bool saved) : s_(s), saved_(saved) {
    list_.add("Keep reading");
    list_.add("Return to the title");
    s_.speak("The lesson is over. " + detail());
  }
  const char* name() const override { return "lesson-end"; }
  const ButtonList* buttonList() const override { return &list_; }

  void handle(const Input& in) override {
    int index = -1;
    if (list_.handle(in, index) == ButtonList::Result::Activated) return index == 0 ? s_.nav.pop() : s_.nav.toTitle();
    if (in.action == Action::Confirm || in.action == Action::Cancel) s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const Theme& theme = canvas.theme();
    const int wrap = canvas.width() * 8 / 10;
    int y = canvas.height() * 14 / 100;
    y += canvas.centred("Lesson time is up", FontRole::Ui, canvas.uiPixels(20), theme.dim, y, wrap);
    y += canvas.px(10);
    y += canvas.centred("End of the lesson", FontRole::Heading, std::min(canvas.bodyPixels() * 3 / 2, canvas.px(64)),
                        theme.accent, y, wrap);
    y += canvas.px(24);
    y += canvas.centred(detail(), FontRole::Ui, canvas.uiPixels(20), theme.text, y, wrap);
    const std::string& plenary = plenaryText();
    if (!plenary.empty()) {
      y += canvas.px(16);
      y += canvas.centred("Plenary: " + plenary, FontRole::Ui, canvas.uiPixels(20), theme.text, y, wrap);
    }
    const int width = std::min(canvas.px(440), canvas.width() - canvas.px(40));
    list_.layoutColumn(canvas, (canvas.width() - width) / 2, y + canvas.px(28), width, 20, 8);
    list_.draw(canvas, 20);
  }

 private:
  std::string detail() const {
    return saved_ ? "The place is saved: Continue on the title screen goes on from here."
                  : "Save the game from the menu (Esc) to go on from here next lesson.";
  }
  const std::string& plenaryText() const {
    static const std::string none;
    const Lesson* lesson = s_.session ? s_.session->lesson() : nullptr;
    return lesson ? lesson->options().plenary : none;
  }

  Services& s_;
  bool saved_;
  ButtonList list_;
};

}  // namespace

std::unique_ptr<Screen> makeLessonEndScreen(Services& s, bool saved) {
  return std::make_unique<LessonEndScreen>(s, saved);
}

bool lessonFrame(Services& s, std::string& shown) {
  Lesson* lesson = s.session ? s.session->lesson() : nullptr;
  if (lesson && lesson->endDue()) {
    std::string error;
    const bool saved = s.session->started() && s.session->autosave(error);
    s.nav.push(makeLessonEndScreen(s, saved));
  }
  std::string text = lessonClockText(lesson);
  if (text == shown) return false;
  shown = std::move(text);
  return true;
}

}  // namespace lc::present
