// The machine protocol: one JSON object per line per event (documented in README.md).
#include <algorithm>

#include "app/console.h"
#include "core/diagnostic.h"

namespace lc {
namespace {

std::string q(const std::string& s) { return jsonQuote(s); }

class JsonlPresenter : public Presenter {
 public:
  explicit JsonlPresenter(FILE* out) : out_(out) {}

  void event(const Runner& r, const Event& e) override {
    const Story& story = r.story();
    switch (e.type) {
      case EventType::SceneEntered: {
        const Scene& s = story.scenes[e.scene];
        const Chapter& c = story.chapters[s.chapter];
        return emit("{\"event\":\"scene\",\"id\":" + q(s.qualified) + ",\"title\":" + q(s.title) +
                    ",\"chapter\":" + q(c.id) + ",\"chapter_title\":" + q(c.title) +
                    ",\"resumed\":" + (e.resumed ? "true" : "false") + "}");
      }
      case EventType::Music:
        if (e.cue < 0) return emit("{\"event\":\"music\",\"cue\":null}");
        return emit("{\"event\":\"music\"," + cue(story.music[e.cue]) + ",\"loop\":" +
                    (story.music[e.cue].loop ? "true" : "false") + "}");
      case EventType::Sound:
        if (e.cue < 0) return emit("{\"event\":\"sound\",\"cue\":null,\"loop\":true}");
        return emit("{\"event\":\"sound\"," + cue(story.sounds[e.cue]) + ",\"loop\":" + (e.loop ? "true" : "false") + "}");
      case EventType::Paragraph: return emit("{\"event\":\"paragraph\",\"text\":" + q(e.text) + "}");
      case EventType::Prompt:
        return emit("{\"event\":\"prompt\",\"kind\":\"" + std::string(promptKindName(e.prompt->kind)) + "\",\"ask\":" + q(e.text) + "}");
      case EventType::Journal: return emit("{\"event\":\"journal\",\"ask\":" + q(e.text) + "}");
      case EventType::Choices: {
        std::string list;
        for (size_t i = 0; i < r.choices().size(); ++i)
          list += (i ? "," : "") + std::string("{\"number\":") + std::to_string(i + 1) + ",\"text\":" + q(r.label(i)) + "}";
        return emit("{\"event\":\"choices\",\"choices\":[" + list + "]}");
      }
      case EventType::Ended: return emit("{\"event\":\"end\",\"ending\":" + q(e.text) + "}");
      case EventType::DeadEnd: return emit("{\"event\":\"dead_end\",\"message\":" + q(e.text) + "}");
      case EventType::Fault: return emit("{\"event\":\"error\",\"message\":" + q(e.text) + "}");
      case EventType::ChapterGate:
        return emit("{\"event\":\"chapter_gate\",\"chapter\":" + q(story.chapters[e.chapter].id) +
                    ",\"chapter_title\":" + q(e.text) + "}");
    }
  }

  void notice(const std::string& text) override { emit("{\"event\":\"notice\",\"message\":" + q(text) + "}"); }
  void problem(const std::string& text) override { emit("{\"event\":\"error\",\"message\":" + q(text) + "}"); }
  void reloaded(const ReloadResult& r) override {
    std::string list;
    if (r.ok) {
      for (const std::string& n : r.notices) list += (list.empty() ? "" : ",") + q(n);
      return emit("{\"event\":\"reloaded\",\"notices\":[" + list + "]}");
    }
    for (const Diagnostic& d : r.diagnostics.items()) {
      if (d.severity != Severity::Error) continue;
      list += std::string(list.empty() ? "" : ",") + "{\"file\":" + q(d.file) + ",\"line\":" + std::to_string(d.line) +
              ",\"column\":" + std::to_string(d.col) + ",\"message\":" + q(d.message) + ",\"hint\":" + q(d.hint) + "}";
    }
    emit("{\"event\":\"reload_failed\",\"diagnostics\":[" + list + "]}");
  }
  void saved(const std::string& slot, const std::string& path) override {
    emit("{\"event\":\"saved\",\"slot\":" + q(slot) + ",\"path\":" + q(path) + "}");
  }
  void loaded(const std::string& slot, const std::vector<std::string>& notices) override {
    std::string list;
    for (size_t i = 0; i < notices.size(); ++i) list += (i ? "," : "") + q(notices[i]);
    emit("{\"event\":\"loaded\",\"slot\":" + q(slot) + ",\"notices\":[" + list + "]}");
  }
  void history(const Runner& r) override {
    std::string list;
    bool first = true;
    for (const auto& h : r.state().history) {
      list += (first ? "" : ",") + std::string("{\"scene\":") + q(r.story().scenes[h.scene].qualified) +
              ",\"choice\":" + q(h.choice) + "}";
      first = false;
    }
    emit("{\"event\":\"history\",\"entries\":[" + list + "]}");
  }
  void help(bool classroom) override {
    emit(std::string("{\"event\":\"help\",\"commands\":[\"N\",\"save [slot]\",\"load [slot]\",\"back\",\"history\",\"restart\",\"quit\",\"help\"") +
         (classroom ? ",\"notes\",\"glossary [term]\",\"journal\",\"journal show\",\"name NAME\",\"export [folder]\",\"open CODE\"" : "") +
         "]}");
  }
  void ready(const Runner&) override { std::fflush(out_); }

