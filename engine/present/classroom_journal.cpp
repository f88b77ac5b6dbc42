// The reading journal in the window: the student types a reflection (multi-line UTF-8,
// editable), saves it into the game state (Runner::addJournalEntry, so saves carry it),
// sees the entries written so far, and exports the journal (load/journal_export.h).
#include <algorithm>

#include "load/journal_export.h"
#include "platform/env.h"
#include "present/classroom_screens.h"
#include "present/text_input.h"
#include "present/widgets.h"

namespace lc::present {
namespace {

class JournalScreen : public Screen {
 public:
  // `exam`: a chapter's exam question (the answer is filed at its scene), else the scene's
  // question ("" = a free note).
  JournalScreen(Services& s, std::string question, bool openedWithJ, const ExamQuestion* exam = nullptr)
      : s_(s), question_(std::move(question)), swallowJ_(openedWithJ) {
    if (exam) {
      examScene_ = exam->scene;
      const Chapter& c = s_.session->story().chapters[static_cast<size_t>(exam->chapter)];
      intro_ = "Exam question for the end of \u201C" + (c.title.empty() ? c.id : c.title) + "\u201D (" +
               aoNames(exam->ao) + "; answer from the novel itself):";
    }
    // The student chooses where the export goes; it starts at the lesson's folder.
    if (const Lesson* lesson = s_.session->lesson())
      folder_.set(lesson->options().exportDir.empty() ? documentsDir() : lesson->options().exportDir);
    buttons_.add("Save (Ctrl+Enter)");
    buttons_.add("Export");
    buttons_.add("Close (Esc)");
    s_.speak("Reading journal. " + (intro_.empty() ? "" : intro_ + " ") +
             (question_.empty() ? std::string("A note of your own.") : question_));
  }
  const char* name() const override { return "journal"; }
  const ButtonList* buttonList() const override { return &buttons_; }
  const TextField& field() const { return field_; }

  // Events of one frame come before its update: by then the J key's own text is past.
  void update(double) override { swallowJ_ = false; }

  void handle(const Input& in) override {
    if (swallowJ_ && in.action == Action::Text && (in.text == "j" || in.text == "J")) {
      swallowJ_ = false;
      return;
    }
    if (in.action == Action::Click && inside(folderBox_, in.x, in.y)) {
      folderFocused_ = true;
      return;
    }
    if (in.action == Action::Click && inside(textBox_, in.x, in.y)) {
      folderFocused_ = false;
      return;
    }
    if (in.action == Action::SkipToggle && s_.session->lesson()) {  // Tab: reflection <-> folder
      folderFocused_ = !folderFocused_;
      return;
    }
    if (in.action == Action::Click || in.action == Action::PointerMove) {
      int index = -1;
      if (buttons_.handle(in, index) == ButtonList::Result::Activated) activate(index);
      return;
    }
    if (in.action == Action::Cancel || in.action == Action::Menu) return s_.nav.pop();
    if (folderFocused_) {
      if (folder_.handle(in) == TextField::Result::Submit) exportNow();
      return;
    }
    const TextField::Result r = field_.handle(in);
    if (r == TextField::Result::Submit) return save();
    if (r == TextField::Result::Edited) message_.clear();
  }

  void draw(Canvas& canvas) override {
    canvas.clear();
    const Theme& theme = canvas.theme();
    const int width = std::min(canvas.width() - canvas.px(60), canvas.px(980));
    const int x = (canvas.width() - width) / 2;
    int y = canvas.px(24);
    y += canvas.centred("Reading journal", FontRole::Heading, canvas.uiPixels(30), theme.accent, y);
    y += canvas.px(8);
    const std::string ask = question_.empty() ? "A note of your own: anything you want to remember."
                            : intro_.empty()  ? question_
                                              : intro_ + " " + question_;
    const TextBlock& q = canvas.text(ask, FontRole::Ui, canvas.uiPixels(19), theme.text, width);
    canvas.draw(q, x, y);
    y += q.height + canvas.px(8);
    const SDL_Rect box{x, y, width, canvas.height() * 34 / 100};
    textBox_ = box;
    field_.draw(canvas, box, canvas.uiPixels(20), "Type your reflection here. Enter starts a new line.", !folderFocused_);
    y = box.y + box.h + canvas.px(10);
    if (s_.session->lesson()) y = drawFolder(canvas, x, y, width);
    y = buttons_.layoutGrid(canvas, x, y, width, 3, 18, 8);
    buttons_.draw(canvas, 18);
    if (!message_.empty()) {
      const TextBlock& m = canvas.text(message_, FontRole::UiBold, canvas.uiPixels(16), theme.accent, width);
      canvas.draw(m, x, y);
      y += m.height;
    }
    drawEntries(canvas, x, y + canvas.px(10), width);
  }

