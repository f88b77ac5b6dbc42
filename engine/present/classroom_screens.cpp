// The classroom cards: setup (from the title screen), the chapter gate, the discussion
// pause, the content note and the glossary. Each is a full-screen card a class can read
// from the back of the room; the pacing itself lives in classroom/classroom.h.
#include <algorithm>
#include <cctype>

#include "present/classroom_screens.h"
#include "present/text_input.h"
#include "present/widgets.h"

namespace lc::present {
namespace {

std::string capitalised(std::string s) {
  if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
  return s;
}

std::string chapterLabel(const Story& story, int chapter) {
  if (chapter < 0 || chapter >= static_cast<int>(story.chapters.size())) return "";
  const Chapter& c = story.chapters[chapter];
  return "Chapter " + std::to_string(chapter + 1) + " \u2014 " + (c.title.empty() ? c.id : c.title);
}

// The top of a card: a small line, then a large heading; returns the y below them.
int cardHeading(Canvas& canvas, const std::string& small, const std::string& big, int y) {
  const Theme& theme = canvas.theme();
  const int wrap = canvas.width() * 8 / 10;
  y += canvas.centred(small, FontRole::Ui, canvas.uiPixels(20), theme.dim, y, wrap);
  y += canvas.px(10);
  // Large, but never so large (projector mode) that the card's own text has no room.
  const int pixels = std::min(canvas.bodyPixels() * 3 / 2, canvas.px(64));
  y += canvas.centred(big, FontRole::Heading, pixels, theme.accent, y, wrap);
  return y + canvas.px(24);
}

// The card's main text, centred from `top`, at the largest size from `largest` down to
// the interface's that keeps it above `bottom` (the hint's line).
int fittedText(Canvas& canvas, const std::string& text, FontRole role, int largest, int top, int bottom, int wrap) {
  const int least = std::min(largest, canvas.uiPixels(19));
  const int pixels = largestFitting(
      least, largest, [&](int size) { return top + canvas.measureHeight(text, role, size, wrap) <= bottom; });
  return canvas.centred(text, role, pixels, canvas.theme().text, top, wrap);
}

int hintTop(const Canvas& canvas) { return canvas.height() - canvas.px(50); }

void cardHint(Canvas& canvas, const std::string& hint) {
  canvas.centred(hint, FontRole::Ui, canvas.uiPixels(16), canvas.theme().dim, hintTop(canvas), canvas.width() * 9 / 10);
}

bool isKey(const Input& in, SDL_Keycode k) { return in.key == k && in.action != Action::Text; }

// ---- Setup --------------------------------------------------------------------------

class SetupScreen : public Screen {
 public:
  explicit SetupScreen(Services& s) : s_(s) {
    if (Lesson* l = s_.session->lesson()) {
      homework_ = l->options().homework;
      code_.set(l->options().teacherCode);
    }
    projector_ = s_.settings.projector;
    refresh();
    s_.speak("Classroom. Type a teacher code, or leave it empty.");
  }
  const char* name() const override { return "classroom-setup"; }
  const ButtonList* buttonList() const override { return &list_; }

  void handle(const Input& in) override {
    const bool enterOnButton = list_.focus >= 0 && (isKey(in, SDLK_RETURN) || isKey(in, SDLK_KP_ENTER));
    if (!enterOnButton && in.action != Action::Up && in.action != Action::Down) {
      const TextField::Result r = code_.handle(in);
      if (r == TextField::Result::Submit) return start();
      if (r != TextField::Result::Ignored) return;
    }
    int index = -1;
    if (list_.handle(in, index) == ButtonList::Result::Activated) return activate(index);
    if (in.action == Action::Cancel) s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    int y = cardHeading(canvas, "Classroom mode", "Set up the lesson", canvas.px(40));
    const int width = std::min(canvas.px(560), canvas.width() - canvas.px(40));
    const int x = (canvas.width() - width) / 2;
    const TextBlock& label = canvas.text("Teacher code (optional: chapters after the first wait for it)",
                                         FontRole::Ui, canvas.uiPixels(17), canvas.theme().text, width);
    canvas.draw(label, x, y);
    y += label.height + canvas.px(6);
    const int fieldPx = canvas.uiPixels(22);
    const SDL_Rect box{x, y, width, canvas.textCache().lineSkip(TextStyle{FontRole::Body, fieldPx, {}}) + canvas.px(20)};
    code_.draw(canvas, box, fieldPx, "no code: the class reads at its own pace");
    list_.layoutColumn(canvas, x, box.y + box.h + canvas.px(20), width, 20, 8);
    list_.draw(canvas, 20);
    cardHint(canvas, "Type the code, then Enter to start \u00B7 \u2191/\u2193 for the options \u00B7 Esc back");
  }

