// Save text, one fact per line, each line a key and its value:
//   lostcorner-save: 2                      the format (first line that is not a comment)
//   story: never-let-me-go
//   story-version: 1
//   scene: hailsham.gate
//   var trust = 3
//   visits hailsham.gate = 2
//   spent hailsham.gate to:hailsham.pond "Walk down to the pond"   (stable id, then label)
//   history hailsham.gate "Walk down to the pond"
//   end-of-save: fnv1a64 0123456789abcdef   checksum of every byte before this line
// Quoted strings go through quoteText (core/value.h), the one quoting routine. Author ids
// only, so edits to the story don't shift anything; what no longer exists is dropped with
// a notice.
//
// Adding a field: a member of RawSave, a row in kKeys (the reader), a line in writeSave,
// and the step that applies it in readSave. Bump kSaveFormatVersion when older readers
// could not read the new lines, and add a row to kMigrations that upgrades a RawSave of
// the previous format (usually: nothing to do, the new field keeps its default).
// Format history: 1 (no end marker; spent choices by label), 2 (end marker + checksum;
// spent choices by stable id, label kept as a fallback; every control byte escaped).
#include "core/save.h"

#include <cstdint>
#include <cstdlib>
#include <unordered_map>
#include <tuple>
#include <utility>

namespace lc {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

bool parseInt(std::string_view s, long long& out) {
  if (s.empty() || s.size() > 12) return false;
  std::string tmp(s);
  char* end = nullptr;
  out = std::strtoll(tmp.c_str(), &end, 10);
  return end && *end == '\0';
}

bool parseValue(std::string_view s, Type type, Value& out) {
  s = trim(s);
  long long n = 0;
  switch (type) {
    case Type::Int:
      if (!parseInt(s, n) || n < INT32_MIN || n > INT32_MAX) return false;
      out = Value::ofInt(static_cast<int32_t>(n));
      return true;
    case Type::Bool:
      if (s != "true" && s != "false") return false;
      out = Value::ofBool(s == "true");
      return true;
    case Type::String: {
      std::string text;
      std::string_view rest;
      if (!readQuoted(s, text, &rest) || !trim(rest).empty()) return false;
      out = Value::ofString(std::move(text));
      return true;
    }
  }
  return false;
}

}  // namespace

SaveMeta describeState(const Story& story, const State& state, std::string savedAt) {
  SaveMeta meta;
  meta.savedAt = std::move(savedAt);
  if (state.scene < 0) return meta;
  const Scene& s = story.scenes[state.scene];
  const Chapter& c = story.chapters[s.chapter];
  meta.chapter = c.title.empty() ? c.id : c.title;
  meta.scene = s.title.empty() ? s.id : s.title;
  std::vector<std::string> paragraphs;
  try {
    paragraphs = s.text.paragraphs(state.env());
  } catch (const EvalError&) {
  }
  if (!paragraphs.empty()) {
    meta.excerpt = paragraphs.front();
    if (meta.excerpt.size() > 120) {
      size_t cut = 117;
      while (cut > 0 && (static_cast<unsigned char>(meta.excerpt[cut]) & 0xC0) == 0x80) --cut;
      meta.excerpt = meta.excerpt.substr(0, cut) + "...";
    }
  }
  return meta;
}

std::string onceChoiceId(const Story& story, int scene, size_t choice) {
  const std::vector<Choice>& choices = story.scenes[scene].choices;
  const int target = choices[choice].target;
  int nth = 0;
  for (size_t i = 0; i <= choice; ++i) nth += choices[i].once && choices[i].target == target;
  std::string id = "to:" + (target >= 0 ? story.scenes[target].qualified : std::string("?"));
  return nth > 1 ? id + "/" + std::to_string(nth) : id;
}

