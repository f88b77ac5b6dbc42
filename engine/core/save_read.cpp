// Reading a save (the format is described at the top of save.cpp): the lines are parsed
// into a RawSave, upgraded to today's format, then matched against the story by author
// id, adapting to edits with notices.
#include <cstdint>
#include <cstdlib>
#include <tuple>
#include <utility>

#include "core/save.h"

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

struct SpentLine {
  std::string scene, id, label;  // id is "" in format 1
};

// The lines of one state (the current one, or a rollback step), before they are matched
// against the story.
struct RawState {
  std::string scene, music, ambient;
  long long rng = 0;                                      // `random:` (a story that draws random numbers); 0: not saved
  std::vector<std::pair<std::string, std::string>> vars;  // name, value text
  std::vector<std::pair<std::string, long long>> visits;
  std::vector<SpentLine> spent;
};

struct RawStep {
  RawState state;
  long long historyLength = -1, journalCount = -1;
};

// The save's lines.
struct RawSave {
  int format = 0;
  std::string story, exportId;
  long long storyVersion = 0;
  SaveMeta meta;
  RawState now;
  std::vector<std::pair<std::string, std::string>> history;  // scene, label
  std::vector<std::pair<std::string, JournalEntry>> journal;  // scene, entry
  SavePlace place;
  std::vector<RawStep> rollback;
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

bool readWord(std::string_view v, std::string& out) {
  out = std::string(v);
  return v.find(' ') == std::string_view::npos;
}

bool readCount(std::string_view v, long long& out) { return parseInt(v, out) && out >= 0 && out <= UINT32_MAX; }

bool readNamed(std::string_view v, RawState& raw) {
  size_t eq = v.find('=');
  if (eq == std::string_view::npos) return false;
  raw.vars.emplace_back(std::string(trim(v.substr(0, eq))), std::string(trim(v.substr(eq + 1))));
  return true;
}

bool readVisits(std::string_view v, RawState& raw) {
  size_t eq = v.find('=');
  long long n = 0;
  if (eq == std::string_view::npos || !readCount(trim(v.substr(eq + 1)), n)) return false;
  raw.visits.emplace_back(std::string(trim(v.substr(0, eq))), n);
  return true;
}

// `spent scene "label"` (format 1) or `spent scene id "label"`.
bool readSpent(std::string_view v, RawState& raw) {
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

// `place: 2 reading` or `place: 3 finished`.
bool readPlace(std::string_view v, RawSave& raw) {
  auto [count, rest] = splitWord(v);
  long long n = 0;
  if (!readCount(count, n) || (rest != "reading" && rest != "finished")) return false;
  raw.place = {static_cast<int>(n), rest == "finished"};
  return true;
}

// Every key a save may hold (the key includes its ':' or trailing space): the lines of a
// state, which rollback steps repeat, and the rest.
template <typename Raw>
struct Key {
  std::string_view key;
  bool (*read)(std::string_view value, Raw& raw);
};
const Key<RawState> kStateKeys[] = {
    {"scene:", [](std::string_view v, RawState& r) { return readWord(v, r.scene) && !v.empty(); }},
    {"music:", [](std::string_view v, RawState& r) { return readWord(v, r.music); }},
    {"ambient:", [](std::string_view v, RawState& r) { return readWord(v, r.ambient); }},
    {"random:", [](std::string_view v, RawState& r) { return readCount(v, r.rng) && r.rng > 0; }},
    {"var ", readNamed},
    {"visits ", readVisits},
    {"spent ", readSpent},
};
const Key<RawSave> kKeys[] = {
    {"story-version:", [](std::string_view v, RawSave& r) { return parseInt(v, r.storyVersion); }},
    {"story:", [](std::string_view v, RawSave& r) { return readWord(v, r.story); }},
    {"saved-at:", [](std::string_view v, RawSave& r) { return readWord(v, r.meta.savedAt); }},
    {"chapter:", [](std::string_view v, RawSave& r) { return quotedOnly(v, r.meta.chapter); }},
    {"scene-title:", [](std::string_view v, RawSave& r) { return quotedOnly(v, r.meta.scene); }},
    {"excerpt:", [](std::string_view v, RawSave& r) { return quotedOnly(v, r.meta.excerpt); }},
    {"export-id:", [](std::string_view v, RawSave& r) { return readWord(v, r.exportId); }},
    {"history ", readHistory},
    {"journal ", readJournal},
    {"place:", readPlace},
};
const Key<RawStep> kStepKeys[] = {
    {"history-length:", [](std::string_view v, RawStep& r) { return readCount(v, r.historyLength); }},
    {"journal-count:", [](std::string_view v, RawStep& r) { return readCount(v, r.journalCount); }},
};

// Whether one of `keys` starts the line, and if so whether its value reads.
enum class Read { NoKey, Bad, Ok };
template <typename Raw, size_t N>
Read tryKeys(const Key<Raw> (&keys)[N], std::string_view line, Raw& raw) {
  for (const Key<Raw>& k : keys)
    if (line.substr(0, k.key.size()) == k.key) return k.read(trim(line.substr(k.key.size())), raw) ? Read::Ok : Read::Bad;
  return Read::NoKey;
}

// `rollback <n> <a state line>`: steps are numbered from 1 (the oldest), in order.
bool readRollback(std::string_view v, RawSave& raw) {
  auto [number, rest] = splitWord(v);
  long long n = 0;
  if (!parseInt(number, n) || n < 1 || n > static_cast<long long>(raw.rollback.size()) + 1 ||
      n > static_cast<long long>(kSavedRollbackSteps))
    return false;
  if (n > static_cast<long long>(raw.rollback.size())) raw.rollback.emplace_back();
  RawStep& step = raw.rollback[static_cast<size_t>(n - 1)];
  const Read read = tryKeys(kStepKeys, rest, step);
  if (read != Read::NoKey) return read == Read::Ok;
  return tryKeys(kStateKeys, rest, step.state) == Read::Ok;
}

bool parseLine(std::string_view line, RawSave& raw) {
  Read read = tryKeys(kStateKeys, line, raw.now);
  if (read == Read::NoKey) read = tryKeys(kKeys, line, raw);
  if (read != Read::NoKey) return read == Read::Ok;
  if (raw.format >= 3 && line.substr(0, 9) == "rollback ") return readRollback(line.substr(9), raw);
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
  if (raw.now.scene.empty()) error = "the save is damaged: it names no scene";
  for (size_t i = 0; i < raw.rollback.size() && error.empty(); ++i)
    if (raw.rollback[i].state.scene.empty() || raw.rollback[i].historyLength < 0 ||
        raw.rollback[i].journalCount < 0 ||
        raw.rollback[i].historyLength > static_cast<long long>(raw.history.size()) ||
        raw.rollback[i].journalCount > static_cast<long long>(raw.journal.size()))
      error = "the save is damaged: rollback step " + std::to_string(i + 1) +
              " lacks its scene, or its history or journal is longer than the game's";
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
    // 2 -> 3: format 3 adds `place:` and `rollback` lines; without them a save resumes
    // with the scene's text all shown and no rollback, as format 2 did.
    {2, [](RawSave&) {}},
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
  int scene = story.findScene(raw.now.scene);
  if (scene >= 0) return scene;
  for (auto it = raw.history.rbegin(); it != raw.history.rend(); ++it) {
    scene = story.findScene(it->first);
    if (scene >= 0) {
      notices.push_back("scene '" + raw.now.scene + "' is no longer in the story; resuming at '" +
                        it->first + "', the latest scene of your history that still exists");
      return scene;
    }
  }
  notices.push_back("scene '" + raw.now.scene + "' is no longer in the story; starting again from the beginning");
  return story.start;
}

// Notices are for the current state only (a rollback step would repeat them): `notices`
// is null for a step.
void applyVars(const Story& story, const RawState& raw, State& state, std::vector<std::string>* notices) {
  std::vector<bool> seen(story.variables.size(), false);
  for (const auto& [name, text] : raw.vars) {
    int slot = story.findVariable(name);
    if (slot < 0) {
      if (notices) notices->push_back("variable '" + name + "' is no longer in the story; dropped");
      continue;
    }
    Value v;
    seen[slot] = true;
    if (!parseValue(text, story.variables[slot].info.type, v)) {
      if (notices)
        notices->push_back("variable '" + name + "' is now a " + typeName(story.variables[slot].info.type) +
                           "; it starts again at its initial value");
      continue;
    }
    const VarInfo& info = story.variables[slot].info;
    if (info.min && v.number < *info.min) v.number = *info.min;
    if (info.max && v.number > *info.max) v.number = *info.max;
    state.vars[slot] = std::move(v);
  }
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i] && !raw.vars.empty() && notices)
      notices->push_back("new variable '" + story.variables[i].name + "' starts at its initial value");
}