 private:
  enum { kHomework, kProjector, kStart, kBack };

  void refresh() {
    const int focus = list_.focus;
    list_.clear();
    list_.add(std::string("Homework (student-paced, every chapter open): ") + (homework_ ? "On" : "Off"));
    list_.add(std::string("Projector mode (very large text): ") + (projector_ ? "On" : "Off"));
    list_.add("Start the lesson");
    list_.add("Back");
    list_.focus = focus;
  }

  void activate(int index) {
    switch (index) {
      case kHomework: homework_ = !homework_; return refresh();
      case kProjector: projector_ = !projector_; return refresh();
      case kStart: return start();
      case kBack: return s_.nav.pop();
    }
  }

  void start() {
    ClassroomOptions o = s_.session->lesson() ? s_.session->lesson()->options() : ClassroomOptions{};
    o.enabled = true;
    o.homework = homework_;
    std::string code = code_.text();
    code.erase(0, code.find_first_not_of(" \t"));
    code.erase(code.find_last_not_of(" \t") + 1);
    o.teacherCode = homework_ ? "" : code;  // homework opens everything: a code would mean nothing
    if (s_.settings.projector != projector_) {
      s_.settings.projector = projector_;
      s_.nav.settingsChanged();
    }
    s_.session->startLesson(o);
    s_.nav.newGame();
  }

  Services& s_;
  TextInputScope typing_;
  TextField code_{false, 200};
  ButtonList list_;
  bool homework_ = false, projector_ = false;
};

// ---- The chapter gate -----------------------------------------------------------------

class GateScreen : public Screen {
 public:
  GateScreen(Services& s, int chapter, std::function<void()> onOpened)
      : s_(s), chapter_(chapter), onOpened_(std::move(onOpened)) {
    s_.speak("The class waits here. " + chapterLabel(s_.session->story(), chapter_));
  }
  const char* name() const override { return "gate"; }

  void handle(const Input& in) override {
    const TextField::Result r = code_.handle(in);
    if (r == TextField::Result::Submit) return tryOpen();
    if (r == TextField::Result::Edited) message_.clear();
    if (r != TextField::Result::Ignored) return;
    if (in.action == Action::Cancel || in.action == Action::Menu) s_.nav.push(makeMenuScreen(s_));
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    int y = cardHeading(canvas, "The class waits here\u2026", chapterLabel(s_.session->story(), chapter_),
                        canvas.height() * 18 / 100);
    const int wrap = canvas.width() * 8 / 10;
    y += canvas.centred("This chapter is not open yet. Teacher: type the code and press Enter.", FontRole::Ui,
                        canvas.uiPixels(19), canvas.theme().text, y, wrap);
    const int width = std::min(canvas.px(420), canvas.width() - canvas.px(40));
    const int fieldPx = canvas.uiPixels(24);
    const SDL_Rect box{(canvas.width() - width) / 2, y + canvas.px(20), width,
                       canvas.textCache().lineSkip(TextStyle{FontRole::Body, fieldPx, {}}) + canvas.px(20)};
    code_.draw(canvas, box, fieldPx, "teacher code");
    if (!message_.empty())
      canvas.centred(message_, FontRole::UiBold, canvas.uiPixels(19), canvas.theme().accent,
                     box.y + box.h + canvas.px(18), wrap);
    cardHint(canvas, "Enter opens the chapter \u00B7 Esc menu (save, quit)");
  }

