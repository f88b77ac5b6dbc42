// The machine protocol: one JSON object per line per event (documented in README.md).
#include <algorithm>

#include "app/console.h"
#include "app/player_commands.h"
#include "core/diagnostic.h"
#include "core/json.h"

namespace lc {
namespace {

// Raised when an event or a field changes meaning or goes away (new ones may come at any time).
constexpr int kProtocolVersion = 1;

// Every line of the protocol is one object that starts with its "event".
JsonWriter eventObject(const char* name) {
  JsonWriter w;
  w.beginObject().field("event", name);
  return w;
}

void chapterFields(JsonWriter& w, const Chapter& c) { w.field("chapter", c.id).field("chapter_title", c.title); }

void glossaryEntry(JsonWriter& w, const std::pair<std::string, std::string>& g) {
  w.beginObject().field("term", g.first).field("explanation", g.second).endObject();
}

class JsonlPresenter : public Presenter {
 public:
  // The first line says which protocol this is, so a reader can refuse one it does not know.
  explicit JsonlPresenter(FILE* out) : out_(out) {
    emit(eventObject("protocol").field("name", "lostcorner-jsonl").field("version", kProtocolVersion));
  }

  void event(const Runner& r, const Event& e) override {
    const Story& story = r.story();
    switch (e.type) {
      case EventType::SceneEntered: {
        const Scene& s = story.scenes[e.scene];
        JsonWriter w = eventObject("scene");
        w.field("id", s.qualified).field("title", r.title());
        chapterFields(w, story.chapters[s.chapter]);
        return emit(w.field("resumed", e.resumed));
      }
      case EventType::Music: {
        JsonWriter w = eventObject("music");
        if (e.cue < 0) return emit(w.key("cue").null());
        return emit(cue(w, story.music[e.cue]).field("loop", story.music[e.cue].loop));
      }
      case EventType::Sound: {
        JsonWriter w = eventObject("sound");
        if (e.cue < 0) return emit(w.key("cue").null().field("loop", true));
        return emit(cue(w, story.sounds[e.cue]).field("loop", e.loop));
      }
      case EventType::Paragraph: return emit(eventObject("paragraph").field("text", e.text));
      case EventType::Prompt:
        return emit(eventObject("prompt").field("kind", promptKindName(e.prompt->kind)).field("ask", e.text));
      case EventType::Journal: return emit(eventObject("journal").field("ask", e.text));
      case EventType::Choices: {
        JsonWriter w = eventObject("choices");
        w.key("choices").beginArray();
        for (size_t i = 0; i < r.choices().size(); ++i)
          w.beginObject().field("number", i + 1).field("text", r.label(i)).endObject();
        return emit(w.endArray());
      }
      case EventType::Ended: return emit(eventObject("end").field("ending", e.text));
      case EventType::DeadEnd: return emit(eventObject("dead_end").field("message", e.text));
      case EventType::Fault: return emit(eventObject("error").field("message", e.text));
      case EventType::ChapterGate:
        return emit(eventObject("chapter_gate").field("chapter", story.chapters[e.chapter].id).field("chapter_title", e.text));
    }
  }

  void notice(const std::string& text) override { emit(eventObject("notice").field("message", text)); }
  void problem(const std::string& text) override { emit(eventObject("error").field("message", text)); }
  void reloaded(const ReloadResult& r) override {
    if (r.ok) return emit(eventObject("reloaded").strings("notices", r.notices));
    JsonWriter w = eventObject("reload_failed");
    w.key("diagnostics").beginArray();
    for (const Diagnostic& d : r.diagnostics.items()) {
      if (d.severity != Severity::Error) continue;
      w.beginObject().field("file", d.file).field("line", d.line).field("column", d.col);
      w.field("message", d.message).field("hint", d.hint).endObject();
    }
    emit(w.endArray());
  }
  void saved(const std::string& slot, const std::string& path) override {
    emit(eventObject("saved").field("slot", slot).field("path", path));
  }
  void loaded(const std::string& slot, const std::vector<std::string>& notices) override {
    emit(eventObject("loaded").field("slot", slot).strings("notices", notices));
  }
  void history(const Runner& r) override {
    JsonWriter w = eventObject("history");
    w.key("entries").beginArray();
    for (const auto& h : r.state().history)
      w.beginObject().field("scene", r.story().scenes[h.scene].qualified).field("choice", h.choice).endObject();
    emit(w.endArray());
  }
  void help(bool classroom) override {
    emit(eventObject("help").strings("commands", playerCommandUsages(classroom)));
  }
  void ready(const Runner&) override { std::fflush(out_); }

  // Classroom: every glossary term found in the paragraph, once each.
  void paragraph(const Runner& r, const Event& e, const std::vector<GlossaryHit>& hits) override {
    JsonWriter w = eventObject("paragraph");
    w.field("text", e.text).key("glossary").beginArray();
    std::vector<size_t> listed;
    for (const auto& h : hits) {
      if (std::find(listed.begin(), listed.end(), h.term) != listed.end()) continue;
      listed.push_back(h.term);
      glossaryEntry(w, r.story().glossary[h.term]);
    }
    emit(w.endArray());
  }
  void contentNote(const Chapter& c) override {
    JsonWriter w = eventObject("content_note");
    chapterFields(w, c);
    emit(w.field("note", c.contentNote));
  }
  void pause(PromptKind kind, const std::string& ask, int seconds) override {
    emit(eventObject("prompt").field("kind", promptKindName(kind)).field("ask", ask));
    emit(eventObject("pause").field("kind", promptKindName(kind)).field("ask", ask).field("seconds", seconds));
  }
  void pauseTimeUp() override { emit(eventObject("pause_time_up")); }
  void writing(const std::string& question) override {
    emit(eventObject("write_journal").field("ask", question).field("free_note", question.empty()).field("finish", "."));
  }
  void journalSaved(size_t chars) override { emit(eventObject("journal_saved").field("chars", chars)); }
  void journalEntries(const Runner& r) override {
    JsonWriter w = eventObject("journal_entries");
    w.key("entries").beginArray();
    for (const auto& j : r.state().journal)
      w.beginObject()
          .field("scene", r.story().scenes[j.scene].qualified)
          .field("question", j.question)
          .field("answer", j.answer)
          .field("written_at", j.writtenAt)
          .endObject();
    emit(w.endArray());
  }
  void glossary(const Story& story, const std::vector<int>& entries) override {
    JsonWriter w = eventObject("glossary");
    w.key("entries").beginArray();
    for (int i : entries) glossaryEntry(w, story.glossary[i]);
    emit(w.endArray());
  }
  void chapterOpened(const Chapter& c) override {
    JsonWriter w = eventObject("chapter_opened");
    chapterFields(w, c);
    emit(w);
  }
  void lessonWarning(int minutesLeft) override { emit(eventObject("lesson_warning").field("minutes_left", minutesLeft)); }
  void exported(const std::string& folder, const std::vector<std::string>& files) override {
    emit(eventObject("exported").field("folder", folder).strings("files", files));
  }

 private:
  static JsonWriter& cue(JsonWriter& w, const Cue& c) {
    return w.field("cue", c.id).field("file", c.file).number("volume", c.volume).field("caption", c.caption);
  }
  // Closes the event's object and writes it as one line.
  void emit(JsonWriter& w) { std::fprintf(out_, "%s\n", w.endObject().str().c_str()); }
  void emit(JsonWriter&& w) { emit(w); }
  FILE* out_;
};

}  // namespace

std::unique_ptr<Presenter> makeJsonlPresenter(FILE* out) { return std::make_unique<JsonlPresenter>(out); }

}  // namespace lc
