// Save text, one fact per line:
//   lostcorner-save: 1
//   story: never-let-me-go
//   story-version: 1
//   scene: hailsham.gate
//   var trust = 3
//   visits hailsham.gate = 2
//   spent hailsham.gate "Walk down to the pond"
//   history hailsham.gate "Walk down to the pond"
// Quoted strings escape \" \\ and \n. Author ids only, so edits to the story don't
// shift anything; what no longer exists is dropped with a notice.
#include "core/save.h"

#include <cstdlib>
#include <unordered_map>

namespace lc {
namespace {

std::string quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') { out += "\\n"; continue; }
    out += c;
  }
  return out + "\"";
}

// Reads a quoted string at the start of `in`; returns false if it isn't one.
bool unquote(std::string_view in, std::string& out, std::string_view* rest = nullptr) {
  out.clear();
  if (in.empty() || in[0] != '"') return false;
  for (size_t i = 1; i < in.size(); ++i) {
    char c = in[i];
    if (c == '"') {
      if (rest) *rest = in.substr(i + 1);
      return true;
    }
    if (c == '\\' && i + 1 < in.size()) {
      char n = in[++i];
      out += n == 'n' ? '\n' : n;
    } else {
      out += c;
    }
  }
  return false;
}

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
      if (!unquote(s, text, &rest) || !trim(rest).empty()) return false;
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

std::string writeSave(const Story& story, const State& state, const SaveMeta& meta) {
  std::string out = "# Lost Corner save file (readable text)\n";
  out += "lostcorner-save: " + std::to_string(kSaveFormatVersion) + "\n";
  out += "story: " + story.id + "\n";
  out += "story-version: " + std::to_string(story.version) + "\n";
  out += "saved-at: " + meta.savedAt + "\n";
  out += "chapter: " + quote(meta.chapter) + "\n";
  out += "scene-title: " + quote(meta.scene) + "\n";
  out += "excerpt: " + quote(meta.excerpt) + "\n";
  // A game not yet started resumes at the start.
  out += "scene: " + story.scenes[state.scene >= 0 ? state.scene : story.start].qualified + "\n";
  out += "music: " + (state.music >= 0 ? story.music[state.music].id : std::string("none")) + "\n";
  out += "ambient: " + (state.ambient >= 0 ? story.sounds[state.ambient].id : std::string("none")) + "\n";
  for (size_t i = 0; i < story.variables.size(); ++i)
    out += "var " + story.variables[i].name + " = " + state.vars[i].literal() + "\n";
  for (size_t i = 0; i < story.scenes.size(); ++i)
    if (state.visits[i]) out += "visits " + story.scenes[i].qualified + " = " + std::to_string(state.visits[i]) + "\n";
  for (const Scene& s : story.scenes)
    for (const Choice& c : s.choices)
      if (c.once && state.spent[c.spentSlot]) out += "spent " + s.qualified + " " + quote(c.text) + "\n";
  for (const HistoryEntry& h : state.history)
    out += "history " + story.scenes[h.scene].qualified + " " + quote(h.choice) + "\n";
  if (!state.exportId.empty()) out += "export-id: " + state.exportId + "\n";
  for (const JournalEntry& j : state.journal)
    out += "journal " + story.scenes[j.scene].qualified + " " + quote(j.question) + " " + quote(j.answer) + " " +
           quote(j.writtenAt) + "\n";
  return out;
}