 private:
  void tryOpen() {
    Lesson* lesson = s_.session->lesson();
    int opened = -1;
    const OpenResult r = lesson ? lesson->open(code_.text(), chapter_, opened) : OpenResult::NoCode;
    code_.clear();
    switch (r) {
      case OpenResult::Opened:
      case OpenResult::NothingClosed: {
        auto done = onOpened_;  // the screen is closed by pop(); keep what to run
        s_.nav.pop();
        if (done) done();
        return;
      }
      case OpenResult::WrongCode: message_ = "That is not the code: the chapter stays closed."; break;
      case OpenResult::NoCode:
        message_ = "This lesson has no teacher code: the chapter stays closed until the next lesson.";
        break;
    }
    s_.speak(message_);
  }

  Services& s_;
  int chapter_;
  std::function<void()> onOpened_;
  TextInputScope typing_;
  TextField code_{false, 200};
  std::string message_;
};

// ---- The discussion pause ---------------------------------------------------------------

class PromptScreen : public Screen {
 public:
  PromptScreen(Services& s, std::string kind, std::string ask, int seconds, std::function<void()> onDone)
      : s_(s), kind_(std::move(kind)), ask_(std::move(ask)), seconds_(seconds), onDone_(std::move(onDone)) {
    s_.speak("Discuss. " + kind_ + ". " + ask_);
  }
  const char* name() const override { return "prompt"; }
  bool animating() const override { return seconds_ > 0 && remainingMs() > -1000; }

  void update(double nowMs) override {
    if (start_ < 0) start_ = nowMs;
    now_ = nowMs;
  }

  void handle(const Input& in) override {
    switch (in.action) {
      case Action::Confirm: case Action::Click: {
        auto done = onDone_;
        s_.nav.pop();
        if (done) done();
        return;
      }
      case Action::Cancel: case Action::Menu: return s_.nav.push(makeMenuScreen(s_));
      default: return;
    }
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    int y = cardHeading(canvas, "Discussion", capitalised(kind_), canvas.height() * 10 / 100);
    // The countdown before the question, so the longest question never pushes it out of view.
    if (seconds_ > 0) {
      const double left = remainingMs();
      const int secs = static_cast<int>((std::max(0.0, left) + 999) / 1000);
      const std::string clock = left > 0 ? clockText(secs) : "Discussion time is up";
      y += canvas.centred(clock, FontRole::UiBold, canvas.uiPixels(34), canvas.theme().accent, y);
      y += canvas.px(20);
    }
    fittedText(canvas, ask_, FontRole::Body, canvas.bodyPixels() * 5 / 4, y, hintTop(canvas) - canvas.px(12),
               canvas.width() * 8 / 10);
    cardHint(canvas, "Teacher: press Enter, Space or click to go on");
  }

 private:
  double remainingMs() const { return start_ < 0 ? seconds_ * 1000.0 : seconds_ * 1000.0 - (now_ - start_); }

  Services& s_;
  std::string kind_, ask_;
  int seconds_;
  std::function<void()> onDone_;
  double start_ = -1, now_ = 0;
};

// ---- Content note ------------------------------------------------------------------------

class NoteScreen : public Screen {
 public:
  NoteScreen(Services& s, int chapter) : s_(s), chapter_(chapter) {
    s_.speak("Content note. " + noteText());
  }
  const char* name() const override { return "content-note"; }

  void handle(const Input& in) override {
    if (in.action == Action::Confirm || in.action == Action::Click || in.action == Action::Cancel ||
        isKey(in, SDLK_n))
      s_.nav.pop();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const int y = cardHeading(canvas, "Content note", chapterLabel(s_.session->story(), chapter_),
                              canvas.height() * 22 / 100);
    fittedText(canvas, noteText(), FontRole::Body, canvas.bodyPixels(), y, hintTop(canvas) - canvas.px(12),
               canvas.width() * 7 / 10);
    cardHint(canvas, "Press Enter or click to go on");
  }

