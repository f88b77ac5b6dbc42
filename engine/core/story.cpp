#include "core/story.h"

namespace lc {

std::string aoNames(AoSet set) {
  std::string out;
  for (int i = 0; i < kAoCount; ++i)
    if (set & (1u << i)) out += (out.empty() ? "AO" : ", AO") + std::to_string(i + 1);
  return out;
}

const char* askLevelName(AskLevel level) {
  switch (level) {
    case AskLevel::Support:
      return "support";
    case AskLevel::Core:
      return "core";
    case AskLevel::Stretch:
      return "stretch";
  }
  return "core";
}

const std::string& Ask::at(AskLevel level) const {
  if (level == AskLevel::Support && !support.empty()) return support;
  if (level == AskLevel::Stretch && !stretch.empty()) return stretch;
  return ask;
}

const std::string* Ask::pick(AskLevel level, AoSet only) const {
  if (ask.empty() || (only && !(objectives() & only))) return nullptr;
  return &at(level);
}

const char* promptKindName(PromptKind kind) {
  switch (kind) {
    case PromptKind::Predict: return "predict";
    case PromptKind::Question: return "question";
    case PromptKind::Clarify: return "clarify";
    case PromptKind::Summarise: return "summarise";
    case PromptKind::Connect: return "connect";
  }
  return "question";
}

int Story::findScene(std::string_view qualified) const {
  auto it = sceneIndex.find(std::string(qualified));
  return it == sceneIndex.end() ? -1 : it->second;
}

int Story::findVariable(std::string_view name) const {
  for (size_t i = 0; i < variables.size(); ++i)
    if (variables[i].name == name) return static_cast<int>(i);
  return -1;
}

static int findCue(const std::vector<Cue>& cues, std::string_view id) {
  for (size_t i = 0; i < cues.size(); ++i)
    if (cues[i].id == id) return static_cast<int>(i);
  return -1;
}

int Story::findMusic(std::string_view id) const { return findCue(music, id); }
int Story::findSound(std::string_view id) const { return findCue(sounds, id); }

std::string Story::where(const SourceLoc& loc) const {
  if (loc.file < 0 || loc.file >= static_cast<int>(files.size())) return {};
  return files[loc.file] + ":" + std::to_string(loc.line) + ":" + std::to_string(loc.col);
}

}  // namespace lc
