// State: everything that changes during play, as one plain, copyable object.
// Saving, rollback, hot reload and exploration are all copies of it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/story.h"
#include "core/value.h"

namespace lc {

struct HistoryEntry {
  int scene = -1;      // scene index entered
  std::string choice;  // label of the choice that left it ("" while still there)
};

// A reflection the player wrote in the reading journal.
struct JournalEntry {
  int scene = -1;        // where it was written
  std::string question;  // the scene's `journal` question, or "" for a free note
  std::string answer;
  std::string writtenAt;  // ISO 8601 UTC
};

struct State {
  int scene = -1;
  std::vector<Value> vars;       // by variable slot
  std::vector<uint32_t> visits;  // by scene index
  std::vector<uint8_t> spent;    // by Choice::spentSlot
  std::vector<HistoryEntry> history;
  int music = -1;    // music cue index playing, -1 for silence
  int ambient = -1;  // looping sound cue index, -1 for none
  std::vector<JournalEntry> journal;
  // Made when play first starts (RunnerOptions::newGameId) and kept across restarts and
  // saves, so a class report counts one student's journal exports once, however many
  // sessions they took.
  std::string exportId;
  // Orders `{~a|b}` shuffles; a function of the story id, so play stays reproducible.
  uint32_t seed = 1;
  // The generator random(a, b) in effects draws from (xorshift32, never 0): a function of
  // the story id at the start, then of every draw, so saves and rollback replay it.
  uint32_t rng = 1;
  // Explore sets this to try every value of each draw instead (not part of the state).
  RandomSource* draws = nullptr;

  // A new playthrough: every variable at its initial value, nothing visited or spent.
  static State initial(const Story& story);
  // Same as initial(), reusing this object's memory (used by the walk on every ending).
  void resetTo(const State& initial);
  EvalEnv env() const {
    return EvalEnv{vars.data(), visits.data(), scene >= 0 ? visits[scene] : 0u, seed};
  }
};

}  // namespace lc