 private:
  std::string noteText() const {
    const auto& chapters = s_.session->story().chapters;
    if (chapter_ < 0 || chapter_ >= static_cast<int>(chapters.size())) return "";
    const std::string& note = chapters[chapter_].contentNote;
    return note.empty() ? "This chapter has no content note." : note;
  }

  Services& s_;
  int chapter_;
};

// ---- Glossary ------------------------------------------------------------------------------

class GlossaryScreen : public Screen {
 public:
  GlossaryScreen(Services& s, std::vector<size_t> sceneTerms) : s_(s) {
    const auto& glossary = s_.session->story().glossary;
    for (size_t t : sceneTerms) add(t, true);
    for (size_t t = 0; t < glossary.size(); ++t) add(t, false);
  }
  const char* name() const override { return "glossary"; }

  void handle(const Input& in) override {
    switch (in.action) {
      case Action::Up: top_ = std::max(0, top_ - 1); return;
      case Action::Down: top_ = std::min(static_cast<int>(entries_.size()) - 1, top_ + 1); return;
      case Action::Wheel: top_ = std::clamp(top_ - in.wheel, 0, std::max(0, static_cast<int>(entries_.size()) - 1)); return;
      case Action::Confirm: case Action::Click: case Action::Cancel: return s_.nav.pop();
      default: if (isKey(in, SDLK_g)) s_.nav.pop(); return;
    }
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const Theme& theme = canvas.theme();
    int y = cardHeading(canvas, s_.session->story().title, "Glossary", canvas.px(30));
    const int width = std::min(canvas.width() - canvas.px(80), canvas.px(900));
    const int x = (canvas.width() - width) / 2;
    const SDL_Rect view{0, y, canvas.width(), canvas.height() - canvas.px(70) - y};
    canvas.setClip(&view);
    if (entries_.empty())
      canvas.centred("This story has no glossary.", FontRole::Ui, canvas.uiPixels(20), theme.dim, y);
    for (size_t i = static_cast<size_t>(top_); i < entries_.size() && y < view.y + view.h; ++i) {
      const auto& [term, here] = entries_[i];
      const auto& entry = s_.session->story().glossary[term];
      const TextBlock& head = canvas.text(entry.first + (here ? "  (in this scene)" : ""), FontRole::UiBold,
                                          canvas.uiPixels(21), here ? theme.accent : theme.text, width);
      canvas.draw(head, x, y, -1, &view);
      y += head.height;
      const TextBlock& body = canvas.text(entry.second, FontRole::Body, canvas.uiPixels(19), theme.text, width);
      canvas.draw(body, x, y, -1, &view);
      y += body.height + canvas.px(14);
    }
    canvas.setClip(nullptr);
    cardHint(canvas, "\u2191/\u2193 scroll \u00B7 Enter, Esc or G to go back");
  }

 private:
  void add(size_t term, bool here) {
    for (const auto& e : entries_)
      if (e.first == term) return;
    entries_.push_back({term, here});
  }

  Services& s_;
  std::vector<std::pair<size_t, bool>> entries_;  // term, in the current scene
  int top_ = 0;
};

}  // namespace

std::unique_ptr<Screen> makeClassroomSetupScreen(Services& s) { return std::make_unique<SetupScreen>(s); }
std::unique_ptr<Screen> makeGateScreen(Services& s, int chapter, std::function<void()> onOpened) {
  return std::make_unique<GateScreen>(s, chapter, std::move(onOpened));
}
std::unique_ptr<Screen> makePromptScreen(Services& s, std::string kind, std::string ask, int seconds,
                                         std::function<void()> onDone) {
  return std::make_unique<PromptScreen>(s, std::move(kind), std::move(ask), seconds, std::move(onDone));
}
std::unique_ptr<Screen> makeContentNoteScreen(Services& s, int chapter) {
  return std::make_unique<NoteScreen>(s, chapter);
}
std::unique_ptr<Screen> makeGlossaryScreen(Services& s, std::vector<size_t> sceneTerms) {
  return std::make_unique<GlossaryScreen>(s, std::move(sceneTerms));
}

}  // namespace lc::present
