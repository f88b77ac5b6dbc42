// Plain lines a screen reader can follow: no colours, no cursor tricks, choices numbered.
#include <cstdio>

#include "app/console.h"
#include "app/player_commands.h"

namespace lc {
namespace {

// "1:30" for a countdown.
std::string clock(int seconds) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", seconds / 60, seconds % 60);
  return buf;
}

}  // namespace

// A story's text or a typed line may hold ESC sequences (window title, colours, screen
// clear): every control character but newline and tab, C0, DEL and C1 (U+0080..U+009F),
// becomes U+FFFD, so the terminal only ever receives text.
std::string terminalSafe(const std::string& text) {
  static const std::string kReplacement = "\xEF\xBF\xBD";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const bool c1 = c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                    static_cast<unsigned char>(text[i + 1]) <= 0x9F;
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7F || c1) {
      out += kReplacement;
      i += c1 ? 1 : 0;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {

const char* kRule = "------------------------------------------------------------";

class TextPresenter : public Presenter {
 public:
  TextPresenter(FILE* out, bool interactive) : out_(out), interactive_(interactive) {}

  void event(const Runner& r, const Event& e) override {
    const Story& story = r.story();
    switch (e.type) {
      case EventType::SceneEntered:
        return scene(r, e);
      case EventType::Music:
        if (e.cue < 0 && e.resumed) return;  // silence carried over from a save: nothing to say
        if (e.cue < 0) line("[Music stops]");
        else line("[Music: " + caption(story.music[e.cue]) + "]");
        return;
      case EventType::Sound:
        if (e.cue < 0 && e.resumed) return;  // nothing was looping in the save
        if (e.cue < 0) return line("[The sound fades]");
        return line("[Sound: " + caption(story.sounds[e.cue]) + (e.loop ? ", going on]" : "]"));
      case EventType::Paragraph: return line(e.text + "\n");
      case EventType::Prompt:
        return line(std::string("[Discussion: ") + promptKindName(e.prompt->kind) + "] " + e.text + "\n");
      case EventType::Journal: return line("[Journal] " + e.text + "\n");
      case EventType::Choices:
        for (size_t i = 0; i < r.choices().size(); ++i) line("  " + std::to_string(i + 1) + ". " + r.label(i));
        return;
      case EventType::Ended:
        line(e.text.empty() ? "THE END" : "THE END: " + e.text);
        return line("(type restart to play again, back to undo the last choice, or quit)");
      case EventType::ChapterGate:
        line("[The class waits here: the chapter \"" + e.text + "\" is not open yet.]");
        return line("(the teacher types: open CODE)");
      case EventType::DeadEnd:
      case EventType::Fault:
        line(e.text);
        return line("(type back to undo the last choice, restart, or quit)");
    }
  }

  void notice(const std::string& text) override { line("[" + text + "]"); }
  void problem(const std::string& text) override { line("! " + text); }
  void reloaded(const ReloadResult& r) override {
    if (!r.ok)
      for (const Diagnostic& d : r.diagnostics.items())
        if (d.severity == Severity::Error) line(d.format());
    line(reloadSummary(r));
    for (const std::string& n : r.notices) line("[" + n + "]");
  }
  void saved(const std::string& slot, const std::string& path) override { line("[Saved to slot " + slot + ": " + path + "]"); }
  void loaded(const std::string& slot, const std::vector<std::string>& notices) override {
    line("[Loaded slot " + slot + "]");
    for (const auto& n : notices) line("[Note: " + n + "]");
    chapter_ = -1;
  }
  void history(const Runner& r) override {
    const Story& story = r.story();
    int n = 0;
    for (const auto& h : r.state().history) {
      const Scene& s = story.scenes[h.scene];
      line(std::to_string(++n) + ". " + (s.title.empty() ? s.qualified : s.title) +
           (h.choice.empty() ? " (now)" : " -> " + h.choice));
    }
  }
  void help(bool classroom) override {
    std::fputs(playerHelpText(classroom).c_str(), out_);
  }
  void ready(const Runner&) override {
    if (interactive_) std::fputs("> ", out_);
    std::fflush(out_);
  }

  // Classroom: the first mention of a glossary term in a scene is marked term* and
  // explained under the paragraph, so a screen reader meets it in reading order.
  void paragraph(const Runner& r, const Event& e, const std::vector<GlossaryHit>& hits) override {
    line(markGlossaryTerms(e.text, hits));
    for (const auto& h : hits)
      if (h.first) line("  * " + r.story().glossary[h.term].first + ": " + r.story().glossary[h.term].second);
    line("");
  }
  void contentNote(const Chapter& c) override { line("[Content note for \"" + title(c) + "\": " + c.contentNote + "]\n"); }
  void pause(PromptKind kind, const std::string& ask, int seconds) override {
    line(kRule);
    line(std::string("Discussion — ") + promptKindName(kind) + ": " + ask);
    line(kRule);
    if (seconds > 0) line("[Discussion time: " + clock(seconds) + ". Press Enter to go on.]");
    else line("[Press Enter when the class is ready to go on.]");
  }
  void pauseTimeUp() override { line("[Discussion time is up. Press Enter to go on.]"); }
  void writing(const std::string& question) override {
    if (question.empty()) line("[Journal] Write your note.");
    line("(Write as many lines as you like; finish with a line holding only a full stop: .)");
  }
  void journalSaved(size_t chars) override {
    if (chars == 0) line("[Nothing written. You can write in your journal any time: type journal]\n");
    else line("[Saved in your journal: " + std::to_string(chars) + " characters]\n");
  }
  void journalEntries(const Runner& r) override {
    const auto& journal = r.state().journal;
    if (journal.empty()) return line("[Your journal is empty. Type journal to write a note.]");
    line("Your journal (" + std::to_string(journal.size()) + (journal.size() == 1 ? " entry):" : " entries):"));
    int n = 0;
    for (const auto& j : journal) {
      const Scene& s = r.story().scenes[j.scene];
      line(std::to_string(++n) + ". " + (s.title.empty() ? s.qualified : s.title) + " — " +
           (j.question.empty() ? std::string("note") : j.question));
      for (size_t from = 0; from <= j.answer.size();) {
        size_t nl = j.answer.find('\n', from);
        line("   " + j.answer.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
        if (nl == std::string::npos) break;
        from = nl + 1;
      }
    }
  }
  void glossary(const Story& story, const std::vector<int>& entries) override {
    for (int i : entries) line(story.glossary[i].first + ": " + story.glossary[i].second);
  }
  void chapterOpened(const Chapter& c) override { line("[The teacher opened the chapter \"" + title(c) + "\"]"); }
  void lessonWarning(int minutesLeft) override {
    line("[" + lessonLeftText(minutesLeft) + "]");
  }
  void exported(const std::string& folder, const std::vector<std::string>& files) override {
    line("[Journal exported to " + folder + ":]");
    for (const auto& f : files) line("  " + f);
  }

 private:
  static std::string title(const Chapter& c) { return c.title.empty() ? c.id : c.title; }
  static std::string caption(const Cue& cue) { return cue.caption.empty() ? cue.id : cue.caption; }
  void line(const std::string& text) { std::fprintf(out_, "%s\n", terminalSafe(text).c_str()); }

  void scene(const Runner& r, const Event& e) {
    const Story& story = r.story();
    const Scene& s = story.scenes[e.scene];
    if (s.chapter != chapter_) {
      chapter_ = s.chapter;
      const Chapter& c = story.chapters[s.chapter];
      line("== " + (c.title.empty() ? c.id : c.title) + " ==\n");
    }
    if (!r.title().empty()) line("# " + r.title() + "\n");
  }

  FILE* out_;
  bool interactive_;
  int chapter_ = -1;
};

}  // namespace

std::unique_ptr<Presenter> makeTextPresenter(FILE* out, bool interactive) {
  return std::make_unique<TextPresenter>(out, interactive);
}

}  // namespace lc
