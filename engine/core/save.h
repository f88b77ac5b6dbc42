// The save format: readable text, versioned, written with author ids (never indexes),
// so a save survives edits to the story. Pure text in, text out: files live elsewhere.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/state.h"
#include "core/story.h"

namespace lc {

inline constexpr int kSaveFormatVersion = 1;

// What a save slot shows in a menu; written into the save, not needed to load it.
struct SaveMeta {
  std::string savedAt;   // ISO 8601 UTC, e.g. 2026-11-21T18:30:00Z
  std::string chapter;   // chapter title
  std::string scene;     // scene title (or id)
  std::string excerpt;   // a line of the scene's text
};

std::string writeSave(const Story& story, const State& state, const SaveMeta& meta);

struct SaveReadResult {
  bool ok = false;
  State state;
  SaveMeta meta;
  std::vector<std::string> notices;  // story changed since the save: what was adapted
  std::string error;                 // when !ok: what is wrong and what to do
};

// Reads a save for this story. Refuses (ok=false, error set) a save of another story,
// a newer format, or a corrupt file; adapts to story edits with notices.
SaveReadResult readSave(const Story& story, std::string_view text);

// Meta for the current state (chapter, scene title, first line of text).
SaveMeta describeState(const Story& story, const State& state, std::string savedAt);

}  // namespace lc