namespace {

// The save's lines, before they are matched against the story.
struct RawSave {
  int format = 0;
  std::string story, scene, music, ambient, exportId;
  long long storyVersion = 0;
  SaveMeta meta;
  std::vector<std::pair<std::string, std::string>> vars;  // name, value text
  std::vector<std::pair<std::string, long long>> visits;
  std::vector<std::pair<std::string, std::string>> spent;    // scene, label
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

bool parseLine(std::string_view line, RawSave& raw) {
  auto field = [&](std::string_view key, std::string_view& value) {
    if (line.substr(0, key.size()) != key) return false;
    value = trim(line.substr(key.size()));
    return true;
  };
  std::string_view v;
  long long n = 0;
  if (field("lostcorner-save:", v)) return parseInt(v, n) && (raw.format = static_cast<int>(n), true);
  if (field("story-version:", v)) return parseInt(v, raw.storyVersion);
  if (field("story:", v)) return raw.story = std::string(v), true;
  if (field("saved-at:", v)) return raw.meta.savedAt = std::string(v), true;
  if (field("chapter:", v)) return unquote(v, raw.meta.chapter);
  if (field("scene-title:", v)) return unquote(v, raw.meta.scene);
  if (field("excerpt:", v)) return unquote(v, raw.meta.excerpt);
  if (field("scene:", v)) return raw.scene = std::string(v), !v.empty();
  if (field("music:", v)) return raw.music = std::string(v), true;
  if (field("ambient:", v)) return raw.ambient = std::string(v), true;
  if (field("export-id:", v)) return raw.exportId = std::string(v), true;
  if (field("var ", v)) {
    size_t eq = v.find('=');
    if (eq == std::string_view::npos) return false;
    raw.vars.emplace_back(std::string(trim(v.substr(0, eq))), std::string(trim(v.substr(eq + 1))));
    return true;
  }
  if (field("visits ", v)) {
    size_t eq = v.find('=');
    if (eq == std::string_view::npos || !parseInt(trim(v.substr(eq + 1)), n) || n < 0) return false;
    raw.visits.emplace_back(std::string(trim(v.substr(0, eq))), n);
    return true;
  }
  if (field("journal ", v)) {
    auto [scene, rest] = splitWord(v);
    JournalEntry j;
    if (!unquote(rest, j.question, &rest) || !unquote(trim(rest), j.answer, &rest) ||
        !unquote(trim(rest), j.writtenAt))
      return false;
    raw.journal.emplace_back(scene, std::move(j));
    return true;
  }
  bool isSpent = field("spent ", v);
  if (isSpent || field("history ", v)) {
    auto [scene, rest] = splitWord(v);
    std::string label;
    if (!unquote(rest, label)) return false;
    (isSpent ? raw.spent : raw.history).emplace_back(scene, label);
    return true;
  }
  return false;
}

// Parses the text; on failure says which line is wrong.
bool parseRaw(std::string_view text, RawSave& raw, std::string& error) {
  int lineNo = 0;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    std::string_view line = trim(text.substr(0, nl));
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    ++lineNo;
    if (line.empty() || line[0] == '#') continue;
    if (raw.format == 0 && line.substr(0, 16) != "lostcorner-save:") {
      error = "this is not a Lost Corner save (line " + std::to_string(lineNo) + ")";
      return false;
    }
    if (!parseLine(line, raw)) {
      error = "the save is damaged at line " + std::to_string(lineNo) + ": '" +
              std::string(line.substr(0, 60)) + "'";
      return false;
    }
  }
  if (raw.format == 0) error = "the save is empty or not a Lost Corner save";
  else if (raw.scene.empty()) error = "the save is damaged: it names no scene";
  return error.empty();
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

void applySpent(const Story& story, const RawSave& raw, State& state) {
  for (const auto& [sceneId, label] : raw.spent) {
    int scene = story.findScene(sceneId);
    if (scene < 0) continue;
    for (const Choice& c : story.scenes[scene].choices) {
      if (c.once && c.text == label && !state.spent[c.spentSlot]) {
        state.spent[c.spentSlot] = 1;
        break;
      }
    }
  }
}

}  // namespace

SaveReadResult readSave(const Story& story, std::string_view text) {
  SaveReadResult result;
  RawSave raw;
  if (!parseRaw(text, raw, result.error)) {
    result.error += ". Choose another slot or start a new game; other saves are untouched.";
    return result;
  }
  if (raw.format > kSaveFormatVersion) {
    result.error = "this save was made by a newer Lost Corner (save format " + std::to_string(raw.format) +
                   "); update Lost Corner to load it";
    return result;
  }
  if (raw.story != story.id) {
    result.error = "this save belongs to the story '" + raw.story + "', not '" + story.id + "'";
    return result;
  }
  State& state = result.state;
  state = State::initial(story);
  state.scene = resolveScene(story, raw, result.notices);
  applyVars(story, raw, state, result.notices);
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
  if (raw.storyVersion != story.version && result.notices.empty())
    result.notices.push_back("the story was revised since this save (version " +
                             std::to_string(raw.storyVersion) + " -> " + std::to_string(story.version) + ")");
  result.meta = raw.meta;
  result.ok = true;
  return result;
}

}  // namespace lc
