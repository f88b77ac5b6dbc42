// Plain lines a screen reader can follow: no colours, no cursor tricks, choices numbered.
#include "app/console.h"

namespace lc {
namespace {

const char* kHelp =
    "Type the number of a choice and press Enter (Enter alone continues).\n"
    "Commands:\n"
    "  save [slot]   save the game (slot 1 unless named)\n"
    "  load [slot]   load a saved game\n"
    "  back          undo the last choice\n"
    "  history       the scenes so far and the choices made\n"
    "  restart       start again from the beginning\n"
    "  quit          leave the game\n"
    "  help          this list\n";

class TextPresenter : public Presenter {
 public:
  TextPresenter(FILE* out, bool interactive) : out_(out), interactive_(interactive) {}

  void event(const Runner& r, const Event& e) override {
    const Story& story = r.story();
    switch (e.type) {
      case EventType::SceneEntered: return scene(story, e);
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
  void help() override { std::fputs(kHelp, out_); }
  void ready(const Runner&) override {
    if (interactive_) std::fputs("> ", out_);
    std::fflush(out_);
  }

 private:
  static std::string caption(const Cue& cue) { return cue.caption.empty() ? cue.id : cue.caption; }
  void line(const std::string& text) { std::fprintf(out_, "%s\n", text.c_str()); }

  void scene(const Story& story, const Event& e) {
    const Scene& s = story.scenes[e.scene];
    if (s.chapter != chapter_) {
      chapter_ = s.chapter;
      const Chapter& c = story.chapters[s.chapter];
      line("== " + (c.title.empty() ? c.id : c.title) + " ==\n");
    }
    if (!s.title.empty()) line("# " + s.title + "\n");
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