std::string writeSave(const Story& story, const State& state, const SaveMeta& meta) {
  std::string out = "# Lost Corner save file (readable text; the last line checks the rest)\n";
  out += "lostcorner-save: " + std::to_string(kSaveFormatVersion) + "\n";
  out += "story: " + story.id + "\n";
  out += "story-version: " + std::to_string(story.version) + "\n";
  out += "saved-at: " + meta.savedAt + "\n";
  out += "chapter: " + quoteText(meta.chapter) + "\n";
  out += "scene-title: " + quoteText(meta.scene) + "\n";
  out += "excerpt: " + quoteText(meta.excerpt) + "\n";
  // A game not yet started resumes at the start.
  out += "scene: " + story.scenes[state.scene >= 0 ? state.scene : story.start].qualified + "\n";
  out += "music: " + (state.music >= 0 ? story.music[state.music].id : std::string("none")) + "\n";
  out += "ambient: " + (state.ambient >= 0 ? story.sounds[state.ambient].id : std::string("none")) + "\n";
  for (size_t i = 0; i < story.variables.size(); ++i)
    out += "var " + story.variables[i].name + " = " + state.vars[i].literal() + "\n";
  for (size_t i = 0; i < story.scenes.size(); ++i)
    if (state.visits[i]) out += "visits " + story.scenes[i].qualified + " = " + std::to_string(state.visits[i]) + "\n";
  for (size_t s = 0; s < story.scenes.size(); ++s)
    for (size_t c = 0; c < story.scenes[s].choices.size(); ++c) {
      const Choice& choice = story.scenes[s].choices[c];
      if (choice.once && state.spent[choice.spentSlot])
        out += "spent " + story.scenes[s].qualified + " " + onceChoiceId(story, static_cast<int>(s), c) + " " +
               quoteText(choice.text) + "\n";
    }
  for (const HistoryEntry& h : state.history)
    out += "history " + story.scenes[h.scene].qualified + " " + quoteText(h.choice) + "\n";
  if (!state.exportId.empty()) out += "export-id: " + state.exportId + "\n";
  for (const JournalEntry& j : state.journal)
    out += "journal " + story.scenes[j.scene].qualified + " " + quoteText(j.question) + " " + quoteText(j.answer) +
           " " + quoteText(j.writtenAt) + "\n";
  return out + endOfSaveLine(out);
}

