// The journal export's view, its Markdown and its JSON summary (HTML: classroom_export_html.cpp).
#include <algorithm>
#include <cstdio>

#include "classroom/classroom_view.h"
#include "core/diagnostic.h"
#include "core/text.h"

namespace lc {
namespace {

// A note goes with the first step at its scene; notes from elsewhere are kept apart.
void attachNotes(const State& state, JournalView& view) {
  for (const JournalEntry& j : state.journal) {
    RouteStep* home = nullptr;
    for (auto& run : view.runs) {
      for (auto& step : run.steps)
        if (step.scene == j.scene) { home = &step; break; }
      if (home) break;
    }
    if (home) home->notes.push_back(&j);
    else view.otherNotes.push_back(&j);
  }
}

// What the student wrote at `scene` in answer to `question` ("" = free notes, which
// belong to the discussion prompt). Each entry counts towards one question only.
bool asks(const Ask& a, const std::string& question) {
  return !question.empty() && (question == a.ask || question == a.support || question == a.stretch);
}

size_t charsWrittenAt(const State& state, int scene, const Ask* question) {
  size_t n = 0;
  for (const JournalEntry& j : state.journal)
    if (j.scene == scene && (question ? asks(*question, j.question) : j.question.empty()))
      n += codePointCount(j.answer);
  return n;
}

const Ask* examAsked(const Story& story, const JournalEntry& j) {
  if (j.scene < 0 || j.scene >= static_cast<int>(story.scenes.size())) return nullptr;
  for (const Ask& a : story.chapters[story.scenes[j.scene].chapter].exam)
    if (asks(a, j.question)) return &a;
  return nullptr;
}

void groupByObjective(const Story& story, const State& state, JournalView& view) {
  if (!storyHasObjectives(story)) return;
  for (int o = 0; o < kAoCount; ++o) {
    ObjectiveAnswers group{o, {}};
    for (const JournalEntry& j : state.journal)
      if (answerObjectives(story, j) & (1u << o)) group.answers.push_back(&j);
    if (!group.answers.empty()) view.byObjective.push_back(std::move(group));
  }
}

void collectQuestions(const Story& story, const State& state, JournalView& view) {
  std::vector<int> done;
  for (const auto& run : view.runs)
    for (const auto& step : run.steps) {
      if (std::find(done.begin(), done.end(), step.scene) != done.end()) continue;
      done.push_back(step.scene);
      const Scene& s = story.scenes[step.scene];
      if (s.prompt)
        view.questions.push_back({step.scene, promptKindName(s.prompt->kind), s.prompt->ask,
                                  charsWrittenAt(state, step.scene, nullptr), s.prompt->objectives()});
      if (!s.journal.empty())
        view.questions.push_back({step.scene, "journal", s.journal.ask, charsWrittenAt(state, step.scene, &s.journal),
                                  s.journal.objectives()});
    }
  for (const JournalEntry& j : state.journal)  // exam questions answered (a plan's exam: true)
    if (const Ask* exam = examAsked(story, j))
      view.questions.push_back({j.scene, "exam", exam->ask, codePointCount(j.answer), exam->objectives()});
}

std::string md(const std::string& text) { return markdownEscape(text, false); }

std::string quoteLines(const std::string& text, const std::string& indent) {
  std::string out;
  size_t from = 0;
  while (from <= text.size()) {
    size_t nl = text.find('\n', from);
    std::string line = text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
    // Leading spaces would make an indented code block; the words are what matter.
    size_t words = line.find_first_not_of(" \t");
    line = words == std::string::npos ? std::string() : markdownEscape(line.substr(words), true);
    out += indent + (line.empty() ? ">" : "> " + line) + "\n";
    if (nl == std::string::npos) break;
    from = nl + 1;
  }
  return out;
}

void markdownNotes(const std::vector<const JournalEntry*>& notes, std::string& out, const std::string& indent) {
  for (const JournalEntry* j : notes) {
    out += indent + (j->question.empty() ? "- Note:\n" : "- Reflection on *" + md(j->question) + "*:\n");
    out += quoteLines(j->answer, indent + "  ");
  }
}

void markdownStep(const Story& story, const RouteStep& step, int number, std::string& out) {
  const Scene& s = story.scenes[step.scene];
  out += std::to_string(number) + ". **" + md(sceneName(s)) + "**";
  if (!step.choice.empty() && s.next < 0) out += " — you chose: “" + md(step.choice) + "”";
  if (s.isEnd) out += " — ending" + (s.ending.empty() ? std::string() : ": “" + md(s.ending) + "”");
  out += "\n";
  if (s.prompt) out += "   - Discussion (" + std::string(promptKindName(s.prompt->kind)) + "): " + md(s.prompt->ask) + "\n";
  markdownNotes(step.notes, out, "   ");
}

void jsonChoices(const JournalExport& in, const JournalView& view, std::string& out) {
  bool first = true;
  for (const auto& run : view.runs)
    for (const auto& step : run.steps) {
      const Scene& s = in.story.scenes[step.scene];
      if (step.choice.empty() || s.choices.empty()) continue;
      const Chapter& c = in.story.chapters[s.chapter];
      std::string options;
      for (size_t i = 0; i < s.choices.size(); ++i) options += (i ? ", " : "") + jsonQuote(s.choices[i].text);
      out += std::string(first ? "\n" : ",\n") + "    {\"chapter\": " + jsonQuote(c.id) +
             ", \"chapter_number\": " + std::to_string(s.chapter + 1) + ", \"chapter_title\": " +
             jsonQuote(chapterName(c)) + ", \"scene\": " + jsonQuote(s.qualified) + ", \"scene_title\": " +
             jsonQuote(sceneName(s)) + ", \"choice\": " + jsonQuote(step.choice) + ", \"options\": [" + options + "]}";
      first = false;
    }
  out += first ? "]" : "\n  ]";
}

void jsonQuestions(const JournalExport& in, const JournalView& view, std::string& out) {
  bool first = true;
  for (const auto& q : view.questions) {
    std::string ao;  // only for a story that tags its questions (a v1 summary stays as it was)
    if (storyHasObjectives(in.story))
      for (int o = 0; o < kAoCount; ++o)
        if (q.ao & (1u << o))
          ao += std::string(ao.empty() ? ", \"ao\": [" : ", ") + "\"AO" + std::to_string(o + 1) + "\"";
    if (!ao.empty()) ao += "]";
    out += std::string(first ? "\n" : ",\n") + "    {\"scene\": " + jsonQuote(in.story.scenes[q.scene].qualified) +
           ", \"kind\": " + jsonQuote(q.kind) + ", \"ask\": " + jsonQuote(q.ask) +
           ", \"reflection_chars\": " + std::to_string(q.reflectionChars) + ao + "}";
    first = false;
  }
  out += first ? "]" : "\n  ]";
}

void jsonChapters(const JournalExport& in, std::string& out) {
  bool first = true;
  for (int c : chaptersTimed(in)) {
    char minutes[32];
    std::snprintf(minutes, sizeof minutes, "%.1f", double(chapterMs(in, c)) / 60000.0);
    out += std::string(first ? "\n" : ",\n") + "    {\"id\": " + jsonQuote(in.story.chapters[c].id) +
           ", \"title\": " + jsonQuote(chapterName(in.story.chapters[c])) + ", \"minutes\": " + minutes + "}";
    first = false;
  }
  out += first ? "]" : "\n  ]";
}

}  // namespace

std::vector<int> chaptersTimed(const JournalExport& in) {
  std::vector<int> out;
  const auto& ms = in.record.msPerChapter();
  for (size_t c = 0; c < in.story.chapters.size(); ++c) {
    bool onRoute = false;
    for (const HistoryEntry& h : in.record.routeFor(in.state))
      onRoute = onRoute || (h.scene >= 0 && in.story.scenes[h.scene].chapter == static_cast<int>(c));
    if (onRoute || (c < ms.size() && ms[c] > 0)) out.push_back(static_cast<int>(c));
  }
  return out;
}

int64_t chapterMs(const JournalExport& in, int chapter) {
  const auto& ms = in.record.msPerChapter();
  return chapter < static_cast<int>(ms.size()) ? ms[chapter] : 0;
}

std::string sceneName(const Scene& scene) { return scene.title.empty() ? scene.qualified : scene.title; }
std::string chapterName(const Chapter& chapter) { return chapter.title.empty() ? chapter.id : chapter.title; }

JournalView buildJournalView(const JournalExport& in) {
  JournalView view;
  for (const HistoryEntry& h : in.record.routeFor(in.state)) {
    if (h.scene < 0 || h.scene >= static_cast<int>(in.story.scenes.size())) continue;
    int chapter = in.story.scenes[h.scene].chapter;
    if (view.runs.empty() || view.runs.back().chapter != chapter) view.runs.push_back({chapter, {}});
    view.runs.back().steps.push_back({h.scene, h.choice, {}});
  }
  attachNotes(in.state, view);
  collectQuestions(in.story, in.state, view);
  groupByObjective(in.story, in.state, view);
  return view;
}

bool storyHasObjectives(const Story& story) {
  for (const Scene& s : story.scenes)
    if ((s.prompt && s.prompt->ao) || s.journal.ao) return true;
  for (const Chapter& c : story.chapters)
    if (!c.exam.empty()) return true;
  return false;
}

AoSet answerObjectives(const Story& story, const JournalEntry& j) {
  if (j.scene < 0 || j.scene >= static_cast<int>(story.scenes.size()) || j.question.empty()) return 0;
  const Scene& s = story.scenes[j.scene];
  if (asks(s.journal, j.question)) return s.journal.objectives();
  if (s.prompt && asks(*s.prompt, j.question)) return s.prompt->objectives();
  if (const Ask* exam = examAsked(story, j)) return exam->objectives();
  return 0;
}

std::string objectiveHeading(int objective) {
  static const char* what[] = {"reading and evidence", "the writer's methods", "context",
                               "spelling, punctuation and grammar"};
  return "AO" + std::to_string(objective + 1) + ": " + what[objective & 3];
}

std::string htmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

// Backslash escapes (CommonMark: any ASCII punctuation may be escaped) for every
// character that could start markup, a link or raw HTML; the others stay readable.
std::string markdownEscape(std::string_view text, bool lineStart) {
  std::string out;
  out.reserve(text.size() + 8);
  bool start = lineStart;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n' || c == '\r') c = ' ';  // one field, one line
    bool prevDigit = i > 0 && text[i - 1] >= '0' && text[i - 1] <= '9';
    bool www = i >= 3 && (text.substr(i - 3, 3) == "www" || text.substr(i - 3, 3) == "WWW");
    bool escape = std::string_view("\\`*_{}[]<>#|~&!").find(c) != std::string_view::npos ||
                  (c == ':' && text.substr(i + 1, 2) == "//") || (c == '.' && (prevDigit || www)) ||
                  (start && (c == '-' || c == '+' || c == '='));
    if (escape) out += '\\';
    out += c;
    if (c != ' ' && c != '\t') start = false;
  }
  return out;
}

