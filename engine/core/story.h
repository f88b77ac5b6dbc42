// The Story: everything read from a story folder, immutable after loading.
// Runners, tools and front ends read it; only State changes during play.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/expr.h"
#include "core/source.h"
#include "core/text.h"

namespace lc {

struct VariableDecl {
  std::string name;
  VarInfo info;
  Value initial;
  SourceLoc loc;
};

struct Cue {
  std::string id;
  std::string file;  // resolved path (manifest folder + file as written)
  bool loop = false;
  float volume = 1.0f;
  std::string caption;
  SourceLoc loc;
};

enum class PromptKind : uint8_t { Predict, Question, Clarify, Summarise, Connect };
const char* promptKindName(PromptKind kind);

// The GCSE English assessment objectives a question serves, as bits: AO1 (reading,
// evidence) = 1, AO2 (the writer's methods) = 2, AO3 (context) = 4, AO4 = 8.
using AoSet = uint8_t;
inline constexpr AoSet kAoAll = 0x0F;
inline constexpr int kAoCount = 4;
// "AO1, AO2" ("" for none).
std::string aoNames(AoSet set);

// Which version of a question a lesson asks (a lesson plan's `level`).
enum class AskLevel : uint8_t { Support, Core, Stretch };
const char* askLevelName(AskLevel level);

// A question put to the class or a student: the core `ask`, optional easier (`support`)
// and harder (`stretch`) versions, and the objectives it is tagged with.
struct Ask {
  std::string ask;               // "" = no question
  std::string support, stretch;  // "" = the core ask at that level too
  AoSet ao = 0;                  // 0 = untagged, which counts as AO1
  SourceLoc loc;

  bool empty() const { return ask.empty(); }
  AoSet objectives() const { return ao ? ao : AoSet{1}; }
  const std::string& at(AskLevel level) const;
  // The version a lesson asks, or nullptr when its objectives are not among `only`
  // (0 = every question is asked).
  const std::string* pick(AskLevel level, AoSet only) const;
};

struct Prompt : Ask {
  PromptKind kind = PromptKind::Question;
};

// An effect with the place it was written, for run-time error messages.
struct LocatedEffect {
  Effect effect;
  SourceLoc loc;  // the start of the effect's source text
};

// One branch of a conditional `goto` or `next`: taken when its condition holds.
struct Branch {
  Expr condition;
  SourceLoc conditionLoc;
  int target = -1;  // scene index
};

struct Choice {
  std::string text;  // as written; empty: an automatic choice ("Continue", or passed straight on)
  // The label as a template, when `text` has tags (`{stranger}`, `{if x}..{end}`); empty
  // otherwise, and then `text` is shown as it is (see choiceText in core/play.h).
  TextTemplate label;
  SourceLoc labelLoc;
  int target = -1;   // scene index; with branches, the fallback when none holds
  std::vector<Branch> branches;  // conditional targets, tried in order before `target`
  std::optional<Expr> condition;
  SourceLoc conditionLoc;
  bool once = false;
  std::vector<LocatedEffect> effects;
  int spentSlot = -1;  // index into State::spent when `once`
  bool fallback = false;  // shown only when no other choice is (always so without text)
  SourceLoc loc;
};

// Music on entry: leave as is, stop, or crossfade to a cue.
struct MusicChange {
  enum Kind : uint8_t { Keep, Stop, Play } kind = Keep;
  int cue = -1;  // index into Story::music
};

// A sound on entry. A one-shot sound plays over whatever is looping. A looping sound
// goes on until a scene starts another loop, says `sound: none` (an extension of the
// format), or play moves into another chapter.
struct SoundPlay {
  int cue = -1;  // index into Story::sounds, -1 for none
  bool loop = false;
  bool stop = false;  // `sound: none`: stop the looping sound
};

struct Scene {
  std::string id;         // as written in its chapter
  std::string qualified;  // chapter.scene
  int chapter = 0;
  std::string title;       // as written
  TextTemplate titleText;  // `title` as a template when it has tags (empty otherwise)
  MusicChange music;
  SoundPlay sound;
  std::vector<LocatedEffect> onEnter;
  TextTemplate text;
  SourceLoc textLoc;
  std::optional<Prompt> prompt;
  Ask journal;  // `journal:` as a text (v1) or a map {ask, ao, support, stretch}
  std::vector<std::string> tags;
  std::vector<Choice> choices;
  int next = -1;  // scene index when the way on is `next` (the fallback of nextBranches)
  std::vector<Branch> nextBranches;  // a conditional `next`, tried in order
  bool hasFallbacks = false;  // some choice is a fallback
  // No text and an automatic way on (`next`, or a choice without text): entering it goes
  // straight on to where that leads, without showing anything.
  bool passThrough = false;
  bool isEnd = false;
  std::string ending;       // title of the ending as written, may be empty
  TextTemplate endingText;  // `ending` as a template when it has tags (empty otherwise)
  SourceLoc titleLoc, endingLoc;
  // Some label, the title or the ending title has tags: it is rendered with the state.
  bool dynamicLines = false;
  SourceLoc loc;
};

struct Chapter {
  std::string id;  // file stem
  std::string title;
  std::string contentNote;
  std::string file;        // path as listed
  std::vector<int> scenes;  // in reading order
  std::vector<Ask> exam;    // `exam:` questions for the end of the chapter
};

struct Story {
  std::string id;
  std::string title;
  int version = 1;
  std::string folder;  // the story folder the manifest lives in
  int start = -1;
  std::vector<std::string> files;  // SourceLoc::file indexes this
  std::vector<Chapter> chapters;
  std::vector<Scene> scenes;
  std::vector<VariableDecl> variables;
  std::vector<Cue> music;
  std::vector<Cue> sounds;
  std::vector<std::pair<std::string, std::string>> glossary;  // term, explanation
  int spentSlots = 0;  // number of `once` choices
  bool drawsRandom = false;  // some effect calls random(a, b): saves keep the generator

  int findScene(std::string_view qualified) const;  // -1 if none
  int findVariable(std::string_view name) const;    // -1 if none
  int findMusic(std::string_view id) const;
  int findSound(std::string_view id) const;
  // "story/hailsham.yaml:12:5" (or "" when unknown).
  std::string where(const SourceLoc& loc) const;

  std::unordered_map<std::string, int> sceneIndex;  // qualified id -> index
};

}  // namespace lc