namespace {

struct SpentLine {
  std::string scene, id, label;  // id is "" in format 1
};

// The save's lines, before they are matched against the story.
struct RawSave {
  int format = 0;
  std::string story, scene, music, ambient, exportId;
  long long storyVersion = 0;
  SaveMeta meta;
  std::vector<std::pair<std::string, std::string>> vars;  // name, value text
  std::vector<std::pair<std::string, long long>> visits;
  std::vector<SpentLine> spent;
  std::vector<std::pair<std::string, std::string>> history;  // scene, label
  std::vector<std::pair<std::string, JournalEntry>> journal;  // scene, entry
};

// "scene-id rest" -> id and the rest, trimmed.
std::pair<std::string, std::string_view> splitWord(std::string_view s) {
  s = trim(s);
  size_t sp = s.find(' ');
  if (sp == std::string_view::npos) return {std::string(s), {}};
  return {std::string(s.substr(0, sp)), trim(s.substr(sp + 1))};
}

// A whole value that is one quoted string.
bool quotedOnly(std::string_view v, std::string& out) {
  std::string_view rest;
  return readQuoted(v, out, &rest) && trim(rest).empty();
}

bool readNamed(std::string_view v, std::vector<std::pair<std::string, std::string>>& into) {
  size_t eq = v.find('=');
  if (eq == std::string_view::npos) return false;
  into.emplace_back(std::string(trim(v.substr(0, eq))), std::string(trim(v.substr(eq + 1))));
  return true;
}

bool readVisits(std::string_view v, RawSave& raw) {
  size_t eq = v.find('=');
  long long n = 0;
  if (eq == std::string_view::npos || !parseInt(trim(v.substr(eq + 1)), n) || n < 0 || n > UINT32_MAX) return false;
  raw.visits.emplace_back(std::string(trim(v.substr(0, eq))), n);
  return true;
}

// `spent scene "label"` (format 1) or `spent scene id "label"`.
bool readSpent(std::string_view v, RawSave& raw) {
  auto [scene, rest] = splitWord(v);
  SpentLine line{scene, {}, {}};
  if (!rest.empty() && rest[0] != '"') std::tie(line.id, rest) = splitWord(rest);
  if (!quotedOnly(rest, line.label)) return false;
  raw.spent.push_back(std::move(line));
  return true;
}

bool readHistory(std::string_view v, RawSave& raw) {
  auto [scene, rest] = splitWord(v);
  std::string label;
  if (!quotedOnly(rest, label)) return false;
  raw.history.emplace_back(scene, std::move(label));
  return true;
}

bool readJournal(std::string_view v, RawSave& raw) {
  auto [scene, rest] = splitWord(v);
  JournalEntry j;
  if (!readQuoted(rest, j.question, &rest) || !readQuoted(trim(rest), j.answer, &rest) ||
      !quotedOnly(trim(rest), j.writtenAt))
    return false;
  raw.journal.emplace_back(scene, std::move(j));
  return true;
}

bool readWord(std::string_view v, std::string& out) {
  out = std::string(v);
  return v.find(' ') == std::string_view::npos;
}

// Every key a save may hold (the key includes its ':' or trailing space).
struct Key {
  std::string_view key;
  bool (*read)(std::string_view value, RawSave& raw);
};
const Key kKeys[] = {
    {"story-version:", [](std::string_view v, RawSave& r) { return parseInt(v, r.storyVersion); }},
    {"story:", [](std::string_view v, RawSave& r) { return readWord(v, r.story); }},
    {"saved-at:", [](std::string_view v, RawSave& r) { return readWord(v, r.meta.savedAt); }},
    {"chapter:", [](std::string_view v, RawSave& r) { return quotedOnly(v, r.meta.chapter); }},
    {"scene-title:", [](std::string_view v, RawSave& r) { return quotedOnly(v, r.meta.scene); }},
    {"excerpt:", [](std::string_view v, RawSave& r) { return quotedOnly(v, r.meta.excerpt); }},
    {"scene:", [](std::string_view v, RawSave& r) { return readWord(v, r.scene) && !v.empty(); }},
    {"music:", [](std::string_view v, RawSave& r) { return readWord(v, r.music); }},
    {"ambient:", [](std::string_view v, RawSave& r) { return readWord(v, r.ambient); }},
    {"export-id:", [](std::string_view v, RawSave& r) { return readWord(v, r.exportId); }},
    {"var ", [](std::string_view v, RawSave& r) { return readNamed(v, r.vars); }},
    {"visits ", readVisits},
    {"spent ", readSpent},
    {"history ", readHistory},
    {"journal ", readJournal},
};

bool parseLine(std::string_view line, RawSave& raw) {
  for (const Key& k : kKeys)
    if (line.substr(0, k.key.size()) == k.key) return k.read(trim(line.substr(k.key.size())), raw);
  return false;
}

// Parses the body (the frame already checked); on failure says which line is wrong.
bool parseRaw(std::string_view text, RawSave& raw, std::string& error) {
  int lineNo = 0;
  bool formatSeen = false;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++lineNo;
    if (line.empty() || line[0] == '#') continue;
    if (!formatSeen) {  // the frame checked the format line
      formatSeen = true;
      continue;
    }
    if (!parseLine(line, raw)) {
      error = "the save is damaged at line " + std::to_string(lineNo) + ": '" +
              std::string(line.substr(0, 60)) + "'";
      return false;
    }
  }
  if (raw.scene.empty()) error = "the save is damaged: it names no scene";
  return error.empty();
}

// Upgrades a save of format `from` to format `from + 1`, in order, after parsing.
struct Migration {
  int from;
  void (*upgrade)(RawSave& raw);
};
const Migration kMigrations[] = {
    // 1 -> 2: the reader takes format 1's label-only `spent` lines as they are (matched
    // by label); nothing else changed in meaning.
    {1, [](RawSave&) {}},
};
static_assert(sizeof kMigrations / sizeof kMigrations[0] == kSaveFormatVersion - kOldestSaveFormat,
              "every format from kOldestSaveFormat up needs a migration to the next");

void migrate(RawSave& raw) {
  for (const Migration& m : kMigrations)
    if (raw.format == m.from) {
      m.upgrade(raw);
      raw.format = m.from + 1;
    }
}

// Picks the scene to resume at: the saved one, or the latest surviving one in history.
int resolveScene(const Story& story, const RawSave& raw, std::vector<std::string>& notices) {
  int scene = story.findScene(raw.scene);
  if (scene >= 0) return scene;
  for (auto it = raw.history.rbegin(); it != raw.history.rend(); ++it) {
    scene = story.findScene(it->first);
    if (scene >= 0) {
      notices.push_back("scene '" + raw.scene + "' is no longer in the story; resuming at '" +
                        it->first + "', the latest scene of your history that still exists");
      return scene;
    }
  }
  notices.push_back("scene '" + raw.scene + "' is no longer in the story; starting again from the beginning");
  return story.start;
}