// A short, safe part of a file name: ASCII letters and digits lower-cased, other
// characters (UTF-8 letters) kept, anything a file system or a shell minds as "-".
std::string fileNamePart(std::string_view text, size_t maxCodePoints) {
  std::string out;
  size_t points = 0;
  for (size_t i = 0; i < text.size() && points < maxCodePoints;) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    if (c >= 0x80) {
      out.append(text.substr(i, len));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      out += char(c);
    } else if (c >= 'A' && c <= 'Z') {
      out += char(c + 32);
    } else {
      if (!out.empty() && out.back() != '-') out += '-', ++points;
      i += len;
      continue;
    }
    ++points;
    i += len;
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string journalExportStem(const JournalExport& in) {
  std::string who = fileNamePart(in.student, 24);
  std::string id = fileNamePart(in.exportId.substr(0, 6), 6);
  if (!who.empty() && !id.empty()) who += "-";
  return in.story.id + "-journal-" + who + id + "-" + localDate(in.nowMs);
}

std::string minutesText(int64_t ms) {
  if (ms < 60000) return "under a minute";
  return std::to_string((ms + 30000) / 60000) + " min";
}

std::string journalMarkdown(const JournalExport& in) {
  JournalView view = buildJournalView(in);
  std::string out = "# Reading journal: " + md(in.story.title) + "\n\n";
  if (!in.student.empty()) out += "- Student: " + md(in.student) + "\n";
  out += "- Story: " + md(in.story.id) + ", version " + std::to_string(in.story.version) + "\n";
  out += "- Exported: " + localStamp(in.nowMs) + "\n- Export id: " + md(in.exportId) + "\n\n## Route\n";
  int chapterNumber = 0;
  for (const auto& run : view.runs) {
    out += "\n### " + std::to_string(++chapterNumber) + ". " + md(chapterName(in.story.chapters[run.chapter])) + "\n\n";
    int step = 0;
    for (const auto& s : run.steps) markdownStep(in.story, s, ++step, out);
  }
  out += "\n## Endings reached\n\n";
  if (in.record.endings().empty()) out += "None yet.\n";
  for (const auto& e : in.record.endings()) out += "- " + md(e) + "\n";
  out += "\n## Time spent\n\n| Chapter | Time |\n|---|---|\n";
  for (int c : chaptersTimed(in))
    out += "| " + md(chapterName(in.story.chapters[c])) + " | " + minutesText(chapterMs(in, c)) + " |\n";
  if (!view.otherNotes.empty()) {
    out += "\n## Other notes\n\nWritten at scenes that are not on this route (an earlier playthrough).\n\n";
    markdownNotes(view.otherNotes, out, "");
  }
  if (!view.byObjective.empty()) {
    out += "\n## Answers by assessment objective\n";
    for (const auto& group : view.byObjective) {
      out += "\n### " + md(objectiveHeading(group.objective)) + "\n\n";
      for (const JournalEntry* j : group.answers) {
        out += "- *" + md(j->question) + "* (" + md(sceneName(in.story.scenes[j->scene])) + "):\n";
        out += quoteLines(j->answer, "  ");
      }
    }
  }
  return out;
}

std::string classSummaryJson(const JournalExport& in) {
  JournalView view = buildJournalView(in);
  std::string out = "{\n  \"format\": " + jsonQuote(kClassSummaryFormat) + ",\n  \"export_id\": " + jsonQuote(in.exportId) +
                    ",\n  \"exported_at\": " + jsonQuote(isoUtc(in.nowMs)) + ",\n  \"story\": {\"id\": " +
                    jsonQuote(in.story.id) + ", \"version\": " + std::to_string(in.story.version) +
                    ", \"title\": " + jsonQuote(in.story.title) + "},\n";
  if (!in.student.empty()) out += "  \"student\": " + jsonQuote(in.student) + ",\n";
  out += "  \"choices\": [";
  jsonChoices(in, view, out);
  out += ",\n  \"endings\": [";
  for (size_t i = 0; i < in.record.endings().size(); ++i) out += (i ? ", " : "") + jsonQuote(in.record.endings()[i]);
  out += "],\n  \"prompts\": [";
  jsonQuestions(in, view, out);
  out += ",\n  \"chapters\": [";
  jsonChapters(in, out);
  return out + "\n}\n";
}

std::vector<ExportFile> journalExportFiles(const JournalExport& in, const std::string& stem) {
  return {{stem + ".md", journalMarkdown(in)}, {stem + ".html", journalHtml(in)}, {stem + ".json", classSummaryJson(in)}};
}

}  // namespace lc
