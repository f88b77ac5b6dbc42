// The save format: readable text, versioned, written with author ids (never indexes),
// so a save survives edits to the story. Pure text in, text out: files live elsewhere.
// The format, and how to add a field to it, is described at the top of save.cpp and in
// story/README.md ("Saves").
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/state.h"
#include "core/story.h"

namespace lc {

// The format written today, and the oldest one that still loads (upgraded on reading).
inline constexpr int kSaveFormatVersion = 3;
inline constexpr int kOldestSaveFormat = 1;
// How many steps of rollback a save keeps (the runner may hold more): enough to undo a
// sitting's worth of choices after a load, small enough that a save stays a few KB.
inline constexpr size_t kSavedRollbackSteps = 50;

// What a save slot shows in a menu; written into the save, not needed to load it.
struct SaveMeta {
  std::string savedAt;   // ISO 8601 UTC, e.g. 2026-11-21T18:30:00Z
  std::string chapter;   // chapter title
  std::string scene;     // scene title (or id)
  std::string excerpt;   // a line of the scene's text
};

// Where in its scene the reader was (format 3 on): how many of the scene's paragraphs were
// on the page, and whether the text was finished (the choices, prompt or ending showing).
// A save of an older format, or a front end that does not say, resumes with all shown.
struct SavePlace {
  static constexpr int kAll = -1;
  int paragraphs = kAll;  // paragraphs begun (the one being revealed counts), or kAll
  bool finished = true;   // the text was finished: what follows it was showing
  bool operator==(const SavePlace& o) const { return paragraphs == o.paragraphs && finished == o.finished; }
};

// What a save holds beside the state: the rollback steps (oldest first; the newest
// kSavedRollbackSteps are written) and the place in the scene.
struct SaveExtras {
  std::vector<State> rollback;
  SavePlace place;
};

std::string writeSave(const Story& story, const State& state, const SaveMeta& meta,
                      const SaveExtras& extras = {});

struct SaveReadResult {
  bool ok = false;
  State state;
  SaveExtras extras;  // rollback steps whose scenes no longer exist are dropped
  SaveMeta meta;
  std::vector<std::string> notices;  // story changed since the save: what was adapted
  std::string error;                 // when !ok: what is wrong and what to do
};

// Reads a save for this story. Refuses (ok=false, error set) a save of another story,
// a newer format, or a corrupt file; adapts to story edits with notices.
SaveReadResult readSave(const Story& story, std::string_view text);

// A save's frame, checked without the story: the format line and (format 2 on) the end
// marker with its checksum. The save store uses it to fall back to a backup.
struct SaveFrame {
  int version = 0;        // the format, when the frame is sound
  std::string_view body;  // the text before the end marker
  std::string error;      // "" when sound; otherwise what is wrong
  bool newerFormat = false;  // the error is only that a newer Lost Corner wrote it
};
SaveFrame readSaveFrame(std::string_view text);
uint64_t saveChecksum(std::string_view bytes);  // FNV-1a 64
std::string endOfSaveLine(std::string_view body);  // "end-of-save: fnv1a64 <16 hex>\n"

// The stable id a save gives a `once` choice, so editing its label does not un-spend it:
// "to:<target scene>", with "/2", "/3"... for a second, third once-choice of the same
// scene with the same target. Derived, so writers need not name their choices.
std::string onceChoiceId(const Story& story, int scene, size_t choice);

// Meta for the current state (chapter, scene title, and the last paragraph begun at
// `place`: the line the reader was at, not the scene's first).
SaveMeta describeState(const Story& story, const State& state, std::string savedAt,
                       const SavePlace& place = {});

}  // namespace lc
