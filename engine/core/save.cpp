// Save text, one fact per line, each line a key and its value:
//   lostcorner-save: 3                      the format (first line that is not a comment)
//   story: never-let-me-go
//   story-version: 1
//   scene: hailsham.gate
//   random: 2463534242                     random()'s generator (only a story that draws)
//   var trust = 3
//   visits hailsham.gate = 2
//   spent hailsham.gate to:hailsham.pond "Walk down to the pond"   (stable id, then label)
//   history hailsham.gate "Walk down to the pond"
//   place: 2 reading                        paragraphs begun; reading | finished (format 3)
//   rollback 1 scene: hailsham.arrival      rollback step 1 (the oldest kept): the state
//   rollback 1 var trust = 2                lines again, prefixed, and how much of the
//   rollback 1 history-length: 3            history and journal it had (both only grow
//   rollback 1 journal-count: 0             along the steps, so a count says it)
//   end-of-save: fnv1a64 0123456789abcdef   checksum of every byte before this line
// Quoted strings go through quoteText (core/value.h), the one quoting routine. Author ids
// only, so edits to the story don't shift anything; what no longer exists is dropped with
// a notice.
//
// Adding a field of State: a line in writeStateLines (so rollback steps carry it too), a
// member of RawState and a row in kStateKeys (save_read.cpp), and the step that applies it
// in applyState. A save without the line loads with the field's default, so a new key
// needs no new format version. Bump kSaveFormatVersion only when a line changes meaning,
// and add a row to kMigrations that upgrades a RawSave of the previous format.
// Format history: 1 (no end marker; spent choices by label), 2 (end marker + checksum;
// spent choices by stable id, label kept as a fallback; every control byte escaped),
// 3 (the place in the scene and the rollback steps; without them: all shown, no rollback).
#include "core/save.h"

#include <algorithm>

#include "core/play.h"

namespace lc {

SaveMeta describeState(const Story& story, const State& state, std::string savedAt, const SavePlace& place) {
  SaveMeta meta;
  meta.savedAt = std::move(savedAt);
  if (state.scene < 0) return meta;
  const Scene& s = story.scenes[state.scene];
  const Chapter& c = story.chapters[s.chapter];
  meta.chapter = c.title.empty() ? c.id : c.title;
  meta.scene = sceneTitleOrSource(story, state, state.scene);
  if (meta.scene.empty()) meta.scene = s.id;
  std::vector<std::string> paragraphs;
  try {
    paragraphs = s.text.paragraphs(state.env());
  } catch (const EvalError&) {
  }
  if (!paragraphs.empty()) {
    size_t reached = place.paragraphs == SavePlace::kAll ? paragraphs.size() : static_cast<size_t>(place.paragraphs);
    reached = std::clamp<size_t>(reached, 1, paragraphs.size());
    meta.excerpt = paragraphs[reached - 1];
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

namespace {

// The lines of one state that rollback steps repeat (with their prefix).
void writeStateLines(const Story& story, const State& state, const std::string& prefix, std::string& out) {
  // A game not yet started resumes at the start.
  out += prefix + "scene: " + story.scenes[state.scene >= 0 ? state.scene : story.start].qualified + "\n";
  out += prefix + "music: " + (state.music >= 0 ? story.music[state.music].id : std::string("none")) + "\n";
  out += prefix + "ambient: " + (state.ambient >= 0 ? story.sounds[state.ambient].id : std::string("none")) + "\n";
  if (story.drawsRandom) out += prefix + "random: " + std::to_string(state.rng) + "\n";  // where random() goes on
  for (size_t i = 0; i < story.variables.size(); ++i)
    out += prefix + "var " + story.variables[i].name + " = " + state.vars[i].literal() + "\n";
  for (size_t i = 0; i < story.scenes.size(); ++i)
    if (state.visits[i])
      out += prefix + "visits " + story.scenes[i].qualified + " = " + std::to_string(state.visits[i]) + "\n";
  for (size_t s = 0; s < story.scenes.size(); ++s)
    for (size_t c = 0; c < story.scenes[s].choices.size(); ++c) {
      const Choice& choice = story.scenes[s].choices[c];
      if (choice.once && state.spent[choice.spentSlot])
        out += prefix + "spent " + story.scenes[s].qualified + " " + onceChoiceId(story, static_cast<int>(s), c) +
               " " + quoteText(choice.text) + "\n";
    }
}

// A rollback step is an earlier state of this playthrough: its history and journal are
// the first entries of the current ones, so a count is enough.
void writeRollback(const Story& story, const State& now, const std::vector<State>& steps, std::string& out) {
  const size_t first = steps.size() > kSavedRollbackSteps ? steps.size() - kSavedRollbackSteps : 0;
  int number = 0;
  for (size_t i = first; i < steps.size(); ++i) {
    const State& step = steps[i];
    if (step.scene < 0 || step.history.size() > now.history.size() || step.journal.size() > now.journal.size())
      continue;  // not an ancestor of this state (cannot happen in play): not worth keeping
    const std::string prefix = "rollback " + std::to_string(++number) + " ";
    writeStateLines(story, step, prefix, out);
    out += prefix + "history-length: " + std::to_string(step.history.size()) + "\n";
    out += prefix + "journal-count: " + std::to_string(step.journal.size()) + "\n";
  }
}

}  // namespace

std::string writeSave(const Story& story, const State& state, const SaveMeta& meta, const SaveExtras& extras) {
  std::string out = "# Lost Corner save file (readable text; the last line checks the rest)\n";
  out += "lostcorner-save: " + std::to_string(kSaveFormatVersion) + "\n";
  out += "story: " + story.id + "\n";
  out += "story-version: " + std::to_string(story.version) + "\n";
  out += "saved-at: " + meta.savedAt + "\n";
  out += "chapter: " + quoteText(meta.chapter) + "\n";
  out += "scene-title: " + quoteText(meta.scene) + "\n";
  out += "excerpt: " + quoteText(meta.excerpt) + "\n";
  writeStateLines(story, state, "", out);
  for (const HistoryEntry& h : state.history)
    out += "history " + story.scenes[h.scene].qualified + " " + quoteText(h.choice) + "\n";
  if (!state.exportId.empty()) out += "export-id: " + state.exportId + "\n";
  for (const JournalEntry& j : state.journal)
    out += "journal " + story.scenes[j.scene].qualified + " " + quoteText(j.question) + " " + quoteText(j.answer) +
           " " + quoteText(j.writtenAt) + "\n";
  if (extras.place.paragraphs != SavePlace::kAll)
    out += "place: " + std::to_string(extras.place.paragraphs) + (extras.place.finished ? " finished" : " reading") + "\n";
  writeRollback(story, state, extras.rollback, out);
  return out + endOfSaveLine(out);
}

}  // namespace lc