  // Classroom: every glossary term found in the paragraph, once each.
  void paragraph(const Runner& r, const Event& e, const std::vector<GlossaryHit>& hits) override {
    std::string terms;
    std::vector<size_t> listed;
    for (const auto& h : hits) {
      if (std::find(listed.begin(), listed.end(), h.term) != listed.end()) continue;
      listed.push_back(h.term);
      const auto& g = r.story().glossary[h.term];
      terms += (terms.empty() ? "" : ",") + std::string("{\"term\":") + q(g.first) + ",\"explanation\":" + q(g.second) + "}";
    }
    emit("{\"event\":\"paragraph\",\"text\":" + q(e.text) + ",\"glossary\":[" + terms + "]}");
  }
  void contentNote(const Chapter& c) override {
    emit("{\"event\":\"content_note\",\"chapter\":" + q(c.id) + ",\"chapter_title\":" + q(c.title) +
         ",\"note\":" + q(c.contentNote) + "}");
  }
  void pause(const Prompt& p, int seconds) override {
    emit("{\"event\":\"prompt\",\"kind\":\"" + std::string(promptKindName(p.kind)) + "\",\"ask\":" + q(p.ask) + "}");
    emit("{\"event\":\"pause\",\"kind\":\"" + std::string(promptKindName(p.kind)) + "\",\"ask\":" + q(p.ask) +
         ",\"seconds\":" + std::to_string(seconds) + "}");
  }
  void pauseTimeUp() override { emit("{\"event\":\"pause_time_up\"}"); }
  void writing(const std::string& question) override {
    emit("{\"event\":\"write_journal\",\"ask\":" + q(question) + ",\"free_note\":" + (question.empty() ? "true" : "false") +
         ",\"finish\":\".\"}");
  }
  void journalSaved(size_t chars) override {
    emit("{\"event\":\"journal_saved\",\"chars\":" + std::to_string(chars) + "}");
  }
  void journalEntries(const Runner& r) override {
    std::string list;
    for (const auto& j : r.state().journal)
      list += (list.empty() ? "" : ",") + std::string("{\"scene\":") + q(r.story().scenes[j.scene].qualified) +
              ",\"question\":" + q(j.question) + ",\"answer\":" + q(j.answer) + ",\"written_at\":" + q(j.writtenAt) + "}";
    emit("{\"event\":\"journal_entries\",\"entries\":[" + list + "]}");
  }
  void glossary(const Story& story, const std::vector<int>& entries) override {
    std::string list;
    for (int i : entries)
      list += (list.empty() ? "" : ",") + std::string("{\"term\":") + q(story.glossary[i].first) +
              ",\"explanation\":" + q(story.glossary[i].second) + "}";
    emit("{\"event\":\"glossary\",\"entries\":[" + list + "]}");
  }
  void chapterOpened(const Chapter& c) override {
    emit("{\"event\":\"chapter_opened\",\"chapter\":" + q(c.id) + ",\"chapter_title\":" + q(c.title) + "}");
  }
  void lessonWarning(int minutesLeft) override {
    emit("{\"event\":\"lesson_warning\",\"minutes_left\":" + std::to_string(minutesLeft) + "}");
  }
  void exported(const std::string& folder, const std::vector<std::string>& files) override {
    std::string list;
    for (const auto& f : files) list += (list.empty() ? "" : ",") + q(f);
    emit("{\"event\":\"exported\",\"folder\":" + q(folder) + ",\"files\":[" + list + "]}");
  }

 private:
  static std::string cue(const Cue& c) {
    char vol[32];
    std::snprintf(vol, sizeof vol, "%.3g", c.volume);
    return "\"cue\":" + q(c.id) + ",\"file\":" + q(c.file) + ",\"volume\":" + vol + ",\"caption\":" + q(c.caption);
  }
  void emit(const std::string& json) { std::fprintf(out_, "%s\n", json.c_str()); }
  FILE* out_;
};

}  // namespace

std::unique_ptr<Presenter> makeJsonlPresenter(FILE* out) { return std::make_unique<JsonlPresenter>(out); }

}  // namespace lc
