#include "classroom/classroom.h"

#include <algorithm>

namespace lc {
namespace {

bool isWordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = lower(c);
  return out;
}

// "the Sales" -> "sales": the article is optional in the text, so it is not matched.
std::string termCore(std::string_view term) {
  std::string core = lowerAscii(term);
  while (!core.empty() && core.back() == ' ') core.pop_back();
  size_t start = core.find_first_not_of(' ');
  core = start == std::string::npos ? std::string() : core.substr(start);
  if (core.rfind("the ", 0) == 0 && core.size() > 4) core = core.substr(4);
  return core;
}

// The written forms a term may take: as is, plural, and singular of a plural term.
std::vector<std::string> termForms(std::string_view term) {
  std::string core = termCore(term);
  if (core.empty()) return {};
  std::vector<std::string> forms = {core, core + "s", core + "es"};
  if (core.size() > 3 && core.back() == 's') forms.push_back(core.substr(0, core.size() - 1));
  return forms;
}

bool matchesAt(std::string_view text, size_t at, const std::string& form) {
  if (text.size() - at < form.size()) return false;
  for (size_t k = 0; k < form.size(); ++k)
    if (lower(text[at + k]) != form[k]) return false;
  size_t end = at + form.size();
  return end == text.size() || !isWordChar(text[end]);
}

std::string normalizeCode(std::string_view code) {
  std::string out = lowerAscii(code);
  out.erase(0, out.find_first_not_of(" \t\r"));
  out.erase(out.find_last_not_of(" \t\r") + 1);
  return out;
}

}  // namespace

bool Alarm::due(int64_t nowMs) {
  if (!armed() || nowMs < at_) return false;
  rung_ = true;
  return true;
}