void applyVars(const Story& story, const RawSave& raw, State& state, std::vector<std::string>& notices) {
  std::vector<bool> seen(story.variables.size(), false);
  for (const auto& [name, text] : raw.vars) {
    int slot = story.findVariable(name);
    if (slot < 0) {
      notices.push_back("variable '" + name + "' is no longer in the story; dropped");
      continue;
    }
    Value v;
    seen[slot] = true;
    if (!parseValue(text, story.variables[slot].info.type, v)) {
      notices.push_back("variable '" + name + "' is now a " + typeName(story.variables[slot].info.type) +
                        "; it starts again at its initial value");
      continue;
    }
    const VarInfo& info = story.variables[slot].info;
    if (info.min && v.number < *info.min) v.number = *info.min;
    if (info.max && v.number > *info.max) v.number = *info.max;
    state.vars[slot] = std::move(v);
  }
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i] && !raw.vars.empty())
      notices.push_back("new variable '" + story.variables[i].name + "' starts at its initial value");
}

// A spent choice is found by its stable id; failing that (the choice's target changed),
// by its label, as format 1 saved it.
void applySpent(const Story& story, const RawSave& raw, State& state) {
  for (const SpentLine& line : raw.spent) {
    int scene = story.findScene(line.scene);
    if (scene < 0) continue;
    const std::vector<Choice>& choices = story.scenes[scene].choices;
    int found = -1;
    for (size_t c = 0; c < choices.size() && found < 0 && !line.id.empty(); ++c)
      if (choices[c].once && onceChoiceId(story, scene, c) == line.id) found = static_cast<int>(c);
    for (size_t c = 0; c < choices.size() && found < 0; ++c)
      if (choices[c].once && choices[c].text == line.label && !state.spent[choices[c].spentSlot])
        found = static_cast<int>(c);
    if (found >= 0) state.spent[choices[found].spentSlot] = 1;
  }
}

void applyRest(const Story& story, RawSave& raw, SaveReadResult& result) {
  State& state = result.state;
  for (const auto& [sceneId, count] : raw.visits) {
    int scene = story.findScene(sceneId);
    if (scene >= 0) state.visits[scene] = static_cast<uint32_t>(count);
  }
  applySpent(story, raw, state);
  for (const auto& [sceneId, label] : raw.history) {
    int scene = story.findScene(sceneId);
    if (scene >= 0) state.history.push_back({scene, label});
  }
  for (auto& [sceneId, entry] : raw.journal) {
    // A reflection is the student's own work: keep it even if its scene is gone.
    entry.scene = story.findScene(sceneId);
    if (entry.scene < 0) entry.scene = state.scene;
    state.journal.push_back(std::move(entry));
  }
  if (raw.music != "none" && !raw.music.empty()) {
    state.music = story.findMusic(raw.music);
    if (state.music < 0) result.notices.push_back("music '" + raw.music + "' is no longer in the story");
  }
  if (raw.ambient != "none" && !raw.ambient.empty()) state.ambient = story.findSound(raw.ambient);
  state.exportId = raw.exportId;
}

}  // namespace

SaveReadResult readSave(const Story& story, std::string_view text) {
  SaveReadResult result;
  const char* const kElsewhere = ". Choose another slot or start a new game; other saves are untouched.";
  SaveFrame frame = readSaveFrame(text);
  if (!frame.error.empty()) {
    result.error = frame.error;
    if (!frame.newerFormat) result.error += kElsewhere;
    return result;
  }
  RawSave raw;
  raw.format = frame.version;
  if (!parseRaw(frame.body, raw, result.error)) {
    result.error += kElsewhere;
    return result;
  }
  migrate(raw);
  if (raw.story != story.id) {
    result.error = "this save belongs to the story '" + raw.story + "', not '" + story.id + "'";
    return result;
  }
  result.state = State::initial(story);
  result.state.scene = resolveScene(story, raw, result.notices);
  applyVars(story, raw, result.state, result.notices);
  applyRest(story, raw, result);
  if (raw.storyVersion != story.version && result.notices.empty())
    result.notices.push_back("the story was revised since this save (version " +
                             std::to_string(raw.storyVersion) + " -> " + std::to_string(story.version) + ")");
  result.meta = raw.meta;
  result.ok = true;
  return result;
}

}  // namespace lc