// A spent choice is found by its stable id; failing that (the choice's target changed),
// by its label, as format 1 saved it.
void applySpent(const Story& story, const RawState& raw, State& state) {
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

// The lines a rollback step shares with the current state.
void applyState(const Story& story, const RawState& raw, State& state, std::vector<std::string>* notices) {
  applyVars(story, raw, state, notices);
  for (const auto& [sceneId, count] : raw.visits) {
    int scene = story.findScene(sceneId);
    if (scene >= 0) state.visits[scene] = static_cast<uint32_t>(count);
  }
  applySpent(story, raw, state);
  if (raw.rng > 0) state.rng = static_cast<uint32_t>(raw.rng);  // else the story's first draw
  if (raw.music != "none" && !raw.music.empty()) {
    state.music = story.findMusic(raw.music);
    if (state.music < 0 && notices) notices->push_back("music '" + raw.music + "' is no longer in the story");
  }
  if (raw.ambient != "none" && !raw.ambient.empty()) state.ambient = story.findSound(raw.ambient);
}

void applyRest(const Story& story, RawSave& raw, SaveReadResult& result) {
  State& state = result.state;
  applyState(story, raw.now, state, &result.notices);
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
  state.exportId = raw.exportId;
}

// Each rollback step: a fresh state with the step's lines, and the first entries of the
// history and journal. A step whose scene is gone is dropped, with the older ones (going
// back past it would skip a part of the story); history entries of removed scenes are
// gone from the current history, so the counts are matched on the saved lines.
void applyRollback(const Story& story, const RawSave& raw, SaveReadResult& result) {
  size_t dropped = 0;
  for (const RawStep& step : raw.rollback) {
    State s = State::initial(story);
    s.scene = story.findScene(step.state.scene);
    if (s.scene < 0) {
      dropped += result.extras.rollback.size() + 1;
      result.extras.rollback.clear();
      continue;
    }
    applyState(story, step.state, s, nullptr);
    for (long long i = 0; i < step.historyLength; ++i) {
      const int scene = story.findScene(raw.history[static_cast<size_t>(i)].first);
      if (scene >= 0) s.history.push_back({scene, raw.history[static_cast<size_t>(i)].second});
    }
    if (!s.history.empty()) s.history.back().choice.clear();  // the choice not yet taken
    s.journal.assign(result.state.journal.begin(), result.state.journal.begin() + step.journalCount);
    s.exportId = raw.exportId;
    result.extras.rollback.push_back(std::move(s));
  }
  if (dropped)
    result.notices.push_back(std::to_string(dropped) + " rollback step" + (dropped == 1 ? "" : "s") +
                             " went through scenes no longer in the story; you can go back " +
                             std::to_string(result.extras.rollback.size()) + " step" +
                             (result.extras.rollback.size() == 1 ? "" : "s"));
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
  applyRest(story, raw, result);
  applyRollback(story, raw, result);
  // The place counts paragraphs of the saved scene: elsewhere, everything is shown.
  if (story.findScene(raw.now.scene) == result.state.scene) result.extras.place = raw.place;
  if (raw.storyVersion != story.version && result.notices.empty())
    result.notices.push_back("the story was revised since this save (version " +
                             std::to_string(raw.storyVersion) + " -> " + std::to_string(story.version) + ")");
  result.meta = raw.meta;
  result.ok = true;
  return result;
}

}  // namespace lc