// Length of the valid UTF-8 sequence at `at`, or 0.
static size_t utf8Length(std::string_view s, size_t at) {
  unsigned char c = static_cast<unsigned char>(s[at]);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || at + n > s.size()) return 0;
  uint32_t cp = n == 1 ? c : c & (0x7F >> n);
  for (size_t k = 1; k < n; ++k) {
    unsigned char d = static_cast<unsigned char>(s[at + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  static const uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

std::string cleanTypedLine(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  std::string out;
  out.reserve(line.size());
  for (size_t i = 0; i < line.size();) {
    size_t n = utf8Length(line, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD
      ++i;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (n > 1 || c == '\t' || (c >= 0x20 && c != 0x7F)) out.append(line.substr(i, n));
    i += n;
  }
  return out;
}

// ---- Glossary ---------------------------------------------------------------------

std::vector<GlossaryHit> findGlossaryTerms(const Story& story, std::string_view text) {
  std::vector<std::vector<std::string>> forms;
  forms.reserve(story.glossary.size());
  for (const auto& entry : story.glossary) forms.push_back(termForms(entry.first));
  std::vector<GlossaryHit> hits;
  for (size_t at = 0; at < text.size();) {
    if (at > 0 && isWordChar(text[at - 1])) {
      ++at;
      continue;
    }
    GlossaryHit best;
    for (size_t t = 0; t < forms.size(); ++t)
      for (const auto& form : forms[t])
        if (form.size() > best.end - best.begin && matchesAt(text, at, form)) best = {t, at, at + form.size(), false};
    if (best.end > best.begin) {
      hits.push_back(best);
      at = best.end;
    } else {
      ++at;
    }
  }
  return hits;
}

int findGlossaryEntry(const Story& story, std::string_view term) {
  std::string wanted = termCore(term);
  if (wanted.empty()) return -1;
  for (size_t i = 0; i < story.glossary.size(); ++i) {
    for (const auto& form : termForms(story.glossary[i].first))
      if (form == wanted) return static_cast<int>(i);
    for (const auto& form : termForms(wanted))
      if (form == termCore(story.glossary[i].first)) return static_cast<int>(i);
  }
  return -1;
}

std::string markGlossaryTerms(std::string_view text, const std::vector<GlossaryHit>& hits) {
  std::string out;
  size_t from = 0;
  for (const auto& h : hits) {
    if (!h.first) continue;
    out.append(text.substr(from, h.end - from));
    out += '*';
    from = h.end;
  }
  out.append(text.substr(from));
  return out;
}

bool GlossaryTracker::shown(size_t term, int chapter) const {
  if (term >= fromChapter_.size()) return true;
  return fromChapter_[term] != kTermHidden && fromChapter_[term] <= chapter;
}

std::vector<GlossaryHit> GlossaryTracker::paragraph(const Story& story, std::string_view text) {
  std::vector<GlossaryHit> hits = findGlossaryTerms(story, text);
  hits.erase(std::remove_if(hits.begin(), hits.end(), [&](const GlossaryHit& h) { return !shown(h.term, chapter_); }),
             hits.end());
  for (auto& h : hits) {
    if (std::find(seen_.begin(), seen_.end(), h.term) != seen_.end()) continue;
    seen_.push_back(h.term);
    h.first = true;
  }
  return hits;
}

// ---- Teacher-paced chapters -------------------------------------------------------

ChapterPacing::ChapterPacing(const Story& story, const std::vector<int>& open, std::string code)
    : open_(story.chapters.size(), 0), code_(normalizeCode(code)) {
  for (int c : open)
    if (c >= 0 && c < static_cast<int>(open_.size())) open_[c] = 1;
  if (story.start >= 0) open_[story.scenes[story.start].chapter] = 1;
}

ChapterPacing ChapterPacing::fromOptions(const Story& story, const ClassroomOptions& options) {
  if (options.homework) return {};
  std::vector<int> open = options.hasOpenList ? options.openChapters : std::vector<int>{};
  if (options.startScene >= 0 && options.startScene < static_cast<int>(story.scenes.size()))
    open.push_back(story.scenes[options.startScene].chapter);  // the class can read where it starts
  if (options.hasOpenList || !options.teacherCode.empty()) return ChapterPacing(story, open, options.teacherCode);
  return {};
}

bool ChapterPacing::isOpen(int chapter) const {
  return open_.empty() || chapter < 0 || chapter >= static_cast<int>(open_.size()) || open_[chapter];
}

std::vector<int> ChapterPacing::closed() const {
  std::vector<int> out;
  for (size_t i = 0; i < open_.size(); ++i)
    if (!open_[i]) out.push_back(static_cast<int>(i));
  return out;
}

OpenResult ChapterPacing::open(std::string_view code, int chapter, int& opened) {
  opened = -1;
  std::vector<int> shut = closed();
  if (shut.empty()) return OpenResult::NothingClosed;
  if (code_.empty()) return OpenResult::NoCode;
  if (normalizeCode(code) != code_) return OpenResult::WrongCode;
  opened = (chapter >= 0 && !isOpen(chapter)) ? chapter : shut.front();
  open_[opened] = 1;
  return OpenResult::Opened;
}

// ---- Lesson timer -----------------------------------------------------------------

int64_t lessonWarningMs(int lengthMinutes, int warningMinutes) {
  const int64_t length = int64_t(std::max(0, lengthMinutes)) * 60000, warning = int64_t(std::max(0, warningMinutes)) * 60000;
  return warning < length ? warning : length / 2;
}

std::string minutesCount(int minutes) { return std::to_string(minutes) + (minutes == 1 ? " minute" : " minutes"); }

std::string lessonLeftText(int minutesLeft) {
  return minutesLeft <= 0 ? "Under a minute of the lesson left" : "About " + minutesCount(minutesLeft) + " of the lesson left";
}

std::string lessonTimerNotice(int lengthMinutes, int warningMinutes) {
  const int64_t warning = lessonWarningMs(lengthMinutes, warningMinutes);
  std::string when = warning == 0                           ? "a reminder at the end"
                     : warning == int64_t(warningMinutes) * 60000 ? "a reminder " + minutesCount(warningMinutes) + " before the end"
                                                             : "a reminder halfway through";
  return "Lesson timer: " + minutesCount(lengthMinutes) + "; " + when + ", with an autosave";
}

LessonTimer::LessonTimer(int64_t startMs, int lengthMinutes, int warningMinutes) {
  if (lengthMinutes <= 0) return;
  endMs_ = startMs + int64_t(lengthMinutes) * 60000;
  warning_.set(endMs_ - lessonWarningMs(lengthMinutes, warningMinutes));
}

int LessonTimer::minutesLeft(int64_t nowMs) const {
  if (!active() || nowMs >= endMs_) return 0;
  return static_cast<int>((endMs_ - nowMs + 30000) / 60000);
}

// ---- Record -----------------------------------------------------------------------

void ClassroomRecord::noteTime(int64_t nowMs) {
  if (chapter_ >= 0 && nowMs > since_) {
    if (ms_.size() <= size_t(chapter_)) ms_.resize(chapter_ + 1, 0);
    ms_[chapter_] += nowMs - since_;
  }
  since_ = nowMs;
}

void ClassroomRecord::sceneShown(const Story& story, int scene, int64_t nowMs) {
  noteTime(nowMs);
  chapter_ = story.scenes[scene].chapter;
  if (ms_.size() < story.chapters.size()) ms_.resize(story.chapters.size(), 0);
}

void ClassroomRecord::ended(const Story& story, const State& state, const std::string& ending) {
  std::string name = ending;
  if (name.empty() && state.scene >= 0) {
    const Scene& s = story.scenes[state.scene];
    name = s.title.empty() ? s.qualified : s.title;
  }
  if (std::find(endings_.begin(), endings_.end(), name) == endings_.end()) endings_.push_back(name);
  finished_ = state.history;
}

const std::vector<HistoryEntry>& ClassroomRecord::routeFor(const State& current) const {
  if (current.history.size() <= 1 && !finished_.empty()) return finished_;
  return current.history;
}

}  // namespace lc