 private:
  void activate(int index) {
    if (index == 0) return save();
    if (index == 1) return exportNow();
    s_.nav.pop();
  }

  void save() {
    std::string text = field_.text();
    if (text.find_first_not_of(" \t\n") == std::string::npos) {
      message_ = "Nothing written yet.";
      return;
    }
    Lesson* lesson = s_.session->lesson();
    const int64_t now = lesson ? lesson->now() : systemNowMs();
    if (examScene_ >= 0 && !question_.empty())
      s_.session->runner().addJournalAnswer(examScene_, question_, std::move(text), isoUtc(now));
    else
      s_.session->runner().addJournalEntry(std::move(text), isoUtc(now), question_.empty());
    field_.clear();
    question_.clear();  // the scene's question is answered; more writing is a free note
    intro_.clear();
    std::string error;
    s_.session->autosave(error);  // a reflection is too precious to lose to a crash
    message_ = "Saved in your journal (it is kept with the game).";
    s_.speak(message_);
  }

  void exportNow() {
    Lesson* lesson = s_.session->lesson();
    if (!lesson) {
      message_ = "Export is part of classroom mode.";
      return;
    }
    std::vector<std::string> paths;
    std::string error, folder;
    if (exportLessonJournal(*lesson, s_.session->story(), s_.session->runner().state(), folder_.text(), paths, error,
                            folder))
      message_ = "Exported " + std::to_string(paths.size()) + " files (Markdown, HTML, JSON) to " + folder;
    else
      message_ = "Could not export the journal: " + error;
    s_.notices.add(message_);
    s_.speak(message_);
  }

  // "Export to:" and the folder, editable (Tab or a click moves the typing there).
  int drawFolder(Canvas& canvas, int x, int y, int width) {
    const Theme& theme = canvas.theme();
    const TextBlock& label = canvas.text(folderFocused_ ? "Export to (typing here; Tab goes back):" : "Export to (Tab to change):",
                                         FontRole::Ui, canvas.uiPixels(15), theme.dim, width);
    canvas.draw(label, x, y);
    y += label.height + canvas.px(2);
    const int pixels = canvas.uiPixels(17);
    const int lineSkip = canvas.textCache().lineSkip(TextStyle{FontRole::Body, pixels, theme.text});
    folderBox_ = SDL_Rect{x, y, width, lineSkip + 2 * canvas.px(10)};  // one line inside the field's padding
    folder_.draw(canvas, folderBox_, pixels, "~/Documents/Lost Corner", folderFocused_);
    return y + folderBox_.h + canvas.px(10);
  }

  static bool inside(const SDL_Rect& r, int x, int y) { return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h; }

  void drawEntries(Canvas& canvas, int x, int y, int width) {
    const Theme& theme = canvas.theme();
    const auto& journal = s_.session->runner().state().journal;
    const Story& story = s_.session->story();
    const std::string heading = journal.empty() ? "No entries yet." : "Your entries (newest first)";
    const TextBlock& h = canvas.text(heading, FontRole::UiBold, canvas.uiPixels(16), theme.dim, width);
    canvas.draw(h, x, y);
    y += h.height + canvas.px(4);
    const SDL_Rect view{0, y, canvas.width(), canvas.height() - y - canvas.px(10)};
    for (auto it = journal.rbegin(); it != journal.rend() && y < view.y + view.h; ++it) {
      const std::string where = it->scene >= 0 ? story.scenes[it->scene].title : "";
      std::string line = (where.empty() ? "" : where + " \u2014 ") + (it->question.empty() ? "" : it->question + " ");
      line += "\u201C" + it->answer + "\u201D";
      const TextBlock& b = canvas.text(line, FontRole::Ui, canvas.uiPixels(15), theme.text, width);
      canvas.draw(b, x, y, -1, &view);
      y += b.height + canvas.px(6);
    }
  }

  Services& s_;
  std::string question_;
  std::string intro_;  // what kind of question it is, for an exam question
  int examScene_ = -1;
  TextInputScope typing_;
  TextField field_{true};
  TextField folder_{false, 1000};  // where Export writes
  bool folderFocused_ = false;
  bool swallowJ_ = false;  // the J that opened the screen may still come as text
  SDL_Rect textBox_{}, folderBox_{};
  ButtonList buttons_;
  std::string message_;
};

}  // namespace

std::unique_ptr<Screen> makeJournalScreen(Services& s, std::string question, bool openedWithJ) {
  return std::make_unique<JournalScreen>(s, std::move(question), openedWithJ);
}

std::unique_ptr<Screen> makeExamScreen(Services& s, const ExamQuestion& exam) {
  return std::make_unique<JournalScreen>(s, exam.ask, false, &exam);
}

}  // namespace lc::present
